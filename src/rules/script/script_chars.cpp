#include "rules/script/script_chars.h"

#include "core/utf8.h"

namespace tc::script {

char32_t next_code_point_slow(std::string_view text, std::size_t& pos) { return utf8::next(text, pos); }

std::optional<std::string_view> english_form(char32_t cp) {
  // Full-width ASCII variants map to ASCII by offset (NFKC does the same).
  static constexpr char kAscii[] =
      "!\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~";
  if (is_fullwidth_ascii(cp)) return std::string_view(kAscii + (cp - 0xFF01), 1);
  switch (cp) {
    case 0x3000: return " ";
    case 0x3001: return ",";     // 、 enumeration comma
    case 0x3002: return ".";     // 。
    case 0x300C: return "\u201C";  // 「 -> “
    case 0x300D: return "\u201D";  // 」 -> ”
    case 0x300E: return "\u2018";  // 『 -> ‘
    case 0x300F: return "\u2019";  // 』 -> ’
    case 0x3010: return "[";     // 【
    case 0x3011: return "]";     // 】
    case 0x3014: return "(";     // 〔
    case 0x3015: return ")";     // 〕
    case 0x3016: case 0x3018: case 0x301A: return "[";  // 〖 〘 〚
    case 0x3017: case 0x3019: case 0x301B: return "]";  // 〗 〙 〛
    case 0x301C: return "~";     // 〜 wave dash
    case 0x301D: return "\u201C";  // 〝
    case 0x301E: return "\u201D";  // 〞
    case 0x30FB: return "\u00B7";  // ・ -> ·
    case 0xFF61: return ".";     // ｡ half-width ideographic full stop
    case 0xFF62: return "\u201C";  // ｢
    case 0xFF63: return "\u201D";  // ｣
    case 0xFF64: return ",";     // ､
    case 0xFF65: return "\u00B7";  // ･
    case 0xFFE0: return "\u00A2";  // ￠ -> ¢
    case 0xFFE1: return "\u00A3";  // ￡ -> £
    case 0xFFE2: return "\u00AC";  // ￢ -> ¬
    case 0xFFE3: return "\u00AF";  // ￣ -> ¯
    case 0xFFE4: return "\u00A6";  // ￤ -> ¦
    case 0xFFE5: return "\u00A5";  // ￥ -> ¥
    case 0xFFE6: return "\u20A9";  // ￦ -> ₩
    default: return std::nullopt;
  }
}

namespace {

constexpr int kWalkLimit = 16;  // bounds the walk over a long run of punctuation

// Walks from pos over CJK punctuation in one direction and says whether a CJK letter is reached.
bool reaches_letter(std::string_view text, std::size_t pos, bool forward) {
  for (int steps = 0; steps < kWalkLimit; ++steps) {
    char32_t cp;
    if (forward) {
      if (pos >= text.size()) return false;
      cp = utf8::next(text, pos);
    } else {
      if (pos == 0) return false;
      cp = utf8::previous(text, pos);
    }
    if (is_cjk_letter(cp)) return true;
    if (!is_cjk_punctuation(cp)) return false;
  }
  return false;
}

}  // namespace

bool touches_cjk_letter(std::string_view text, std::size_t begin, std::size_t end) {
  const char32_t first = utf8::at(text, begin);
  // An ideographic space belongs to CJK text only between two CJK letters;
  // at the edge of a run it is a stray full-width space.
  if (first == 0x3000 && end - begin == 3) return reaches_letter(text, begin, false) && reaches_letter(text, end, true);
  return reaches_letter(text, begin, false) || reaches_letter(text, end, true);
}

std::string excerpt(std::string_view text, std::size_t max_code_points) {
  std::size_t pos = 0;
  for (std::size_t n = 0; n < max_code_points && pos < text.size(); ++n) utf8::next(text, pos);
  if (pos >= text.size()) return std::string(text);
  return std::string(text.substr(0, pos)) + "\u2026";
}

}  // namespace tc::script
