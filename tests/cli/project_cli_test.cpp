// `transcheck check` over a whole tree: the fixture project in
// tests/cli/project-tree (one pairing style per [[pairs]] entry, a missing
// and an orphan translation, every suppression form, a Chinese page full of
// code blocks), copied to a scratch directory so tests can edit it.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <regex>

#include "support/cli_fixture.h"

namespace tc::test {
namespace {

namespace fs = std::filesystem;

class ProjectCli : public BinaryTest {
 protected:
  void SetUp() override {
    BinaryTest::SetUp();
    tree_ = dir_ / "tree";
    fs::copy(fs::path(TRANSCHECK_SOURCE_DIR) / "tests/cli/project-tree", tree_, fs::copy_options::recursive);
  }
  CommandResult check(const std::string& args = "") { return run_in(tree_, "check " + args); }
  std::vector<std::string> headlines(const std::string& out) {
    std::vector<std::string> lines;
    std::istringstream in(out);
    for (std::string line; std::getline(in, line);)
      if (std::regex_search(line, std::regex(R"(^\S+:\d+:\d+: (error|warning|info): )"))) lines.push_back(line);
    return lines;
  }
  fs::path tree_;
};

const std::vector<std::string> kTreeFindings = {
    "content/en/post/retired.md:1:1: info: no source file found (expected content/zh-cn/post/retired.md) "
    "[structure/orphan-translation]",
    "content/en/post/flu.md:8:66: error: number 40% in the source became 45% in the translation [alignment/number-mismatch]",
    "content/zh-cn/post/untranslated.md:1:1: warning: no translation found (expected content/en/post/untranslated.md) "
    "[structure/missing-translation]",
    "docs/guide/setup.md:1:1: info: suppression silences nothing here; remove it [structure/unused-suppression]",
    "docs/guide/setup.md:4:9: warning: repeated word \"the\" [typography/repeated-word]",
};

TEST_F(ProjectCli, NoFileArgumentsChecksTheProjectOfTheConfigFoundUpward) {
  const CommandResult r = check();
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_EQ(headlines(r.out), kTreeFindings) << r.out;
  // Every pairing style paired (4 pairs), the Chinese page with code blocks
  // was checked, not refused, and drafts/ is excluded.
  EXPECT_NE(r.out.find("4 pairs checked, 1 without translation, 1 without source\n3 suppressed\n"
                       "1 error, 2 warnings, 2 info in 10 files\n"),
            std::string::npos)
      << r.out;
  EXPECT_EQ(r.err, "");
  // From a subdirectory the same config is found, and paths are shown from there.
  const CommandResult below = run_in(tree_ / "content", "check");
  EXPECT_EQ(below.exit_code, 1);
  EXPECT_NE(below.out.find("en/post/flu.md:8:66: error:"), std::string::npos) << below.out;
  EXPECT_NE(below.out.find("../docs/guide/setup.md:4:9: warning:"), std::string::npos) << below.out;
}

TEST_F(ProjectCli, TheSummaryNamesTheTopRulesAndWhereTheErrorsAre) {
  const CommandResult r = check();
  EXPECT_NE(r.out.find("most findings: alignment/number-mismatch (1), structure/missing-translation (1), "
                       "structure/orphan-translation (1), 2 more rules (--statistics)\n"
                       "errors in: content/en/post/flu.md (1)\n"),
            std::string::npos)
      << r.out;
  const CommandResult stats = check("--statistics");
  EXPECT_NE(stats.out.find("findings per rule:\n     1  alignment/number-mismatch (1 error)\n"), std::string::npos)
      << stats.out;
  EXPECT_NE(stats.out.find("     1  structure/unused-suppression (1 info)\n"), std::string::npos) << stats.out;
}

TEST_F(ProjectCli, ADirectoryArgumentChecksThatPartOfTheProject) {
  const CommandResult r = check("content");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(headlines(r.out), (std::vector<std::string>{kTreeFindings[0], kTreeFindings[1], kTreeFindings[2]})) << r.out;
  EXPECT_NE(r.out.find("2 pairs checked, 1 without translation, 1 without source\n"), std::string::npos) << r.out;
}

TEST_F(ProjectCli, ADirectoryWithoutConfigUsesTheDefaultConventions) {
  write("plain/guide/intro.zh.md", "# 简介\n\n本指南介绍如何安装软件。\n");
  write("plain/guide/intro.en.md", "# Introduction\n\nThis guide explains how to to install the software.\n");
  write("plain/zh/faq.md", "# 常见问题\n\n请先阅读说明。\n");
  const CommandResult r = run_in(dir_, "check plain");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(headlines(r.out),
            (std::vector<std::string>{
                "plain/guide/intro.en.md:3:25: warning: repeated word \"to\" [typography/repeated-word]",
                "plain/zh/faq.md:1:1: warning: no translation found (expected plain/en/faq.md) [structure/missing-translation]"}))
      << r.out;
  EXPECT_NE(r.out.find("1 pair checked, 1 without translation\n"), std::string::npos) << r.out;
}

TEST_F(ProjectCli, WithoutFilesOrConfigTheRunIsExitTwo) {
  const CommandResult r = run_in(dir_, "check");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("transcheck.toml: not found in this directory or its parents"), std::string::npos) << r.err;
}

TEST_F(ProjectCli, ConfigFlagNamesTheFileAndFlagsOverrideIt) {
  const CommandResult r = run_in(dir_, "check --config tree/transcheck.toml --disable structure --fail-on never");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(headlines(r.out),
            (std::vector<std::string>{
                "tree/content/en/post/flu.md:8:66: error: number 40% in the source became 45% in the translation "
                "[alignment/number-mismatch]",
                "tree/docs/guide/setup.md:4:9: warning: repeated word \"the\" [typography/repeated-word]"}))
      << r.out;
}

TEST_F(ProjectCli, ABadConfigValueIsExitTwoWithFileAndLine) {
  write("tree/transcheck.toml", "source-lang = \"zh\"\n[rules]\ndisable = [\"typography/no-such-rule\"]\n");
  const CommandResult r = check();
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("transcheck.toml:3:"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("typography/no-such-rule"), std::string::npos) << r.err;
}

TEST_F(ProjectCli, AnUnreadableFileIsReportedAndTheRestStillChecked) {
  fs::remove(tree_ / "content/en/post/code.md");
  fs::create_symlink(tree_ / "nowhere.md", tree_ / "content/en/post/code.md");
  write("tree/content/en/post/binary.md", std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16));
  write("tree/content/zh-cn/post/binary.md", "# 二进制\n\n这是一个测试。\n");
  const CommandResult r = check();
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("content/en/post/binary.md: "), std::string::npos) << r.err;
  // The link to nothing is named with its reason, not passed over.
  EXPECT_NE(r.err.find("content/en/post/code.md: No such file or directory"), std::string::npos) << r.err;
  // The other pairs were still checked.
  EXPECT_NE(r.out.find("content/en/post/flu.md:8:66: error:"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("docs/guide/setup.md:4:9: warning:"), std::string::npos) << r.out;
}

