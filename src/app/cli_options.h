#pragma once
// Option parsing shared by the subcommands.
#include <string>

#include "core/language.h"

namespace tc::app {

// Parses --source-lang / --target-lang / --lang values; a usage error (exit 2) otherwise.
LanguageTag language_option(const std::string& text, const char* option);

}  // namespace tc::app
