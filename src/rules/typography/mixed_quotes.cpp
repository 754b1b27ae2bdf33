#include "rules/typography/mixed_quotes.h"

#include <string_view>

#include "text/byte_skip.h"

#include "rules/typography/text.h"

namespace tc {
namespace {

using namespace typography;

struct QuoteUse {
  std::size_t begin;
  std::size_t end;
  bool curly;
};

// One family of marks: single quotes/apostrophes or double quotes.
struct Family {
  const char* name;
  char straight;
  std::string_view curly_open;
  std::string_view curly_close;
  std::vector<QuoteUse> uses;
};

bool after_space(std::string_view prose, std::size_t pos) {
  return pos == 0 || is_space(prose[pos - 1]) || prose[pos - 1] == '(' || prose[pos - 1] == '[';
}

bool is_bracket(char c) { return c == '(' || c == '[' || c == '{' || c == ')' || c == ']' || c == '}'; }

// A quotation mark, a bracket or a list word (and, or, 和, 或) that ends at
// end (before) or starts at begin (after): what sits beside a mark that is
// named in a list, "(“ ” and ‘ ’)", "type ' or \"".
bool listing_ends_at(std::string_view prose, std::size_t end) {
  if (end == 0) return false;
  const char last = prose[end - 1];
  if (is_bracket(last) || last == '\'' || last == '"') return true;
  const std::string_view before = prose.substr(0, end);
  for (std::string_view mark : {"\u2018", "\u2019", "\u201C", "\u201D", "\u548C", "\u6216"})
    if (before.ends_with(mark)) return true;
  for (std::string_view word : {"and", "or"})
    if (before.ends_with(word) && (before.size() == word.size() || !is_letter(before[before.size() - word.size() - 1])))
      return true;
  return false;
}

bool listing_starts_at(std::string_view prose, std::size_t begin) {
  if (begin >= prose.size()) return false;
  const char first = prose[begin];
  if (is_bracket(first) || first == '\'' || first == '"') return true;
  const std::string_view after = prose.substr(begin);
  for (std::string_view mark : {"\u2018", "\u2019", "\u201C", "\u201D", "\u548C", "\u6216"})
    if (after.starts_with(mark)) return true;
  for (std::string_view word : {"and", "or"})
    if (after.starts_with(word) && (after.size() == word.size() || !is_letter(after[word.size()]))) return true;
  return false;
}

// A mark with a space or bracket on both sides that is listed beside another
// mark, a bracket or and/or quotes nothing: it names the character ("curly
// quotes (“ ” and ‘ ’) in file names", "type ' or \""), so it shows no style.
// A spaced mark around a word (Tap “ Save ”) is still a quotation.
bool names_the_character(std::string_view prose, std::size_t begin, std::size_t end) {
  auto opens = [](char c) { return c == '(' || c == '[' || c == '{'; };
  auto closes = [](char c) { return c == ')' || c == ']' || c == '}' || c == ',' || c == '.' || c == ';' || c == ':'; };
  const bool before = begin == 0 || is_space(prose[begin - 1]) || opens(prose[begin - 1]);
  const bool after = end >= prose.size() || is_space(prose[end]) || closes(prose[end]);
  if (!before || !after) return false;
  std::size_t previous = begin;
  while (previous > 0 && is_space(prose[previous - 1])) --previous;
  std::size_t next = end;
  while (next < prose.size() && is_space(prose[next])) ++next;
  return listing_ends_at(prose, previous) || listing_starts_at(prose, next);
}

}  // namespace

const RuleInfo& MixedQuotes::info() const {
  static const RuleInfo kInfo{
      "typography/mixed-quotes", Severity::warning, RuleScope::document, RuleLanguage::en, true,
      "Straight and curly quotes or apostrophes mixed in one document",
      R"doc(## What it does
Counts straight (' ") and curly (‘ ’ “ ”) quotation marks and apostrophes in
the document's prose, separately for single and double marks (a straight
mark right after a digit is a foot or inch sign and is not counted, nor is a
mark with a space or bracket on both sides listed beside another mark, a
bracket or and/or, which names the character: “ ” and ‘ ’ in "curly quotes
(“ ” and ‘ ’)"; a spaced mark around a word, Tap “ Save ”, still counts). When both
styles occur, every use of the less common style is flagged (on a tie, the
straight ones), with the other style as the fix: `'` becomes `’` after a
letter and `‘` after a space; `“`/`”` become `"`. Straightening is a safe fix;
the choice of a curly quote is a guess, so that fix is unsafe (`fix --unsafe`).

## Why it matters
Mixed styles show that text was pasted from different sources, and a title
repeated once with ’ and once with ' looks like two different titles to
search and to readers.

## Example
A document with `Cancer Patients’ Immune Response` and `Here’s how` that also
contains `Cancer Patients' Immune Response` is flagged at the `'`, fix `’`.

## Options
None.)doc"};
  return kInfo;
}

void MixedQuotes::check(const CheckContext& context, FindingSink& out) const {
  const std::string_view prose = context.doc.prose();
  Family single{"apostrophe/single quote", '\'', "\xE2\x80\x98", "\xE2\x80\x99", {}};
  Family dual{"double quote", '"', "\xE2\x80\x9C", "\xE2\x80\x9D", {}};
  for (std::size_t pos = 0; pos < prose.size(); ++pos) {
    pos = text::find_any_byte<'\'', '"', 0xE2>(prose, pos, prose.size());  // every other byte is passed over
    if (pos >= prose.size()) break;
    const char c = prose[pos];
    if ((c == '\'' || c == '"') && pos > 0 && is_digit(prose[pos - 1])) continue;  // feet and inches: 5'10"
    if (c == '\'' || c == '"') {
      if (!names_the_character(prose, pos, pos + 1)) (c == '\'' ? single : dual).uses.push_back({pos, pos + 1, false});
    } else if (c == '\xE2' && prose.compare(pos, 2, "\xE2\x80") == 0 && pos + 2 < prose.size()) {
      const char last = prose[pos + 2];
      const bool counted = !names_the_character(prose, pos, pos + 3);
      if (counted && (last == '\x98' || last == '\x99')) single.uses.push_back({pos, pos + 3, true});
      else if (counted && (last == '\x9C' || last == '\x9D')) dual.uses.push_back({pos, pos + 3, true});
    }
  }
  for (Family* family : {&single, &dual}) {
    std::size_t curly = 0;
    for (const QuoteUse& use : family->uses) curly += use.curly ? 1 : 0;
    const std::size_t straight = family->uses.size() - curly;
    if (curly == 0 || straight == 0) continue;
    const bool flag_curly = curly < straight;
    for (const QuoteUse& use : family->uses) {
      if (use.curly != flag_curly) continue;
      std::string fix;
      if (flag_curly) fix = std::string(1, family->straight);
      else fix = std::string(after_space(prose, use.begin) ? family->curly_open : family->curly_close);
      const std::string found(prose.substr(use.begin, use.end - use.begin));
      Finding finding = make_finding(
          context.doc, {use.begin, use.end},
          std::string(flag_curly ? "curly " : "straight ") + family->name + " " + found + " in a document that mostly uses " +
              (flag_curly ? "straight" : "curly") + " ones (" + std::to_string(flag_curly ? straight : curly) + " vs " +
              std::to_string(flag_curly ? curly : straight) + ")");
      // Straightening is certain; which curly quote (open or close) is a guess.
      finding.fix = flag_curly ? Fix(fix) : unsafe_fix(fix);
      out.push_back(std::move(finding));
    }
  }
}

}  // namespace tc
