// Planning fixes: which are applied, overlaps, escaping for the format, and
// offsets through the source map.
#include <gtest/gtest.h>

#include "engine/fixes.h"
#include "support/test_support.h"

namespace tc {
namespace {

Finding finding(const Document& doc, std::string rule, Span span, std::optional<Fix> fix) {
  Finding f;
  f.rule = std::move(rule);
  f.document = &doc;
  f.span = span;
  f.fix = std::move(fix);
  return f;
}

std::string escape_xml(std::string_view text) {
  std::string out;
  for (const char c : text) out += c == '&' ? std::string("&amp;") : c == '<' ? std::string("&lt;") : std::string(1, c);
  return out;
}

TEST(PlanFixes, AppliesSafeFixesAndLeavesEveryOtherByte) {
  const Document doc = test::make_doc("the the cat，sat", Lang::en);
  const std::vector<Finding> findings = {
      finding(doc, "typography/repeated-word", {0, 7}, Fix("the")),
      finding(doc, "script/fullwidth-in-english", {11, 14}, Fix(",")),
  };
  const FilePatch patch = plan_fixes(doc, findings, {});
  EXPECT_EQ(patch.patched, "the cat,sat");
  EXPECT_EQ(patch.applied.size(), 2u);
  EXPECT_TRUE(patch.skipped.empty());
}

TEST(PlanFixes, UnsafeFixesOnlyWhenAsked) {
  const Document doc = test::make_doc("She started chemo in May.", Lang::en);
  const std::vector<Finding> findings = {
      finding(doc, "terminology/forbidden-anywhere", {12, 17}, unsafe_fix("chemotherapy"))};
  EXPECT_FALSE(plan_fixes(doc, findings, {}).changed());
  FixSelection unsafe;
  unsafe.unsafe = true;
  EXPECT_EQ(plan_fixes(doc, findings, unsafe).patched, "She started chemotherapy in May.");
}

TEST(PlanFixes, RuleAndFamilyLimitWhatIsApplied) {
  const Document doc = test::make_doc("the the cat，sat", Lang::en);
  const std::vector<Finding> findings = {
      finding(doc, "typography/repeated-word", {0, 7}, Fix("the")),
      finding(doc, "script/fullwidth-in-english", {11, 14}, Fix(",")),
  };
  FixSelection by_rule;
  by_rule.rules = {"typography/repeated-word"};
  EXPECT_EQ(plan_fixes(doc, findings, by_rule).patched, "the cat，sat");
  FixSelection by_family;
  by_family.families = {"script"};
  EXPECT_EQ(plan_fixes(doc, findings, by_family).patched, "the the cat,sat");
}

TEST(PlanFixes, OfOverlappingFixesTheFirstIsAppliedAndTheOthersReported) {
  const Document doc = test::make_doc("abcdef", Lang::en);
  const std::vector<Finding> findings = {
      finding(doc, "typography/a", {1, 4}, Fix("X")),
      finding(doc, "typography/b", {3, 5}, Fix("Y")),   // shares "d" with the first
      finding(doc, "typography/c", {4, 4}, Fix("+")),   // an insertion right after the first: no overlap
      finding(doc, "typography/d", {4, 4}, Fix("-")),   // a second insertion at the same place
  };
  const FilePatch patch = plan_fixes(doc, findings, {});
  EXPECT_EQ(patch.patched, "aX+ef");
  ASSERT_EQ(patch.skipped.size(), 2u);
  EXPECT_EQ(patch.skipped[0].finding->rule, "typography/b");
  EXPECT_NE(patch.skipped[0].reason.find("overlaps the fix of [typography/a] at 1:2"), std::string::npos)
      << patch.skipped[0].reason;
  EXPECT_EQ(patch.skipped[1].finding->rule, "typography/d");
}

TEST(PlanFixes, TheFixIsEscapedForTheFormat) {
  Document doc = test::make_doc("Fish &amp;amp; chips", Lang::en, "a.xlf");
  doc.format.name = "test-xml";
  doc.format.escape = escape_xml;
  // The document text is what the reader unescaped; the fix is written back escaped.
  const std::vector<Finding> findings = {finding(doc, "encoding/html-entity", {5, 14}, Fix("&"))};
  EXPECT_EQ(plan_fixes(doc, findings, {}).patched, "Fish &amp; chips");
}

TEST(PlanFixes, EditsGoThroughTheSourceMapToFileBytes) {
  // A file with a BOM: text offset 0 is file byte 3, and the BOM stays.
  Document doc = test::make_doc("the the end", Lang::en);
  auto source = std::make_shared<SourceFile>();
  source->bytes = "\xEF\xBB\xBFthe the end";
  source->bom_bytes = 3;
  doc.source = source;
  doc.source_map = SourceMap::shifted(3);
  const std::vector<Finding> findings = {finding(doc, "typography/repeated-word", {0, 7}, Fix("the"))};
  EXPECT_EQ(plan_fixes(doc, findings, {}).patched, "\xEF\xBB\xBFthe end");
}

TEST(PlanFixes, AFixThatCannotBeWrittenInTheFilesEncodingIsSkipped) {
  Document doc = test::make_doc("caf\u00E9 x", Lang::en);
  doc.encoding = "ISO-8859-1";
  auto source = std::make_shared<SourceFile>();
  source->bytes = "caf\xE9 x";
  doc.source = source;
  doc.source_map.add(5, 4);  // é is two bytes in the text, one in the file
  const std::vector<Finding> findings = {
      finding(doc, "typography/a", {6, 7}, Fix("\u00FC")),  // ü exists in Latin-1
  };
  EXPECT_EQ(plan_fixes(doc, findings, {}).patched, "caf\xE9 \xFC");
  const std::vector<Finding> han = {finding(doc, "typography/a", {6, 7}, Fix("汉"))};
  const FilePatch patch = plan_fixes(doc, han, {});
  EXPECT_FALSE(patch.changed());
  ASSERT_EQ(patch.skipped.size(), 1u);
  EXPECT_NE(patch.skipped[0].reason.find("ISO-8859-1"), std::string::npos);
}

}  // namespace
}  // namespace tc
