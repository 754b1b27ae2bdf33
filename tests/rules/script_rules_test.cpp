// Unit tests for the script/ rules: their fixes (not visible in fixture
// headlines) and the code-point tables they share.
#include <gtest/gtest.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include "core/utf8.h"
#include "rules/script/chinese_variants.h"
#include "rules/script/script_chars.h"
#include "text/han.h"
#include "support/test_support.h"

namespace tc::test {
namespace {

std::vector<std::optional<std::string>> fixes(const std::string& rule, const Document& doc, const Settings& settings = {}) {
  std::vector<std::optional<std::string>> out;
  for (const Finding& f : findings_of(rule, doc, settings)) out.push_back(fix_replacement(f));
  return out;
}

using Fixes = std::vector<std::optional<std::string>>;

TEST(ScriptFullwidthInEnglish, FixesAreTheEnglishForms) {
  const Document doc = make_doc("NK cells，which kill ＣＤ８ cells。See 「this」 and 《Cancer》.\n", Lang::en);
  EXPECT_EQ(fixes("script/fullwidth-in-english", doc),
            (Fixes{", ", "CD8", ". ", "\u201C", "\u201D", std::nullopt, std::nullopt}));
}

TEST(ScriptFullwidthInEnglish, AsciiVariantsMapLikeNfkc) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(status);
  ASSERT_TRUE(U_SUCCESS(status));
  for (char32_t cp = 0xFF01; cp <= 0xFF5E; ++cp) {
    std::string expected;
    nfkc->normalize(icu::UnicodeString(static_cast<UChar32>(cp)), status).toUTF8String(expected);
    const auto form = script::english_form(cp);
    ASSERT_TRUE(form.has_value()) << utf8::code_point_name(cp);
    EXPECT_EQ(std::string(*form), expected) << utf8::code_point_name(cp);
  }
  EXPECT_EQ(script::english_form(0x3000), std::optional<std::string_view>(" "));
}

TEST(ScriptChars, HanRangesHoldOnlyHanCharacters) {
  std::size_t han = 0;
  for (char32_t cp = 0; cp <= 0x2FFFF; ++cp) {
    if (!is_han_or_ideographic_mark(cp) || u_charType(static_cast<UChar32>(cp)) == U_UNASSIGNED) continue;
    if (cp >= 0x3005 && cp <= 0x3007) continue;  // 々〆〇: Common script, counted with Han on purpose
    UErrorCode status = U_ZERO_ERROR;
    ASSERT_EQ(uscript_getScript(static_cast<UChar32>(cp), &status), USCRIPT_HAN) << utf8::code_point_name(cp);
    ++han;
  }
  EXPECT_GT(han, 80000u);
  EXPECT_TRUE(is_han_or_ideographic_mark(U'烫'));
  EXPECT_FALSE(is_han_or_ideographic_mark(U'ō'));
}

TEST(ScriptChars, KanaAndHangulRangesMatchTheirScripts) {
  for (char32_t cp = 0x1000; cp <= 0xFFFF; ++cp) {
    if (u_charType(static_cast<UChar32>(cp)) == U_UNASSIGNED || !u_isalpha(static_cast<UChar32>(cp))) continue;
    UErrorCode status = U_ZERO_ERROR;
    const UScriptCode code = uscript_getScript(static_cast<UChar32>(cp), &status);
    if (script::is_hangul(cp)) EXPECT_EQ(code, USCRIPT_HANGUL) << utf8::code_point_name(cp);
    if (code == USCRIPT_HIRAGANA || code == USCRIPT_KATAKANA) EXPECT_TRUE(script::is_kana(cp)) << utf8::code_point_name(cp);
  }
}

TEST(ScriptChars, FastDecoderAgreesWithUtf8Next) {
  // Pseudo-random bytes biased towards three-byte sequences, ill-formed ones included.
  std::string bytes;
  std::uint32_t state = 12345;
  for (int i = 0; i < 200000; ++i) {
    state = state * 1664525u + 1013904223u;
    const unsigned pick = state >> 24;
    bytes += static_cast<char>(pick < 64 ? 'a' + pick % 26 : pick < 128 ? 0xE0 + pick % 16 : 0x80 + pick % 64);
  }
  bytes += "\xE4\xB8";  // truncated at the end
  std::size_t fast = 0;
  std::size_t reference = 0;
  while (reference < bytes.size()) {
    const char32_t expected = utf8::next(bytes, reference);
    ASSERT_EQ(script::next_code_point(bytes, fast), expected) << "at byte " << fast;
    ASSERT_EQ(fast, reference);
  }
}

TEST(ScriptChars, SkipBelowFindsTheFirstHighByte) {
  const std::string text = std::string(37, 'a') + "\xC3\xA9" + std::string(20, 'b') + "\xE4\xB8\xAD";
  EXPECT_EQ(script::skip_below(text, 0, 0x80), 37u);
  EXPECT_EQ(script::skip_below(text, 0, 0xE1), 59u);
  EXPECT_EQ(script::skip_below(text, 60, 0xE1), text.size());
}

TEST(ScriptAsciiPunctuationInChinese, FixesAreFullWidthMarks) {
  const Document doc = make_doc("肿瘤细胞,免疫细胞(NK细胞)会死亡.\n", Lang::zh);
  EXPECT_EQ(fixes("script/ascii-punctuation-in-chinese", doc), (Fixes{"\uFF0C", "\uFF08", "\uFF09", "\u3002"}));
}

// Parentheses around Latin text only keep their ASCII form; whether Chinese
// is inside is read directly for a short content and from the line's Han
// characters for a long one: both must agree, wherever the Han character is.
TEST(ScriptAsciiPunctuationInChinese, ShortAndLongContentsAreJudgedAlike) {
  const std::string rule = "script/ascii-punctuation-in-chinese";
  for (const std::size_t latin : {std::size_t{3}, std::size_t{61}, std::size_t{62}, std::size_t{63}, std::size_t{64}, std::size_t{200}}) {
    const std::string word(latin, 'x');
    // (x...x) then (x...x中): only the second encloses Chinese.
    const std::string text = "化疗(" + word + ")和(" + word + "中)很好。\n";
    const Document doc = make_doc(text, Lang::zh);
    std::vector<std::size_t> at;
    for (const Finding& f : findings_of(rule, doc)) at.push_back(f.span.begin);
    const std::size_t second_open = text.find('(', text.find(')'));
    const std::size_t second_close = text.find(')', second_open);
    EXPECT_EQ(at, (std::vector<std::size_t>{second_open, second_close})) << latin;
    // Han at the start of a long content, and on the next line only.
    const std::string first = "化疗(中" + word + ")。\n化疗(" + word + ")中。\n";
    std::vector<std::size_t> first_at;
    for (const Finding& f : findings_of(rule, make_doc(first, Lang::zh))) first_at.push_back(f.span.begin);
    EXPECT_EQ(first_at, (std::vector<std::size_t>{first.find('('), first.find(')')})) << latin;
  }
}

TEST(ScriptConfusable, FixReplacesLookAlikesOnly) {
  const Document doc = make_doc("The сhemotherapy, chemοtherapy and ЖKlotho.\n", Lang::en);
  EXPECT_EQ(fixes("script/confusable", doc), (Fixes{"chemotherapy", "chemotherapy", std::nullopt}));
}

TEST(ScriptConfusable, CapitalLookAlikeKeepsItsCase) {
  const Document doc = make_doc("Аspirin and ТNF.\n", Lang::en);
  EXPECT_EQ(fixes("script/confusable", doc), (Fixes{"Aspirin", "TNF"}));
}

TEST(ScriptTraditionalInSimplified, FixIsTheSimplifiedForm) {
  Document doc = make_doc("运动能增强免疫系統，後來也证实了。\n", Lang::zh);
  doc.chinese_script = ChineseScript::simplified;
  EXPECT_EQ(fixes("script/traditional-in-simplified", doc), (Fixes{"统", "后来"}));
}

TEST(ScriptSimplifiedInTraditional, AmbiguousCharactersGetNoFix) {
  Document doc = make_doc("運動能增強免疫系统，頭发很重要。\n", Lang::zh);
  doc.chinese_script = ChineseScript::traditional;
  EXPECT_EQ(fixes("script/simplified-in-traditional", doc), (Fixes{"統", std::nullopt}));
}

TEST(ScriptChineseVariants, CharactersValidInBothScriptsAreNotForeign) {
  script::ChineseVariants to_simplified(script::ChineseTarget::simplified);
  EXPECT_TRUE(to_simplified.is_foreign(U'體'));
  EXPECT_TRUE(to_simplified.is_foreign(U'後'));
  EXPECT_FALSE(to_simplified.is_foreign(U'著'));
  EXPECT_FALSE(to_simplified.is_foreign(U'体'));
  EXPECT_FALSE(to_simplified.is_foreign(U'烫'));
  script::ChineseVariants to_traditional(script::ChineseTarget::traditional);
  EXPECT_TRUE(to_traditional.is_foreign(U'体'));
  EXPECT_FALSE(to_traditional.is_foreign(U'后'));
  EXPECT_FALSE(to_traditional.is_foreign(U'體'));
}

TEST(ScriptHanInEnglish, RulesReadProseOnly) {
  const Document doc = make_doc("Text `图片` and <https://example.com/图片> here.\n", Lang::en, "doc.md");
  EXPECT_TRUE(findings_of("script/han-in-english", doc).empty());
}

}  // namespace
}  // namespace tc::test
