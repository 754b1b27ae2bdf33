#include "text/class_scan.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cstddef>
#include <cstring>
#include <memory>

#include "core/utf8.h"

#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>
#define TC_X86 1
#endif

namespace tc::text {
namespace {

// run_avx2 writes events as two words: begin in the low 56 bits of the
// first (the length in its top byte), then classes and cp, as GCC and clang
// lay ClassEvent out (the tests compare every field of its events).
static_assert(std::endian::native == std::endian::little);

// The ASCII bytes a scan must stop at, in the forms the skip loops use.
struct StopBytes {
  std::array<bool, 128> member{};
  // For pshufb: bit h of low_nibble[l] is set when byte (h << 4 | l) is a member.
  alignas(16) std::array<std::uint8_t, 16> low_nibble{};
  // For SSE2: the members from 0x20 up, and the C0 controls as one group.
  std::array<std::uint8_t, 16> singles{};
  int single_count = 0;
  bool any_c0 = false;
  bool none = true;

  StopBytes(const ClassTable& table, std::uint32_t wanted) {
    for (unsigned b = 0; b < 0x80; ++b) {
      if ((table.bmp[b] & wanted) == 0) continue;
      member[b] = true;
      none = false;
      low_nibble[b & 0x0F] = static_cast<std::uint8_t>(low_nibble[b & 0x0F] | (1u << (b >> 4)));
      if (b < 0x20) any_c0 = true;
      else if (single_count < 16) singles[static_cast<std::size_t>(single_count++)] = static_cast<std::uint8_t>(b);
      else single_count = 17;  // too many for SSE2's compares: it stops at every byte of the set's rows
    }
  }
};

using SkipFunction = std::size_t (*)(const unsigned char* p, std::size_t n, std::size_t pos, const StopBytes& stops);

// The first offset from pos whose byte is non-ASCII or a member (n if none).
std::size_t skip_portable(const unsigned char* p, std::size_t n, std::size_t pos, const StopBytes& stops) {
  if (stops.none) {
    while (pos + 8 <= n) {
      std::uint64_t word;
      std::memcpy(&word, p + pos, 8);
      if (word & 0x8080808080808080ull) break;
      pos += 8;
    }
  }
  while (pos < n && p[pos] < 0x80 && !stops.member[p[pos]]) ++pos;
  return pos;
}

#ifdef TC_X86
// SSE2 is part of x86-64: compares against each stop byte, and one range
// test for the C0 controls. A candidate the scalar check rejects (a C0 byte
// not in the set, such as LF) only costs a restart.
std::size_t skip_sse2(const unsigned char* p, std::size_t n, std::size_t pos, const StopBytes& stops) {
  if (stops.single_count <= 16) {
    const __m128i c0_limit = _mm_set1_epi8(0x1F);
    for (;;) {
      for (; pos + 16 <= n; pos += 16) {
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + pos));
        __m128i hit = _mm_setzero_si128();
        for (int k = 0; k < stops.single_count; ++k)
          hit = _mm_or_si128(hit, _mm_cmpeq_epi8(v, _mm_set1_epi8(static_cast<char>(stops.singles[static_cast<std::size_t>(k)]))));
        if (stops.any_c0) hit = _mm_or_si128(hit, _mm_cmpeq_epi8(_mm_min_epu8(v, c0_limit), v));
        const unsigned mask = static_cast<unsigned>(_mm_movemask_epi8(hit) | _mm_movemask_epi8(v));
        if (mask != 0) {
          pos += static_cast<std::size_t>(__builtin_ctz(mask));
          break;
        }
      }
      if (pos + 16 > n) return skip_portable(p, n, pos, stops);
      if (p[pos] >= 0x80 || stops.member[p[pos]]) return pos;
      ++pos;  // a C0 byte outside the set
    }
  }
  return skip_portable(p, n, pos, stops);
}

// AVX2: exact set membership of 32 bytes at once with two nibble look-ups.
// Bit i: byte i of the 32 at q is non-ASCII or a stop byte (low_table from
// StopBytes::low_nibble, in both lanes).
__attribute__((target("avx2"), always_inline)) inline unsigned stops_in32(const unsigned char* q, __m256i low_table,
                                                                         const StopBytes& stops) {
  // Bit h for high nibble h of an ASCII byte; non-ASCII bytes are found by their top bit.
  const __m256i high_table = _mm256_setr_epi8(1, 2, 4, 8, 16, 32, 64, -128, 0, 0, 0, 0, 0, 0, 0, 0, 1, 2, 4, 8, 16, 32,
                                              64, -128, 0, 0, 0, 0, 0, 0, 0, 0);
  const __m256i nibble = _mm256_set1_epi8(0x0F);
  const __m256i v = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(q));
  unsigned mask = static_cast<unsigned>(_mm256_movemask_epi8(v));
  if (!stops.none) {
    const __m256i low = _mm256_shuffle_epi8(low_table, _mm256_and_si256(v, nibble));
    const __m256i high = _mm256_shuffle_epi8(high_table, _mm256_and_si256(_mm256_srli_epi16(v, 4), nibble));
    const __m256i miss = _mm256_cmpeq_epi8(_mm256_and_si256(low, high), _mm256_setzero_si256());
    mask |= ~static_cast<unsigned>(_mm256_movemask_epi8(miss));
  }
  return mask;
}

__attribute__((target("avx2"))) std::size_t skip_avx2(const unsigned char* p, std::size_t n, std::size_t pos,
                                                        const StopBytes& stops) {
  const __m256i low_table =
      _mm256_broadcastsi128_si256(_mm_load_si128(reinterpret_cast<const __m128i*>(stops.low_nibble.data())));
  for (; pos + 32 <= n; pos += 32)
    if (const unsigned mask = stops_in32(p + pos, low_table, stops); mask != 0)
      return pos + static_cast<std::size_t>(__builtin_ctz(mask));
  // The last 1 to 31 bytes: one load of the 32 bytes that end at n, those
  // before pos shifted out. A scan of a document in stretches (between its
  // masked runs, a window's chunks) ends each one here: read a byte at a
  // time, these tails cost some 1.2M instructions on 20 MB of Chinese.
  if (pos < n && n >= 32) {
    const std::size_t first = n - 32;  // < pos
    const unsigned mask = stops_in32(p + first, low_table, stops) >> (pos - first);
    return mask != 0 ? pos + static_cast<std::size_t>(__builtin_ctz(mask)) : n;
  }
  return skip_portable(p, n, pos, stops);
}
#endif

