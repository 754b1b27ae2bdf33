#include "rules/encoding/control_character.h"

#include "rules/code_point_events.h"
#include "rules/encoding/code_point_scan.h"
#include "rules/unit_pairs.h"

namespace tc {

const RuleInfo& ControlCharacter::info() const {
  static const RuleInfo kInfo{
      "encoding/control-character", Severity::error, RuleScope::document, RuleLanguage::any, true,
      "C0/C1 control characters and DEL in text (other than tab and line breaks)",
      R"(## What it does
Flags control characters in prose: C0 controls U+0000–U+001F other than TAB,
LF and CR; DEL U+007F; C1 controls U+0080–U+009F; and U+2028 LINE SEPARATOR
and U+2029 PARAGRAPH SEPARATOR, which most editors, Markdown and JSON tools do
not treat as line breaks (they break JavaScript strings). Consecutive controls
are one finding. A terminal escape sequence (ESC `[` ... letter, e.g. the
colour code `ESC[31m`) is one finding covering the whole sequence.
Code blocks and inline code in Markdown are not checked, nor, in a
translation file (PO, XLIFF), controls that both sides of a unit have (the
`\a` of a message that rings the bell), nor a control of a unit's source that
its translation spells out as the escape (`\v` written as two characters):
the control is the program's, the slip is the translation's.

The fix deletes C0 controls, DEL and whole escape sequences. Vertical tab,
form feed, NEL (U+0085) and the two separators get no fix because they separate text (deleting
them could glue two words), and other C1 controls get none because they are
usually a sign of mojibake (Windows-1252 text decoded as Latin-1, e.g.
"â" + U+0080 + U+0099 for "’"), where the bytes are needed to recover the text.

## Why it matters
Controls are invisible in most editors but break XML and JSON exports, some
web pages and subtitle formats, and show up as boxes or "?" when printed.
They usually come from copying out of terminals, PDFs or old word processors.

## Example
`Take 2 tablets` + U+0007 + ` daily.` is flagged at column 15 with the fix
"" (delete). `Dose: ` + ESC + `[1m5 mg` + ESC + `[0m` gives two findings,
each deleting one colour code.

## Options
None.)"};
  return kInfo;
}

namespace {

// Deleting these joins nothing that should stay apart.
bool deletable(char32_t cp) { return (cp < 0x20 && cp != 0x0B && cp != 0x0C) || cp == 0x7F; }

bool is_control(char32_t cp) {
  return (cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r') || (cp >= 0x7F && cp <= 0x9F) || cp == 0x2028 ||
         cp == 0x2029;
}

// The letter of the C escape for cp (a for BEL, written \a), or 0.
char escape_letter(char32_t cp) {
  switch (cp) {
    case 0x07: return 'a';
    case 0x08: return 'b';
    case 0x0B: return 'v';
    case 0x0C: return 'f';
    case 0x1B: return 'e';
    default: return 0;
  }
}

// End of an ANSI/VT100 control sequence (ESC [ parameters final-letter) starting at pos, or pos.
std::size_t escape_sequence_end(std::string_view text, std::size_t pos) {
  if (pos + 1 >= text.size() || text[pos] != '\x1B' || text[pos + 1] != '[') return pos;
  std::size_t i = pos + 2;
  while (i < text.size() && i < pos + 32 && text[i] >= 0x20 && text[i] <= 0x3F) ++i;  // parameters
  if (i < text.size() && text[i] >= 0x40 && text[i] <= 0x7E) return i + 1;            // final byte
  return pos;
}

}  // namespace

bool is_control_character(char32_t cp) { return is_control(cp); }

void ControlCharacter::check(const CheckContext& context, FindingSink& out) const {
  const Document& doc = context.doc;
  const std::string_view text = doc.text;
  // Masked bytes are kMaskByte (a C0 control) in prose: the walk skips them, not a real SUB.
  EventWalk walk(context, code_point_class::kControl, /*prose_only=*/true);
  std::size_t pos = 0;
  while (const text::ClassEvent* event = walk.next(pos)) {
    pos = event->begin;
    const char32_t first = utf8::at(text, pos);
    std::size_t end = pos;
    std::size_t count = 0;
    bool fixable = true;
    bool c1_other_than_nel = false;
    std::string listed;
    while (end < text.size() && !doc.is_masked(end)) {
      std::size_t next = escape_sequence_end(text, end);
      char32_t cp = 0x1B;
      if (next == end) {
        cp = encoding::code_point_after(text, end);
        if (cp == utf8::kInvalid || !is_control(cp)) break;
        next = end;
        utf8::next(text, next);
        fixable = fixable && deletable(cp);
        c1_other_than_nel = c1_other_than_nel || (cp >= 0x80 && cp <= 0x9F && cp != 0x85);
      }
      if (count < 3) listed += (listed.empty() ? "" : ", ") + encoding::describe_code_point(cp);
      ++count;
      end = next;
    }
    if (count > 3) listed += ", ...";
    const bool escape = first == 0x1B && escape_sequence_end(text, pos) != pos;
    std::string message = escape && count == 1 ? "terminal escape sequence (" + listed + " ...) in text"
                          : count == 1 && first >= 0x2028 ? "separator " + listed + " in text"
                          : count == 1         ? "control character " + listed + " in text"
                                               : std::to_string(count) + " control characters (" + listed + ") in text";
    // In a translation file, controls both sides of a unit have are the program's (\a, \v). A source's
    // control is the program's too when the translation spells it out as its escape (\v as two characters):
    // that slip is the translation's, not a control character in the source.
    const std::string_view counterpart = unit_counterpart_text(context, {pos, end});
    const bool on_source = &context.doc == context.source;
    const char letter = count == 1 ? escape_letter(first) : 0;
    if (counterpart.find(text.substr(pos, end - pos)) != std::string_view::npos ||
        (on_source && letter != 0 && counterpart.find(std::string{'\\', letter}) != std::string_view::npos)) {
      pos = end;
      continue;
    }
    if (c1_other_than_nel) message += "; often a sign of mojibake";
    Finding f = make_finding(doc, {pos, end}, std::move(message));
    if (fixable) f.fix = std::string();
    out.push_back(std::move(f));
    pos = end;
  }
}

}  // namespace tc
