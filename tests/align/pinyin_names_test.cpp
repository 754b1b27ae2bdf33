#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "align/features.h"
#include "align/lexicon.h"

namespace tc::test {
namespace {

bool offered(const FoundFeatures& zh, WordId id) {
  return std::any_of(zh.offers.begin(), zh.offers.end(), [&](const auto& offer) { return offer.first == id; });
}

// Whether some English token is met by the Chinese sentence's offers through its primary (name) id.
bool name_matches(const FoundFeatures& zh, const FoundFeatures& en) {
  const Tokens& tokens = en.features.tokens;
  for (std::size_t k = 0; k < tokens.size(); ++k)
    if (tokens.alt_ids()[k] != 0 && offered(zh, tokens.ids()[k])) return true;
  return false;
}

class PinyinNames : public ::testing::Test {
 protected:
  FoundFeatures zh(const std::string& text) { return extractor.chinese(text, Span{0, text.size()}); }
  FoundFeatures en(const std::string& text) { return extractor.english(text, Span{0, text.size()}); }
  FeatureExtractor extractor{default_lexicon(), nullptr};
};

TEST_F(PinyinNames, HyphenatedGivenNameMeetsItsCharacters) {
  ASSERT_FALSE(default_lexicon().empty());
  const auto chinese = zh("王熙凤听了，笑着点头。");
  EXPECT_TRUE(name_matches(chinese, en("Hearing this, Xi-feng nodded with a smile.")));
  // At the start of a sentence too, and with a possessive.
  EXPECT_TRUE(name_matches(chinese, en("Xi-feng's smile came at once.")));
  EXPECT_TRUE(name_matches(chinese, en("Then Wang Xifeng nodded.")));
  EXPECT_FALSE(name_matches(zh("宝玉听了，笑着点头。"), en("Hearing this, Xi-feng nodded with a smile.")));
}

TEST_F(PinyinNames, EnglishCompoundsAreNoNames) {
  const auto english = en("The Russian-style coat hung by the door.");
  for (std::size_t k = 0; k < english.features.tokens.size(); ++k)
    EXPECT_EQ(english.features.tokens.alt_ids()[k], 0u) << "token " << k << " taken for a name";
}

}  // namespace
}  // namespace tc::test