// Eight bytes, the first in the lowest bits.
inline std::uint64_t load_little_endian(const unsigned char* q) {
  std::uint64_t word = 0;
  if constexpr (std::endian::native == std::endian::little) {
    std::memcpy(&word, q, 8);
  } else {
    for (int i = 7; i >= 0; --i) word = (word << 8) | q[i];
  }
  return word;
}

// Whether the three bytes of word (the first lowest) are a three-byte code point of U+1000-U+CFFF or
// U+E000-U+FFFF (leads E1-EC, EE, EF): Han, kana, Hangul and CJK punctuation,
// where the second byte needs no range check beyond being a continuation.
inline bool plain_three_byte(std::uint32_t word) {
  const std::uint32_t lead = word & 0xFF;
  return (word & 0xC0C0F0) == 0x8080E0 && lead != 0xE0 && lead != 0xED;
}

inline char32_t three_byte_code_point(std::uint32_t word) {
  return ((word & 0x0F) << 12) | ((word >> 2) & 0x0FC0) | ((word >> 16) & 0x3F);
}

// A run of three-byte code points (the bulk of Chinese text), two at a time
// from one 8-byte load, in a loop of its own so its state stays in registers.
// Returns where the run stops: a code point of another length, an
// ill-formed one, or fewer than 8 bytes left (the caller decodes those).
std::size_t scan_three_byte_run(const unsigned char* p, std::size_t n, std::size_t pos, const std::uint32_t* bmp,
                                std::uint32_t wanted, std::vector<ClassEvent>& events) {
  while (pos + 8 <= n) {
    const std::uint64_t bytes = load_little_endian(p + pos);
    const auto first = static_cast<std::uint32_t>(bytes & 0xFFFFFF);
    const auto second = static_cast<std::uint32_t>((bytes >> 24) & 0xFFFFFF);
    if (!plain_three_byte(first)) break;
    const char32_t cp = three_byte_code_point(first);
    const std::uint32_t classes = bmp[cp];
    if (!plain_three_byte(second)) {
      if (classes & wanted) events.push_back({pos, 3, classes, cp});
      return pos + 3;
    }
    const char32_t next_cp = three_byte_code_point(second);
    const std::uint32_t next_classes = bmp[next_cp];
    if ((classes | next_classes) & wanted) [[unlikely]] {
      if (classes & wanted) events.push_back({pos, 3, classes, cp});
      if (next_classes & wanted) events.push_back({pos + 3, 3, next_classes, next_cp});
    }
    pos += 6;
  }
  return pos;
}

inline bool wanted_bit(const WantedBits& bits, char32_t cp) { return ((bits[cp >> 6] >> (cp & 63)) & 1) != 0; }

// The events of count three-byte code points from q on (all plain), with
// cps[i] the code point of the i-th: called when one of them is wanted.
template <typename CodePointAt>
void add_run_events(std::size_t pos, std::size_t count, CodePointAt cp_at, const WantedBits& bits,
                    const std::uint32_t* bmp, std::vector<ClassEvent>& events) {
  for (std::size_t i = 0; i < count; ++i) {
    const char32_t cp = cp_at(i);
    if (wanted_bit(bits, cp)) events.push_back({pos + 3 * i, 3, bmp[cp], cp});
  }
}

// A run of plain three-byte code points tested against the wanted bits
// (the bulk of Chinese text). Each returns where the run stops: a code point
// of another length, an ill-formed one, or too few bytes left for its loads
// (the caller decodes those).
struct RunTables {
  const WantedBits& bits;
  const std::uint32_t* bmp;
  const StopBytes& stops;
  // bits with every code point of U+0000-U+0FFF and U+D000-U+DFFF set (the
  // three-byte forms with lead E0 or ED), or null: run_avx2 then leaves the
  // test of those leads to the look-up (loose_bits).
  const WantedBits* loose = nullptr;
};

// bits with the code points of the three-byte forms with lead E0 (U+0000-U+0FFF
// once decoded without a range check) and ED (U+D000-U+DFFF) set.
std::unique_ptr<WantedBits> loose_bits(const WantedBits& bits) {
  auto loose = std::make_unique<WantedBits>(bits);
  for (std::size_t word = 0; word < 0x1000 / 64; ++word) (*loose)[word] = ~std::uint64_t{0};
  for (std::size_t word = 0xD000 / 64; word < 0xE000 / 64; ++word) (*loose)[word] = ~std::uint64_t{0};
  return loose;
}
using RunFunction = std::size_t (*)(const unsigned char* p, std::size_t n, std::size_t pos, const RunTables& tables,
                                    std::vector<ClassEvent>& events);

// One or two ASCII bytes inside a run of multi-byte code points (a line
// break, CRLF, a digit, a comma in Chinese text) are stepped over in place
// when a non-ASCII byte follows them, so that the run goes on; true when
// they were (the wanted ones among them get their events).
template <typename AddEvent>
inline bool step_ascii_gap(const unsigned char* p, std::size_t n, std::size_t& pos, const RunTables& tables,
                           AddEvent&& add) {
  const unsigned b0 = p[pos];
  if (b0 >= 0x80 || pos + 1 >= n) return false;
  const unsigned b1 = p[pos + 1];
  const std::size_t gap = b1 >= 0x80 ? 1 : pos + 2 < n && p[pos + 2] >= 0x80 ? 2 : 0;
  if (gap == 0) return false;
  if (tables.stops.member[b0]) [[unlikely]]
    add(pos, 1, tables.bmp[b0], b0);
  if (gap == 2 && tables.stops.member[b1]) [[unlikely]]
    add(pos + 1, 1, tables.bmp[b1], b1);
  pos += gap;
  return true;
}

