#include <gtest/gtest.h>

#include "align/features.h"

namespace tc::test {
namespace {

// (closes without opening, opens without closing) of a whole string.
std::pair<int, int> quotes_of(const std::string& text) {
  SentenceFeatures features;
  count_quotes(text, Span{0, text.size()}, features);
  return {features.quote_closes, features.quote_opens};
}

using Counts = std::pair<int, int>;

TEST(CountQuotes, ChineseMarks) {
  EXPECT_EQ(quotes_of("他说：“好。”"), Counts(0, 0));
  EXPECT_EQ(quotes_of("刘老老说道：“谁叫你去打劫呢?"), Counts(0, 1));
  EXPECT_EQ(quotes_of("不是北京城里的大妓院？”"), Counts(1, 0));
  EXPECT_EQ(quotes_of("他看了「红楼梦」，又说：「好。"), Counts(0, 1));
  EXPECT_EQ(quotes_of("『你去吧。』"), Counts(0, 0));
}

TEST(CountQuotes, EnglishSingleQuotesAreNotApostrophes) {
  EXPECT_EQ(quotes_of("'It's easy for you,' said Gou-er, 'but what do you expect?"), Counts(0, 1));
  EXPECT_EQ(quotes_of("Go out and rob?'"), Counts(1, 0));
  EXPECT_EQ(quotes_of("Don't, it's Trinket's."), Counts(0, 0));
  EXPECT_EQ(quotes_of("\u2018I don\u2019t know,\u2019 she said."), Counts(0, 0));
  EXPECT_EQ(quotes_of("That must be it!\u2019"), Counts(1, 0));
  EXPECT_EQ(quotes_of("A few more goes and I'd have had you, though\u2014'"), Counts(1, 0));
  EXPECT_EQ(quotes_of("'Come on then: let's see\u2014'"), Counts(0, 0));
  EXPECT_EQ(quotes_of("He stopped\u2014'Wait!'"), Counts(0, 0));
  EXPECT_EQ(quotes_of("He recalled Whiskers' fight, about three taels' worth."), Counts(0, 0));
  EXPECT_EQ(quotes_of("This was only 'play-fighting' and not in earnest."), Counts(0, 0));
}

TEST(CountQuotes, EnglishDoubleQuotesByPosition) {
  EXPECT_EQ(quotes_of("\"Nothing would please me more,\" Wang said."), Counts(0, 0));
  EXPECT_EQ(quotes_of("He said: \"Wait."), Counts(0, 1));
  EXPECT_EQ(quotes_of("I will.\" Then he left."), Counts(1, 0));
  EXPECT_EQ(quotes_of("A café, naïve."), Counts(0, 0));
  EXPECT_EQ(quotes_of("He is 5' tall."), Counts(0, 0));
}

}  // namespace
}  // namespace tc::test
