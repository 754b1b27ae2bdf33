// The build-time English word index must give exactly Hunspell's verdict on
// every word it covers (vaccine, Vaccine, iPhone, BSD, alpha1), or the typography rules would change
// their findings when Hunspell is not loaded. Checked on the English words of
// the shipped lexicon's glosses, their affixed forms and near-miss non-words.
#include <gtest/gtest.h>
#include <hunspell/hunspell.hxx>

#include <cctype>
#include <filesystem>
#include <fstream>
#include <set>
#include <string>

#include "core/data_path.h"
#include "rules/typography/english_words.h"

namespace tc::typography {
namespace {

const std::string kDictionaries = "/usr/share/hunspell";

std::set<std::string> words_to_try() {
  std::set<std::string> words;
  const auto lexicon = find_file_in(data_search_path(), "cedict/cedict.tsv");
  if (!lexicon) return words;
  std::ifstream in(*lexicon);
  std::string line;
  for (int row = 0; std::getline(in, line) && row < 40000; ++row) {
    std::string word;
    for (const char c : line.substr(line.rfind('\t') + 1) + " ") {
      if (std::isalpha(static_cast<unsigned char>(c))) {
        word += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      } else if (!word.empty()) {
        words.insert(word);
        word.clear();
      }
    }
  }
  std::set<std::string> variants;
  for (const std::string& word : words) {
    for (const char* suffix : {"s", "es", "ed", "ing", "ly", "ness", "er", "ers", "est", "able", "ment", "ism"})
      variants.insert(word + suffix);
    for (const char* prefix : {"un", "re", "dis", "non", "pre", "over"}) variants.insert(prefix + word);
    if (word.size() > 3) {
      variants.insert(word.substr(0, word.size() / 2) + word.substr(word.size() / 2 + 1));  // a letter dropped
      variants.insert(word.substr(0, 2) + word[2] + word.substr(2));                       // a letter doubled
    }
  }
  for (const std::string& word : words) {
    std::string capitalised = word;
    capitalised[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(capitalised[0])));
    variants.insert(capitalised);
    std::string capitals = word;
    for (char& c : capitals) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    variants.insert(capitals);
    variants.insert(word + std::to_string(word.size() % 10));  // as4, about1
  }
  words.insert(variants.begin(), variants.end());
  for (const char* edge : {"a", "i", "th", "st", "nd", "rd", "o", "x", "zzzz", "the", "youre", "dont", "cancercells", "The", "China", "Zhang",
                           "alpha1", "adduct2", "arsenic1", "b12", "b1c", "orf8", "win32", "mp3", "covid19", "il6", "cd8",
                           "p53", "as42", "about1", "undergoing4courses", "th1", "x1", "toThere", "iPhone", "McDonald",
                           "PhD", "eBay", "camelCase", "A", "I", "Mcdonald", "mcdonald", "MHz", "mRNA", "pH",
                           "BSD", "NNN", "DNA", "NASA", "USA", "AIDS", "COVID", "FILE", "PATTERN", "PHD", "IPHONE", "MHZ",
                           "EBAY", "MCDONALD", "ZZZZ", "THE", "TH", "OK", "TV", "GNU", "POSIX", "UTF"})
    words.insert(edge);
  return words;
}

TEST(EnglishWordIndex, GivesHunspellsVerdictOnEveryWordItCovers) {
  const auto index_path = find_file_in(data_search_path(), "hunspell/english_words.idx");
  if (!index_path) GTEST_SKIP() << "no English word index in this build (unmunch from hunspell-tools missing)";
  const EnglishWordIndex index(*index_path, kDictionaries + "/en_US.dic", kDictionaries + "/en_med_glut.dic");
  ASSERT_TRUE(index.usable()) << *index_path << " does not match the dictionaries in " << kDictionaries;
  Hunspell general((kDictionaries + "/en_US.aff").c_str(), (kDictionaries + "/en_US.dic").c_str());
  Hunspell medical((kDictionaries + "/en_US.aff").c_str(), (kDictionaries + "/en_med_glut.dic").c_str());
  const std::set<std::string> words = words_to_try();
  ASSERT_GT(words.size(), 50000u);
  std::size_t known = 0, differing = 0;
  for (const std::string& word : words) {
    if (!EnglishWordIndex::covers(word)) continue;
    const bool hunspell = general.spell(word) || medical.spell(word);
    known += hunspell;
    if (index.contains(word) != hunspell && ++differing <= 20)
      ADD_FAILURE() << "'" << word << "': Hunspell says " << hunspell << ", the index " << !hunspell;
  }
  EXPECT_EQ(differing, 0u) << "of " << words.size() << " words";
  EXPECT_GT(known, 10000u);  // both verdicts were exercised
  EXPECT_LT(known, words.size() - 10000);
}

TEST(EnglishWordIndex, CoversLettersAndLowercaseIdentifiers) {
  EXPECT_TRUE(EnglishWordIndex::covers("vaccine"));
  EXPECT_TRUE(EnglishWordIndex::covers("Vaccine"));
  EXPECT_TRUE(EnglishWordIndex::covers("alpha1"));
  EXPECT_TRUE(EnglishWordIndex::covers("VACCINE"));
  EXPECT_FALSE(EnglishWordIndex::covers("4th"));
  EXPECT_TRUE(EnglishWordIndex::covers("iPhone"));
  EXPECT_TRUE(EnglishWordIndex::covers("DNA"));
  EXPECT_FALSE(EnglishWordIndex::covers("UTF8"));
  EXPECT_FALSE(EnglishWordIndex::covers("Win32"));
  EXPECT_FALSE(EnglishWordIndex::covers("covid-19"));
  EXPECT_FALSE(EnglishWordIndex::covers("don't"));
  EXPECT_FALSE(EnglishWordIndex::covers("café"));
  EXPECT_FALSE(EnglishWordIndex::covers(""));
}

TEST(EnglishWordIndex, AStaleOrMissingIndexIsNotUsed) {
  EXPECT_FALSE(EnglishWordIndex("", kDictionaries + "/en_US.dic", kDictionaries + "/en_med_glut.dic").usable());
  const auto index_path = find_file_in(data_search_path(), "hunspell/english_words.idx");
  if (!index_path) GTEST_SKIP() << "no English word index in this build";
  // Made from other dictionaries: the recorded sizes do not match.
  EXPECT_FALSE(EnglishWordIndex(*index_path, kDictionaries + "/en_med_glut.dic", kDictionaries + "/en_US.dic").usable());
}

}  // namespace
}  // namespace tc::typography