inline bool step_lone_ascii(const unsigned char* p, std::size_t n, std::size_t& pos, const RunTables& tables,
                            std::vector<ClassEvent>& events) {
  return step_ascii_gap(p, n, pos, tables, [&](std::size_t begin, std::uint32_t length, std::uint32_t classes,
                                               char32_t cp) { events.push_back({begin, length, classes, cp}); });
}

// Two code points from one 8-byte load.
std::size_t run_portable(const unsigned char* p, std::size_t n, std::size_t pos, const RunTables& tables,
                     std::vector<ClassEvent>& events) {
  const WantedBits& bits = tables.bits;
  const std::uint32_t* bmp = tables.bmp;
  while (pos + 8 <= n) {
    const std::uint64_t bytes = load_little_endian(p + pos);
    const auto first = static_cast<std::uint32_t>(bytes & 0xFFFFFF);
    const auto second = static_cast<std::uint32_t>((bytes >> 24) & 0xFFFFFF);
    if (!plain_three_byte(first)) {
      if (step_lone_ascii(p, n, pos, tables, events)) continue;
      break;
    }
    const char32_t cp = three_byte_code_point(first);
    if (!plain_three_byte(second)) {
      if (wanted_bit(bits, cp)) events.push_back({pos, 3, bmp[cp], cp});
      pos += 3;
      if (step_lone_ascii(p, n, pos, tables, events)) continue;
      return pos;
    }
    const char32_t next_cp = three_byte_code_point(second);
    if ((bits[cp >> 6] >> (cp & 63) | bits[next_cp >> 6] >> (next_cp & 63)) & 1) [[unlikely]] {
      if (wanted_bit(bits, cp)) events.push_back({pos, 3, bmp[cp], cp});
      if (wanted_bit(bits, next_cp)) events.push_back({pos + 3, 3, bmp[next_cp], next_cp});
    }
    pos += 6;
  }
  return pos;
}

#ifdef TC_X86
// How many of the (up to 15 / 3) code points the bytes of bad (a bit per
// byte, in text order, of a byte that breaks the form) leave whole.
inline std::size_t whole_code_points(std::uint32_t bad, std::size_t all) {
  return bad == 0 ? all : static_cast<std::size_t>(__builtin_ctz(bad)) / 3;
}

// The bytes of five three-byte code points (15 bytes) are checked against
// the form of a plain one (lead 1110xxxx, then two continuations 10xxxxxx)
// with one masked compare.
// SSE2: five code points a load, the form checked 15 bytes at once, then
// decoded and tested one by one.
std::size_t run_sse2(const unsigned char* p, std::size_t n, std::size_t pos, const RunTables& tables,
                     std::vector<ClassEvent>& events) {
  const WantedBits& bits = tables.bits;
  const std::uint32_t* bmp = tables.bmp;
  const __m128i mask = _mm_setr_epi8(static_cast<char>(0xF0), static_cast<char>(0xC0), static_cast<char>(0xC0),
                                     static_cast<char>(0xF0), static_cast<char>(0xC0), static_cast<char>(0xC0),
                                     static_cast<char>(0xF0), static_cast<char>(0xC0), static_cast<char>(0xC0),
                                     static_cast<char>(0xF0), static_cast<char>(0xC0), static_cast<char>(0xC0),
                                     static_cast<char>(0xF0), static_cast<char>(0xC0), static_cast<char>(0xC0), 0);
  const __m128i form = _mm_setr_epi8(static_cast<char>(0xE0), static_cast<char>(0x80), static_cast<char>(0x80),
                                     static_cast<char>(0xE0), static_cast<char>(0x80), static_cast<char>(0x80),
                                     static_cast<char>(0xE0), static_cast<char>(0x80), static_cast<char>(0x80),
                                     static_cast<char>(0xE0), static_cast<char>(0x80), static_cast<char>(0x80),
                                     static_cast<char>(0xE0), static_cast<char>(0x80), static_cast<char>(0x80), 0);
  const __m128i e0 = _mm_set1_epi8(static_cast<char>(0xE0));
  const __m128i ed = _mm_set1_epi8(static_cast<char>(0xED));
  while (pos + 16 <= n) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + pos));
    const auto fits = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_and_si128(v, mask), form)));
    // E0 and ED leads need a range check of the second byte: not plain.
    const auto excluded =
        static_cast<unsigned>(_mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi8(v, e0), _mm_cmpeq_epi8(v, ed))));
    const std::uint32_t bad = (~fits | excluded) & 0x7FFF;
    const std::size_t whole = whole_code_points(bad, 5);
    const unsigned char* q = p + pos;
    auto cp_at = [q](std::size_t i) {
      const unsigned char* c = q + 3 * i;
      return static_cast<char32_t>(((c[0] & 0x0Fu) << 12) | ((c[1] & 0x3Fu) << 6) | (c[2] & 0x3Fu));
    };
    bool any = false;
    for (std::size_t i = 0; i < whole; ++i) any |= wanted_bit(bits, cp_at(i));
    if (any) [[unlikely]]
      add_run_events(pos, whole, cp_at, bits, bmp, events);
    pos += 3 * whole;
    if (whole < 5 && !step_lone_ascii(p, n, pos, tables, events)) return pos;
  }
  return pos;
}

// Hides a constant's value from the compiler, which then keeps it in a
// register (or reads it from memory) instead of building it again inside a
// loop: a broadcast costs two instructions each time.
template <typename Vector>
__attribute__((target("avx2"), always_inline)) inline void keep_built(Vector& value) {
  asm("" : "+x"(value));
}

