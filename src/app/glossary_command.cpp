#include <iostream>
#include <memory>

#include "app/commands.h"
#include "app/output.h"
#include "glossary/lint.h"
#include "formats/reader.h"
#include "report/excerpt.h"

namespace tc::app {
namespace {

// Prints `file:line: message` for each problem; 1 when there are any.
int run_lint(const std::vector<std::string>& files) {
  std::vector<std::pair<std::string, GlossaryProblem>> problems;
  for (const std::string& path : files) {
    for (GlossaryProblem& problem : lint_glossary(path, read_file_bytes(path))) problems.emplace_back(path, std::move(problem));
  }
  write_output("", {}, [&](std::ostream& out) {
    for (const auto& [path, problem] : problems) {
      // Cells quoted in messages come from the file: shown escaped, never raw.
      out << printable(path);
      if (problem.line > 0) out << ':' << problem.line;
      out << ": " << (problem.fatal ? "error" : "warning") << ": " << printable(problem.message) << '\n';
    }
  });
  return problems.empty() ? 0 : 1;
}

}  // namespace

void add_glossary_command(CLI::App& app, ExitStatus& status) {
  auto* command = app.add_subcommand("glossary", "Work with terminology glossaries");
  command->require_subcommand(1);
  auto files = std::make_shared<std::vector<std::string>>();
  auto* lint = command->add_subcommand(
      "lint", "Report duplicate or conflicting entries, forbidden renderings that are also accepted, empty cells "
              "and bad quoting (exit 1 when there are problems)");
  lint->add_option("files", *files, "Glossary files (TSV, CSV, TBX or JSON)")->required();
  lint->callback([files, &status] { status.code = run_lint(*files); });
}

}  // namespace tc::app
