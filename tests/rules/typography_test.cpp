// Unit tests for the typography/ rules: the fixes they offer, glossary words,
// missing dictionaries, and the shipped boilerplate list. Positions and
// messages are covered by the fixtures under tests/rules/typography/.
#include <gtest/gtest.h>

#include <cstdlib>

#include "engine/check.h"
#include "glossary/glossary.h"
#include "rules/registry.h"
#include "rules/typography/english_words.h"
#include "rules/typography/run_together.h"
#include "rules/typography/text.h"
#include "text/han.h"
#include "support/test_support.h"

namespace tc::test {
namespace {

// One rule list for the whole suite: Hunspell loads once.
const RuleList& shared_rules() {
  static const RuleList rules = all_rules();
  return rules;
}

std::vector<Finding> run(const std::string& rule, const Document& doc, const Settings& settings = {},
                         const Glossary* glossary = nullptr) {
  CheckOptions options;
  options.selection.select = {rule};
  options.settings = settings;
  options.glossary = glossary;
  return check_document(doc, shared_rules(), options);
}

// "text[span] -> fix" for each finding, to compare in one go.
std::vector<std::string> fixes(const std::vector<Finding>& findings) {
  std::vector<std::string> out;
  for (const Finding& f : findings)
    out.push_back(f.document->text.substr(f.span.begin, f.span.size()) + " -> " + fix_replacement(f).value_or("(none)"));
  return out;
}

TEST(TypographyFixes, RunTogetherOffersTheSplit) {
  const Document doc = make_doc("such as the commonmyelosuppression; immune cellsto live; cells toThere is room.\n", Lang::en);
  EXPECT_EQ(fixes(run("typography/run-together", doc)),
            (std::vector<std::string>{"commonmyelosuppression -> common myelosuppression", "cellsto -> cells to",
                                      "toThere -> to There"}));
}

TEST(TypographyFixes, MissingSpaceInsertsEverySpaceOfAGluedStretch) {
  const Document doc = make_doc("as high as44.2% and about1/3patients; it increases.can be\n", Lang::en);
  EXPECT_EQ(fixes(run("typography/missing-space", doc)),
            (std::vector<std::string>{"as44.2% -> as 44.2%", "about1/3patients -> about 1/3 patients",
                                      "increases.can -> increases. can"}));
}

TEST(TypographyFixes, PunctuationRulesOfferTheCleanForm) {
  EXPECT_EQ(fixes(run("typography/space-before-punctuation", make_doc("cells , but\n", Lang::en))),
            std::vector<std::string>{" , -> ,"});
  EXPECT_EQ(fixes(run("typography/doubled-quote", make_doc("the tag \"\"done\" stays\n", Lang::en))),
            std::vector<std::string>{"\"\" -> \""});
  EXPECT_EQ(fixes(run("typography/repeated-word", make_doc("weakens the the system\n", Lang::en))),
            std::vector<std::string>{"the the -> the"});
  EXPECT_EQ(fixes(run("typography/repeated-punctuation", make_doc("it arose......\n", Lang::en))),
            std::vector<std::string>{"...... -> ..."});
  Settings unicode_ellipsis;
  unicode_ellipsis.set("typography/repeated-punctuation.ellipsis", "\u2026");
  EXPECT_EQ(fixes(run("typography/repeated-punctuation", make_doc("it arose......\n", Lang::en), unicode_ellipsis)),
            std::vector<std::string>{"...... -> \u2026"});
}

TEST(TypographyFixes, MixedQuotesFixTowardsTheMajorityStyle) {
  const Document doc = make_doc("Patients\u2019 Care\n\nPatients' Care\n\nHere\u2019s how.\n", Lang::en);
  EXPECT_EQ(fixes(run("typography/mixed-quotes", doc)), std::vector<std::string>{"' -> \u2019"});
  const Document straight = make_doc("It's \"fine\" and \u201Cthis\u201D, don't \"worry\".\n", Lang::en);
  EXPECT_EQ(fixes(run("typography/mixed-quotes", straight)),
            (std::vector<std::string>{"\u201C -> \"", "\u201D -> \""}));
}

TEST(TypographyFixes, ChineseRulesFix) {
  EXPECT_EQ(fixes(run("typography/doubled-character", make_doc("患者患者需要我的的书\n", Lang::zh))),
            (std::vector<std::string>{"患者患者 -> 患者", "的的 -> 的"}));
  Settings space;
  space.set("typography/cjk-spacing.style", "space");
  EXPECT_EQ(fixes(run("typography/cjk-spacing", make_doc("用Go写\n", Lang::zh), space)),
            (std::vector<std::string>{"用G -> 用 G", "o写 -> o 写"}));
  EXPECT_EQ(fixes(run("typography/mixed-digit-width", make_doc("2026年5月，第３章\n", Lang::zh))),
            std::vector<std::string>{"３ -> 3"});
  EXPECT_EQ(fixes(run("typography/mixed-digit-width", make_doc("２０２６年５月，第3章\n", Lang::zh))),
            std::vector<std::string>{"3 -> ３"});
}

TEST(TypographyWords, GlossaryTermsCountAsWords) {
  const Document doc = make_doc("The standardtislelizumab dose; tislelizumab alone is fine.\n", Lang::en);
  EXPECT_TRUE(run("typography/run-together", doc).empty());  // Hunspell alone does not know the drug
  Glossary glossary;
  GlossaryEntry entry;
  entry.zh = {"替雷利珠单抗"};
  entry.en = "tislelizumab";
  glossary.entries.push_back(entry);
  EXPECT_EQ(fixes(run("typography/run-together", doc, {}, &glossary)),
            std::vector<std::string>{"standardtislelizumab -> standard tislelizumab"});
}

TEST(TypographyWords, MissingDictionariesMeanNoFindings) {
  const char* previous = std::getenv("TRANSCHECK_HUNSPELL_DIR");
  const std::string saved = previous ? previous : "";
  ::setenv("TRANSCHECK_HUNSPELL_DIR", "/nonexistent/transcheck-dictionaries", 1);
  auto lexicon = std::make_shared<const typography::EnglishLexicon>();
  testing::internal::CaptureStderr();
  EXPECT_FALSE(lexicon->available());
  EXPECT_FALSE(lexicon->available());  // said once
  const std::string said = testing::internal::GetCapturedStderr();
  if (previous) ::setenv("TRANSCHECK_HUNSPELL_DIR", saved.c_str(), 1);
  else ::unsetenv("TRANSCHECK_HUNSPELL_DIR");
  EXPECT_NE(said.find("not found"), std::string::npos);
  EXPECT_EQ(said.find("not found"), said.rfind("not found"));

  const RunTogetherWords rule(lexicon);
  const Document doc = make_doc("the commonmyelosuppression\n", Lang::en);
  const RuleOptions options;  // run-together reads no options
  const CheckContext context{doc, nullptr, nullptr, nullptr, nullptr, options};
  std::vector<Finding> out;
  FindingSink sink(out, doc);
  rule.check(context, sink);
  EXPECT_TRUE(out.empty());
}

TEST(TypographyBoilerplate, ShippedListCoversTheIssuePhrases) {
  for (const char* phrase : {"Click the blue text to follow us", "点击蓝字关注我们", "Leave a Reply", "Related Post",
                             "Your email address will not be published", "点击查看往期精彩内容",
                             "Click to view past exciting content"}) {
    const Document doc = make_doc(std::string("Body text.\n") + phrase + "\n", Lang::en);
    EXPECT_EQ(run("typography/boilerplate", doc).size(), 1u) << phrase;
  }
}

TEST(TypographyText, SplitBarsTrimsAndDropsEmptyItems) {
  EXPECT_EQ(typography::split_bars(" a b | c||d "), (std::vector<std::string>{"a b", "c", "d"}));
  EXPECT_TRUE(typography::split_bars("").empty());
}

TEST(TypographyText, HanRangesAndLetters) {
  EXPECT_TRUE(is_han(U'烫'));
  EXPECT_TRUE(is_han(U'\U00020000'));
  EXPECT_FALSE(is_han(U'。'));
  EXPECT_TRUE(typography::is_unicode_letter(U'é'));
  EXPECT_FALSE(typography::is_unicode_letter(U'µ' + 1));  // U+00B6 pilcrow
}

}  // namespace
}  // namespace tc::test
