#include <gtest/gtest.h>

#include "align/features.h"
#include "align/length_fit.h"
#include "align/path.h"

namespace tc::test {
namespace {

std::uint8_t ending_of(const std::string& text) { return find_ending(text, Span{0, text.size()}); }

TEST(FindEnding, QuestionsAndExclamationsOfBothScripts) {
  EXPECT_EQ(ending_of("难道这里是皇宫？"), kEndingQuestion | kEndingStop);
  EXPECT_EQ(ending_of("服个屁！"), kEndingExclaims | kEndingStop);
  EXPECT_EQ(ending_of("谁叫你去打劫呢?"), kEndingQuestion | kEndingStop);
  EXPECT_EQ(ending_of("Could this be the Palace?"), kEndingQuestion | kEndingStop);
  EXPECT_EQ(ending_of("A hundred times no!"), kEndingExclaims | kEndingStop);
  EXPECT_EQ(ending_of("What?!"), kEndingExclaims | kEndingStop);  // the last mark
  EXPECT_EQ(ending_of("他点了点头。"), kEndingStop);
  EXPECT_EQ(ending_of("He nodded."), kEndingStop);
  EXPECT_EQ(ending_of("Why get vaccinated"), 0);
  EXPECT_EQ(ending_of(""), 0);
}

TEST(FindEnding, LooksThroughClosingQuotesBracketsAndSpaces) {
  auto class_of = [](const std::string& text) { return static_cast<std::uint8_t>(ending_of(text) & kEndingClass); };
  EXPECT_EQ(class_of("那男孩哈哈大笑，说道：“服了么？”"), kEndingQuestion);
  EXPECT_EQ(class_of("他说：「走吧！」"), kEndingExclaims);
  EXPECT_EQ(class_of("（真的吗？）"), kEndingQuestion);
  EXPECT_EQ(class_of("'Give in?' "), kEndingQuestion);
  EXPECT_EQ(class_of("\"Wait!\""), kEndingExclaims);
  EXPECT_EQ(class_of("He said \u2018never!\u2019"), kEndingExclaims);
  EXPECT_EQ(class_of("(Is it?)"), kEndingQuestion);
  // A mark inside the sentence, or before words after the quotation, is no ending.
  EXPECT_EQ(class_of("'Give in my arse!' panted Trinket."), 0);
  EXPECT_EQ(class_of("What? No, he said."), 0);
}

TEST(FindEnding, AClosingQuotationMarkLastEndsInsideAQuotation) {
  EXPECT_EQ(ending_of("那男孩哈哈大笑，说道：“服了么？”"), kEndingQuestion | kEndingStop | kEndingQuoted);
  EXPECT_EQ(ending_of("他说：“好。”"), kEndingStop | kEndingQuoted);
  EXPECT_EQ(ending_of("他说：「走吧！」"), kEndingExclaims | kEndingStop | kEndingQuoted);
  EXPECT_EQ(ending_of("That's why I was so late for lunch.' "), kEndingStop | kEndingQuoted);
  EXPECT_EQ(ending_of("\"Wait!\""), kEndingExclaims | kEndingStop | kEndingQuoted);
  EXPECT_EQ(ending_of("You haven't seen anything yet!\u2019"), kEndingExclaims | kEndingStop | kEndingQuoted);
  // Only the last mark: a bracket after the quotation, or words after it, end outside.
  EXPECT_EQ(ending_of("（他说：“好。”）"), kEndingStop);
  EXPECT_EQ(ending_of("（真的吗？）"), kEndingQuestion | kEndingStop);
  EXPECT_EQ(ending_of("'Surrender?' he demanded."), kEndingStop);
  EXPECT_EQ(ending_of("他看了「红楼梦」。"), kEndingStop);
}

// Sentences ending as given (0, kEndingQuestion or kEndingExclaims), one bead per pair.
struct Pair {
  std::vector<SentenceFeatures> zh, en;
  std::vector<Bead> beads;
  void add(std::uint8_t zh_ending, std::uint8_t en_ending) {
    zh.emplace_back().ending = zh_ending;
    en.emplace_back().ending = en_ending;
    beads.push_back({{zh.size() - 1}, {en.size() - 1}, 1.f});
  }
};

TEST(EndingFit, CountsBeadsEndingAlikeAndTheirChance) {
  Pair pair;
  for (int k = 0; k < 4; ++k) pair.add(kEndingQuestion, kEndingQuestion);
  pair.add(kEndingExclaims, kEndingExclaims);
  pair.add(kEndingQuestion, 0);
  pair.add(0, kEndingExclaims);
  pair.add(kEndingExclaims, kEndingQuestion);
  for (int k = 0; k < 12; ++k) pair.add(0, 0);
  const EndingFit fit = ending_fit(pair.zh, pair.en, path_of(pair.beads));
  EXPECT_EQ(fit.beads, 20u);
  EXPECT_EQ(fit.ending, 8u);
  EXPECT_EQ(fit.alike, 5u);
  // Questions: 5 Chinese x 5 English; exclamations: 2 x 2; over 20 beads.
  EXPECT_DOUBLE_EQ(fit.chance, (5.0 * 5.0 + 2.0 * 2.0) / 20.0);
}

TEST(EndingFit, ReadsTheLastSentenceOfEachSideAndSkipsUnpairedBeads) {
  Pair pair;
  pair.add(0, 0);
  pair.add(kEndingQuestion, 0);
  // A 1-2 bead whose last English sentence asks: the Chinese one does too.
  pair.en.emplace_back().ending = kEndingQuestion;
  pair.beads.back().target.push_back(pair.en.size() - 1);
  // Its first English sentence exclaims, the Chinese of a 2-1 bead's first one: neither counts.
  pair.en[1].ending = kEndingExclaims;
  pair.zh.emplace_back().ending = kEndingExclaims;
  pair.zh.emplace_back().ending = 0;
  pair.en.emplace_back().ending = kEndingExclaims;
  pair.beads.push_back({{2, 3}, {3}, 1.f});
  // A 1-0 bead that asks.
  pair.zh.emplace_back().ending = kEndingQuestion;
  pair.beads.push_back({{4}, {}, 0.f});
  const EndingFit fit = ending_fit(pair.zh, pair.en, path_of(pair.beads));
  EXPECT_EQ(fit.beads, 3u);
  EXPECT_EQ(fit.ending, 2u);
  EXPECT_EQ(fit.alike, 1u);
  EXPECT_DOUBLE_EQ(fit.chance, 1.0 * 1.0 / 3.0);
}

TEST(EndingFit, CountsOnlyTheClassesAsked) {
  Pair pair;
  pair.add(kEndingQuestion | kEndingQuoted, kEndingQuestion | kEndingQuoted);
  pair.add(kEndingQuoted, kEndingQuoted);
  pair.add(kEndingQuoted, 0);
  pair.add(kEndingQuestion, 0);
  pair.add(0, 0);
  const EndingFit quoted = ending_fit(pair.zh, pair.en, path_of(pair.beads), kEndingQuoted);
  EXPECT_EQ(quoted.beads, 5u);
  EXPECT_EQ(quoted.ending, 3u);
  EXPECT_EQ(quoted.alike, 2u);
  EXPECT_DOUBLE_EQ(quoted.chance, 3.0 * 2.0 / 5.0);
  const EndingFit questions = ending_fit(pair.zh, pair.en, path_of(pair.beads), kEndingClass);
  EXPECT_EQ(questions.ending, 2u);
  EXPECT_EQ(questions.alike, 1u);
  EXPECT_DOUBLE_EQ(questions.chance, 2.0 * 1.0 / 5.0);
}

}  // namespace
}  // namespace tc::test
