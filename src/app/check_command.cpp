#include <iostream>
#include <memory>

#include "app/cli_options.h"
#include "app/commands.h"
#include "app/output.h"
#include "engine/session.h"
#include "report/printers.h"
#include "rules/registry.h"

namespace tc::app {
namespace {

struct CheckArgs {
  std::vector<std::string> files;
  std::string source_lang = "zh";
  std::string target_lang = "en";
  std::string lang;
  bool single = false;
  std::string format = "text";
  std::string output;
  bool color = false;
  bool no_color = false;
  RuleSelection selection;  // --select, --enable, --disable in command-line order
  std::string fail_on = "error";
  std::string encoding;
  std::size_t max_input_size = kDefaultMaxInputSize;
  std::vector<std::string> glossaries;
  std::vector<std::string> settings;
  std::vector<std::string> severities;
};

RunConfig build_config(const CheckArgs& args) {
  RunConfig config;
  config.selection = args.selection;
  for (const auto& item : args.severities) config.severities.push_back(parse_severity_override(item));
  for (const auto& item : args.settings) add_setting(config.settings, item);
  config.glossaries = args.glossaries;
  config.fail_on = parse_fail_on(args.fail_on);
  if (!args.encoding.empty()) config.encoding = args.encoding;
  config.max_input_size = args.max_input_size;
  config.source_language = parse_language_option(args.source_lang, "--source-lang");
  config.target_language = parse_language_option(args.target_lang, "--target-lang");
  if (!args.lang.empty()) config.document_language = parse_language_option(args.lang, "--lang");
  config.single = args.single;
  config.keep_alignment = report_shows_alignment(args.format);
  return config;
}

int run_check(const CheckArgs& args) {
  if (!is_report_format(args.format))
    throw CLI::ValidationError("--format", "must be one of " + std::string(printer_names()));
  const CheckSession session(build_config(args));
  const RunConfig& config = session.config();

  ReportContext context;
  context.rules = &session.rules();
  context.color = args.format == "text" && use_color(args.color, args.no_color, args.output.empty() && stdout_is_terminal());
  std::vector<std::string> inputs = args.files;
  inputs.insert(inputs.end(), args.glossaries.begin(), args.glossaries.end());
  std::size_t input_errors = 0;
  bool failing = false;
  // One job result at a time goes to the report; an input that cannot be
  // read is reported and counted, and the run goes on.
  write_output(args.output, inputs, [&](std::ostream& out) {
    const auto sink = make_report_sink(args.format, out, context);
    sink->begin_run();
    for (const Job& job : plan_jobs(config, args.files)) {
      const JobResult result = session.run(job);
      if (result.error) {
        print_error(result.error->message);
        ++input_errors;
      }
      for (const Finding& f : result.findings)
        failing |= config.fail_on && static_cast<int>(f.severity) >= static_cast<int>(*config.fail_on);
      sink->job_result(result);
    }
    sink->end_run();
  });
  if (input_errors > 0) return 2;
  return failing ? 1 : 0;
}

}  // namespace

void add_check_command(CLI::App& app, ExitStatus& status) {
  auto args = std::make_shared<CheckArgs>();
  auto* command = app.add_subcommand(
      "check", "Check a translation pair (SOURCE TARGET) or single documents (FILE... with --lang or --single)");
  command->add_option("files", args->files, "SOURCE TARGET, or documents to check one by one")->required();
  command->add_option("--source-lang", args->source_lang, "Source language: zh, zh-Hans, zh-Hant, en (default zh)");
  command->add_option("--target-lang", args->target_lang, "Target language: zh, zh-Hans, zh-Hant, en (default en)");
  command->add_option("--lang", args->lang, "Check the files as single documents in this language");
  command->add_flag("--single", args->single, "Check two files as separate documents, not as a pair");
  command->add_option("--format", args->format, "Output format: text, json, sarif, github, junit, html");
  command->add_option("-o,--output", args->output, "Write the report to this file (replaced atomically)");
  command->add_flag("--color", args->color, "Colour the text report even when not on a terminal");
  command->add_flag("--no-color", args->no_color, "Never colour the text report");
  auto* select = add_repeatable(*command, "--select", "Run exactly this rule or family (repeatable); --enable and --disable apply after it");
  auto* enable = add_repeatable(*command, "--enable", "Enable a rule or family (repeatable; the later of --enable and --disable wins)");
  auto* disable = add_repeatable(*command, "--disable", "Disable a rule or family (repeatable; the later of --enable and --disable wins)");
  command->add_option("--fail-on", args->fail_on, "Exit 1 on findings at or above: error, warning, info, never");
  command->add_option("--encoding", args->encoding, "Decode input from this encoding (gb18030, gbk, big5, utf-16, ...)");
  add_max_input_size(*command, args->max_input_size);
  command->add_option("--glossary", args->glossaries, "Terminology glossary (TSV, CSV, TBX or JSON); repeatable")
      ->allow_extra_args(false);
  command->add_option("--severity", args->severities, "Change a rule's or family's severity: RULE=error|warning|info")
      ->allow_extra_args(false);
  command->add_option("--set", args->settings, "Rule option KEY=VALUE, e.g. script/han-in-english.allow-parenthesized=true")
      ->allow_extra_args(false);
  command->callback([args, command, select, enable, disable, &status] {
    args->selection = selection_in_order(*command, select, enable, disable);
    status.code = run_check(*args);
  });
}

}  // namespace tc::app
