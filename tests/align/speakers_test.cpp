#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "align/features.h"
#include "align/lexicon.h"
#include "align/align.h"
#include "align/path.h"
#include "align/speakers.h"
#include "support/test_support.h"

namespace tc::test {
namespace {

// One document of sentences, one a line: the text and the sentences' spans.
struct Side {
  std::string text;
  std::vector<Sentence> sentences;
  explicit Side(const std::vector<std::string>& lines) {
    for (const auto& line : lines) {
      sentences.push_back({Span{text.size(), text.size() + line.size()}, 0});
      text += line + "\n";
    }
  }
};

// Chinese sentences with the tokens given (in order of first appearance, keyed as the extractor keys them).
std::vector<SentenceFeatures> chinese_side(const Side& side, const std::vector<std::vector<std::string>>& tokens) {
  std::vector<SentenceFeatures> out(side.sentences.size());
  for (std::size_t s = 0; s < out.size(); ++s) {
    std::vector<std::uint64_t> keys;
    for (const auto& word : tokens[s]) keys.push_back(word_id("Z" + word));
    const std::vector<WordId> none(keys.size(), 0);
    out[s].tokens.assign(keys, none, none);
    count_quotes(side.text, side.sentences[s].span, out[s]);
  }
  return out;
}

std::uint64_t bits(std::initializer_list<int> numbers) {
  std::uint64_t out = 0;
  for (int n : numbers) out |= std::uint64_t{1} << n;
  return out;
}

TEST(ChineseLeads, FirstWordsOutsideQuotationMarks) {
  const Side side({"老周笑道：“走吧。”", "“走吧！”老周道：“快点。”", "老周道：“走吧，", "快点。”老李说。", "他看着老周。",
                   "老周看着他。"});
  const auto zh = chinese_side(side, {{"老周", "笑", "道", "走", "吧"},
                                      {"走", "吧", "老周", "道", "快点"},
                                      {"老周", "道", "走", "吧"},
                                      {"快点", "老李", "说"},
                                      {"他", "看着", "老周"},
                                      {"老周", "看着", "他"}});
  const auto leads = chinese_leads(side.text, side.sentences, zh);
  ASSERT_EQ(leads.size(), 6u);
  EXPECT_EQ(leads[0], bits({0, 1, 2}));  // the first three words: the speaker and the verb of speech
  EXPECT_EQ(leads[1], bits({2, 3}));     // the speech first: its attribution
  EXPECT_EQ(leads[2], bits({0, 1}));     // a quotation left open ...
  EXPECT_EQ(leads[3], bits({1, 2}));     // ... goes on in the next sentence until it closes
  EXPECT_EQ(leads[4], 0u);               // a pronoun first: no name leads
  EXPECT_EQ(leads[5], bits({0, 1}));     // a lead ends at a pronoun
}

TEST(ChineseLeads, WordsAcrossPunctuationAndSpaces) {
  const Side side({"这时候，老周　走了。", "“好！”　老周说。"});
  const auto zh = chinese_side(side, {{"这时候", "老周", "走", "了"}, {"好", "老周", "说"}});
  const auto leads = chinese_leads(side.text, side.sentences, zh);
  EXPECT_EQ(leads[0], bits({0, 1, 2}));
  EXPECT_EQ(leads[1], bits({1, 2}));
}

TEST(ChineseLeads, TheLongestTokenStartingAtEachCharacter) {
  const Side side({"老周道来。"});
  // 老 and 周道 are tokens (as a lexicon segmenting 老 + 周道 would make them); 周 alone is not read.
  const auto zh = chinese_side(side, {{"老", "周道", "来"}});
  EXPECT_EQ(chinese_leads(side.text, side.sentences, zh)[0], bits({0, 1, 2}));
  const auto two = chinese_side(side, {{"老周", "道", "来", "老"}});
  EXPECT_EQ(chinese_leads(side.text, side.sentences, two)[0], bits({0, 1, 2}));
}

class EnglishLeadsTest : public ::testing::Test {
 protected:
  // English features as the aligner makes them, and the vocabulary of their ids.
  void make(const std::vector<std::string>& lines) {
    side = std::make_unique<Side>(lines);
    FoundOffers offers;
    for (const auto& sentence : side->sentences) {
      FoundFeatures found = extractor.english(side->text, sentence.span);
      en.push_back(std::move(found.features));
      count_quotes(side->text, sentence.span, en.back());
      offers.add(found.offers);
    }
    vocabulary = vocabulary_of(en, offers);
  }
  static WordId name(const char* lower) { return word_id(std::string("@") + lower); }
  static WordId plain(const char* lower) { return word_id(english_stem(lower)); }
  std::vector<std::uint32_t> positions(std::initializer_list<WordId> ids) const {
    std::vector<std::uint32_t> out;
    for (const WordId id : ids) {
      const std::uint32_t position = vocabulary.find(id);
      EXPECT_NE(position, 0u) << id << " is not in the vocabulary";
      out.push_back(position - 1);
    }
    std::sort(out.begin(), out.end());
    return out;
  }
  static std::vector<std::uint32_t> of(const EnglishLeads& leads, std::size_t j) {
    return {leads.of(j).begin(), leads.of(j).end()};
  }
  Lexicon lexicon;
  FeatureExtractor extractor{lexicon, nullptr};
  std::unique_ptr<Side> side;
  std::vector<SentenceFeatures> en;
  Vocabulary vocabulary;
};

TEST_F(EnglishLeadsTest, NamesAmongTheFirstWordsOutsideQuotationMarks) {
  make({"Zhou walked in and sat down.", "'Sit,' said Zhou.", "He looked at Zhou.", "The old man sat by Zhou.",
        "'Zhou is late,' she said.", "Then Li-ming came with Zhou.", "Walking home, Zhou sang.",
        "'Wait,' said Zhou, 'I'll come with", "Li-ming.' The lamp was lit."});
  const EnglishLeads leads = english_leads(side->text, side->sentences, en, vocabulary);
  ASSERT_EQ(leads.start.size(), 10u);
  // A name opening the sentence is the name used elsewhere (and the plain word).
  EXPECT_EQ(of(leads, 0), positions({name("zhou"), plain("zhou")}));
  EXPECT_EQ(of(leads, 1), positions({name("zhou"), plain("zhou")}));  // the attribution after the speech
  EXPECT_TRUE(of(leads, 2).empty());                      // a pronoun first
  EXPECT_TRUE(of(leads, 3).empty());                      // the name is the fourth word
  EXPECT_TRUE(of(leads, 4).empty());                      // inside the quotation
  // A pinyin name joined by a hyphen is the name the extractor reads.
  EXPECT_EQ(of(leads, 5), positions({name("liming"), plain("li-ming"), name("zhou"), plain("zhou")}));
  EXPECT_EQ(of(leads, 6), positions({name("zhou"), plain("zhou")}));  // a capitalised word never used as a name is none
  EXPECT_EQ(of(leads, 7), positions({name("zhou"), plain("zhou")}));
  EXPECT_TRUE(of(leads, 8).empty());                      // inside the quotation left open before it
}

// A side whose sentences lead with no name holds no ranges (4 bytes a
// sentence, held through the searches on a file of short lines).
TEST_F(EnglishLeadsTest, ASideWithoutLeadsHoldsNoRanges) {
  make({"He walked in.", "The lamp was lit.", "'Zhou is late,' she said."});
  const EnglishLeads leads = english_leads(side->text, side->sentences, en, vocabulary);
  EXPECT_TRUE(leads.positions.empty());
  EXPECT_EQ(leads.start.size(), 1u);
}

// A pair of sides whose sentences lead with names: Chinese sentence i offers
// the name ids given (through its first token, or a later one), English
// sentence j leads with the name given.
struct LeadPair {
  Vocabulary vocabulary;
  std::vector<SentenceFeatures> zh;
  std::vector<std::uint64_t> zh_leads;
  EnglishLeads en;
  LeadPair() {
    for (const char* id : {"@zhou", "@li", "@wang"}) vocabulary.ids.push_back(word_id(id));
    std::sort(vocabulary.ids.begin(), vocabulary.ids.end());
  }
  // zh_name offered by the lead token (or, when not leading, by a later token); en_name: the English lead.
  void add(const char* zh_name, const char* en_name, bool leading = true) {
    SentenceFeatures& s = zh.emplace_back();
    std::vector<Offer> offers;
    if (zh_name) offers.push_back({word_id(zh_name), leading ? 1u : 2u});
    s.offers.assign(offers, vocabulary);
    zh_leads.push_back(1);
    if (en_name) en.positions.push_back(vocabulary.find(word_id(en_name)) - 1);
    en.start.push_back(static_cast<std::uint32_t>(en.positions.size()));
  }
  std::vector<Bead> one_to_one() const {
    std::vector<Bead> beads;
    for (std::size_t k = 0; k < zh.size(); ++k) beads.push_back({{k}, {k}, 1.f});
    return beads;
  }
};

TEST(Speakers, MatchesLeadsThatTranslateEachOther) {
  LeadPair pair;
  pair.add("@zhou", "@zhou");
  pair.add("@li", "@zhou");
  pair.add("@li", "@li", false);  // offered by a token that does not lead
  pair.add(nullptr, nullptr);
  const Speakers speakers(pair.zh, pair.zh_leads, pair.en);
  EXPECT_TRUE(speakers.match(0, 0));
  EXPECT_TRUE(speakers.match(0, 1));
  EXPECT_FALSE(speakers.match(1, 0));
  EXPECT_TRUE(speakers.match(1, 2));
  EXPECT_FALSE(speakers.match(2, 2));
  EXPECT_FALSE(speakers.match(3, 3));
  EXPECT_FALSE(speakers.match(4, 0));  // past the end
  EXPECT_FALSE(speakers.match(0, 4));
}

TEST(Speakers, WeightFittedOnHowManyMoreBeadsLeadAlikeThanTheirNeighbours) {
  LeadPair alternating;
  for (int k = 0; k < 12; ++k) alternating.add(k % 2 ? "@li" : "@zhou", k % 2 ? "@li" : "@zhou");
  Speakers speakers(alternating.zh, alternating.zh_leads, alternating.en);
  const auto beads = alternating.one_to_one();
  const LeadFit fit = speakers.fit(path_of(beads));
  EXPECT_EQ(fit.beads, 12u);
  EXPECT_EQ(fit.alike, 12u);
  EXPECT_DOUBLE_EQ(fit.neighbours, 0.0);
  EXPECT_FLOAT_EQ(static_cast<float>(speakers.fit_weight(path_of(beads), 1.5)), static_cast<float>(1.5 * std::log(12 / 0.5)));
  // Rewarded where both next sentences lead alike; not past either side's end.
  EXPECT_FLOAT_EQ(speakers.reward(2, 2), static_cast<float>(1.5 * std::log(12 / 0.5)));
  EXPECT_FLOAT_EQ(speakers.reward(2, 4), static_cast<float>(1.5 * std::log(12 / 0.5)));
  EXPECT_EQ(speakers.reward(2, 3), 0.f);
  EXPECT_EQ(speakers.reward(12, 12), 0.f);
  EXPECT_EQ(speakers.fit_weight(path_of(beads), 0.0), 0.0);
  EXPECT_EQ(speakers.reward(2, 2), 0.f);

  // Every sentence led by one name: the neighbours match as often, so no reward.
  LeadPair same;
  for (int k = 0; k < 12; ++k) same.add("@zhou", "@zhou");
  Speakers one_name(same.zh, same.zh_leads, same.en);
  EXPECT_DOUBLE_EQ(one_name.fit(path_of(same.one_to_one())).neighbours, 12.0);
  EXPECT_EQ(one_name.fit_weight(path_of(same.one_to_one()), 1.5), 0.0);

  // Too few beads leading alike tell nothing.
  LeadPair few;
  for (int k = 0; k < 12; ++k) few.add(k < 9 ? (k % 2 ? "@li" : "@zhou") : nullptr, k % 2 ? "@li" : "@zhou");
  Speakers nine(few.zh, few.zh_leads, few.en);
  EXPECT_EQ(nine.fit(path_of(few.one_to_one())).alike, 9u);
  EXPECT_EQ(nine.fit_weight(path_of(few.one_to_one()), 1.5), 0.0);
}

TEST(Speakers, NeighboursCountedOverPairingBeadsOnly) {
  LeadPair pair;
  // Beads 0-1: Zhou, Wang alternately; a sentence without counterpart between them is skipped.
  for (int k = 0; k < 11; ++k) pair.add(k % 2 ? "@wang" : "@zhou", k % 2 ? "@wang" : "@zhou");
  pair.add("@li", "@zhou");  // the last bead's English leads like its neighbour's Chinese
  std::vector<Bead> beads = pair.one_to_one();
  beads.insert(beads.begin() + 3, Bead{{}, {}, 0.f});
  const Speakers speakers(pair.zh, pair.zh_leads, pair.en);
  const LeadFit fit = speakers.fit(path_of(beads));
  EXPECT_EQ(fit.beads, 12u);
  EXPECT_EQ(fit.alike, 11u);
  // One of 11 neighbouring pairs matches one way (half a match), scaled to 12 beads.
  EXPECT_DOUBLE_EQ(fit.neighbours, 0.5 * 12 / 11);
}

}  // namespace
}  // namespace tc::test

