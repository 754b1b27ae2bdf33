#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/line_index.h"
#include "core/utf8.h"

namespace tc {
namespace {

std::vector<Line> lines_of(std::string_view text) {
  std::vector<Line> lines;
  for_each_line(text, [&](const Line& line) { lines.push_back(line); });
  return lines;
}

TEST(Lines, EndAtNewlineCrlfAndLoneCr) {
  const std::string_view text = "a\nbb\r\nc\rd";
  const std::vector<Line> lines = lines_of(text);
  ASSERT_EQ(lines.size(), 4u);
  EXPECT_EQ(text.substr(lines[1].begin, lines[1].end - lines[1].begin), "bb");
  EXPECT_EQ(lines[1].next, 6u);
  EXPECT_EQ(text.substr(lines[2].begin, lines[2].end - lines[2].begin), "c");
  EXPECT_EQ(lines[3].begin, 8u);
  EXPECT_EQ(lines[3].end, 9u);
  EXPECT_EQ(lines[3].next, 9u);
}

TEST(Lines, AFinalTerminatorStartsNoLineButTheIndexCountsIt) {
  EXPECT_EQ(lines_of("a\n\nb\n").size(), 3u);
  EXPECT_TRUE(lines_of("").empty());
  const LineIndex index("a\n\nb\n");
  EXPECT_EQ(index.line_count(), 4u);
  EXPECT_EQ(index.line_of(3), 2u);
}

TEST(Lines, IndexAgreesWithTheSplitter) {
  const std::string_view text = "one\r\ntwo\rthree\n\nfour";
  const LineIndex index(text);
  const std::vector<Line> lines = lines_of(text);
  ASSERT_EQ(index.line_count(), lines.size());
  for (std::size_t i = 0; i < lines.size(); ++i) {
    EXPECT_EQ(index.start(i), lines[i].begin);
    EXPECT_EQ(index.line_span(i, text), (Span{lines[i].begin, lines[i].end}));
  }
}

// The splitter looks for line ends in windows that grow from 256 bytes: lines
// ending inside, at and past each window's edge, with every kind of end,
// split as a byte-by-byte reading does.
TEST(Lines, LongAndShortLinesSplitAcrossTheSearchWindows) {
  std::string text;
  const char* const ends[] = {"\n", "\r", "\r\n"};
  std::size_t kind = 0;
  for (std::size_t length : {0, 1, 254, 255, 256, 257, 767, 768, 769, 1791, 1792, 5000, 70000})
    for (int k = 0; k < 3; ++k) text += std::string(length, 'x') + ends[kind++ % 3];
  text += std::string(3000, 'y');  // no end at all
  std::vector<Line> expected;
  for (std::size_t begin = 0, i = 0;; ++i) {
    if (i == text.size() || text[i] == '\n' || text[i] == '\r') {
      std::size_t next = i == text.size() ? i : i + (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n' ? 2 : 1);
      expected.push_back({begin, i, next});
      if (next >= text.size()) break;
      begin = i = next;
      --i;
    }
  }
  const std::vector<Line> lines = lines_of(text);
  ASSERT_EQ(lines.size(), expected.size());
  for (std::size_t i = 0; i < lines.size(); ++i) {
    EXPECT_EQ(lines[i].begin, expected[i].begin) << i;
    EXPECT_EQ(lines[i].end, expected[i].end) << i;
    EXPECT_EQ(lines[i].next, expected[i].next) << i;
  }
}

}  // namespace
}  // namespace tc

// Columns on lines long enough for checkpoints are the count from the line
// start, at every offset, invalid and cut sequences included.
TEST(LineIndexTest, ColumnsOnLongLinesMatchCountingFromTheLineStart) {
  std::string text = "short\n";
  for (int i = 0; i < 3000; ++i) text += i % 7 == 0 ? "\xE5\xAD" : (i % 3 == 0 ? "字" : "ab\xF0\x9F\x98\x80");
  text += "\r\n";
  for (int i = 0; i < 2500; ++i) text += "é中";
  const tc::LineIndex index(text);
  for (std::size_t offset = 0; offset <= text.size(); ++offset) {
    const std::size_t line = index.line_of(offset);
    const std::size_t start = index.start(line);
    const tc::Position p = index.position(offset, text);
    ASSERT_EQ(p.line, line + 1);
    ASSERT_EQ(p.column, tc::utf8::count(std::string_view(text).substr(start, offset - start)) + 1) << offset;
  }
}
