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

// What `transcheck explain RULE` prints: the id as a title, the summary, the
// default severity, what it applies to, then rule_documentation.
std::string rule_page(const RuleInfo& info);

// docs/rules.md (`transcheck rules --markdown`): every rule's page, headings
// one level down, each under an anchor `family-name` (what SARIF's helpUri names).
std::string rules_reference(const RuleList& rules);

}  // namespace tc
