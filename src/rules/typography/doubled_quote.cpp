#include "rules/typography/doubled_quote.h"

#include "text/byte_skip.h"

#include <array>

#include "rules/typography/text.h"

namespace tc {
namespace {

using namespace typography;

constexpr std::array<std::string_view, 3> kQuotes{"\"", "\xE2\x80\x9C", "\xE2\x80\x9D"};  // " “ ”

bool word_character_at(std::string_view prose, std::size_t pos) {
  return pos < prose.size() && (is_alnum(prose[pos]) || letter_at(prose, pos));
}

bool word_character_before(std::string_view prose, std::size_t pos) {
  return pos > 0 && (is_alnum(prose[pos - 1]) || letter_before(prose, pos));
}

}  // namespace

const RuleInfo& DoubledQuote::info() const {
  static const RuleInfo kInfo{
      "typography/doubled-quote", Severity::warning, RuleScope::document, RuleLanguage::any, true,
      "The same quotation mark twice in a row",
      R"doc(## What it does
Flags two identical double quotation marks in a row (`""`, `““`, `””`)
touching a word, as in `the label of ""having done bad things"` or
`the Chinese physique"".`. The fix keeps one mark. An empty pair with no
word on either side (`the value ""`) is left alone.

## Why it matters
Doubled quotes come from escaping gone wrong (CSV export, JSON, spreadsheet
cells) or from quotes added by both the writer and a tool. Readers see a
stutter, and quote-balance checks go wrong.

## Example
`sticking the label of ""having done bad things"` is flagged at `""`, fix `"`.

## Options
None.)doc"};
  return kInfo;
}

void DoubledQuote::check(const CheckContext& context, FindingSink& out) const {
  const std::string_view prose = context.doc.prose();
  std::size_t pos = 0;
  while (pos < prose.size()) {
    pos = text::find_any_byte<'"', 0xE2>(prose, pos, prose.size());
    if (pos >= prose.size()) break;
    std::string_view quote;
    for (std::string_view q : kQuotes)
      if (prose.compare(pos, q.size(), q) == 0) quote = q;
    if (quote.empty()) {
      ++pos;
      continue;
    }
    std::size_t end = pos + quote.size();
    while (prose.compare(end, quote.size(), quote) == 0) end += quote.size();
    if (end - pos >= 2 * quote.size() && (word_character_before(prose, pos) || word_character_at(prose, end))) {
      Finding finding = make_finding(context.doc, {pos, end}, "doubled quotation mark " + std::string(prose.substr(pos, end - pos)));
      finding.fix = std::string(quote);
      out.push_back(std::move(finding));
    }
    pos = end;
  }
}

}  // namespace tc
