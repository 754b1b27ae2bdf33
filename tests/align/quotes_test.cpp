#include <gtest/gtest.h>

#include "align/features.h"

namespace tc::test {
namespace {

// (closes without opening, opens without closing) of a whole string.
std::pair<int, int> quotes_of(const std::string& text) {
  SentenceFeatures features;
  count_quotes(text, Span{0, text.size()}, features);
  return {static_cast<int>(features.quote_closes), static_cast<int>(features.quote_opens)};
}

struct QuoteCase {
  const char* text;
  int closes;  // closed without being opened in the sentence
  int opens;   // opened without being closed
};

void expect_quotes(std::initializer_list<QuoteCase> cases) {
  for (const auto& c : cases) EXPECT_EQ(quotes_of(c.text), std::make_pair(c.closes, c.opens)) << c.text;
}

TEST(CountQuotes, ChineseMarks) {
  expect_quotes({{"他说：“好。”", 0, 0},
                 {"刘老老说道：“谁叫你去打劫呢?", 0, 1},
                 {"不是北京城里的大妓院？”", 1, 0},
                 {"他看了「红楼梦」，又说：「好。", 0, 1},
                 {"『你去吧。』", 0, 0}});
}

TEST(CountQuotes, EnglishSingleQuotesAreNotApostrophes) {
  expect_quotes({{"'It's easy for you,' said Gou-er, 'but what do you expect?", 0, 1},
                 {"Go out and rob?'", 1, 0},
                 {"Don't, it's Trinket's.", 0, 0},
                 {"\u2018I don\u2019t know,\u2019 she said.", 0, 0},
                 {"That must be it!\u2019", 1, 0},
                 {"A few more goes and I'd have had you, though\u2014'", 1, 0},
                 {"'Come on then: let's see\u2014'", 0, 0},
                 {"He stopped\u2014'Wait!'", 0, 0},
                 {"He recalled Whiskers' fight, about three taels' worth.", 0, 0},
                 {"This was only 'play-fighting' and not in earnest.", 0, 0}});
}

TEST(CountQuotes, EnglishDoubleQuotesByPosition) {
  expect_quotes({{"\"Nothing would please me more,\" Wang said.", 0, 0},
                 {"He said: \"Wait.", 0, 1},
                 {"I will.\" Then he left.", 1, 0},
                 {"A café, naïve.", 0, 0},
                 {"He is 5' tall.", 0, 0}});
}

TEST(CountQuotes, MarksOfAnyKindAreCounted) {
  auto marks = [](const std::string& text) {
    SentenceFeatures features;
    count_quotes(text, Span{0, text.size()}, features);
    return static_cast<int>(features.quote_marks);
  };
  EXPECT_EQ(marks("他说：“好。”"), 2);
  EXPECT_EQ(marks("不是北京城里的大妓院？”"), 1);
  EXPECT_EQ(marks("'It's easy for you,' said Gou-er, 'but what do you expect?"), 3);
  EXPECT_EQ(marks("Don't, it's Trinket's."), 0);
  EXPECT_EQ(marks("He recalled Whiskers' fight."), 0);
}

// A sentence is speech when it quotes or starts inside a quotation; English
// opens each paragraph of a long speech again without closing the last.
TEST(MarkSpeech, FollowsQuotationsOverSentences) {
  const std::vector<std::string> sentences = {"He sat down.", "'It is late.", "We should go.",
                                              "'The road is long.", "And dark.'", "She nodded."};
  std::vector<SentenceFeatures> side(sentences.size());
  for (std::size_t k = 0; k < sentences.size(); ++k) count_quotes(sentences[k], Span{0, sentences[k].size()}, side[k]);
  mark_speech(side);
  std::vector<bool> speech;
  for (const auto& s : side) speech.push_back(s.speech);
  EXPECT_EQ(speech, (std::vector<bool>{false, true, true, true, true, false}));
}

}  // namespace
}  // namespace tc::test
