#include <iostream>
#include <memory>

#include "app/cli_options.h"
#include "app/commands.h"
#include "app/output.h"
#include "engine/check.h"
#include "glossary/load.h"
#include "formats/load.h"
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
  std::vector<std::string> enable;
  std::vector<std::string> disable;
  std::string fail_on = "error";
  std::string encoding;
  std::vector<std::string> glossaries;
  std::vector<std::string> settings;
  std::vector<std::string> severities;
};

// Rule ids and family names given to --enable, --disable and --severity must exist.
void verify_rule_name(const RuleList& rules, const std::string& name, const char* option) {
  if (name == "all" || find_rule(rules, name) ||
      std::any_of(rules.begin(), rules.end(), [&](const auto& r) { return rule_family(r->info().id) == name; }))
    return;
  throw CLI::ValidationError(option, "unknown rule or family '" + name + "' (see `transcheck rules`)");
}

std::string language_name(Lang lang) { return lang == Lang::zh ? "Chinese" : "English"; }

// A pair whose scripts contradict the languages in force is a usage error:
// checking English rules on Chinese text only produces nonsense.
void verify_pair_languages(const Document& source, const Document& target, Lang source_lang, Lang target_lang) {
  const Lang seen_source = source.script_lang;
  const Lang seen_target = target.script_lang;
  if (!source.suspected_encoding.empty() || !target.suspected_encoding.empty()) return;
  if (seen_source == target_lang && seen_target == source_lang && source_lang != target_lang) {
    throw InputError(source.path, "looks " + language_name(seen_source) + " and " + target.path + " looks " +
                                      language_name(seen_target) + ", but the source language is " +
                                      std::string(to_string(source_lang)) + " and the target language is " +
                                      std::string(to_string(target_lang)) + "; swap the files or pass --source-lang " +
                                      std::string(to_string(seen_source)) + " --target-lang " +
                                      std::string(to_string(seen_target)));
  }
  auto verify = [](const Document& doc, Lang seen, Lang declared, const char* which, const char* option) {
    if (seen != Lang::unknown && seen != declared)
      throw InputError(doc.path, "the " + std::string(which) + " language is " + std::string(to_string(declared)) +
                                     " but the text is mostly " + language_name(seen) + "; pass " + option + " " +
                                     std::string(to_string(seen)) +
                                     ", or --single to check the files as separate documents");
  };
  verify(source, seen_source, source_lang, "source", "--source-lang");
  verify(target, seen_target, target_lang, "target", "--target-lang");
}

// --lang on a file written in the other language would flag every sentence;
// say what is wrong instead.
void verify_declared_language(const Document& doc, Lang declared) {
  if (!doc.suspected_encoding.empty()) return;
  const Lang seen = doc.script_lang;
  if (seen != Lang::unknown && seen != declared)
    throw InputError(doc.path, "--lang is " + std::string(to_string(declared)) + " but the text is mostly " +
                                   language_name(seen) + "; drop --lang to detect the language from the script");
}

std::optional<Severity> fail_threshold(const std::string& fail_on) {
  if (fail_on == "never") return std::nullopt;
  const auto severity = parse_severity(fail_on);
  if (!severity) throw CLI::ValidationError("--fail-on", "must be error, warning, info or never");
  return severity;
}

