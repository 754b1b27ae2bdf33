#include "core/utf8_validate.h"

#include <array>
#include <cstdint>
#include <cstring>

#include "core/utf8.h"

#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>
#define TC_X86 1
#endif

// The SIMD paths follow the published method of Keiser and Lemire,
// "Validating UTF-8 in less than one instruction per byte" (2020): every
// ill-formed byte pair is found by three 16-entry table look-ups (the first
// byte's two nibbles, the second byte's high nibble) ANDed together, and a
// continuation byte after a continuation byte must be exactly the third or
// fourth byte of a three- or four-byte lead two or three bytes back. They only
// answer "well-formed or not" for 64 bytes at a time; where the answer is no,
// the scalar loop takes over from the last lead before the block, so the
// offset is the scalar decoder's own.

namespace tc::utf8 {
namespace {

// The portable path, and the one that locates an error the others found.
std::size_t first_invalid_scalar(std::string_view text) {
  std::size_t pos = 0;
  while (pos < text.size()) {
    if (text.size() - pos >= 8) {  // eight ASCII bytes at a time
      std::uint64_t word = 0;
      std::memcpy(&word, text.data() + pos, sizeof word);
      if ((word & 0x8080808080808080ULL) == 0) {
        pos += 8;
        continue;
      }
    }
    if (static_cast<unsigned char>(text[pos]) < 0x80) {
      ++pos;
      continue;
    }
    const std::size_t start = pos;
    if (next(text, pos) == kInvalid) return start;
  }
  return std::string_view::npos;
}

#ifdef TC_X86

// The scalar loop, taking over at pos from a SIMD path that found the bytes
// before pos well-formed except perhaps an unfinished last sequence: it starts
// at that sequence's lead, at most three bytes back (if the three bytes before
// pos are all continuation bytes, they end a complete four-byte sequence).
std::size_t scalar_from(std::string_view text, std::size_t pos) {
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  std::size_t lead = pos;
  for (std::size_t back = 1; back <= 3 && back <= pos; ++back)
    if ((p[pos - back] & 0xC0) != 0x80) {
      lead = pos - back;
      break;
    }
  const std::size_t offset = first_invalid_scalar(text.substr(lead));
  return offset == std::string_view::npos ? offset : lead + offset;
}

constexpr std::uint16_t nibbles(unsigned first, unsigned last) {
  std::uint16_t set = 0;
  for (unsigned n = first; n <= last; ++n) set = static_cast<std::uint16_t>(set | 1u << n);
  return set;
}
constexpr std::uint16_t kAnyNibble = 0xFFFF;

// A kind of ill-formed byte pair: the first byte's high nibble, its low nibble
// and the second byte's high nibble each in a set. Each kind has a bit of its
// own, so the AND of the three look-ups is nonzero exactly on the pairs of some kind.
struct PairKind {
  std::uint16_t first_high;
  std::uint16_t first_low;
  std::uint16_t second_high;
  std::uint8_t bit;
};

// Not an error by itself: a continuation byte after a continuation byte.
constexpr std::uint8_t kTwoContinuations = 0x80;

constexpr PairKind kPairKinds[] = {
    // A lead byte (C0-FF) followed by anything but a continuation byte.
    {nibbles(0xC, 0xF), kAnyNibble, static_cast<std::uint16_t>(nibbles(0x0, 0x7) | nibbles(0xC, 0xF)), 0x01},
    // A continuation byte after ASCII.
    {nibbles(0x0, 0x7), kAnyNibble, nibbles(0x8, 0xB), 0x02},
    // C0, C1: overlong two-byte forms.
    {nibbles(0xC, 0xC), nibbles(0x0, 0x1), nibbles(0x8, 0xB), 0x04},
    // E0 80-9F: overlong three-byte forms.
    {nibbles(0xE, 0xE), nibbles(0x0, 0x0), nibbles(0x8, 0x9), 0x08},
    // ED A0-BF: surrogates.
    {nibbles(0xE, 0xE), nibbles(0xD, 0xD), nibbles(0xA, 0xB), 0x10},
    // F0 80-8F: overlong four-byte forms; F5-FF 80-8F: no lead at all.
    {nibbles(0xF, 0xF), static_cast<std::uint16_t>(nibbles(0x0, 0x0) | nibbles(0x5, 0xF)), nibbles(0x8, 0x8), 0x20},
    // F4 90-BF: beyond U+10FFFF; F5-FF 90-BF: no lead at all.
    {nibbles(0xF, 0xF), nibbles(0x4, 0xF), nibbles(0x9, 0xB), 0x40},
    {nibbles(0x8, 0xB), kAnyNibble, nibbles(0x8, 0xB), kTwoContinuations},
};

struct PairTables {
  std::array<std::uint8_t, 16> first_high{};
  std::array<std::uint8_t, 16> first_low{};
  std::array<std::uint8_t, 16> second_high{};
};

constexpr PairTables make_pair_tables() {
  PairTables tables;
  std::uint8_t bits_seen = 0;
  for (const PairKind& kind : kPairKinds) {
    if (bits_seen & kind.bit) throw "two kinds of pair share a bit";
    bits_seen = static_cast<std::uint8_t>(bits_seen | kind.bit);
    for (unsigned n = 0; n < 16; ++n) {
      if (kind.first_high >> n & 1) tables.first_high[n] = static_cast<std::uint8_t>(tables.first_high[n] | kind.bit);
      if (kind.first_low >> n & 1) tables.first_low[n] = static_cast<std::uint8_t>(tables.first_low[n] | kind.bit);
      if (kind.second_high >> n & 1) tables.second_high[n] = static_cast<std::uint8_t>(tables.second_high[n] | kind.bit);
    }
  }
  return tables;
}

constexpr PairTables kPairTables = make_pair_tables();

// Whether the bytes just before end leave a sequence open (a lead whose
// continuation bytes would come after end).
inline bool ends_inside_sequence(const unsigned char* end) {
  return end[-1] >= 0xC0 || end[-2] >= 0xE0 || end[-3] >= 0xF0;
}

// ---- SSSE3: four 16-byte registers per block ----

struct Ssse3Tables {
  __m128i first_high, first_low, second_high;
};

__attribute__((target("ssse3"), always_inline)) inline __m128i high_nibbles(__m128i v) {
  return _mm_and_si128(_mm_srli_epi16(v, 4), _mm_set1_epi8(0x0F));
}

// Nonzero bytes where the 16 bytes of input, with the 16 before them, are not well-formed.
__attribute__((target("ssse3"), always_inline)) inline __m128i errors_ssse3(__m128i input, __m128i before,
                                                                               const Ssse3Tables& t) {
  const __m128i prev1 = _mm_alignr_epi8(input, before, 15);
  const __m128i prev2 = _mm_alignr_epi8(input, before, 14);
  const __m128i prev3 = _mm_alignr_epi8(input, before, 13);
  const __m128i kinds = _mm_and_si128(
      _mm_and_si128(_mm_shuffle_epi8(t.first_high, high_nibbles(prev1)),
                    _mm_shuffle_epi8(t.first_low, _mm_and_si128(prev1, _mm_set1_epi8(0x0F)))),
      _mm_shuffle_epi8(t.second_high, high_nibbles(input)));
  // Bit 7 set where a three-byte lead (E0-FF) is two back or a four-byte lead (F0-FF) three back.
  const __m128i third_or_fourth = _mm_or_si128(_mm_subs_epu8(prev2, _mm_set1_epi8(0xE0 - 0x80)),
                                               _mm_subs_epu8(prev3, _mm_set1_epi8(0xF0 - 0x80)));
  return _mm_xor_si128(kinds, _mm_and_si128(third_or_fourth, _mm_set1_epi8(static_cast<char>(kTwoContinuations))));
}

__attribute__((target("ssse3"))) std::size_t first_invalid_ssse3(std::string_view text) {
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size();
  const Ssse3Tables tables{_mm_loadu_si128(reinterpret_cast<const __m128i*>(kPairTables.first_high.data())),
                           _mm_loadu_si128(reinterpret_cast<const __m128i*>(kPairTables.first_low.data())),
                           _mm_loadu_si128(reinterpret_cast<const __m128i*>(kPairTables.second_high.data()))};
  __m128i before = _mm_setzero_si128();
  bool after_non_ascii = false;
  std::size_t pos = 0;
  for (; n - pos >= 64; pos += 64) {
    const auto* q = reinterpret_cast<const __m128i*>(p + pos);
    const __m128i a = _mm_loadu_si128(q), b = _mm_loadu_si128(q + 1), c = _mm_loadu_si128(q + 2),
                  d = _mm_loadu_si128(q + 3);
    if (_mm_movemask_epi8(_mm_or_si128(_mm_or_si128(a, b), _mm_or_si128(c, d))) == 0) {
      // All ASCII: only a sequence the block before left open can fail here.
      if (after_non_ascii && ends_inside_sequence(p + pos)) break;
      after_non_ascii = false;
    } else {
      const __m128i errors = _mm_or_si128(_mm_or_si128(errors_ssse3(a, before, tables), errors_ssse3(b, a, tables)),
                                          _mm_or_si128(errors_ssse3(c, b, tables), errors_ssse3(d, c, tables)));
      if (_mm_movemask_epi8(_mm_cmpeq_epi8(errors, _mm_setzero_si128())) != 0xFFFF) break;
      after_non_ascii = true;
    }
    before = d;
  }
  return scalar_from(text, pos);
}

// ---- AVX2: two 32-byte registers per block ----

struct Avx2Tables {
  __m256i first_high, first_low, second_high;
};

__attribute__((target("avx2"), always_inline)) inline __m256i high_nibbles(__m256i v) {
  return _mm256_and_si256(_mm256_srli_epi16(v, 4), _mm256_set1_epi8(0x0F));
}

__attribute__((target("avx2"), always_inline)) inline __m256i broadcast16(const std::array<std::uint8_t, 16>& table) {
  return _mm256_broadcastsi128_si256(_mm_loadu_si128(reinterpret_cast<const __m128i*>(table.data())));
}

// As errors_ssse3, over 32 bytes: the shifted copies cross the middle of the
// register through a permute (alignr works within each 16-byte lane).
__attribute__((target("avx2"), always_inline)) inline __m256i errors_avx2(__m256i input, __m256i before,
                                                                             const Avx2Tables& t) {
  const __m256i straddle = _mm256_permute2x128_si256(before, input, 0x21);  // before's high lane, input's low
  const __m256i prev1 = _mm256_alignr_epi8(input, straddle, 15);
  const __m256i prev2 = _mm256_alignr_epi8(input, straddle, 14);
  const __m256i prev3 = _mm256_alignr_epi8(input, straddle, 13);
  const __m256i kinds = _mm256_and_si256(
      _mm256_and_si256(_mm256_shuffle_epi8(t.first_high, high_nibbles(prev1)),
                       _mm256_shuffle_epi8(t.first_low, _mm256_and_si256(prev1, _mm256_set1_epi8(0x0F)))),
      _mm256_shuffle_epi8(t.second_high, high_nibbles(input)));
  const __m256i third_or_fourth = _mm256_or_si256(_mm256_subs_epu8(prev2, _mm256_set1_epi8(0xE0 - 0x80)),
                                                  _mm256_subs_epu8(prev3, _mm256_set1_epi8(0xF0 - 0x80)));
  return _mm256_xor_si256(kinds,
                          _mm256_and_si256(third_or_fourth, _mm256_set1_epi8(static_cast<char>(kTwoContinuations))));
}

__attribute__((target("avx2"))) std::size_t first_invalid_avx2(std::string_view text) {
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size();
  const Avx2Tables tables{broadcast16(kPairTables.first_high), broadcast16(kPairTables.first_low),
                          broadcast16(kPairTables.second_high)};
  __m256i before = _mm256_setzero_si256();
  bool after_non_ascii = false;
  std::size_t pos = 0;
  for (; n - pos >= 64; pos += 64) {
    const auto* q = reinterpret_cast<const __m256i*>(p + pos);
    const __m256i a = _mm256_loadu_si256(q), b = _mm256_loadu_si256(q + 1);
    if (_mm256_movemask_epi8(_mm256_or_si256(a, b)) == 0) {
      if (after_non_ascii && ends_inside_sequence(p + pos)) break;
      after_non_ascii = false;
    } else {
      const __m256i errors = _mm256_or_si256(errors_avx2(a, before, tables), errors_avx2(b, a, tables));
      if (!_mm256_testz_si256(errors, errors)) break;
      after_non_ascii = true;
    }
    before = b;
  }
  return scalar_from(text, pos);
}

#endif  // TC_X86

using Validator = std::size_t (*)(std::string_view);

Validator validator_for(ValidationPath path) {
  switch (path) {
#ifdef TC_X86
    case ValidationPath::avx2:
      return first_invalid_avx2;
    case ValidationPath::ssse3:
      return first_invalid_ssse3;
#endif
    default:
      return first_invalid_scalar;
  }
}

// Chosen once: the machine does not change under a running process.
Validator best_validator() {
  static const Validator kBest = validator_for(best_validation_path());
  return kBest;
}

}  // namespace

bool path_available(ValidationPath path) {
#ifdef TC_X86
  __builtin_cpu_init();
  switch (path) {
    case ValidationPath::avx2:
      return __builtin_cpu_supports("avx2");
    case ValidationPath::ssse3:
      return __builtin_cpu_supports("ssse3");
    case ValidationPath::scalar:
      return true;
  }
  return false;
#else
  return path == ValidationPath::scalar;
#endif
}

ValidationPath best_validation_path() {
  if (path_available(ValidationPath::avx2)) return ValidationPath::avx2;
  if (path_available(ValidationPath::ssse3)) return ValidationPath::ssse3;
  return ValidationPath::scalar;
}

const char* path_name(ValidationPath path) {
  switch (path) {
    case ValidationPath::avx2:
      return "avx2";
    case ValidationPath::ssse3:
      return "ssse3";
    case ValidationPath::scalar:
      return "scalar";
  }
  return "?";
}

std::size_t first_invalid_by(std::string_view text, ValidationPath path) {
  // A path the machine lacks would stop the process on an illegal instruction.
  return validator_for(path_available(path) ? path : ValidationPath::scalar)(text);
}

std::size_t first_invalid(std::string_view text) { return best_validator()(text); }

}  // namespace tc::utf8
