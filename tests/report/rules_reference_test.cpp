#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "report/printers.h"
#include "rules/registry.h"
#include "support/test_support.h"

namespace tc {
namespace {

TEST(RulesReference, DocsRulesMdIsUpToDate) {
  std::ifstream in(test::source_path("docs/rules.md"), std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  EXPECT_TRUE(text.str() == rules_reference(all_rules()))
      << "docs/rules.md is out of date: run `transcheck rules --markdown > docs/rules.md`";
}

TEST(RulesReference, EveryHelpUriNamesAnAnchorOfTheReference) {
  const RuleList rules = all_rules();
  const std::string reference = rules_reference(rules);
  for (const auto& rule : rules) {
    const std::string uri = rule_help_uri(rule->info().id);
    const std::string anchor = uri.substr(uri.find('#') + 1);
    EXPECT_NE(reference.find("<a id=\"" + anchor + "\"></a>"), std::string::npos) << uri;
  }
}

TEST(PercentEncodedUri, EncodesEverythingButUnreservedCharactersAndSlashes) {
  EXPECT_EQ(percent_encoded_uri("docs tree/指南 100%.md"), "docs%20tree/%E6%8C%87%E5%8D%97%20100%25.md");
  EXPECT_EQ(percent_encoded_uri("a-b_c.d~e/f#g?h"), "a-b_c.d~e/f%23g%3Fh");
}

}  // namespace
}  // namespace tc
