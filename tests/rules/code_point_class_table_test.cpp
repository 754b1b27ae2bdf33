// The class table the build writes must give, for every code point of the
// BMP, the classes the rules' predicates give now: a stale table would make
// rules miss or invent events.
#include <gtest/gtest.h>

#include <cstdint>
#include <vector>

#include "rules/code_point_class_table.h"
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

// The same for the Traditional-only characters a Chinese document's scan marks.
TEST(CodePointClassTable, GivesTheTraditionalCharactersChineseVariantsFinds) {
  const std::vector<CodePointRange>* prebuilt = prebuilt_traditional_ranges_in_bmp();
  ASSERT_NE(prebuilt, nullptr);
  const std::vector<CodePointRange> computed = traditional_ranges_in_bmp();
  EXPECT_EQ(*prebuilt, computed);
  std::size_t characters = 0;
  for (const CodePointRange& range : computed) characters += range.end - range.first;
  EXPECT_GT(characters, 1000u);  // 國, 們, 說 ...
  auto marked = [&](char32_t cp) {
    for (const CodePointRange& range : *prebuilt)
      if (cp >= range.first && cp < range.end) return true;
    return false;
  };
  EXPECT_TRUE(marked(U'國'));
  EXPECT_FALSE(marked(U'国'));
  EXPECT_FALSE(marked(U'后'));  // Simplified too
}

// The Chinese documents' table, written at compile time: the base table with
// exactly the Traditional-only characters marked.
TEST(CodePointClassTable, ChineseTableIsTheBaseTableWithTheTraditionalCharactersMarked) {
  const std::uint32_t* chinese = prebuilt_chinese_code_point_classes();
  const std::uint32_t* base = prebuilt_code_point_classes();
  ASSERT_NE(chinese, nullptr);
  ASSERT_NE(base, nullptr);
  std::vector<bool> traditional(0x10000, false);
  for (const CodePointRange& range : traditional_ranges_in_bmp())
    for (std::uint32_t cp = range.first; cp < range.end; ++cp) traditional[cp] = true;
  std::size_t differing = 0;
  for (std::uint32_t cp = 0; cp < 0x10000; ++cp) {
    const std::uint32_t expected = base[cp] | (traditional[cp] ? code_point_class::kTraditional : 0u);
    if (chinese[cp] != expected && ++differing <= 10)
      ADD_FAILURE() << "U+" << std::hex << cp << ": table " << chinese[cp] << ", expected " << expected;
  }
  EXPECT_EQ(differing, 0u);
  EXPECT_NE(chinese[U'國'] & code_point_class::kTraditional, 0u);
  EXPECT_EQ(chinese[U'国'], base[U'国']);
}

}  // namespace
}  // namespace tc