// AVX2: eight three-byte code points from p (four from each 128-bit lane: 12
// bytes of each of two overlapping loads), their bytes gathered into 32-bit
// lanes by a shuffle (third | second << 8 | lead << 16), each lane checked
// against the form 1110xxxx 10xxxxxx 10xxxxxx (so the broken code points
// come out one bit each in text order) and decoded by two multiply-adds.
struct EightChecked {
  __m256i cp;
  __m256i fit;  // lane i all ones: code point i is a plain three-byte one (kLoose: E0 and ED leads pass too)
  // Bit i: code point i is not.
  __attribute__((target("avx2"))) std::uint32_t broken() const {
    return static_cast<std::uint32_t>(_mm256_movemask_ps(_mm256_castsi256_ps(fit))) ^ 0xFFu;
  }
};

struct Avx2CheckedConstants {
  __m256i gather_bytes, char_mask, char_form, lead_byte, lead_e0, lead_ed, payload, byte_weights, pair_weights;
};

__attribute__((target("avx2"))) inline Avx2CheckedConstants avx2_checked_constants() {
  Avx2CheckedConstants k{
      _mm256_broadcastsi128_si256(_mm_setr_epi8(2, 1, 0, -1, 5, 4, 3, -1, 8, 7, 6, -1, 11, 10, 9, -1)),
      _mm256_set1_epi32(0xF0C0C0),
      _mm256_set1_epi32(0xE08080),
      _mm256_set1_epi32(0xFF0000),
      _mm256_set1_epi32(0xE00000),
      _mm256_set1_epi32(0xED0000),
      // The bits of the code point in each byte (x & ~char_mask) ...
      _mm256_set1_epi32(static_cast<int>(0xFF000000u | 0xF0C0C0u)),
      // ... weighed by byte pairs (third + 64 * second, lead + 0) ...
      _mm256_set1_epi32(0x00014001),
      // ... and by 16-bit pairs (low twelve bits + 4096 * lead).
      _mm256_set1_epi32(0x10000001),
  };
  keep_built(k.gather_bytes);
  keep_built(k.char_mask);
  keep_built(k.char_form);
  keep_built(k.lead_byte);
  keep_built(k.lead_e0);
  keep_built(k.lead_ed);
  keep_built(k.payload);
  keep_built(k.byte_weights);
  keep_built(k.pair_weights);
  return k;
}

template <bool kLoose = false>
__attribute__((target("avx2"), always_inline)) inline EightChecked decode_eight_checked(const unsigned char* at,
                                                                                       const Avx2CheckedConstants& k) {
  const __m128i first = _mm_loadu_si128(reinterpret_cast<const __m128i*>(at));
  const __m128i second = _mm_loadu_si128(reinterpret_cast<const __m128i*>(at + 12));
  const __m256i v = _mm256_inserti128_si256(_mm256_castsi128_si256(first), second, 1);
  const __m256i x = _mm256_shuffle_epi8(v, k.gather_bytes);
  __m256i fit = _mm256_cmpeq_epi32(_mm256_and_si256(x, k.char_mask), k.char_form);
  if constexpr (!kLoose) {
    const __m256i lead = _mm256_and_si256(x, k.lead_byte);
    fit = _mm256_andnot_si256(_mm256_or_si256(_mm256_cmpeq_epi32(lead, k.lead_e0), _mm256_cmpeq_epi32(lead, k.lead_ed)),
                              fit);
  }
  // Two multiply-adds put the bits together (0x0FFF at most, then 0xFFFF):
  // three instructions where shifts and masks took seven.
  const __m256i low12_and_lead = _mm256_maddubs_epi16(_mm256_andnot_si256(k.payload, x), k.byte_weights);
  const __m256i cp = _mm256_madd_epi16(low12_and_lead, k.pair_weights);
  return {cp, fit};
}

// The ASCII bytes of a stop set among 16 bytes (bit i for byte i), by two
// nibble look-ups as skip_avx2 does: low_table from StopBytes::low_nibble.
__attribute__((target("avx2"), always_inline)) inline std::uint32_t ascii_stops_in16(__m128i v, __m128i low_table) {
  const __m128i high_table = _mm_setr_epi8(1, 2, 4, 8, 16, 32, 64, -128, 0, 0, 0, 0, 0, 0, 0, 0);
  const __m128i nibble = _mm_set1_epi8(0x0F);
  const __m128i low = _mm_shuffle_epi8(low_table, _mm_and_si128(v, nibble));
  const __m128i high = _mm_shuffle_epi8(high_table, _mm_and_si128(_mm_srli_epi16(v, 4), nibble));
  const __m128i miss = _mm_cmpeq_epi8(_mm_and_si128(low, high), _mm_setzero_si128());
  return ~static_cast<std::uint32_t>(_mm_movemask_epi8(miss)) & 0xFFFFu;
}

