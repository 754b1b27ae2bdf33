#include "rules/alignment/addition.h"

#include "align/alignment.h"
#include "rules/alignment/pair_text.h"

namespace tc {

const RuleInfo& Addition::info() const {
  static const RuleInfo kInfo{
      "alignment/addition", Severity::warning, RuleScope::pair, RuleLanguage::any, true,
      "Translation text with no counterpart in the source",
      R"(## What it does
Reports every target sentence that the aligner could not pair with any
source text (a 0-1 bead), quoting the nearest source sentence.

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

void Addition::check(const CheckContext& context, std::vector<Finding>& out) const {
  const auto pair = alignment_rules::pair_of(context);
  if (!pair) return;
  const Alignment& alignment = pair->alignment;
  for (const auto& run : alignment_rules::unpaired_runs(alignment, pair->target, true)) {
    Finding finding = make_finding(pair->target, run.span, "text has no counterpart in the source");
    const Span near = alignment_rules::nearest_other_side(alignment, run.bead, false);
    if (!near.empty()) {
      finding.message += " (" + std::string("nearest source text") + ": \"" + alignment_rules::quote(pair->source, near, 40) + "\")";
      finding.counterpart = alignment_rules::counterpart(pair->source, near);
    }
    out.push_back(std::move(finding));
  }
}

}  // namespace tc
