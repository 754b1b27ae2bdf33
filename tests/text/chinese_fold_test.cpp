#include "text/chinese_fold.h"

#include <gtest/gtest.h>
#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <memory>
#include <string>
#include <vector>

namespace tc {
namespace {

std::u32string folded(const std::u32string& text, const TraditionalToSimplified* to_simplified) {
  ChineseFolder folder(to_simplified);
  std::u32string out;
  for (char32_t cp : text) folder.fold(cp, out);
  return out;
}

// ICU's own Hant-Hans transliterator, null when ICU lacks it.
std::unique_ptr<icu::Transliterator> icu_hant_hans_transliterator() {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::Transliterator> made(icu::Transliterator::createInstance("Hant-Hans", UTRANS_FORWARD, status));
  return U_SUCCESS(status) ? std::move(made) : nullptr;
}

TEST(HantHans, TheBuildsTableSaysWhatICUSays) {
  // The table is generated from ICU at build time; ICU at run time must agree with it.
  const std::unique_ptr<icu::Transliterator> icu_hant_hans = icu_hant_hans_transliterator();
  ASSERT_TRUE(icu_hant_hans);
  std::size_t changed = 0;
  for (char32_t cp = 0x3000; cp <= 0xFFFF; ++cp) {
    if (cp >= 0xD800 && cp <= 0xDFFF) continue;
    icu::UnicodeString text(static_cast<UChar32>(cp));
    icu_hant_hans->transliterate(text);
    const char32_t expected = text.countChar32() == 1 ? static_cast<char32_t>(text.char32At(0)) : 0;
    ASSERT_EQ(hant_hans(cp), expected) << std::hex << static_cast<unsigned>(cp);
    if (expected != cp) ++changed;
  }
  EXPECT_GT(changed, 2000u);
  EXPECT_EQ(hant_hans(U'體'), U'体');
  EXPECT_EQ(hant_hans(U'体'), U'体');
  EXPECT_EQ(hant_hans(U'a'), U'a');
}

// The words of ICU's own Hant-Hans rules (計畫, 顯著, 沈默 ...), read from its rules.
std::vector<icu::UnicodeString> hant_hans_rule_words(const icu::Transliterator& hant_hans) {
  icu::UnicodeString rules;
  hant_hans.toRules(rules, true);
  std::vector<icu::UnicodeString> words;
  for (int32_t begin = 0; begin < rules.length();) {
    int32_t end = rules.indexOf(u'\n', begin);
    if (end < 0) end = rules.length();
    const int32_t arrow = rules.indexOf(u" > ", 3, begin);
    if (arrow >= begin && arrow < end) {
      icu::UnicodeString source = rules.tempSubStringBetween(begin, arrow).unescape();
      if (source.countChar32() > 1) words.push_back(source);
    }
    begin = end + 1;
  }
  return words;
}

TEST(HantHans, TextConvertedByTheTableIsWhatICUMakesOfIt) {
  // Hant-Hans has rules for words, not only characters: where the table
  // converts a text alone, the result must be ICU's, inside other text too.
  const std::unique_ptr<icu::Transliterator> icu_hant_hans = icu_hant_hans_transliterator();
  ASSERT_TRUE(icu_hant_hans);
  const std::vector<icu::UnicodeString> words = hant_hans_rule_words(*icu_hant_hans);
  ASSERT_GT(words.size(), 100u);
  std::size_t differing = 0;
  for (const icu::UnicodeString& word : words) {
    for (const icu::UnicodeString& text : {word, u"按" + word + u"進行。"}) {
      icu::UnicodeString expected = text;
      icu_hant_hans->transliterate(expected);
      icu::UnicodeString by_table = text;
      if (hant_hans_by_table(by_table) && by_table != expected && ++differing <= 10) {
        std::string shown, wanted, got;
        ADD_FAILURE() << text.toUTF8String(shown) << ": ICU " << expected.toUTF8String(wanted) << ", table "
                      << by_table.toUTF8String(got);
      }
    }
  }
  EXPECT_EQ(differing, 0u);
  icu::UnicodeString plan(u"計畫");
  EXPECT_FALSE(hant_hans_by_table(plan));  // 计划, which ICU gives, not 计画
  icu::UnicodeString chemotherapy(u"化療");
  ASSERT_TRUE(hant_hans_by_table(chemotherapy));  // no word starts here: the table alone
  EXPECT_TRUE(chemotherapy == icu::UnicodeString(u"化疗"));
}

TEST(ChineseFolder, FoldsTraditionalFullWidthAndCompatibilityForms) {
  const TraditionalToSimplified to_simplified;
  ASSERT_TRUE(to_simplified.available());
  EXPECT_EQ(folded(U"醫生ＡＢ　化療", &to_simplified), U"医生ab 化疗");
  EXPECT_EQ(folded(U"醫生", nullptr), U"醫生");
  // Compatibility ideographs and enclosed forms go through NFKC, then Hant-Hans: ㈱ -> (株), 﨑 stays a unified form.
  EXPECT_EQ(folded(U"㈱", &to_simplified), U"(株)");
  EXPECT_EQ(folded(U"「體」", &to_simplified), U"“体”");
}

}  // namespace
}  // namespace tc
