// End-to-end tests of the transcheck binary: exit codes, bad input, output
// formats, and golden reports on the bundled samples.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "support/cli_fixture.h"
#include "support/test_support.h"

namespace tc::test {
namespace {

namespace fs = std::filesystem;

class Cli : public BinaryTest {};

TEST_F(Cli, CleanFileExitsZero) {
  const auto path = write("clean.en.txt", "Zhōngguó, café, naïve, 5 µg at 37 °C ± 0.5 — “COVID-19”, CD8+, IL-6, p53, mRNA.\n");
  const CommandResult r = run("check --lang en " + path.string());
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_NE(r.out.find("no findings"), std::string::npos) << r.out;
}

TEST_F(Cli, ErrorFindingExitsOneUnlessFailOnNever) {
  const auto path = write("bad.txt", "The caf\xE9 is open.\n");
  const CommandResult r = run("check --lang en " + path.string());
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.out.find("bad.txt:1:8: error: invalid UTF-8"), std::string::npos) << r.out;
  EXPECT_EQ(run("check --lang en --fail-on never " + path.string()).exit_code, 0);
}

TEST_F(Cli, MaxFindingsPerRuleCountsTheRestInOneFindingAndTheGateStillFails) {
  std::string text;
  for (int i = 0; i < 6; ++i) text += "Dose\x07 given. ";
  const auto path = write("bells.en.txt", text + "\n");
  const CommandResult all = run("check --lang en --format json --fail-on never " + path.string());
  const auto findings = nlohmann::json::parse(all.out)["findings"];
  ASSERT_EQ(findings.size(), 6u) << all.out;  // the default limit is far above this
  const CommandResult capped = run("check --lang en --max-findings-per-rule 2 " + path.string());
  EXPECT_EQ(capped.exit_code, 1) << capped.out << capped.err;
  EXPECT_NE(capped.out.find("bells.en.txt:1:31: " + findings[2]["severity"].get<std::string>() +
                            ": 4 more findings of this rule in this file were left out, the first of them here"),
            std::string::npos)
      << capped.out;
  // The totals count the left-out findings too.
  EXPECT_NE(capped.out.find("6 " + findings[2]["severity"].get<std::string>() + "s"), std::string::npos) << capped.out;
  EXPECT_EQ(run("check --lang en --max-findings-per-rule 0 --fail-on never " + path.string()).out, run("check --lang en --fail-on never " + path.string()).out);
  const CommandResult negative = run("check --lang en --max-findings-per-rule -1 " + path.string());
  EXPECT_EQ(negative.exit_code, 2);
  EXPECT_NE(negative.err.find("--max-findings-per-rule: must be 0 or more"), std::string::npos) << negative.err;
}

TEST_F(Cli, FailOnWarningCountsWarnings) {
  const auto path = write("empty.txt", "");
  EXPECT_EQ(run("check --lang en " + path.string()).exit_code, 0);
  const CommandResult r = run("check --lang en --fail-on warning " + path.string());
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.out.find("empty.txt:1:1: warning: file is empty [encoding/empty-file]"), std::string::npos) << r.out;
}

TEST_F(Cli, MissingFileIsExitTwoNamingTheFile) {
  const CommandResult r = run("check --lang en " + (dir_ / "nope.txt").string());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("nope.txt: no such file"), std::string::npos) << r.err;
}

TEST_F(Cli, DirectoryAmongSeveralFilesIsExitTwo) {
  // One directory alone is a tree to check (project_cli_test.cpp); among files it is an input error.
  const auto file = write("a.txt", "Text.\n");
  const CommandResult r = run("check --lang en " + file.string() + " " + dir_.string());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("is a directory"), std::string::npos) << r.err;
}

TEST_F(Cli, BinaryFileIsExitTwo) {
  const auto path = write("pic.png", std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16));
  const CommandResult r = run("check --lang en " + path.string());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("pic.png: binary file (NUL byte at byte offset 8)"), std::string::npos) << r.err;
}

TEST_F(Cli, UnreadableFileIsExitTwo) {
  if (::geteuid() != 0) {
    const auto path = write("secret.txt", "text\n");
    fs::permissions(path, fs::perms::none);
    const CommandResult r = run("check --lang en " + path.string());
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_NE(r.err.find("secret.txt: cannot open"), std::string::npos) << r.err;
  }
  // Root opens every file, but a read can still fail: /proc/self/mem
  // answers EIO at offset 0. It must be an error, not an empty document.
  const CommandResult r = run("check --lang en /proc/self/mem");
  EXPECT_EQ(r.exit_code, 2) << r.out;
  EXPECT_NE(r.err.find("/proc/self/mem: read error at byte offset 0"), std::string::npos) << r.err;
}

