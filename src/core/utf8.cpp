#include "core/utf8.h"

#include <unicode/utf8.h>

#include <cstdint>
#include <cstdio>
#include <cstring>

namespace tc::utf8 {

char32_t decode_next(std::string_view text, std::size_t& pos) {
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  // 64-bit indices: the macros are index-type generic, and inputs may pass 2 GiB.
  const auto length = static_cast<std::int64_t>(text.size());
  auto i = static_cast<std::int64_t>(pos);
  UChar32 c;
  U8_NEXT(s, i, length, c);
  pos = static_cast<std::size_t>(i);
  return c < 0 ? kInvalid : static_cast<char32_t>(c);
}

char32_t previous(std::string_view text, std::size_t& pos) {
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  // U8_PREV takes a 32-bit index; a sequence is at most 4 bytes, so decode
  // in a window that ends at pos.
  const std::size_t base = pos > 4 ? pos - 4 : 0;
  auto i = static_cast<int32_t>(pos - base);
  UChar32 c;
  U8_PREV(s + base, 0, i, c);
  pos = base + static_cast<std::size_t>(i);
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
    // Eight ASCII bytes at a time (most of an English text): a code point each.
    if (text.size() - pos >= 8) {
      std::uint64_t word;
      std::memcpy(&word, text.data() + pos, sizeof word);
      if ((word & 0x8080808080808080ULL) == 0) {
        pos += 8, n += 8;
        continue;
      }
    }
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

// first_invalid: core/utf8_validate.cpp.

bool is_valid(std::string_view text) { return first_invalid(text) == std::string_view::npos; }

std::string code_point_name(char32_t cp) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "U+%04X", static_cast<unsigned>(cp));
  return buffer;
}

}  // namespace tc::utf8
