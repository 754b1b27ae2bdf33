#include "project/config.h"

#include <toml++/toml.h>

#include <cerrno>
#include <charconv>
#include <cstring>
#include <fstream>
#include <initializer_list>
#include <sstream>
#include <system_error>

#include "core/language.h"

namespace tc {
namespace fs = std::filesystem;
namespace {

std::string_view type_name(const toml::node& node) {
  switch (node.type()) {
    case toml::node_type::table: return "a table";
    case toml::node_type::array: return "an array";
    case toml::node_type::string: return "a string";
    case toml::node_type::integer: return "an integer";
    case toml::node_type::floating_point: return "a decimal number";  // 2.0 too: "not a number" would be untrue
    case toml::node_type::boolean: return "a boolean";
    default: return "a date or time";
  }
}

std::string join(std::initializer_list<const char*> names) {
  std::string text;
  for (const char* name : names) {
    if (!text.empty()) text += ", ";
    text += name;
  }
  return text;
}

// Reads one parsed file into ProjectConfig, naming file:line:col in errors.
class ConfigReader {
 public:
  ConfigReader(std::string file, fs::path root) : file_(std::move(file)), root_(std::move(root)) {}

  ProjectConfig read(const toml::table& top) {
    ProjectConfig config;
    config.file = file_;
    config.root = root_;
    for (const auto& [key, node] : top) {
      const std::string_view name = key.str();
      if (name == "source-lang") config.source_lang = language(node, key);
      else if (name == "target-lang") config.target_lang = language(node, key);
      else if (name == "glossaries") config.glossaries = glossary_paths(node, key);
      else if (name == "exclude") config.exclude = globs(node, key);
      else if (name == "files") config.files = globs(node, key);
      else if (name == "rules") config.rules = rule_settings(table(node, key), "[rules]", false, nullptr);
      else if (name == "overrides") config.overrides = overrides(node, key);
      else if (name == "pairs") config.pairs = pairs(node, key);
      else if (name == "max-findings-per-rule") config.max_findings_per_rule = count(node, key);
      else
        unknown(key, "at the top level",
                {"source-lang", "target-lang", "glossaries", "exclude", "files", "rules", "overrides", "pairs",
                 "max-findings-per-rule"});
    }
    return config;
  }

 private:
  ConfigPosition at(const toml::source_region& region) const {
    return {file_, static_cast<std::size_t>(region.begin.line), static_cast<std::size_t>(region.begin.column)};
  }

  [[noreturn]] void fail(const toml::source_region& region, const std::string& reason) const {
    throw ConfigFileError(at(region), reason);
  }

  [[noreturn]] void unknown(const toml::key& key, std::string_view where, std::initializer_list<const char*> known) const {
    fail(key.source(), "unknown key '" + std::string(key.str()) + "' " + std::string(where) + " (expected " + join(known) + ")");
  }

  [[noreturn]] void wrong_type(const toml::node& node, const toml::key& key, std::string_view expected) const {
    fail(node.source(), "'" + std::string(key.str()) + "' must be " + std::string(expected) + ", not " +
                            std::string(type_name(node)));
  }

  const toml::table& table(const toml::node& node, const toml::key& key) const {
    if (!node.is_table()) wrong_type(node, key, "a table");
    return *node.as_table();
  }

  ConfigString string(const toml::node& node, const toml::key& key) const {
    if (!node.is_string()) wrong_type(node, key, "a string");
    return {node.as_string()->get(), at(node.source())};
  }

  // A list key takes an array of strings; a single string is a list of one.
  std::vector<ConfigString> strings(const toml::node& node, const toml::key& key) const {
    if (node.is_string()) return {string(node, key)};
    if (!node.is_array()) wrong_type(node, key, "an array of strings");
    std::vector<ConfigString> values;
    for (const toml::node& item : *node.as_array()) {
      if (!item.is_string()) wrong_type(item, key, "an array of strings");
      values.push_back({item.as_string()->get(), at(item.source())});
    }
    return values;
  }

  // A whole number, 0 or more.
  std::size_t count(const toml::node& node, const toml::key& key) const {
    if (!node.is_integer()) wrong_type(node, key, "a whole number");
    if (node.as_integer()->get() < 0) fail(node.source(), "'" + std::string(key.str()) + "' must be 0 or more");
    return static_cast<std::size_t>(node.as_integer()->get());
  }

