#include "rules/encoding/bidi_control.h"

#include <unicode/uchar.h>

#include "rules/code_point_events.h"
#include "rules/encoding/code_point_scan.h"
#include "text/bidi.h"

namespace tc {

const RuleInfo& BidiControl::info() const {
  static const RuleInfo kInfo{
      "encoding/bidi-control", Severity::error, RuleScope::document, RuleLanguage::any, true,
      "Bidirectional control characters that make text display differently from how it reads",
      R"(## What it does
Flags bidirectional formatting characters anywhere in the file, code and URLs
included:
- embeddings and overrides U+202A–U+202E (LRE, RLE, PDF, LRO, RLO) and
  isolates U+2066–U+2069 (LRI, RLI, FSI, PDI): error;
- the invisible marks U+200E LEFT-TO-RIGHT MARK, U+200F RIGHT-TO-LEFT MARK
  and U+061C ARABIC LETTER MARK: warning, and only when the line holds no
  right-to-left letters (Hebrew, Arabic, ...), because in mixed-direction
  text they are legitimate.
A run of them is one finding. When the line has no right-to-left letters the
fix deletes them; otherwise there is no fix, since they may be needed.

## Why it matters
These characters reorder how text is displayed without changing how it is
stored, so what a reviewer sees is not what a reader, a search engine or a
compiler gets ("Trojan Source", CVE-2021-42574). In a Chinese or English
document they have no purpose; they are pasted in from web pages or chat
tools, or planted.

## Example
`Dose: ` + U+202E + `gm 05` + U+202C displays as "Dose: 50 mg" but reads
"gm 05". Two findings: column 7 ("bidirectional override U+202E RIGHT-TO-LEFT
OVERRIDE") and column 13, each with the fix "" (delete).

## Options
None.)"};
  return kInfo;
}

namespace {

// True when the line holds a right-to-left letter.
bool line_has_rtl(const Document& doc, std::size_t line_number) {
  const std::string_view text = doc.text;
  const Span line = doc.lines.line_span(line_number, text);
  std::size_t i = line.begin;
  while (i < line.end) {
    if (static_cast<unsigned char>(text[i]) < 0x80) {
      ++i;
      continue;
    }
    const char32_t cp = utf8::next(text, i);
    if (cp == utf8::kInvalid || is_bidi_control(cp)) continue;  // RLM itself has direction R
    const UCharDirection direction = u_charDirection(static_cast<UChar32>(cp));
    if (direction == U_RIGHT_TO_LEFT || direction == U_RIGHT_TO_LEFT_ARABIC) return true;
  }
  return false;
}

std::string kind_of(char32_t cp) {
  if (cp >= 0x2066) return "bidirectional isolate";
  if (cp == 0x202C) return "bidirectional pop";
  if (cp == 0x202D || cp == 0x202E) return "bidirectional override";
  if (cp >= 0x202A) return "bidirectional embedding";
  return "invisible direction mark";
}

}  // namespace

bool is_bidi_control_character(char32_t cp) { return is_bidi_control(cp); }

void BidiControl::check(const CheckContext& context, FindingSink& out) const {
  const Document& doc = context.doc;
  const std::string_view text = doc.text;  // the whole text: hiding code is the attack
  EventWalk walk(context, code_point_class::kBidi, /*prose_only=*/false);
  std::size_t pos = 0;
  // Each line is read for right-to-left letters once, not once per run of
  // controls on it: a line of controls between letters was quadratic (a
  // 256 KB line took 14 s).
  std::size_t read_line = static_cast<std::size_t>(-1);
  bool read_line_rtl = false;
  while (const text::ClassEvent* event = walk.next(pos)) {
    pos = event->begin;
    const char32_t cp = event->cp;
    bool any_embedding = false;
    std::size_t count = 0;
    const std::size_t end = encoding::run_end(
        text, pos,
        [&](char32_t c) {
          any_embedding = any_embedding || is_bidi_embedding_control(c);
          return is_bidi_control(c);
        },
        &count);
    const std::size_t line = doc.lines.line_of(pos);
    if (line != read_line) {
      read_line = line;
      read_line_rtl = line_has_rtl(doc, line);
    }
    const bool rtl = read_line_rtl;
    if (!any_embedding && rtl) {  // direction marks in right-to-left text do their job
      pos = end;
      continue;
    }
    std::string message = kind_of(cp) + ' ' + encoding::describe_code_point(cp);
    if (count > 1) message = std::to_string(count) + " bidirectional controls starting with " + message;
    Finding f = make_finding(doc, {pos, end}, std::move(message));
    if (!any_embedding) f.severity = Severity::warning;
    if (!rtl) f.fix = std::string();
    out.push_back(std::move(f));
    pos = end;
  }
}

}  // namespace tc
