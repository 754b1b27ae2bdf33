#include <gtest/gtest.h>

#include "engine/check.h"
#include "engine/suppression.h"
#include "report/printers.h"
#include "rules/registry.h"
#include "support/test_support.h"

namespace tc {
namespace {

std::vector<std::string> headlines_of(const Document& doc, const std::vector<std::string>& select = {"typography/repeated-word", "structure"}) {
  CheckOptions options;
  options.selection.select = select;
  std::vector<std::string> out;
  for (const Finding& f : check_document(doc, all_rules(), options)) out.push_back(headline(f));
  return out;
}

Document md(const std::string& text) { return test::make_doc(text, Lang::en, "a.md"); }

TEST(Suppression, NextLineSilencesOnlyTheNextLineAndOnlyTheNamedRule) {
  const Document doc = md(
      "<!-- transcheck-disable-next-line typography/repeated-word -- quoted on purpose -->\n"
      "We saw the the patient.\n"
      "We saw the the doctor.\n");
  EXPECT_EQ(headlines_of(doc), (std::vector<std::string>{
                                   "a.md:3:8: warning: repeated word \"the\" [typography/repeated-word]"}));
}

TEST(Suppression, SeveralRulesAndFamiliesAreSeparatedByCommas) {
  const Document doc = md("<!-- transcheck-disable-next-line encoding/mojibake, typography -->\nWe saw the the patient.\n");
  EXPECT_TRUE(headlines_of(doc).empty());
}

TEST(Suppression, RangeEndsAtItsEnableAndAnUnclosedRangeAtTheEnd) {
  const Document doc = md(
      "A the the one.\n\n"
      "<!-- transcheck-disable typography/repeated-word -->\n"
      "B the the two.\n"
      "<!-- transcheck-enable typography/repeated-word -->\n\n"
      "C the the three.\n\n"
      "<!-- transcheck-disable typography/repeated-word -->\n\n"
      "D the the four.\n");
  EXPECT_EQ(headlines_of(doc), (std::vector<std::string>{
                                   "a.md:1:3: warning: repeated word \"the\" [typography/repeated-word]",
                                   "a.md:7:3: warning: repeated word \"the\" [typography/repeated-word]"}));
}

TEST(Suppression, FileFormSilencesTheRuleEverywhere) {
  const Document doc = md("A the the one.\n\n<!-- transcheck-disable-file typography/repeated-word -->\n\nB the the two.\n");
  EXPECT_TRUE(headlines_of(doc).empty());
}

TEST(Suppression, ASuppressionThatSilencesNothingIsReportedAtInfo) {
  const Document doc = md("<!-- transcheck-disable-next-line typography/repeated-word -->\nA clean line.\n");
  EXPECT_EQ(headlines_of(doc),
            (std::vector<std::string>{"a.md:1:1: info: suppression silences nothing here; remove it "
                                      "[structure/unused-suppression]"}));
}

TEST(Suppression, AnUnknownRuleNameIsReported) {
  const Document doc = md("<!-- transcheck-disable-file typography/repeated-wrd -->\nWe saw the the patient.\n");
  const auto lines = headlines_of(doc);
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0],
            "a.md:1:1: info: suppression names no known rule or family: 'typography/repeated-wrd' (see `transcheck "
            "rules`) [structure/unused-suppression]");
  EXPECT_EQ(lines[1], "a.md:2:8: warning: repeated word \"the\" [typography/repeated-word]");
}

TEST(Suppression, UnusedReportCanBeDisabled) {
  const Document doc = md("<!-- transcheck-disable-next-line typography/repeated-word -->\nA clean line.\n");
  EXPECT_TRUE(headlines_of(doc, {"typography/repeated-word"}).empty());
}

TEST(Suppression, CommentShownInACodeBlockOrPlainTextIsNoDirective) {
  const Document fenced = md("```\n<!-- transcheck-disable-file typography -->\n```\n\nWe saw the the patient.\n");
  EXPECT_EQ(headlines_of(fenced).size(), 1u);
  const Document plain = test::make_doc("<!-- transcheck-disable-file typography -->\nWe saw the the patient.\n", Lang::en, "a.txt");
  EXPECT_EQ(headlines_of(plain), (std::vector<std::string>{
                                     "a.txt:2:8: warning: repeated word \"the\" [typography/repeated-word]"}));
}

TEST(Suppression, OtherCommentsAreNoDirectives) {
  const Document doc = md("<!-- a note for the editor: transcheck-disable-file -->\nWe saw the the patient.\n");
  EXPECT_EQ(headlines_of(doc).size(), 1u);
}

TEST(Suppression, FindSuppressionsReadsRulesAndReason) {
  const auto rules = all_rules();
  const Document doc = md("<!-- transcheck-disable-next-line a/b, typography -- because -->\nText.\n");
  const auto found = find_suppressions(doc, rules);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].rules, (std::vector<std::string>{"a/b", "typography"}));
  EXPECT_EQ(found[0].unknown, (std::vector<std::string>{"a/b"}));
  EXPECT_EQ(found[0].kind, Suppression::Kind::next_line);
}

}  // namespace
}  // namespace tc
