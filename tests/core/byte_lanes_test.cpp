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

}  // namespace
}  // namespace tc
