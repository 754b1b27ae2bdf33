#include "rules/alignment/addition.h"

#include "core/alignment.h"
#include "rules/alignment/pair_text.h"

namespace tc {

const RuleInfo& Addition::info() const {
  static const RuleInfo kInfo{
      "alignment/addition", Severity::warning, RuleScope::pair, RuleLanguage::any, true,
      "Translation text with no counterpart in the source",
      R"(## What it does
Reports every target sentence that the aligner could not pair with any
source text (a 0-1 bead), quoting the nearest source sentence. Title-like
lines (one to three short lines without a sentence-ending mark) at the start
of the translation are not reported when the source set a line there apart
as page furniture: their counterpart is among it, and it is not aligned. At
the end of the translation only such lines that repeat the numbers of the
source's footer ("Page 1 of 1" against 第1页，共1页) are left out, and so is
a line whose words the source kept in English as they are (a programme or
agency name, which is not aligned).

## Why it matters
Added text is either a translator's gloss that should be marked as such, or
junk that slipped in when the translation was copied: web boilerplate such
as "Leave a Reply", a navigation menu, a machine-translation notice.

## Example
Source: `我们出发了。` Target: `We set off. Leave a Reply`
"Leave a Reply" is reported.

## Options
None.)"};
  return kInfo;
}

void Addition::check(const CheckContext& context, FindingSink& out) const {
  const auto pair = alignment_rules::pair_of(context);
  if (!pair) return;
  alignment_rules::report_unpaired(
      *pair, true, "text has no counterpart in the source", "nearest source text",
      [this](const Document& doc, Span span, std::string message) { return make_finding(doc, span, std::move(message)); },
      out);
}

}  // namespace tc
