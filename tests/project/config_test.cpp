#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "project/config.h"
#include "support/scratch_tree.h"

namespace tc {
namespace {

namespace fs = std::filesystem;

// The message of the ConfigFileError that parsing text throws, or "" when it parses.
std::string error_of(const std::string& text, const fs::path& path = "site/transcheck.toml") {
  try {
    parse_project_config(text, path);
  } catch (const ConfigFileError& error) {
    return error.what();
  }
  return "";
}

TEST(ParseProjectConfig, ReadsEveryKey) {
  const std::string text = R"(source-lang = "zh-Hans"
target-lang = "en"
glossaries = ["terms/product.tsv", "/opt/shared/medical.tsv"]
exclude = ["node_modules", "**/drafts/**"]
files = ["blog/**/*.md"]

[rules]
enable = ["terminology"]
disable = ["typography/heading-case", "script"]
severity = { "terminology/missing-term" = "warning", "alignment" = "error" }

[rules.options]
"script/han-in-english.allow-parenthesized" = true
"alignment/length-ratio.factor" = 2.5
"typography/boilerplate.phrases" = ["Read more", "Share this"]
"alignment/omission" = { min-length = 12 }

[[overrides]]
paths = ["content/zh-cn/legal/**"]
disable = ["alignment/length-ratio"]
severity = { "typography/repeated-word" = "info" }

[[pairs]]
source = "content/zh-cn/**/*.md"
target = "content/en/**/*.md"

[[pairs]]
source = "i18n/zh-Hans/docusaurus-plugin-content-docs/current/**/*.md"
target = "docs/**/*.md"
source-lang = "zh-Hans"
target-lang = "en-US"
)";
  const ProjectConfig config = parse_project_config(text, "site/transcheck.toml");
  EXPECT_EQ(config.file, fs::path("site/transcheck.toml"));
  EXPECT_EQ(config.root, fs::path("site"));
  ASSERT_TRUE(config.source_lang && config.target_lang);
  EXPECT_EQ(config.source_lang->value, "zh-Hans");
  EXPECT_EQ(to_string(config.source_lang->where), "site/transcheck.toml:1:15");
  EXPECT_EQ(config.target_lang->value, "en");

  ASSERT_EQ(config.glossaries.size(), 2u);
  EXPECT_EQ(config.glossaries[0].value, "site/terms/product.tsv");  // relative to the config file
  EXPECT_EQ(config.glossaries[1].value, "/opt/shared/medical.tsv");
  EXPECT_EQ(config.glossaries[1].where.line, 3u);

  ASSERT_EQ(config.exclude.size(), 2u);
  EXPECT_EQ(config.exclude[1].glob.pattern(), "**/drafts/**");
  ASSERT_EQ(config.files.size(), 1u);
  EXPECT_TRUE(config.files[0].glob.matches("blog/2024/a.md"));

  ASSERT_EQ(config.rules.enable.size(), 1u);
  EXPECT_EQ(config.rules.enable[0].value, "terminology");
  EXPECT_EQ(to_string(config.rules.enable[0].where), "site/transcheck.toml:8:11");
  ASSERT_EQ(config.rules.disable.size(), 2u);
  EXPECT_EQ(config.rules.disable[1].value, "script");
  ASSERT_EQ(config.rules.severity.size(), 2u);
  // toml++ keeps a table's keys sorted.
  EXPECT_EQ(config.rules.severity[0].rule, "alignment");
  EXPECT_EQ(config.rules.severity[0].severity, Severity::error);
  EXPECT_EQ(config.rules.severity[1].rule, "terminology/missing-term");
  EXPECT_EQ(config.rules.severity[1].severity, Severity::warning);
  EXPECT_EQ(config.rules.severity[1].where.line, 10u);

