#pragma once
#include <string_view>

#include "core/rule.h"

namespace tc {

// Every rule, in family order. The one place that lists the families; each
// family lists its rules in src/rules/<family>/module.cpp.
RuleList all_rules();

// The rule with this id, or null.
const Rule* find_rule(const RuleList& rules, std::string_view id);

// The family part of a rule id ("encoding" for "encoding/mojibake").
std::string_view rule_family(std::string_view id);

}  // namespace tc
