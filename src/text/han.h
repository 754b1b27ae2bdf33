#pragma once
// What counts as a Chinese character, in one place: the aligner, the
// glossary and the rules must agree on it. Plain range checks, no ICU call:
// the scans ask for every non-ASCII code point.

namespace tc {

// CJK compatibility ideographs (U+F900-FAFF and the supplement
// U+2F800-2FA1F): duplicates of unified ideographs that NFKC maps back.
constexpr bool is_compatibility_ideograph(char32_t cp) {
  return (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0x2F800 && cp <= 0x2FA1F);
}

// A Han ideograph: CJK Unified Ideographs, extension A, the compatibility
// ideographs, and planes 2 and 3, which hold only ideographs (extensions B
// and later and the compatibility supplement), so characters added to them
// later count too. The Yijing hexagrams U+4DC0-4DFF between extension A and
// the unified block are symbols, not Han.
constexpr bool is_han(char32_t cp) {
  return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0xF900 && cp <= 0xFAFF) ||
         (cp >= 0x20000 && cp <= 0x3FFFF);
}

// 々 〆 〇: the ideographic iteration, closing and number-zero marks. They
// are written inside Chinese (and Japanese) words though they are not
// ideographs, so a scan for Chinese words counts them as Han.
constexpr bool is_ideographic_mark(char32_t cp) { return cp >= 0x3005 && cp <= 0x3007; }

constexpr bool is_han_or_ideographic_mark(char32_t cp) { return is_han(cp) || is_ideographic_mark(cp); }

}  // namespace tc
