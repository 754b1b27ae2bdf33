#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <array>
#include <memory>
#include <utility>
#include <vector>

#include "align/features.h"

namespace tc::test {
namespace {

// Both sides interned and rated, as align_path does them (with its other work between).
TokenPools intern_both(std::vector<SentenceFeatures>& zh, std::vector<SentenceFeatures>& en, const Vocabulary& vocabulary) {
  TokenPools pools;
  intern_side(en, false, vocabulary, pools);
  intern_side(zh, true, vocabulary, pools);
  rate_tokens(zh, en, vocabulary.ids.size(), pools.en);
  return pools;
}

// A moved-from Offers or Tokens is empty: a size left behind without its
// block would be read through a null pointer by the next loop over it.
TEST(FeaturesStorage, MovedFromOffersAreEmpty) {
  Vocabulary vocabulary;
  vocabulary.ids = {7, 9};
  Offers offers;
  offers.assign(std::vector<Offer>{{7, 0b1}, {9, 0b110}}, vocabulary);
  ASSERT_EQ(offers.bits_at(1), 0b110u);  // 9 is the vocabulary's second id

  Offers moved(std::move(offers));
  EXPECT_TRUE(offers.empty());  // NOLINT(bugprone-use-after-move): the state after a move is the point
  int visited = 0;
  offers.for_each_position([&](std::uint32_t, std::uint64_t) { ++visited; });
  EXPECT_EQ(visited, 0);
  EXPECT_EQ(moved.bits_at(0), 0b1u);
  EXPECT_EQ(moved.bits_at(1), 0b110u);

  Offers assigned;
  assigned = std::move(moved);
  EXPECT_TRUE(moved.empty());  // NOLINT(bugprone-use-after-move)
  const Offers copy_of_empty = moved;
  EXPECT_TRUE(copy_of_empty.empty());
  EXPECT_EQ(assigned.bits_at(1), 0b110u);
}

// Each sentence's found offers read back as they were added, in one flat list.
TEST(FeaturesStorage, FoundOffersKeepEachSentencesOwn) {
  FoundOffers found;
  found.add(std::vector<Offer>{{7, 0b1}, {9, 0b110}});
  found.add(std::vector<Offer>{});
  found.add(std::vector<Offer>{{3, 0b10}});
  ASSERT_EQ(found.size(), 3u);
  ASSERT_EQ(found[0].size(), 2u);
  EXPECT_EQ(found[0][1], (Offer{9, 0b110}));
  EXPECT_TRUE(found[1].empty());
  ASSERT_EQ(found[2].size(), 1u);
  EXPECT_EQ(found[2][0], (Offer{3, 0b10}));
  Vocabulary vocabulary;
  vocabulary.ids = {3, 7, 9};
  Offers offers;
  offers.assign(found[2], vocabulary);
  EXPECT_EQ(offers.bits_at(0), 0b10u);
  EXPECT_EQ(offers.bits_at(1), 0u);
}

// A few entries are held in place, more in a block: both read alike, copied, moved and added to.
TEST(FeaturesStorage, OffersHeldInPlaceOrInABlock) {
  Vocabulary vocabulary;
  for (WordId id = 1; id <= 40; ++id) vocabulary.ids.push_back(id * 10);
  Offers few, many;
  few.assign(std::vector<Offer>{{10, 0b1}, {30, 0b10}}, vocabulary);  // 4 bytes of entries
  std::vector<Offer> sorted;
  for (WordId id = 1; id <= 40; ++id) sorted.emplace_back(id * 10, std::uint64_t{1} << (id % 7));
  many.assign(sorted, vocabulary);  // 80 bytes
  EXPECT_EQ(few.bits_at(0), 0b1u);
  EXPECT_EQ(few.bits_at(1), 0u);
  EXPECT_EQ(few.bits_at(2), 0b10u);
  for (std::uint32_t position = 0; position < 40; ++position)
    EXPECT_EQ(many.bits_at(position), std::uint64_t{1} << ((position + 1) % 7)) << position;
  const Offers few_copy = few, many_copy = many;
  Offers moved = std::move(many);
  EXPECT_TRUE(many.empty());  // NOLINT(bugprone-use-after-move)
  EXPECT_EQ(many_copy.bits_at(39), moved.bits_at(39));
  EXPECT_EQ(few_copy.bits_at(2), 0b10u);
  // Added to past the room in place: a block, read in order.
  few.add({{5, 0b100}, {1, 0b1000}, {0, 0b10000}});
  std::vector<std::pair<std::uint32_t, std::uint64_t>> seen;
  few.for_each_position([&](std::uint32_t position, std::uint64_t bits) { seen.emplace_back(position, bits); });
  const std::vector<std::pair<std::uint32_t, std::uint64_t>> expected{{0, 0b10001}, {1, 0b1000}, {2, 0b10}, {5, 0b100}};
  EXPECT_EQ(seen, expected);
}

// Offers added to a block read as the same offers assigned at once: before
// the first held id, between held ones, merged into a held id's bits (a
// lower bit than it held, and one it held), and after the last.
TEST(FeaturesStorage, AddedOffersReadAsAssignedOnes) {
  Vocabulary vocabulary;
  for (WordId id = 1; id <= 40; ++id) vocabulary.ids.push_back(id * 10);
  std::vector<Offer> held, all;
  for (WordId id = 2; id <= 38; id += 2) held.emplace_back(id * 10, std::uint64_t{1} << (id % 5 + 2));
  Offers offers;
  offers.assign(held, vocabulary);  // positions 1, 3, ..., 37
  const std::vector<std::pair<std::uint32_t, std::uint64_t>> more{
      {20, 0b1}, {0, 0b10}, {3, 0b1}, {3, std::uint64_t{1} << (4 % 5 + 2)}, {39, 0b1000000}, {37, 0b1}, {20, 0b100}};
  offers.add(more);
  // The same offers by id, assigned at once.
  std::vector<std::pair<std::uint32_t, std::uint64_t>> union_of;
  for (const auto& [id, bits] : held) union_of.emplace_back(static_cast<std::uint32_t>(id / 10 - 1), bits);
  union_of.insert(union_of.end(), more.begin(), more.end());
  std::sort(union_of.begin(), union_of.end());
  for (const auto& [position, bits] : union_of)
    if (!all.empty() && all.back().first == vocabulary.ids[position]) all.back().second |= bits;
    else all.emplace_back(vocabulary.ids[position], bits);
  Offers assigned;
  assigned.assign(all, vocabulary);
  std::vector<std::pair<std::uint32_t, std::uint64_t>> seen, expected;
  offers.for_each_position([&](std::uint32_t position, std::uint64_t bits) { seen.emplace_back(position, bits); });
  assigned.for_each_position([&](std::uint32_t position, std::uint64_t bits) { expected.emplace_back(position, bits); });
  EXPECT_EQ(seen, expected);
  ASSERT_EQ(seen.size(), 22u);  // 19 held, 3 added ids (0, 20, 39)
  EXPECT_EQ(offers.bits_at(0), 0b10u);
  EXPECT_EQ(offers.bits_at(3), std::uint64_t{0b1} | (std::uint64_t{1} << (4 % 5 + 2)));
  EXPECT_EQ(offers.bits_at(20), 0b101u);
  EXPECT_EQ(offers.bits_at(37), std::uint64_t{0b1} | (std::uint64_t{1} << (38 % 5 + 2)));
  EXPECT_EQ(offers.bits_at(39), 0b1000000u);
  EXPECT_EQ(offers.bits_at(5), std::uint64_t{1} << (6 % 5 + 2));
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

// Interning replaces the keys and ids by 32-bit codes; the Chinese side's
// tokens hold a rate each (0 until set), the English side's their key ranks.
TEST(FeaturesStorage, InterningHoldsCodesAndRates) {
  const std::array<std::uint64_t, 3> keys{30, 10, 20};
  const std::array<WordId, 3> ids{30, 10, 20};
  const std::array<WordId, 3> alt{0, 5, 0};
  Tokens tokens;
  tokens.assign(keys, ids, alt);
  const std::array<std::uint32_t, 3> positions{3, 1, 2};
  const std::array<std::uint32_t, 3> alt_positions{0, 7, 0};
  const std::array<std::uint32_t, 3> ranks{2, 0, 1};
  tokens.intern(positions, alt_positions, ranks, false);
  ASSERT_TRUE(tokens.interned());
  ASSERT_EQ(tokens.size(), 3u);
  EXPECT_TRUE(tokens.rates().empty());
  EXPECT_EQ(tokens.positions()[0], 3u);
  EXPECT_EQ(tokens.positions()[2], 2u);
  EXPECT_EQ(tokens.alt_positions()[1], 7u);
  EXPECT_EQ(tokens.alt_positions()[2], 0u);
  EXPECT_EQ(tokens.weight_codes()[0], 2u);
  EXPECT_EQ(tokens.weight_codes()[1], 0u);
  // Weights by key rank, rates by position (English side).
  TokenTable table;
  table.weights = {1.5f, 3.f, 4.5f};
  table.rates = {0.1f, 0.2f, 0.3f, 0.4f};
  EXPECT_EQ(table.weights_of(tokens)[0], 4.5f);
  EXPECT_EQ(table.weights_of(tokens)[2], 3.f);
  EXPECT_EQ(table.rates_of(tokens)[0], 0.4f);
  EXPECT_EQ(table.rates_of(tokens)[1], 0.2f);
  EXPECT_FLOAT_EQ(weighted_bits(0b101, table.weights_of(tokens)), 7.5f);
  // Chinese side: the codes are the key ranks, and each token holds its rate.
  Tokens plain;
  plain.assign(keys, std::array<WordId, 3>{}, std::array<WordId, 3>{});
  plain.intern(ranks, {}, {}, true);
  EXPECT_EQ(plain.alt_positions()[0], 0u);
  EXPECT_EQ(plain.ranks()[1], 0u);
  EXPECT_EQ(plain.weight_codes()[0], 2u);
  ASSERT_EQ(plain.rates().size(), 3u);
  EXPECT_EQ(plain.rates()[1], 0.f);
  for (std::size_t k = 0; k < 3; ++k) plain.rates()[k] = 0.25f * static_cast<float>(k + 1);
  table.rates.clear();  // (the Chinese side's table has none)
  EXPECT_EQ(table.rates_of(plain)[1], 0.5f);
  EXPECT_EQ(table.weights_of(plain)[2], 3.f);
  EXPECT_EQ(plain.ranks()[0], 2u);  // (rates written beside the codes leave them)
}

// Codes above 16 bits (a long book's ranks) are held whole, as are the
// others of their sentence; a copy reads the same.
TEST(FeaturesStorage, InterningKeepsCodesPast16Bits) {
  const std::array<std::uint64_t, 3> keys{30, 10, 20};
  const std::array<WordId, 3> ids{30, 10, 20};
  const std::array<WordId, 3> alt{0, 5, 0};
  Tokens tokens;
  tokens.assign(keys, ids, alt);
  const std::array<std::uint32_t, 3> positions{65535, 3, 2};
  const std::array<std::uint32_t, 3> alt_positions{0, 70000, 0};
  const std::array<std::uint32_t, 3> ranks{2, 0, 1};
  tokens.intern(positions, alt_positions, ranks, false);
  const Tokens copy = tokens;
  for (const Tokens* held : {static_cast<const Tokens*>(&tokens), &copy}) {
    EXPECT_EQ(held->positions()[0], 65535u);
    EXPECT_EQ(held->positions()[1], 3u);
    EXPECT_EQ(held->alt_positions()[1], 70000u);
    EXPECT_EQ(held->alt_positions()[2], 0u);
    EXPECT_EQ(held->weight_codes()[0], 2u);
    EXPECT_EQ(held->weight_codes()[2], 1u);
  }
  std::vector<std::uint32_t> in_order(tokens.positions().begin(), tokens.positions().end());
  EXPECT_EQ(in_order, (std::vector<std::uint32_t>{65535, 3, 2}));
  // 65535 still fits 16 bits: the sentence without the larger alternative reads the same.
  Tokens narrow;
  narrow.assign(keys, ids, std::array<WordId, 3>{});
  narrow.intern(positions, {}, ranks, false);
  std::vector<std::uint32_t> narrow_order;
  for (const std::uint32_t position : narrow.positions()) narrow_order.push_back(position);
  EXPECT_EQ(narrow_order, in_order);
  EXPECT_EQ(narrow.weight_codes()[0], 2u);
  // A key rank past 16 bits makes the sentence's codes whole too.
  const std::array<std::uint32_t, 3> far_ranks{70001, 0, 1};
  Tokens wide;
  wide.assign(keys, ids, std::array<WordId, 3>{});
  wide.intern(positions, {}, far_ranks, false);
  EXPECT_EQ(wide.weight_codes()[0], 70001u);
  EXPECT_EQ(wide.positions()[0], 65535u);
}

// Pooled tokens read the same from the pool; a copy of them holds its own
// block (it outlives the pool), and moving them leaves the source empty.
TEST(FeaturesStorage, PooledTokensReadTheSameAndCopiesOwnTheirs) {
  const std::array<std::uint64_t, 3> keys{30, 10, 20};
  Tokens tokens;
  tokens.assign(keys, std::array<WordId, 3>{}, std::array<WordId, 3>{});
  const std::array<std::uint32_t, 3> ranks{2, 0, 1};
  tokens.intern(ranks, {}, {}, true);
  const std::size_t bytes = tokens.pool_bytes();
  ASSERT_EQ(bytes % 4, 0u);
  auto pool = std::make_unique<std::byte[]>(bytes + 4);
  tokens.pool_into(pool.get() + 4);
  EXPECT_EQ(tokens.size(), 3u);
  EXPECT_EQ(tokens.ranks()[0], 2u);
  tokens.rates()[1] = 7.f;  // written in the pool
  Tokens copy = tokens;
  Tokens moved = std::move(tokens);
  EXPECT_TRUE(tokens.empty());  // NOLINT(bugprone-use-after-move)
  EXPECT_EQ(moved.rates()[1], 7.f);
  pool.reset();  // (moved is not read from here on: it points into the pool)
  EXPECT_EQ(copy.size(), 3u);
  EXPECT_EQ(copy.ranks()[2], 1u);
  EXPECT_EQ(copy.rates()[1], 7.f);
}


// Tokens held in an arena read as tokens in a block of their own, one after
// another in its room (no block each from the heap), and are interned out of
// it; the arena's room is 8-aligned.
TEST(FeaturesStorage, TokensHeldInAnArenaReadTheSameAndInternOutOfIt) {
  const std::array<std::uint64_t, 3> keys{30, 10, 20};
  const std::array<WordId, 3> ids{5, 0, 6}, alt_ids{0, 8, 0};
  Tokens own;
  own.assign(keys, ids, alt_ids);
  TokenArena arena;
  Tokens held, next;
  held.assign(keys, ids, alt_ids, &arena);
  next.assign(std::array<std::uint64_t, 1>{40}, std::array<WordId, 1>{40}, std::array<WordId, 1>{}, &arena);
  ASSERT_EQ(held.size(), 3u);
  EXPECT_TRUE(std::ranges::equal(held.keys(), own.keys()));
  EXPECT_TRUE(std::ranges::equal(held.ids(), own.ids()));
  EXPECT_TRUE(std::ranges::equal(held.alt_ids(), own.alt_ids()));
  EXPECT_EQ(next.keys()[0], 40u);
  EXPECT_EQ(next.ids()[0], 40u);
  // One room after the other: the next block starts right after the first's (a header and three arrays of three).
  EXPECT_EQ(reinterpret_cast<const std::byte*>(next.keys().data()) - reinterpret_cast<const std::byte*>(held.keys().data()),
            static_cast<std::ptrdiff_t>((3 * 3 + 1) * sizeof(std::uint64_t)));
  EXPECT_EQ(reinterpret_cast<std::uintptr_t>(arena.room(3)) % 8, 0u);
  const std::array<std::uint32_t, 3> ranks{2, 0, 1};
  held.intern(ranks, {}, {}, false);
  EXPECT_EQ(held.ranks()[0], 2u);
  arena = TokenArena();  // (the interned tokens hold a block of their own)
  EXPECT_EQ(held.ranks()[2], 1u);
}


// Each side's token keys become their ranks among the side's distinct keys
// (the largest 64-bit key too), and each rank's weight is log(1 + sentences
// / sentences holding the key); English ids become vocabulary positions
// plus one, with the keys' ranks beside them.
TEST(FeaturesStorage, FinishedFeaturesRankKeysAndWeighThem) {
  constexpr std::uint64_t kLargest = ~std::uint64_t{0};
  auto sentence = [](std::vector<std::uint64_t> keys, bool english) {
    SentenceFeatures s;
    const std::vector<WordId> none(keys.size(), 0);
    s.tokens.assign(keys, english ? keys : none, none);
    return s;
  };
  std::vector<SentenceFeatures> zh, en;
  zh.push_back(sentence({50, kLargest, 7}, false));
  zh.push_back(sentence({kLargest}, false));
  zh.push_back(sentence({}, false));
  zh.push_back(sentence({7, 900}, false));
  en.push_back(sentence({kLargest, 20}, true));
  en.push_back(sentence({20}, true));
  const Vocabulary vocabulary = vocabulary_of(en, FoundOffers());
  const TokenPools pools = intern_both(zh, en, vocabulary);
  // Chinese keys 7, 50, 900, largest: ranks 0..3.
  auto codes = [](Codes list) { return std::vector<std::uint32_t>(list.begin(), list.end()); };
  EXPECT_EQ(codes(zh[0].tokens.ranks()), (std::vector<std::uint32_t>{1, 3, 0}));
  EXPECT_EQ(codes(zh[1].tokens.ranks()), (std::vector<std::uint32_t>{3}));
  EXPECT_TRUE(zh[2].tokens.empty());
  EXPECT_EQ(codes(zh[3].tokens.ranks()), (std::vector<std::uint32_t>{0, 2}));
  ASSERT_EQ(pools.zh.weights.size(), 4u);
  EXPECT_FLOAT_EQ(pools.zh.weights[0], static_cast<float>(std::log(1.0 + 4.0 / 2)));  // 7: two of four sentences
  EXPECT_FLOAT_EQ(pools.zh.weights[2], static_cast<float>(std::log(1.0 + 4.0 / 1)));  // 900
  EXPECT_FLOAT_EQ(pools.zh.weights[3], static_cast<float>(std::log(1.0 + 4.0 / 2)));  // the largest key
  // English keys 20, largest: ranks 0, 1; ids by their vocabulary positions plus one.
  EXPECT_EQ(codes(en[0].tokens.weight_codes()), (std::vector<std::uint32_t>{1, 0}));
  EXPECT_EQ(codes(en[1].tokens.weight_codes()), (std::vector<std::uint32_t>{0}));
  EXPECT_EQ(en[0].tokens.positions()[0], vocabulary.find(kLargest));
  EXPECT_EQ(en[0].tokens.positions()[1], vocabulary.find(20));
  ASSERT_EQ(pools.en.weights.size(), 2u);
  EXPECT_FLOAT_EQ(pools.en.weights[0], static_cast<float>(std::log(1.0 + 2.0 / 2)));
  EXPECT_FLOAT_EQ(pools.en.weights[1], static_cast<float>(std::log(1.0 + 2.0 / 1)));
}


// Chinese sentences interned alike share one block only when they offer the
// same: their rates (held in the block) are then written alike.
TEST(FeaturesStorage, ChineseTokensShareABlockOnlyWithTheSameOffers) {
  Vocabulary vocabulary;
  vocabulary.ids = {7, 9};
  auto sentence = [&](std::vector<Offer> offers) {
    SentenceFeatures s;
    s.tokens.assign(std::array<std::uint64_t, 2>{40, 41}, std::array<WordId, 2>{}, std::array<WordId, 2>{});
    s.offers.assign(offers, vocabulary);
    return s;
  };
  std::vector<SentenceFeatures> zh, en;
  zh.push_back(sentence({{7, 0b1}}));
  zh.push_back(sentence({{7, 0b1}}));  // the same tokens and offers
  zh.push_back(sentence({{9, 0b1}}));  // the same tokens, other offers
  const TokenPools pools = intern_both(zh, en, vocabulary);
  ASSERT_EQ(zh[0].tokens.rates().size(), 2u);
  EXPECT_EQ(zh[1].tokens.rates().data(), zh[0].tokens.rates().data());
  EXPECT_NE(zh[2].tokens.rates().data(), zh[0].tokens.rates().data());
  EXPECT_EQ(zh[2].tokens.ranks()[1], 1u);
  Offers same, other;
  same.assign(std::vector<Offer>{{7, 0b1}}, vocabulary);
  other.assign(std::vector<Offer>{{7, 0b11}}, vocabulary);
  EXPECT_TRUE(same.same_as(zh[0].offers));
  EXPECT_FALSE(other.same_as(zh[0].offers));
}

}  // namespace
}  // namespace tc::test
