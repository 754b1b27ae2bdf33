#pragma once
// UTF-8 helpers over ICU's U8_* macros. Text inside transcheck is UTF-8 that
// may contain invalid sequences (they are findings, not errors), so every
// decoder here reports them instead of replacing them.
#include <cstddef>
#include <string>
#include <string_view>

namespace tc::utf8 {

// Returned by next() for an ill-formed sequence (a maximal subpart is skipped).
inline constexpr char32_t kInvalid = 0xFFFFFFFFu;

// next() for what its inline fast path leaves: ICU's U8_NEXT.
char32_t decode_next(std::string_view text, std::size_t& pos);

// Whether two continuation bytes follow the byte at pos (pos < text.size())
// within text. After a lead of E1-EC or EE-EF that is a well-formed
// three-byte character (E0 and ED restrict the second byte): the fast paths
// over Chinese text test the range of leads they pass over, then this.
inline bool three_bytes_at(std::string_view text, std::size_t pos) {
  const auto* p = reinterpret_cast<const unsigned char*>(text.data()) + pos;
  return text.size() - pos >= 3 && (p[1] & 0xC0) == 0x80 && (p[2] & 0xC0) == 0x80;
}

// The code point of the three-byte character at pos (three_bytes_at holds).
inline char32_t three_byte_code_point(std::string_view text, std::size_t pos) {
  const auto* p = reinterpret_cast<const unsigned char*>(text.data()) + pos;
  return static_cast<char32_t>((p[0] & 0x0F) << 12 | (p[1] & 0x3F) << 6 | (p[2] & 0x3F));
}

// Decodes the code point at text[pos] and advances pos past it. ASCII and
// the well-formed three-byte sequences of most Chinese text are decoded
// inline (rules call this for every character); the rest by decode_next.
inline char32_t next(std::string_view text, std::size_t& pos) {
  if (pos < text.size()) {
    const auto* p = reinterpret_cast<const unsigned char*>(text.data()) + pos;
    if (p[0] < 0x80) {
      ++pos;
      return p[0];
    }
    // Leads E1-EC and EE-EF take any continuation byte second (E0 and ED restrict it).
    if (p[0] >= 0xE1 && p[0] <= 0xEF && p[0] != 0xED && three_bytes_at(text, pos)) {
      const char32_t cp = three_byte_code_point(text, pos);
      pos += 3;
      return cp;
    }
  }
  return decode_next(text, pos);
}

// Decodes the code point that ends just before text[pos] and moves pos back to its start.
char32_t previous(std::string_view text, std::size_t& pos);

// The code point at pos, without advancing (kInvalid past the end or when ill-formed).
char32_t at(std::string_view text, std::size_t pos);

// Number of code points in text; each ill-formed subpart counts as one.
std::size_t count(std::string_view text);

void append(std::string& out, char32_t cp);
std::string encode(char32_t cp);

// True when the whole text is well-formed UTF-8.
bool is_valid(std::string_view text);

// Byte offset of the first byte that is not part of a well-formed sequence, or npos.
// 64 bytes at a time with AVX2 or SSSE3 where the machine has them (core/utf8_validate.*).
std::size_t first_invalid(std::string_view text);

// "U+00E9" style name for messages.
std::string code_point_name(char32_t cp);

}  // namespace tc::utf8
