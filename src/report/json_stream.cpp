#include "report/json_stream.h"

#include <cstdio>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "core/utf8.h"
#include "text/bidi.h"

namespace tc {
namespace {

const std::string& placeholder_text() {
  static const std::string text = nlohmann::json(kStreamedArrayPlaceholder).dump();
  return text;
}

// The placeholder as a value: followed by a line break (pretty-printed), which
// no string can hold raw, so text quoting it inside a string never matches.
std::size_t placeholder_at(std::string_view dump) {
  const std::string& text = placeholder_text();
  std::size_t at = dump.find(text);
  while (at != std::string_view::npos) {
    const std::string_view after = dump.substr(at + text.size());
    if (after.empty() || after.front() == '\n' || after.substr(0, 2) == ",\n") break;
    at = dump.find(text, at + 1);
  }
  if (at == std::string_view::npos) throw std::logic_error("streamed array placeholder missing from the report");
  return at;
}

// DEL, the C1 controls (CSI, OSC, NEL ... on some terminals), the bidi
// controls and the line and paragraph separators.
bool steers_terminal(char32_t cp) {
  return cp == 0x7F || (cp >= 0x80 && cp <= 0x9F) || cp == 0x2028 || cp == 0x2029 || is_bidi_control(cp);
}

}  // namespace

std::string escape_steering_characters(std::string json) {
  std::string out;
  std::size_t copied = 0;
  bool changed = false;
  for (std::size_t i = 0; i < json.size();) {
    const std::size_t at = i;
    if (static_cast<unsigned char>(json[i]) < 0x7F) {
      ++i;
      continue;
    }
    const char32_t cp = utf8::next(json, i);
    if (!steers_terminal(cp)) continue;
    if (!changed) out.reserve(json.size() + 16);
    changed = true;
    out.append(json, copied, at - copied);
    char escaped[8];
    std::snprintf(escaped, sizeof escaped, "\\u%04x", static_cast<unsigned>(cp));
    out += escaped;
    copied = i;
  }
  if (!changed) return json;
  out.append(json, copied, std::string::npos);
  return out;
}

void StreamedArray::open(std::string_view dump) {
  const std::size_t at = placeholder_at(dump);
  // The key's line indentation; elements sit one level deeper.
  const std::size_t line_start = dump.rfind('\n', at) + 1;  // npos + 1 == 0
  key_indent_ = 0;
  while (line_start + key_indent_ < at && dump[line_start + key_indent_] == ' ') ++key_indent_;
  element_indent_.assign(key_indent_ + 2, ' ');
  out_ << dump.substr(0, at);
}

void StreamedArray::add(std::string_view text) {
  out_ << (count_++ == 0 ? "[\n" : ",\n") << element_indent_;
  // Pretty-printed JSON holds no raw newline inside strings: every newline
  // starts a line to indent.
  std::size_t from = 0;
  for (std::size_t nl = text.find('\n'); nl != std::string_view::npos; nl = text.find('\n', from)) {
    out_ << text.substr(from, nl + 1 - from) << element_indent_;
    from = nl + 1;
  }
  out_ << text.substr(from);
}

void StreamedArray::close(std::string_view dump) {
  if (count_ == 0) out_ << "[]";
  else out_ << '\n' << std::string(key_indent_, ' ') << ']';
  out_ << dump.substr(placeholder_at(dump) + placeholder_text().size());
}

void write_with_streamed_array(std::ostream& out, std::string_view dump, std::size_t count,
                               const std::function<std::string(std::size_t)>& element) {
  StreamedArray array(out);
  array.open(dump);
  for (std::size_t i = 0; i < count; ++i) array.add(element(i));
  array.close(dump);
}

}  // namespace tc
