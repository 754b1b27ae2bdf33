#pragma once
// From transcheck.toml to the engine's RunConfig: the config's languages,
// glossaries and [rules] are added to a RunConfig before the command line's
// flags (so a flag wins), and a file's [[overrides]] after them. Every rule
// name and option value is checked here against the rules' declarations, so
// an error names the place in the config file (ConfigFileError, exit 2).
#include <string_view>
#include <vector>

#include "core/rule.h"
#include "engine/run_config.h"
#include "project/config.h"

namespace tc {

// Languages, glossaries and [rules] of project into config.
void apply_project_config(const ProjectConfig& project, const RuleList& rules, RunConfig& config);

// One block of rule settings ([rules] or an override): enable and disable
// steps, severities and options, appended so they win over what config has.
void apply_rule_settings(const RuleSettings& settings, const RuleList& rules, RunConfig& config);

// The RunConfig for one file or pair: base plus the overrides that match
// any of paths (relative to the project root), in file order.
RunConfig run_config_for(const RunConfig& base, const ProjectConfig& project, const std::vector<std::string_view>& paths,
                         const RuleList& rules);

}  // namespace tc
