#pragma once
// Eight bytes of text read as one 64-bit word: what the ASCII scans' tests
// on all eight bytes at once share.
#include <cstdint>

namespace tc {

// How many bytes of a per-byte test's result are set, the result holding
// nothing but the bytes' high bits (0x80 or 0 each): a multiply adds the
// eight lanes into the top byte. (std::popcount was a library call a word:
// the build does not assume the POPCNT instruction.)
constexpr int count_high_bits(std::uint64_t high_bits) {
  return static_cast<int>(((high_bits >> 7) * 0x0101010101010101ULL) >> 56);
}

inline constexpr std::uint64_t kHighBits = 0x8080808080808080ULL;

// The high bit of each byte of word that is an ASCII digit '0'-'9' (0x80 or
// 0 a lane). Of the byte's low seven bits, adding 0x50 sets the high bit from
// '0' on and adding 0x46 from past '9' (no carry crosses a lane); a byte
// with its own high bit set is no digit.
constexpr std::uint64_t ascii_digit_lanes(std::uint64_t word) {
  const std::uint64_t low = word & ~kHighBits;
  return (low + 0x5050505050505050ULL) & ~(low + 0x4646464646464646ULL) & ~word & kHighBits;
}

}  // namespace tc
