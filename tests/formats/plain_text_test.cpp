#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "formats/furniture.h"
#include "formats/load.h"
#include "formats/plain_text.h"

namespace tc {
namespace {

struct BlockView {
  BlockKind kind;
  std::string content;
  friend bool operator==(const BlockView&, const BlockView&) = default;
};

void PrintTo(const BlockView& b, std::ostream* os) { *os << static_cast<int>(b.kind) << ":" << b.content; }

std::vector<BlockView> blocks_of(const std::string& text, Lang lang = Lang::en) {
  const Document doc = make_document("doc.txt", text, lang);
  std::vector<BlockView> out;
  for (const Block& b : doc.blocks) out.push_back({b.kind, doc.text.substr(b.content().begin, b.content().size())});
  return out;
}

std::vector<KeptKind> kept_of(const std::string& text, Lang lang) {
  const Document doc = make_document("doc.txt", text, lang);
  std::vector<KeptKind> out;
  for (const Block& b : doc.blocks) out.push_back(b.kept);
  return out;
}

using K = BlockKind;

TEST(PlainTextBlocks, HeadingsAndShortLinesAreBlocksOfTheirOwn) {
  EXPECT_EQ(blocks_of("Why get vaccinated?\nVaccines keep children healthy. They are tested.\n"),
            (std::vector<BlockView>{{K::heading, "Why get vaccinated?"},
                                    {K::paragraph, "Vaccines keep children healthy. They are tested."}}));
  EXPECT_EQ(blocks_of("联系我们 加入我们\n乐赫科普\n化疗真的能治愈癌症吗？真相和你想的不一样。\n", Lang::zh),
            (std::vector<BlockView>{{K::heading, "联系我们 加入我们"},
                                    {K::heading, "乐赫科普"},
                                    {K::paragraph, "化疗真的能治愈癌症吗？真相和你想的不一样。"}}));
}

TEST(PlainTextBlocks, AQuotedSentenceAloneOnItsLineIsDialogueNotAHeading) {
  // A novel gives each utterance a paragraph: its sentence end is inside the quotation.
  EXPECT_EQ(blocks_of("“门已经锁了。”\n“你去哪儿？”\n\"I'll find the key.\"\n(See above.)\n", Lang::zh),
            (std::vector<BlockView>{{K::paragraph, "“门已经锁了。”"},
                                    {K::paragraph, "“你去哪儿？”"},
                                    {K::paragraph, "\"I'll find the key.\""},
                                    {K::paragraph, "(See above.)"}}));
  // A title in quotes or brackets without a sentence end still is one.
  EXPECT_EQ(blocks_of("《三体》\n他读完了这本书。\n", Lang::zh),
            (std::vector<BlockView>{{K::heading, "《三体》"}, {K::paragraph, "他读完了这本书。"}}));
}

TEST(PlainTextBlocks, ListItemsKeepTheirNumberingOutOfTheText) {
  EXPECT_EQ(blocks_of("1. Why get vaccinated?\n- Ask your nurse.\n• Call the clinic.\n（一）接种前\n二、接种后\n", Lang::zh),
            (std::vector<BlockView>{{K::heading, "Why get vaccinated?"},
                                    {K::list_item, "Ask your nurse."},
                                    {K::list_item, "Call the clinic."},
                                    {K::heading, "接种前"},
                                    {K::heading, "接种后"}}));
  // Numbers that are no list marker stay in the text.
  EXPECT_EQ(blocks_of("2.5 mg is the dose for adults.\n").front().content, "2.5 mg is the dose for adults.");
}

TEST(PlainTextBlocks, WrappedSentencesStayTogether) {
  // A lower-case continuation, a connective at the end, an open bracket.
  EXPECT_EQ(blocks_of("Older children also need a dose if they are not already\nimmune to measles.\n").size(), 1u);
  EXPECT_EQ(blocks_of("Report problems to the\nVaccine Safety Reporting Service.\n").size(), 1u);
  EXPECT_EQ(blocks_of("These can include seizures (often with\nFever) or a rash.\n").size(), 1u);
  // A Chinese line cut in the middle of a word after a sentence end.
  EXPECT_EQ(blocks_of("慢性肝炎是一种长期疾病。发展为慢性肝炎的大多数患\n者都没有症状。\n", Lang::zh).size(), 1u);
  // A quotation that goes on over lines.
  EXPECT_EQ(blocks_of("他说：“我们走吧。\n天快黑了。”\n", Lang::zh).size(), 1u);
}

TEST(PlainTextBlocks, ALanguageSwitchStartsABlock) {
  const auto blocks = blocks_of(
      "Many leaflets are available in Simplified Chinese. See www.example.org\n许多宣传单均提供简体中文版本。\n", Lang::zh);
  ASSERT_EQ(blocks.size(), 2u);
  EXPECT_EQ(blocks[1].content, "许多宣传单均提供简体中文版本。");
}

TEST(PageFurniture, LinesOfPageFurniture) {
  const auto blocks = blocks_of(
      "Rotavirus causes severe diarrhea in babies.\n"
      "Page 1 of 2\n"
      "Leaflet – Simplified Chinese (3/2/22)\n"
      "Most children need two or three doses.\n"
      "45 CFR 46.116\n"
      "No. 120301 Rev. 4/23\n"
      "Give the dose on 3/2/2022 or later.\n");
  std::vector<BlockKind> kinds;
  for (const auto& b : blocks) kinds.push_back(b.kind);
  EXPECT_EQ(kinds, (std::vector<BlockKind>{K::paragraph, K::furniture, K::furniture, K::paragraph, K::furniture,
                                           K::furniture, K::paragraph}));
}

TEST(PageFurniture, SentencesThatMentionCodesAreBodyText) {
  for (const auto& b : blocks_of("该范围的估计值上限符合一项关于检测对 CFR 估计值影响的研究 2020\n"
                                 "The 45 CFR 46 rules apply to every study.\n"
                                 "Bring form No. 5 to the clinic.\n",
                                 Lang::zh))
    EXPECT_NE(b.kind, K::furniture) << b.content;
}

TEST(PageFurniture, ListsOfNumberedLinesAreNotRepeats) {
  for (const auto& b : blocks_of("Dose 1 at 2 months\nDose 2 at 4 months\nDose 3 at 6 months\n"))
    EXPECT_NE(b.kind, K::furniture) << b.content;
}

TEST(PageFurniture, DialogueRepeatedThroughAStoryIsBodyText) {
  // A short reply in quotes comes back many pages apart in a novel; it is a sentence, not a running head.
  std::string text;
  for (int page = 0; page < 3; ++page) {
    text += "“好。”\n";
    for (int line = 0; line < 10; ++line) text += "他沿着河边慢慢地走回村子，天已经黑了。\n";
    text += "\"Fine.\"\n";
  }
  for (const auto& b : blocks_of(text)) EXPECT_NE(b.kind, K::furniture) << b.content;
}

TEST(KeptText, NoticesNamesCopyrightAndThirdLanguage) {
  EXPECT_EQ(kept_of("This translation is out of date.\n"
                    "Centers for Infant Health\n"
                    "轮状病毒可导致婴儿严重腹泻。\n"
                    "Most children need two doses.\n"
                    "© 2024 Example Health Department\n"
                    "Hojas informativas están disponibles en español y en muchos otros idiomas.\n",
                    Lang::zh),
            (std::vector<KeptKind>{KeptKind::translation_notice, KeptKind::name, KeptKind::none, KeptKind::none,
                                   KeptKind::copyright, KeptKind::third_language}));
  // In an English document, English is not kept: it is the text.
  EXPECT_EQ(kept_of("Centers for Infant Health\nMost children need two doses.\n", Lang::en),
            (std::vector<KeptKind>{KeptKind::none, KeptKind::none}));
}

TEST(KeptText, BodyParagraphsThatMentionCopyrightOrLanguagesAreAligned) {
  // Several sentences of running text are body text, whatever words they contain.
  EXPECT_EQ(kept_of("The clinic keeps the copyright of its leaflets, but any school may print them. Nurses hand them out "
                    "at every visit. Parents read them before the first dose. Teachers ask for copies in English and "
                    "in Chinese. The leaflets say when the second dose is due.\n",
                    Lang::zh),
            (std::vector<KeptKind>{KeptKind::none}));
  // A long line of English words with a few that also are Spanish or French function words.
  EXPECT_FALSE(is_third_language("Sky qu dairy wei la period tiandong. Stepped efficacy reptiles el bilingual mischief "
                                 "glycol tang new buddhist bad stud tambourine. Same creation annex official de "
                                 "outset build broad transfer teacher. Collect quiet south workshop emperor."));
}

TEST(KeptText, ThirdLanguage) {
  EXPECT_TRUE(is_third_language("Hojas de información sobre vacunas están disponibles en español y en muchos otros idiomas"));
  EXPECT_TRUE(is_third_language("Les brochures sont disponibles dans les langues suivantes et pour tous"));
  EXPECT_FALSE(is_third_language("The leaflets are available in Spanish and in many other languages"));
  EXPECT_FALSE(is_third_language("Café de Paris and the Pinyin Zhāng Míng are names"));
  // Capitals are function words too; a word longer than any listed one is none of them.
  EXPECT_TRUE(is_third_language("LES BROCHURES SONT DISPONIBLES DANS LES LANGUES SUIVANTES ET POUR TOUS"));
  // ("también" is 8 bytes, the most a listed word has: "tambiénes" begins with them.)
  EXPECT_FALSE(is_third_language("tambiénes tambiénes tambiénes tambiénes tambiénes tambiénes"));
}

TEST(KeptText, CopyrightInWordsInAnyCase) {
  EXPECT_EQ(kept_of("COPYRIGHT 2024 Example Health Department\n"
                    "Example Press. All Rights Reserved.\n"
                    "Right through the night he laughed.\n",
                    Lang::zh),
            (std::vector<KeptKind>{KeptKind::copyright, KeptKind::copyright, KeptKind::none}));
}

}  // namespace
}  // namespace tc
