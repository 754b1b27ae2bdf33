#include "rules/placeholder/inline_tag.h"

#include "rules/placeholder/compare.h"
#include "rules/unit_pairs.h"

namespace tc {

const RuleInfo& PlaceholderInlineTag::info() const {
  static const RuleInfo kInfo{
      "placeholder/inline-tag", Severity::error, RuleScope::pair, RuleLanguage::any, true,
      "An inline tag or character entity missing from the translation, or added to it",
      R"(## What it does
Compares the inline markup of each unit with its source: XLIFF 1.2 tags
(`<g>`, `<x/>`, `<bx/>`, `<ex/>`, `<ph>`, `<bpt>`, `<ept>`, `<mrk>`), XLIFF 2.0
tags (`<pc>`, `<ph/>`, `<sc/>`, `<ec/>`, `<mrk>`, `<cp/>`), TMX tags and HTML
tags (`<b>`, `</a>`, `<br/>`), each with its `id` when it has one, and
character entities (`&amp;`, `&#169;`). Each tag or entity missing from the
translation, or not in the source, is reported by name, so a changed count or
a changed id is found. Words in angle brackets that are no markup
(`<FILE>` in a usage line) are text to translate and are not compared.

## Why it matters
A lost closing tag breaks the page or the merge back into the source format;
a tag with another id attaches formatting to the wrong words.

## Example
Source `Press <g id="1">Save</g> now.` Target `现在按<g id="2">保存</g>。`
reports `<g id="1">` missing and `<g id="2">` added.

## Options
None.)"};
  return kInfo;
}

void PlaceholderInlineTag::check(const CheckContext& context, FindingSink& out) const {
  const auto keep = [](const Placeholder& p) {
    return p.kind == PlaceholderKind::tag || p.kind == PlaceholderKind::entity;
  };
  std::vector<PairPlaceholders> storage;
  for (const PairPlaceholders& found : pair_placeholders(context, storage)) {
    const PlaceholderDifference difference = compare_placeholders(*context.source, *context.target, found, keep);
    report_placeholder_difference(*this, context, found, difference, "tag", out);
  }
}

}  // namespace tc
