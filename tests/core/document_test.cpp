#include <gtest/gtest.h>

#include "core/document.h"
#include "core/language.h"
#include "core/utf8.h"
#include "support/test_support.h"

namespace tc {
namespace {

TEST(LineIndex, CountsLfCrlfAndLoneCrAsLineBreaks) {
  const std::string text = "a\nbb\r\nccc\rd";
  const LineIndex index(text);
  ASSERT_EQ(index.line_count(), 4u);
  EXPECT_EQ(index.position(0, text).line, 1u);
  EXPECT_EQ(index.position(2, text).line, 2u);
  EXPECT_EQ(index.position(3, text).column, 2u);
  EXPECT_EQ(index.position(6, text).line, 3u);  // after \r\n
  EXPECT_EQ(index.position(10, text).line, 4u);  // after lone \r
  EXPECT_EQ(index.line_span(1, text), (Span{2, 4}));
}

TEST(LineIndex, ColumnsCountCodePointsNotBytes) {
  const std::string text = "中文abc é\n";
  const LineIndex index(text);
  // 中 and 文 are three bytes each.
  EXPECT_EQ(index.position(6, text).column, 3u);
  EXPECT_EQ(index.position(10, text).column, 7u);  // é is two bytes, one code point
}

TEST(Utf8, DecodesAndReportsIllFormedSequences) {
  const std::string text = "a\xC3\xA9\xE4\xB8z";
  std::size_t pos = 0;
  EXPECT_EQ(utf8::next(text, pos), U'a');
  EXPECT_EQ(utf8::next(text, pos), U'é');
  EXPECT_EQ(utf8::next(text, pos), utf8::kInvalid);
  EXPECT_EQ(pos, 5u);  // the truncated two-byte prefix is one maximal subpart
  EXPECT_EQ(utf8::next(text, pos), U'z');
  EXPECT_EQ(utf8::count(text), 4u);
  EXPECT_EQ(utf8::first_invalid(text), 3u);
  EXPECT_TRUE(utf8::is_valid("Zhōngguó 中国"));
}

TEST(Language, DominantScriptDecidesTheLanguage) {
  EXPECT_EQ(dominant_language("化疗真的能治癌吗？"), Lang::zh);
  EXPECT_EQ(dominant_language("Can chemotherapy really cure cancer?"), Lang::en);
  EXPECT_EQ(dominant_language("It targets识别ing cells in the bone marrow."), Lang::en);
  EXPECT_EQ(dominant_language("12 34"), Lang::unknown);
}

TEST(Language, ParsesTagsWithScripts) {
  EXPECT_EQ(parse_language("zh-Hant")->chinese_script, ChineseScript::traditional);
  EXPECT_EQ(parse_language("zh-Hans")->chinese_script, ChineseScript::simplified);
  EXPECT_EQ(parse_language("EN")->lang, Lang::en);
  EXPECT_FALSE(parse_language("fr").has_value());
}

TEST(Document, PlainTextParagraphsAreSeparatedByBlankLines) {
  const Document doc = test::make_doc("First line\nstill first.\n\n  \nSecond.\n", Lang::en);
  ASSERT_EQ(doc.blocks.size(), 2u);
  EXPECT_EQ(doc.text.substr(doc.blocks[0].content().begin, doc.blocks[0].content().size()), "First line\nstill first.");
  EXPECT_EQ(doc.text.substr(doc.blocks[1].content().begin, doc.blocks[1].content().size()), "Second.");
}

TEST(Document, UrlsAndEmailsAreMaskedInPlainText) {
  const Document doc = test::make_doc("See https://example.org/a.b?x=1. Mail me@example.com now.\n", Lang::en);
  const std::string_view prose = doc.prose();
  ASSERT_EQ(prose.size(), doc.text.size());
  const std::size_t url = doc.text.find("https");
  EXPECT_TRUE(doc.is_masked(url));
  EXPECT_TRUE(doc.is_masked(doc.text.find("x=1")));
  EXPECT_FALSE(doc.is_masked(doc.text.find(". Mail")));  // the sentence's full stop is prose
  EXPECT_TRUE(doc.is_masked(doc.text.find("me@")));
  EXPECT_FALSE(doc.is_masked(doc.text.find("now")));
}

TEST(Document, PlainTextWithoutUrlsNeedsNoMask) {
  const Document doc = test::make_doc("Nothing to hide here.\n", Lang::en);
  EXPECT_TRUE(doc.masked.empty());
  EXPECT_EQ(doc.prose(), doc.text);
}

}  // namespace
}  // namespace tc

namespace tc {
namespace {

TEST(Language, LongTextsAreJudgedOnSpreadSamples) {
  std::string text;
  for (int i = 0; i < 4000; ++i) text += "An English preface line about the study. ";  // ~170 KB of English
  for (int i = 0; i < 30000; ++i) text += "化疗确实可以治疗癌症，但作用方式不同。";    // ~1.7 MB of Chinese
  EXPECT_EQ(dominant_language(text), Lang::zh);
  std::string english;
  for (int i = 0; i < 20000; ++i) english += "Exercise helps patients, even during chemotherapy. ";
  english += "图片";
  EXPECT_EQ(dominant_language(english), Lang::en);
}

}  // namespace
}  // namespace tc
