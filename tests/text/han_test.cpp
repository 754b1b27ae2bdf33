#include <gtest/gtest.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include "text/ascii.h"
#include "text/han.h"

namespace tc {
namespace {

TEST(Han, CoversEveryIdeographBlockTheCallersMeet) {
  EXPECT_TRUE(is_han(U'中'));        // CJK Unified Ideographs
  EXPECT_TRUE(is_han(U'\u3400'));    // extension A
  EXPECT_TRUE(is_han(U'\uF900'));    // compatibility ideograph
  EXPECT_TRUE(is_han(U'\U00020000'));  // extension B
  EXPECT_TRUE(is_han(U'\U0002F800'));  // compatibility supplement
  EXPECT_TRUE(is_han(U'\U00030000'));  // extension G
  EXPECT_TRUE(is_han(U'\U00031350'));  // extension H
}

TEST(Han, EveryAssignedCodePointInTheRangesIsHanScript) {
  std::size_t han = 0;
  for (char32_t cp = 0; cp <= 0x3FFFF; ++cp) {
    if (!is_han(cp) || u_charType(static_cast<UChar32>(cp)) == U_UNASSIGNED) continue;
    UErrorCode status = U_ZERO_ERROR;
    ASSERT_EQ(uscript_getScript(static_cast<UChar32>(cp), &status), USCRIPT_HAN) << static_cast<unsigned>(cp);
    ++han;
  }
  EXPECT_GT(han, 90000u);
}

TEST(Han, LeavesOutSymbolsPunctuationAndOtherScripts) {
  EXPECT_FALSE(is_han(U'\u4DC0'));  // Yijing hexagram
  EXPECT_FALSE(is_han(U'。'));
  EXPECT_FALSE(is_han(U'あ'));
  EXPECT_FALSE(is_han(U'한'));
  EXPECT_FALSE(is_han(U'Ａ'));
  EXPECT_FALSE(is_han(U'é'));
  EXPECT_FALSE(is_han(U'々'));
  EXPECT_TRUE(is_han_or_ideographic_mark(U'々'));
  EXPECT_TRUE(is_han_or_ideographic_mark(U'〇'));
  EXPECT_FALSE(is_han_or_ideographic_mark(U'〈'));
}

TEST(Han, CompatibilityIdeographsAreTheOnesNfkcMapsBack) {
  EXPECT_TRUE(is_compatibility_ideograph(U'\uF900'));
  EXPECT_TRUE(is_compatibility_ideograph(U'\U0002FA1D'));
  EXPECT_FALSE(is_compatibility_ideograph(U'中'));
}

TEST(AsciiCase, FoldsOnlyAsciiLetters) {
  EXPECT_EQ(to_lower_ascii("CD8+ T-Cell Ä"), "cd8+ t-cell Ä");
  EXPECT_EQ(to_lower_ascii('Q'), 'q');
  EXPECT_EQ(to_lower_ascii('['), '[');
  EXPECT_EQ(to_lower_ascii(U'Z'), U'z');
  EXPECT_TRUE(is_ascii_alnum(U'7'));
  EXPECT_FALSE(is_ascii_alnum(U'_'));
}

}  // namespace
}  // namespace tc
