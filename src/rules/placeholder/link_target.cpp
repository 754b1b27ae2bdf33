#include "rules/placeholder/link_target.h"

#include "rules/placeholder/compare.h"
#include "rules/unit_pairs.h"

namespace tc {

const RuleInfo& PlaceholderLinkTarget::info() const {
  static const RuleInfo kInfo{
      "placeholder/link-target", Severity::warning, RuleScope::pair, RuleLanguage::any, true,
      "A URL or Markdown link target missing from the translation, or changed",
      R"(## What it does
Compares the URLs (`https://…`, `www.…`) and Markdown link targets
(`[text](target)`) of each unit of a translation file, or of each aligned
sentence group of a document pair, with those of its source. A URL missing
from the translation, or one that is not in the source, is reported by name.

## Why it matters
A link that changed on the way through translation leads readers to the wrong
page or to none; a dropped one loses the reference.

## Example
Source `See [the guide](https://example.org/guide).` Target
`见[指南](https://example.org/guid)。` reports the changed target.

## Options
None.)"};
  return kInfo;
}

void PlaceholderLinkTarget::check(const CheckContext& context, std::vector<Finding>& out) const {
  const auto keep = [](const Placeholder& p) { return p.kind == PlaceholderKind::url; };
  for (const UnitPair& pair : unit_pairs(context)) {
    const PlaceholderDifference difference =
        compare_placeholders(*context.source, pair.source, *context.target, pair.target, keep);
    report_placeholder_difference(*this, context, pair.source, pair.target, difference, "link", out);
  }
}

}  // namespace tc