  ConfigString language(const toml::node& node, const toml::key& key) const {
    ConfigString value = string(node, key);
    if (!parse_language(value.value))
      fail(node.source(), "unknown language '" + value.value + "' for '" + std::string(key.str()) +
                              "' (expected zh, zh-Hans, zh-Hant, en or a tag such as zh-CN, en-US)");
    return value;
  }

  ConfigGlob glob(const toml::node& node, const toml::key& key) const { return compile(string(node, key)); }

  static ConfigGlob compile(const ConfigString& text) {
    try {
      return {Glob(text.value), text.where};
    } catch (const GlobError& error) {
      ConfigPosition where = text.where;
      where.column += error.column();  // past the opening quote
      throw ConfigFileError(where, "bad glob '" + text.value + "': " + error.what());
    }
  }

  std::vector<ConfigGlob> globs(const toml::node& node, const toml::key& key) const {
    std::vector<ConfigGlob> compiled;
    for (const auto& text : strings(node, key)) compiled.push_back(compile(text));
    return compiled;
  }

  std::vector<ConfigString> glossary_paths(const toml::node& node, const toml::key& key) const {
    auto paths = strings(node, key);
    for (auto& path : paths) {
      const fs::path written(path.value);
      if (written.is_relative()) path.value = (root_ / written).lexically_normal().string();
    }
    return paths;
  }

  std::vector<SeveritySetting> severities(const toml::node& node, const toml::key& key) const {
    std::vector<SeveritySetting> settings;
    for (const auto& [rule, value] : table(node, key)) {
      if (!value.is_string()) wrong_type(value, rule, "\"error\", \"warning\" or \"info\"");
      const std::string& level = value.as_string()->get();
      const auto severity = parse_severity(level);
      if (!severity)
        fail(value.source(), "unknown severity '" + level + "' for '" + std::string(rule.str()) +
                                 "' (expected error, warning or info)");
      settings.push_back({std::string(rule.str()), *severity, at(rule.source())});
    }
    return settings;
  }

  OptionValue option_value(const toml::node& node, const toml::key& key) const {
    if (const auto* text = node.as_string()) return text->get();
    if (const auto* flag = node.as_boolean()) return flag->get();
    if (const auto* number = node.as_integer()) return number->get();
    if (const auto* number = node.as_floating_point()) return number->get();
    if (node.is_array()) {
      std::vector<std::string> items;
      for (const auto& item : strings(node, key)) items.push_back(item.value);
      return items;
    }
    wrong_type(node, key, "a string, number, boolean or array of strings");
  }

  // options = { "family/name.option" = value } or { "family/name" = { option = value } }.
  std::vector<OptionSetting> options(const toml::node& node, const toml::key& key) const {
    std::vector<OptionSetting> settings;
    for (const auto& [name, value] : table(node, key)) {
      if (value.is_table()) {
        for (const auto& [option, option_node] : *value.as_table())
          settings.push_back({std::string(name.str()) + "." + std::string(option.str()), option_value(option_node, option),
                              at(option.source())});
        continue;
      }
      if (name.str().find('.') == std::string_view::npos)
        fail(name.source(), "option '" + std::string(name.str()) +
                                "' must be written \"family/name.option\" (or \"family/name\" = { option = value })");
      settings.push_back({std::string(name.str()), option_value(value, name), at(name.source())});
    }
    return settings;
  }

  // The keys of [rules]; an [[overrides]] entry has them too, beside `paths`.
  RuleSettings rule_settings(const toml::table& rules, std::string_view where, bool in_override,
                             std::vector<ConfigGlob>* paths) const {
    RuleSettings settings;
    for (const auto& [key, node] : rules) {
      const std::string_view name = key.str();
      if (name == "enable") settings.enable = strings(node, key);
      else if (name == "disable") settings.disable = strings(node, key);
      else if (name == "severity") settings.severity = severities(node, key);
      else if (name == "options") settings.options = options(node, key);
      else if (in_override && name == "paths") *paths = globs(node, key);
      else if (in_override) unknown(key, "in " + std::string(where), {"paths", "enable", "disable", "severity", "options"});
      else unknown(key, "in " + std::string(where), {"enable", "disable", "severity", "options"});
    }
    return settings;
  }

  const toml::array& array_of_tables(const toml::node& node, const toml::key& key) const {
    if (!node.is_array_of_tables()) wrong_type(node, key, "an array of tables ([[" + std::string(key.str()) + "]])");
    return *node.as_array();
  }