  ASSERT_EQ(config.rules.options.size(), 4u);
  EXPECT_EQ(config.rules.options[0].key, "alignment/length-ratio.factor");
  EXPECT_EQ(std::get<double>(config.rules.options[0].value), 2.5);
  EXPECT_EQ(option_text(config.rules.options[0].value), "2.5");
  EXPECT_EQ(config.rules.options[0].where.line, 14u);
  EXPECT_EQ(config.rules.options[1].key, "alignment/omission.min-length");
  EXPECT_EQ(option_text(config.rules.options[1].value), "12");
  EXPECT_EQ(config.rules.options[2].key, "script/han-in-english.allow-parenthesized");
  EXPECT_EQ(option_text(config.rules.options[2].value), "true");
  EXPECT_EQ(option_text(config.rules.options[3].value), "Read more,Share this");
  EXPECT_EQ(option_text(config.rules.options[3].value, '|'), "Read more|Share this");

  ASSERT_EQ(config.overrides.size(), 1u);
  EXPECT_TRUE(config.overrides[0].paths[0].glob.matches("content/zh-cn/legal/terms.md"));
  ASSERT_EQ(config.overrides[0].rules.disable.size(), 1u);
  EXPECT_EQ(config.overrides[0].rules.disable[0].value, "alignment/length-ratio");
  EXPECT_EQ(config.overrides[0].rules.severity[0].severity, Severity::info);
  EXPECT_TRUE(config.overrides[0].rules.enable.empty());

