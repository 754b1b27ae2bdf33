#include "core/settings.h"

#include <charconv>
#include <cmath>
#include <cstdlib>

namespace tc {
namespace {

std::string_view trimmed(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

[[noreturn]] void refuse(std::string_view key, std::string_view text, const std::string& expected) {
  throw ConfigError("--set " + std::string(key) + "=" + std::string(text) + ": '" + std::string(text) + "' is not " +
                    expected);
}

std::vector<std::string> split_items(std::string_view text, char separator) {
  std::vector<std::string> items;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find(separator, start);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view item = trimmed(text.substr(start, end - start));
    if (!item.empty()) items.emplace_back(item);
    start = end + 1;
  }
  return items;
}

}  // namespace

std::string_view to_string(OptionType type) {
  switch (type) {
    case OptionType::boolean: return "boolean";
    case OptionType::integer: return "integer";
    case OptionType::number: return "number";
    case OptionType::text: return "text";
    case OptionType::list: return "list";
    case OptionType::choice: return "choice";
  }
  return "text";
}

OptionValue parse_option_value(const OptionSpec& spec, std::string_view key, std::string_view text) {
  switch (spec.type) {
    case OptionType::boolean: {
      const std::string_view v = trimmed(text);
      if (v == "true" || v == "1" || v == "yes" || v == "on") return true;
      if (v == "false" || v == "0" || v == "no" || v == "off") return false;
      refuse(key, text, "a boolean (true or false)");
    }
    case OptionType::integer: {
      const std::string_view v = trimmed(text);
      std::int64_t value = 0;
      const auto [end, error] = std::from_chars(v.data(), v.data() + v.size(), value);
      if (v.empty() || error != std::errc() || end != v.data() + v.size()) refuse(key, text, "an integer");
      return value;
    }
    case OptionType::number: {
      const std::string v(trimmed(text));
      char* end = nullptr;
      const double value = v.empty() ? NAN : std::strtod(v.c_str(), &end);
      if (v.empty() || end != v.c_str() + v.size() || !std::isfinite(value)) refuse(key, text, "a number");
      return value;
    }
    case OptionType::text: return std::string(text);
    case OptionType::list: return split_items(text, spec.separator);
    case OptionType::choice: {
      const std::string_view v = trimmed(text);
      for (const std::string& choice : split_items(spec.choices, '|'))
        if (choice == v) return choice;
      std::string expected = "one of ";
      for (const std::string& choice : split_items(spec.choices, '|'))
        expected += (expected.size() > 7 ? ", " : "") + choice;
      refuse(key, text, expected);
    }
  }
  return std::string(text);
}

}  // namespace tc
