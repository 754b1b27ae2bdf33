#pragma once
// The policy of a run, in one place for the CLI, a config file and the tests:
// which rules run, at which severity, with which options, in which languages.
// Plain data plus free functions; every function that rejects a value throws
// ConfigError (a usage error, exit 2) or InputError (a file, exit 2) naming it.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/document.h"
#include "core/language.h"
#include "core/rule.h"
#include "core/settings.h"
#include "core/severity.h"
#include "formats/reader.h"

namespace tc {

// Which rules run. With no --select, the rules on by default; with --select,
// exactly the rules it names. Then --enable and --disable apply in
// command-line order, so the later flag wins.
struct RuleSelection {
  struct Step {
    bool enable = true;
    std::string name;  // rule id, family name or "all"
  };
  std::vector<std::string> select;  // rule ids, family names or "all"
  std::vector<Step> steps;
  void enable(std::string name) { steps.push_back({true, std::move(name)}); }
  void disable(std::string name) { steps.push_back({false, std::move(name)}); }
  bool is_enabled(const RuleInfo& info) const;
};

struct SeverityOverride {
  std::string rule;  // rule id or family name
  Severity severity = Severity::warning;
};

struct RunConfig {
  RuleSelection selection;
  std::vector<SeverityOverride> severities;   // later entries win
  Settings settings;                          // rule options as given (--set)
  std::vector<std::string> glossaries;        // later files win
  std::optional<Severity> fail_on = Severity::error;  // nullopt: never fail
  std::optional<std::string> encoding;        // --encoding
  std::size_t max_input_size = kDefaultMaxInputSize;  // --max-input-size, for every file read
  std::size_t max_findings_per_rule = kDefaultMaxFindingsPerRule;  // --max-findings-per-rule; 0: no limit
  LanguageTag source_language{Lang::zh};
  LanguageTag target_language{Lang::en};
  std::optional<LanguageTag> document_language;  // --lang: check single documents in this language
  bool single = false;                        // --single: two files as separate documents
  bool segmented = false;                     // one sentence per line (align)
  bool keep_alignment = false;                // align every pair even when no rule needs it (HTML report)
  // The run compares its translation files with each other (run-scope rules,
  // RunComparison): jobs keep the keys those rules need. Not in `--lines`.
  bool compare_jobs = false;
};

// True when `name` is "all", a rule id or a family name.
bool names_rule(std::string_view name, std::string_view rule_id);

// Throws ConfigError unless `name` is "all", a rule id or a family name;
// `option` says where it came from ("--enable").
void verify_rule_name(const RuleList& rules, std::string_view name, std::string_view option);

// Checks every rule name of the selection and the severities.
void verify_rule_names(const RuleList& rules, const RunConfig& config);

// "RULE=error|warning|info".
SeverityOverride parse_severity_override(std::string_view text);
// "error|warning|info|never" (never: nullopt).
std::optional<Severity> parse_fail_on(std::string_view text);
// "KEY=VALUE" into settings.
void add_setting(Settings& settings, std::string_view text);
// zh, zh-Hans, zh-Hant, en ...; `option` names the flag in the error.
LanguageTag parse_language_option(std::string_view text, std::string_view option);

// Checks every --set value against the rules' declarations and parses it;
// every declared option not given gets its default. Throws ConfigError for
// an unknown rule or option, or a value that does not parse.
RuleOptions resolve_options(const RuleList& rules, const Settings& given);

// The --severity overrides that apply to a rule: its severity, if any.
std::optional<Severity> severity_override(const std::vector<SeverityOverride>& overrides, std::string_view rule_id);

// A pair whose scripts contradict the declared languages is an InputError:
// checking English rules on Chinese text only produces nonsense.
void verify_pair_languages(const Document& source, const Document& target, Lang source_lang, Lang target_lang);

// --lang on a file written in the other language would flag every sentence:
// an InputError that says so.
void verify_declared_language(const Document& doc, Lang declared);

}  // namespace tc
