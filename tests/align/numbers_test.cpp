#include "align/numbers.h"

#include <gtest/gtest.h>

namespace tc {
namespace {

std::vector<std::string> values(const std::vector<NumberMention>& mentions) {
  std::vector<std::string> out;
  for (const auto& m : mentions) out.push_back(format_number(m) + (m.weak ? "?" : ""));
  return out;
}

std::vector<std::string> zh(std::string_view text) { return values(find_chinese_numbers(text, {0, text.size()})); }
std::vector<std::string> en(std::string_view text) { return values(find_english_numbers(text, {0, text.size()})); }
using V = std::vector<std::string>;

TEST(ChineseNumbers, NumeralsScalesPercentsFractions) {
  EXPECT_EQ(zh("百分之四十四点二"), (V{"44.2%"}));
  EXPECT_EQ(zh("2万人"), (V{"20000"}));
  EXPECT_EQ(zh("三万五千元"), (V{"35000"}));
  EXPECT_EQ(zh("一百零五"), (V{"105"}));
  EXPECT_EQ(zh("二〇一九年"), (V{"2019"}));
  EXPECT_EQ(zh("三分之一"), (V{"0.3333"}));
  EXPECT_EQ(zh("四个"), (V{"4"}));
  EXPECT_EQ(zh("１２３"), (V{"123"}));
  EXPECT_EQ(zh("3.5亿"), (V{"350000000"}));
  EXPECT_EQ(zh("一样"), (V{"1?"}));
  EXPECT_EQ(zh("PD-1抑制剂"), (V{}));
}

TEST(EnglishNumbers, DigitsWordsAndFractions) {
  EXPECT_EQ(en("44.2% of 20,000 people"), (V{"44.2%", "20000"}));
  EXPECT_EQ(en("twenty-five patients"), (V{"25"}));
  EXPECT_EQ(en("one in every two"), (V{"0.5"}));
  EXPECT_EQ(en("a third of them"), (V{"0.3333"}));
  EXPECT_EQ(en("ten days"), (V{"10"}));
  EXPECT_EQ(en("2 million"), (V{"2000000"}));
  EXPECT_EQ(en("COVID-19 and IL-6"), (V{}));
  EXPECT_EQ(en("one of them"), (V{"1?"}));
}

TEST(SameNumber, ToleratesRoundedFractions) {
  EXPECT_TRUE(same_number(1.0 / 3, 0.333));
  EXPECT_FALSE(same_number(44.2, 42.2));
  EXPECT_TRUE(same_number(20000, 2e4));
}

}  // namespace
}  // namespace tc

namespace tc {
namespace {

TEST(EnglishNumbers, MonthsAreWeakNumbers) {
  const std::string_view text = "On March 5, 2020 and in Dec. may";
  const auto mentions = find_english_numbers(text, {0, text.size()});
  std::vector<std::string> out;
  for (const auto& m : mentions) out.push_back(format_number(m) + (m.weak ? "?" : ""));
  EXPECT_EQ(out, (std::vector<std::string>{"3?", "5", "2020", "12?"}));
}

}  // namespace
}  // namespace tc

namespace tc {
namespace {

std::vector<std::string> shown(std::string_view text, bool chinese) {
  const auto mentions = chinese ? find_chinese_numbers(text, {0, text.size()}) : find_english_numbers(text, {0, text.size()});
  std::vector<std::string> out;
  for (const auto& m : mentions) out.push_back(format_number(m) + (m.weak ? "?" : ""));
  return out;
}

TEST(ChineseNumbers, EstimatesAndTaelsAndIntensifiers) {
  EXPECT_EQ(shown("十七八个人", true), (std::vector<std::string>{"17?"}));
  EXPECT_EQ(shown("一两天", true), (std::vector<std::string>{"1?"}));
  EXPECT_EQ(shown("三两银子", true), (std::vector<std::string>{"3"}));
  EXPECT_EQ(shown("十分高兴", true), (std::vector<std::string>{"10?"}));
  EXPECT_EQ(shown("四十四", true), (std::vector<std::string>{"44"}));
}

TEST(EnglishNumbers, Ordinals) {
  EXPECT_EQ(shown("the fifteenth team on her twenty-first birthday", false), (std::vector<std::string>{"15", "21"}));
  EXPECT_EQ(shown("the first time", false), (std::vector<std::string>{"1?"}));
}

}  // namespace
}  // namespace tc

namespace tc {
namespace {

TEST(EnglishNumbers, NumberWordBeforeAHyphen) {
  const std::string_view text = "Three-K glasses";
  const auto mentions = find_english_numbers(text, {0, text.size()});
  ASSERT_EQ(mentions.size(), 1u);
  EXPECT_EQ(mentions[0].value, 3);
}

}  // namespace
}  // namespace tc

namespace tc {
namespace {

std::vector<double> values_of(std::string_view text, bool chinese) {
  std::vector<double> out;
  for (const auto& m : chinese ? find_chinese_numbers(text, {0, text.size()}) : find_english_numbers(text, {0, text.size()}))
    out.push_back(m.value);
  return out;
}

TEST(Numbers, RangesYearsAndSpacedScales) {
  EXPECT_EQ(values_of("in 2019-2020 and 1968/69", false), (std::vector<double>{2019, 2020, 1968, 69}));
  EXPECT_EQ(values_of("每 10 万名患者", true), (std::vector<double>{100000}));
  EXPECT_EQ(values_of("2/3 of them", false).size(), 1u);
}

}  // namespace
}  // namespace tc

namespace tc {
namespace {

TEST(Numbers, SharedScalesDecadesAndArticleScales) {
  EXPECT_EQ(values_of("含 2.6 至 3.2 万个碱基", true), (std::vector<double>{26000, 32000}));
  EXPECT_EQ(values_of("自 20 世纪 30 年代末以来", true), (std::vector<double>{1930}));
  EXPECT_EQ(values_of("up to a million deaths", false), (std::vector<double>{1e6}));
  const std::string_view third = "in a third species";
  ASSERT_EQ(find_english_numbers(third, {0, third.size()}).size(), 1u);
  EXPECT_TRUE(find_english_numbers(third, {0, third.size()})[0].weak);
}

}  // namespace
}  // namespace tc

namespace tc {
namespace {

TEST(Numbers, EnglishRangesAndPrefixedYears) {
  EXPECT_EQ(values_of("26 to 32 thousand bases", false), (std::vector<double>{26000, 32000}));
  EXPECT_EQ(values_of("in the mid-1960s, not COVID-19", false), (std::vector<double>{1960}));
}

}  // namespace
}  // namespace tc

namespace tc {
namespace {

TEST(Numbers, CharacterReferencesAreNotNumbers) {
  EXPECT_EQ(values_of("a professional&#8217;s guidance for 12 weeks", false), (std::vector<double>{12}));
  EXPECT_EQ(values_of("专业&#8217;人员", true), (std::vector<double>{}));
}

}  // namespace
}  // namespace tc

namespace tc {
namespace {

TEST(Numbers, DigitsGluedToWordsAndNames) {
  EXPECT_EQ(values_of("as high as42.4%, about1/3patients, CD8 and p53", false), (std::vector<double>{42.4, 1.0 / 3}));
  EXPECT_EQ(values_of("完成4个疗程，PD1和p53", true), (std::vector<double>{4}));
}

}  // namespace
}  // namespace tc
