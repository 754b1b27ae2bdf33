#include "core/utf8.h"

#include <unicode/utf8.h>

#include <cstdio>

namespace tc::utf8 {

char32_t next(std::string_view text, std::size_t& pos) {
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const auto length = static_cast<int32_t>(text.size());
  auto i = static_cast<int32_t>(pos);
  UChar32 c;
  U8_NEXT(s, i, length, c);
  pos = static_cast<std::size_t>(i);
  return c < 0 ? kInvalid : static_cast<char32_t>(c);
}

char32_t previous(std::string_view text, std::size_t& pos) {
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  auto i = static_cast<int32_t>(pos);
  UChar32 c;
  U8_PREV(s, 0, i, c);
  pos = static_cast<std::size_t>(i);
  return c < 0 ? kInvalid : static_cast<char32_t>(c);
}

char32_t at(std::string_view text, std::size_t pos) {
  if (pos >= text.size()) return kInvalid;
  return next(text, pos);
}

std::size_t count(std::string_view text) {
  std::size_t n = 0;
  std::size_t pos = 0;
  while (pos < text.size()) {
    if (static_cast<unsigned char>(text[pos]) < 0x80) {
      ++pos;
    } else {
      next(text, pos);
    }
    ++n;
  }
  return n;
}

void append(std::string& out, char32_t cp) {
  uint8_t buffer[4];
  int32_t length = 0;
  UBool error = false;
  U8_APPEND(buffer, length, 4, static_cast<UChar32>(cp), error);
  if (!error) out.append(reinterpret_cast<const char*>(buffer), static_cast<std::size_t>(length));
}

std::string encode(char32_t cp) {
  std::string out;
  append(out, cp);
  return out;
}

std::size_t first_invalid(std::string_view text) {
  std::size_t pos = 0;
  while (pos < text.size()) {
    if (static_cast<unsigned char>(text[pos]) < 0x80) {
      ++pos;
      continue;
    }
    const std::size_t start = pos;
    if (next(text, pos) == kInvalid) return start;
  }
  return std::string_view::npos;
}

bool is_valid(std::string_view text) { return first_invalid(text) == std::string_view::npos; }

std::string code_point_name(char32_t cp) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "U+%04X", static_cast<unsigned>(cp));
  return buffer;
}

}  // namespace tc::utf8
