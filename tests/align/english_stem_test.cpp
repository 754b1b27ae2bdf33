#include <gtest/gtest.h>

#include "align/lexicon.h"

namespace tc::test {
namespace {

// An irregular past tense has to land on the stem its base gets, or a
// Chinese gloss "come" would never meet "came" in a translation.
TEST(EnglishStem, IrregularFormsMeetTheirBase) {
  EXPECT_EQ(english_stem("came"), english_stem("come"));
  EXPECT_EQ(english_stem("took"), english_stem("take"));
  EXPECT_EQ(english_stem("gave"), english_stem("give"));
  EXPECT_EQ(english_stem("made"), english_stem("make"));
  EXPECT_EQ(english_stem("left"), english_stem("leave"));
  EXPECT_EQ(english_stem("wrote"), english_stem("writing"));
  EXPECT_EQ(english_stem("saw"), english_stem("see"));
  EXPECT_EQ(english_stem("children"), english_stem("child"));
  EXPECT_NE(english_stem("came"), english_stem("camera"));
}

TEST(EnglishStem, RegularSuffixesStillGo) {
  EXPECT_EQ(english_stem("hoped"), english_stem("hope"));
  EXPECT_EQ(english_stem("walking"), english_stem("walks"));
  EXPECT_EQ(english_stem("carries"), english_stem("carry"));
}

// The shipped lexicon keeps the everyday glosses a cross-reference filter
// could take for its own words: 见 "to see", 老 "old".
TEST(Lexicon, KeepsSeeAndOldAsGlosses) {
  const Lexicon& lexicon = default_lexicon();
  ASSERT_FALSE(lexicon.empty());
  auto offers = [&](const char* headword, const char* english) {
    const WordId id = english_word_id(english);
    for (const WordId word : lexicon.find(headword))
      if (word == id) return true;
    return false;
  };
  EXPECT_TRUE(offers("见", "saw"));
  EXPECT_TRUE(offers("老", "old"));
  EXPECT_TRUE(offers("来", "came"));
}

}  // namespace
}  // namespace tc::test
