#include "rules/typography/space_before_punctuation.h"

#include "text/byte_skip.h"

#include "core/utf8.h"
#include "rules/typography/text.h"

namespace tc {
namespace {

using namespace typography;

bool is_checked_punctuation(char c) { return c == ',' || c == '.' || c == ';' || c == ':' || c == '!' || c == '?'; }

// What may stand before the space: the end of a word, a number or a closing quote.
bool ends_word(std::string_view prose, std::size_t pos) {
  const char c = prose[pos - 1];
  if (is_alnum(c) || c == '"' || c == ')' || c == ']') return true;
  if (!is_non_ascii(c)) return false;
  std::size_t p = pos;
  const char32_t cp = utf8::previous(prose, p);
  return is_unicode_letter(cp) || cp == U'\u201D' || cp == U'\u2019';
}

// What may follow the punctuation mark: the end of the text or line, a space, a closing quote.
bool ends_punctuation(std::string_view prose, std::size_t pos) {
  if (pos >= prose.size()) return true;
  const char c = prose[pos];
  if (is_space(c) || c == '"') return true;
  return prose.compare(pos, 3, "\xE2\x80\x9D") == 0 || prose.compare(pos, 3, "\xE2\x80\x99") == 0;
}

}  // namespace

const RuleInfo& SpaceBeforePunctuation::info() const {
  static const RuleInfo kInfo{
      "typography/space-before-punctuation", Severity::warning, RuleScope::document, RuleLanguage::en, true,
      "A space before a comma, period, colon, semicolon, question or exclamation mark",
      R"doc(## What it does
Flags spaces between a word and the punctuation mark that follows it in
English text ("cells , but", "the killing blow ."). The fix removes the
spaces. Spaced ellipses (". . .") and a period that starts a number (" .5")
or a name (" .NET") are not flagged.

## Why it matters
English puts no space before these marks. The stray space usually comes from
machine translation or from text assembled out of pieces, and it lets the
mark wrap to the start of the next line.

## Example
`cancer cells , but` is flagged at the space, fix `,`.

## Options
None.)doc"};
  return kInfo;
}

void SpaceBeforePunctuation::check(const CheckContext& context, FindingSink& out) const {
  const std::string_view prose = context.doc.prose();
  for (std::size_t i = 1; i < prose.size(); ++i) {
    i = text::find_any_byte<',', '.', ';', ':', '!', '?'>(prose, i, prose.size());  // the checked marks
    if (i >= prose.size()) break;
    const char mark = prose[i];
    if (!is_checked_punctuation(mark) || !is_blank(prose[i - 1])) continue;
    std::size_t space = i;
    while (space > 0 && is_blank(prose[space - 1])) --space;
    if (space == 0 || !ends_word(prose, space) || !ends_punctuation(prose, i + 1)) continue;
    if (mark == '.' && ((space >= 1 && prose[space - 1] == '.') || (i + 2 < prose.size() && prose[i + 2] == '.')))
      continue;  // ". . ." spaced ellipsis
    Finding finding = make_finding(context.doc, {space, i + 1}, std::string("space before \"") + mark + "\"");
    finding.fix = std::string(1, mark);
    out.push_back(std::move(finding));
  }
}

}  // namespace tc