namespace tc::test {
namespace {

// Twelve sentences led by two characters in turn (their names matched by
// pinyin), then a sentence of one of them, a short English sentence with no
// counterpart of its own, and a long sentence of the other.
std::pair<std::string, std::string> two_characters() {
  static const char* zh_acts[] = {"走进了房间", "喝了一杯茶", "看了一本书", "吃了一个苹果", "打开了窗户", "关上了门"};
  static const char* en_acts[] = {"walked into the room", "drank a cup of tea", "read a book", "ate an apple", "opened the window",
                                  "closed the door"};
  std::string zh, en;
  for (int k = 0; k < 12; ++k) {
    zh += std::string(k % 2 ? "吴华" : "周明") + zh_acts[k % 6] + "。\n";
    en += std::string(k % 2 ? "Wu Hua " : "Zhou Ming ") + en_acts[k % 6] + ".\n";
  }
  zh += "周明坐在桌子旁边，看着窗外的大雨。\n吴华摇摇头，放下手里的书，走到窗前看了很久，然后慢慢地回到自己的房间里休息。\n";
  en += "Zhou Ming sat at the table by the window for a long time, watching the heavy rain pour down outside.\n"
        "The book fell to the floor.\nWu Hua shook his head and went to the window.\n";
  return {zh, en};
}

std::vector<std::string> last_two_beads(const std::pair<std::string, std::string>& pair, double speakers) {
  AlignOptions options;
  options.segmented = true;
  options.weights.speakers = speakers;
  return bead_strings(
      align_documents(make_doc(pair.first, Lang::zh, "a.zh.txt"), make_doc(pair.second, Lang::en, "a.en.txt"), options), 2);
}

TEST(Speakers, ASentenceLedByTheNextCharacterStartsTheNextBead) {
  const auto pair = two_characters();
  EXPECT_EQ(last_two_beads(pair, AlignWeights{}.speakers), (std::vector<std::string>{"[12]:[12,13]", "[13]:[14]"}));
  // Without the reward, the long Chinese sentence's length and the word it
  // shares with "The book fell to the floor." pull that sentence to it.
  EXPECT_EQ(last_two_beads(pair, 0.0), (std::vector<std::string>{"[12]:[12]", "[13]:[13,14]"}));
}

}  // namespace
}  // namespace tc::test
