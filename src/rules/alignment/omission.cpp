#include "rules/alignment/omission.h"

#include "align/alignment.h"
#include "rules/alignment/pair_text.h"

namespace tc {

const RuleInfo& Omission::info() const {
  static const RuleInfo kInfo{
      "alignment/omission", Severity::warning, RuleScope::pair, RuleLanguage::any, true,
      "Source sentence with no counterpart in the translation",
      R"(## What it does
Aligns the source with its translation sentence by sentence and reports every
source sentence the aligner could not pair with any target text (a 1-0 bead).
The finding is on the source sentence and quotes the nearest translated text,
so you can see where the missing sentence belongs.

## Why it matters
Dropped sentences are the costliest translation error that no spelling or
terminology check can see: the translation reads fine, but says less.

## Example
Source: `他点了点头。我们出发了。天开始下雨。` Target: `He nodded. It began to rain.`
The middle sentence is reported as not translated.

## Options
None.)"};
  return kInfo;
}

void Omission::check(const CheckContext& context, std::vector<Finding>& out) const {
  const auto pair = alignment_rules::pair_of(context);
  if (!pair) return;
  const Alignment& alignment = pair->alignment;
  for (const auto& run : alignment_rules::unpaired_runs(alignment, pair->source, false)) {
    Finding finding = make_finding(pair->source, run.span, "text has no counterpart in the translation");
    const Span near = alignment_rules::nearest_other_side(alignment, run.bead, true);
    if (!near.empty()) {
      finding.message += " (" + std::string("nearest translated text") + ": \"" + alignment_rules::quote(pair->target, near, 40) + "\")";
      finding.counterpart = alignment_rules::counterpart(pair->target, near);
    }
    out.push_back(std::move(finding));
  }
}

}  // namespace tc
