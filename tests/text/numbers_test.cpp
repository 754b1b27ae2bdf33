#include "text/numbers.h"

#include <gtest/gtest.h>

namespace tc {
namespace {

// Each mention as its display value, "?" marking weak ones.
std::vector<std::string> shown(std::string_view text, bool chinese) {
  const Span span{0, text.size()};
  std::vector<std::string> out;
  for (const auto& m : chinese ? find_chinese_numbers(text, span) : find_english_numbers(text, span))
    out.push_back(format_number(m) + (m.weak ? "?" : ""));
  return out;
}
std::vector<std::string> zh(std::string_view text) { return shown(text, true); }
std::vector<std::string> en(std::string_view text) { return shown(text, false); }

std::vector<double> values_of(std::string_view text, bool chinese) {
  const Span span{0, text.size()};
  std::vector<double> out;
  for (const auto& m : chinese ? find_chinese_numbers(text, span) : find_english_numbers(text, span)) out.push_back(m.value);
  return out;
}

using V = std::vector<std::string>;
using D = std::vector<double>;

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

TEST(ChineseNumbers, EstimatesAndTaelsAndIntensifiers) {
  EXPECT_EQ(zh("十七八个人"), (V{"17?"}));
  EXPECT_EQ(zh("一两天"), (V{"1?"}));
  EXPECT_EQ(zh("三两银子"), (V{"3"}));
  EXPECT_EQ(zh("十分高兴"), (V{"10?"}));
  EXPECT_EQ(zh("四十四"), (V{"44"}));
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
  EXPECT_EQ(en("Three-K glasses"), (V{"3"}));
}

TEST(Numbers, ALeadingDecimalPointAfterASpaceOrComparisonIsPartOfTheNumber) {
  // "P = .02", "P < .001": the style of medical journals.
  EXPECT_EQ(en("(P = .02) and P<.001, (.5 mg)"), (V{"0.02", "0.001", "0.5"}));
  EXPECT_EQ(zh("P = .02，P<.001"), (V{"0.02", "0.001"}));
  const std::string text = "hazard ratio 0.67; P = .02.";
  const auto found = find_english_numbers(text, {0, text.size()});
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[1].span().begin, text.find(".02"));
  EXPECT_EQ(found[1].span().end, text.find(".02") + 3);
  // Not after a word, a digit or another point: "end.5", "1.2.3", "...5".
  EXPECT_EQ(en("end.5 and ...5"), (V{"5", "5"}));
}

TEST(EnglishNumbers, FiscalYearsAndRoundTheClock) {
  // FY2027 and FY27 are years (2027财年); "24/7" is round the clock: weak.
  EXPECT_EQ(en("prices for FY2027 and FY27, open 24/7"), (V{"2027", "2027", "24?", "7?"}));
  // Not a fiscal year: a longer word, a code with more digits, letters after.
  EXPECT_EQ(en("XFY2027 FY123 FY2027a"), (V{}));
  // "24/7" inside a longer number is no such phrase.
  EXPECT_EQ(en("124/75"), (V{"124", "75"}));
  const std::string text = "Support is open 24/7.";
  const auto found = find_english_numbers(text, {0, text.size()});
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0].span().begin, text.find("24"));
  EXPECT_EQ(found[1].span().begin, text.find("/7") + 1);
}

TEST(EnglishNumbers, DottedDatesAreDayMonthYear) {
  EXPECT_EQ(en("on 14.10.2026 at 09:30"), (V{"14", "10", "2026", "9", "30"}));
  // Versions and addresses are no dates: "1.4.2", "3.10.12", "10.0.0.1".
  EXPECT_EQ(en("version 1.4.2"), (V{"1.4", "2"}));
  EXPECT_EQ(en("3.10.12"), (V{"3.1", "12"}));
  const std::string text = "The meeting is on 14.10.2026.";
  const auto found = find_english_numbers(text, {0, text.size()});
  ASSERT_EQ(found.size(), 3u);
  EXPECT_EQ(found[1].span().begin, text.find(".10") + 1);
  EXPECT_EQ(found[2].span().end, text.find("2026") + 4);
}

TEST(EnglishNumbers, MonthsAndOrdinals) {
  EXPECT_EQ(en("On March 5, 2020 and in Dec. may"), (V{"3?", "5", "2020", "12?"}));
  EXPECT_EQ(en("the fifteenth team on her twenty-first birthday"), (V{"15", "21"}));
  EXPECT_EQ(en("the first time"), (V{"1?"}));
  EXPECT_EQ(en("in a third species"), (V{"0.3333?"}));
}

