#include <gtest/gtest.h>

#include <vector>

#include "align/coarse.h"

namespace tc::test {
namespace {

// A path of beads is held as each bead's sentence counts; the band around it
// follows the beads' corners.
TEST(Path, CountsEachBeadsSentences) {
  const std::vector<Bead> beads = {{{0}, {0}, 1.0}, {{}, {1}, 0.0}, {{1, 2}, {2}, 0.5}};
  const Path path = path_of(beads);
  ASSERT_EQ(path.size(), 3u);
  EXPECT_EQ(path[0].zh, 1u);
  EXPECT_EQ(path[0].en, 1u);
  EXPECT_EQ(path[1].zh, 0u);
  EXPECT_EQ(path[1].en, 1u);
  EXPECT_EQ(path[2].zh, 2u);
  EXPECT_EQ(path[2].en, 1u);
}

TEST(Path, BandOfNoMarginHoldsThePathsCells) {
  // Rows 0..3 (Chinese prefixes), columns 0..3: the path (0,0) -> (1,1) -> (1,2) -> (3,3).
  const Band band = band_around(Path{{1, 1}, {0, 1}, {2, 1}}, 3, 3, 0);
  const std::vector<std::uint32_t> lo{0, 1, 2, 3}, hi{0, 2, 3, 3};
  EXPECT_EQ(band.lo, lo);
  EXPECT_EQ(band.hi, hi);
  // A margin of one widens every row by a column a side (and by the rows beside it).
  const Band wide = band_around(Path{{1, 1}, {0, 1}, {2, 1}}, 3, 3, 1);
  const std::vector<std::uint32_t> wide_lo{0, 0, 0, 1}, wide_hi{3, 3, 3, 3};
  EXPECT_EQ(wide.lo, wide_lo);
  EXPECT_EQ(wide.hi, wide_hi);
}

}  // namespace
}  // namespace tc::test
