#pragma once
// The policy of a run, in one place for the CLI, a config file and the tests:
// which rules run, at which severity, with which options.
#include "core/rule.h"
#include "core/settings.h"

namespace tc {

// Checks every --set value against the rules' declarations and parses it;
// every declared option not given gets its default. Throws ConfigError for
// an unknown rule or option, or a value that does not parse.
RuleOptions resolve_options(const RuleList& rules, const Settings& given);

}  // namespace tc
