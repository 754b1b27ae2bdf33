// The class table the build writes must give, for every code point of the
// BMP, the classes the rules' predicates give now: a stale table would make
// rules miss or invent events.
#include <gtest/gtest.h>

#include <cstdint>

#include "rules/code_point_events.h"

namespace tc {
namespace {

TEST(CodePointClassTable, GivesThePredicatesClassesForEveryBmpCodePoint) {
  const std::uint32_t* table = prebuilt_code_point_classes();
  ASSERT_NE(table, nullptr);
  std::size_t differing = 0, with_classes = 0;
  for (char32_t cp = 0; cp < 0x10000; ++cp) {
    const std::uint32_t computed = code_point_classes(cp);
    with_classes += computed != 0;
    if (table[cp] != computed && ++differing <= 10)
      ADD_FAILURE() << "U+" << std::hex << static_cast<std::uint32_t>(cp) << ": table " << table[cp] << ", predicates " << computed;
  }
  EXPECT_EQ(differing, 0u);
  EXPECT_GT(with_classes, 1000u);  // not an empty table compared with empty predicates
}

}  // namespace
}  // namespace tc
