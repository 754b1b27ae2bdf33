// Rules on hostile input: scans that once went quadratic (or worse) on one
// long line. Each input took from seconds to minutes; the findings must stay
// the ones the slow scan produced. Nothing here is timed (hostile_bench in
// bench/ measures the times): the inputs are sized so the linear scans finish
// well within a second and a quadratic one would run for minutes, past the
// test's timeout.
#include <gtest/gtest.h>

#include <string>

#include "support/test_support.h"

namespace tc::test {
namespace {

constexpr const char* kAsciiPunctuation = "script/ascii-punctuation-in-chinese";

TEST(HostileInput, ManyParenthesizedGlossesOnOneLine) {
  const Document doc = make_doc(repeat("5 mg(毫克)", 100000) + "\n", Lang::zh);
  const std::vector<Finding> findings = findings_of(kAsciiPunctuation, doc);
  ASSERT_EQ(findings.size(), 200000u);
  EXPECT_EQ(findings[0].span.begin, 4u);   // "("
  EXPECT_EQ(findings[1].span.begin, 11u);  // ")"
  EXPECT_EQ(findings.back().span.begin, doc.text.size() - 2);
}

TEST(HostileInput, ManyUnclosedParenthesesOnOneLine) {
  const Document doc = make_doc(repeat("中(", 200000) + "\n", Lang::zh);
  const std::vector<Finding> findings = findings_of(kAsciiPunctuation, doc);
  EXPECT_EQ(findings.size(), 199999u);  // each "(" between Han; not the last, before the line end
}

TEST(HostileInput, DeeplyNestedParenthesesAroundHan) {
  const std::string text = "中" + repeat("(", 100000) + "文" + repeat(")", 100000) + "\n";
  const Document doc = make_doc(text, Lang::zh);
  const std::vector<Finding> findings = findings_of(kAsciiPunctuation, doc);
  EXPECT_EQ(findings.size(), 200000u);
}

TEST(HostileInput, PairOfTheSameHundredThousandNumbersInAnotherOrder) {
  // Every value once on each side: nothing to report. Finding each mention's
  // value in a list took 17 s for this sentence.
  constexpr std::size_t kValues = 100003;  // prime: i * 7 and i * 11 both run through every value
  std::string zh = "数据：", en = "Data: ";
  for (std::size_t i = 0; i < kValues; ++i) {
    zh += std::to_string(i * 7 % kValues) + "，";
    en += std::to_string(i * 11 % kValues) + ", ";
  }
  const Document source = make_doc(zh + "。\n", Lang::zh, "source.txt");
  const Document target = make_doc(en + "end.\n", Lang::en, "target.txt");
  const std::vector<std::string> findings = run_pair_rule("alignment/number-mismatch", source, target);
  EXPECT_TRUE(findings.empty()) << findings.size() << " findings, the first: " << findings.front();
}

TEST(HostileInput, NumberWrittenOnceMoreInALongRepeat) {
  // One 7 of two became a 5 among 200,000 fives: the changed mention is the
  // last five, where the source's second 7 stands. Each candidate's cost was
  // once summed over the whole repeat (60,000 fives: 10 s).
  constexpr std::size_t kFives = 200000;
  const Document source = make_doc(repeat("5，", kFives) + "7，7。\n", Lang::zh, "source.txt");
  const Document target = make_doc(repeat("5, ", kFives + 1) + "7.\n", Lang::en, "target.txt");
  const std::vector<std::string> findings = run_pair_rule("alignment/number-mismatch", source, target);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0], "target.txt:1:" + std::to_string(3 * kFives + 1) +
                             ": error: number 7 in the source became 5 in the translation (5 is written once more "
                             "and 7 once less than in the source) [alignment/number-mismatch]");
}

TEST(HostileInput, NestedParenthesesKeepTheirPairs) {
  EXPECT_EQ(run_rule(kAsciiPunctuation, make_doc("药(A(B)中)与(C(D))。\n", Lang::zh)),
            (std::vector<std::string>{
                "doc.txt:1:2: warning: ASCII \"(\" in Chinese text; use \"（\" [script/ascii-punctuation-in-chinese]",
                "doc.txt:1:8: warning: ASCII \")\" in Chinese text; use \"）\" [script/ascii-punctuation-in-chinese]"}));
}

TEST(HostileInput, ThousandsOfStackedCombiningMarks) {
  // ICU reorders marks by insertion: 60 000 marks out of canonical order took minutes.
  const Document doc = make_doc("x" + repeat("\u0301\u0323", 60000) + " y\n", Lang::en);
  const std::vector<Finding> findings = findings_of("encoding/not-nfc", doc);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].span.begin, 0u);
  EXPECT_EQ(findings[0].span.end, doc.text.size() - 3);
  ASSERT_TRUE(findings[0].fix.has_value());
  EXPECT_EQ(fix_replacement(findings[0]), "x" + repeat("\u0323", 60000) + repeat("\u0301", 60000));
}

TEST(HostileInput, LongCombiningRunInCanonicalOrderIsNfc) {
  const Document doc = make_doc("x" + repeat("\u0323", 300) + repeat("\u0301", 300) + " y\n", Lang::en);
  EXPECT_TRUE(run_rule("encoding/not-nfc", doc).empty());
}

TEST(HostileInput, LongCombiningRunComposesLikeAShortOne) {
  // "a" + dot below composes to U+1EA1; the acute (class 230) is not blocked
  // by the remaining dots below (class 220) but has no precomposed form with it.
  const std::string marks = repeat("\u0301\u0323", 200);
  const Document doc = make_doc("a" + marks + "\n", Lang::en);
  const std::vector<Finding> findings = findings_of("encoding/not-nfc", doc);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(fix_replacement(findings[0]), "\u1EA1" + repeat("\u0323", 199) + repeat("\u0301", 200));
}

}  // namespace
}  // namespace tc::test
