#pragma once
// Shared scanning helpers for the encoding rules. Most of these rules care
// about a handful of code points, so each scan first skips to a byte that can
// start one (16 bytes at a time with SSE2 for small sets, else 8 bytes at a
// time over ASCII), and only then decodes. Keeps the
// encoding family well above 100 MB/s on mixed English and Chinese text.
#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "core/document.h"
#include "core/utf8.h"

namespace tc::encoding {

// A set of byte values, usually the lead bytes of the UTF-8 sequences a rule looks for.
struct ByteSet {
  std::array<bool, 256> members{};
  bool has_ascii = false;
  // For the vector search: up to four single bytes, plus optionally the C0
  // controls other than TAB, LF and CR as one group.
  bool vector_search = false;
  bool c0_controls = false;
  bool all_non_ascii = false;  // exactly the bytes 0x80-0xFF
  std::array<unsigned char, 4> singles{};
  int single_count = 0;

  constexpr ByteSet(std::initializer_list<unsigned> bytes) {
    for (unsigned b : bytes) add(b);
  }
  constexpr ByteSet& add(unsigned b) {
    members[b & 0xFF] = true;
    if (b < 0x80) has_ascii = true;
    classify();
    return *this;
  }
  constexpr ByteSet& add_range(unsigned first, unsigned last) {
    for (unsigned b = first; b <= last; ++b) add(b);
    return *this;
  }
  constexpr bool contains(unsigned char b) const { return members[b]; }

 private:
  static constexpr bool is_c0_control(unsigned b) { return b < 0x20 && b != '\t' && b != '\n' && b != '\r'; }
  constexpr void classify() {
    int controls = 0;
    int others = 0;
    for (unsigned b = 0; b < 256; ++b) {
      if (!members[b]) continue;
      if (is_c0_control(b)) {
        ++controls;
      } else {
        if (others < 4) singles[static_cast<std::size_t>(others)] = static_cast<unsigned char>(b);
        ++others;
      }
    }
    c0_controls = controls == 29;
    single_count = others;
    all_non_ascii = !has_ascii && others == 128;
    vector_search = all_non_ascii || (others <= 4 && (controls == 0 || c0_controls));
  }
};

namespace detail {

#if defined(__SSE2__)
// Offset of the first member at or after pos, scanning 16 bytes at a time;
// stops (returning the position reached) when fewer than 16 bytes are left.
inline std::size_t find_byte_vector(const unsigned char* p, std::size_t n, std::size_t pos, const ByteSet& set) {
  __m128i singles[4];
  for (int k = 0; k < set.single_count && k < 4; ++k) singles[k] = _mm_set1_epi8(static_cast<char>(set.singles[static_cast<std::size_t>(k)]));
  const __m128i limit = _mm_set1_epi8(0x1F);
  const __m128i tab = _mm_set1_epi8('\t');
  const __m128i lf = _mm_set1_epi8('\n');
  const __m128i cr = _mm_set1_epi8('\r');
  for (; pos + 16 <= n; pos += 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + pos));
    __m128i hit = _mm_setzero_si128();
    if (set.all_non_ascii) {
      if (const int mask = _mm_movemask_epi8(v); mask != 0) return pos + static_cast<std::size_t>(__builtin_ctz(static_cast<unsigned>(mask)));
      continue;
    }
    for (int k = 0; k < set.single_count && k < 4; ++k) hit = _mm_or_si128(hit, _mm_cmpeq_epi8(v, singles[k]));
    if (set.c0_controls) {
      const __m128i control = _mm_cmpeq_epi8(_mm_min_epu8(v, limit), v);  // v <= 0x1F, unsigned
      const __m128i white = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, tab), _mm_cmpeq_epi8(v, lf)), _mm_cmpeq_epi8(v, cr));
      hit = _mm_or_si128(hit, _mm_andnot_si128(white, control));
    }
    if (const int mask = _mm_movemask_epi8(hit); mask != 0) return pos + static_cast<std::size_t>(__builtin_ctz(static_cast<unsigned>(mask)));
  }
  return pos;
}
#endif

}  // namespace detail

// Offset of the first byte at or after pos whose value is in set, or text.size().
inline std::size_t find_byte(std::string_view text, std::size_t pos, const ByteSet& set) {
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size();
#if defined(__SSE2__)
  if (set.vector_search) {
    pos = detail::find_byte_vector(p, n, pos, set);
    if (pos + 16 <= n) return pos;  // found before the tail
  }
#endif
  constexpr std::uint64_t kHighBits = 0x8080808080808080ull;
  while (pos + 8 <= n) {
    std::uint64_t word;
    std::memcpy(&word, p + pos, 8);
    // A set without ASCII members cannot match a word of ASCII bytes.
    if (set.has_ascii || (word & kHighBits) != 0) {
      for (std::size_t k = 0; k < 8; ++k)
        if (set.members[p[pos + k]]) return pos + k;
    }
    pos += 8;
  }
  while (pos < n && !set.members[p[pos]]) ++pos;
  return pos;
}

