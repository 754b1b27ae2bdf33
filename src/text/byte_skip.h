#pragma once
// Skipping the bytes a scanner has nothing to do with: the first offset in
// [pos, end) whose byte is one of a few given ones, 16 bytes at a time where
// SSE2 is there (every x86-64), a byte at a time elsewhere; and counting one
// byte's occurrences the same way.
#include <cstddef>
#include <string_view>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace tc::text {

template <unsigned char... Bytes>
std::size_t find_any_byte(std::string_view text, std::size_t pos, std::size_t end) {
  const char* const data = text.data();
#if defined(__SSE2__)
  while (pos < end && end - pos >= 16) {
    const __m128i block = _mm_loadu_si128(reinterpret_cast<const __m128i*>(data + pos));
    __m128i hits = _mm_setzero_si128();
    ((hits = _mm_or_si128(hits, _mm_cmpeq_epi8(block, _mm_set1_epi8(static_cast<char>(Bytes))))), ...);
    const int mask = _mm_movemask_epi8(hits);
    if (mask != 0) return pos + static_cast<std::size_t>(__builtin_ctz(static_cast<unsigned>(mask)));
    pos += 16;
  }
#endif
  while (pos < end && ((static_cast<unsigned char>(data[pos]) != Bytes) && ...)) ++pos;
  return pos;
}

// How many bytes in [pos, end) are Byte, 16 at a time where SSE2 is there.
template <unsigned char Byte>
std::size_t count_byte(std::string_view text, std::size_t pos, std::size_t end) {
  const char* const data = text.data();
  std::size_t count = 0;
#if defined(__SSE2__)
  // A match is a byte 1, and _mm_sad_epu8 adds each half's eight bytes (no
  // population-count instruction is assumed).
  while (pos < end && end - pos >= 16) {
    const __m128i block = _mm_loadu_si128(reinterpret_cast<const __m128i*>(data + pos));
    const __m128i ones = _mm_and_si128(_mm_cmpeq_epi8(block, _mm_set1_epi8(static_cast<char>(Byte))), _mm_set1_epi8(1));
    const __m128i sums = _mm_sad_epu8(ones, _mm_setzero_si128());
    count += static_cast<std::size_t>(_mm_cvtsi128_si32(sums) + _mm_extract_epi16(sums, 4));
    pos += 16;
  }
#endif
  for (; pos < end; ++pos) count += static_cast<unsigned char>(data[pos]) == Byte;
  return count;
}

}  // namespace tc::text
