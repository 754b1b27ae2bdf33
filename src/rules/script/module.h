#pragma once
#include "core/rule.h"

namespace tc {
// Appends the script/ rules.
void register_script_rules(RuleList& rules);
}  // namespace tc
