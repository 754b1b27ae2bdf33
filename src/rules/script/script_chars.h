#pragma once
// Code-point classes shared by the script/ rules. Plain range checks: the
// scans call them for every non-ASCII code point, so no ICU call here.
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>

#include "text/han.h"

namespace tc::script {

// Hiragana, katakana (without the middle dot U+30FB, which is punctuation),
// katakana extensions and half-width katakana.
constexpr bool is_kana(char32_t cp) {
  return (cp >= 0x3040 && cp <= 0x30FF && cp != 0x30FB) || (cp >= 0x31F0 && cp <= 0x31FF) ||
         (cp >= 0xFF66 && cp <= 0xFF9F) || (cp >= 0x3031 && cp <= 0x3035);
}

constexpr bool is_hangul(char32_t cp) {
  return (cp >= 0xAC00 && cp <= 0xD7AF) || (cp >= 0x1100 && cp <= 0x11FF) || (cp >= 0x3130 && cp <= 0x318F);
}

// A letter of a CJK script: Han (with the marks 々〆〇 used inside words), kana or Hangul.
constexpr bool is_cjk_letter(char32_t cp) { return is_han_or_ideographic_mark(cp) || is_kana(cp) || is_hangul(cp); }

// Full-width ASCII variants: ！ to ～ (letters, digits and punctuation).
constexpr bool is_fullwidth_ascii(char32_t cp) { return cp >= 0xFF01 && cp <= 0xFF5E; }

constexpr bool is_fullwidth_alnum(char32_t cp) {
  return (cp >= 0xFF10 && cp <= 0xFF19) || (cp >= 0xFF21 && cp <= 0xFF3A) || (cp >= 0xFF41 && cp <= 0xFF5A);
}

// Punctuation that belongs to CJK text: the CJK Symbols and Punctuation block
// (U+3000-303F, minus the letters above), full-width punctuation and
// half-width CJK punctuation (U+FF5F-FF65), the katakana middle dot, and the
// full-width signs U+FFE0-FFE6.
constexpr bool is_cjk_punctuation(char32_t cp) {
  if (cp >= 0x3000 && cp <= 0x303F) return !is_han_or_ideographic_mark(cp) && !is_kana(cp);
  if (is_fullwidth_ascii(cp)) return !is_fullwidth_alnum(cp);
  return (cp >= 0xFF5F && cp <= 0xFF65) || cp == 0x30FB || (cp >= 0xFFE0 && cp <= 0xFFE6);
}

// Latin letters: ASCII, Latin-1, Latin Extended-A/B and Latin Extended Additional.
constexpr bool is_latin_letter(char32_t cp) {
  if (cp < 0x80) return (cp | 0x20) >= 'a' && (cp | 0x20) <= 'z';
  return (cp >= 0xC0 && cp <= 0x24F && cp != 0xD7 && cp != 0xF7) || (cp >= 0x1E00 && cp <= 0x1EFF);
}

constexpr bool is_ascii_letter(char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }
constexpr bool is_ascii_digit(char c) { return c >= '0' && c <= '9'; }


// The first byte of every code point from U+1100 up (all CJK letters and
// CJK punctuation) is at least 0xE1: scans skip smaller bytes without decoding.
inline constexpr unsigned char kFirstCjkLeadByte = 0xE1;

// The first offset from pos whose byte is at least min_byte (or text.size()).
// Skips ASCII eight bytes at a time: most English text never leaves this loop.
inline std::size_t skip_below(std::string_view text, std::size_t pos, unsigned char min_byte) {
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t size = text.size();
  while (pos < size) {
    while (pos + 8 <= size) {
      std::uint64_t word;
      std::memcpy(&word, bytes + pos, 8);
      if (word & 0x8080808080808080ull) break;
      pos += 8;
    }
    const std::size_t stop = pos + 8 < size ? pos + 8 : size;
    for (; pos < stop; ++pos)
      if (bytes[pos] >= min_byte) return pos;
  }
  return size;
}

// Decodes the code point at pos and advances past it, like utf8::next, with
// an inline path for the well-formed three-byte sequences that hold every
// BMP Han, kana, Hangul and full-width character.
char32_t next_code_point_slow(std::string_view text, std::size_t& pos);
inline char32_t next_code_point(std::string_view text, std::size_t& pos) {
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  const unsigned char lead = bytes[pos];
  if (lead >= 0xE1 && lead <= 0xEF && lead != 0xED && pos + 2 < text.size()) {
    const unsigned char second = bytes[pos + 1];
    const unsigned char third = bytes[pos + 2];
    if ((second & 0xC0) == 0x80 && (third & 0xC0) == 0x80) {
      pos += 3;
      return (static_cast<char32_t>(lead & 0x0F) << 12) | (static_cast<char32_t>(second & 0x3F) << 6) |
             static_cast<char32_t>(third & 0x3F);
    }
  }
  return next_code_point_slow(text, pos);
}

// Moves to the next code point that may be CJK (first byte >= 0xE1),
// decodes it into cp, sets start to its offset and pos past it. False at the end.
inline bool next_wide(std::string_view text, std::size_t& pos, std::size_t& start, char32_t& cp) {
  pos = skip_below(text, pos, kFirstCjkLeadByte);
  if (pos >= text.size()) return false;
  start = pos;
  cp = next_code_point(text, pos);
  return true;
}

// The plain-English replacement of a full-width or CJK punctuation character
// ("，" -> ",", "。" -> ".", "【" -> "[", "「" -> "“", U+3000 -> " "), or
// nullopt when the character is full-width but has no safe English form
// (such as the title marks 《》).
std::optional<std::string_view> english_form(char32_t cp);

// True when cp is a full-width or CJK punctuation character that English
// text should not contain (what script/fullwidth-in-english reports): CJK
// spaces, commas, stops, brackets, quotes, title marks, ditto and wave dash
// (not the rarer symbols such as 〒), the katakana middle dot, and the
// full-width and half-width forms.
constexpr bool is_fullwidth_in_english(char32_t cp) {
  if (cp < 0x3000 || (cp > 0x30FB && cp < 0xFF01)) return false;  // most Han characters end here
  if (is_fullwidth_ascii(cp) || (cp >= 0xFF5F && cp <= 0xFF65) || (cp >= 0xFFE0 && cp <= 0xFFE6) || cp == 0x30FB)
    return true;
  return cp <= 0x3003 || (cp >= 0x3008 && cp <= 0x3011) || (cp >= 0x3014 && cp <= 0x301F);
}

// Finds where the CJK text around [begin, end) starts and ends: CJK
// punctuation next to a CJK letter belongs to that letter's run. Returns true
// when a CJK letter is reached from [begin, end) through CJK punctuation only.
bool touches_cjk_letter(std::string_view text, std::size_t begin, std::size_t end);

// Text for messages: at most max_code_points code points, then "…".
std::string excerpt(std::string_view text, std::size_t max_code_points = 24);

}  // namespace tc::script
