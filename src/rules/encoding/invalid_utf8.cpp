#include "rules/encoding/invalid_utf8.h"

#include <cstdint>
#include <cstdio>

#include "core/utf8.h"
#include "rules/code_point_events.h"

namespace tc {

const RuleInfo& InvalidUtf8::info() const {
  static const RuleInfo kInfo{
      "encoding/invalid-utf8", Severity::error, RuleScope::document, RuleLanguage::any, true,
      "Bytes that are not valid UTF-8",
      R"(## What it does
Flags every byte sequence that is not well-formed UTF-8, with its byte offset.
Consecutive bad bytes are reported as one finding. The rest of the file is
still checked.

## Why it matters
A broken byte shows up as "�" or a box in the published page, or makes the
page fail to build. It usually means a file was cut in the middle of a
character or pasted from a legacy-encoded source.

## Example
The bytes `caf\xE9` (Latin-1 "café" inside a UTF-8 file) are flagged at the
`\xE9` byte.

## Options
None.)"};
  return kInfo;
}

void InvalidUtf8::check(const CheckContext& context, FindingSink& out) const {
  const std::string_view text = context.doc.text;
  // The shared scan decodes every code point once and reports each maximal
  // ill-formed subpart (utf8::next's) as an event.
  EventWalk walk(context, code_point_class::kInvalid, /*prose_only=*/false);
  std::size_t pos = 0;
  while (const text::ClassEvent* event = walk.next(pos)) {
    const std::size_t start = event->begin;
    pos = event->end();
    // Merge a run of ill-formed subparts into one finding.
    std::size_t end = pos;
    while (end < text.size() && static_cast<unsigned char>(text[end]) >= 0x80) {
      std::size_t probe = end;
      if (utf8::next(text, probe) != utf8::kInvalid) break;
      end = probe;
    }
    std::string bytes;
    char buffer[8];
    for (std::size_t i = start; i < end && i < start + 8; ++i) {
      std::snprintf(buffer, sizeof buffer, "\\x%02X", static_cast<unsigned char>(text[i]));
      bytes += buffer;
    }
    if (end - start > 8) bytes += "...";
    out.push_back(make_finding(context.doc, {start, end},
                               "invalid UTF-8 (" + bytes + ") at byte offset " +
                                   std::to_string(start + context.doc.bom_bytes)));
    pos = end;
  }
}

}  // namespace tc
