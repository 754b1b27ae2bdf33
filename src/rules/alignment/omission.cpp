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
so you can see where the missing sentence belongs. Title-like lines (one to
three short lines without a sentence-ending mark) at the start of the source
are not reported when the translation set a line there apart as page
furniture: their counterpart is among it, and it is not aligned. At the end
of the source only such lines that repeat the numbers of the translation's
footer (第1页，共1页 against "Page 1 of 1") are left out. Nor is a line the
translation kept in English as it is, a programme or agency name that is not
aligned ("The Rural Clinic Travel Support Program" beside the kept line "Rural
Clinic Travel Support Program"): it is compared by its words, case and a
leading "the" aside.

A sentence whose translation was deleted is often absorbed by its neighbour
into a two-to-one pair. The aligner takes it out again (and so it is
reported here) when, in a translation that is not free, the sentence covers
almost nothing of the translated sentence that its neighbour does not cover
already, and the translated sentence is too short for both but fits the
neighbour alone; or when its neighbour explains nearly all of the translated
sentence and it, longer than the neighbour, adds next to nothing (phone
numbers and URLs make lengths a poor guide). Two source sentences translated as one (`The virus spreads
through blood. It also spreads through semen.` as `病毒通过血液和精液传播。`)
each cover a part of it and stay paired.

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

void Omission::check(const CheckContext& context, FindingSink& out) const {
  const auto pair = alignment_rules::pair_of(context);
  if (!pair) return;
  alignment_rules::report_unpaired(
      *pair, false, "text has no counterpart in the translation", "nearest translated text",
      [this](const Document& doc, Span span, std::string message) { return make_finding(doc, span, std::move(message)); },
      out);
}

}  // namespace tc
