// `transcheck align SOURCE TARGET`: the sentence alignment of a translation
// pair, side by side (text), as JSON, TSV, or beads ([i,j]:[k], 0-based).
// `transcheck align FILE.po` (XLIFF, TMX, a JSON pair): the file's units.
#include <iostream>
#include <memory>

#include "app/cli_options.h"
#include "app/commands.h"
#include "app/output.h"
#include "engine/session.h"
#include "report/alignment_printers.h"

namespace tc::app {
namespace {

struct AlignArgs {
  std::string source;
  std::string target;
  std::string source_lang = "zh";
  std::string target_lang = "en";
  std::string format = "text";
  std::string encoding;
  std::size_t max_input_size = kDefaultMaxInputSize;
  std::string output;
  bool segmented = false;
  std::vector<std::string> glossaries;
};

int run_align(const AlignArgs& args) {
  if (!is_alignment_format(args.format))
    throw CLI::ValidationError("--format", "must be one of text, json, tsv, beads");
  RunConfig config;
  config.source_language = parse_language_option(args.source_lang, "--source-lang");
  config.target_language = parse_language_option(args.target_lang, "--target-lang");
  if (!args.encoding.empty()) config.encoding = args.encoding;
  config.max_input_size = args.max_input_size;
  config.glossaries = args.glossaries;
  config.segmented = args.segmented;
  std::vector<std::string> files = {args.source};
  if (!args.target.empty()) files.push_back(args.target);
  // A bilingual file (PO, XLIFF, TMX) or a JSON pair: its units are the alignment.
  std::vector<Job> jobs = plan_jobs(config, files);
  const bool bitext = jobs.size() == 1 && jobs[0].kind == Job::Kind::bitext;
  if (!bitext && args.target.empty())
    throw CLI::ValidationError("target", "a translated document is needed unless SOURCE is a bilingual file (PO, XLIFF, TMX)");
  const CheckSession session(std::move(config));
  const JobResult result = session.align(bitext ? jobs[0] : pair_job(args.source, args.target));
  if (result.error) {
    print_error(result.error->message);
    return 2;
  }
  const Document& source = result.documents[0];
  const Document& target = result.documents[1];
  const Alignment& alignment = *result.alignment;
  std::vector<std::string> inputs = files;
  inputs.insert(inputs.end(), args.glossaries.begin(), args.glossaries.end());
  write_output(args.output, inputs,
               [&](std::ostream& out) { print_alignment(args.format, out, source, target, alignment); });
  return 0;
}

}  // namespace

void add_align_command(CLI::App& app, ExitStatus& status) {
  auto args = std::make_shared<AlignArgs>();
  auto* command = app.add_subcommand("align", "Align a source document with its translation, sentence by sentence");
  command->add_option("source", args->source, "Source document")->required();
  command->add_option("target", args->target, "Translated document (none when SOURCE is a bilingual file: its units)");
  command->add_option("--source-lang", args->source_lang, "Source language: zh, zh-Hans, zh-Hant, en (default zh)");
  command->add_option("--target-lang", args->target_lang, "Target language: zh, zh-Hans, zh-Hant, en (default en)");
  command->add_option("--format", args->format, "Output format: text (side by side), json, tsv, beads");
  command->add_option("-o,--output", args->output, "Write the alignment to this file (replaced atomically)");
  command->add_option("--encoding", args->encoding, "Decode input from this encoding (gb18030, gbk, big5, utf-16, ...)");
  add_max_input_size(*command, args->max_input_size);
  command->add_flag("--segmented", args->segmented, "The inputs hold one sentence per line: do not split further");
  command->add_option("--glossary", args->glossaries, "Terminology glossary whose term pairs guide the alignment; repeatable")
      ->allow_extra_args(false);
  command->callback([args, &status] { status.code = run_align(*args); });
}

}  // namespace tc::app
