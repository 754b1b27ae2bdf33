// `glossary lint`: each problem with its line; shipped glossaries lint clean.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "glossary/lint.h"
#include "glossary/load.h"
#include "formats/reader.h"
#include "support/test_support.h"

namespace tc::test {
namespace {

std::vector<std::string> lint(const std::string& path) {
  std::vector<std::string> out;
  for (const GlossaryProblem& p : lint_glossary(parse_glossary(path, read_file_bytes(path))))
    out.push_back(std::to_string(p.line) + ": " + p.message);
  return out;
}

TEST(GlossaryLint, ReportsEachProblemWithItsLine) {
  const std::vector<std::string> expected{
      "4: duplicate entry for '骨髓抑制' (first on line 3)",
      "6: conflicting entry: '收益' is 'income' here but 'benefit' on line 5",
      "7: forbidden rendering 'tumours' is also accepted ('tumor')",
      "8: empty 'en' cell for '贫血'",
      "9: empty item in the 'variants' cell ('||chemo')",
  };
  EXPECT_EQ(lint(source_path("tests/glossary/data/problems.tsv")), expected);
}

TEST(GlossaryLint, BadQuotingIsAProblem) {
  EXPECT_EQ(lint(source_path("tests/glossary/data/unterminated.tsv")),
            std::vector<std::string>{"2: unterminated quote"});
}

TEST(GlossaryLint, ShippedGlossariesLoadAndLintClean) {
  std::size_t files = 0;
  for (const auto& item : std::filesystem::directory_iterator(source_path("glossaries"))) {
    const std::string ext = item.path().extension().string();
    if (ext != ".tsv" && ext != ".csv" && ext != ".tbx" && ext != ".json") continue;
    ++files;
    EXPECT_EQ(lint(item.path().string()), std::vector<std::string>{}) << item.path();
    EXPECT_NO_THROW(load_glossaries({item.path().string()})) << item.path();
  }
  EXPECT_GE(files, 1u);
}

TEST(GlossaryLint, MedicalGlossaryHasAtLeast600Concepts) {
  const Glossary g = load_glossaries({source_path("glossaries/medical.zh-en.tsv")});
  EXPECT_GE(g.entries.size(), 600u);
}

TEST(GlossaryLint, ShippedGlossariesCompose) {
  // covid19 leaves out the concepts medical covers, so loading both loses nothing.
  const std::string medical = source_path("glossaries/medical.zh-en.tsv");
  const std::string covid = source_path("glossaries/covid19.zh-en.tsv");
  const std::size_t apart = load_glossaries({medical}).entries.size() + load_glossaries({covid}).entries.size();
  EXPECT_EQ(load_glossaries({medical, covid}).entries.size(), apart);
}

// The CLI: 1 with problems, 0 clean, 2 unreadable.
int lint_exit_code(const std::string& path) {
  const std::string command = std::string(TRANSCHECK_BINARY) + " glossary lint '" + path + "' >/dev/null 2>&1";
  const int status = std::system(command.c_str());
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

TEST(GlossaryLint, CommandExitCodes) {
  EXPECT_EQ(lint_exit_code(source_path("tests/glossary/data/problems.tsv")), 1);
  EXPECT_EQ(lint_exit_code(source_path("tests/glossary/data/good.csv")), 0);
  EXPECT_EQ(lint_exit_code(source_path("tests/glossary/data/no_such_file.tsv")), 2);
}

}  // namespace
}  // namespace tc::test
