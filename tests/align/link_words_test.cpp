#include <gtest/gtest.h>

#include <algorithm>

#include "align/features.h"

namespace tc::test {
namespace {

struct Bead {
  std::vector<std::uint32_t> zh;
  std::vector<std::uint32_t> en;
  std::vector<std::uint32_t> zh_explaining = {};
  std::vector<std::uint32_t> en_explained = {};
};

BeadRuns runs_of(const std::vector<Bead>& beads) {
  BeadRuns runs;
  for (const auto& bead : beads) {
    runs.zh.insert(runs.zh.end(), bead.zh.begin(), bead.zh.end());
    runs.en.insert(runs.en.end(), bead.en.begin(), bead.en.end());
    runs.close_bead();
  }
  return runs;
}

std::vector<std::pair<std::uint32_t, std::uint32_t>> links_of(const std::vector<Bead>& beads) {
  const BeadRuns runs = runs_of(beads);
  return link_words(runs, associate(runs, 0.4, 2),
                    [&](std::size_t bead, std::vector<std::uint32_t>& keys, std::vector<std::uint32_t>& ids) {
                      keys.insert(keys.end(), beads[bead].zh_explaining.begin(), beads[bead].zh_explaining.end());
                      ids.insert(ids.end(), beads[bead].en_explained.begin(), beads[bead].en_explained.end());
                    });
}

int count_of(const std::vector<std::pair<std::uint32_t, std::uint32_t>>& links, std::uint32_t z, std::uint32_t e) {
  return static_cast<int>(std::count(links.begin(), links.end(), std::make_pair(z, e)));
}

// Chinese keys 1.. and English ids 101.. (interned: key ranks, id positions plus one); a name (1) always beside "lab" (102)
// whose own translation (2, 实验室) appears with it only twice, and alone once more.
constexpr std::uint32_t kName = 1, kLabZh = 2, kOther = 3;
constexpr std::uint32_t kNameEn = 101, kLabEn = 102, kOtherEn = 103;

TEST(LinkWords, AWordKeepsItsTranslationNotItsNeighbours) {
  const auto links = links_of({
      {{kName, kLabZh}, {kNameEn, kLabEn}},
      {{kName, kLabZh}, {kNameEn, kLabEn}},
      {{kName}, {kNameEn}},
      {{kLabZh, kOther}, {kLabEn, kOtherEn}},
  });
  EXPECT_EQ(count_of(links, kName, kNameEn), 3);
  EXPECT_EQ(count_of(links, kLabZh, kLabEn), 3);
  // The name and "lab" share two beads, but there both have a stronger partner.
  EXPECT_EQ(count_of(links, kName, kLabEn), 0);
  EXPECT_EQ(count_of(links, kLabZh, kNameEn), 0);
}

TEST(LinkWords, AChineseWordMayStandForTwoEnglishWordsButNotThree) {
  // A name rendered as the name and a pronoun in the same sentences.
  constexpr std::uint32_t kPronoun = 104, kThird = 105;
  const auto links = links_of(std::vector<Bead>(3, Bead{{kName}, {kNameEn, kPronoun, kThird}}));
  EXPECT_EQ(links.size(), 3u * kLinksPerChineseWord);
}

TEST(LinkWords, PairsTheOffersExplainAreTakenAlready) {
  // The lexicon pairs kLabZh with kLabEn in every bead; the co-occurring
  // name's English must not link to kLabZh in its place.
  std::vector<Bead> beads(3, Bead{{kLabZh}, {kLabEn, kNameEn}, {kLabZh}, {kLabEn}});
  beads[0].zh_explaining.push_back(kLabZh);  // it explained two ids in that bead: no capacity left
  const auto links = links_of(beads);
  EXPECT_EQ(count_of(links, kLabZh, kLabEn), 0);
  EXPECT_EQ(count_of(links, kLabZh, kNameEn), 2);
}

TEST(LinkWords, RarePairsAreNotLinked) { EXPECT_TRUE(links_of({{{kOther}, {kOtherEn}}}).empty()); }

TEST(Associate, CountsBeadsTogetherAndDice) {
  const auto associations = associate(runs_of({{{kName}, {kNameEn}}, {{kName}, {kNameEn, kLabEn}}, {{kLabZh}, {kLabEn}}}), 0.4, 2);
  ASSERT_EQ(associations.size(), 1u);  // (name, lab) and (lab, lab) were seen together once only
  EXPECT_EQ(associations[0].zh, kName);
  EXPECT_EQ(associations[0].en, kNameEn);
  EXPECT_EQ(associations[0].together, 2);
  EXPECT_DOUBLE_EQ(associations[0].dice(), 1.0);
}

}  // namespace
}  // namespace tc::test