TEST_F(Cli, UsageErrorsAreExitTwo) {
  const auto path = write("a.txt", "text\n");
  EXPECT_EQ(run("check --format yaml --lang en " + path.string()).exit_code, 2);
  EXPECT_EQ(run("check --enable no/such-rule --lang en " + path.string()).exit_code, 2);
  EXPECT_EQ(run("check --fail-on sometimes --lang en " + path.string()).exit_code, 2);
  EXPECT_EQ(run("check --lang fr " + path.string()).exit_code, 2);
  EXPECT_EQ(run("explain no/such-rule").exit_code, 2);
  EXPECT_EQ(run("").exit_code, 2);
}

TEST_F(Cli, HugeLineIsCheckedAndExcerptIsCut) {
  std::string line(3 * 1024 * 1024, 'a');
  for (std::size_t i = 80; i < line.size(); i += 81) line[i] = ' ';
  line += "\xFF tail\n";
  const auto path = write("huge.txt", line);
  const CommandResult r = run("check --lang en " + path.string());
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.out.find("invalid UTF-8"), std::string::npos);
  EXPECT_LT(r.out.size(), 2000u);
}

TEST_F(Cli, InvalidUtf8IsAFindingAndTheRestIsStillChecked) {
  const auto path = write("mixed.txt", "bad \xC3 here\nand \xFF there\n");
  const CommandResult r = run("check --lang en " + path.string());
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.out.find("mixed.txt:1:5:"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("mixed.txt:2:5:"), std::string::npos) << r.out;
}

TEST_F(Cli, LegacyEncodedFileGetsOneFinding) {
  std::string gbk;
  for (int i = 0; i < 30; ++i) gbk += "\xBB\xAF\xC1\xC6\xD5\xE6\xB5\xC4\xC4\xDC\xD6\xCE\xD3\xFA\xB0\xA9\xD6\xA2\xC2\xF0\xA3\xBF\n";
  const auto path = write("gbk.txt", gbk);
  CommandResult r = run("check --lang zh --format json " + path.string());
  EXPECT_EQ(r.exit_code, 1);
  const auto report = nlohmann::json::parse(r.out);
  ASSERT_EQ(report["findings"].size(), 1u) << r.out;
  EXPECT_EQ(report["findings"][0]["rule"], "encoding/legacy-encoding");
  EXPECT_NE(report["findings"][0]["message"].get<std::string>().find("GB18030"), std::string::npos);
  r = run("check --lang zh --encoding gb18030 --format json " + path.string());
  EXPECT_EQ(nlohmann::json::parse(r.out)["files"][0]["encoding"], "gb18030");
}

TEST_F(Cli, JsonReportFollowsTheDocumentedSchema) {
  const auto path = write("j.txt", "\xEF\xBB\xBFline one\r\nthe caf\xE9\n");
  const CommandResult r = run("check --lang en --format json " + path.string());
  EXPECT_EQ(r.exit_code, 1);
  const auto report = nlohmann::json::parse(r.out);
  EXPECT_EQ(report["version"], 1);
  ASSERT_TRUE(report["findings"].is_array());
  const auto& f = report["findings"][0];
  EXPECT_EQ(f["rule"], "encoding/invalid-utf8");
  EXPECT_EQ(f["severity"], "error");
  EXPECT_EQ(f["file"], path.string());
  EXPECT_EQ(f["line"], 2);
  EXPECT_EQ(f["column"], 8);
  EXPECT_EQ(f["end_line"], 2);
  EXPECT_EQ(f["end_column"], 9);
  EXPECT_EQ(f["offset"], 20);  // BOM (3) + "line one\r\n" (10) + "the caf" (7)
  EXPECT_TRUE(f["message"].is_string());
}

TEST_F(Cli, OutputFileIsWrittenWholeAndOnlyThere) {
  const auto path = write("a.txt", "caf\xE9\n");
  const auto report = dir_ / "report.json";
  const CommandResult r = run("check --lang en --format json -o " + report.string() + " " + path.string());
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_TRUE(r.out.empty());
  EXPECT_EQ(nlohmann::json::parse(read_all(report))["findings"].size(), 1u);
  // No temporary files are left behind.
  std::size_t entries = 0;
  for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir_)) ++entries;
  EXPECT_EQ(entries, 3u);  // a.txt, report.json, stderr.txt
  EXPECT_EQ(run("check --lang en -o " + (dir_ / "no/such/dir.json").string() + " " + path.string()).exit_code, 2);
}

TEST_F(Cli, OtherCiFormatsAreProduced) {
  const auto path = write("a.txt", "caf\xE9\n");
  const CommandResult sarif = run("check --lang en --format sarif " + path.string());
  const auto s = nlohmann::json::parse(sarif.out);
  EXPECT_EQ(s["version"], "2.1.0");
  EXPECT_EQ(s["runs"][0]["results"][0]["ruleId"], "encoding/invalid-utf8");
  EXPECT_EQ(s["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startColumn"], 4);
  const CommandResult github = run("check --lang en --format github " + path.string());
  EXPECT_EQ(github.out.rfind("::error file=", 0), 0u) << github.out;
  EXPECT_NE(github.out.find(",line=1,col=4,"), std::string::npos);
  const CommandResult junit = run("check --lang en --format junit " + path.string());
  EXPECT_NE(junit.out.find("<failure type=\"encoding/invalid-utf8\""), std::string::npos) << junit.out;
}

