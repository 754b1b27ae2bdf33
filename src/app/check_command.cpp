#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <iostream>
#include <memory>
#include <set>

#include "app/check_lines.h"
#include "app/cli_options.h"
#include "app/commands.h"
#include "app/output.h"
#include "engine/baseline.h"
#include "engine/parallel.h"
#include "engine/session.h"
#include "project/config.h"
#include "project/conventions.h"
#include "project/project.h"
#include "project/project_run.h"
#include "project/run_settings.h"
#include "report/excerpt.h"
#include "report/printers.h"
#include "rules/registry.h"

namespace tc::app {
namespace {

namespace fs = std::filesystem;

struct CheckArgs {
  std::vector<std::string> files;
  std::string config_file;  // --config
  std::string source_lang;  // empty: the config file's, else zh
  std::string target_lang;  // empty: the config file's, else en
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
  std::optional<std::size_t> max_findings_per_rule;  // unset: the config file's, else the default
  std::vector<std::string> glossaries;
  std::vector<std::string> settings;
  std::vector<std::string> severities;
  std::string baseline;        // --baseline
  std::string write_baseline;  // --write-baseline
  unsigned jobs = 0;           // -j; 0: every core
  bool statistics = false;
  std::string stdin_filename;
  bool lines = false;                // --lines
  std::string lines_format = "auto";  // --lines-format
  std::vector<std::string> command_line;
};

// The command line's flags over config (the file's settings, or the
// defaults): they come later, so they win.
void apply_command_line(const CheckArgs& args, RunConfig& config) {
  for (const auto& name : args.selection.select) config.selection.select.push_back(name);
  for (const auto& step : args.selection.steps) config.selection.steps.push_back(step);
  for (const auto& item : args.severities) config.severities.push_back(parse_severity_override(item));
  for (const auto& item : args.settings) add_setting(config.settings, item);
  config.glossaries.insert(config.glossaries.end(), args.glossaries.begin(), args.glossaries.end());
  config.fail_on = parse_fail_on(args.fail_on);
  if (!args.encoding.empty()) config.encoding = args.encoding;
  config.max_input_size = args.max_input_size;
  if (args.max_findings_per_rule) config.max_findings_per_rule = *args.max_findings_per_rule;
  if (!args.source_lang.empty()) config.source_language = parse_language_option(args.source_lang, "--source-lang");
  if (!args.target_lang.empty()) config.target_language = parse_language_option(args.target_lang, "--target-lang");
  if (!args.lang.empty()) config.document_language = parse_language_option(args.lang, "--lang");
  config.single = args.single;
  config.keep_alignment = report_shows_alignment(args.format);
}

// `check` with no files, or with one directory: a project run.
bool is_project_run(const CheckArgs& args) {
  std::error_code ec;
  return args.files.empty() || (args.files.size() == 1 && args.files[0] != "-" && fs::is_directory(args.files[0], ec));
}

// p relative to the working directory, as people read it ("." when it is the working directory).
fs::path shown_from_cwd(const fs::path& p) {
  if (p.empty()) return ".";
  const fs::path relative = fs::absolute(p).lexically_normal().lexically_relative(fs::current_path());
  return relative.empty() ? fs::path(".") : relative;
}

std::string generic(const fs::path& p) { return p.generic_string(); }

fs::path absolute_normal(const fs::path& p) { return fs::absolute(p.empty() ? fs::path(".") : p).lexically_normal(); }

bool is_inside(const fs::path& path, const fs::path& dir) {
  const std::string relative = generic(absolute_normal(path).lexically_relative(absolute_normal(dir)));
  return !relative.empty() && !relative.starts_with("..");
}

// The progress line on stderr when it is a terminal: pairs done/total,
// findings so far, time left.
class Progress {
 public:
  Progress(std::size_t total, bool enabled) : total_(total), enabled_(enabled && total > 1), start_(Clock::now()) {}
  void update(std::size_t done, std::size_t findings) {
    if (!enabled_) return;
    const auto now = Clock::now();
    if (done < total_ && now - last_ < std::chrono::milliseconds(100)) return;
    last_ = now;
    const double elapsed = std::chrono::duration<double>(now - start_).count();
    const double left = done == 0 ? 0 : elapsed / static_cast<double>(done) * static_cast<double>(total_ - done);
    std::cerr << "\r\x1b[K" << done << '/' << total_ << " checked, " << findings << " findings";
    if (done > 0 && done < total_) std::cerr << ", about " << static_cast<long>(left + 0.5) << " s left";
    std::cerr << std::flush;
  }
  void finish() {
    if (enabled_) std::cerr << "\r\x1b[K" << std::flush;
  }