int run_check(const CheckArgs& args) {
  const Printer printer = find_printer(args.format);
  if (!printer) throw CLI::ValidationError("--format", "must be one of " + std::string(printer_names()));
  const auto threshold = fail_threshold(args.fail_on);

  CheckOptions options;
  options.selection.enable = args.enable;
  options.selection.disable = args.disable;
  const RuleList rules = all_rules();
  for (const auto& name : args.enable) verify_rule_name(rules, name, "--enable");
  for (const auto& name : args.disable) verify_rule_name(rules, name, "--disable");
  for (const auto& item : args.severities) {
    const auto equals = item.find('=');
    const auto severity = equals == std::string::npos ? std::nullopt : parse_severity(item.substr(equals + 1));
    if (!severity) throw CLI::ValidationError("--severity", "expected RULE=error|warning|info, got '" + item + "'");
    verify_rule_name(rules, item.substr(0, equals), "--severity");
    options.severities.push_back({item.substr(0, equals), *severity});
  }
  for (const auto& setting : args.settings) {
    const auto equals = setting.find('=');
    if (equals == std::string::npos || equals == 0)
      throw CLI::ValidationError("--set", "expected KEY=VALUE, got '" + setting + "'");
    options.settings.set(setting.substr(0, equals), setting.substr(equals + 1));
  }
  std::unique_ptr<Glossary> glossary;
  if (!args.glossaries.empty()) {
    glossary = std::make_unique<Glossary>(load_glossaries(args.glossaries));
    options.glossary = glossary.get();
  }

  LoadOptions load;
  if (!args.encoding.empty()) load.encoding = args.encoding;
  const bool pair_mode = args.files.size() == 2 && args.lang.empty() && !args.single;
  std::vector<Document> documents;
  std::vector<Finding> findings;
  if (pair_mode) {
    const LanguageTag source_tag = language_option(args.source_lang, "--source-lang");
    const LanguageTag target_tag = language_option(args.target_lang, "--target-lang");
    load.language = source_tag;
    documents.push_back(load_document(args.files[0], load));
    load.language = target_tag;
    documents.push_back(load_document(args.files[1], load));
    verify_pair_languages(documents[0], documents[1], source_tag.lang, target_tag.lang);
    findings = check_pair(documents[0], documents[1], rules, options);
  } else {
    if (!args.lang.empty()) load.language = language_option(args.lang, "--lang");
    documents.reserve(args.files.size());
    for (const auto& path : args.files) {
      documents.push_back(load_document(path, load));
      if (load.language) verify_declared_language(documents.back(), load.language->lang);
    }
    for (const auto& doc : documents) {
      auto found = check_document(doc, rules, options);
      findings.insert(findings.end(), std::make_move_iterator(found.begin()), std::make_move_iterator(found.end()));
    }
  }

  ReportContext context;
  for (const auto& doc : documents) context.documents.push_back(&doc);
  context.rules = &rules;
  context.color = args.format == "text" && !args.no_color && (args.color || (args.output.empty() && stdout_is_terminal()));
  std::vector<std::string> inputs = args.files;
  inputs.insert(inputs.end(), args.glossaries.begin(), args.glossaries.end());
  write_output(args.output, inputs, [&](std::ostream& out) { printer(out, findings, context); });

  if (!threshold) return 0;
  const bool failing = std::any_of(findings.begin(), findings.end(),
                                   [&](const Finding& f) { return static_cast<int>(f.severity) >= static_cast<int>(*threshold); });
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
  command->add_option("--format", args->format, "Output format: text, json, sarif, github, junit");
  command->add_option("-o,--output", args->output, "Write the report to this file (replaced atomically)");
  command->add_flag("--color", args->color, "Colour the text report even when not on a terminal");
  command->add_flag("--no-color", args->no_color, "Never colour the text report");
  command->add_option("--enable", args->enable, "Enable a rule or family (repeatable)");
  command->add_option("--disable", args->disable, "Disable a rule or family (repeatable)");
  command->add_option("--fail-on", args->fail_on, "Exit 1 on findings at or above: error, warning, info, never");
  command->add_option("--encoding", args->encoding, "Decode input from this encoding (gb18030, gbk, big5, utf-16, ...)");
  command->add_option("--glossary", args->glossaries, "Terminology glossary (TSV, CSV, TBX or JSON); repeatable");
  command->add_option("--severity", args->severities, "Change a rule's or family's severity: RULE=error|warning|info");
  command->add_option("--set", args->settings, "Rule option KEY=VALUE, e.g. script/han-in-english.allow-parenthesized=true");
  command->callback([args, &status] { status.code = run_check(*args); });
}

}  // namespace tc::app
