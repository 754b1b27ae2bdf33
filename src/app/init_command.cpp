#include "app/init_command.h"

#include <filesystem>
#include <iostream>
#include <memory>
#include <system_error>

#include "app/output.h"
#include "core/error.h"
#include "project/config.h"
#include "project/project.h"
#include "project/starter_config.h"
#include "report/excerpt.h"

namespace tc::app {
namespace {

struct InitArgs {
  std::string directory = ".";
  bool force = false;
};

int run_init(const InitArgs& args) {
  namespace fs = std::filesystem;
  std::error_code error;
  if (!fs::is_directory(args.directory, error)) throw InputError(args.directory, "is not a directory");
  const fs::path path = (fs::path(args.directory) / kProjectConfigName).lexically_normal();
  if (fs::exists(fs::symlink_status(path, error)) && !args.force)
    throw InputError(path.string(), "already exists; --force replaces it");
  write_output(path.string(), {}, [](std::ostream& out) { out << starter_config_text(); });
  // What `transcheck check` will find here until [[pairs]] are written.
  const ProjectFiles plan = collect_directory(args.directory, Lang::zh);
  std::cerr << "transcheck: wrote " << printable(path.string()) << "\nby the default conventions: pairs "
            << plan.pairing.pairs.size() << ", sources without a translation " << plan.pairing.unpaired_sources.size()
            << ", translations without a source " << plan.pairing.unpaired_targets.size() << '\n';
  return 0;
}

}  // namespace

void add_init_command(CLI::App& app, ExitStatus& status) {
  auto args = std::make_shared<InitArgs>();
  auto* command = app.add_subcommand("init", "Write a commented starter transcheck.toml (pairs, glossaries, rules)");
  command->add_option("directory", args->directory, "Where to write it (default: the current directory)");
  command->add_flag("--force", args->force, "Replace an existing transcheck.toml");
  command->callback([args, &status] { status.code = run_init(*args); });
}

}  // namespace tc::app
