// Clean professional translations pass the default gate: every pair of
// tests/clean-pairs/ (written for the project, never tuned on when written)
// checked with the bundled medical glossary exits 0; so does each with its
// Chinese turned Traditional by ICU (Hans-Hant), declared zh-Hant.
#include <gtest/gtest.h>
#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "support/cli_fixture.h"
#include "support/test_support.h"

namespace tc::test {
namespace {

struct CleanPair {
  std::string id, source, target, source_lang, target_lang;
};

std::vector<CleanPair> clean_pairs() {
  std::ifstream in(source_path("tests/clean-pairs/pairs.tsv"));
  std::vector<CleanPair> pairs;
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream fields(line);
    CleanPair pair;
    std::getline(fields, pair.id, '\t');
    std::getline(fields, pair.source, '\t');
    std::getline(fields, pair.target, '\t');
    std::getline(fields, pair.source_lang, '\t');
    std::getline(fields, pair.target_lang, '\t');
    pairs.push_back(pair);
  }
  return pairs;
}

class CleanPairs : public BinaryTest {};

TEST_F(CleanPairs, PassTheDefaultGateWithTheMedicalGlossary) {
  const std::vector<CleanPair> pairs = clean_pairs();
  ASSERT_GE(pairs.size(), 20u) << "tests/clean-pairs/pairs.tsv not read";
  for (const CleanPair& pair : pairs) {
    const std::string dir = "tests/clean-pairs/";
    const CommandResult result = run("check " + dir + pair.source + " " + dir + pair.target + " --source-lang " +
                                     pair.source_lang + " --target-lang " + pair.target_lang +
                                     " --glossary glossaries/medical.zh-en.tsv --no-color");
    EXPECT_EQ(result.exit_code, 0) << pair.id << " fails the default gate:\n" << result.out << result.err;
  }
}

TEST_F(CleanPairs, PassTheDefaultGateInTraditionalCharactersToo) {
  UErrorCode status = U_ZERO_ERROR;
  const std::unique_ptr<icu::Transliterator> to_traditional(
      icu::Transliterator::createInstance("Hans-Hant", UTRANS_FORWARD, status));
  ASSERT_TRUE(U_SUCCESS(status) && to_traditional);
  const std::vector<CleanPair> pairs = clean_pairs();
  ASSERT_GE(pairs.size(), 20u) << "tests/clean-pairs/pairs.tsv not read";
  for (const CleanPair& pair : pairs) {
    // The Chinese file of the pair in Traditional characters, in the scratch directory.
    auto side = [&](const std::string& file, const std::string& lang) -> std::pair<std::string, std::string> {
      const std::string path = source_path("tests/clean-pairs/" + file);
      if (lang != "zh") return {path, lang};
      icu::UnicodeString text = icu::UnicodeString::fromUTF8(read_all(path));
      to_traditional->transliterate(text);
      std::string converted;
      text.toUTF8String(converted);
      return {write("hant/" + file, converted).string(), "zh-Hant"};
    };
    const auto [source, source_lang] = side(pair.source, pair.source_lang);
    const auto [target, target_lang] = side(pair.target, pair.target_lang);
    const CommandResult result = run("check " + source + " " + target + " --source-lang " + source_lang + " --target-lang " +
                                     target_lang + " --glossary glossaries/medical.zh-en.tsv --no-color");
    EXPECT_EQ(result.exit_code, 0) << pair.id << " in Traditional fails the default gate:\n" << result.out << result.err;
  }
}

}  // namespace
}  // namespace tc::test
