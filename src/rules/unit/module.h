#pragma once
#include "core/rule.h"

namespace tc {
// Appends the unit/ rules (units of translation files).
void register_unit_rules(RuleList& rules);
}  // namespace tc
