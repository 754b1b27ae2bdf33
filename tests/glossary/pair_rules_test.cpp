// The terminology pair rules report both sides: the finding on the target,
// the source term as counterpart.
#include <gtest/gtest.h>

#include "engine/check.h"
#include "glossary/load.h"
#include "glossary/match.h"
#include "rules/registry.h"
#include "support/test_support.h"

namespace tc::test {
namespace {

std::vector<Finding> run(const std::string& rule, const Document& source, const Document& target) {
  static const Glossary glossary = load_glossaries({source_path("tests/rules/terminology/glossary.tsv")});
  CheckOptions options;
  options.selection.select = {rule};
  options.glossary = &glossary;
  return check_pair(source, target, all_rules(), options);
}

TEST(TerminologyPairRules, MissingTermCarriesTheSourceTerm) {
  const Document source = make_doc("化疗常见的副作用是骨髓抑制。\n", Lang::zh, "a.zh.txt");
  const Document target = make_doc("A common side effect of chemotherapy is bone marrow damage.\n", Lang::en, "a.en.txt");
  const auto findings = run("terminology/missing-term", source, target);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].document, &target);
  EXPECT_EQ(findings[0].span, (Span{0, target.text.size() - 1}));
  ASSERT_TRUE(findings[0].counterpart.has_value());
  EXPECT_EQ(findings[0].counterpart->document, &source);
  EXPECT_EQ(findings[0].counterpart->text, "骨髓抑制");
  EXPECT_EQ(source.text.substr(findings[0].counterpart->span.begin, findings[0].counterpart->span.size()), "骨髓抑制");
}

TEST(TerminologyPairRules, ForbiddenTermSpansTheRendering) {
  const Document source = make_doc("化疗的收益大于风险。\n", Lang::zh, "a.zh.txt");
  const Document target = make_doc("The revenue of chemotherapy outweighs the risks.\n", Lang::en, "a.en.txt");
  const auto findings = run("terminology/forbidden-term", source, target);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(target.text.substr(findings[0].span.begin, findings[0].span.size()), "revenue");
  ASSERT_TRUE(findings[0].counterpart.has_value());
  EXPECT_EQ(findings[0].counterpart->text, "收益");
}

TEST(TerminologyPairRules, NothingWithoutAGlossary) {
  const Document source = make_doc("化疗常见的副作用是骨髓抑制。\n", Lang::zh, "a.zh.txt");
  const Document target = make_doc("Bone marrow damage.\n", Lang::en, "a.en.txt");
  CheckOptions options;
  options.selection.select = {"terminology"};
  EXPECT_TRUE(check_pair(source, target, all_rules(), options).empty());
}

TEST(TerminologyPairRules, ForbiddenAnywhereOffersTheFix) {
  const Glossary glossary = load_glossaries({source_path("tests/rules/terminology/glossary.tsv")});
  const Document doc = make_doc("She started chemo; Chemo again.\n", Lang::en);
  CheckOptions options;
  options.selection.select = {"terminology/forbidden-anywhere"};
  options.glossary = &glossary;
  const auto findings = check_document(doc, all_rules(), options);
  ASSERT_EQ(findings.size(), 2u);
  EXPECT_EQ(fix_replacement(findings[0]), std::optional<std::string>("chemotherapy"));
  EXPECT_FALSE(findings[1].fix.has_value());  // "Chemo" differs from the listed form: no blind replacement
}


// A form 60 entries share ("a"), in a target of 3,000 "a": 60 matches at each
// start, more than term_match_limit keeps (65,536 + 6,001 / 8 = 66,286), so
// matching stops at the start of the 66,286th match (start 1,104: 1,104 × 60 =
// 66,240 before it) and each rule says so there, once. Before the limit, the
// rules' work grew with the square of the matches: minutes for this pair.
TEST(TerminologyPairRules, EachRuleSaysWhereMatchingStoppedAtTheLimit) {
  Glossary glossary;
  for (int e = 0; e < 60; ++e) {
    GlossaryEntry entry;
    entry.zh = {"化疗" + std::to_string(e)};
    entry.en = "a";
    glossary.entries.push_back(entry);
  }
  glossary.build_index();
  const Document source = make_doc(repeat("化疗", 100) + "\n", Lang::zh, "a.zh.txt");
  const Document target = make_doc(repeat("a ", 3000) + "\n", Lang::en, "a.en.txt");
  ASSERT_EQ(term_match_limit(target.text.size()), 65536u + 750u);
  const Span stop{1104 * 2, 1104 * 2 + 1};
  for (const std::string rule : {"terminology/missing-term", "terminology/inconsistent-term", "terminology/forbidden-term",
                                 "terminology/forbidden-anywhere"}) {
    CheckOptions options;
    options.selection.select = {rule};
    options.glossary = &glossary;
    const auto findings = rule == "terminology/forbidden-anywhere" ? check_document(target, all_rules(), options)
                                                                   : check_pair(source, target, all_rules(), options);
    ASSERT_EQ(findings.size(), 1u) << rule;
    EXPECT_EQ(findings[0].rule, rule);
    EXPECT_EQ(findings[0].document, &target) << rule;
    EXPECT_EQ(findings[0].span, stop) << rule;
    EXPECT_TRUE(findings[0].message.starts_with("glossary terms are not looked for past here")) << findings[0].message;
  }
  // Below the limit: no such finding.
  const Document short_target = make_doc(repeat("a ", 1000) + "\n", Lang::en, "a.en.txt");
  CheckOptions options;
  options.selection.select = {"terminology"};
  options.glossary = &glossary;
  EXPECT_TRUE(check_pair(source, short_target, all_rules(), options).empty());
}

}  // namespace
}  // namespace tc::test
