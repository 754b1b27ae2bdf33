// Unit tests for the encoding rules' internals and fixes; the fixtures under
// tests/rules/encoding/ cover what each rule reports and where.
#include <gtest/gtest.h>

#include <unicode/uchar.h>


#include "core/utf8.h"
#include "rules/encoding/code_point_scan.h"
#include "support/test_support.h"

namespace tc::test {
namespace {

std::vector<std::optional<std::string>> fixes_of(const std::string& rule, const std::string& text, Lang lang = Lang::en,
                                                 const std::string& path = "doc.txt") {
  const Document doc = make_doc(unescape(text), lang, path);
  std::vector<std::optional<std::string>> fixes;
  for (const Finding& f : findings_of(rule, doc)) fixes.push_back(fix_replacement(f));
  return fixes;
}

using Fixes = std::vector<std::optional<std::string>>;

TEST(EncodingFixes, ControlCharactersAreDeletedExceptSeparatorsAndC1) {
  EXPECT_EQ(fixes_of("encoding/control-character", R"(a\u{7}b \u{1B}[31mred c\u{C}d e\u{85}f)"),
            (Fixes{"", "", std::nullopt, std::nullopt}));
}

TEST(EncodingFixes, ZeroWidthCharactersAreDeleted) {
  EXPECT_EQ(fixes_of("encoding/zero-width", R"(chemo\u{200B}therapy and \u{2060}\u{FEFF}x)"), (Fixes{"", ""}));
}

TEST(EncodingFixes, BidiControlsAreDeletedOnlyWithoutRightToLeftText) {
  EXPECT_EQ(fixes_of("encoding/bidi-control", R"(Dose \u{202E}gm 05\u{202C}\u{A}שלום \u{202B}x\u{202C})"),
            (Fixes{"", "", std::nullopt, std::nullopt}));
}

TEST(EncodingFixes, UnusualSpacesBecomeAsManyAsciiSpaces) {
  EXPECT_EQ(fixes_of("encoding/unusual-space", R"(5\u{A0}mg and\u{2009}\u{2009}x)"), (Fixes{" ", "  "}));
  // Chinese: mid-line ideographic space has no fix, a leading one is no finding.
  EXPECT_EQ(fixes_of("encoding/unusual-space", R"(\u{3000}\u{3000}缩进。中文\u{3000}空格)", Lang::zh), (Fixes{std::nullopt}));
}

TEST(EncodingFixes, HtmlEntitiesDecodeEveryLayer) {
  EXPECT_EQ(fixes_of("encoding/html-entity",
                     "a&amp;amp;b c&amp;amp;amp;d don&rsquo;t &#x1F600; &#146; &#0; &nbsp;x &lt;"),
            // &nbsp; becomes a plain space: a no-break space would be reported next (unusual-space).
            (Fixes{"&", "&", "’", "😀", "’", std::nullopt, " ", "<"}));
}

TEST(EncodingFixes, NamedEntitiesAreFoundAcrossTheTable) {
  // The table is searched by bisection: first, last and case-differing names must all be found.
  EXPECT_EQ(fixes_of("encoding/html-entity", "&AElig; &zwnj; &Omega; &omega; &Dagger; &dagger; &hellip;"),
            (Fixes{"Æ", "\u200C", "Ω", "ω", "‡", "†", "…"}));
}

TEST(EncodingFixes, EscapeSequencesDecodeWhenUnambiguous) {
  EXPECT_EQ(fixes_of("encoding/escape-sequence", R"(a\u00e9 \uD83D\uDE00 \uD800x \xC3\xA9 \xFF \n)"),
            (Fixes{"é", "😀", std::nullopt, "é", std::nullopt, std::nullopt}));
}

TEST(EncodingFixes, NotNfcFixIsTheComposedForm) {
  EXPECT_EQ(fixes_of("encoding/not-nfc", R"(cafe\u{301} \u{212B} \u{1100}\u{1161}\u{11A8})"),
            (Fixes{"é", "Å", "각"}));
}

TEST(EncodingRules, MaskedCodeIsSkippedButBidiControlsAreNot) {
  const Document doc = make_doc(unescape(R"(Text `a\u{200B}\u{7}&amp;\n\u{A0}\u{202E}` end)"), Lang::en, "doc.md");
  for (const char* rule : {"encoding/zero-width", "encoding/control-character", "encoding/html-entity",
                           "encoding/escape-sequence", "encoding/unusual-space"})
    EXPECT_TRUE(findings_of(rule, doc).empty()) << rule;
  EXPECT_EQ(findings_of("encoding/bidi-control", doc).size(), 1u);
}

TEST(CodePointScan, DescribesControlsAndNamedCharacters) {
  EXPECT_EQ(encoding::describe_code_point(0x1B), "U+001B ESC");
  EXPECT_EQ(encoding::describe_code_point(0x85), "U+0085 NEL");
  EXPECT_EQ(encoding::describe_code_point(0x200B), "U+200B ZERO WIDTH SPACE");
}

}  // namespace
}  // namespace tc::test

namespace tc {
namespace {

TEST(UnusualSpaceRun, PaddingRunIsOneFindingWhoseFixKeepsTheAsciiSpaces) {
  const Document doc = test::make_doc("Title\u00A0 \u00A0x\n", Lang::en);
  const auto findings = test::findings_of("encoding/unusual-space", doc);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].span, (Span{5, 10}));
  EXPECT_EQ(fix_replacement(findings[0]), "   ");
}

}  // namespace
}  // namespace tc
