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

}  // namespace tc
