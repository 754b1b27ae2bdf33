#include "engine/run_config.h"

#include "rules/registry.h"

namespace tc {

RuleOptions resolve_options(const RuleList& rules, const Settings& given) {
  RuleOptions options;
  for (const auto& rule : rules) {
    const RuleInfo& info = rule->info();
    for (const OptionSpec& spec : info.options) {
      const std::string key = std::string(info.id) + "." + std::string(spec.name);
      options.set(key, parse_option_value(spec, key, spec.default_value));
    }
  }
  for (const auto& [key, text] : given.values()) {
    const std::size_t slash = key.find('/');
    const std::size_t dot = key.find('.', slash == std::string::npos ? 0 : slash);
    if (slash == std::string::npos || dot == std::string::npos)
      throw ConfigError("--set " + key + "=" + text + ": expected RULE.OPTION=VALUE, e.g. " +
                        "script/han-in-english.allow-parenthesized=true");
    const std::string rule_id = key.substr(0, dot);
    const std::string name = key.substr(dot + 1);
    const Rule* rule = find_rule(rules, rule_id);
    if (!rule) throw ConfigError("--set " + key + "=" + text + ": unknown rule '" + rule_id + "' (see `transcheck rules`)");
    const RuleInfo& info = rule->info();
    const OptionSpec* spec = nullptr;
    std::string known;
    for (const OptionSpec& candidate : info.options) {
      if (candidate.name == name) spec = &candidate;
      known += (known.empty() ? "" : ", ") + std::string(candidate.name);
    }
    if (!spec)
      throw ConfigError("--set " + key + "=" + text + ": rule '" + rule_id + "' has no option '" + name + "' (" +
                        (known.empty() ? "it has no options" : "its options: " + known) + ")");
    options.set(key, parse_option_value(*spec, key, text));
  }
  return options;
}

}  // namespace tc
