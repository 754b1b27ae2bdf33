#include "rules/encoding/unassigned.h"

#include <unicode/uchar.h>

#include "rules/code_point_events.h"
#include "rules/encoding/code_point_scan.h"

namespace tc {

const RuleInfo& Unassigned::info() const {
  static const RuleInfo kInfo{
      "encoding/unassigned", Severity::warning, RuleScope::document, RuleLanguage::any, true,
      "Unassigned code points and noncharacters",
      R"(## What it does
Flags code points that Unicode (as known to the ICU library transcheck is
built with) has not assigned, general category Cn. That category includes the
66 noncharacters (U+FDD0–U+FDEF and the last two code points of every plane,
such as U+FFFE and U+FFFF), which are reported as "noncharacter" because they
are reserved for internal use and must never appear in interchanged text.
A run of them is one finding. Code in Markdown is not checked.

## Why it matters
No font can show an unassigned code point, so readers see a box. In a
document it is almost always damage: bytes decoded with the wrong encoding,
arithmetic on code points, or a byte-swapped byte-order mark (U+FFFE).
A character added in a Unicode version newer than ICU's may also be reported;
check it against the current Unicode charts before deleting it.

## Example
`temperature` + U+0378 + ` rose` is flagged at column 12 ("unassigned code
point U+0378"); `data` + U+FFFE is flagged at column 5 ("noncharacter
U+FFFE"). There is no fix: what was meant is unknown.

## Options
None.)"};
  return kInfo;
}

namespace {

bool is_noncharacter(char32_t cp) { return (cp >= 0xFDD0 && cp <= 0xFDEF) || (cp & 0xFFFE) == 0xFFFE; }

bool is_unassigned_beyond_bmp(char32_t cp) { return u_charType(static_cast<UChar32>(cp)) == U_UNASSIGNED; }

// Unassigned BMP code points, from ICU once. Its per-block summary is the fast
// path: ASCII, the Han blocks and other fully assigned blocks are skipped
// without decoding.
const encoding::BmpSet& unassigned_bmp() {
  static const encoding::BmpSet kSet([](char32_t c) { return is_unassigned_beyond_bmp(c); });
  return kSet;
}

bool is_unassigned(char32_t cp) {
  if (cp < 0x10000) return unassigned_bmp().contains(cp);
  return cp != utf8::kInvalid && is_unassigned_beyond_bmp(cp);
}

}  // namespace

bool is_unassigned_code_point(char32_t cp) { return is_unassigned(cp); }

void Unassigned::check(const CheckContext& context, FindingSink& out) const {
  const Document& doc = context.doc;
  const std::string_view prose = doc.prose();
  EventWalk walk(context, code_point_class::kUnassigned, /*prose_only=*/true);
  std::size_t pos = 0;
  while (const text::ClassEvent* event = walk.next(pos)) {
    pos = event->begin;
    const char32_t cp = event->cp;
    std::size_t count = 0;
    const std::size_t end = encoding::run_end(prose, pos, is_unassigned, &count);
    const std::string kind = is_noncharacter(cp) ? "noncharacter" : "unassigned code point";
    std::string message = count == 1 ? kind + ' ' + utf8::code_point_name(cp)
                                     : std::to_string(count) + " unassigned code points starting with " + kind + ' ' +
                                           utf8::code_point_name(cp);
    out.push_back(make_finding(doc, {pos, end}, std::move(message)));
    pos = end;
  }
}

}  // namespace tc
