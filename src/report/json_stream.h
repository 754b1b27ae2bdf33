#pragma once
// Writing a large JSON report without holding every finding in one DOM: a
// DOM of a million findings takes gigabytes (SARIF ~12 KB per finding).
#include <cstddef>
#include <functional>
#include <ostream>
#include <string>
#include <string_view>

namespace tc {

// The value to put in the report DOM where the streamed array goes. A number,
// not a string: no file name or text from an input can forge it, because
// every string is dumped in quotes and on one line. No real report value is
// this tiny. The DOM must be dumped pretty-printed (indent 2).
inline constexpr double kStreamedArrayPlaceholder = -1.2345678e-300;

// An array written element by element into a pretty-printed (indent 2) DOM
// dump that holds the placeholder once. open() writes the dump up to the
// array; add() one element, pretty-printed with indent 2 as if at the top
// level; close() the array and the rest of a dump (which may differ from the
// first after the placeholder: values known only at the end). The output is
// byte for byte what dumping the DOM with the array in place would give.
class StreamedArray {
 public:
  explicit StreamedArray(std::ostream& out) : out_(out) {}
  void open(std::string_view dump);
  void add(std::string_view element);
  void close(std::string_view dump);

 private:
  std::ostream& out_;
  std::string element_indent_;
  std::size_t key_indent_ = 0;
  std::size_t count_ = 0;
};

// A JSON text (valid UTF-8, as nlohmann's dump with the replace handler
// gives) with the characters that steer a terminal written as \uXXXX escapes,
// which nlohmann leaves raw: DEL, the C1 controls (U+0085, U+009B: CSI on some
// terminals), the bidi controls (U+061C, U+200E, U+200F, U+202A-U+202E,
// U+2066-U+2069) and U+2028/U+2029. The value read back is the same; outside
// strings JSON holds only ASCII, so a dump stays valid.
std::string escape_steering_characters(std::string json);

// The whole of it at once: `count` elements, element(i) gives element i.
void write_with_streamed_array(std::ostream& out, std::string_view dump, std::size_t count,
                               const std::function<std::string(std::size_t)>& element);

}  // namespace tc
