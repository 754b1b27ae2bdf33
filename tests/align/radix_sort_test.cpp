#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <vector>

#include "align/radix_sort.h"

namespace tc::test {
namespace {

// Keys of every kind a side holds (hashes spread over all 8 bytes, small
// ranks sharing their high bytes, repeats) come out as std::sort orders them.
TEST(RadixSort, OrdersKeysAsASortDoes) {
  std::vector<std::uint64_t> hashes, ranks, mixed;
  std::uint64_t state = 0x9E3779B97F4A7C15u;
  for (int k = 0; k < 5000; ++k) {
    state = state * 6364136223846793005u + 1442695040888963407u;
    hashes.push_back(state);
    ranks.push_back(state >> 52);  // high bytes all zero: passes left out
    mixed.push_back(k % 7 == 0 ? hashes[static_cast<std::size_t>(k / 2)] : state % 3);
  }
  std::vector<std::uint64_t> scratch;
  for (std::vector<std::uint64_t>* keys : {&hashes, &ranks, &mixed}) {
    std::vector<std::uint64_t> expected = *keys;
    std::sort(expected.begin(), expected.end());
    radix_sort(*keys, scratch);
    EXPECT_EQ(*keys, expected);
  }
}

// Short lists, empty ones, and lists of one key repeated.
TEST(RadixSort, HandlesShortAndUniformLists) {
  std::vector<std::uint64_t> scratch;
  std::vector<std::uint64_t> empty;
  radix_sort(empty, scratch);
  EXPECT_TRUE(empty.empty());
  std::vector<std::uint64_t> few = {5, 1, 4};
  radix_sort(few, scratch);
  EXPECT_EQ(few, (std::vector<std::uint64_t>{1, 4, 5}));
  std::vector<std::uint64_t> same(1000, 0xABCDEF0123456789u);
  const std::vector<std::uint64_t> expected = same;
  radix_sort(same, scratch);
  EXPECT_EQ(same, expected);
}

}  // namespace
}  // namespace tc::test
