// Clean professional translations pass the default gate: every pair of
// tests/clean-pairs/ (written for the project, never tuned on when written)
// checked with the bundled medical glossary exits 0.
#include <gtest/gtest.h>

#include <fstream>
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

}  // namespace
}  // namespace tc::test