// AVX2: eight code points a step (decode_eight_checked); their wanted bits
// are gathered in one load. The events found are written to a buffer on the
// stack and appended to the list between passes of the loop, so that the
// loop makes no call: around a push_back (which may grow the list) the
// compiler put its vector registers on the stack and back, some forty
// instructions for each step with an event.
// A gap of up to 15 ASCII bytes inside the run (a line break, CRLF, a
// number, a short Latin word in Chinese) is stepped over in the loop: its
// stop bytes found by nibble look-ups on one 16-byte load, so the run goes
// on instead of returning to the caller, which skipped the gap and came back
// (some 60 instructions a gap: about a seventh of Chinese gaps are longer
// than two bytes).
// kLoose: with tables.loose, whose bits stop the loop at a lead E0 or ED
// as at a wanted code point (four instructions fewer a step).
template <bool kLoose>
__attribute__((target("avx2"))) std::size_t run_avx2_with(const unsigned char* p, std::size_t n, std::size_t pos,
                                                            const RunTables& tables, std::vector<ClassEvent>& events) {
  const WantedBits& bits = kLoose ? *tables.loose : tables.bits;
  const std::uint32_t* bmp = tables.bmp;
  __m256i low5 = _mm256_set1_epi32(31);
  keep_built(low5);
  __m256i all_lanes = _mm256_set1_epi32(-1);
  keep_built(all_lanes);
  __m128i stop_low = _mm_load_si128(reinterpret_cast<const __m128i*>(tables.stops.low_nibble.data()));
  keep_built(stop_low);
  const Avx2CheckedConstants constants = avx2_checked_constants();
  const bool* const stop_member = tables.stops.member.data();  // read at every line break
  const auto* words = reinterpret_cast<const int*>(bits.data());  // 32 code points a word (little-endian)
  static_assert(std::endian::native == std::endian::little);
  // A pass ends when fewer than kRoom slots are left (a step adds at most
  // eight events, and fifteen for the ASCII gap after them).
  constexpr std::size_t kSlots = 128, kRoom = 24;
  alignas(ClassEvent) unsigned char storage[kSlots * sizeof(ClassEvent)];  // written before read
  auto* found = reinterpret_cast<ClassEvent*>(storage);
  // Each event as its two words (ClassEvent{} in place read the slot first to merge its bit fields).
  auto add = [found](std::size_t& count, std::size_t begin, std::uint32_t length, std::uint32_t classes, char32_t cp) {
    const std::uint64_t words[2] = {begin | static_cast<std::uint64_t>(length) << 56,
                                    classes | static_cast<std::uint64_t>(cp) << 32};
    std::memcpy(static_cast<void*>(found + count++), words, sizeof words);
  };
  // A step reads 28 bytes: the last one starts here (one compare a step).
  if (n < 28) return run_sse2(p, n, pos, tables, events);
  const std::size_t last_step = n - 28;
  for (;;) {
    std::size_t count = 0;
    bool run_ends = false;
    while (pos <= last_step) {
      const EightChecked eight = decode_eight_checked<kLoose>(p + pos, constants);
      const __m256i cp = eight.cp;
      // Every lane's code point is below U+10000 (the decode masks its
      // bits), so the gather stays in the bits even where the form broke.
      const __m256i word = _mm256_i32gather_epi32(words, _mm256_srli_epi32(cp, 5), 4);
      // Bit 31 of each lane: whether its code point is wanted.
      const __m256i bit = _mm256_sllv_epi32(word, _mm256_andnot_si256(cp, low5));  // 31 - (cp & 31)
      // Nearly every step of Chinese text: eight plain code points, none
      // wanted (the sign bit of every lane of fit and not bit).
      const __m256 plain_unwanted = _mm256_castsi256_ps(_mm256_andnot_si256(bit, eight.fit));
      if (_mm256_testc_ps(plain_unwanted, _mm256_castsi256_ps(all_lanes))) [[likely]] {
        pos += 24;
        continue;
      }
      unsigned wanted = static_cast<unsigned>(_mm256_movemask_ps(_mm256_castsi256_ps(bit)));
      // Some code point is not plain: only the whole ones before it count,
      // then the byte that broke the form is looked at.
      const std::uint32_t stop = eight.broken() | 0x100u;
      std::size_t whole = static_cast<std::size_t>(__builtin_ctz(stop));
      wanted &= (stop - 1) & ~stop;  // the lanes before the first broken one
      if (wanted != 0) [[unlikely]] {
        alignas(32) std::uint32_t cps[8];
        _mm256_store_si256(reinterpret_cast<__m256i*>(cps), cp);
        for (; wanted != 0; wanted &= wanted - 1) {
          const auto i = static_cast<std::size_t>(__builtin_ctz(wanted));
          // Loose: a lead E0 or ED is no plain code point; the run stops
          // there, as at a byte that breaks the form (the caller decodes it).
          if (kLoose && (cps[i] < 0x1000 || cps[i] - 0xD000 < 0x1000)) {
            whole = i;
            break;
          }
          add(count, pos + 3 * i, 3, bmp[cps[i]], cps[i]);
        }
      }
      pos += 3 * whole;
      if (whole < 8) {
        // Nearly always a line break (or CRLF) between two lines of Chinese:
        // the ASCII bytes up to the next non-ASCII one, if it comes within
        // 16. (pos + 7 <= n: the step had 28 bytes.)
        const unsigned b0 = p[pos];
        if (b0 >= 0x80) {
          run_ends = true;
          break;
        }
        if (p[pos + 1] >= 0x80 && !stop_member[b0]) [[likely]] {  // one byte, not wanted
          ++pos;
          if (count > kSlots - kRoom) [[unlikely]]
            break;
          continue;
        }
        if (pos + 16 > n) {
          run_ends = true;
          break;
        }
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + pos));
        const auto non_ascii = static_cast<std::uint32_t>(_mm_movemask_epi8(v));
        if (non_ascii == 0) {
          run_ends = true;
          break;
        }
        const auto gap = static_cast<std::size_t>(__builtin_ctz(non_ascii));
        std::uint32_t stops = ascii_stops_in16(v, stop_low) & ((1u << gap) - 1);
        for (; stops != 0; stops &= stops - 1) {
          const std::size_t at = pos + static_cast<std::size_t>(__builtin_ctz(stops));
          add(count, at, 1, bmp[p[at]], p[at]);
        }
        pos += gap;
      }
      if (count > kSlots - kRoom) [[unlikely]]
        break;
    }
    events.insert(events.end(), found, found + count);
    if (run_ends) return pos;
    if (pos > last_step) break;
  }
  return run_sse2(p, n, pos, tables, events);
}

__attribute__((target("avx2"))) std::size_t run_avx2(const unsigned char* p, std::size_t n, std::size_t pos,
                                                       const RunTables& tables, std::vector<ClassEvent>& events) {
  return tables.loose ? run_avx2_with<true>(p, n, pos, tables, events) : run_avx2_with<false>(p, n, pos, tables, events);
}
#endif

