#include "rules/alignment/omission.h"

#include "core/alignment.h"
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
  alignment_rules::report_unpaired(
      *pair, false, "text has no counterpart in the translation", "nearest translated text",
      [this](const Document& doc, Span span, std::string message) { return make_finding(doc, span, std::move(message)); },
      out);
}

}  // namespace tc
