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
  // Short parts are not enough: each part must be spelled like a pinyin syllable.
  for (const char* sentence : {"The Russian-style coat hung by the door.", "Long-term care was planned.",
                               "Follow-up visits came twice a year.", "Low-dose tablets were given.",
                               "Self-care matters most.", "Ask about the Long-term plan first."}) {
    const auto english = en(sentence);
    for (std::size_t k = 0; k < english.features.tokens.size(); ++k)
      EXPECT_EQ(english.features.tokens.alt_ids()[k], 0u) << sentence << ": token " << k << " taken for a name";
  }
  // A name of pinyin syllables is one, also with initials like zh- and finals like -uang.
  const auto name = en("Then Zhuang-yu nodded.");
  EXPECT_TRUE(std::any_of(name.features.tokens.alt_ids().begin(), name.features.tokens.alt_ids().end(),
                          [](WordId id) { return id != 0; }));
}

TEST(WadeGiles, SpellsPinyinSyllablesTheOldWay) {
  const std::pair<const char*, const char*> kSpellings[] = {
      {"xi", "hsi"},   {"zhou", "chou"}, {"qing", "ching"}, {"zi", "tzu"},  {"si", "ssu"},    {"zhi", "chih"},
      {"ri", "jih"},   {"ke", "ko"},     {"guo", "kuo"},    {"duo", "to"},  {"xue", "hsueh"}, {"yan", "yen"},
      {"ye", "yeh"},   {"er", "erh"},    {"rong", "jung"},  {"jian", "chien"}, {"gui", "kuei"}, {"you", "yu"},
      {"yi", "i"},     {"cong", "tsung"}, {"bao", "pao"},   {"wang", "wang"}, {"liu", "liu"}, {"shuo", "shuo"}};
  for (const auto& [pinyin, wade_giles] : kSpellings) EXPECT_EQ(wade_giles_of(pinyin), wade_giles) << pinyin;
  EXPECT_EQ(wade_giles_of("term"), "");
  EXPECT_TRUE(is_wade_giles_syllable("hsi"));
  EXPECT_TRUE(is_wade_giles_syllable("chih"));
  EXPECT_FALSE(is_wade_giles_syllable("term"));
  EXPECT_FALSE(is_wade_giles_syllable("xi"));  // pinyin only
}

TEST_F(PinyinNames, WadeGilesNamesMeetTheirCharacters) {
  ASSERT_FALSE(default_lexicon().empty());
  // Surname and given name, the aspiration apostrophe, the umlaut (UTF-8), a possessive.
  EXPECT_TRUE(name_matches(zh("周瑞家的听了，笑着点头。"), en("Hearing this, Chou Jui's wife nodded.")));
  EXPECT_TRUE(name_matches(zh("吴佩珍答应带她去片场。"), en("The day before, Wu P'ei-chen had agreed to go.")));
  EXPECT_TRUE(name_matches(zh("宝玉听了，笑着点头。"), en("Hearing this, Pao-y\u00fc nodded with a smile.")));
  EXPECT_TRUE(name_matches(zh("宝玉听了，笑着点头。"), en("Hearing this, Pao-yu nodded with a smile.")));
  EXPECT_TRUE(name_matches(zh("陈清扬把我拽住。"), en("Then Ch'en held me back.")));
  // ü after an aspiration mark, and a hyphen after ü: one name, read as its ASCII spelling.
  for (const auto& [written, ascii] : {std::pair{"Then Mr Ch'\u00fc came.", "Then Mr Chu came."},
                                       std::pair{"He went to L\u00fc-shun.", "He went to Lushun."}}) {
    const Tokens& a = en(written).features.tokens;
    const Tokens& b = en(ascii).features.tokens;
    ASSERT_EQ(a.size(), b.size()) << written;
    for (std::size_t k = 0; k < a.size(); ++k) EXPECT_EQ(a.ids()[k], b.ids()[k]) << written << ": token " << k;
  }
  // Not another name; an apostrophe that marks no aspirated initial is no name's.
  EXPECT_FALSE(name_matches(zh("宝玉听了，笑着点头。"), en("Hearing this, Hsi-feng nodded with a smile.")));
  EXPECT_FALSE(name_matches(zh("陈清扬把我拽住。"), en("Then Sh'en held me back.")));
}

// Typographic apostrophes (can’t, Grannie’s) make the same tokens as ASCII
// ones: split at ’, the stopword and the possessive were words of their own.
TEST_F(PinyinNames, TypographicApostrophesReadAsAsciiOnes) {
  const auto typographic = en("She can\u2019t stay at Grannie\u2019s house, said Chou Jui\u2019s wife.");
  const auto ascii = en("She can't stay at Grannie's house, said Chou Jui's wife.");
  const Tokens& a = typographic.features.tokens;
  const Tokens& b = ascii.features.tokens;
  ASSERT_EQ(a.size(), b.size());
  for (std::size_t k = 0; k < a.size(); ++k) {
    EXPECT_EQ(a.ids()[k], b.ids()[k]) << "token " << k;
    EXPECT_EQ(a.alt_ids()[k], b.alt_ids()[k]) << "token " << k;
  }
  // A closing quotation mark after a word is no apostrophe: the word ends there.
  EXPECT_EQ(en("\u2018Come here\u2019 she said.").features.tokens.size(), en("'Come here' she said.").features.tokens.size());
}

}  // namespace
}  // namespace tc::test