// The events of text from start on (start is not inside a code point).
void scan_with(std::string_view text, std::size_t start, const ClassTable& table, std::uint32_t wanted,
               const StopBytes& stops, std::vector<ClassEvent>& events, SkipFunction skip, RunFunction run,
               const WantedBits* bits, const WantedBits* loose = nullptr) {
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size();
  const std::uint32_t* bmp = table.bmp;
  // The events of each step are marked by their next byte while it is at hand.
  std::size_t marked = events.size();
  auto mark_by_next_byte = [&] {
    if (table.next_byte_mark == 0 || !table.marking_next_bytes) return;
    for (; marked < events.size(); ++marked) {
      ClassEvent& event = events[marked];
      const std::size_t end = event.end();
      if (end < n && table.marking_next_bytes[p[end]]) event.classes |= table.next_byte_mark;
    }
  };
  std::size_t pos = start;
  while ((pos = skip(p, n, pos, stops)) < n) {
    mark_by_next_byte();
    if (p[pos] < 0x80) {
      events.push_back({pos, 1, bmp[p[pos]], p[pos]});
      ++pos;
      continue;
    }
    // A run of multi-byte code points (a Chinese text is one long run):
    // decoded inline for the two- and three-byte forms, one table look-up each.
    while (pos < n && p[pos] >= 0x80) {
      pos = bits ? run(p, n, pos, RunTables{*bits, bmp, stops, loose}, events)
                 : scan_three_byte_run(p, n, pos, bmp, wanted, events);
      if (pos >= n || p[pos] < 0x80) break;
      const unsigned b0 = p[pos];
      if ((b0 & 0xF0) == 0xE0 && pos + 3 <= n) {
        const unsigned b1 = p[pos + 1];
        const unsigned b2 = p[pos + 2];
        if ((b1 & 0xC0) == 0x80 && (b2 & 0xC0) == 0x80 && (b0 != 0xE0 || b1 >= 0xA0) && (b0 != 0xED || b1 < 0xA0)) {
          const char32_t cp = ((b0 & 0x0F) << 12) | ((b1 & 0x3F) << 6) | (b2 & 0x3F);
          const std::uint32_t classes = bmp[cp];
          if (classes & wanted) events.push_back({pos, 3, classes, cp});
          pos += 3;
          continue;
        }
      } else if (b0 >= 0xC2 && b0 <= 0xDF && pos + 2 <= n && (p[pos + 1] & 0xC0) == 0x80) {
        const char32_t cp = ((b0 & 0x1F) << 6) | (p[pos + 1] & 0x3F);
        const std::uint32_t classes = bmp[cp];
        if (classes & wanted) events.push_back({pos, 2, classes, cp});
        pos += 2;
        continue;
      }
      std::size_t next = pos;
      const char32_t cp = utf8::next(text, next);
      const std::uint32_t classes = cp == utf8::kInvalid ? table.invalid : cp < 0x10000 ? bmp[cp] : table.beyond_bmp(cp);
      if (classes & wanted) events.push_back({pos, static_cast<std::uint32_t>(next - pos), classes, cp});
      pos = next;
    }
  }
  mark_by_next_byte();
}

SkipFunction choose_skip() {
#ifdef TC_X86
  __builtin_cpu_init();
  if (__builtin_cpu_supports("avx2")) return skip_avx2;
  return skip_sse2;
#else
  return skip_portable;
#endif
}

// Chosen once: the machine does not change under a running process.
SkipFunction skip_function() {
  static const SkipFunction kSkip = choose_skip();
  return kSkip;
}

using DecodeFunction = std::size_t (*)(const unsigned char* p, std::size_t n, std::size_t pos, CodedChar* out,
                                       std::size_t max, const std::uint16_t* codes, const WantedBits& marking,
                                       std::uint64_t& marked);

std::size_t decode_portable(const unsigned char* p, std::size_t n, std::size_t pos, CodedChar* out, std::size_t max,
                            const std::uint16_t* codes, const WantedBits& marking, std::uint64_t& marked) {
  std::size_t count = 0;
  marked = 0;
  while (count < max && pos + 3 <= n) {
    const std::uint32_t word = p[pos] | static_cast<std::uint32_t>(p[pos + 1]) << 8 | static_cast<std::uint32_t>(p[pos + 2]) << 16;
    if (!plain_three_byte(word)) break;
    const char32_t cp = three_byte_code_point(word);
    out[count] = CodedChar{pos, cp, codes ? codes[cp] : std::uint16_t{0}, 3};
    marked |= static_cast<std::uint64_t>(wanted_bit(marking, cp)) << count;
    ++count;
    pos += 3;
  }
  return count;
}

