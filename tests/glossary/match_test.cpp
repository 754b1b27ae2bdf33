// Term matching: Chinese longest match and normalisation, English tokens
// with inflection, case, hyphens, UK spelling and abbreviations.
#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <tuple>

#include "glossary/match.h"
#include "support/test_support.h"

namespace tc::test {
namespace {

GlossaryEntry entry(std::vector<std::string> zh, std::string en, std::vector<std::string> variants = {},
                    std::vector<std::string> forbidden = {}, bool case_sensitive = false) {
  GlossaryEntry e;
  e.zh = std::move(zh);
  e.en = std::move(en);
  e.variants = std::move(variants);
  e.forbidden = std::move(forbidden);
  e.case_sensitive = case_sensitive;
  return e;
}

Glossary make_glossary(const std::vector<GlossaryEntry>& entries) {
  Glossary g;
  g.entries = GlossaryEntries(entries);
  g.build_index();
  return g;
}

// "text[begin,end)=entry/side" for each match, for compact expectations.
std::vector<std::string> english(const Glossary& g, std::string_view text) {
  std::vector<std::string> out;
  for (const TermMatch& m : find_english_terms(g, text, {0, text.size()}))
    out.push_back(std::string(text.substr(m.span.begin, m.span.size())) + "=" + std::to_string(m.entry) +
                  (m.side == TermSide::forbidden ? "!" : ""));
  return out;
}

std::vector<std::string> chinese(const Glossary& g, std::string_view text, bool longest = false) {
  std::vector<TermMatch> matches = find_chinese_terms(g, text, {0, text.size()});
  if (longest) matches = longest_matches(matches);
  std::vector<std::string> out;
  for (const TermMatch& m : matches)
    out.push_back(std::string(text.substr(m.span.begin, m.span.size())) + "=" + std::to_string(m.entry));
  return out;
}

using Strings = std::vector<std::string>;

TEST(GlossaryMatch, EnglishPluralsAndPossessives) {
  const Glossary g = make_glossary({entry({"细胞"}, "cell"), entry({"疗法"}, "therapy"), entry({"肿瘤"}, "tumor"),
                                    entry({"转移"}, "metastasis"), entry({"病毒"}, "virus")});
  EXPECT_EQ(english(g, "Cells, therapies and tumors."), (Strings{"Cells=0", "therapies=1", "tumors=2"}));
  EXPECT_EQ(english(g, "the tumor's edge; metastases; viruses"),
            (Strings{"tumor's=2", "metastases=3", "viruses=4"}));
  EXPECT_EQ(english(g, "cellular tumorigenesis supercells"), Strings{});  // never inside a longer word
}

TEST(GlossaryMatch, EnglishVerbForms) {
  const Glossary g = make_glossary({entry({"感染"}, "infection", {"infect"}), entry({"传播"}, "transmission", {"transmit"}),
                                    entry({"康复"}, "recovery", {"recover"})});
  EXPECT_EQ(english(g, "infected, transmitted, recovering, infects"),
            (Strings{"infected=0", "transmitted=1", "recovering=2", "infects=0"}));
  EXPECT_EQ(english(g, "infectious"), Strings{});
  EXPECT_EQ(english(g, "SARS-CoV-2-infected cells"), (Strings{"infected=0"}));  // past a hyphen after an ordinary word
}

TEST(GlossaryMatch, EnglishCaseHyphenAndSpace) {
  const Glossary g = make_glossary({entry({"T细胞"}, "T cell"), entry({"自然杀伤细胞"}, "natural killer cell", {"NK cell"}, {}, true)});
  EXPECT_EQ(english(g, "T-cells and t cells and T cell"), (Strings{"T-cells=0", "t cells=0", "T cell=0"}));
  EXPECT_EQ(english(g, "NK cells, not nk cells"), (Strings{"NK cells=1"}));
  EXPECT_EQ(english(g, "Natural Killer cells"), (Strings{"Natural Killer cells=1"}));
  EXPECT_EQ(english(g, "T. Cell"), Strings{});  // punctuation breaks a term
}

TEST(GlossaryMatch, EnglishUkSpellings) {
  const Glossary g = make_glossary({entry({"肿瘤"}, "tumor"), entry({"造血"}, "hematopoietic"),
                                    entry({"白血病"}, "leukemia"), entry({"贫血"}, "anemia"), entry({"水肿"}, "edema"),
                                    entry({"食管"}, "esophagus")});
  EXPECT_EQ(english(g, "tumours, haematopoietic, leukaemia, anaemia, oedema, oesophagus"),
            (Strings{"tumours=0", "haematopoietic=1", "leukaemia=2", "anaemia=3", "oedema=4", "oesophagus=5"}));
  // And a UK glossary matches US text.
  const Glossary uk = make_glossary({entry({"肿瘤"}, "tumour")});
  EXPECT_EQ(english(uk, "tumors"), (Strings{"tumors=0"}));
  const Glossary more = make_glossary({entry({"中心"}, "center"), entry({"纤维"}, "fiber"), entry({"免疫接种"}, "immunization")});
  EXPECT_EQ(english(more, "centres, fibres, immunisations"), (Strings{"centres=0", "fibres=1", "immunisations=2"}));
}

TEST(GlossaryMatch, EnglishAbbreviationInParentheses) {
  const Glossary g = make_glossary({entry({"调节性T细胞"}, "regulatory T cell (Treg)"), entry({"T细胞"}, "T cell")});
  // One occurrence for the entry, the nested "T cells" is still seen.
  EXPECT_EQ(english(g, "regulatory T cells (Treg) suppress"), (Strings{"regulatory T cells (Treg)=0", "T cells=1"}));
  EXPECT_EQ(english(g, "Tregs"), (Strings{"Tregs=0"}));
}

TEST(GlossaryMatch, EnglishAbbreviationInsideATerm) {
  const Glossary g = make_glossary({entry({"自然杀伤细胞"}, "natural killer cell", {"NK cell"}, {}, true),
                                    entry({"PD-L1抑制剂"}, "PD-L1 inhibitor", {"programmed death-ligand 1 inhibitor"})});
  EXPECT_EQ(english(g, "natural killer (NK) cells and programmed death-ligand 1 (PD-L1) inhibitors"),
            (Strings{"natural killer (NK) cells=0", "programmed death-ligand 1 (PD-L1) inhibitors=1"}));
  // Only an abbreviation is stepped over, not any aside.
  EXPECT_EQ(english(g, "natural killer (the innate kind) cells"), Strings{});
}

TEST(GlossaryMatch, EnglishCompoundsDoNotStartInside) {
  const Glossary g = make_glossary({entry({"小细胞肺癌"}, "small cell lung cancer"), entry({"非小细胞肺癌"}, "non-small cell lung cancer")});
  EXPECT_EQ(english(g, "non-small cell lung cancer"), (Strings{"non-small cell lung cancer=1"}));
  EXPECT_EQ(english(g, "small-cell lung cancer"), (Strings{"small-cell lung cancer=0"}));
}

TEST(GlossaryMatch, NestedForbiddenInsideAcceptedIsCovered) {
  const Glossary g = make_glossary({entry({"自身免疫力"}, "immunity", {}, {"autoimmune"}),
                                    entry({"自身免疫病"}, "autoimmune disease")});
  const std::string text = "an autoimmune disease";
  const auto matches = find_english_terms(g, text, {0, text.size()});
  ASSERT_EQ(matches.size(), 2u);
  EXPECT_EQ(matches[0].side, TermSide::accepted);
  EXPECT_EQ(matches[1].side, TermSide::forbidden);
  const LongerMatches longer(matches, TermSide::accepted);
  EXPECT_TRUE(longer.cover(matches[1].span));
  EXPECT_FALSE(longer.cover(matches[0].span));
  EXPECT_FALSE(LongerMatches(matches, TermSide::forbidden).cover(matches[1].span));
}

// Against the plain definition: some match of the side starts no later, ends
// no earlier and is longer.
TEST(GlossaryMatch, LongerMatchesAnswersAsAScanOfEveryMatch) {
  std::mt19937 rng(11);
  for (int round = 0; round < 200; ++round) {
    std::vector<TermMatch> matches(rng() % 12);
    for (TermMatch& m : matches) {
      m.span.begin = rng() % 20;
      m.span.end = m.span.begin + 1 + rng() % 6;
      m.side = rng() % 3 == 0 ? TermSide::forbidden : TermSide::accepted;
    }
    const LongerMatches longer(matches, TermSide::accepted);
    for (std::size_t begin = 0; begin < 24; ++begin)
      for (std::size_t end = begin + 1; end < 30; ++end) {
        const Span span{begin, end};
        const bool scanned = std::any_of(matches.begin(), matches.end(), [&](const TermMatch& m) {
          return m.side == TermSide::accepted && m.span.begin <= begin && m.span.end >= end && m.span.size() > span.size();
        });
        ASSERT_EQ(longer.cover(span), scanned) << "round " << round << ", span " << begin << "-" << end;
      }
  }
}

// Nested forms ("a", "a a", ...) that many entries share match at every
// start, once per form and entry: the search keeps `limit` of them, from
// the first starts on.
TEST(GlossaryMatch, SearchesStopAtTheLimit) {
  std::vector<GlossaryEntry> entries;
  for (int e = 0; e < 6; ++e) entries.push_back(entry({"化疗" + std::string(e % 3 == 0 ? "" : "化疗")}, e % 2 ? "a" : "a a"));
  const Glossary g = make_glossary(entries);
  std::string english_text, chinese_text;
  for (int i = 0; i < 50; ++i) english_text += "a ", chinese_text += "化疗";
  const auto all_english = find_english_terms(g, english_text, {0, english_text.size()});
  const auto all_chinese = find_chinese_terms(g, chinese_text, {0, chinese_text.size()});
  ASSERT_GT(all_english.size(), 100u);
  ASSERT_GT(all_chinese.size(), 100u);
  const auto english = find_english_terms(g, english_text, {0, english_text.size()}, 100);
  const auto chinese = find_chinese_terms(g, chinese_text, {0, chinese_text.size()}, true, 100);
  ASSERT_EQ(english.size(), 100u);
  ASSERT_EQ(chinese.size(), 100u);
  // Every match that starts before the last start kept, as the whole search found them.
  for (std::size_t k = 0; k < 100; ++k) {
    if (english[k].span.begin < english.back().span.begin) EXPECT_EQ(english[k].span, all_english[k].span) << k;
    if (chinese[k].span.begin < chinese.back().span.begin) EXPECT_EQ(chinese[k].span, all_chinese[k].span) << k;
  }
  EXPECT_GT(english.back().span.begin, 0u);
  EXPECT_GT(chinese.back().span.begin, 0u);
  EXPECT_EQ(find_english_terms(g, english_text, {0, english_text.size()}, all_english.size()).size(), all_english.size());
}

TEST(GlossaryMatch, ChineseLongestMatch) {
  const Glossary g = make_glossary({entry({"自身免疫"}, "autoimmunity"), entry({"自身免疫力"}, "immunity"),
                                    entry({"免疫"}, "immunity")});
  EXPECT_EQ(chinese(g, "提高自身免疫力", true), (Strings{"自身免疫力=1"}));
  EXPECT_EQ(chinese(g, "提高自身免疫力"), (Strings{"自身免疫力=1", "自身免疫=0", "免疫=2"}));
}

TEST(GlossaryMatch, ChineseNormalisation) {
  const Glossary g = make_glossary({entry({"T细胞"}, "T cell"), entry({"腫瘤"}, "tumor")});
  // Full-width letters fold, offsets stay those of the original text.
  const std::string text = "ＣＤ8+Ｔ细胞与肿瘤";
  EXPECT_EQ(chinese(g, text), (Strings{"Ｔ细胞=0", "肿瘤=1"}));  // glossary in Traditional, text Simplified
  EXPECT_EQ(chinese(g, "t细胞、腫瘤"), (Strings{"t细胞=0", "腫瘤=1"}));
  EXPECT_EQ(chinese(g, "NKT细胞"), Strings{});  // never starts inside a Latin word
  // Without folding, Traditional text does not meet the (Simplified) index.
  const std::string traditional = "腫瘤";
  EXPECT_TRUE(find_chinese_terms(g, traditional, {0, traditional.size()}, false).empty());
}

TEST(GlossaryMatch, ChineseSpacesAroundLatinDoNotCount) {
  const Glossary g = make_glossary({entry({"胸部 X 光检查"}, "chest X-ray"), entry({"PD-1抑制剂"}, "PD-1 inhibitor")});
  EXPECT_EQ(chinese(g, "做胸部X光检查"), (Strings{"胸部X光检查=0"}));
  EXPECT_EQ(chinese(g, "做胸部 X 光检查和 PD-1 抑制剂"), (Strings{"胸部 X 光检查=0", "PD-1 抑制剂=1"}));
}

TEST(GlossaryMatch, EnglishPlusInsideTerm) {
  const Glossary g = make_glossary({entry({"CD8+T细胞"}, "CD8+ T cell")});
  EXPECT_EQ(english(g, "CD8+ T cells and CD8 T-cells."), (Strings{"CD8+ T cells=0", "CD8 T-cells=0"}));
}

TEST(GlossaryMatch, UnindexedGlossaryFindsNothing) {
  Glossary g;
  g.entries.push_back(entry({"细胞"}, "cell"));
  EXPECT_TRUE(find_english_terms(g, "cell", {0, 4}).empty());
}

TEST(GlossaryMatch, EnglishKeyFoldsVariants) {
  EXPECT_EQ(english_key("T-cells"), english_key("T cell"));
  EXPECT_EQ(english_key("Tumours"), english_key("tumor"));
  EXPECT_NE(english_key("virus"), english_key("viru"));
}

// A long text is searched a chunk at a time with an overlap: the same matches
// as one search over the whole, wherever the chunks are cut (lines, words,
// between Chinese characters or other words; the half chunk a cut is looked
// for in always holds one here).
TEST(GlossaryMatch, ChunkedSearchesFindWhatOneSearchFinds) {
  const Glossary g = make_glossary({entry({"化疗", "化学疗法"}, "chemotherapy", {"chemo"}),
                                    entry({"骨髓抑制"}, "myelosuppression", {"bone marrow suppression"}),
                                    entry({"调节性T细胞"}, "regulatory T cell (Treg)"),
                                    entry({"T细胞"}, "T cell"), entry({"自身免疫力"}, "immunity", {}, {"autoimmune"}),
                                    entry({"非小细胞肺癌"}, "non-small cell lung cancer")});
  const std::vector<std::string> pieces{"化疗", "化学", "疗法", "骨髓", "抑制", "T细胞", "调节性", "NKT", "细胞", "。",
                                        "，", "（", "）", " ", " ", "\n", "\n", "chemo", "therapy", "bone", "marrow",
                                        "suppression", "regulatory", "T", "cell", "cells", "(", ")", "Treg", "non-",
                                        "small", "lung", "cancer", "autoimmune", "disease", "-", "ab", "x"};
  std::mt19937 rng(21);
  for (int round = 0; round < 12; ++round) {
    std::string text;
    while (text.size() < 12000) text += pieces[rng() % pieces.size()];
    for (const std::size_t chunk : {200, 333, 2000}) {
      const Span all{0, text.size()};
      const auto spans = [](const std::vector<TermMatch>& matches) {
        std::vector<std::tuple<std::size_t, std::size_t, std::uint32_t, int>> out;
        for (const TermMatch& m : matches) out.emplace_back(m.span.begin, m.span.end, m.entry, static_cast<int>(m.side));
        return out;
      };
      const TermIndex& index = *g.index();
      ASSERT_EQ(spans(index.find_chinese(text, all, true, kNoMatchLimit, chunk)),
                spans(index.find_chinese(text, all, true, kNoMatchLimit, text.size())))
          << "round " << round << ", chunk " << chunk;
      ASSERT_EQ(spans(index.find_english(text, all, kNoMatchLimit, chunk)),
                spans(index.find_english(text, all, kNoMatchLimit, text.size())))
          << "round " << round << ", chunk " << chunk;
    }
  }
}

// The same with each cut swept across a term that runs over a line break, an
// abbreviation in brackets after it, a hyphened prefix and a Latin word
// before a Chinese form.
TEST(GlossaryMatch, ChunksCutNearTermsFindWhatOneSearchFinds) {
  const Glossary g = make_glossary({entry({"调节性T细胞"}, "regulatory T cell (Treg)"), entry({"T细胞"}, "T cell"),
                                    entry({"小细胞肺癌"}, "small cell lung cancer"),
                                    entry({"非小细胞肺癌"}, "non-small cell lung cancer")});
  const auto spans = [](const std::vector<TermMatch>& matches) {
    std::vector<std::tuple<std::size_t, std::size_t, std::uint32_t>> out;
    for (const TermMatch& m : matches) out.emplace_back(m.span.begin, m.span.end, m.entry);
    return out;
  };
  const TermIndex& index = *g.index();
  for (const std::string middle : {"the regulatory T cell\n(Treg) count", "a regulatory T cell (Treg)",
                                   "non-small cell lung cancer", "NKT细胞和T细胞"})
    for (std::size_t before = 0; before < 240; ++before) {
      const std::string text = std::string(before, 'x') + "。" + middle + "。" + test::repeat("化", 2000);
      const Span all{0, text.size()};
      ASSERT_EQ(spans(index.find_english(text, all, kNoMatchLimit, 200)),
                spans(index.find_english(text, all, kNoMatchLimit, text.size())))
          << middle << " after " << before;
      ASSERT_EQ(spans(index.find_chinese(text, all, true, kNoMatchLimit, 200)),
                spans(index.find_chinese(text, all, true, kNoMatchLimit, text.size())))
          << middle << " after " << before;
    }
}

}  // namespace
}  // namespace tc::test
