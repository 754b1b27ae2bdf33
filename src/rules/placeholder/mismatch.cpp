#include "rules/placeholder/mismatch.h"

#include "rules/placeholder/compare.h"
#include "rules/unit_pairs.h"

namespace tc {

const RuleInfo& PlaceholderMismatch::info() const {
  static const RuleInfo kInfo{
      "placeholder/mismatch", Severity::error, RuleScope::pair, RuleLanguage::any, true,
      "A printf, Python or brace placeholder missing from the translation, or added to it",
      R"(## What it does
Compares the placeholders of each unit of a translation file (each aligned
sentence group of a document pair) with those of its source: printf
conversions (`%s`, `%d`, `%1$s`, `%%`, `%'.2f`), Python ones (`%(name)s`,
`{name}`, `{0}`) and brace variables (`{{name}}`, `${x}`, `%{x}`, the simple
arguments of ICU MessageFormat). The translation may reorder them (`%2$s`
counts as `%s`); each one missing from the translation or not in the source is
reported by name. `50% of` and `100%` are no placeholders.

## Why it matters
A program fills placeholders at run time: a missing or extra `%s` crashes
it or prints garbage, and a renamed `{name}` leaves a hole in the message.

## Example
Source `Deleted %d files from %s.` Target `已从 %s 删除文件。` reports that `%d` is
missing from the translation.

## Options
None.)"};
  return kInfo;
}

void PlaceholderMismatch::check(const CheckContext& context, std::vector<Finding>& out) const {
  const auto keep = [](const Placeholder& p) {
    return p.kind == PlaceholderKind::printf || p.kind == PlaceholderKind::brace;
  };
  for (const UnitPair& pair : unit_pairs(context)) {
    const PlaceholderDifference difference =
        compare_placeholders(*context.source, pair.source, *context.target, pair.target, keep);
    report_placeholder_difference(*this, context, pair.source, pair.target, difference, "placeholder", out);
  }
}

}  // namespace tc
