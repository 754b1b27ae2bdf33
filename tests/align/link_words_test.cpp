#include <gtest/gtest.h>

#include <algorithm>

#include "align/features.h"

namespace tc::test {
namespace {

// Counts as learn_pairs makes them: one entry per bead holding the key, id or pair.
LinkCounts counts_of(const std::vector<BeadWords>& beads) {
  LinkCounts counts;
  for (const auto& bead : beads) {
    counts.zh.insert(counts.zh.end(), bead.zh.begin(), bead.zh.end());
    counts.en.insert(counts.en.end(), bead.en.begin(), bead.en.end());
    for (auto z : bead.zh)
      for (auto e : bead.en) counts.pairs.emplace_back(z, e);
  }
  std::sort(counts.zh.begin(), counts.zh.end());
  std::sort(counts.en.begin(), counts.en.end());
  std::sort(counts.pairs.begin(), counts.pairs.end());
  return counts;
}

int links_of(const std::vector<std::pair<std::uint64_t, WordId>>& links, std::uint64_t z, WordId e) {
  return static_cast<int>(std::count(links.begin(), links.end(), std::make_pair(z, e)));
}

// Chinese keys 1.. and English ids 101..; a name (1) always beside "lab" (102)
// whose own translation (2, 实验室) appears with it only twice, and alone once more.
constexpr std::uint64_t kName = 1, kLabZh = 2, kOther = 3;
constexpr WordId kNameEn = 101, kLabEn = 102, kOtherEn = 103;

TEST(LinkWords, AWordKeepsItsTranslationNotItsNeighbours) {
  std::vector<BeadWords> beads = {
      {{kName, kLabZh}, {kNameEn, kLabEn}, {}, {}},
      {{kName, kLabZh}, {kNameEn, kLabEn}, {}, {}},
      {{kName}, {kNameEn}, {}, {}},
      {{kLabZh, kOther}, {kLabEn, kOtherEn}, {}, {}},
  };
  const auto links = link_words(beads, counts_of(beads), 0.4, 2);
  EXPECT_EQ(links_of(links, kName, kNameEn), 3);
  EXPECT_EQ(links_of(links, kLabZh, kLabEn), 3);
  // The name and "lab" share two beads, but there both have a stronger partner.
  EXPECT_EQ(links_of(links, kName, kLabEn), 0);
  EXPECT_EQ(links_of(links, kLabZh, kNameEn), 0);
}

TEST(LinkWords, AChineseWordMayStandForTwoEnglishWordsButNotThree) {
  // A name rendered as the name and a pronoun in the same sentences.
  constexpr WordId kPronoun = 104, kThird = 105;
  std::vector<BeadWords> beads(3, BeadWords{{kName}, {kNameEn, kPronoun, kThird}, {}, {}});
  const auto links = link_words(beads, counts_of(beads), 0.4, 2);
  EXPECT_EQ(links.size(), 3u * kLinksPerChineseWord);
}

TEST(LinkWords, PairsTheOffersExplainAreTakenAlready) {
  // The lexicon pairs kLabZh with kLabEn in every bead; the co-occurring
  // name's English must not link to kLabZh in its place.
  std::vector<BeadWords> beads(3, BeadWords{{kLabZh}, {kLabEn, kNameEn}, {kLabZh}, {kLabEn}});
  beads[0].zh_explaining.push_back(kLabZh);  // it explained two ids in that bead: no capacity left
  const auto links = link_words(beads, counts_of(beads), 0.4, 2);
  EXPECT_EQ(links_of(links, kLabZh, kLabEn), 0);
  EXPECT_EQ(links_of(links, kLabZh, kNameEn), 2);
}

TEST(LinkWords, RarePairsAreNotLinked) {
  std::vector<BeadWords> beads = {{{kOther}, {kOtherEn}, {}, {}}};
  EXPECT_TRUE(link_words(beads, counts_of(beads), 0.4, 2).empty());
}

}  // namespace
}  // namespace tc::test
