#pragma once
// The bidirectional controls, in one place: the bidi rule reports them and
// the JSON printers escape them so that none reaches a terminal raw.

namespace tc {

// Embeddings, overrides and their pop (U+202A-U+202E), isolates (U+2066-U+2069).
constexpr bool is_bidi_embedding_control(char32_t cp) {
  return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
}
// The invisible direction marks: LRM, RLM and the Arabic letter mark.
constexpr bool is_bidi_mark(char32_t cp) { return cp == 0x200E || cp == 0x200F || cp == 0x061C; }
constexpr bool is_bidi_control(char32_t cp) { return is_bidi_embedding_control(cp) || is_bidi_mark(cp); }

}  // namespace tc