TEST_F(ProjectCli, ParallelRunsGiveTheSameReport) {
  const CommandResult one = check("-j 1 --format json");
  const CommandResult three = check("-j 3 --format json");
  EXPECT_EQ(one.exit_code, 1);
  EXPECT_EQ(one.out, three.out);
  EXPECT_EQ(three.err, "");  // no progress line when stderr is not a terminal
}

TEST_F(ProjectCli, BaselineRoundTrip) {
  const CommandResult write_run = check("--write-baseline baseline.json");
  EXPECT_EQ(write_run.exit_code, 0) << write_run.err;
  EXPECT_NE(write_run.err.find("wrote 5 findings to baseline.json"), std::string::npos) << write_run.err;
  const auto written = nlohmann::json::parse(read_all(tree_ / "baseline.json"));
  ASSERT_EQ(written["findings"].size(), 5u);
  EXPECT_EQ(written["findings"][1]["rule"], "alignment/number-mismatch");
  EXPECT_EQ(written["findings"][1]["path"], "content/en/post/flu.md");

  const CommandResult same = check("--baseline baseline.json");
  EXPECT_EQ(same.exit_code, 0) << same.out;
  EXPECT_TRUE(headlines(same.out).empty()) << same.out;
  EXPECT_NE(same.out.find("3 suppressed, 5 baselined, 0 baseline entries fixed\n"), std::string::npos) << same.out;

  // Lines inserted above the findings (in both languages) keep them
  // baselined; one new defect is exactly one new finding.
  const std::string flu_zh = read_all(tree_ / "content/zh-cn/post/flu.md");
  const std::string flu = read_all(tree_ / "content/en/post/flu.md");
  auto insert_after_heading = [](const std::string& text, const std::string& paragraph) {
    const std::size_t heading_end = text.find('\n', text.find("\n# ") + 1) + 1;
    return text.substr(0, heading_end) + "\n" + paragraph + "\n" + text.substr(heading_end);
  };
  std::ofstream(tree_ / "content/zh-cn/post/flu.md") << insert_after_heading(flu_zh, "流感每年冬季都会流行。\n");
  std::string flu_edited = insert_after_heading(flu, "Flu comes back every winter.\n");
  flu_edited.replace(flu_edited.find("after the shot"), 14, "after the the shot");
  std::ofstream(tree_ / "content/en/post/flu.md") << flu_edited;
  const CommandResult edited = check("--baseline baseline.json --format json");
  EXPECT_EQ(edited.exit_code, 0);
  const auto report = nlohmann::json::parse(edited.out);
  ASSERT_EQ(report["findings"].size(), 1u) << edited.out;
  EXPECT_EQ(report["findings"][0]["rule"], "typography/repeated-word");
  EXPECT_EQ(report["findings"][0]["file"], "content/en/post/flu.md");
  EXPECT_EQ(report["findings"][0]["line"], 13);
  EXPECT_EQ(report["findings"][0]["fingerprint"].get<std::string>().size(), 16u);
  EXPECT_EQ(report["summary"]["baselined"], 5);
  EXPECT_EQ(report["summary"]["baseline_fixed"], 0);

  // A fixed finding is counted as a baseline entry that no longer occurs.
  flu_edited.replace(flu_edited.find("45%"), 3, "40%");
  std::ofstream(tree_ / "content/en/post/flu.md") << flu_edited;
  const CommandResult fixed = check("--baseline baseline.json");
  EXPECT_NE(fixed.out.find("4 baselined, 1 baseline entry fixed\n"), std::string::npos) << fixed.out;
}

