#include "rules/encoding/replacement_character.h"

#include "rules/code_point_events.h"
#include "rules/encoding/code_point_scan.h"

namespace tc {

const RuleInfo& ReplacementCharacter::info() const {
  static const RuleInfo kInfo{
      "encoding/replacement-character", Severity::error, RuleScope::document, RuleLanguage::any, true,
      "U+FFFD replacement characters (and U+FFFC): text lost in a failed conversion",
      R"(## What it does
Flags U+FFFD REPLACEMENT CHARACTER ("�"). A run of them ("���") is one
finding. Also flags U+FFFC OBJECT REPLACEMENT CHARACTER, which word
processors and browsers leave where an image or other embedded object was
when text is copied out. The whole file is checked, code and URLs included.

## Why it matters
A decoder writes U+FFFD when it meets bytes it cannot convert, so each one
stands for a character that is gone: the text has to be restored from the
source, not guessed. It often appears where Chinese characters or curly
quotes went through a conversion that did not support them.

## Example
`The patient�s temperature was 38 �C.` has two findings: the lost
apostrophe at column 12 and the lost degree sign at column 34.

## Options
None. There is no fix: the original character cannot be recovered from "�".)"};
  return kInfo;
}

bool is_replacement_character(char32_t cp) { return cp == 0xFFFD || cp == 0xFFFC; }

void ReplacementCharacter::check(const CheckContext& context, FindingSink& out) const {
  const std::string_view text = context.doc.text;
  EventWalk walk(context, code_point_class::kReplacement, /*prose_only=*/false);
  std::size_t pos = 0;
  while (const text::ClassEvent* event = walk.next(pos)) {
    pos = event->begin;
    const char32_t replaced = event->cp;
    std::size_t count = 0;
    const std::size_t end = encoding::run_end(text, pos, [&](char32_t c) { return c == replaced; }, &count);
    std::string message;
    if (replaced == 0xFFFC)
      message = "object replacement character U+FFFC: an embedded image or object was lost when the text was copied";
    else if (count == 1)
      message = "replacement character U+FFFD: a character was lost in a failed conversion";
    else
      message = std::to_string(count) + " replacement characters U+FFFD: characters were lost in a failed conversion";
    out.push_back(make_finding(context.doc, {pos, end}, std::move(message)));
    pos = end;
  }
}

}  // namespace tc
