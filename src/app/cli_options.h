#pragma once
// Option parsing shared by the subcommands.
#include <CLI/CLI.hpp>
#include <string>

#include "core/language.h"
#include "engine/run_config.h"

namespace tc::app {

// Parses --source-lang / --target-lang / --lang values; a usage error (exit 2) otherwise.
LanguageTag language_option(const std::string& text, const char* option);

// A repeatable option that takes exactly one value per occurrence, so
// `--enable RULE A B` leaves A and B to the positional arguments.
CLI::Option* add_repeatable(CLI::App& command, const std::string& name, const std::string& help);

// --select, --enable and --disable in the order they were given.
RuleSelection selection_in_order(const CLI::App& command, const CLI::Option* select, const CLI::Option* enable,
                                 const CLI::Option* disable);

// --max-input-size SIZE (bytes, or K, M, G): the most any one input file may hold.
void add_max_input_size(CLI::App& command, std::size_t& max_input_size);

// Colour for a text report: --no-color wins, then --color, then NO_COLOR
// (https://no-color.org: set and not empty), then whether stdout is a terminal.
bool use_color(bool color_flag, bool no_color_flag, bool to_terminal);

}  // namespace tc::app
