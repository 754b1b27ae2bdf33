#pragma once
#include "core/rule.h"

namespace tc {
// Appends the terminology/ rules.
void register_terminology_rules(RuleList& rules);
}  // namespace tc
