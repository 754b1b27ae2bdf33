#pragma once
#include <string>
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

// True when some rule belongs to this family.
bool is_family(const RuleList& rules, std::string_view family);

// The rule's Markdown doc for `transcheck explain`: RuleInfo::doc, then, when
// the rule declares options, an "## Options" section printed from the
// declarations (name, type, default, doc).
std::string rule_documentation(const RuleInfo& info);

}  // namespace tc
