// transcheck: the command-line front end. Only glue: each subcommand lives in
// its own file and calls the library.
#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <iostream>

#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "app/commands.h"
#include "app/init_command.h"
#include "app/output.h"
#include "formats/reader.h"
#include "report/excerpt.h"

int main(int argc, char** argv) {
#ifdef __GLIBC__
  // Blocks of 1 MB and more (the vectors a scan of a large file grows) are
  // mapped on their own, so they grow in place and go back to the system when
  // freed. glibc's default raises that threshold after the first such free,
  // and then they came from the heap and stayed: 4 MB of mojibake peaked at
  // 197 MB instead of 160.
  mallopt(M_MMAP_THRESHOLD, 1 << 20);
#endif
  tc::app::StdoutCapture stdout_capture;
  CLI::App app{"transcheck: checks Chinese-English translations before they are published"};
  app.set_version_flag("--version", std::string("transcheck ") + TRANSCHECK_VERSION);
  app.require_subcommand(1);
  // A usage error quotes arguments (file names, values): shown escaped, never raw.
  app.failure_message([](const CLI::App* command, const CLI::Error& e) {
    const std::string message = CLI::FailureMessage::simple(command, e);  // what(), then where to find help
    return tc::printable(e.what()) + message.substr(std::strlen(e.what()));
  });
  tc::app::ExitStatus status;
  status.command_line.assign(argv, argv + argc);
  tc::app::add_check_command(app, status);
  tc::app::add_fix_command(app, status);
  tc::app::add_align_command(app, status);
  tc::app::add_rules_commands(app, status);
  tc::app::add_glossary_command(app, status);
  tc::app::add_init_command(app, status);
  // CLI11 reports an unknown first word only as "A subcommand is required".
  const std::vector<CLI::App*> commands = app.get_subcommands([](CLI::App*) { return true; });
  const bool known_command = argc <= 1 || argv[1][0] == '-' ||
                             std::any_of(commands.begin(), commands.end(), [&](CLI::App* c) { return c->check_name(argv[1]); });
  if (!known_command) {
    std::string known;
    for (const CLI::App* command : commands) known += (known.empty() ? "" : ", ") + command->get_name();
    tc::app::print_error("unknown command '" + std::string(argv[1]) + "' (commands: " + known + ")");
    return 2;
  }
  // Output cut off by a full disk or a closed stream must not pass as success.
  auto stdout_written = [&stdout_capture] {
    std::string reason;
    if (stdout_capture.flush(reason)) return true;
    tc::app::print_error("cannot write to standard output: " + reason);
    return false;
  };
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    const int code = app.exit(e);
    return stdout_written() ? code : 2;
  } catch (const CLI::CallForAllHelp& e) {
    const int code = app.exit(e);
    return stdout_written() ? code : 2;
  } catch (const CLI::CallForVersion& e) {
    const int code = app.exit(e);
    return stdout_written() ? code : 2;
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return 2;
  } catch (const tc::InputError& e) {
    tc::app::print_error(e.what());
    return 2;
  } catch (const std::exception& e) {
    tc::app::print_error(e.what());
    return 2;
  }
  if (!stdout_written()) return 2;
  std::cerr.flush();
  std::_Exit(status.code);  // see ExitStatus::kept_until_exit
}