TEST_F(Cli, ColourOnlyWhenAsked) {
  const auto path = write("a.txt", "caf\xE9\n");
  EXPECT_EQ(run("check --lang en " + path.string()).out.find("\x1b["), std::string::npos);
  EXPECT_NE(run("check --lang en --color " + path.string()).out.find("\x1b["), std::string::npos);
}

TEST_F(Cli, PairWithSwappedLanguagesIsExplained) {
  const auto en = write("a.en.txt", "Chemotherapy can indeed treat cancer, but not the way you think.\n");
  const auto zh = write("a.zh.txt", "化疗确实可以治疗癌症，但它的作用方式可能完全不是你想的那样。\n");
  const CommandResult r = run("check " + en.string() + " " + zh.string());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("swap the files or pass --source-lang en --target-lang zh"), std::string::npos) << r.err;
  EXPECT_NE(run("check --source-lang en --target-lang zh " + en.string() + " " + zh.string()).exit_code, 2);
}

TEST_F(Cli, PairWhoseTargetIsInTheWrongLanguageIsExplained) {
  const auto zh1 = write("a.zh.txt", "化疗确实可以治疗癌症。\n");
  const auto zh2 = write("b.zh.txt", "免疫系统会参与清除癌细胞。\n");
  const CommandResult r = run("check " + zh1.string() + " " + zh2.string());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("the target language is en but the text is mostly Chinese"), std::string::npos) << r.err;
  EXPECT_NE(run("check --single " + zh1.string() + " " + zh2.string()).exit_code, 2);
}

TEST_F(Cli, DeclaredLanguageThatContradictsTheTextIsExplained) {
  const auto zh = write("a.txt", "化疗确实可以治疗癌症，但它的作用方式可能完全不是你想的那样。\n");
  const CommandResult r = run("check --lang en " + zh.string());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("a.txt: --lang is en but the text is mostly Chinese"), std::string::npos) << r.err;
  EXPECT_EQ(run("check " + zh.string()).exit_code, 0);
}

TEST_F(Cli, RulesAndExplainDescribeEveryRule) {
  const CommandResult rules = run("rules");
  EXPECT_EQ(rules.exit_code, 0);
  std::istringstream lines(rules.out);
  std::string line;
  std::size_t count = 0;
  while (std::getline(lines, line)) {
    const std::string id = line.substr(0, line.find(' '));
    const CommandResult explain = run("explain " + id);
    EXPECT_EQ(explain.exit_code, 0) << id;
    for (const char* heading : {"## What it does", "## Why it matters", "## Example", "## Options"})
      EXPECT_NE(explain.out.find(heading), std::string::npos) << id << " lacks " << heading;
    ++count;
  }
  EXPECT_GE(count, 3u);
}

TEST_F(Cli, GoldenReportsOnTheSamples) {
  const fs::path golden_dir = fs::path(TRANSCHECK_SOURCE_DIR) / "tests/cli/golden";
  std::size_t compared = 0;
  for (const auto& entry : fs::directory_iterator(golden_dir)) {
    if (entry.path().extension() != ".args") continue;
    std::string args = read_all(entry.path());
    while (!args.empty() && (args.back() == '\n' || args.back() == ' ')) args.pop_back();
    fs::path expected_path = entry.path();
    expected_path.replace_extension(".out");
    const CommandResult r = run(args + " --no-color");
    if (std::getenv("TRANSCHECK_UPDATE_GOLDEN")) std::ofstream(expected_path, std::ios::binary) << r.out;
    EXPECT_EQ(r.out, read_all(expected_path)) << "golden " << expected_path << " (set TRANSCHECK_UPDATE_GOLDEN=1 to refresh)";
    ++compared;
  }
  EXPECT_GE(compared, 1u);
}

}  // namespace
}  // namespace tc::test

namespace tc::test {
namespace {

TEST_F(Cli, SeverityOverrideAndStdin) {
  const auto path = write("a.txt", "caf\xE9\n");
  const CommandResult lowered = run("check --lang en --severity encoding/invalid-utf8=info " + path.string());
  EXPECT_EQ(lowered.exit_code, 0);
  EXPECT_NE(lowered.out.find(": info: invalid UTF-8"), std::string::npos) << lowered.out;
  EXPECT_EQ(run("check --lang en --severity encoding=loud " + path.string()).exit_code, 2);
  const CommandResult piped = run("check --lang en - < " + path.string());
  EXPECT_EQ(piped.exit_code, 1);
  EXPECT_NE(piped.out.find("<stdin>:1:4: error"), std::string::npos) << piped.out;
}

}  // namespace
}  // namespace tc::test
