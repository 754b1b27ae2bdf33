#include "app/commands.h"

namespace tc::app {

// Placeholder until the aligner's command lands.
void add_align_command(CLI::App& app, ExitStatus& status) {
  auto* command = app.add_subcommand("align", "Align a source document with its translation, sentence by sentence");
  command->callback([&status] { status.code = 2; });
}

}  // namespace tc::app
