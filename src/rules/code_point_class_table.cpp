// The classes of U+0000-U+FFFF, written at build time by
// tools/code_point_class_table.cpp from code_point_classes(): computing them
// at run time asked ICU and every rule's predicate about 65,536 code points
// (4% of checking the Debian catalogs); and the Traditional-only
// characters of the BMP, from traditional_ranges_in_bmp(). Not part of transcheck_base, so that
// the build step can link the predicates without it (CMakeLists.txt).
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

}  // namespace

const std::vector<CodePointRange>* prebuilt_traditional_ranges_in_bmp() {
  static const std::vector<CodePointRange> kRanges = [] {
    std::vector<CodePointRange> ranges;
    for (const auto& range : kTraditionalRanges) ranges.push_back({range[0], range[1]});
    return ranges;
  }();
  return &kRanges;
}

const std::uint32_t* prebuilt_code_point_classes() {
  static const std::vector<std::uint32_t> kTable = [] {
    std::vector<std::uint32_t> table(0x10000);
    const std::size_t runs = sizeof kRuns / sizeof kRuns[0];
    for (std::size_t i = 0; i < runs; ++i) {
      const std::uint32_t end = i + 1 < runs ? kRuns[i + 1][0] : 0x10000;
      for (std::uint32_t cp = kRuns[i][0]; cp < end; ++cp) table[cp] = kRuns[i][1];
    }
    return table;
  }();
  return kTable.data();
}

}  // namespace tc
