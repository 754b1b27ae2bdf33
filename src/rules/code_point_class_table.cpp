// The classes of U+0000-U+FFFF, written at build time by
// tools/code_point_class_table.cpp from code_point_classes(): computing them
// at run time asked ICU and every rule's predicate about 65,536 code points
// (4% of checking the Debian catalogs); and the Traditional-only
// characters of the BMP, from traditional_ranges_in_bmp(). Not part of transcheck_base, so that
// the build step can link the predicates without it (CMakeLists.txt).
#include "rules/code_point_class_table.h"

#include <array>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "rules/code_point_events.h"

namespace tc {
namespace {

// Runs of code points with the same classes: {first code point, classes}, ascending from U+0000.
constexpr std::uint32_t kRuns[][2] = {
#include "rules/code_point_class_runs.inc"
};

// The Traditional-only characters of the BMP: {first, end}, ascending.
constexpr std::uint32_t kTraditionalRanges[][2] = {
#include "rules/code_point_traditional_ranges.inc"
};

using ClassTable = std::array<std::uint32_t, 0x10000>;

// The runs written out, at compile time: filling 65,536 entries and copying
// them for the Chinese table cost some 1.4M instructions on the first
// Chinese document of a process.
constexpr ClassTable expand_runs() {
  ClassTable table{};
  const std::size_t runs = sizeof kRuns / sizeof kRuns[0];
  for (std::size_t i = 0; i < runs; ++i) {
    const std::uint32_t end = i + 1 < runs ? kRuns[i + 1][0] : 0x10000;
    for (std::uint32_t cp = kRuns[i][0]; cp < end; ++cp) table[cp] = kRuns[i][1];
  }
  return table;
}

constexpr ClassTable kBaseTable = expand_runs();

constexpr ClassTable mark_traditional() {
  ClassTable table = kBaseTable;
  for (const auto& range : kTraditionalRanges)
    for (std::uint32_t cp = range[0]; cp < range[1]; ++cp) table[cp] |= code_point_class::kTraditional;
  return table;
}

constexpr ClassTable kChineseTable = mark_traditional();

}  // namespace

const std::vector<CodePointRange>* prebuilt_traditional_ranges_in_bmp() {
  static const std::vector<CodePointRange> kRanges = [] {
    std::vector<CodePointRange> ranges;
    for (const auto& range : kTraditionalRanges) ranges.push_back({range[0], range[1]});
    return ranges;
  }();
  return &kRanges;
}

const std::uint32_t* prebuilt_code_point_classes() { return kBaseTable.data(); }

const std::uint32_t* prebuilt_chinese_code_point_classes() { return kChineseTable.data(); }

}  // namespace tc
