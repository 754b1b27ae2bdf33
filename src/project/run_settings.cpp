#include "project/run_settings.h"

#include <algorithm>
#include <vector>

#include "project/project.h"
#include "rules/registry.h"

namespace tc {
namespace {

void verify_name(const RuleList& rules, const ConfigString& name, std::string_view key) {
  try {
    verify_rule_name(rules, name.value, key);
  } catch (const ConfigError& error) {
    throw ConfigFileError(name.where, error.what());
  }
}

// The declaration of option key ("family/name.option"); ConfigFileError when
// no rule declares it.
const OptionSpec& option_spec(const RuleList& rules, const OptionSetting& option) {
  const std::size_t slash = option.key.find('/');
  const std::size_t dot = slash == std::string::npos ? std::string::npos : option.key.find('.', slash);
  const std::string rule_id = option.key.substr(0, dot);
  const Rule* rule = dot == std::string::npos ? nullptr : find_rule(rules, rule_id);
  if (!rule) throw ConfigFileError(option.where, "option '" + option.key + "': unknown rule '" + rule_id + "' (see `transcheck rules`)");
  const std::string_view name = std::string_view(option.key).substr(dot + 1);
  std::string known;
  for (const OptionSpec& spec : rule->info().options) {
    if (spec.name == name) return spec;
    known += (known.empty() ? "" : ", ") + std::string(spec.name);
  }
  throw ConfigFileError(option.where, "rule '" + rule_id + "' has no option '" + std::string(name) + "' (" +
                                          (known.empty() ? "it has no options" : "its options: " + known) + ")");
}

}  // namespace

void apply_rule_settings(const RuleSettings& settings, const RuleList& rules, RunConfig& config) {
  // A table has no order, so the more specific name wins: "all", then
  // families, then rule ids; at the same level a disable wins.
  struct Step {
    const ConfigString* name;
    bool enable;
  };
  std::vector<Step> steps;
  for (const auto& name : settings.enable) steps.push_back({&name, true});
  for (const auto& name : settings.disable) steps.push_back({&name, false});
  const auto level = [](const Step& step) {
    const std::string& name = step.name->value;
    return 2 * (name == "all" ? 0 : name.find('/') == std::string::npos ? 1 : 2) + (step.enable ? 0 : 1);
  };
  std::stable_sort(steps.begin(), steps.end(), [&](const Step& a, const Step& b) { return level(a) < level(b); });
  for (const Step& step : steps) {
    verify_name(rules, *step.name, step.enable ? "enable" : "disable");
    if (step.enable) config.selection.enable(step.name->value);
    else config.selection.disable(step.name->value);
  }
  for (const auto& entry : settings.severity) {
    verify_name(rules, {entry.rule, entry.where}, "severity");
    config.severities.push_back({entry.rule, entry.severity});
  }
  for (const auto& option : settings.options) {
    const OptionSpec& spec = option_spec(rules, option);
    const std::string text = option_text(option.value, spec.separator);
    try {
      parse_option_value(spec, option.key, text);
    } catch (const ConfigError& error) {
      throw ConfigFileError(option.where, error.what());
    }
    config.settings.set(option.key, text);
  }
}

void apply_project_config(const ProjectConfig& project, const RuleList& rules, RunConfig& config) {
  if (project.source_lang) config.source_language = parse_language_option(project.source_lang->value, "source-lang");
  if (project.target_lang) config.target_language = parse_language_option(project.target_lang->value, "target-lang");
  for (const auto& glossary : project.glossaries) config.glossaries.push_back(glossary.value);
  if (project.max_findings_per_rule) config.max_findings_per_rule = *project.max_findings_per_rule;
  apply_rule_settings(project.rules, rules, config);
  // Overrides are applied per file, but their mistakes are found at once.
  for (const auto& entry : project.overrides) {
    RunConfig scratch;
    apply_rule_settings(entry.rules, rules, scratch);
  }
}

RunConfig run_config_for(const RunConfig& base, const ProjectConfig& project, const std::vector<std::string_view>& paths,
                         const RuleList& rules) {
  RunConfig config = base;
  for (const auto& entry : project.overrides) {
    const bool applies =
        std::any_of(paths.begin(), paths.end(), [&](std::string_view path) { return override_applies(entry, path); });
    if (applies) apply_rule_settings(entry.rules, rules, config);
  }
  return config;
}

}  // namespace tc
