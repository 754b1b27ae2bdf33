#include "rules/encoding/zero_width.h"

#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include "rules/code_point_events.h"
#include "rules/encoding/code_point_scan.h"

namespace tc {

const RuleInfo& ZeroWidth::info() const {
  static const RuleInfo kInfo{
      "encoding/zero-width", Severity::warning, RuleScope::document, RuleLanguage::any, true,
      "Invisible zero-width characters (ZWSP, stray ZWNJ/ZWJ, WORD JOINER, BOM in mid-text, soft hyphen)",
      R"(## What it does
Flags invisible characters left in prose:
- U+200B ZERO WIDTH SPACE, except between letters of scripts written without
  spaces, where it marks word breaks (Thai, Lao, Khmer, Myanmar, Tibetan);
- U+200C ZERO WIDTH NON-JOINER and U+200D ZERO WIDTH JOINER, except where a
  script needs them: next to a letter of a joining or Indic script (Arabic
  and Persian, Syriac, N'Ko, Mongolian, Devanagari, Bengali, Gurmukhi,
  Gujarati, Oriya, Tamil, Telugu, Kannada, Malayalam, Sinhala, Khmer,
  Myanmar), and, for ZWJ, inside emoji sequences (👨‍👩‍👧). Between Latin or
  Han characters they are leftovers;
- U+2060 WORD JOINER;
- U+FEFF (a byte-order mark) anywhere in the text: the reader already
  removes one at the start of the file, so any that remains was pasted or
  concatenated in;
- U+00AD SOFT HYPHEN, reported as info only.
A run of them is one finding. The fix deletes them. Code in Markdown is not
checked.

## Why it matters
They are invisible, yet they split words for search, spell checkers,
terminology checks and "find and replace", and some renderers show them as
boxes. They usually come from copying text out of web pages, PDFs or chat
tools.

## Example
`chemo` + U+200B + `therapy` is flagged at column 6 ("zero-width space
U+200B") with the fix "" so the word reads `chemotherapy` again.

## Options
None.)"};
  return kInfo;
}

namespace {

bool is_candidate(char32_t cp) {
  return (cp >= 0x200B && cp <= 0x200D) || cp == 0x2060 || cp == 0xFEFF || cp == 0x00AD;
}

// Scripts that use ZWNJ/ZWJ to control joining or conjunct forms.
bool uses_joiners(char32_t cp) {
  return encoding::has_script(cp, {USCRIPT_ARABIC, USCRIPT_SYRIAC, USCRIPT_NKO, USCRIPT_MONGOLIAN, USCRIPT_DEVANAGARI,
                                   USCRIPT_BENGALI, USCRIPT_GURMUKHI, USCRIPT_GUJARATI, USCRIPT_ORIYA, USCRIPT_TAMIL,
                                   USCRIPT_TELUGU, USCRIPT_KANNADA, USCRIPT_MALAYALAM, USCRIPT_SINHALA, USCRIPT_KHMER,
                                   USCRIPT_MYANMAR});
}

// Scripts written without spaces, where ZWSP marks word boundaries.
bool uses_zero_width_space(char32_t cp) {
  return encoding::has_script(cp, {USCRIPT_THAI, USCRIPT_LAO, USCRIPT_KHMER, USCRIPT_MYANMAR, USCRIPT_TIBETAN});
}

bool is_emoji_part(char32_t cp) {
  if (cp == utf8::kInvalid) return false;
  const auto c = static_cast<UChar32>(cp);
  return u_hasBinaryProperty(c, UCHAR_EXTENDED_PICTOGRAPHIC) || u_hasBinaryProperty(c, UCHAR_EMOJI_MODIFIER) ||
         cp == 0xFE0F;
}

// Is the zero-width character at [begin, end) doing a job for its neighbours?
bool is_needed(char32_t cp, std::string_view text, std::size_t begin, std::size_t end) {
  if (cp != 0x200B && cp != 0x200C && cp != 0x200D) return false;
  const char32_t before = encoding::code_point_before(text, begin);
  const char32_t after = encoding::code_point_after(text, end);
  if (cp == 0x200B) return uses_zero_width_space(before) && uses_zero_width_space(after);
  if (cp == 0x200D && is_emoji_part(before) && is_emoji_part(after)) return true;
  return uses_joiners(before) || uses_joiners(after);
}

std::string_view short_name(char32_t cp) {
  switch (cp) {
    case 0x200B: return "zero-width space U+200B";
    case 0x200C: return "zero-width non-joiner U+200C";
    case 0x200D: return "zero-width joiner U+200D";
    case 0x2060: return "word joiner U+2060";
    case 0xFEFF: return "byte-order mark U+FEFF in mid-text";
    default: return "soft hyphen U+00AD";
  }
}

}  // namespace

bool is_invisible_character(char32_t cp) { return is_candidate(cp); }

void ZeroWidth::check(const CheckContext& context, FindingSink& out) const {
  const Document& doc = context.doc;
  const std::string_view prose = doc.prose();
  EventWalk walk(context, code_point_class::kInvisible, /*prose_only=*/true);
  std::size_t pos = 0;
  while (const text::ClassEvent* event = walk.next(pos)) {
    const char32_t cp = event->cp;
    if (is_needed(cp, prose, event->begin, event->end())) {
      pos = event->end();
      continue;
    }
    pos = event->begin;
    std::size_t count = 0;
    const std::size_t end = encoding::run_end(prose, pos, [&](char32_t c) { return is_candidate(c); }, &count);
    std::string message = cp == 0xFEFF && pos == 0 && count == 1 ? "second byte-order mark U+FEFF at the start of the file"
                          : count == 1                               ? std::string(short_name(cp))
                                     : std::to_string(count) + " invisible characters starting with " +
                                           std::string(short_name(cp));
    Finding f = make_finding(doc, {pos, end}, std::move(message));
    if (cp == 0x00AD && count == 1) f.severity = Severity::info;
    f.fix = std::string();
    out.push_back(std::move(f));
    pos = end;
  }
}

}  // namespace tc
