#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "align/align.h"
#include "align/quote_turns.h"
#include "support/test_support.h"

namespace tc::test {
namespace {

std::uint8_t marks_of(const std::string& text) { return quote_marks_of(text, Span{0, text.size()}); }

TEST(QuoteTurns, MarksOfASentence) {
  EXPECT_EQ(marks_of("'Not today,' said the porter."), kQuoteLeads);
  EXPECT_EQ(marks_of("  \u201cNot today,\u201d said the porter."), kQuoteLeads);
  EXPECT_EQ(marks_of("\u201c今天不行，\u201d门房说。"), kQuoteLeads);
  EXPECT_EQ(marks_of("「走吧。」"), kQuoteLeads);
  // The last quotation mark closes a question (spaces and other marks between them).
  EXPECT_EQ(marks_of("'Who is at the door?' asked the porter."), kQuoteLeads | kQuoteAsks);
  EXPECT_EQ(marks_of("\u201c谁在门口？\u201d门房问。"), kQuoteLeads | kQuoteAsks);
  EXPECT_EQ(marks_of("'Who is at the door? ' asked Mr O'Neil's porter."), kQuoteLeads | kQuoteAsks);
  // Apostrophes between letters are no quotation marks, at the end or at the start.
  EXPECT_EQ(marks_of("'Is it late?' he asked, and went to O'Neil's."), kQuoteLeads | kQuoteAsks);
  EXPECT_EQ(marks_of("'Come in,' said the porter's wife."), kQuoteLeads);
  EXPECT_EQ(marks_of("He asked who it was and went in."), 0);
  EXPECT_EQ(marks_of("' Spaced,' he said."), 0);
  EXPECT_EQ(marks_of(""), 0);
}

std::vector<SentenceFeatures> side_of(const std::vector<std::string>& sentences) {
  std::vector<SentenceFeatures> side(sentences.size());
  for (std::size_t k = 0; k < sentences.size(); ++k) {
    const Span span{0, sentences[k].size()};
    count_quotes(sentences[k], span, side[k]);
    side[k].ending = find_ending(sentences[k], span);
    mark_quote_turn(side[k], quote_marks_of(sentences[k], span));
  }
  return side;
}

constexpr std::uint8_t state(std::uint8_t bits) { return static_cast<std::uint8_t>(1u << bits); }

TEST(QuoteTurns, AnAttributionMayCloseNothing) {
  const auto side = side_of({"The gate was shut.", "'Not today,' said the porter.", "'Come back tomorrow.", "Early.'",
                             "He went home."});
  EXPECT_EQ(side[1].quote_turn, kQuoteLeads | kQuoteAttributed);
  EXPECT_EQ(side[2].quote_turn, kQuoteLeads);
  EXPECT_FALSE(quote_may_continue(side, 1));
  EXPECT_TRUE(quote_may_continue(side, 2));
  EXPECT_FALSE(quote_may_continue(side, 3));
  // The attribution's sentence: its quotation closed, or still open.
  EXPECT_EQ(quote_states(side, 1, 2), state(0) | state(kStateOpens));
  // The next: a new quotation left open, or the one before going on.
  EXPECT_EQ(quote_states(side, 2, 3), state(kStateOpens) | state(0));
  EXPECT_EQ(quote_states(side, 2, 4), state(0) | state(kStateCloses));
  // Both in one bead: the same either way.
  EXPECT_EQ(quote_states(side, 1, 3), state(kStateOpens));
  EXPECT_EQ(quote_states(side, 0, 5), state(0));
  // Chinese that keeps the quotation open matches either reading.
  const auto zh = side_of({"门关着。", "门房说：“今天不行。", "明天早点来。”"});
  EXPECT_EQ(quote_mismatch(quote_states(zh, 1, 2), quote_states(side, 1, 2)), 0);
  EXPECT_EQ(quote_mismatch(quote_states(zh, 2, 3), quote_states(side, 2, 4)), 0);
  EXPECT_EQ(quote_mismatch(quote_states(zh, 1, 2), quote_states(side, 0, 1)), 1);
}

TEST(QuoteTurns, AQuestionOrASecondAttributionIsAnotherTurn) {
  // An answer follows a question.
  auto side = side_of({"'Who is there?' asked the porter.", "'Only me.'"});
  EXPECT_FALSE(quote_may_continue(side, 1));
  EXPECT_EQ(quote_states(side, 0, 1), state(0));
  // The next sentence names its own speaker.
  side = side_of({"'Not today,' said the porter.", "'Why not?' asked the boy."});
  EXPECT_FALSE(quote_may_continue(side, 1));
  // A sentence ending inside a quotation, or leaving one open, names no speaker after it.
  side = side_of({"He said, 'Not today.'", "'Come back tomorrow.'"});
  EXPECT_FALSE(quote_may_continue(side, 1));
  side = side_of({"'Not today,' said the porter, 'or tomorrow.", "'Come next week.'"});
  EXPECT_FALSE(quote_may_continue(side, 1));
  // Narration before the quotation.
  side = side_of({"The porter shook his head.", "'Not today.'"});
  EXPECT_FALSE(quote_may_continue(side, 1));
  // A new paragraph: another speaker.
  side = side_of({"'Not today,' said the porter.", "'Come back tomorrow.'"});
  EXPECT_TRUE(quote_may_continue(side, 1));
  side[1].paragraph_start = 1;
  EXPECT_FALSE(quote_may_continue(side, 1));
}

TEST(QuoteTurns, MismatchOfTheClosestStates) {
  EXPECT_EQ(quote_mismatch(state(0), state(0)), 0);
  EXPECT_EQ(quote_mismatch(state(kStateOpens), state(0)), 1);
  EXPECT_EQ(quote_mismatch(state(kStateOpens | kStateCloses), state(0)), 2);
  EXPECT_EQ(quote_mismatch(state(kStateOpens | kStateCloses), state(0) | state(kStateCloses)), 1);
  EXPECT_EQ(quote_mismatch(state(kStateOpens), state(0) | state(kStateOpens)), 0);
}

using Targets = BeadTargets;

Targets targets_of(const std::string& zh, const std::string& en, bool quote_turns) {
  AlignOptions options;
  options.segmented = true;
  options.weights.quote_turns = quote_turns;
  return bead_targets(zh, en, options);
}

// The porter's speech: the Chinese names him first and keeps the
// quotation open over two sentences, the English names him after its first
// words and opens the quotation again. Read mark by mark, the Chinese
// sentence leaves a quotation open and the English one does not, and the
// English sentence after the attribution looks like the Chinese sentence's
// rest of the speech.
const std::string kZh = "我们走到城门口。\n门房摇摇头说：“不行。\n你们明天早上再来吧，城里今天晚上有事情，谁也不能进去。”\n我们只好回家。\n";
const std::string kEn = "We walked to the city gate.\n'No,' said the porter, shaking his head.\n'Come back tomorrow.\n"
                        "There is something going on in the city tonight, and nobody can go in.'\nSo we had to go home.\n";

TEST(QuoteTurns, TheSpeechAfterTheAttributionGoesWithTheRestOfIt) {
  EXPECT_EQ(targets_of(kZh, kEn, true), (Targets{{0}, {1}, {2, 3}, {4}}));
  EXPECT_EQ(targets_of(kZh, kEn, false), (Targets{{0}, {1, 2}, {3}, {4}}));
}

}  // namespace
}  // namespace tc::test
