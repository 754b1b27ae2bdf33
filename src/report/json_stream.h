#pragma once
// Writing a large JSON report without holding every finding in one DOM: a
// DOM of a million findings takes gigabytes (SARIF ~12 KB per finding).
#include <cstddef>
#include <functional>
#include <ostream>
#include <string>
#include <string_view>

namespace tc {

// The string to put in the report DOM where the streamed array goes.
inline constexpr std::string_view kStreamedArrayPlaceholder = "\x01streamed array\x01";

// Writes `dump` (the DOM pretty-printed with indent 2, holding the
// placeholder once) with the placeholder replaced by an array of `count`
// elements. element(i) returns element i pretty-printed with indent 2 as if
// at the top level; the output is byte for byte what dumping the DOM with
// the array in place would give.
void write_with_streamed_array(std::ostream& out, std::string_view dump, std::size_t count,
                               const std::function<std::string(std::size_t)>& element);

}  // namespace tc
