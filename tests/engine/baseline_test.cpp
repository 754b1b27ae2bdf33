#include <gtest/gtest.h>

#include <sstream>

#include "core/error.h"
#include "engine/baseline.h"
#include "engine/check.h"
#include "rules/registry.h"
#include "support/test_support.h"

namespace tc {
namespace {

std::vector<Finding> repeated_words(const Document& doc, const Baseline* baseline = nullptr,
                                    std::vector<Finding>* baselined = nullptr) {
  CheckOptions options;
  options.selection.select = {"typography/repeated-word"};
  options.baseline = baseline;
  const RuleList rules = all_rules();
  JobResult result = RuleRunner(rules, options).check_document(doc);
  if (baselined) *baselined = result.baselined;
  return result.findings;
}

TEST(Baseline, WrittenFindingsAreBaselinedAfterLinesAreInsertedAbove) {
  const Document before = test::make_doc("We saw the the patient.\n", Lang::en, "a.txt");
  BaselineWriter writer;
  writer.add(repeated_words(before));
  ASSERT_EQ(writer.size(), 1u);
  std::ostringstream file;
  writer.write(file);
  const Baseline baseline = parse_baseline(file.str(), "baseline.json");

  const Document after = test::make_doc("A new line.\n\nAnother.\n\nWe saw the the patient.\nWe met the the nurse.\n", Lang::en, "a.txt");
  std::vector<Finding> baselined;
  const auto fresh = repeated_words(after, &baseline, &baselined);
  ASSERT_EQ(fresh.size(), 1u);
  EXPECT_EQ(fresh[0].span.begin, after.text.find("the the nurse"));
  ASSERT_EQ(baselined.size(), 1u);
  EXPECT_EQ(count_fixed(baseline, {baselined[0].fingerprint}), 0u);
  EXPECT_EQ(count_fixed(baseline, {}), 1u);
}

TEST(Baseline, TheFileNamesEachFindingForPeople) {
  const Document doc = test::make_doc("We saw the the patient.\n", Lang::en, "a.txt");
  BaselineWriter writer;
  writer.add(repeated_words(doc));
  std::ostringstream file;
  writer.write(file);
  EXPECT_NE(file.str().find("\"rule\": \"typography/repeated-word\""), std::string::npos) << file.str();
  EXPECT_NE(file.str().find("\"path\": \"a.txt\""), std::string::npos) << file.str();
}

TEST(Baseline, AFileThatIsNotABaselineIsAnInputError) {
  EXPECT_THROW(parse_baseline("not json", "b.json"), InputError);
  EXPECT_THROW(parse_baseline("{\"findings\": [{\"rule\": \"x\"}]}", "b.json"), InputError);
  EXPECT_EQ(parse_baseline("{\"version\": 1, \"findings\": []}", "b.json").fingerprints.size(), 0u);
}

}  // namespace
}  // namespace tc
