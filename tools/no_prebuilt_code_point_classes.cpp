// For the build step that writes the prebuilt table (tools/code_point_class_table.cpp):
// there is none yet, so the library computes the classes.
#include <vector>

#include "rules/code_point_class_table.h"
#include "rules/code_point_events.h"

namespace tc {

const std::uint32_t* prebuilt_code_point_classes() { return nullptr; }

const std::vector<CodePointRange>* prebuilt_traditional_ranges_in_bmp() { return nullptr; }

const std::uint32_t* prebuilt_chinese_code_point_classes() { return nullptr; }

}  // namespace tc
