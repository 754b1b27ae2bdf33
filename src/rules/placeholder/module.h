#pragma once
#include "core/rule.h"

namespace tc {
// Appends the placeholder/ rules.
void register_placeholder_rules(RuleList& rules);
}  // namespace tc
