#pragma once
// What rules/code_point_class_table.cpp holds beyond rules/code_point_events.h:
// the Chinese documents' table, built at compile time.
#include <cstdint>

namespace tc {

// The classes of U+0000-U+FFFF with the Traditional-only characters marked
// kTraditional (prebuilt_code_point_classes with prebuilt_traditional_ranges_in_bmp
// applied), or null in the build step itself.
const std::uint32_t* prebuilt_chinese_code_point_classes();

}  // namespace tc