TEST_F(ProjectCli, FrontMatterKeysAndTagsAreNotProse) {
  write("tree/content/zh-cn/post/tags.md", "---\ntitle: 疫苗\ntags: [the the, 疫苗]\nslug: vaccine-vaccine\n---\n\n疫苗很安全。\n");
  write("tree/content/en/post/tags.md", "---\ntitle: Vaccine\ntags: [the the, vaccine]\nslug: vaccine-vaccine\n---\n\nVaccines are safe.\n");
  const CommandResult r = check("content/zh-cn/post/tags.md content/en/post/tags.md");
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_NE(r.out.find("no findings in 2 files"), std::string::npos) << r.out;
}

TEST_F(ProjectCli, StdinFilenameGivesTheFormatAndThePath) {
  write("buffer.md", "<!-- transcheck-disable-next-line typography/repeated-word -->\nWe saw the the patient.\n\nIt was was late.\n");
  const CommandResult r = run_in(dir_, "check --lang en --stdin-filename docs/page.md - < buffer.md");
  EXPECT_EQ(headlines(r.out),
            (std::vector<std::string>{"docs/page.md:4:4: warning: repeated word \"was\" [typography/repeated-word]"}))
      << r.out << r.err;
  const CommandResult wrong = run_in(dir_, "check --lang en --stdin-filename page.md buffer.md");
  EXPECT_EQ(wrong.exit_code, 2);
}

}  // namespace
}  // namespace tc::test

