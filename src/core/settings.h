#pragma once
// Rule options. Each rule declares its options (OptionSpec: name, type,
// default, one line of doc) in its RuleInfo. The values a user gives
// (--set KEY=VALUE, KEY = "family/name.option") are kept as text in Settings;
// they are parsed and checked against the declarations once per run
// (engine/run_config.h: resolve_options), and rules read the typed values
// from RuleOptions.
#include <cstdint>
#include <map>
#include <stdexcept>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace tc {

enum class OptionType { boolean, integer, number, text, list, choice };

struct OptionSpec {
  std::string_view name;           // "allow-parenthesized"; the key is "<rule id>.<name>"
  OptionType type = OptionType::text;
  std::string_view default_value;  // as it would be written after --set KEY=
  std::string_view doc;            // one line
  std::string_view choices = {};   // choice: the accepted values, separated by '|'
  char separator = ',';            // list: what separates the items
};

using OptionValue = std::variant<bool, std::int64_t, double, std::string, std::vector<std::string>>;

// A run's configuration is wrong: an unknown rule or option, or a value that
// does not parse. The message names what is wrong; the CLI exits 2.
class ConfigError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Parses `text` as a value of `spec`; throws ConfigError naming `key`.
OptionValue parse_option_value(const OptionSpec& spec, std::string_view key, std::string_view text);

// "boolean", "integer", "number", "text", "list", "choice".
std::string_view to_string(OptionType type);

// Option values as the user wrote them, before they are checked.
class Settings {
 public:
  void set(std::string key, std::string value) { values_[std::move(key)] = std::move(value); }
  bool has(std::string_view key) const { return values_.find(key) != values_.end(); }
  const std::map<std::string, std::string, std::less<>>& values() const { return values_; }

 private:
  std::map<std::string, std::string, std::less<>> values_;
};

// The parsed value of every declared option of every rule, defaults filled
// in. Asking for an option no rule declares is a programming error
// (std::logic_error), as is asking for it with the wrong type.
class RuleOptions {
 public:
  void set(std::string key, OptionValue value) { values_[std::move(key)] = std::move(value); }
  bool boolean(std::string_view key) const { return get<bool>(key); }
  std::int64_t integer(std::string_view key) const { return get<std::int64_t>(key); }
  double number(std::string_view key) const { return get<double>(key); }
  const std::string& text(std::string_view key) const { return get<std::string>(key); }  // text and choice
  const std::vector<std::string>& list(std::string_view key) const { return get<std::vector<std::string>>(key); }

 private:
  template <class T>
  const T& get(std::string_view key) const {
    const auto it = values_.find(key);
    if (it == values_.end()) throw std::logic_error("no rule declares the option " + std::string(key));
    if (const T* value = std::get_if<T>(&it->second)) return *value;
    throw std::logic_error("option " + std::string(key) + " is read with the wrong type");
  }
  std::map<std::string, OptionValue, std::less<>> values_;
};

}  // namespace tc
