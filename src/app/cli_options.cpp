#include "app/cli_options.h"

#include <cstdlib>

namespace tc::app {

LanguageTag language_option(const std::string& text, const char* option) {
  try {
    return parse_language_option(text, option);
  } catch (const ConfigError& e) {
    throw CLI::ValidationError(option, "'" + text + "' is not a supported language (zh, zh-Hans, zh-Hant, en)");
  }
}

CLI::Option* add_repeatable(CLI::App& command, const std::string& name, const std::string& help) {
  return command.add_option(name, help)->type_size(1)->expected(1)->allow_extra_args(false)->multi_option_policy(
      CLI::MultiOptionPolicy::TakeAll);
}

RuleSelection selection_in_order(const CLI::App& command, const CLI::Option* select, const CLI::Option* enable,
                                 const CLI::Option* disable) {
  RuleSelection selection;
  std::size_t next_select = 0, next_enable = 0, next_disable = 0;
  for (const CLI::Option* option : command.parse_order()) {
    if (option == select) selection.select.push_back(select->results().at(next_select++));
    else if (option == enable) selection.enable(enable->results().at(next_enable++));
    else if (option == disable) selection.disable(disable->results().at(next_disable++));
  }
  return selection;
}

bool use_color(bool color_flag, bool no_color_flag, bool to_terminal) {
  if (no_color_flag) return false;
  if (color_flag) return true;
  const char* no_color = std::getenv("NO_COLOR");
  if (no_color && *no_color) return false;
  return to_terminal;
}

void add_max_input_size(CLI::App& command, std::size_t& max_input_size) {
  command.add_option_function<std::string>(
      "--max-input-size", [&max_input_size](const std::string& text) { max_input_size = parse_input_size(text); },
      "Refuse any input file larger than this (bytes, or K, M, G; default 1G, at most 2G - 1 byte)");
}

}  // namespace tc::app
