#include "rules/encoding/unassigned.h"

#include <unicode/uchar.h>

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

bool is_unassigned(char32_t cp) {
  // Unassigned BMP code points, from ICU once; one bit test per character afterwards.
  static const encoding::BmpSet kUnassignedBmp(
      [](char32_t c) { return u_charType(static_cast<UChar32>(c)) == U_UNASSIGNED; });
  if (cp < 0x10000) return kUnassignedBmp.contains(cp);
  return cp != utf8::kInvalid && u_charType(static_cast<UChar32>(cp)) == U_UNASSIGNED;
}

bool is_continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

}  // namespace

void Unassigned::check(const CheckContext& context, std::vector<Finding>& out) const {
  static constexpr encoding::ByteSet kNonAscii = encoding::ByteSet{}.add_range(0x80, 0xFF);
  const Document& doc = context.doc;
  const std::string_view prose = doc.prose();
  std::size_t pos = 0;
  while ((pos = encoding::find_byte(prose, pos, kNonAscii)) < prose.size()) {
    const auto lead = static_cast<unsigned char>(prose[pos]);
    // Fast path: lead bytes E4-E9 are U+4000-U+9FFF (CJK Extension A's end, Yijing
    // hexagrams, CJK Unified Ideographs), all assigned since Unicode 14.
    if (lead >= 0xE4 && lead <= 0xE9 && pos + 2 < prose.size() && is_continuation(prose[pos + 1]) &&
        is_continuation(prose[pos + 2])) {
      pos += 3;
      continue;
    }
    std::size_t end = pos;
    const char32_t cp = utf8::next(prose, end);
    if (cp == utf8::kInvalid || !is_unassigned(cp)) {
      pos = end > pos ? end : pos + 1;
      continue;
    }
    std::size_t count = 0;
    end = encoding::run_end(prose, pos, is_unassigned, &count);
    const std::string kind = is_noncharacter(cp) ? "noncharacter" : "unassigned code point";
    std::string message = count == 1 ? kind + ' ' + utf8::code_point_name(cp)
                                     : std::to_string(count) + " unassigned code points starting with " + kind + ' ' +
                                           utf8::code_point_name(cp);
    out.push_back(make_finding(doc, {pos, end}, std::move(message)));
    pos = end;
  }
}

}  // namespace tc