// Length of the well-formed UTF-8 sequence that starts at text[pos]
// (Unicode Table 3-7), or 0 when the bytes there are ill-formed.
inline std::size_t well_formed_length(std::string_view text, std::size_t pos) {
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size();
  const unsigned lead = p[pos];
  auto in = [&](std::size_t i, unsigned lo, unsigned hi) { return pos + i < n && p[pos + i] >= lo && p[pos + i] <= hi; };
  if (lead < 0x80) return 1;
  if (lead < 0xC2) return 0;
  if (lead <= 0xDF) return in(1, 0x80, 0xBF) ? 2 : 0;
  if (lead <= 0xEF) {
    const unsigned lo = lead == 0xE0 ? 0xA0 : 0x80;
    const unsigned hi = lead == 0xED ? 0x9F : 0xBF;
    return in(1, lo, hi) && in(2, 0x80, 0xBF) ? 3 : 0;
  }
  if (lead <= 0xF4) {
    const unsigned lo = lead == 0xF0 ? 0x90 : 0x80;
    const unsigned hi = lead == 0xF4 ? 0x8F : 0xBF;
    return in(1, lo, hi) && in(2, 0x80, 0xBF) && in(3, 0x80, 0xBF) ? 4 : 0;
  }
  return 0;
}

// Membership of Basic Multilingual Plane code points, built once from a
// predicate (typically an ICU property), then one bit test per code point.
// Each 64-bit word covers the 64 code points that share a UTF-8 lead and
// second byte, so a 3-byte sequence can be ruled out without decoding it.
class BmpSet {
 public:
  template <typename Predicate>
  explicit BmpSet(Predicate&& predicate) {
    for (char32_t c = 0; c < 0x10000; ++c)
      if (predicate(c)) bits_[c >> 6] |= std::uint64_t{1} << (c & 63);
    for (unsigned b = 0; b < 0x80; ++b)
      if (contains(b)) leads_.add(b);
    for (unsigned lead = 0xC2; lead <= 0xDF; ++lead)
      if (bits_[lead & 0x1F] != 0) leads_.add(lead);
    for (unsigned lead = 0xE0; lead <= 0xEF; ++lead)
      for (unsigned block = 0; block < 64; ++block)
        if (bits_[((lead & 0x0F) << 6) | block] != 0) leads_.add(lead);
    leads_.add_range(0xF0, 0xF4);  // beyond the BMP: the caller decides
  }
  bool contains(char32_t c) const { return c < 0x10000 && ((bits_[c >> 6] >> (c & 63)) & 1) != 0; }
  bool block_empty(char32_t block) const { return bits_[block] == 0; }  // block = code point >> 6
  const ByteSet& lead_bytes() const { return leads_; }

 private:
  std::array<std::uint64_t, 0x10000 / 64> bits_{};
  ByteSet leads_{};
};

// Start of the first code point at or after pos that set contains, or that
// outside_bmp(cp) accepts for code points beyond U+FFFF; text.size() if none.
// Ill-formed bytes are skipped (encoding/invalid-utf8 reports them).
template <typename OutsideBmp>
std::size_t find_member(std::string_view text, std::size_t pos, const BmpSet& set, OutsideBmp&& outside_bmp) {
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size();
  // Lead bytes whose every code point is outside the set (E4-E9 for the Han
  // blocks, usually) are skipped by the byte search with their continuation bytes.
  while ((pos = find_byte(text, pos, set.lead_bytes())) < n) {
    const unsigned lead = p[pos];
    if (lead < 0x80) return pos;
    const std::size_t length = well_formed_length(text, pos);
    if (length == 3) {
      const char32_t block = ((lead & 0x0F) << 6) | (p[pos + 1] & 0x3F);
      if (!set.block_empty(block) && set.contains((block << 6) | (p[pos + 2] & 0x3F))) return pos;
    } else if (length != 0) {
      std::size_t next = pos;
      const char32_t cp = utf8::next(text, next);
      if (cp < 0x10000 ? set.contains(cp) : outside_bmp(cp)) return pos;
    }
    pos += length != 0 ? length : 1;
  }
  return n;
}

// "U+200B ZERO WIDTH SPACE" (controls get their abbreviation: "U+0007 BEL").
std::string describe_code_point(char32_t cp);

// The code points of text as "U+0065 U+0301", at most max_listed of them.
std::string list_code_points(std::string_view text, std::size_t max_listed = 8);

// The code point that starts at pos, and the one that ends at pos (kInvalid at the edges).
char32_t code_point_after(std::string_view text, std::size_t pos);
char32_t code_point_before(std::string_view text, std::size_t pos);

// True when the ICU script of cp is one of scripts (UScriptCode values).
bool has_script(char32_t cp, std::initializer_list<int> scripts);

// Start of the first code point at or after pos whose lead byte is in leads
// and which matches(cp, begin, end) accepts; text.size() if none.
template <typename Matches>
std::size_t find_code_point(std::string_view text, std::size_t pos, const ByteSet& leads, Matches&& matches) {
  while ((pos = find_byte(text, pos, leads)) < text.size()) {
    std::size_t end = pos;
    const char32_t cp = utf8::next(text, end);
    if (cp != utf8::kInvalid && matches(cp, pos, end)) return pos;
    pos = end > pos ? end : pos + 1;
  }
  return text.size();
}

// End of the run of code points starting at pos that satisfy belongs(cp);
// count receives how many there were. Ill-formed bytes end a run.
template <typename Belongs>
std::size_t run_end(std::string_view text, std::size_t pos, Belongs&& belongs, std::size_t* count = nullptr) {
  std::size_t n = 0;
  while (pos < text.size()) {
    std::size_t next = pos;
    const char32_t cp = utf8::next(text, next);
    if (cp == utf8::kInvalid || !belongs(cp)) break;
    pos = next;
    ++n;
  }
  if (count) *count = n;
  return pos;
}

}  // namespace tc::encoding
