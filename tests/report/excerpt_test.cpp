#include <gtest/gtest.h>

#include "report/excerpt.h"
#include "support/test_support.h"

namespace tc {
namespace {

TEST(Excerpt, UnderlinesWideCharactersWithTwoColumns) {
  const Document doc = test::make_doc("for识别ing cells\n", Lang::en);
  const Excerpt e = make_excerpt(doc, {3, 9});
  EXPECT_EQ(e.line, 1u);
  EXPECT_EQ(e.text, "for识别ing cells");
  EXPECT_EQ(e.underline, "   ^^^^");
}

TEST(Excerpt, ShowsInvisibleAndBidiCharactersVisibly) {
  const Document doc = test::make_doc("a\u202Eb\u200Bc\n", Lang::en);
  const Excerpt e = make_excerpt(doc, {1, 4});
  EXPECT_EQ(e.text, "a<U+202E>b<U+200B>c");
  EXPECT_EQ(e.underline, " ^^^^^^^^");
}

TEST(Excerpt, CutsHugeLinesToAWindowAroundTheSpan) {
  std::string line(5000, 'x');
  line.replace(4000, 3, "BAD");
  const Document doc = test::make_doc(line + "\n", Lang::en);
  const Excerpt e = make_excerpt(doc, {4000, 4003}, 60);
  EXPECT_LE(e.text.size(), 70u);
  EXPECT_NE(e.text.find("BAD"), std::string::npos);
  EXPECT_EQ(e.underline.find('^'), e.text.find("BAD") - 2);  // "…" is 3 bytes, one column
}

TEST(Excerpt, EmptySpanGetsOneCaret) {
  const Document doc = test::make_doc("abc\n", Lang::en);
  EXPECT_EQ(make_excerpt(doc, {3, 3}).underline, "   ^");
}

}  // namespace
}  // namespace tc
