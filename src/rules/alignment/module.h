#pragma once
#include "core/rule.h"

namespace tc {
// Appends the alignment/ rules.
void register_alignment_rules(RuleList& rules);
}  // namespace tc
