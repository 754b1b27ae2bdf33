#pragma once
#include "core/rule.h"

namespace tc {
// Appends the encoding/ rules.
void register_encoding_rules(RuleList& rules);
}  // namespace tc
