// A finding's counterpart is held out of line (OutOfLine, core/finding.h) and
// read like a std::optional: copies are deep, an empty one is one pointer.
#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

#include "core/finding.h"

namespace tc {
namespace {

TEST(Finding, ACounterpartReadsLikeAnOptionalAndCopiesAreItsOwn) {
  Finding finding;
  EXPECT_FALSE(finding.counterpart);
  EXPECT_FALSE(finding.counterpart.has_value());
  EXPECT_THROW((void)finding.counterpart.value(), std::bad_optional_access);
  finding.counterpart = Counterpart{nullptr, {1, 4}, "abc"};
  ASSERT_TRUE(finding.counterpart);
  EXPECT_EQ(finding.counterpart->text, "abc");
  EXPECT_EQ((*finding.counterpart).span, (Span{1, 4}));

  Finding copy = finding;
  copy.counterpart->text = "changed";
  EXPECT_EQ(finding.counterpart->text, "abc");

  std::vector<Finding> moved;
  moved.push_back(std::move(copy));
  EXPECT_EQ(moved[0].counterpart->text, "changed");

  finding.counterpart = std::nullopt;
  EXPECT_FALSE(finding.counterpart);
  finding.counterpart.emplace(nullptr, Span{0, 2}, "de");
  EXPECT_EQ(finding.counterpart.value().text, "de");
  finding.counterpart.reset();
  EXPECT_FALSE(finding.counterpart);
}

// Most findings have no counterpart: it takes one pointer of a Finding, not
// a Counterpart's room (a book's thousands of findings are written to
// fresh pages on a first check).
TEST(Finding, AnEmptyCounterpartTakesOnePointer) {
  EXPECT_EQ(sizeof(Finding::counterpart), sizeof(void*));
  EXPECT_LT(sizeof(Finding), sizeof(Counterpart) + 128);
}

}  // namespace
}  // namespace tc
