#pragma once
// transcheck.toml: the project file that names the pairs, glossaries and
// rule settings of a whole docs tree. Parsed into plain structs; rule names
// and option values are checked later, by the engine's run configuration,
// so every entry keeps where it was written for that error to name it.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/error.h"
#include "core/settings.h"
#include "core/severity.h"
#include "project/glob.h"

namespace tc {

inline constexpr const char* kProjectConfigName = "transcheck.toml";

// Where a value was written; line and column are 1-based (columns in code points).
struct ConfigPosition {
  std::string file;
  std::size_t line = 0;
  std::size_t column = 0;
};

// "file:line:col".
std::string to_string(const ConfigPosition& position);

// An unreadable file, a TOML syntax error, an unknown key or a bad value.
// what() is "file:line:col: reason"; it is an InputError, so exit code 2.
class ConfigFileError : public InputError {
 public:
  ConfigFileError(const ConfigPosition& position, const std::string& reason)
      : InputError(to_string(position), reason), position_(position) {}
  const ConfigPosition& position() const { return position_; }

 private:
  ConfigPosition position_;
};

// A string as written, with its position (a rule name, a path, a language).
struct ConfigString {
  std::string value;
  ConfigPosition where;
};

struct ConfigGlob {
  Glob glob;
  ConfigPosition where;
};

struct SeveritySetting {
  std::string rule;  // a rule id or family, as for --severity
  Severity severity = Severity::warning;
  ConfigPosition where;
};

struct OptionSetting {
  std::string key;  // "family/name.option", as for --set
  OptionValue value;  // as TOML typed it (core/settings.h)
  ConfigPosition where;
};

// The value in --set form: true, 3, 2.5, text; a list joined by the option's
// list separator (OptionSpec::separator).
std::string option_text(const OptionValue& value, char list_separator = ',');

// [rules] of the file or of one [[overrides]] entry.
struct RuleSettings {
  std::vector<ConfigString> enable;   // rule ids or families, "all"
  std::vector<ConfigString> disable;
  std::vector<SeveritySetting> severity;
  std::vector<OptionSetting> options;
  bool empty() const { return enable.empty() && disable.empty() && severity.empty() && options.empty(); }
};

// [[overrides]]: rule settings for the files paths match (after the file's own).
struct PathOverride {
  std::vector<ConfigGlob> paths;
  RuleSettings rules;
  ConfigPosition where;
};

// [[pairs]]: source and target globs whose wildcards must capture the same values.
struct PairSpec {
  ConfigGlob source;
  ConfigGlob target;
  std::optional<ConfigString> source_lang;
  std::optional<ConfigString> target_lang;
  ConfigPosition where;
};

struct ProjectConfig {
  std::filesystem::path file;  // the transcheck.toml read
  std::filesystem::path root;  // its directory: globs and glossary paths are relative to it
  std::optional<ConfigString> source_lang;
  std::optional<ConfigString> target_lang;
  std::vector<ConfigString> glossaries;  // value: resolved against root
  std::vector<ConfigGlob> exclude;
  std::vector<ConfigGlob> files;  // single documents, checked without a counterpart
  RuleSettings rules;
  std::vector<PathOverride> overrides;
  std::vector<PairSpec> pairs;
  std::optional<std::size_t> max_findings_per_rule;  // as --max-findings-per-rule
};

// Parses the text of a config file. path names the file in errors and gives
// the root. Throws ConfigFileError (file:line:col) for TOML syntax errors, unknown
// keys, values of the wrong type, unknown severities or languages, globs that
// do not compile and pairs whose globs capture different numbers of values.
ProjectConfig parse_project_config(std::string_view text, const std::filesystem::path& path);

// Reads and parses a config file; ConfigFileError also when it cannot be read.
ProjectConfig load_project_config(const std::filesystem::path& path);

// The nearest transcheck.toml in start or one of its parents, as ruff and
// Vale look for theirs; nullopt when there is none up to the root.
std::optional<std::filesystem::path> find_project_config(const std::filesystem::path& start);

}  // namespace tc