#ifdef TC_X86
// AVX2: eight a step (decode_eight_checked), their codes and marking bits gathered,
// and the eight CodedChar records put together in registers: written one
// field at a time they cost a dozen instructions a character, and
// mojibake-cjk writes a fifth of a Chinese book's characters so.
template <bool kWithCodes>
__attribute__((target("avx2"))) std::size_t decode_avx2_with(const unsigned char* p, std::size_t n, std::size_t pos,
                                                               CodedChar* out, std::size_t max,
                                                               const std::uint16_t* codes, const WantedBits& marking,
                                                               std::uint64_t& marked) {
  static_assert(std::endian::native == std::endian::little);
  static_assert(offsetof(CodedChar, cp) == 8 && offsetof(CodedChar, code) == 12 && offsetof(CodedChar, length) == 14);
  std::size_t count = 0;
  marked = 0;
  const Avx2CheckedConstants constants = avx2_checked_constants();
  __m256i low5 = _mm256_set1_epi32(31);
  __m256i low16 = _mm256_set1_epi32(0xFFFF);
  __m256i length3 = _mm256_set1_epi32(3 << 16);  // the length byte beside the code
  // The begins of characters 0, 1, 4, 5 and 2, 3, 6, 7 (unpack works within 128-bit lanes).
  __m256i offsets_even = _mm256_setr_epi64x(0, 3, 12, 15);
  __m256i offsets_odd = _mm256_setr_epi64x(6, 9, 18, 21);
  keep_built(low5);
  keep_built(low16);
  keep_built(length3);
  keep_built(offsets_even);
  keep_built(offsets_odd);
  const auto* code_words = reinterpret_cast<const int*>(codes);  // read at 2 bytes a code point
  const auto* bit_words = reinterpret_cast<const int*>(marking.data());
  while (count + 8 <= max && pos + 28 <= n) {
    const EightChecked eight = decode_eight_checked(p + pos, constants);
    const std::size_t whole = static_cast<std::size_t>(__builtin_ctz(eight.broken() | 0x100u));
    if (whole == 0) return count;
    // Every lane's code point is below U+10000, whole or not: the gathers stay inside.
    const __m256i cp = eight.cp;
    __m256i code = _mm256_setzero_si256();
    if constexpr (kWithCodes) code = _mm256_and_si256(_mm256_i32gather_epi32(code_words, cp, 2), low16);
    const __m256i word = _mm256_i32gather_epi32(bit_words, _mm256_srli_epi32(cp, 5), 4);
    const __m256i bit = _mm256_sllv_epi32(word, _mm256_andnot_si256(cp, low5));  // bit 31: cp's bit
    const auto bits = static_cast<std::uint32_t>(_mm256_movemask_ps(_mm256_castsi256_ps(bit))) & ((1u << whole) - 1);
    marked |= static_cast<std::uint64_t>(bits) << count;
    // The second half of each record: cp, then code | 3 << 16.
    const __m256i high = _mm256_or_si256(code, length3);
    const __m256i pairs_01 = _mm256_unpacklo_epi32(cp, high);  // characters 0, 1 | 4, 5
    const __m256i pairs_23 = _mm256_unpackhi_epi32(cp, high);  // characters 2, 3 | 6, 7
    const __m256i base = _mm256_set1_epi64x(static_cast<long long>(pos));
    const __m256i begins_01 = _mm256_add_epi64(base, offsets_even);
    const __m256i begins_23 = _mm256_add_epi64(base, offsets_odd);
    const __m256i r04 = _mm256_unpacklo_epi64(begins_01, pairs_01);
    const __m256i r15 = _mm256_unpackhi_epi64(begins_01, pairs_01);
    const __m256i r26 = _mm256_unpacklo_epi64(begins_23, pairs_23);
    const __m256i r37 = _mm256_unpackhi_epi64(begins_23, pairs_23);
    auto* o = reinterpret_cast<__m256i*>(out + count);
    _mm256_storeu_si256(o, _mm256_permute2x128_si256(r04, r15, 0x20));
    _mm256_storeu_si256(o + 1, _mm256_permute2x128_si256(r26, r37, 0x20));
    _mm256_storeu_si256(o + 2, _mm256_permute2x128_si256(r04, r15, 0x31));
    _mm256_storeu_si256(o + 3, _mm256_permute2x128_si256(r26, r37, 0x31));
    count += whole;
    pos += 3 * whole;
    if (whole < 8) return count;
  }
  if (count == max) return count;
  std::uint64_t rest = 0;
  const std::size_t before = count;  // below max, so below 64
  count += decode_portable(p, n, pos, out + count, max - count, codes, marking, rest);
  marked |= rest << before;
  return count;
}

// Without a table (codes null) every code is 0 and none is read: a caller
// that needs the codes of only a few characters looks them up itself.
__attribute__((target("avx2"))) std::size_t decode_avx2(const unsigned char* p, std::size_t n, std::size_t pos,
                                                          CodedChar* out, std::size_t max, const std::uint16_t* codes,
                                                          const WantedBits& marking, std::uint64_t& marked) {
  return codes ? decode_avx2_with<true>(p, n, pos, out, max, codes, marking, marked)
               : decode_avx2_with<false>(p, n, pos, out, max, codes, marking, marked);
}
#endif

DecodeFunction decode_function() {
#ifdef TC_X86
  if (skip_function() == skip_avx2) return decode_avx2;
#endif
  return decode_portable;
}

// Offset of the first byte from pos whose top bit is set (flip = 0) or clear
// (flip = 0xFF), or n.
std::size_t find_top_bit(const unsigned char* p, std::size_t n, std::size_t pos, unsigned char flip) {
#ifdef TC_X86
  const __m128i flip_bits = _mm_set1_epi8(static_cast<char>(flip));
  for (; pos + 16 <= n; pos += 16) {
    const __m128i v = _mm_xor_si128(_mm_loadu_si128(reinterpret_cast<const __m128i*>(p + pos)), flip_bits);
    if (const int mask = _mm_movemask_epi8(v); mask != 0) return pos + static_cast<std::size_t>(__builtin_ctz(static_cast<unsigned>(mask)));
  }
#endif
  while (pos < n && ((p[pos] ^ flip) & 0x80) == 0) ++pos;
  return pos;
}

}  // namespace

std::size_t find_non_ascii(std::string_view text, std::size_t pos) {
  return find_top_bit(reinterpret_cast<const unsigned char*>(text.data()), text.size(), pos, 0);
}

std::size_t find_ascii(std::string_view text, std::size_t pos) {
  return find_top_bit(reinterpret_cast<const unsigned char*>(text.data()), text.size(), pos, 0xFF);
}

std::size_t find_image_lead(std::string_view text, std::size_t pos, std::size_t end) {
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  auto is_lead = [](unsigned char b) { return (b >= 0xC2 && b <= 0xE2) || (b >= 0xEF && b <= 0xF4); };
#ifdef TC_X86
  // Bytes flipped by 0x80 compare as signed: C2-E2 are 0x42-0x62, EF-F4 0x6F-0x74.
  const __m128i flip = _mm_set1_epi8(static_cast<char>(0x80));
  auto in = [](__m128i x, int lo, int hi) {
    return _mm_and_si128(_mm_cmpgt_epi8(x, _mm_set1_epi8(static_cast<char>(lo - 1))),
                         _mm_cmpgt_epi8(_mm_set1_epi8(static_cast<char>(hi + 1)), x));
  };
  while (pos < end && end - pos >= 16) {
    const __m128i x = _mm_xor_si128(_mm_loadu_si128(reinterpret_cast<const __m128i*>(p + pos)), flip);
    const int mask = _mm_movemask_epi8(_mm_or_si128(in(x, 0x42, 0x62), in(x, 0x6F, 0x74)));
    if (mask != 0) return pos + static_cast<std::size_t>(__builtin_ctz(static_cast<unsigned>(mask)));
    pos += 16;
  }
#endif
  while (pos < end && !is_lead(p[pos])) ++pos;
  return pos;
}

