#include <gtest/gtest.h>

#include "engine/check.h"
#include "rules/registry.h"
#include "support/test_support.h"

namespace tc {
namespace {

std::vector<std::string> rules_fired(const Document& doc, CheckOptions options = {}) {
  const RuleList rules = all_rules();
  std::vector<std::string> ids;
  for (const Finding& f : check_document(doc, rules, options)) ids.push_back(f.rule);
  return ids;
}

TEST(Engine, MojibakeIsReportedOnceNotAlsoAsStrayHan) {
  const Document doc = test::make_doc("Patients who don\u9225\u6a9b feel strong can walk.\n", Lang::en);
  EXPECT_EQ(rules_fired(doc), std::vector<std::string>{"encoding/mojibake-cjk"});
}

TEST(Engine, StrayHanOutsideMojibakeIsStillReported) {
  const Document doc = test::make_doc("They are essential for\u8bc6\u522bing cells.\n", Lang::en);
  EXPECT_EQ(rules_fired(doc), std::vector<std::string>{"script/han-in-english"});
}

TEST(Engine, DisableByFamilyAndSeverityOverride) {
  const Document doc = test::make_doc("They are essential for\u8bc6\u522bing cells.\n", Lang::en);
  CheckOptions options;
  options.selection.disable("script");
  EXPECT_TRUE(rules_fired(doc, options).empty());
  CheckOptions lowered;
  lowered.severities.push_back({"script/han-in-english", Severity::info});
  const RuleList rules = all_rules();
  const auto findings = check_document(doc, rules, lowered);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].severity, Severity::info);
}

TEST(Engine, OffByDefaultRulesRunOnlyWhenEnabled) {
  const Document doc = test::make_doc("这个病人需要做一个scan检查。\n", Lang::zh);
  EXPECT_TRUE(rules_fired(doc).empty());
  CheckOptions options;
  options.selection.enable("script/latin-in-chinese");
  EXPECT_EQ(rules_fired(doc, options), std::vector<std::string>{"script/latin-in-chinese"});
}

TEST(Engine, LanguageSpecificRulesSkipTheOtherLanguage) {
  // Full-width punctuation is right in Chinese and wrong in English.
  EXPECT_TRUE(rules_fired(test::make_doc("化疗真的能治癌吗？\n", Lang::zh)).empty());
  EXPECT_EQ(rules_fired(test::make_doc("Can chemotherapy cure cancer？\n", Lang::en)),
            std::vector<std::string>{"script/fullwidth-in-english"});
}

}  // namespace
}  // namespace tc