TEST(Numbers, RangesYearsAndScales) {
  EXPECT_EQ(values_of("in 2019-2020 and 1968/69", false), (D{2019, 2020, 1968, 1969}));
  EXPECT_EQ(values_of("每 10 万名患者", true), (D{100000}));
  EXPECT_EQ(values_of("含 2.6 至 3.2 万个碱基", true), (D{26000, 32000}));
  EXPECT_EQ(values_of("26 to 32 thousand bases", false), (D{26000, 32000}));
  EXPECT_EQ(values_of("自 20 世纪 30 年代末以来", true), (D{1930}));
  EXPECT_EQ(values_of("in the mid-1960s, not COVID-19", false), (D{1960}));
  EXPECT_EQ(values_of("up to a million deaths", false), (D{1e6}));
}

TEST(Numbers, NamesReferencesAndGluedDigits) {
  EXPECT_EQ(values_of("a professional&#8217;s guidance for 12 weeks", false), (D{12}));
  EXPECT_EQ(values_of("专业&#8217;人员", true), (D{}));
  EXPECT_EQ(values_of("as high as42.4%, about1/3patients, CD8 and p53", false), (D{42.4, 1.0 / 3}));
  EXPECT_EQ(values_of("完成4个疗程，PD1和p53", true), (D{4}));
  // Full-width digits ending a name are passed over like ASCII ones (the
  // English scan used to stop at them and never return).
  EXPECT_EQ(values_of("PD-\uFF11 and CD\uFF18 in 3 trials", false), (D{3}));
  EXPECT_EQ(values_of("COVID-\uFF11\uFF19, then \uFF14\uFF12 cases", false), (D{42}));
}

// Counted number words (strong) are marked "!".
std::vector<std::string> counted(std::string_view text, bool chinese) {
  const Span span{0, text.size()};
  std::vector<std::string> out;
  for (const auto& m : chinese ? find_chinese_numbers(text, span) : find_english_numbers(text, span))
    out.push_back(format_number(m) + (m.weak ? "?" : "") + (m.counted ? "!" : ""));
  return out;
}

TEST(ChineseNumbers, TraditionalCharactersReadAsSimplified) {
  // 兩 雙 臘 and the measure and section words written in Traditional characters.
  EXPECT_EQ(zh("兩萬元"), zh("两万元"));
  EXPECT_EQ(zh("兩萬元"), (V{"20000"}));
  EXPECT_EQ(zh("三兩銀子，一兩天"), (V{"3", "1?"}));
  EXPECT_EQ(zh("臘月，雙位元組"), zh("腊月，双位元组"));
  EXPECT_EQ(counted("保護持續兩年，第三劑，兩個月，三種", true), (V{"2!", "3!", "2!", "3!"}));
  EXPECT_EQ(values_of("第二節 概述", true), (D{}));
  EXPECT_EQ(values_of("20 世紀 30 年代", true), (D{1930}));
  EXPECT_EQ(zh("百分之九十四點一"), zh("百分之九十四点一"));
  EXPECT_EQ(zh("百分之九十四點一"), (V{"94.1%"}));
}

TEST(NumberWords, CountsInBothLanguages) {
  EXPECT_EQ(counted("保护持续两年，第三剂，两倍，三次", true), (V{"2!", "3!", "2!", "3!"}));
  EXPECT_EQ(counted("接种一剂，一次", true), (V{"1?!", "1?!"}));
  EXPECT_EQ(counted("three years, the second dose, twice, a third dose", false), (V{"3!", "2!", "2!", "3!"}));
  EXPECT_EQ(counted("once you are vaccinated", false), (V{"1?"}));
  EXPECT_EQ(counted("最多一半女性，半年", true), (V{"0.5", "0.5?"}));
  EXPECT_EQ(counted("up to half of women", false), (V{"0.5"}));
}

TEST(NumberWords, IdiomsAreWeak) {
  EXPECT_EQ(counted("一些人一般一起统一在第一时间处理，一次性用品", true), (V{"1?", "1?", "1?", "1?", "1?", "1?"}));
  EXPECT_EQ(counted("one of them, at once, no one, first of all, the first time", false), (V{"1?", "1?", "1?", "1?", "1?!"}));
  EXPECT_EQ(counted("很多人一听到两个字", true), (V{"1?", "2?"}));
}

TEST(NumberWords, ListAndSectionNumberingIsLeftOut) {
  EXPECT_EQ(values_of("1. Why get vaccinated?\n2) Risks\n  3. Side effects", false), (D{}));
  EXPECT_EQ(values_of("第一部分 概述\n（一）接种前\n二、风险\n第二章", true), (D{}));
  EXPECT_EQ(values_of("take 1.5 mg. 2. is a list only at a line start", false), (D{1.5, 2}));
  EXPECT_EQ(values_of("在第一剂后（2）", true), (D{1, 2}));
}

