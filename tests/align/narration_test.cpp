#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "align/align.h"
#include "align/features.h"
#include "support/test_support.h"

namespace tc::test {
namespace {

bool stops(const std::string& text) { return ends_with_stop(text, Span{0, text.size()}); }

TEST(EndsWithStop, FullStopsQuestionsExclamationsAndSemicolonsOfBothScripts) {
  EXPECT_TRUE(stops("他点了点头。"));
  EXPECT_TRUE(stops("He nodded."));
  EXPECT_TRUE(stops("难道这里是皇宫？"));
  EXPECT_TRUE(stops("A hundred times no!"));
  EXPECT_TRUE(stops("他说不下去了……"));
  EXPECT_TRUE(stops("Tomorrow, if you like. . ."));
  // The segmenter cuts a long sentence at ；: its clauses are prose too.
  EXPECT_TRUE(stops("她感到十分的难堪，恨不得这一切早点结束；"));
  // Looking through closing quotation marks, brackets and spaces.
  EXPECT_TRUE(stops("他说：“好。”"));
  EXPECT_TRUE(stops("'Give in?' "));
  EXPECT_TRUE(stops("（真的吗？）"));
}

TEST(EndsWithStop, HeadingsAndFragmentsEndWithNone) {
  EXPECT_FALSE(stops("The National Vaccine Injury Compensation Program"));
  EXPECT_FALSE(stops("须知事宜"));
  EXPECT_FALSE(stops("Tdap（破伤风、白喉、百日咳）疫苗："));
  EXPECT_FALSE(stops("Why get vaccinated"));
  EXPECT_FALSE(stops("他说，"));
  EXPECT_FALSE(stops(""));
  EXPECT_FALSE(stops("  "));
}

TEST(EndsWithStop, ReadsOnlyTheSpanItIsGiven) {
  const std::string text = "须知事宜\n他点了点头。\nWhy get vaccinated\n";
  const std::size_t second = text.find("他"), third = text.find("Why");
  EXPECT_FALSE(ends_with_stop(text, Span{0, second - 1}));
  EXPECT_TRUE(ends_with_stop(text, Span{second, third - 1}));
  EXPECT_FALSE(ends_with_stop(text, Span{third, text.size() - 1}));
  // The prose line's first character alone ends with none: its stop lies past the span.
  EXPECT_FALSE(ends_with_stop(text, Span{second, second + 3}));
}

using Targets = BeadTargets;

// The beads' English sentences, leak off (the crossing evidence alone joins
// nothing here), with merge22 and the narration's discount as given.
Targets targets_of(const std::string& zh, const std::string& en, double merge22, double narration) {
  AlignOptions options;
  options.segmented = true;
  options.weights.leak = 0;
  options.weights.merge22 = merge22;
  options.weights.narration = narration;
  return bead_targets(zh, en, options);
}

// The translator moved the first clause of the third Chinese sentence (and
// more than the clause: 和家人一起吃晚饭) to the end of the second English one.
// At the 2-2 penalty of dialogue the pairs stay 1-1 + 1-1; in narration,
// where a 2-2 bead costs less, they join.
TEST(Narration, AClauseMovedAcrossASentenceEndOfNarrationMakesA22Bead) {
  const std::string zh = "我喜欢苹果。\n医生在医院工作。\n每天晚上他回家和家人一起吃晚饭，然后在书房读报纸。\n天气很冷。\n";
  const std::string en = "I like apples.\nThe doctor works in the hospital, and every evening he goes home and eats dinner with his family.\n"
                         "Afterwards he reads the newspaper in his study.\nThe weather is cold.\n";
  const AlignWeights defaults;
  ASSERT_GT(defaults.narration, 0.0);
  EXPECT_EQ(targets_of(zh, en, defaults.merge22, 0.0), (Targets{{0}, {1}, {2}, {3}}));
  EXPECT_EQ(targets_of(zh, en, defaults.merge22, defaults.narration), (Targets{{0}, {1, 2}, {3}}));
}

// The same sentences as speech: a 2-2 bead there costs merge22, and they
// stay apart (they would join at the narration's cost).
TEST(Narration, SpeechKeepsTheDialoguePenalty) {
  const std::string zh = "我喜欢苹果。\n他说：“医生在医院工作。\n每天晚上他回家和家人一起吃晚饭，然后在书房读报纸。”\n天气很冷。\n";
  const std::string en = "I like apples.\n'The doctor works in the hospital, and every evening he goes home and eats dinner with his family.\n"
                         "Afterwards he reads the newspaper in his study,' he said.\nThe weather is cold.\n";
  const AlignWeights defaults;
  EXPECT_EQ(targets_of(zh, en, defaults.merge22, defaults.narration), (Targets{{0}, {1}, {2}, {3}}));
  EXPECT_EQ(targets_of(zh, en, defaults.merge22 - defaults.narration, defaults.narration), (Targets{{0}, {1, 2}, {3}}));
}

// Lines without a full stop (headings, list items) are no narration either.
TEST(Narration, LinesWithoutAStopKeepTheDialoguePenalty) {
  const std::string zh = "我喜欢苹果。\n医生在医院工作\n每天晚上他回家和家人一起吃晚饭，然后在书房读报纸\n天气很冷。\n";
  const std::string en = "I like apples.\nThe doctor works in the hospital, and every evening he goes home and eats dinner with his family\n"
                         "Afterwards he reads the newspaper in his study\nThe weather is cold.\n";
  const AlignWeights defaults;
  EXPECT_EQ(targets_of(zh, en, defaults.merge22, defaults.narration), (Targets{{0}, {1}, {2}, {3}}));
  EXPECT_EQ(targets_of(zh, en, defaults.merge22 - defaults.narration, defaults.narration), (Targets{{0}, {1, 2}, {3}}));
}

}  // namespace
}  // namespace tc::test
