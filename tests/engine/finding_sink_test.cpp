// The cap on findings per rule and file: a flood of findings keeps the first
// ones and one finding that counts the rest, at their highest severity.
#include <gtest/gtest.h>

#include "core/finding_sink.h"
#include "engine/check.h"
#include "engine/pipeline.h"
#include "rules/registry.h"
#include "support/test_support.h"

namespace tc {
namespace {

Finding at(std::size_t begin, Severity severity, const Document* doc = nullptr) {
  Finding f;
  f.rule = "test/flood";
  f.severity = severity;
  f.document = doc;
  f.span = {begin, begin + 1};
  f.message = "flooded";
  return f;
}

// count findings of rule_id, one a byte from first on, through a sink keeping limit.
std::vector<Finding> through_sink(const Document& doc, std::size_t first, std::size_t count, std::size_t limit,
                                  std::string_view rule_id = "test/flood") {
  std::vector<Finding> out;
  FindingSink sink(out, doc, limit);
  for (std::size_t i = first; i < first + count; ++i) sink.push_back(at(i, Severity::error));
  sink.finish(rule_id);
  return out;
}

// A counterpart quoted whole by thousands of findings made a gigabyte report.
TEST(FindingSink, ClipsALongCounterpartBetweenCharactersWithAnEllipsis) {
  const Document doc = test::make_doc("abcdefgh\n", Lang::en);
  std::string long_text = "ab";
  while (long_text.size() < 3 * kMaxQuotedBytes) long_text += "字";  // 字 straddles the cut
  std::vector<Finding> out;
  FindingSink sink(out, doc, 0);
  Finding f = at(0, Severity::error);
  f.counterpart = Counterpart{&doc, {0, 1}, long_text};
  sink.push_back(f);
  f.counterpart->text = "short";
  sink.push_back(f);
  ASSERT_EQ(out.size(), 2u);
  const std::string& clipped = out[0].counterpart->text;
  EXPECT_EQ(clipped, long_text.substr(0, 2 + (kMaxQuotedBytes - 2) / 3 * 3) + "…");
  EXPECT_EQ(out[1].counterpart->text, "short");
}

TEST(FindingSink, KeepsTheFirstFindingsAndCountsTheRestInOneFindingWhereTheyStart) {
  const Document doc = test::make_doc("abcdefgh\n", Lang::en);
  std::vector<Finding> out;
  FindingSink sink(out, doc, 3);
  const Severity severities[] = {Severity::info, Severity::info, Severity::info,
                                 Severity::warning, Severity::error, Severity::info};
  for (std::size_t i = 0; i < 6; ++i) sink.push_back(at(i, severities[i]));
  sink.finish("test/flood");
  ASSERT_EQ(out.size(), 4u);
  for (std::size_t i = 0; i < 3; ++i) {
    EXPECT_EQ(out[i].span.begin, i);
    EXPECT_EQ(out[i].document, &doc);  // filled in for the rule
  }
  const Finding& summary = out[3];
  EXPECT_EQ(summary.rule, "test/flood");
  EXPECT_EQ(summary.document, &doc);
  EXPECT_EQ(summary.span.begin, 3u);               // where the first left-out finding was
  EXPECT_EQ(summary.severity, Severity::error);  // the highest left out, though every kept one is info
  EXPECT_EQ(summary.message, omitted_findings_message(3, 3));
  EXPECT_NE(summary.message.find("3 more findings"), std::string::npos) << summary.message;
  EXPECT_NE(summary.message.find("--max-findings-per-rule"), std::string::npos) << summary.message;
}

// A rule past the limit passes omit() a finding's place and severity instead
// of making it: the report is the one push_back gives.
TEST(FindingSink, OmitCountsLikeAFindingPastTheLimit) {
  const Document doc = test::make_doc("abcdefgh\n", Lang::en);
  const Document other = test::make_doc("ijklmnop\n", Lang::en);
  const Severity severities[] = {Severity::info, Severity::warning, Severity::info, Severity::error, Severity::info};
  std::vector<Finding> pushed, omitted;
  FindingSink pushing(pushed, doc, 2);
  FindingSink omitting(omitted, doc, 2);
  for (std::size_t i = 0; i < 5; ++i) {
    const std::size_t begin = 4 - i;  // out of order: the count sits at the first in the text
    pushing.push_back(at(begin, severities[i]));
    EXPECT_EQ(omitting.keeps(nullptr), i < 2);
    EXPECT_TRUE(omitting.keeps(&other));  // the limit is per document
    if (omitting.keeps(nullptr))
      omitting.push_back(at(begin, severities[i]));
    else
      omitting.omit(nullptr, {begin, begin + 1}, severities[i]);
  }
  pushing.finish("test/flood");
  omitting.finish("test/flood");
  ASSERT_EQ(omitted.size(), 3u);
  ASSERT_EQ(pushed.size(), omitted.size());
  for (std::size_t i = 0; i < pushed.size(); ++i) {
    EXPECT_EQ(omitted[i].span, pushed[i].span);
    EXPECT_EQ(omitted[i].severity, pushed[i].severity);
    EXPECT_EQ(omitted[i].message, pushed[i].message);
    EXPECT_EQ(omitted[i].omitted, pushed[i].omitted);
  }
  EXPECT_EQ(omitted[2].span.begin, 0u);
  EXPECT_EQ(omitted[2].severity, Severity::error);
  std::vector<Finding> unlimited;
  FindingSink keeping_all(unlimited, doc, 0);
  for (std::size_t i = 0; i < 5; ++i) keeping_all.push_back(at(i, Severity::info));
  EXPECT_TRUE(keeping_all.keeps(nullptr));
}

TEST(FindingSink, TheCountSitsAtTheLeftOutFindingFirstInTheTextAndSaysNothingUntrue) {
  // A rule that does not emit in order of position (typography/unbalanced-quote):
  // the kept ones are the first emitted, the count is where the first left-out one is.
  const Document doc = test::make_doc("abcdefgh\n", Lang::en);
  std::vector<Finding> out;
  FindingSink sink(out, doc, 2);
  for (std::size_t begin : {5u, 1u, 6u, 2u, 7u}) sink.push_back(at(begin, Severity::warning));
  sink.finish("test/flood");
  ASSERT_EQ(out.size(), 3u);
  EXPECT_EQ(out[0].span.begin, 5u);
  EXPECT_EQ(out[1].span.begin, 1u);
  EXPECT_EQ(out[2].omitted, 3u);
  EXPECT_EQ(out[2].span.begin, 2u);  // the left-out 6, 2, 7 begin at 2, before the kept 5
  EXPECT_EQ(out[2].message.find("from here on"), std::string::npos) << out[2].message;
  EXPECT_NE(out[2].message.find("3 more findings of this rule in this file were left out, the first of them here"),
            std::string::npos)
      << out[2].message;
}

TEST(FindingSink, CountsEachDocumentOnItsOwn) {
  const Document source = test::make_doc("源文本。\n", Lang::zh, "source.txt");
  const Document target = test::make_doc("Target text.\n", Lang::en, "target.txt");
  std::vector<Finding> out;
  FindingSink sink(out, target, 2);
  for (std::size_t i = 0; i < 3; ++i) sink.push_back(at(i, Severity::warning, &source));
  for (std::size_t i = 0; i < 2; ++i) sink.push_back(at(i, Severity::warning));
  sink.finish("test/flood");
  // Two of each document kept, and one count for the source's third.
  ASSERT_EQ(out.size(), 5u);
  EXPECT_EQ(out.back().document, &source);
  EXPECT_EQ(out.back().message, omitted_findings_message(1, 2));
  EXPECT_NE(out.back().message.find("1 more finding "), std::string::npos) << out.back().message;
}

TEST(FindingSink, TheCountOfLeftOutFindingsSurvivesTheRootCauseFilter) {
  const Document doc = test::make_doc("abcdefgh\n", Lang::en);
  std::vector<Finding> out = through_sink(doc, 2, 3, 1, "encoding/control-character");
  Finding mojibake = at(0, Severity::error, &doc);
  mojibake.rule = "encoding/mojibake";  // explains its span: findings inside it go
  mojibake.span = {0, 8};
  out.push_back(mojibake);
  const RuleList rules = all_rules();
  EXPECT_EQ(drop_explained(out, rules), 1u);  // the kept one inside the mojibake
  ASSERT_EQ(out.size(), 2u);
  EXPECT_EQ(out[0].omitted, 2u);
  EXPECT_EQ(out[0].message, omitted_findings_message(2, 1));
}

TEST(FindingSink, NoLimitKeepsEveryFindingAndAddsNothing) {
  const Document doc = test::make_doc("abcdefgh\n", Lang::en);
  EXPECT_EQ(through_sink(doc, 0, 8, 0).size(), 8u);
}

TEST(FindingSink, TheEngineCapsEachRuleAndTheDefaultLeavesOrdinaryFilesAlone) {
  // Twelve stray control characters, each a finding of encoding/control-character.
  std::string text;
  for (int i = 0; i < 12; ++i) text += "word\x07 ";
  const Document doc = test::make_doc(text + "\n", Lang::en);
  const RuleList rules = all_rules();
  CheckOptions options;
  options.selection.select = {"encoding/control-character"};
  EXPECT_EQ(check_document(doc, rules, options).size(), 12u);
  options.max_findings_per_rule = 5;
  const std::vector<Finding> capped = check_document(doc, rules, options);
  ASSERT_EQ(capped.size(), 6u);
  EXPECT_EQ(capped.back().rule, "encoding/control-character");
  EXPECT_EQ(capped.back().span.begin, 5 * 6 + 4);  // the sixth BEL
  EXPECT_EQ(capped.back().message, omitted_findings_message(7, 5));
}

}  // namespace
}  // namespace tc
