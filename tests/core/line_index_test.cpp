#include <gtest/gtest.h>

#include <vector>

#include "core/line_index.h"

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
    EXPECT_EQ(index.starts()[i], lines[i].begin);
    EXPECT_EQ(index.line_span(i, text), (Span{lines[i].begin, lines[i].end}));
  }
}

}  // namespace
}  // namespace tc
