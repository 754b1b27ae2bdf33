// `transcheck fix FILE...` and `transcheck fix SOURCE TARGET`: runs the
// checks and writes the safe fixes back into the files (--unsafe: the
// unsafe ones too). --dry-run prints a unified diff and writes nothing.
#include <iostream>
#include <memory>
#include <set>
#include <string_view>

#include "app/cli_options.h"
#include "app/commands.h"
#include "app/output.h"
#include "core/finding_sink.h"
#include "engine/fixes.h"
#include "engine/session.h"
#include "formats/reader.h"
#include "report/excerpt.h"
#include "report/printers.h"
#include "report/unified_diff.h"
#include "rules/registry.h"

namespace tc::app {
namespace {

struct FixArgs {
  std::vector<std::string> files;
  std::string source_lang = "zh";
  std::string target_lang = "en";
  std::string lang;
  std::string encoding;
  std::vector<std::string> glossaries;
  std::vector<std::string> settings;
  std::vector<std::string> rules;
  std::vector<std::string> families;
  bool unsafe = false;
  bool dry_run = false;
};

std::string position_of(const Finding& f) {
  const Position p = f.document->position(f.span.begin);
  return printable(f.document->path) + ":" + std::to_string(p.line) + ":" + std::to_string(p.column);
}

// How many findings the per-rule limit left out in doc of the rules that have
// a fix to apply there: those are fixed only by running fix again.
std::size_t left_out_of_fixed_rules(const Document& doc, const std::vector<Finding>& findings, const FixSelection& selection) {
  std::set<std::string_view> fixed_rules;
  for (const Finding& f : findings)
    if (f.document == &doc && selection.admits(f)) fixed_rules.insert(f.rule);
  std::size_t left_out = 0;
  for (const Finding& f : findings)
    if (f.document == &doc && f.counts_omitted() && fixed_rules.contains(f.rule)) left_out += f.omitted;
  return left_out;
}

// Writes one document's fixes (or their diff); false when the file could not be written.
bool apply(const FilePatch& patch, bool dry_run, const ReadLimits& limits) {
  const Document& doc = *patch.document;
  for (const SkippedFix& skipped : patch.skipped)
    std::cerr << position_of(*skipped.finding) << ": fix of [" << skipped.finding->rule << "] not applied: " << printable(skipped.reason)
              << '\n';
  if (!patch.changed()) return true;
  if (dry_run) {
    write_unified_diff(std::cout, printable(doc.path), patch.original, patch.edits);
    return true;
  }
  // Another program may have written the file while it was being checked:
  // its edits win, and the offsets of ours no longer hold.
  if (read_file_bytes(doc.path, limits) != patch.original) {
    print_error(doc.path + ": changed on disk since it was read; not written (run fix again)");
    return false;
  }
  replace_file(doc.path, "the fixed file", [&](std::ostream& out) { out << patch.patched; });
  return true;
}

int run_fix(const FixArgs& args) {
  RunConfig config;
  config.source_language = parse_language_option(args.source_lang, "--source-lang");
  config.target_language = parse_language_option(args.target_lang, "--target-lang");
  if (!args.lang.empty()) config.document_language = parse_language_option(args.lang, "--lang");
  if (!args.encoding.empty()) config.encoding = args.encoding;
  config.glossaries = args.glossaries;
  for (const auto& item : args.settings) add_setting(config.settings, item);
  const RuleList rules = all_rules();
  for (const auto& rule : args.rules) verify_rule_name(rules, rule, "--rule");
  for (const auto& family : args.families) verify_rule_name(rules, family, "--family");
  // A rule named for fixing runs even when it is off by default.
  for (const auto& rule : args.rules) config.selection.enable(rule);
  for (const auto& family : args.families) config.selection.enable(family);
  const CheckSession session(std::move(config));
  for (const auto& file : args.files)
    if (file == "-") throw CLI::ValidationError("files", "fix writes files back: standard input cannot be fixed");

  FixSelection selection{args.rules, args.families, args.unsafe};
  std::size_t errors = 0;
  std::size_t applied = 0;
  std::size_t skipped = 0;
  std::size_t files_changed = 0;
  std::size_t left_out = 0;  // findings the per-rule limit left out, so not fixed this time
  for (const Job& job : plan_jobs(session.config(), args.files)) {
    const JobResult result = session.run(job);
    if (result.error) {
      print_error(result.error->message);
      ++errors;
      continue;
    }
    for (std::size_t d = 0; d < result.documents.size(); ++d) {
      // A translation file's source text (msgid, <source>, the source JSON)
      // is the key the software looks messages up by, and not the
      // translator's to change: only the translation side is fixed. Both
      // sides of a PO or XLIFF file are one file, so fixing both would also
      // write it twice.
      if (job.kind == Job::Kind::bitext && d == 0) continue;
      const Document& doc = result.documents[d];
      const FilePatch patch = plan_fixes(doc, result.findings, selection);
      left_out += left_out_of_fixed_rules(doc, result.findings, selection);
      skipped += patch.skipped.size();
      if (!apply(patch, args.dry_run, {session.config().max_input_size})) {
        ++errors;
        continue;
      }
      applied += patch.applied.size();
      files_changed += patch.changed() ? 1 : 0;
    }
  }
  std::cerr << (args.dry_run ? "would fix " : "fixed ") << applied << (applied == 1 ? " finding" : " findings") << " in "
            << files_changed << (files_changed == 1 ? " file" : " files");
  if (skipped > 0) std::cerr << " (" << skipped << " overlapping or unwritable " << (skipped == 1 ? "fix" : "fixes") << " not applied)";
  std::cerr << '\n';
  if (left_out > 0)
    std::cerr << "transcheck: " << plural(left_out, "more finding") << " of the rules fixed "
              << (left_out == 1 ? "was" : "were") << " left out by the limit of " << kDefaultMaxFindingsPerRule
              << " per rule and file and not fixed; run fix again\n";
  return errors > 0 ? 2 : 0;
}

}  // namespace

void add_fix_command(CLI::App& app, ExitStatus& status) {
  auto args = std::make_shared<FixArgs>();
  auto* command = app.add_subcommand("fix", "Apply the safe fixes of the findings to the files (SOURCE TARGET, or FILE...)");
  command->add_option("files", args->files, "SOURCE TARGET, or documents to fix one by one")->required();
  command->add_flag("--dry-run", args->dry_run, "Print the changes as a unified diff and write nothing");
  command->add_option("--rule", args->rules, "Apply only the fixes of this rule (repeatable)")->allow_extra_args(false);
  command->add_option("--family", args->families, "Apply only the fixes of this family (repeatable)")->allow_extra_args(false);
  command->add_flag("--unsafe", args->unsafe, "Also apply fixes that need a person's judgement (terms, numbers)");
  command->add_option("--source-lang", args->source_lang, "Source language: zh, zh-Hans, zh-Hant, en (default zh)");
  command->add_option("--target-lang", args->target_lang, "Target language: zh, zh-Hans, zh-Hant, en (default en)");
  command->add_option("--lang", args->lang, "Fix the files as single documents in this language");
  command->add_option("--encoding", args->encoding, "Decode input from this encoding (gb18030, gbk, big5, utf-16, ...)");
  command->add_option("--glossary", args->glossaries, "Terminology glossary (TSV, CSV, TBX or JSON); repeatable")
      ->allow_extra_args(false);
  command->add_option("--set", args->settings, "Rule option KEY=VALUE, e.g. typography/cjk-spacing.style=space")
      ->allow_extra_args(false);
  command->callback([args, &status] { status.code = run_fix(*args); });
}

}  // namespace tc::app