std::size_t non_ascii_start(std::string_view text, std::size_t pos, std::size_t floor) {
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
#ifdef TC_X86
  while (pos >= floor + 16) {
    const auto top = static_cast<unsigned>(_mm_movemask_epi8(_mm_loadu_si128(reinterpret_cast<const __m128i*>(p + pos - 16))));
    if (top != 0xFFFF) return pos - 16 + static_cast<std::size_t>(32 - __builtin_clz(~top & 0xFFFF));
    pos -= 16;
  }
#endif
  while (pos > floor && p[pos - 1] >= 0x80) --pos;
  return pos;
}

std::size_t decode_three_byte_chars(std::string_view text, std::size_t pos, CodedChar* out, std::size_t max,
                                    const std::uint16_t* codes, const WantedBits& marking, std::uint64_t& marked) {
  static const DecodeFunction kDecode = decode_function();
  return kDecode(reinterpret_cast<const unsigned char*>(text.data()), text.size(), pos, out, std::min<std::size_t>(max, 64),
                 codes, marking, marked);
}

std::size_t decode_three_byte_chars(std::string_view text, std::size_t pos, CodedChar* out, std::size_t max,
                                    const std::uint16_t* codes, const WantedBits& marking, std::uint64_t& marked,
                                    std::string_view instruction_set) {
  DecodeFunction decode = decode_portable;
#ifdef TC_X86
  if (instruction_set == "avx2" && skip_function() == skip_avx2) decode = decode_avx2;
#endif
  (void)instruction_set;
  return decode(reinterpret_cast<const unsigned char*>(text.data()), text.size(), pos, out, std::min<std::size_t>(max, 64),
                codes, marking, marked);
}

std::string_view scan_instruction_set() {
#ifdef TC_X86
  return skip_function() == skip_avx2 ? "avx2" : "sse2";
#else
  return "portable";
#endif
}

std::vector<std::string_view> available_instruction_sets() {
  std::vector<std::string_view> sets{"portable"};
#ifdef TC_X86
  sets.push_back("sse2");
  if (skip_function() == skip_avx2) sets.push_back("avx2");
#endif
  return sets;
}

WantedBits wanted_bits(const ClassTable& table, std::uint32_t wanted) {
  WantedBits bits{};
  for (std::size_t word = 0; word < bits.size(); ++word) {
    std::uint64_t w = 0;
    for (std::size_t b = 0; b < 64; ++b) w |= static_cast<std::uint64_t>((table.bmp[word * 64 + b] & wanted) != 0) << b;
    bits[word] = w;
  }
  return bits;
}

namespace {

struct Kernels {
  SkipFunction skip;
  RunFunction run;
};

Kernels best_kernels() {
#ifdef TC_X86
  if (skip_function() == skip_avx2) return {skip_avx2, run_avx2};
  return {skip_sse2, run_sse2};
#else
  return {skip_portable, run_portable};
#endif
}

Kernels named_kernels(std::string_view instruction_set) {
#ifdef TC_X86
  if (instruction_set == "sse2") return {skip_sse2, run_sse2};
  if (instruction_set == "avx2" && skip_function() == skip_avx2) return {skip_avx2, run_avx2};
#endif
  (void)instruction_set;
  return {skip_portable, run_portable};
}

}  // namespace

// The loose bits run_avx2 reads (RunTables::loose) when the kernels are AVX2's and there are bits.
std::unique_ptr<WantedBits> loose_bits_for(const Kernels& kernels, const WantedBits* bits) {
#ifdef TC_X86
  if (bits && kernels.run == run_avx2) return loose_bits(*bits);
#endif
  (void)kernels;
  (void)bits;
  return nullptr;
}

struct ClassScanner::Prepared {
  ClassTable table;
  std::uint32_t wanted;
  StopBytes stops;
  Kernels kernels;
  const WantedBits* bits;
  std::unique_ptr<WantedBits> loose;
};

ClassScanner::ClassScanner(const ClassTable& table, std::uint32_t wanted, const WantedBits* bits,
                           std::string_view instruction_set)
    : prepared_(std::make_unique<Prepared>(Prepared{table, wanted, StopBytes(table, wanted),
                                                    instruction_set.empty() ? best_kernels() : named_kernels(instruction_set),
                                                    bits, nullptr})) {
  prepared_->loose = loose_bits_for(prepared_->kernels, bits);
}

ClassScanner::~ClassScanner() = default;

void ClassScanner::scan(std::string_view text, std::size_t begin, std::size_t end, std::vector<ClassEvent>& events) const {
  const Prepared& p = *prepared_;
  scan_with(text.substr(0, end), begin, p.table, p.wanted, p.stops, events, p.kernels.skip, p.kernels.run, p.bits,
            p.loose.get());
}

namespace {

void scan_chosen(std::string_view text, const ClassTable& table, std::uint32_t wanted, std::vector<ClassEvent>& events,
                 Kernels kernels, const WantedBits* bits) {
  const StopBytes stops(table, wanted);
  if (!bits && text.size() >= kWantedBitsAfter) {
    const auto own = std::make_unique<WantedBits>(wanted_bits(table, wanted));
    scan_with(text, 0, table, wanted, stops, events, kernels.skip, kernels.run, own.get(),
              loose_bits_for(kernels, own.get()).get());
    return;
  }
  scan_with(text, 0, table, wanted, stops, events, kernels.skip, kernels.run, bits, loose_bits_for(kernels, bits).get());
}

}  // namespace

void scan_classes(std::string_view text, const ClassTable& table, std::uint32_t wanted, std::vector<ClassEvent>& events,
                  const WantedBits* bits) {
  scan_chosen(text, table, wanted, events, best_kernels(), bits);
}

void scan_classes(std::string_view text, const ClassTable& table, std::uint32_t wanted, std::vector<ClassEvent>& events,
                  std::string_view instruction_set, const WantedBits* bits) {
  scan_chosen(text, table, wanted, events, named_kernels(instruction_set), bits);
}

}  // namespace tc::text
