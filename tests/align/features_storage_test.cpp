#include <gtest/gtest.h>

#include <array>
#include <utility>
#include <vector>

#include "align/features.h"

namespace tc::test {
namespace {

// A moved-from Offers or Tokens is empty: a size left behind without its
// block would be read through a null pointer by the next loop over it.
TEST(FeaturesStorage, MovedFromOffersAreEmpty) {
  Vocabulary vocabulary;
  vocabulary.ids = {7, 9};
  Offers offers;
  offers.assign({{7, 0b1}, {9, 0b110}}, vocabulary);
  ASSERT_EQ(offers.bits_of(9), 0b110u);

  Offers moved(std::move(offers));
  EXPECT_TRUE(offers.empty());  // NOLINT(bugprone-use-after-move): the state after a move is the point
  EXPECT_EQ(offers.begin(), offers.end());
  EXPECT_EQ(moved.bits_of(7), 0b1u);
  EXPECT_EQ(moved.bits_of(9), 0b110u);

  Offers assigned;
  assigned = std::move(moved);
  EXPECT_TRUE(moved.empty());  // NOLINT(bugprone-use-after-move)
  const Offers copy_of_empty = moved;
  EXPECT_TRUE(copy_of_empty.empty());
  EXPECT_EQ(assigned.bits_of(9), 0b110u);
}

TEST(FeaturesStorage, MovedFromTokensAreEmpty) {
  const std::array<std::uint64_t, 2> keys{11, 12};
  const std::array<WordId, 2> ids{11, 12};
  const std::array<WordId, 2> no_alt{0, 0};
  Tokens tokens;
  tokens.assign(keys, ids, no_alt);
  ASSERT_EQ(tokens.size(), 2u);

  Tokens moved(std::move(tokens));
  EXPECT_TRUE(tokens.empty());  // NOLINT(bugprone-use-after-move)
  EXPECT_TRUE(tokens.keys().empty());
  const Tokens copy_of_empty = tokens;
  EXPECT_TRUE(copy_of_empty.empty());
  ASSERT_EQ(moved.size(), 2u);
  EXPECT_EQ(moved.keys()[1], 12u);
  EXPECT_EQ(moved.ids()[0], 11u);
}

}  // namespace
}  // namespace tc::test
