// The CLI contract of rule selection, options and subcommand names.
#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>

#include "support/cli_fixture.h"

namespace tc::test {
namespace {

class RunConfigCli : public BinaryTest {};

TEST_F(RunConfigCli, OptionValueThatDoesNotParseIsExitTwoNamingIt) {
  const auto path = write("a.txt", "Text.\n");
  const CommandResult r = run("check --lang en --set alignment/length-ratio.factor=abc " + path.string());
  EXPECT_EQ(r.exit_code, 2) << r.out;
  EXPECT_NE(r.err.find("alignment/length-ratio.factor=abc: 'abc' is not a number"), std::string::npos) << r.err;
}

TEST_F(RunConfigCli, UnknownRuleOrOptionInSetIsExitTwoNamingIt) {
  const auto path = write("a.txt", "Text.\n");
  const CommandResult rule = run("check --lang en --set nosuch/rule.x=1 " + path.string());
  EXPECT_EQ(rule.exit_code, 2) << rule.out;
  EXPECT_NE(rule.err.find("unknown rule 'nosuch/rule'"), std::string::npos) << rule.err;
  const CommandResult option = run("check --lang en --set alignment/length-ratio.width=1 " + path.string());
  EXPECT_EQ(option.exit_code, 2) << option.out;
  EXPECT_NE(option.err.find("no option 'width'"), std::string::npos) << option.err;
}

TEST_F(RunConfigCli, ExplainPrintsDeclaredOptions) {
  const CommandResult r = run("explain alignment/length-ratio");
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_NE(r.out.find("## Options\n- `alignment/length-ratio.factor` (number, default `3`): "), std::string::npos)
      << r.out;
}

TEST_F(RunConfigCli, ExplainOfAnUnknownRuleNamesIt) {
  const CommandResult r = run("explain nosuch/rule");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("unknown rule 'nosuch/rule'"), std::string::npos) << r.err;
}

TEST_F(RunConfigCli, RulesOfAnUnknownFamilyIsExitTwo) {
  const CommandResult r = run("rules nosuch");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(r.out.empty()) << r.out;
  EXPECT_NE(r.err.find("unknown rule family 'nosuch'"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("typography"), std::string::npos) << r.err;
  const CommandResult known = run("rules script");
  EXPECT_EQ(known.exit_code, 0);
  EXPECT_NE(known.out.find("script/han-in-english"), std::string::npos);
}

TEST_F(RunConfigCli, UnknownCommandIsNamed) {
  const CommandResult r = run("chek a b");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("unknown command 'chek'"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("check"), std::string::npos) << r.err;
}

TEST_F(RunConfigCli, EachRuleFlagTakesOneValueAndLeavesTheFiles) {
  const auto zh = write("a.zh.txt", "这个病人需要做一个scan检查。\n");
  const auto en = write("a.en.txt", "This patient needs a scan.\n");
  const CommandResult r = run("check --enable script/latin-in-chinese " + zh.string() + " " + en.string());
  EXPECT_NE(r.exit_code, 2) << r.err;
  EXPECT_NE(r.out.find("[script/latin-in-chinese]"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("in 2 files"), std::string::npos) << r.out;
}

TEST_F(RunConfigCli, LaterSelectionFlagWinsAndSelectRunsExactlyThoseRules) {
  const auto zh = write("a.zh.txt", "这个病人需要做一个scan检查。\n这个病人需要做一个scan检查。\n");
  const std::string file = " --lang zh --fail-on never " + zh.string();
  const CommandResult later_enable = run("check --disable all --enable script/latin-in-chinese" + file);
  EXPECT_NE(later_enable.out.find("[script/latin-in-chinese]"), std::string::npos) << later_enable.out;
  EXPECT_EQ(later_enable.out.find("[typography/"), std::string::npos) << later_enable.out;
  const CommandResult later_disable = run("check --enable script/latin-in-chinese --disable script" + file);
  EXPECT_NE(later_disable.out.find("no findings"), std::string::npos) << later_disable.out;
  const CommandResult selected = run("check --select script/latin-in-chinese" + file);
  EXPECT_NE(selected.out.find("[script/latin-in-chinese]"), std::string::npos) << selected.out;
  EXPECT_EQ(selected.out.find("[typography/"), std::string::npos) << selected.out;
  const CommandResult defaults = run("check" + file);
  EXPECT_EQ(defaults.out.find("[script/latin-in-chinese]"), std::string::npos) << defaults.out;
  EXPECT_EQ(run("check --select nosuch" + file).exit_code, 2);
}

// Runs the binary under a pseudo-terminal (script(1)), so stdout is a terminal.
std::string run_on_terminal(const std::string& environment, const std::string& args) {
  const std::string inner = environment + " " + TRANSCHECK_BINARY + " " + args;
  const std::string command = "script -qec '" + inner + "' /dev/null 2>/dev/null";
  FILE* pipe = popen(command.c_str(), "r");
  std::string out;
  char buffer[4096];
  std::size_t n;
  while ((n = fread(buffer, 1, sizeof buffer, pipe)) > 0) out.append(buffer, n);
  pclose(pipe);
  return out;
}

TEST_F(RunConfigCli, NoColorEnvironmentDisablesColourOnATerminal) {
  if (std::system("command -v script >/dev/null 2>&1") != 0) GTEST_SKIP() << "script(1) is not installed";
  const auto path = write("a.txt", "caf\xE9\n");
  const std::string args = "check --lang en " + path.string();
  EXPECT_NE(run_on_terminal("env -u NO_COLOR", args).find("\x1b["), std::string::npos);
  EXPECT_EQ(run_on_terminal("env NO_COLOR=1", args).find("\x1b["), std::string::npos);
  EXPECT_NE(run_on_terminal("env NO_COLOR=1", "check --color --lang en " + path.string()).find("\x1b["), std::string::npos) << "--color wins";
}

}  // namespace
}  // namespace tc::test

namespace tc::test {
namespace {

class JobErrors : public BinaryTest {};

TEST_F(JobErrors, AnUnreadableFileIsReportedAndTheOthersAreStillChecked) {
  const auto good = write("good.txt", "The caf\xE9 is open.\n");
  const auto good2 = write("good2.txt", "The shop is closed.\n");
  const CommandResult r =
      run("check --lang en " + good.string() + " " + (dir_ / "missing.txt").string() + " " + good2.string());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("missing.txt: no such file"), std::string::npos) << r.err;
  EXPECT_NE(r.out.find("good.txt:1:8: error: invalid UTF-8"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("in 2 files"), std::string::npos) << r.out;
}

}  // namespace
}  // namespace tc::test

#include <nlohmann/json.hpp>

namespace tc::test {
namespace {

class StreamedReports : public BinaryTest {};

TEST_F(StreamedReports, JsonFindingsCarryAFingerprintAndEveryFileIsListed) {
  const auto a = write("a.txt", "The caf\xE9 is open.\n");
  const auto b = write("b.txt", "A new line.\nThe caf\xE9 is open.\n");
  const CommandResult r = run("check --lang en --format json " + a.string() + " " + b.string());
  EXPECT_EQ(r.exit_code, 1) << r.err;
  const auto report = nlohmann::json::parse(r.out);
  ASSERT_EQ(report["files"].size(), 2u);
  ASSERT_EQ(report["findings"].size(), 2u);
  EXPECT_EQ(report["summary"]["error"], 2);
  for (const auto& finding : report["findings"]) {
    const std::string fingerprint = finding["fingerprint"];
    EXPECT_EQ(fingerprint.size(), 16u);
    EXPECT_EQ(fingerprint.find_first_not_of("0123456789abcdef"), std::string::npos) << fingerprint;
  }
  // Different files: different fingerprints, though the line is the same.
  EXPECT_NE(report["findings"][0]["fingerprint"], report["findings"][1]["fingerprint"]);
}

TEST_F(StreamedReports, EveryFormatReportsTheGoodFilesOfARunWithAnInputError) {
  const auto good = write("good.txt", "The caf\xE9 is open.\n");
  const std::string files = good.string() + " " + (dir_ / "missing.txt").string();
  for (const char* format : {"text", "json", "sarif", "github", "junit"}) {
    const CommandResult r = run(std::string("check --lang en --format ") + format + " " + files);
    EXPECT_EQ(r.exit_code, 2) << format;
    EXPECT_NE(r.err.find("missing.txt"), std::string::npos) << format << r.err;
    EXPECT_NE(r.out.find("good.txt"), std::string::npos) << format << r.out;
  }
  const auto sarif = nlohmann::json::parse(run("check --lang en --format sarif " + good.string()).out);
  EXPECT_EQ(sarif["runs"][0]["results"][0]["partialFingerprints"]["transcheck/v1"].get<std::string>().size(), 16u);
}

}  // namespace
}  // namespace tc::test
