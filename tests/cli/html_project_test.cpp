// The HTML report of a project run (several pairs and single files): one
// page, an index entry and a section per job, and every finding of the JSON
// report of the same run highlighted with its index.
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <regex>

#include "support/cli_fixture.h"

namespace tc::test {
namespace {

namespace fs = std::filesystem;

class HtmlProject : public BinaryTest {};

std::size_t count(const std::string& text, const std::string& piece) {
  std::size_t n = 0;
  for (std::size_t at = text.find(piece); at != std::string::npos; at = text.find(piece, at + 1)) ++n;
  return n;
}

TEST_F(HtmlProject, OnePageWithAnIndexAndASectionPerJob) {
  const fs::path tree = dir_ / "tree";
  fs::copy(fs::path(TRANSCHECK_SOURCE_DIR) / "tests/cli/project-tree", tree, fs::copy_options::recursive);
  const CommandResult html = run_in(tree, "check --fail-on never --format html -o " + (dir_ / "report.html").string());
  ASSERT_EQ(html.exit_code, 0) << html.err;
  const CommandResult json = run_in(tree, "check --fail-on never --format json");
  ASSERT_EQ(json.exit_code, 0) << json.err;
  const std::string page = read_all(dir_ / "report.html");
  const auto findings = nlohmann::json::parse(json.out)["findings"];
  ASSERT_GE(findings.size(), 3u);

  EXPECT_EQ(count(page, "<html"), 1u);
  const std::size_t sections = count(page, "<section class=\"job\"");
  EXPECT_GE(sections, 5u);  // 4 pairs and the unpaired files
  EXPECT_EQ(count(page, "data-jump-job=\""), sections);
  EXPECT_NE(page.find("content/zh-cn/post/flu.md ⇄ content/en/post/flu.md"), std::string::npos);
  for (std::size_t i = 0; i < findings.size(); ++i) {
    const std::regex mark("<mark class=\"f s-" + findings[i]["severity"].get<std::string>() + "[^\"]*\" data-finding=\"" +
                          std::to_string(i) + "\" data-rule=\"" + findings[i]["rule"].get<std::string>() + "\"");
    EXPECT_TRUE(std::regex_search(page, mark)) << i << " " << findings[i].dump();
  }
}

}  // namespace
}  // namespace tc::test
