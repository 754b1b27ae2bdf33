// `transcheck init` writes the commented starter transcheck.toml, and never
// replaces one the user already has unless told to.
#include <gtest/gtest.h>

#include <filesystem>

#include "support/cli_fixture.h"

namespace tc::test {
namespace {

class InitCommand : public BinaryTest {};

TEST_F(InitCommand, WritesTheStarterFileAndRefusesToReplaceIt) {
  write("guide.zh.md", "# 指南\n\n化疗会引起骨髓抑制。\n");
  write("guide.en.md", "# Guide\n\nChemotherapy causes myelosuppression.\n");
  const CommandResult first = run("init " + dir_.string());
  EXPECT_EQ(first.exit_code, 0) << first.err;
  const std::string written = read_all(dir_ / "transcheck.toml");
  EXPECT_NE(written.find("source-lang"), std::string::npos) << written;
  EXPECT_NE(first.err.find("pairs 1"), std::string::npos) << first.err;

  write("transcheck.toml", "# mine\n");
  const CommandResult again = run("init " + dir_.string());
  EXPECT_EQ(again.exit_code, 2);
  EXPECT_NE(again.err.find("--force"), std::string::npos) << again.err;
  EXPECT_EQ(read_all(dir_ / "transcheck.toml"), "# mine\n");
  EXPECT_EQ(run("init --force " + dir_.string()).exit_code, 0);
  EXPECT_NE(read_all(dir_ / "transcheck.toml").find("source-lang"), std::string::npos);
}

}  // namespace
}  // namespace tc::test
