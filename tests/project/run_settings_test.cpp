#include <gtest/gtest.h>

#include <string>

#include "project/run_settings.h"
#include "rules/registry.h"

namespace tc {
namespace {

std::string error_of(const std::string& text) {
  const RuleList rules = all_rules();
  try {
    RunConfig config;
    apply_project_config(parse_project_config(text, "transcheck.toml"), rules, config);
  } catch (const ConfigFileError& error) {
    return error.what();
  }
  return "";
}

TEST(ApplyProjectConfig, FillsTheRunConfig) {
  const RuleList rules = all_rules();
  const ProjectConfig project = parse_project_config(R"(source-lang = "zh-Hant"
target-lang = "en"
glossaries = ["terms.tsv"]
[rules]
disable = ["all"]
enable = ["alignment/number-mismatch", "typography"]
severity = { "typography/run-together" = "error" }
options = { "typography/boilerplate.phrases" = ["Read more", "阅读原文"], "alignment/length-ratio.factor" = 4 }
)",
                                                     "site/transcheck.toml");
  RunConfig config;
  apply_project_config(project, rules, config);
  EXPECT_EQ(config.source_language.lang, Lang::zh);
  EXPECT_EQ(config.source_language.chinese_script, ChineseScript::traditional);
  EXPECT_EQ(config.glossaries, std::vector<std::string>{"site/terms.tsv"});
  // The more specific name wins: "all" is off, the family and the rule named are on.
  const auto enabled = [&](std::string_view id) { return config.selection.is_enabled(find_rule(rules, id)->info()); };
  EXPECT_TRUE(enabled("alignment/number-mismatch"));
  EXPECT_TRUE(enabled("typography/run-together"));
  EXPECT_FALSE(enabled("script/han-in-english"));
  ASSERT_EQ(config.severities.size(), 1u);
  EXPECT_EQ(config.severities[0].severity, Severity::error);
  // A list is joined with the option's own separator.
  EXPECT_EQ(config.settings.values().at("typography/boilerplate.phrases"), "Read more|阅读原文");
  EXPECT_EQ(config.settings.values().at("alignment/length-ratio.factor"), "4");
  EXPECT_NO_THROW(resolve_options(rules, config.settings));
}

TEST(ApplyProjectConfig, TheMoreSpecificNameWinsAndADisableAtTheSameLevel) {
  const RuleList rules = all_rules();
  RunConfig config;
  apply_project_config(parse_project_config(R"([rules]
enable = ["typography", "script/han-in-english"]
disable = ["typography/heading-case", "script", "alignment", "alignment/omission"]
)",
                                            "transcheck.toml"),
                       rules, config);
  const auto enabled = [&](std::string_view id) { return config.selection.is_enabled(find_rule(rules, id)->info()); };
  EXPECT_TRUE(enabled("typography/run-together"));
  EXPECT_FALSE(enabled("typography/heading-case"));
  EXPECT_TRUE(enabled("script/han-in-english"));
  EXPECT_FALSE(enabled("script/latin-in-chinese"));
  EXPECT_FALSE(enabled("alignment/omission"));
  EXPECT_FALSE(enabled("alignment/number-mismatch"));
}

TEST(ApplyProjectConfig, UnknownRulesAndOptionsNameTheirPlace) {
  EXPECT_EQ(error_of("[rules]\nenable = [\"nosuch/rule\"]\n").rfind("transcheck.toml:2:11: ", 0), 0u);
  EXPECT_EQ(error_of("[rules]\nseverity = { \"nosuch\" = \"info\" }\n").rfind("transcheck.toml:2:14: ", 0), 0u);
  EXPECT_EQ(error_of("[rules.options]\n\"nosuch/rule.x\" = 1\n"),
            "transcheck.toml:2:1: option 'nosuch/rule.x': unknown rule 'nosuch/rule' (see `transcheck rules`)");
  EXPECT_EQ(error_of("[rules.options]\n\"alignment/length-ratio.nosuch\" = 1\n"),
            "transcheck.toml:2:1: rule 'alignment/length-ratio' has no option 'nosuch' (its options: factor, min-length)");
}

TEST(ApplyProjectConfig, ValuesOfTheWrongKindForTheOptionNameTheirPlace) {
  const std::string message = error_of("[rules.options]\n\"alignment/length-ratio.factor\" = \"big\"\n");
  EXPECT_EQ(message.rfind("transcheck.toml:2:1: ", 0), 0u) << message;
  EXPECT_EQ(error_of("[rules.options]\n\"alignment/untranslated.min-letters\" = 2.5\n").rfind("transcheck.toml:2:1: ", 0),
            0u);
}

TEST(ApplyProjectConfig, OverrideMistakesAreFoundAtOnce) {
  EXPECT_EQ(error_of("[[overrides]]\npaths = [\"legal/**\"]\ndisable = [\"nosuch\"]\n").rfind("transcheck.toml:3:12: ", 0),
            0u);
}

TEST(RunConfigFor, AddsTheOverridesOfTheSourceOrTheTarget) {
  const RuleList rules = all_rules();
  const ProjectConfig project = parse_project_config(R"([[overrides]]
paths = ["content/en/legal/**"]
disable = ["alignment/length-ratio"]
severity = { "typography" = "info" }
)",
                                                     "transcheck.toml");
  RunConfig base;
  apply_project_config(project, rules, base);
  const auto length_ratio = find_rule(rules, "alignment/length-ratio");
  const RunConfig legal = run_config_for(base, project, {"content/zh-cn/legal/a.md", "content/en/legal/a.md"}, rules);
  EXPECT_FALSE(legal.selection.is_enabled(length_ratio->info()));
  EXPECT_EQ(legal.severities.size(), 1u);
  const RunConfig other = run_config_for(base, project, {"content/zh-cn/a.md", "content/en/a.md"}, rules);
  EXPECT_TRUE(other.selection.is_enabled(length_ratio->info()));
  EXPECT_TRUE(other.severities.empty());
}

}  // namespace
}  // namespace tc
