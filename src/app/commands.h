#pragma once
// Each subcommand adds itself to the CLI in its own file; main only glues.
#include <CLI/CLI.hpp>
#include <memory>
#include <string>
#include <vector>

namespace tc::app {

// The exit code a subcommand's callback leaves for main.
struct ExitStatus {
  int code = 0;
  std::vector<std::string> command_line;  // as given, for reports that record it (SARIF invocations)
  // What a command loaded that only the end of the process frees: main ends
  // with _Exit, so Hunspell's dictionaries (a few hundred thousand small
  // allocations, ~15 ms to free one by one) are not freed on the way out.
  std::vector<std::shared_ptr<const void>> kept_until_exit;
};

void add_check_command(CLI::App& app, ExitStatus& status);
void add_rules_commands(CLI::App& app, ExitStatus& status);   // `rules` and `explain`
void add_align_command(CLI::App& app, ExitStatus& status);
void add_glossary_command(CLI::App& app, ExitStatus& status);
void add_fix_command(CLI::App& app, ExitStatus& status);

}  // namespace tc::app
