#pragma once
// Code-page tables shared by the mojibake rules. They are written from ICU's
// converters at build time (the double-byte ones as compile-time arrays,
// the single-byte ones once a process), so the scans can map a code point
// to the byte(s) a legacy code page gives it with one array lookup instead of
// a per-character ICU call. ICU itself is only called on candidate spans.
#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>

#include "core/utf8.h"
#include "text/class_scan.h"
#include "text/han.h"

namespace tc::mojibake {

// The single-byte code pages that UTF-8 is commonly misread as, in the
// order a tie is broken (most frequent first).
enum class SingleByte : std::uint8_t {
  windows1252,
  windows1250,
  iso8859_2,
  windows1251,
  windows1257,
  mac_roman,
  ibm437,
  count
};
inline constexpr std::size_t kSingleByteCount = static_cast<std::size_t>(SingleByte::count);

// Human name for messages ("Windows-1252").
std::string_view display_name(SingleByte page);
// ICU converter name ("windows-1252").
constexpr const char* icu_name(SingleByte page) {
  switch (page) {
    case SingleByte::windows1252: return "windows-1252";
    case SingleByte::windows1250: return "windows-1250";
    case SingleByte::iso8859_2: return "ISO-8859-2";
    case SingleByte::windows1251: return "windows-1251";
    case SingleByte::windows1257: return "windows-1257";
    case SingleByte::mac_roman: return "macintosh";
    case SingleByte::ibm437: return "ibm-437";
    case SingleByte::count: break;
  }
  return "";
}

// Bytes (0x80-0xFF) that cp has in each single-byte page; 0 where it has none.
// C1 controls U+0080-U+009F map to the same byte in every page: that is what
// ISO-8859-x and the lenient Windows-125x decoders leave behind.
// Returns nullptr when cp is in none of the pages (all CJK, most symbols).
const std::array<std::uint8_t, kSingleByteCount>* single_byte_codes(char32_t cp);

// The GBK code of every BMP code point (0 where it has none), for scans
// that look up every character; one entry more (0) follows U+FFFF's, so
// that a 32-bit load at any code point stays inside.
const std::uint16_t* gbk_code_table();

// Typographic punctuation: general punctuation, CJK symbols and punctuation,
// full-width ASCII forms.
constexpr bool is_typographic_punctuation(char32_t cp) {
  return (cp >= 0x2010 && cp <= 0x2027) || (cp >= 0x2030 && cp <= 0x205E) || (cp >= 0x3000 && cp <= 0x303F) ||
         (cp >= 0xFF01 && cp <= 0xFF5E);
}

// GB2312 level 1 or its punctuation rows (A1, A3): what real Simplified
// Chinese is mostly made of.
constexpr bool is_level1_or_punctuation(std::uint16_t gbk) {
  const unsigned lead = gbk >> 8, trail = gbk & 0xFF;
  if (trail < 0xA1 || trail == 0xFF) return false;
  return (lead >= 0xB0 && lead <= 0xD7 && gbk <= 0xD7F9) || lead == 0xA1 || lead == 0xA3;
}

// GB2312 level 1 proper (B0A1-D7F9 with a trail A1-FE): such a code is
// level 1 or punctuation and never may_be_odd, whatever its character.
constexpr bool is_level1_code(std::uint16_t gbk) {
  return gbk >= 0xB0A1 && gbk <= 0xD7F9 && (gbk & 0xFF) >= 0xA1 && (gbk & 0xFF) != 0xFF;
}

// A level-1 code whose character opens no gate: not the fill images 烫
// (CCCC) and 屯 (CDCD), the only ones of level 1 (锟 and 锘 are level 2).
constexpr bool plain_level1_code(std::uint16_t gbk) {
  return is_level1_code(gbk) && gbk != 0xCCCC && gbk != 0xCDCD;
}

// One bit per BMP character (bit cp % 64 of word cp / 64) that adds to a
// CJK stretch's gates more than its length: all but a plain level-1 GBK code
// (plain_level1_code) and Chinese punctuation (，。“”) of GB2312's punctuation
// rows, neither rare nor ever odd. Written at compile time from the GBK table
// (building them took ~0.7M instructions of every process's first document).
const text::WantedBits& gbk_unsettled_bits();

// For the scans' fast path: code points below kLeadMaskLimit index a table
// (from U+0080) that is non-zero where some single-byte page gives the code
// point a UTF-8 lead byte (C2-F4). Code points from kLeadMaskLimit up must be
// looked up with single_byte_codes().
inline constexpr char32_t kLeadMaskLimit = 0x2600;
const std::uint8_t* single_byte_lead_mask();

// Double-byte code of cp in GBK (lead 0x81-0xFE), or 0 when it has none.
std::uint16_t gbk_code(char32_t cp);
// Double-byte code of cp in Big5, or 0 when it has none.
std::uint16_t big5_code(char32_t cp);
// The character a GBK / Big5 double-byte code decodes to (BMP), or 0.
char16_t gbk_char(std::uint16_t code);
char16_t big5_char(std::uint16_t code);
// The same for Big5-HKSCS (Big5 with the Hong Kong supplement, as Microsoft's
// cp951 and most Hong Kong systems have it) and for Shift-JIS.
std::uint16_t big5_hkscs_code(char32_t cp);
char16_t big5_hkscs_char(std::uint16_t code);
std::uint16_t shift_jis_code(char32_t cp);
char16_t shift_jis_char(std::uint16_t code);

// GB2312 level 1 (the 3755 common characters, GBK B0A1-D7F9).
bool is_gb2312_level1(char32_t cp);
// Any GB2312 character (symbols, level 1 and level 2).
bool is_gb2312(char32_t cp);
// Big5 level 1 (the 5401 common characters, A440-C67E).
bool is_big5_level1(char32_t cp);
// Common in either Simplified or Traditional text.
inline bool is_common_han(char32_t cp) { return is_gb2312_level1(cp) || is_big5_level1(cp); }

// Strict conversion of legacy bytes to UTF-8 with ICU; nullopt when a byte
// sequence is illegal or unmapped.
std::optional<std::string> decode_strict(std::string_view bytes, const char* converter);

// Length of the UTF-8 sequence that starts with lead byte b (1-4), or 0 when
// b cannot start one.
int utf8_sequence_length(unsigned char lead);
// Whether second may follow lead as the first continuation byte (handles
// the E0/ED/F0/F4 restrictions).
bool utf8_second_byte_ok(unsigned char lead, unsigned char second);
inline bool is_continuation(unsigned char b) { return b >= 0x80 && b <= 0xBF; }

// Index of the first non-ASCII byte at or after pos (text.size() if none).
inline std::size_t skip_ascii(std::string_view text, std::size_t pos) { return text::find_non_ascii(text, pos); }

// Index of the first ASCII byte at or after pos (text.size() if none).
inline std::size_t skip_non_ascii(std::string_view text, std::size_t pos) { return text::find_ascii(text, pos); }

// utf8::next with the well-formed two- and three-byte cases inlined: the
// scans call it for every non-ASCII character.
inline char32_t next_char(std::string_view text, std::size_t& pos) {
  const auto* p = reinterpret_cast<const unsigned char*>(text.data()) + pos;
  const std::size_t left = text.size() - pos;
  if (p[0] >= 0xE1 && p[0] <= 0xEF && p[0] != 0xED && left >= 3 && is_continuation(p[1]) && is_continuation(p[2])) {
    pos += 3;
    return static_cast<char32_t>((p[0] & 0x0F) << 12 | (p[1] & 0x3F) << 6 | (p[2] & 0x3F));
  }
  if (p[0] >= 0xC2 && p[0] <= 0xDF && left >= 2 && is_continuation(p[1])) {
    pos += 2;
    return static_cast<char32_t>((p[0] & 0x1F) << 6 | (p[1] & 0x3F));
  }
  return utf8::next(text, pos);
}

}  // namespace tc::mojibake
