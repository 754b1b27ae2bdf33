// The CLI contract of rule selection, options and subcommand names.
#include <gtest/gtest.h>

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

}  // namespace
}  // namespace tc::test
