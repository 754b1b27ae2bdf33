#include "engine/run_config.h"

#include <algorithm>

#include "core/error.h"
#include "rules/registry.h"

namespace tc {

bool names_rule(std::string_view name, std::string_view rule_id) {
  return name == "all" || name == rule_id || name == rule_family(rule_id);
}

bool RuleSelection::is_enabled(const RuleInfo& info) const {
  bool enabled = select.empty() ? info.enabled_by_default
                                : std::any_of(select.begin(), select.end(),
                                              [&](const std::string& name) { return names_rule(name, info.id); });
  for (const Step& step : steps)
    if (names_rule(step.name, info.id)) enabled = step.enable;
  return enabled;
}

void verify_rule_name(const RuleList& rules, std::string_view name, std::string_view option) {
  if (name == "all" || find_rule(rules, name) || is_family(rules, name)) return;
  throw ConfigError(std::string(option) + ": unknown rule or family '" + std::string(name) +
                    "' (see `transcheck rules`)");
}

void verify_rule_names(const RuleList& rules, const RunConfig& config) {
  for (const std::string& name : config.selection.select) verify_rule_name(rules, name, "--select");
  for (const RuleSelection::Step& step : config.selection.steps)
    verify_rule_name(rules, step.name, step.enable ? "--enable" : "--disable");
  for (const SeverityOverride& o : config.severities) verify_rule_name(rules, o.rule, "--severity");
}

SeverityOverride parse_severity_override(std::string_view text) {
  const std::size_t equals = text.find('=');
  const auto severity = equals == std::string_view::npos ? std::nullopt : parse_severity(text.substr(equals + 1));
  if (!severity || equals == 0)
    throw ConfigError("--severity: expected RULE=error|warning|info, got '" + std::string(text) + "'");
  return {std::string(text.substr(0, equals)), *severity};
}

std::optional<Severity> parse_fail_on(std::string_view text) {
  if (text == "never") return std::nullopt;
  const auto severity = parse_severity(text);
  if (!severity) throw ConfigError("--fail-on: must be error, warning, info or never, got '" + std::string(text) + "'");
  return severity;
}

void add_setting(Settings& settings, std::string_view text) {
  const std::size_t equals = text.find('=');
  if (equals == std::string_view::npos || equals == 0)
    throw ConfigError("--set: expected RULE.OPTION=VALUE, got '" + std::string(text) + "'");
  settings.set(std::string(text.substr(0, equals)), std::string(text.substr(equals + 1)));
}

LanguageTag parse_language_option(std::string_view text, std::string_view option) {
  const auto tag = parse_language(text);
  if (!tag || tag->lang == Lang::unknown)
    throw ConfigError(std::string(option) + ": '" + std::string(text) +
                      "' is not a supported language (zh, zh-Hans, zh-Hant, en)");
  return *tag;
}

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

std::optional<Severity> severity_override(const std::vector<SeverityOverride>& overrides, std::string_view rule_id) {
  std::optional<Severity> severity;
  for (const SeverityOverride& o : overrides)
    if (o.rule == rule_id || o.rule == rule_family(rule_id)) severity = o.severity;
  return severity;
}

namespace {

std::string language_name(Lang lang) { return lang == Lang::zh ? "Chinese" : "English"; }
std::string name_of(Lang lang) { return std::string(to_string(lang)); }

}  // namespace

void verify_pair_languages(const Document& source, const Document& target, Lang source_lang, Lang target_lang) {
  const Lang seen_source = source.script_lang;
  const Lang seen_target = target.script_lang;
  if (!source.suspected_encodings.empty() || !target.suspected_encodings.empty()) return;
  if (seen_source == target_lang && seen_target == source_lang && source_lang != target_lang) {
    throw InputError(source.path, "looks " + language_name(seen_source) + " and " + target.path + " looks " +
                                      language_name(seen_target) + ", but the source language is " +
                                      name_of(source_lang) + " and the target language is " + name_of(target_lang) +
                                      "; swap the files or pass --source-lang " + name_of(seen_source) +
                                      " --target-lang " + name_of(seen_target));
  }
  auto verify = [](const Document& doc, Lang seen, Lang declared, const char* which, const char* option) {
    if (seen != Lang::unknown && seen != declared)
      throw InputError(doc.path, "the " + std::string(which) + " language is " + name_of(declared) +
                                     " but the text is mostly " + language_name(seen) + "; pass " + option + " " +
                                     name_of(seen) + ", or --single to check the files as separate documents");
  };
  verify(source, seen_source, source_lang, "source", "--source-lang");
  verify(target, seen_target, target_lang, "target", "--target-lang");
}

void verify_declared_language(const Document& doc, Lang declared) {
  if (!doc.suspected_encodings.empty()) return;
  const Lang seen = doc.script_lang;
  if (seen != Lang::unknown && seen != declared)
    throw InputError(doc.path, "--lang is " + name_of(declared) + " but the text is mostly " + language_name(seen) +
                                   "; drop --lang to detect the language from the script");
}

}  // namespace tc
