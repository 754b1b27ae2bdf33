// The translation files of one run compared with each other
// (unit/inconsistent-across-files): findings after every file's own, the same
// whatever -j is, in every report format, counted by the exit-code gate, and
// under the rule settings as any rule's findings.
#include <gtest/gtest.h>

#include <string>

#include "support/cli_fixture.h"

namespace tc::test {
namespace {

class RunComparisonCli : public BinaryTest {
 protected:
  std::string header() const { return "msgid \"\"\nmsgstr \"\"\n\"Language: zh_CN\\n\"\n\n"; }
  std::string files() {
    const auto menu = write("menu.po", header() + "msgid \"File\"\nmsgstr \"文件\"\n\nmsgid \"Open\"\nmsgstr \"打开\"\n");
    const auto dialog = write("dialog.po", header() + "msgid \"Close\"\nmsgstr \"关闭\"\n\nmsgid \"File\"\nmsgstr \"档案\"\n");
    const auto same = write("same.po", header() + "msgid \"File\"\nmsgstr \"文件\"\n");
    return menu.string() + " " + dialog.string() + " " + same.string();
  }
};

TEST_F(RunComparisonCli, ASourceTranslatedTwoWaysIsReportedAtTheLaterFileNamingTheFirst) {
  const CommandResult r = run("check --no-color " + files());
  EXPECT_EQ(r.exit_code, 0) << r.err;  // a warning: the default gate is errors
  const std::string expected = "dialog.po:9:9: warning: the same source is translated differently in " +
                               (dir_ / "menu.po").string() + ":6 [unit/inconsistent-across-files]";
  EXPECT_NE(r.out.find(expected), std::string::npos) << r.out;
  // same.po agrees with menu.po; each file is counted once.
  EXPECT_EQ(r.out.find("same.po:"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("0 errors, 1 warning, 0 info in 3 files"), std::string::npos) << r.out;
  EXPECT_EQ(run("check --fail-on warning " + files()).exit_code, 1);
}

TEST_F(RunComparisonCli, ReportsAreTheSameWhateverTheNumberOfThreads) {
  const std::string args = files();
  for (const char* format : {"text", "json", "junit", "github"}) {  // SARIF records the command line
    const CommandResult one = run(std::string("check --no-color --format ") + format + " -j 1 " + args);
    const CommandResult two = run(std::string("check --no-color --format ") + format + " -j 2 " + args);
    EXPECT_EQ(one.out, two.out) << format;
    EXPECT_NE(one.out.find("unit/inconsistent-across-files"), std::string::npos) << format << one.out;
  }
}

TEST_F(RunComparisonCli, IdenticalFilesGiveNoFinding) {
  const auto a = write("a.po", header() + "msgid \"File\"\nmsgstr \"文件\"\n\nmsgid \"Open\"\nmsgstr \"打开\"\n");
  const auto b = write("b.po", header() + "msgid \"File\"\nmsgstr \"文件\"\n\nmsgid \"Open\"\nmsgstr \"打开\"\n");
  const CommandResult r = run("check --no-color --fail-on info " + a.string() + " " + b.string());
  EXPECT_EQ(r.exit_code, 0) << r.out;
  EXPECT_NE(r.out.find("no findings in 2 files"), std::string::npos) << r.out;
}

TEST_F(RunComparisonCli, RuleSettingsApplyToItsFindings) {
  const std::string args = files();
  const CommandResult off = run("check --no-color --fail-on info --disable unit/inconsistent-across-files " + args);
  EXPECT_EQ(off.exit_code, 0) << off.out;
  EXPECT_EQ(off.out.find("unit/inconsistent-across-files"), std::string::npos) << off.out;
  const CommandResult raised = run("check --no-color --severity unit/inconsistent-across-files=error " + args);
  EXPECT_EQ(raised.exit_code, 1) << raised.out;
  EXPECT_NE(raised.out.find("dialog.po:9:9: error: the same source is translated differently"), std::string::npos) << raised.out;
}

TEST_F(RunComparisonCli, AProjectComparesItsTranslationFiles) {
  write("l10n/transcheck.toml", "source-lang = \"en\"\ntarget-lang = \"zh\"\nfiles = [\"**/*.po\"]\n");
  write("l10n/app/menu.po", header() + "msgid \"File\"\nmsgstr \"文件\"\n");
  write("l10n/web/dialog.po", header() + "msgid \"File\"\nmsgstr \"档案\"\n");
  const CommandResult r = run_in(dir_ / "l10n", "check --no-color");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("web/dialog.po:6:9: warning: the same source is translated differently in app/menu.po:6"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("0 errors, 1 warning, 0 info in 2 files"), std::string::npos) << r.out;
}

}  // namespace
}  // namespace tc::test
