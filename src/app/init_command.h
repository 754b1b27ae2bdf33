#pragma once
// `transcheck init [DIR] [--force]`: writes the commented starter transcheck.toml.
#include <CLI/CLI.hpp>

#include "app/commands.h"

namespace tc::app {

void add_init_command(CLI::App& app, ExitStatus& status);

}  // namespace tc::app