  std::vector<PathOverride> overrides(const toml::node& node, const toml::key& key) const {
    std::vector<PathOverride> entries;
    for (const toml::node& item : array_of_tables(node, key)) {
      PathOverride entry;
      entry.where = at(item.source());
      entry.rules = rule_settings(*item.as_table(), "[[overrides]]", true, &entry.paths);
      if (entry.paths.empty()) fail(item.source(), "[[overrides]] needs 'paths', the globs of the files it applies to");
      entries.push_back(std::move(entry));
    }
    return entries;
  }

  std::vector<PairSpec> pairs(const toml::node& node, const toml::key& key) const {
    std::vector<PairSpec> entries;
    for (const toml::node& item : array_of_tables(node, key)) {
      std::optional<ConfigGlob> source;
      std::optional<ConfigGlob> target;
      std::optional<ConfigString> source_lang;
      std::optional<ConfigString> target_lang;
      const toml::node* target_node = nullptr;
      for (const auto& [field, value] : *item.as_table()) {
        const std::string_view name = field.str();
        if (name == "source") source = glob(value, field);
        else if (name == "target") target = glob(value, field), target_node = &value;
        else if (name == "source-lang") source_lang = language(value, field);
        else if (name == "target-lang") target_lang = language(value, field);
        else unknown(field, "in [[pairs]]", {"source", "target", "source-lang", "target-lang"});
      }
      if (!source || !target) fail(item.source(), "[[pairs]] needs both 'source' and 'target' globs");
      if (source->glob.wildcard_count() != target->glob.wildcard_count())
        fail(target_node->source(),
             "'" + target->glob.pattern() + "' has " + std::to_string(target->glob.wildcard_count()) +
                 " wildcards but source '" + source->glob.pattern() + "' has " +
                 std::to_string(source->glob.wildcard_count()) +
                 ": files pair when each wildcard matched the same text, so both need the same wildcards in the same order");
      entries.push_back({std::move(*source), std::move(*target), std::move(source_lang), std::move(target_lang),
                         at(item.source())});
    }
    return entries;
  }

  std::string file_;
  fs::path root_;
};

}  // namespace

std::string to_string(const ConfigPosition& position) {
  if (position.line == 0) return position.file;
  return position.file + ":" + std::to_string(position.line) + ":" + std::to_string(position.column);
}

std::string option_text(const OptionValue& value, char list_separator) {
  struct Printer {
    char separator;
    std::string operator()(bool flag) const { return flag ? "true" : "false"; }
    std::string operator()(std::int64_t number) const { return std::to_string(number); }
    std::string operator()(double number) const {
      char buffer[64];
      const auto end = std::to_chars(buffer, buffer + sizeof buffer, number).ptr;
      return std::string(buffer, end);
    }
    std::string operator()(const std::string& text) const { return text; }
    std::string operator()(const std::vector<std::string>& items) const {
      std::string text;
      for (const auto& item : items) {
        if (!text.empty()) text += separator;
        text += item;
      }
      return text;
    }
  };
  return std::visit(Printer{list_separator}, value);
}

ProjectConfig parse_project_config(std::string_view text, const fs::path& path) {
  const std::string file = path.string();
  toml::table top;
  try {
    top = toml::parse(text, file);
  } catch (const toml::parse_error& error) {
    const auto& begin = error.source().begin;
    throw ConfigFileError({file, static_cast<std::size_t>(begin.line), static_cast<std::size_t>(begin.column)},
                      std::string(error.description()));
  }
  return ConfigReader(file, path.parent_path()).read(top);
}

ProjectConfig load_project_config(const fs::path& path) {
  std::error_code error;
  if (fs::is_directory(path, error)) throw ConfigFileError({path.string()}, "is a directory, not a config file");
  std::ifstream in(path, std::ios::binary);
  if (!in) throw ConfigFileError({path.string()}, "cannot read the config file: " + std::string(std::strerror(errno)));
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return parse_project_config(bytes.str(), path);
}

std::optional<fs::path> find_project_config(const fs::path& start) {
  std::error_code error;
  // The physical path, so that going up means what `..` means to the system.
  fs::path directory = fs::canonical(start, error);
  if (error) return std::nullopt;
  const fs::path current = fs::current_path(error);
  for (;;) {
    const fs::path candidate = directory / kProjectConfigName;
    if (fs::is_regular_file(candidate, error)) {
      // Short in messages when it is in the working directory or below it.
      const fs::path relative = current.empty() ? fs::path() : candidate.lexically_relative(current);
      if (!relative.empty() && *relative.begin() != "..") return relative;
      return candidate;
    }
    const fs::path parent = directory.parent_path();
    if (parent == directory) return std::nullopt;
    directory = parent;
  }
}

}  // namespace tc
