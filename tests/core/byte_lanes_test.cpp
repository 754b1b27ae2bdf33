#include <gtest/gtest.h>

#include <bit>
#include <cstdint>

#include "core/byte_lanes.h"

namespace tc {
namespace {

TEST(ByteLanes, CountsEveryCombinationOfHighBits) {
  for (unsigned lanes = 0; lanes < 256; ++lanes) {
    std::uint64_t high_bits = 0;
    for (int lane = 0; lane < 8; ++lane)
      if (lanes >> lane & 1u) high_bits |= std::uint64_t{0x80} << (8 * lane);
    EXPECT_EQ(count_high_bits(high_bits), std::popcount(lanes)) << lanes;
  }
}

TEST(ByteLanes, MarksTheAsciiDigitsOfEveryLane) {
  for (int lane = 0; lane < 8; ++lane)
    for (unsigned byte = 0; byte < 256; ++byte) {
      std::uint64_t word = 0x6161616161616161ULL;  // "aaaaaaaa"
      word &= ~(std::uint64_t{0xFF} << (8 * lane));
      word |= std::uint64_t{byte} << (8 * lane);
      const bool digit = byte >= '0' && byte <= '9';
      EXPECT_EQ(ascii_digit_lanes(word), digit ? std::uint64_t{0x80} << (8 * lane) : 0u) << lane << ' ' << byte;
    }
}

}  // namespace
}  // namespace tc
