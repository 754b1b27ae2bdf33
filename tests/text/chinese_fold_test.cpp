#include "text/chinese_fold.h"

#include <gtest/gtest.h>
#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <memory>
#include <string>

namespace tc {
namespace {

std::u32string folded(const std::u32string& text, const TraditionalToSimplified* to_simplified) {
  ChineseFolder folder(to_simplified);
  std::u32string out;
  for (char32_t cp : text) folder.fold(cp, out);
  return out;
}

TEST(HantHans, TheBuildsTableSaysWhatICUSays) {
  // The table is generated from ICU at build time; ICU at run time must agree with it.
  UErrorCode status = U_ZERO_ERROR;
  const std::unique_ptr<icu::Transliterator> icu_hant_hans(
      icu::Transliterator::createInstance("Hant-Hans", UTRANS_FORWARD, status));
  ASSERT_TRUE(U_SUCCESS(status) && icu_hant_hans);
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
