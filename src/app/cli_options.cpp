#include "app/cli_options.h"

#include <CLI/CLI.hpp>

namespace tc::app {

LanguageTag language_option(const std::string& text, const char* option) {
  const auto tag = parse_language(text);
  if (!tag || tag->lang == Lang::unknown)
    throw CLI::ValidationError(option, "'" + text + "' is not a supported language (zh, zh-Hans, zh-Hant, en)");
  return *tag;
}

}  // namespace tc::app
