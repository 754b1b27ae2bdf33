#include "align/length_fit.h"

#include <gtest/gtest.h>

#include <cmath>

#include "align/path.h"

namespace tc::test {
namespace {

// Sentences of the given lengths, one bead per pair (i with i).
struct Pair {
  std::vector<SentenceFeatures> zh, en;
  std::vector<Bead> beads;
  void add(float zh_length, float en_length) {
    zh.emplace_back().length = zh_length;
    en.emplace_back().length = en_length;
    beads.push_back({{zh.size() - 1}, {en.size() - 1}, 1.f});
  }
};

TEST(LengthSpread, RootMeanSquareOfTheLogRatioDeviations) {
  // Ratio 3: English beads 3 e^0.2 and 3 e^-0.2 times their Chinese length, in turn.
  Pair pair;
  for (int k = 0; k < 30; ++k) pair.add(20.f, static_cast<float>(60.0 * std::exp(k % 2 ? 0.2 : -0.2)));
  EXPECT_NEAR(length_spread(pair.zh, pair.en, path_of(pair.beads), 3.0, 0.0, 20), 0.2, 1e-4);
  // A freer rendering spreads wider.
  Pair free;
  for (int k = 0; k < 30; ++k) free.add(20.f, static_cast<float>(60.0 * std::exp(k % 2 ? 0.35 : -0.35)));
  EXPECT_NEAR(length_spread(free.zh, free.en, path_of(free.beads), 3.0, 0.0, 20), 0.35, 1e-4);
}

TEST(LengthSpread, MergedBeadsCountTheirSumsAndUnpairedSentencesNothing) {
  Pair pair;
  for (int k = 0; k < 20; ++k) pair.add(10.f, 30.f);  // exactly the ratio
  // A 1-2 bead whose English sentences add up to twice the ratio, and a 1-0 bead.
  pair.zh.emplace_back().length = 10.f;
  pair.en.emplace_back().length = 30.f;
  pair.en.emplace_back().length = 30.f;
  pair.beads.push_back({{20}, {20, 21}, 1.f});
  pair.zh.emplace_back().length = 50.f;
  pair.beads.push_back({{21}, {}, 0.f});
  EXPECT_NEAR(length_spread(pair.zh, pair.en, path_of(pair.beads), 3.0, 0.0, 20), std::log(2.0) / std::sqrt(21.0), 1e-6);
}

TEST(LengthSpread, TooFewBeadsTellNothing) {
  Pair pair;
  for (int k = 0; k < 19; ++k) pair.add(10.f, 45.f);
  EXPECT_EQ(length_spread(pair.zh, pair.en, path_of(pair.beads), 3.0, 4.0, 20), 0.0);
  pair.add(10.f, 45.f);
  EXPECT_GT(length_spread(pair.zh, pair.en, path_of(pair.beads), 3.0, 4.0, 20), 0.0);
}

}  // namespace
}  // namespace tc::test
