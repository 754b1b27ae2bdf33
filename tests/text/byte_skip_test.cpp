#include "text/byte_skip.h"

#include <gtest/gtest.h>

#include <string>

namespace tc {
namespace {

// count_byte counts 16 bytes at a time and the rest one by one: every
// length and start around those blocks gives what a plain count gives.
TEST(CountByte, EveryRangeCountsAsAPlainCount) {
  std::string text;
  for (int k = 0; k < 70; ++k) text += k % 3 == 0 ? '\n' : k % 5 == 0 ? '\xFF' : 'a';
  for (std::size_t begin = 0; begin <= text.size(); ++begin)
    for (std::size_t end = begin; end <= text.size(); ++end) {
      std::size_t expected = 0;
      for (std::size_t i = begin; i < end; ++i) expected += text[i] == '\n';
      ASSERT_EQ(text::count_byte<'\n'>(text, begin, end), expected) << begin << ".." << end;
    }
}

TEST(CountByte, AHighByteIsCountedAsItself) {
  const std::string text(40, '\xFF');
  EXPECT_EQ(text::count_byte<0xFF>(text, 0, text.size()), 40u);
  EXPECT_EQ(text::count_byte<0x7F>(text, 0, text.size()), 0u);
  EXPECT_EQ(text::count_byte<'\n'>(std::string("a\nb\n"), 0, 4), 2u);
}

}  // namespace
}  // namespace tc
