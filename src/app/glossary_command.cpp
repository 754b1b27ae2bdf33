#include "app/commands.h"

namespace tc::app {

// Placeholder until the glossary commands land.
void add_glossary_command(CLI::App& app, ExitStatus& status) {
  auto* command = app.add_subcommand("glossary", "Work with terminology glossaries");
  command->callback([&status] { status.code = 2; });
}

}  // namespace tc::app
