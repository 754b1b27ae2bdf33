// Excerpts of lines full of zero-width cells (stacked combining marks) stay
// a bounded window instead of the whole line.
#include <gtest/gtest.h>

#include "report/excerpt.h"
#include "support/test_support.h"

namespace tc {
namespace {

using test::repeat;

TEST(ExcerptHostile, StackedMarksDoNotMakeTheWindowUnbounded) {
  const std::string marks = repeat("\u0300", 5000);  // two bytes each
  const Document doc = test::make_doc("a" + marks + "BAD" + marks + "z\n", Lang::en);
  const std::size_t bad = 1 + marks.size();
  const Excerpt e = make_excerpt(doc, {bad, bad + 3}, 60);
  EXPECT_NE(e.text.find("BAD"), std::string::npos);
  EXPECT_LE(e.text.size(), 4u * 60 * 2 + 16);  // at most 4 cells a column, 2 bytes a mark, two "…"
  EXPECT_EQ(e.text.rfind("…", 0), 0u);
  EXPECT_EQ(e.underline, std::string(e.underline.size() - 3, ' ') + "^^^");
}

TEST(ExcerptHostile, AFewMarksPerLetterAreShownWhole) {
  const std::string text = "Zho\u0304ngguo\u0301 na\u0308i\u0308ve";
  const Document doc = test::make_doc(text + "\n", Lang::en);
  EXPECT_EQ(make_excerpt(doc, {0, 1}, 60).text, text);
}

}  // namespace
}  // namespace tc
