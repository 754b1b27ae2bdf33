// Rules on hostile input: scans that once went quadratic (or worse) on one
// long line. Each input took from seconds to minutes; the findings must stay
// the ones the slow scan produced.
#include <gtest/gtest.h>

#include <chrono>
#include <string>

#include "support/test_support.h"

namespace tc::test {
namespace {

// Generous for a sanitizer build; the quadratic versions took far longer.
constexpr auto kBudget = std::chrono::seconds(10);

constexpr const char* kAsciiPunctuation = "script/ascii-punctuation-in-chinese";

TEST(HostileInput, ManyParenthesizedGlossesOnOneLine) {
  const Document doc = make_doc(repeat("5 mg(毫克)", 100000) + "\n", Lang::zh);
  std::vector<Finding> findings;
  EXPECT_LT(elapsed([&] { findings = findings_of(kAsciiPunctuation, doc); }), kBudget);
  ASSERT_EQ(findings.size(), 200000u);
  EXPECT_EQ(findings[0].span.begin, 4u);   // "("
  EXPECT_EQ(findings[1].span.begin, 11u);  // ")"
  EXPECT_EQ(findings.back().span.begin, doc.text.size() - 2);
}

TEST(HostileInput, ManyUnclosedParenthesesOnOneLine) {
  const Document doc = make_doc(repeat("中(", 200000) + "\n", Lang::zh);
  std::vector<Finding> findings;
  EXPECT_LT(elapsed([&] { findings = findings_of(kAsciiPunctuation, doc); }), kBudget);
  EXPECT_EQ(findings.size(), 199999u);  // each "(" between Han; not the last, before the line end
}

TEST(HostileInput, DeeplyNestedParenthesesAroundHan) {
  const std::string text = "中" + repeat("(", 100000) + "文" + repeat(")", 100000) + "\n";
  const Document doc = make_doc(text, Lang::zh);
  std::vector<Finding> findings;
  EXPECT_LT(elapsed([&] { findings = findings_of(kAsciiPunctuation, doc); }), kBudget);
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
  std::vector<std::string> findings;
  EXPECT_LT(elapsed([&] { findings = run_pair_rule("alignment/number-mismatch", source, target); }), kBudget);
  EXPECT_TRUE(findings.empty()) << findings.size() << " findings, the first: " << findings.front();
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
  std::vector<Finding> findings;
  EXPECT_LT(elapsed([&] { findings = findings_of("encoding/not-nfc", doc); }), kBudget);
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