  ASSERT_EQ(config.pairs.size(), 2u);
  EXPECT_EQ(config.pairs[0].source.glob.pattern(), "content/zh-cn/**/*.md");
  EXPECT_EQ(config.pairs[0].target.glob.pattern(), "content/en/**/*.md");
  EXPECT_FALSE(config.pairs[0].source_lang);
  ASSERT_TRUE(config.pairs[1].target_lang);
  EXPECT_EQ(config.pairs[1].target_lang->value, "en-US");
  EXPECT_EQ(config.pairs[1].source.where.line, 28u);
}

TEST(ParseProjectConfig, AnEmptyFileIsAValidConfig) {
  const ProjectConfig config = parse_project_config("", "transcheck.toml");
  EXPECT_FALSE(config.source_lang);
  EXPECT_TRUE(config.pairs.empty());
  EXPECT_TRUE(config.rules.empty());
  EXPECT_EQ(config.root, fs::path());
}

TEST(ParseProjectConfig, ASingleStringIsAListOfOne) {
  const ProjectConfig config = parse_project_config("exclude = \"drafts\"\n[rules]\ndisable = \"typography\"\n", "t.toml");
  ASSERT_EQ(config.exclude.size(), 1u);
  ASSERT_EQ(config.rules.disable.size(), 1u);
  EXPECT_EQ(config.rules.disable[0].value, "typography");
}

TEST(ParseProjectConfig, MaxFindingsPerRuleIsAWholeNumber) {
  EXPECT_FALSE(parse_project_config("", "t.toml").max_findings_per_rule);
  EXPECT_EQ(parse_project_config("max-findings-per-rule = 50\n", "t.toml").max_findings_per_rule, 50u);
  EXPECT_EQ(parse_project_config("max-findings-per-rule = 0\n", "t.toml").max_findings_per_rule, 0u);
  EXPECT_EQ(error_of("max-findings-per-rule = -3\n"), "site/transcheck.toml:1:25: 'max-findings-per-rule' must be 0 or more");
  EXPECT_EQ(error_of("max-findings-per-rule = \"many\"\n"),
            "site/transcheck.toml:1:25: 'max-findings-per-rule' must be a whole number, not a string");
  EXPECT_EQ(error_of("max-findings-per-rule = 2.0\n"),
            "site/transcheck.toml:1:25: 'max-findings-per-rule' must be a whole number, not a decimal number");
}

TEST(ParseProjectConfig, UnknownKeysAreErrorsNamingFileLineAndColumn) {
  EXPECT_EQ(error_of("source-lang = \"zh\"\nsource_lang = \"zh\"\n"),
            "site/transcheck.toml:2:1: unknown key 'source_lang' at the top level (expected source-lang, target-lang, "
            "glossaries, exclude, files, rules, overrides, pairs, max-findings-per-rule)");
  EXPECT_EQ(error_of("[rules]\nenable = []\n  ignore = [\"x\"]\n"),
            "site/transcheck.toml:3:3: unknown key 'ignore' in [rules] (expected enable, disable, severity, options)");
  EXPECT_EQ(error_of("[[pairs]]\nsource = \"zh/*.md\"\ntarget = \"en/*.md\"\nlang = \"zh\"\n"),
            "site/transcheck.toml:4:1: unknown key 'lang' in [[pairs]] (expected source, target, source-lang, "
            "target-lang)");
  EXPECT_EQ(error_of("[[overrides]]\npaths = [\"a/**\"]\nglob = \"x\"\n"),
            "site/transcheck.toml:3:1: unknown key 'glob' in [[overrides]] (expected paths, enable, disable, severity, "
            "options)");
}

TEST(ParseProjectConfig, ValuesOfTheWrongTypeAreErrors) {
  EXPECT_EQ(error_of("exclude = 3\n"), "site/transcheck.toml:1:11: 'exclude' must be an array of strings, not an integer");
  EXPECT_EQ(error_of("glossaries = [\"a.tsv\", 2]\n"),
            "site/transcheck.toml:1:24: 'glossaries' must be an array of strings, not an integer");
  EXPECT_EQ(error_of("source-lang = true\n"), "site/transcheck.toml:1:15: 'source-lang' must be a string, not a boolean");
  EXPECT_EQ(error_of("rules = \"all\"\n"), "site/transcheck.toml:1:9: 'rules' must be a table, not a string");
  EXPECT_EQ(error_of("[pairs]\nsource = \"a\"\n"),
            "site/transcheck.toml:1:1: 'pairs' must be an array of tables ([[pairs]]), not a table");
  EXPECT_EQ(error_of("[rules.options]\n\"a/b.when\" = 1979-05-27\n"),
            "site/transcheck.toml:2:14: 'a/b.when' must be a string, number, boolean or array of strings, not a date or "
            "time");
}

TEST(ParseProjectConfig, BadSeveritiesAndLanguagesAreErrors) {
  EXPECT_EQ(error_of("[rules]\nseverity = { \"typography\" = \"fatal\" }\n"),
            "site/transcheck.toml:2:29: unknown severity 'fatal' for 'typography' (expected error, warning or info)");
  EXPECT_EQ(error_of("[rules.severity]\n\"typography\" = 2\n"),
            "site/transcheck.toml:2:16: 'typography' must be \"error\", \"warning\" or \"info\", not an integer");
  EXPECT_NE(error_of("target-lang = \"fr\"\n").find("site/transcheck.toml:1:15: unknown language 'fr'"), std::string::npos);
  EXPECT_NE(error_of("[[pairs]]\nsource = \"a/*\"\ntarget = \"b/*\"\nsource-lang = \"klingon\"\n")
                .find("site/transcheck.toml:4:15: unknown language 'klingon'"),
            std::string::npos);
}

TEST(ParseProjectConfig, OptionKeysNeedARuleAndAnOption) {
  EXPECT_EQ(error_of("[rules.options]\n\"typography\" = 1\n"),
            "site/transcheck.toml:2:1: option 'typography' must be written \"family/name.option\" (or \"family/name\" = "
            "{ option = value })");
}

TEST(ParseProjectConfig, TomlSyntaxErrorsNameTheirPlace) {
  const std::string message = error_of("source-lang = \"zh\"\n[rules\n");
  EXPECT_TRUE(message.starts_with("site/transcheck.toml:2:")) << message;
  const std::string duplicate = error_of("exclude = []\nexclude = []\n");
  EXPECT_TRUE(duplicate.starts_with("site/transcheck.toml:2:")) << duplicate;
}

TEST(ParseProjectConfig, BadGlobsNameTheColumnOfTheProblem) {
  EXPECT_EQ(error_of("exclude = [\"docs/[ab\"]\n"), "site/transcheck.toml:1:18: bad glob 'docs/[ab': unclosed '['");
}

TEST(ParseProjectConfig, PairsNeedBothGlobsWithTheSameWildcards) {
  EXPECT_EQ(error_of("[[pairs]]\nsource = \"zh/**/*.md\"\n"),
            "site/transcheck.toml:1:1: [[pairs]] needs both 'source' and 'target' globs");
  const std::string message = error_of("[[pairs]]\nsource = \"zh/**/*.md\"\ntarget = \"en/*.md\"\n");
  EXPECT_TRUE(message.starts_with("site/transcheck.toml:3:10: 'en/*.md' has 1 wildcards but source 'zh/**/*.md' has 2"))
      << message;
}

TEST(ParseProjectConfig, OverridesNeedPaths) {
  EXPECT_EQ(error_of("[[overrides]]\ndisable = [\"typography\"]\n"),
            "site/transcheck.toml:1:1: [[overrides]] needs 'paths', the globs of the files it applies to");
}

TEST(ParseProjectConfig, ConfigErrorsAreInputErrorsSoTheRunExitsWithTwo) {
  try {
    parse_project_config("nosuch = 1\n", "transcheck.toml");
    FAIL() << "no error";
  } catch (const InputError& error) {
    EXPECT_EQ(error.path(), "transcheck.toml:1:1");
  }
}

class ConfigFiles : public test::ScratchTree {};

TEST_F(ConfigFiles, TheNearestConfigUpwardsIsFound) {
  write("transcheck.toml", "source-lang = \"zh\"\n");
  write("site/transcheck.toml", "source-lang = \"en\"\n");
  fs::create_directories(root_ / "site/content/zh-cn");
  fs::create_directories(root_ / "other/deep");
  const auto from_site = find_project_config(root_ / "site/content/zh-cn");
  ASSERT_TRUE(from_site);
  EXPECT_TRUE(fs::equivalent(*from_site, root_ / "site/transcheck.toml"));
  const auto from_other = find_project_config(root_ / "other/deep");
  ASSERT_TRUE(from_other);
  EXPECT_TRUE(fs::equivalent(*from_other, root_ / "transcheck.toml"));
  const auto from_root = find_project_config(root_);
  ASSERT_TRUE(from_root);
  EXPECT_TRUE(fs::equivalent(*from_root, root_ / "transcheck.toml"));
}

TEST_F(ConfigFiles, ADirectoryNamedLikeTheConfigIsNotIt) {
  write("transcheck.toml", "");
  fs::create_directories(root_ / "a/transcheck.toml");
  const auto found = find_project_config(root_ / "a");
  ASSERT_TRUE(found);
  EXPECT_TRUE(fs::equivalent(*found, root_ / "transcheck.toml"));
}

TEST_F(ConfigFiles, LoadingReadsTheFileAndResolvesGlossariesBesideIt) {
  write("site/transcheck.toml", "glossaries = [\"terms.tsv\"]\n");
  const ProjectConfig config = load_project_config(root_ / "site/transcheck.toml");
  ASSERT_EQ(config.glossaries.size(), 1u);
  EXPECT_EQ(config.glossaries[0].value, (root_ / "site/terms.tsv").string());
  EXPECT_EQ(config.root, root_ / "site");
}

TEST_F(ConfigFiles, UnreadableConfigsAreConfigErrors) {
  EXPECT_THROW(load_project_config(root_ / "missing.toml"), ConfigFileError);
  EXPECT_THROW(load_project_config(root_), ConfigFileError);
  write("bad.toml", "[rules]\nseverity = { x = \"loud\" }\n");
  try {
    load_project_config(root_ / "bad.toml");
    FAIL() << "no error";
  } catch (const ConfigFileError& error) {
    EXPECT_EQ(error.position().file, (root_ / "bad.toml").string());
    EXPECT_EQ(error.position().line, 2u);
  }
}

}  // namespace
}  // namespace tc