TEST(NumberWords, ListNumbersGoApartWhenAsked) {
  std::vector<NumberMention> numbering;
  const std::string text = "(2) Collect 3 samples.";
  EXPECT_EQ(find_english_numbers(text, {0, text.size()}, &numbering).size(), 1u);
  ASSERT_EQ(numbering.size(), 1u);
  EXPECT_EQ(numbering[0].value, 2);
  EXPECT_EQ(numbering[0].span().begin, 1u);
}

TEST(Numbers, AMentionKeepsItsPlaceAndFlagsAndOneOver2MiBIsLeftOut) {
  // A mention packs its place and flags beside its value: each read back.
  const std::string text = "about 44.2 percent of 2 million, a third";
  const auto mentions = find_english_numbers(text, {0, text.size()});
  ASSERT_EQ(mentions.size(), 3u);
  EXPECT_EQ(mentions[0].span(), (Span{6, 18}));
  EXPECT_TRUE(mentions[0].percent);
  EXPECT_FALSE(mentions[0].spelled);
  EXPECT_EQ(mentions[1].span(), (Span{22, 31}));
  EXPECT_EQ(mentions[1].scale_power, 6);
  EXPECT_EQ(mentions[1].value, 2e6);
  EXPECT_EQ(mentions[2].span(), (Span{33, 40}));
  EXPECT_TRUE(mentions[2].fraction);
  EXPECT_TRUE(mentions[2].spelled);
  // A run of digits longer than a mention can be is no number anyone wrote:
  // left out, and the scan goes on after it.
  for (const std::size_t run : {NumberMention::kMaxSize, NumberMention::kMaxSize + 1}) {
    const std::string digits = "x " + std::string(run, '1') + " then 42";
    const auto found = find_english_numbers(digits, {0, digits.size()});
    ASSERT_FALSE(found.empty());
    EXPECT_EQ(found.back().span(), (Span{digits.size() - 2, digits.size()}));
    EXPECT_EQ(found.size(), run == NumberMention::kMaxSize ? 2u : 1u);
    if (run == NumberMention::kMaxSize) EXPECT_EQ(found.front().span(), (Span{2, 2 + run}));
  }
}

TEST(Numbers, YearRangesSlashDatesAndRenderings) {
  EXPECT_EQ(values_of("in 2010\xE2\x80\x93" "11 and 2018-19", false), (D{2010, 2011, 2018, 2019}));
  EXPECT_EQ(values_of("between 1000-20 mg", false), (D{2, 1000, 20}));  // a count, not a year; "between" is 两
  EXPECT_EQ(values_of("日期 2/29 无效", true), (D{2.0 / 29}));
  EXPECT_EQ(values_of("invalid date 2/29", false), (D{2.0 / 29}));
  EXPECT_EQ(values_of("e.g., 12/31/99 or 3/5/2021, not 1/2/3", false), (D{12, 31, 1999, 3, 5, 2021, 0.5, 3}));
  EXPECT_EQ(en("leading zeros, a single-byte code, both sides"), (V{"0?", "1?", "2?"}));
  EXPECT_EQ(zh("双字节"), (V{"2?"}));
  // Renderings are no numbers for the aligner, which reads them as words.
  const std::string both = "both 2 doses";
  const auto mentions = find_english_numbers(both, {0, both.size()});
  ASSERT_EQ(mentions.size(), 2u);
  EXPECT_TRUE(mentions[0].rendering);
  EXPECT_FALSE(mentions[1].rendering);
}

TEST(NameIndexes, DigitsEndingANameOnEitherSide) {
  const std::string english = "FILE1 -nt FILE2, g1,g2, COMMANDS-2, file 3, 10 mg";
  EXPECT_EQ(find_name_indexes(english, {0, english.size()}), (D{1, 2, 1, 2, 2}));
  const std::string chinese = "文件1 比 文件 2 新，等待3秒，共 4 个，第5章";
  EXPECT_EQ(find_name_indexes(chinese, {0, chinese.size()}), (D{1, 2}));
  const Span span{0, chinese.size()};
  std::vector<bool> after_word;
  for (const NumberMention& m : find_chinese_numbers(chinese, span)) after_word.push_back(name_index_after_word(chinese, span, m));
  EXPECT_EQ(after_word, (std::vector<bool>{true, true, false, false}));
}

TEST(SameNumber, ToleratesRoundedFractions) {
  EXPECT_TRUE(same_number(1.0 / 3, 0.333));
  EXPECT_FALSE(same_number(44.2, 42.2));
  EXPECT_TRUE(same_number(20000, 2e4));
}

}  // namespace
}  // namespace tc
