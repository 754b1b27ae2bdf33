#include <gtest/gtest.h>

#include "engine/run_config.h"
#include "rules/registry.h"

namespace tc {
namespace {

Settings given(std::initializer_list<std::pair<const char*, const char*>> items) {
  Settings settings;
  for (const auto& [key, value] : items) settings.set(key, value);
  return settings;
}

std::string config_error(const Settings& settings) {
  try {
    resolve_options(all_rules(), settings);
  } catch (const ConfigError& e) {
    return e.what();
  }
  return "";
}

TEST(RuleOptions, EveryDeclaredDefaultParsesAndIsReadable) {
  const RuleList rules = all_rules();
  const RuleOptions options = resolve_options(rules, {});
  std::size_t declared = 0;
  for (const auto& rule : rules) declared += rule->info().options.size();
  EXPECT_GE(declared, 10u);
  EXPECT_DOUBLE_EQ(options.number("alignment/length-ratio.factor"), 3.0);
  EXPECT_EQ(options.integer("alignment/untranslated.min-letters"), 4);
  EXPECT_TRUE(options.boolean("terminology/missing-term.fold-traditional"));
  EXPECT_EQ(options.text("typography/cjk-spacing.style"), "off");
  EXPECT_TRUE(options.list("script/latin-in-chinese.allow").empty());
  EXPECT_THROW(options.boolean("alignment/length-ratio.factor"), std::logic_error);  // wrong type
  EXPECT_THROW(options.boolean("script/nothing.here"), std::logic_error);
}

TEST(RuleOptions, GivenValuesAreParsedByTheirDeclaredType) {
  const RuleOptions options = resolve_options(all_rules(), given({{"alignment/length-ratio.factor", "4.5"},
                                                                   {"script/han-in-english.allow-parenthesized", "true"},
                                                                   {"typography/cjk-spacing.style", "space"},
                                                                   {"typography/boilerplate.phrases", " Read more | 阅读原文 ||"},
                                                                   {"encoding/html-entity.allow", "nbsp, amp"}}));
  EXPECT_DOUBLE_EQ(options.number("alignment/length-ratio.factor"), 4.5);
  EXPECT_TRUE(options.boolean("script/han-in-english.allow-parenthesized"));
  EXPECT_EQ(options.text("typography/cjk-spacing.style"), "space");
  EXPECT_EQ(options.list("typography/boilerplate.phrases"), (std::vector<std::string>{"Read more", "阅读原文"}));
  EXPECT_EQ(options.list("encoding/html-entity.allow"), (std::vector<std::string>{"nbsp", "amp"}));
}

TEST(RuleOptions, BadValuesUnknownOptionsAndUnknownRulesAreErrorsNamingThem) {
  EXPECT_NE(config_error(given({{"alignment/length-ratio.factor", "abc"}})).find("alignment/length-ratio.factor=abc"),
            std::string::npos);
  EXPECT_NE(config_error(given({{"alignment/length-ratio.factor", "3x"}})).find("not a number"), std::string::npos);
  EXPECT_NE(config_error(given({{"alignment/untranslated.min-letters", "2.5"}})).find("not an integer"), std::string::npos);
  EXPECT_NE(config_error(given({{"script/han-in-english.allow-parenthesized", "maybe"}})).find("not a boolean"),
            std::string::npos);
  EXPECT_NE(config_error(given({{"typography/cjk-spacing.style", "wide"}})).find("one of off, space, none"),
            std::string::npos);
  EXPECT_NE(config_error(given({{"nosuch/rule.x", "1"}})).find("unknown rule 'nosuch/rule'"), std::string::npos);
  EXPECT_NE(config_error(given({{"alignment/length-ratio.nosuch", "1"}})).find("has no option 'nosuch'"),
            std::string::npos);
  EXPECT_NE(config_error(given({{"alignment/omission.x", "1"}})).find("it has no options"), std::string::npos);
  EXPECT_NE(config_error(given({{"factor", "1"}})).find("expected RULE.OPTION=VALUE"), std::string::npos);
  EXPECT_EQ(config_error(given({{"alignment/length-ratio.factor", " 2 "}})), "");
}

TEST(RuleOptions, ExplainPrintsOneOptionsSectionFromTheDeclarations) {
  for (const auto& rule : all_rules()) {
    const RuleInfo& info = rule->info();
    const std::string doc = rule_documentation(info);
    const std::size_t heading = doc.find("## Options");
    ASSERT_NE(heading, std::string::npos) << info.id;
    EXPECT_EQ(doc.find("## Options", heading + 1), std::string::npos) << info.id << ": two Options sections";
    for (const OptionSpec& spec : info.options)
      EXPECT_NE(doc.find("`" + std::string(info.id) + "." + std::string(spec.name) + "` ("), std::string::npos)
          << info.id << " does not document " << spec.name;
  }
  const RuleList rules = all_rules();
  const std::string doc = rule_documentation(find_rule(rules, "typography/cjk-spacing")->info());
  EXPECT_NE(doc.find("- `typography/cjk-spacing.style` (one of `off`, `space`, `none`, default `off`): "),
            std::string::npos)
      << doc;
}

}  // namespace
}  // namespace tc
