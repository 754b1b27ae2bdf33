#include "rules/structure/unused_suppression.h"

namespace tc {

const RuleInfo& UnusedSuppression::info() const {
  static const RuleInfo kInfo{
      "structure/unused-suppression", Severity::info, RuleScope::document, RuleLanguage::any, true,
      "A suppression comment silences nothing, or names an unknown rule",
      R"(## What it does
Flags an inline suppression comment that silenced no finding in this run,
or that names something that is no rule id, family or `all`:

    <!-- transcheck-disable-next-line typography/repeated-word -- quoted on purpose -->
    <!-- transcheck-disable alignment/number-mismatch --> ... <!-- transcheck-enable alignment/number-mismatch -->
    <!-- transcheck-disable-file terminology -->

The finding sits on the comment. The suppressions themselves are applied by
the engine's finding pipeline; this rule only reports the ones left over.

## Why it matters
Text changes, and a suppression written for a finding that was fixed long ago
would silently hide the next real problem on that line. A misspelt rule name
silences nothing at all.

## Example
`<!-- transcheck-disable-next-line typography/repeated-word -->` above a line
with no repeated word: `suppression silences nothing here; remove it`.

## Options
None.)"};
  return kInfo;
}

// The engine's suppression stage makes these findings (engine/suppression.h):
// only it knows which suppressions silenced something.
void UnusedSuppression::check(const CheckContext&, FindingSink&) const {}

}  // namespace tc