 private:
  using Clock = std::chrono::steady_clock;
  std::size_t total_;
  bool enabled_;
  Clock::time_point start_;
  Clock::time_point last_{};
};

// `check --lines`: pairs on standard input, JSON Lines out (app/check_lines.h).
int run_check_lines(const CheckArgs& args, const std::optional<ProjectConfig>& project, const RuleList& rules,
                    ExitStatus& status) {
  if (!args.files.empty())
    throw CLI::ValidationError("--lines", "reads the pairs from standard input: give no files");
  if (args.format != "text" && args.format != "json")
    throw CLI::ValidationError("--lines", "writes JSON Lines; --format " + args.format + " does not apply");
  if (!args.baseline.empty() || !args.write_baseline.empty())
    throw CLI::ValidationError("--lines", "does not take a baseline");
  PairLinesOptions options;
  try {
    options.format = parse_pair_lines_format(args.lines_format);
  } catch (const std::invalid_argument& error) {
    throw CLI::ValidationError("--lines-format", error.what());
  }
  RunConfig config;
  if (project) apply_project_config(*project, rules, config);
  apply_command_line(args, config);
  const auto session = std::make_shared<CheckSession>(config);
  status.kept_until_exit.push_back(session);
  options.threads = args.jobs == 0 ? default_threads() : args.jobs;
  options.max_line_bytes = config.max_input_size;
  // What the run reads, which the report must not replace: the pairs on
  // standard input, the glossaries and the project file.
  std::vector<std::string> inputs = config.glossaries;
  inputs.push_back("-");
  if (project) inputs.push_back(project->file.string());
  int code = 0;
  write_output(args.output, inputs, [&](std::ostream& out) { code = check_pair_lines(*session, STDIN_FILENO, out, options); });
  return code;
}

int run_check(const CheckArgs& args, ExitStatus& status) {
  if (!is_report_format(args.format))
    throw CLI::ValidationError("--format", "must be one of " + std::string(printer_names()));
  if (!args.stdin_filename.empty() && (args.files.size() != 1 || args.files[0] != "-"))
    throw CLI::ValidationError("--stdin-filename", "names standard input: pass '-' as the only file");
  const bool project_run = is_project_run(args);
  const RuleList rules = all_rules();

  // The project file: --config, else the nearest transcheck.toml above the
  // working directory. Its settings apply to explicit files too.
  std::optional<ProjectConfig> project;
  if (!args.config_file.empty()) project = load_project_config(args.config_file);
  else if (const auto found = find_project_config(fs::current_path())) project = load_project_config(*found);
  if (args.lines) return run_check_lines(args, project, rules, status);
  if (args.files.empty() && !project)
    throw InputError(kProjectConfigName,
                     "not found in this directory or its parents; give the files or the directory to check, "
                     "--config FILE, or write one with `transcheck init`");

  RunConfig file_base;
  if (project) apply_project_config(*project, rules, file_base);
  RunConfig config = file_base;
  apply_command_line(args, config);
  config.compare_jobs = true;
  const auto session_owner = std::make_shared<CheckSession>(config);
  status.kept_until_exit.push_back(session_owner);
  CheckSession& session = *session_owner;
  std::optional<Baseline> baseline;
  if (!args.baseline.empty()) {
    baseline = load_baseline(args.baseline);
    session.set_baseline(&*baseline);
  }

  RunSummary summary;
  std::vector<Job> jobs;
  std::size_t walk_errors = 0;
  fs::path shown_root;
  if (project_run) {
    summary.project = true;
    ProjectFiles files;
    std::vector<PairRule> pair_rules;
    if (project && (args.files.empty() || !args.config_file.empty() || is_inside(args.files[0], project->root))) {
      files = collect_project(*project);
      pair_rules = project_pair_rules(*project);
      shown_root = shown_from_cwd(project->root);
      if (args.files.size() == 1) {
        std::string below = generic(absolute_normal(args.files[0]).lexically_relative(absolute_normal(project->root)));
        while (!below.empty() && below.back() == '/') below.pop_back();
        if (below.starts_with("..")) throw InputError(args.files[0], "is outside the project of " + generic(project->file));
        keep_files_under(files, below);
      }
    } else {
      files = collect_directory(args.files[0], config.source_language.lang);
      pair_rules = default_pair_rules(config.source_language.lang);
      shown_root = args.files[0];
    }
    for (const WalkProblem& problem : files.problems) {
      print_error(generic(shown_root / problem.path) + ": " + problem.reason);
      ++walk_errors;
    }
    ProjectRun run = plan_project_run(files, pair_rules, project ? &*project : nullptr, shown_root, file_base,
                                      [&](RunConfig& c) { apply_command_line(args, c); }, session);
    jobs = std::move(run.jobs);
    summary.unpaired_sources = run.unpaired_sources;
    summary.unpaired_targets = run.unpaired_targets;
  } else {
    jobs = plan_jobs(config, args.files);
    for (Job& job : jobs) job.display_name = args.stdin_filename;
  }

  ReportContext context;
  context.rules = &session.rules();
  context.color = args.format == "text" && use_color(args.color, args.no_color, args.output.empty() && stdout_is_terminal());
  context.statistics = args.statistics;
  context.fail_on = config.fail_on;
  context.project_root = fs::absolute(project_run ? shown_root : fs::path(".")).lexically_normal().string();
  context.command_line = args.command_line;
  std::vector<std::string> inputs = args.files;
  inputs.insert(inputs.end(), config.glossaries.begin(), config.glossaries.end());
  const std::size_t baseline_input = inputs.size();  // where the baseline stands among the inputs, if given
  if (!args.baseline.empty()) inputs.push_back(args.baseline);
  if (project) inputs.push_back(project->file.string());
  for (const Job& job : jobs) inputs.insert(inputs.end(), job.paths.begin(), job.paths.end());

  std::size_t input_errors = walk_errors;
  bool failing = false;
  BaselineWriter baseline_writer;
  std::size_t omitted_counts = 0;  // findings that count left-out ones: a baseline cannot hold those
  std::set<std::string> baselined;
  Progress progress(jobs.size(), isatty(STDERR_FILENO) != 0);
  std::size_t findings_so_far = 0;
  // Results come back in job order whatever -j is, and go to the report one
  // at a time; an input that cannot be read is reported and the run goes on.
  write_output(args.output, inputs, [&](std::ostream& out) {
    const auto sink = make_report_sink(args.format, out, context);
    sink->begin_run();
    RunComparison comparison;
    run_jobs(session, jobs, args.jobs, [&](std::size_t index, JobResult& result) {
      // Each translation file is compared with those before it, in job order
      // whatever -j is: its findings go out with the file's own.
      session.compare_with_earlier(jobs[index], index, result, comparison);
      if (result.error) {
        progress.finish();
        print_error(result.error->message);
        ++input_errors;
      } else if (jobs[index].kind == Job::Kind::pair) {
        ++summary.pairs;
      } else {
        ++summary.documents;
      }
      for (const Finding& f : result.findings)
        failing |= config.fail_on && static_cast<int>(f.severity) >= static_cast<int>(*config.fail_on);
      summary.suppressed += result.filtered.suppressed;
      summary.baselined += result.filtered.baselined;
      for (const Finding& f : result.baselined) baselined.insert(f.fingerprint);
      if (!args.write_baseline.empty()) {
        for (const Finding& f : result.findings) omitted_counts += f.counts_omitted() ? 1 : 0;
        baseline_writer.add(result.findings);
        baseline_writer.add(result.baselined);
      }
      findings_so_far += result.findings.size();
      sink->job_result(result);
      progress.update(index + 1, findings_so_far);
    });
    progress.finish();
    summary.input_errors = input_errors;
    if (baseline) summary.baseline_fixed = count_fixed(*baseline, baselined);
    summary.exit_code = input_errors > 0 ? 2 : failing && args.write_baseline.empty() ? 1 : 0;
    sink->end_run(summary);
  });
  if (!args.write_baseline.empty()) {
    // Updating the baseline in place is an explicit write: it was read in full
    // when the session was made, and the write is atomic. Every other input
    // (and -o naming the baseline) is still refused.
    std::vector<std::string> baseline_targets_refused = inputs;
    if (!args.baseline.empty())
      baseline_targets_refused.erase(baseline_targets_refused.begin() + static_cast<std::ptrdiff_t>(baseline_input));
    write_output(args.write_baseline, baseline_targets_refused, [&](std::ostream& out) { baseline_writer.write(out); });
    std::cerr << "transcheck: wrote " << baseline_writer.size() << " findings to " << printable(args.write_baseline) << '\n';
    if (omitted_counts > 0)
      std::cerr << "transcheck: warning: " << plural(omitted_counts, "finding")
                << " only count what --max-findings-per-rule left out; the baseline cannot record those, so the counts "
                   "stay in reports (raise --max-findings-per-rule or set it to 0 before writing the baseline)\n";
  }
  return summary.exit_code;
}

}  // namespace

void add_check_command(CLI::App& app, ExitStatus& status) {
  auto args = std::make_shared<CheckArgs>();
  auto* command = app.add_subcommand(
      "check",
      "Check the project (no files: the transcheck.toml found upward; DIR: a tree), a translation pair (SOURCE "
      "TARGET) or single documents (FILE... with --lang or --single)");
  command->add_option("files", args->files, "SOURCE TARGET, DIR, documents to check one by one, or none (the project)");
  command->add_option("--config", args->config_file, "The project file to use instead of the transcheck.toml found upward");
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
  command->add_option("--max-findings-per-rule", args->max_findings_per_rule,
                      "Keep at most this many findings of one rule in one file; one more finding counts the rest "
                      "(default " + std::to_string(kDefaultMaxFindingsPerRule) + ", 0: no limit)")
      ->check(CLI::Validator(
          [](const std::string& value) {
            return value.empty() || value.front() == '-' ? std::string("must be 0 or more") : std::string();
          },
          "N"));
  command->add_option("--glossary", args->glossaries, "Terminology glossary (TSV, CSV, TBX or JSON); repeatable")
      ->allow_extra_args(false);
  command->add_option("--severity", args->severities, "Change a rule's or family's severity: RULE=error|warning|info")
      ->allow_extra_args(false);
  command->add_option("--set", args->settings, "Rule option KEY=VALUE, e.g. script/han-in-english.allow-parenthesized=true")
      ->allow_extra_args(false);
  command->add_option("--baseline", args->baseline, "Report only findings that are not in this baseline file");
  command->add_option("--write-baseline", args->write_baseline,
                      "Record the current findings in this baseline file (the run then exits 0 unless an input failed)");
  command->add_option("-j,--jobs", args->jobs, "Check this many files or pairs at once (default 0: one per core)");
  command->add_flag("--statistics", args->statistics, "End the text report with the number of findings of every rule");
  command->add_flag("--lines", args->lines,
                    "Read translation pairs from standard input, one per line (JSON Lines or TSV), and write one "
                    "JSON line of findings per input line");
  command->add_option("--lines-format", args->lines_format,
                      "With --lines: auto (default: JSON Lines when the first line starts with '{'), jsonl or tsv");
  command->add_option("--stdin-filename", args->stdin_filename,
                      "With '-' as the file: report standard input under this path and read it in its format");
  command->callback([args, command, select, enable, disable, &status] {
    args->selection = selection_in_order(*command, select, enable, disable);
    args->command_line = status.command_line;
    status.code = run_check(*args, status);
  });
}

}  // namespace tc::app
