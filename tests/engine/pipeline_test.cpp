#include <gtest/gtest.h>

#include "engine/pipeline.h"
#include "rules/registry.h"
#include "support/test_support.h"

namespace tc {
namespace {

std::vector<Finding> run(const Document& doc, const std::string& rule) {
  CheckOptions options;
  options.selection.select = {rule};
  return check_document(doc, all_rules(), options);
}

TEST(Fingerprint, SurvivesEditsElsewhereInTheFile) {
  const Document before = test::make_doc("The the patient rested.\nShe slept.\n", Lang::en, "a.txt");
  const Document after = test::make_doc("A new first line.\n\nThe the patient rested.\nShe slept well.\n", Lang::en, "a.txt");
  const auto old_findings = run(before, "typography/repeated-word");
  const auto new_findings = run(after, "typography/repeated-word");
  ASSERT_EQ(old_findings.size(), 1u);
  ASSERT_EQ(new_findings.size(), 1u);
  EXPECT_EQ(old_findings[0].fingerprint.size(), 16u);
  EXPECT_EQ(old_findings[0].fingerprint, new_findings[0].fingerprint);
}

TEST(Fingerprint, DependsOnTheFileTheTextAndItsSurroundings) {
  const auto base = run(test::make_doc("The the patient rested.\n", Lang::en, "a.txt"), "typography/repeated-word");
  const auto other_file = run(test::make_doc("The the patient rested.\n", Lang::en, "b.txt"), "typography/repeated-word");
  const auto other_context = run(test::make_doc("The the doctor rested.\n", Lang::en, "a.txt"), "typography/repeated-word");
  ASSERT_EQ(base.size(), 1u);
  ASSERT_EQ(other_file.size(), 1u);
  ASSERT_EQ(other_context.size(), 1u);
  EXPECT_NE(base[0].fingerprint, other_file[0].fingerprint);
  EXPECT_NE(base[0].fingerprint, other_context[0].fingerprint);
  // Whitespace inside the context does not matter.
  const auto spaced = run(test::make_doc("The the  patient rested.\n", Lang::en, "a.txt"), "typography/repeated-word");
  ASSERT_EQ(spaced.size(), 1u);
  EXPECT_EQ(base[0].fingerprint, spaced[0].fingerprint);
}

TEST(Fingerprint, IdenticalFindingsInOneFileStayDistinct) {
  const auto findings =
      run(test::make_doc("The the patient rested.\nThe the patient rested.\n", Lang::en, "a.txt"), "typography/repeated-word");
  ASSERT_EQ(findings.size(), 2u);
  EXPECT_NE(findings[0].fingerprint, findings[1].fingerprint);
}

TEST(FixEdits, AOneReplacementFixIsAnEditOfTheFindingsSpanAndSafe) {
  const auto findings = run(test::make_doc("The the patient rested.\n", Lang::en, "a.txt"), "typography/repeated-word");
  ASSERT_EQ(findings.size(), 1u);
  ASSERT_TRUE(findings[0].fix.has_value());
  ASSERT_EQ(findings[0].fix->edits.size(), 1u);
  EXPECT_EQ(findings[0].fix->edits[0].span, findings[0].span);
  EXPECT_EQ(findings[0].fix->applicability, Applicability::safe);
  EXPECT_EQ(fix_replacement(findings[0]), findings[0].fix->edits[0].replacement);
}

TEST(FindingPipeline, RootCauseFilterAlsoDropsPairFindingsInsideTheSpan) {
  const Document target = test::make_doc("Patients who don\u9225\u6a9b feel 42 can walk.\n", Lang::en, "a.txt");
  const Document other = test::make_doc("Patients who don\u9225\u6a9b feel 42 can walk.\n", Lang::en, "b.txt");
  auto make = [](const std::string& rule, const Document& doc, Span span) {
    Finding f;
    f.rule = rule;
    f.document = &doc;
    f.span = span;
    return f;
  };
  std::vector<Finding> findings = {make("encoding/mojibake-cjk", target, {16, 22}),
                                   make("alignment/untranslated", target, {16, 19}),
                                   make("alignment/untranslated", other, {16, 19}),
                                   make("alignment/number-mismatch", target, {28, 30})};
  EXPECT_EQ(drop_explained(findings, all_rules()), 1u);
  ASSERT_EQ(findings.size(), 3u);
  EXPECT_EQ(findings[0].rule, "encoding/mojibake-cjk");
  EXPECT_EQ(findings[1].document, &other);
  EXPECT_EQ(findings[2].rule, "alignment/number-mismatch");
}

TEST(FindingPipeline, SeverityOverridesApplyToEveryFindingOfTheRuleOrFamily) {
  std::vector<Finding> findings(2);
  findings[0].rule = "script/han-in-english";
  findings[1].rule = "typography/repeated-word";
  apply_severity_overrides(findings, {{"script", Severity::info}, {"typography/repeated-word", Severity::error}});
  EXPECT_EQ(findings[0].severity, Severity::info);
  EXPECT_EQ(findings[1].severity, Severity::error);
}

}  // namespace
}  // namespace tc