namespace tc::test {
namespace {

TEST_F(ProjectCli, GithubFormatGivesErrorsThenWarningsThenNoticesThenASummary) {
  const CommandResult r = check("--format github");
  std::vector<std::string> kinds;
  std::istringstream in(r.out);
  for (std::string line; std::getline(in, line);) kinds.push_back(line.substr(0, line.find(' ')));
  EXPECT_EQ(kinds, (std::vector<std::string>{"::error", "::warning", "::warning", "::notice", "::notice", "::notice"}))
      << r.out;
  EXPECT_NE(r.out.find("::notice title=transcheck summary::transcheck: 1 error, 2 warnings, 2 info in 10 files; "
                       "4 pairs checked, 1 without translation, 1 without source; 3 suppressed\n"),
            std::string::npos)
      << r.out;
}

TEST_F(ProjectCli, JunitHasOneCasePerPairOrFileAndFailuresAtOrAboveFailOn) {
  const CommandResult r = check("--format junit");
  EXPECT_NE(r.out.find("<testsuites name=\"transcheck\" tests=\"6\" failures=\"1\" errors=\"0\" time=\"0\">"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("<testcase classname=\"transcheck\" name=\"content/zh-cn/post/flu.md -&gt; content/en/post/flu.md\" "
                       "time=\"0\">\n      <failure type=\"alignment/number-mismatch\""),
            std::string::npos)
      << r.out;
  // Below --fail-on: listed, not failed.
  EXPECT_NE(r.out.find("<system-out>docs/guide/setup.md:1:1: info:"), std::string::npos) << r.out;
  const CommandResult warnings = check("--format junit --fail-on warning");
  EXPECT_NE(warnings.out.find("tests=\"6\" failures=\"3\" errors=\"0\""), std::string::npos) << warnings.out;
  write("tree/content/en/post/broken.md", std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16));
  write("tree/content/zh-cn/post/broken.md", "# 坏文件\n\n内容。\n");
  const CommandResult broken = check("--format junit");
  EXPECT_EQ(broken.exit_code, 2);
  EXPECT_NE(broken.out.find("tests=\"7\" failures=\"1\" errors=\"1\""), std::string::npos) << broken.out;
  EXPECT_NE(broken.out.find("<error type=\"input\" message=\"content/en/post/broken.md: "), std::string::npos) << broken.out;
}

TEST_F(ProjectCli, SarifUsesProjectRelativeUrisAndRecordsTheExitCode) {
  const CommandResult r = run_in(tree_ / "content", "check --format sarif");
  const auto sarif = nlohmann::json::parse(r.out);
  const auto& run = sarif["runs"][0];
  EXPECT_EQ(run["invocations"][0]["exitCode"], 1);
  EXPECT_EQ(run["originalUriBaseIds"]["PROJECTROOT"]["uri"].get<std::string>().back(), '/');
  bool related = false;
  for (const auto& result : run["results"]) {
    const auto& artifact = result["locations"][0]["physicalLocation"]["artifactLocation"];
    EXPECT_EQ(artifact["uriBaseId"], "PROJECTROOT");
    EXPECT_EQ(artifact["uri"].get<std::string>().rfind("../", 0), std::string::npos) << artifact;
    if (result["ruleId"] == "alignment/number-mismatch") {
      EXPECT_EQ(artifact["uri"], "content/en/post/flu.md");
      EXPECT_EQ(result["relatedLocations"][0]["physicalLocation"]["artifactLocation"]["uri"], "content/zh-cn/post/flu.md");
      related = true;
    }
  }
  EXPECT_TRUE(related);
}

}  // namespace
}  // namespace tc::test
