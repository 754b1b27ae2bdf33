#include "engine/session.h"

#include <algorithm>

#include "align/align.h"
#include "align/lexicon.h"
#include "core/error.h"
#include "formats/load.h"
#include "glossary/load.h"
#include "rules/registry.h"

namespace tc {

Job document_job(std::string path) {
  Job job;
  job.paths = {std::move(path)};
  return job;
}

Job pair_job(std::string source, std::string target) {
  Job job;
  job.kind = Job::Kind::pair;
  job.paths = {std::move(source), std::move(target)};
  return job;
}

std::vector<Job> plan_jobs(const RunConfig& config, const std::vector<std::string>& files) {
  std::vector<Job> jobs;
  if (!files.empty() && std::all_of(files.begin(), files.end(), [](const std::string& path) { return is_bilingual_path(path); })) {
    for (const std::string& path : files) {
      Job job = document_job(path);
      job.kind = Job::Kind::bitext;
      jobs.push_back(std::move(job));
    }
    return jobs;
  }
  if (files.size() == 2 && !config.document_language && !config.single && is_keyed_pair(files[0], files[1])) {
    Job job = pair_job(files[0], files[1]);
    job.kind = Job::Kind::bitext;
    jobs.push_back(std::move(job));
    return jobs;
  }
  if (files.size() == 2 && !config.document_language && !config.single) {
    jobs.push_back(pair_job(files[0], files[1]));
    return jobs;
  }
  for (const std::string& path : files) jobs.push_back(document_job(path));
  return jobs;
}

CheckSession::CheckSession(RunConfig config) : config_(std::move(config)), rules_(all_rules()) {
  verify_rule_names(rules_, config_);
  if (!config_.glossaries.empty())
    glossary_ = std::make_unique<Glossary>(load_glossaries(config_.glossaries, {config_.max_input_size}));
  runners_.push_back(std::make_unique<RuleRunner>(rules_, options_for(config_)));
}

CheckOptions CheckSession::options_for(const RunConfig& config) const {
  CheckOptions options;
  options.selection = config.selection;
  options.severities = config.severities;
  options.settings = config.settings;
  options.glossary = glossary_.get();
  options.align.segmented = config.segmented;
  options.max_findings_per_rule = config.max_findings_per_rule;
  options.keep_run_keys = config.compare_jobs;
  return options;
}

std::size_t CheckSession::add_variant(const RunConfig& config) {
  verify_rule_names(rules_, config);
  CheckOptions options = options_for(config);
  options.baseline = runners_.front()->options().baseline;
  runners_.push_back(std::make_unique<RuleRunner>(rules_, std::move(options)));
  return runners_.size() - 1;
}

void CheckSession::set_baseline(const Baseline* baseline) {
  for (auto& runner : runners_) {
    CheckOptions options = runner->options();
    options.baseline = baseline;
    runner = std::make_unique<RuleRunner>(rules_, std::move(options));
  }
}

JobResult CheckSession::load(const Job& job, bool verify_languages) const {
  JobResult result;
  result.documents.reserve(job.paths.size());  // findings point into this vector: it must not reallocate
  LoadOptions load;
  load.encoding = config_.encoding;
  load.limits.max_bytes = config_.max_input_size;
  load.display_name = job.display_name;
  try {
    if (job.kind == Job::Kind::bitext) {
      BitextLoadOptions bitext_load;
      bitext_load.encoding = config_.encoding;
      bitext_load.limits = load.limits;
      bitext_load.source_language = job.source_language.value_or(config_.source_language);
      bitext_load.target_language = job.target_language.value_or(config_.target_language);
      Bitext bitext = job.paths.size() == 2 ? load_keyed_pair(job.paths[0], job.paths[1], bitext_load)
                                            : load_bitext(job.paths.at(0), bitext_load);
      result.documents.push_back(std::move(bitext.source));
      result.documents.push_back(std::move(bitext.target));
      result.units = std::move(bitext.units);
    } else if (job.kind == Job::Kind::pair) {
      const LanguageTag source_language = job.source_language.value_or(config_.source_language);
      const LanguageTag target_language = job.target_language.value_or(config_.target_language);
      load.language = source_language;
      result.documents.push_back(load_document(job.paths.at(0), load));
      load.language = target_language;
      result.documents.push_back(load_document(job.paths.at(1), load));
      if (verify_languages)
        verify_pair_languages(result.documents[0], result.documents[1], source_language.lang, target_language.lang);
    } else {
      const std::optional<LanguageTag> language = job.source_language ? job.source_language : config_.document_language;
      load.language = language;
      result.documents.push_back(load_document(job.paths.at(0), load));
      if (verify_languages && language) verify_declared_language(result.documents[0], language->lang);
    }
    for (std::size_t i = 0; i < job.project_paths.size() && i < result.documents.size(); ++i)
      result.documents[i].project_path = job.project_paths[i];
  } catch (const InputError& e) {
    result.documents.clear();
    result.error = JobError{e.path(), e.what()};
  }
  return result;
}

JobResult CheckSession::run(const Job& job) const {
  JobResult result = load(job, true);
  if (result.error) return result;
  const RuleRunner& runner = *runners_.at(job.variant);
  const Role role = !job.missing ? Role::single : job.missing->side;
  JobResult checked = job.kind == Job::Kind::bitext
                          ? runner.check_bitext(result.documents[0], result.documents[1], result.units)
                      : job.kind == Job::Kind::pair
                          ? runner.check_pair(result.documents[0], result.documents[1], config_.keep_alignment)
                          : runner.check_document(result.documents[0], role, job.missing ? &*job.missing : nullptr);
  checked.units = std::move(result.units);
  checked.documents = std::move(result.documents);  // a vector move keeps the elements where they are
  return checked;
}

void CheckSession::compare_with_earlier(const Job& job, std::size_t index, JobResult& result,
                                        RunComparison& comparison) const {
  const std::vector<RunFinding> found = comparison.add(index, result);
  if (found.empty()) return;
  std::vector<const Document*> documents;
  for (const Document& doc : result.documents) documents.push_back(&doc);
  runners_.at(job.variant)->add_run_findings(result, documents, found);
}

JobResult CheckSession::run_texts(const std::string& source_name, std::string source, const std::string& target_name,
                                  std::string target) const {
  JobResult result;
  result.documents.reserve(2);  // findings point into this vector: it must not reallocate
  LoadOptions load;
  load.encoding = config_.encoding;
  load.limits.max_bytes = config_.max_input_size;
  try {
    load.language = config_.source_language;
    result.documents.push_back(document_from_bytes(source_name, std::move(source), load));
    load.language = config_.target_language;
    result.documents.push_back(document_from_bytes(target_name, std::move(target), load));
  } catch (const InputError& e) {
    result.documents.clear();
    result.error = JobError{e.path(), e.what()};
    return result;
  }
  // The pair is one translation unit, as a memory's unit is: no sentence
  // alignment to guess, and the unit/ checks (a target equal to its source) apply.
  BitextUnit unit;
  unit.source = {0, result.documents[0].text.size()};
  unit.target = {0, result.documents[1].text.size()};
  result.units = {unit};
  JobResult checked = runners_.front()->check_bitext(result.documents[0], result.documents[1], result.units);
  checked.units = std::move(result.units);
  checked.documents = std::move(result.documents);  // a vector move keeps the elements where they are
  return checked;
}

JobResult CheckSession::align(const Job& job) const {
  JobResult result = load(job, false);
  if (result.error) return result;
  // A bilingual file (or a keyed JSON pair) is aligned already: its units.
  if (job.kind == Job::Kind::bitext) {
    result.alignment = align_units(result.documents[0], result.documents[1], result.units);
    return result;
  }
  if (job.kind != Job::Kind::pair) return result;
  for (const Document& doc : result.documents)
    if (!doc.suspected_encodings.empty()) {
      result.error = JobError{doc.path, doc.path + ": " + not_utf8_reason(doc.suspected_encodings)};
      return result;
    }
  AlignOptions options = runners_.front()->options().align;
  result.alignment = align_documents(result.documents[0], result.documents[1], options);
  return result;
}

}  // namespace tc
