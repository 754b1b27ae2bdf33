#include "report/json_stream.h"

#include <stdexcept>

namespace tc {

void write_with_streamed_array(std::ostream& out, std::string_view dump, std::size_t count,
                               const std::function<std::string(std::size_t)>& element) {
  // nlohmann escapes the placeholder's control characters as \u0001.
  static constexpr std::string_view kQuoted = "\"\\u0001streamed array\\u0001\"";
  const std::size_t at = dump.find(kQuoted);
  if (at == std::string_view::npos) throw std::logic_error("streamed array placeholder missing from the report");
  // The key's line indentation; elements sit one level deeper.
  const std::size_t line_start = dump.rfind('\n', at) + 1;  // npos + 1 == 0
  std::size_t key_indent = 0;
  while (line_start + key_indent < at && dump[line_start + key_indent] == ' ') ++key_indent;
  const std::string element_indent(key_indent + 2, ' ');

  out << dump.substr(0, at);
  if (count == 0) {
    out << "[]";
  } else {
    out << "[\n";
    for (std::size_t i = 0; i < count; ++i) {
      const std::string text = element(i);
      out << element_indent;
      // Pretty-printed JSON holds no raw newline inside strings: every
      // newline starts a line to indent.
      std::size_t from = 0;
      for (std::size_t nl = text.find('\n'); nl != std::string::npos; nl = text.find('\n', from)) {
        out << std::string_view(text).substr(from, nl + 1 - from) << element_indent;
        from = nl + 1;
      }
      out << std::string_view(text).substr(from) << (i + 1 < count ? ",\n" : "\n");
    }
    out << std::string(key_indent, ' ') << ']';
  }
  out << dump.substr(at + kQuoted.size());
}

}  // namespace tc
