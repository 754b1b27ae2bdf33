#pragma once
#include "core/rule.h"

namespace tc {
// Appends the typography/ rules.
void register_typography_rules(RuleList& rules);
}  // namespace tc
