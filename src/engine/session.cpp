#include "engine/session.h"

#include <algorithm>

#include "align/lexicon.h"
#include "core/error.h"
#include "formats/load.h"
#include "glossary/load.h"
#include "rules/registry.h"

namespace tc {

std::vector<Job> plan_jobs(const RunConfig& config, const std::vector<std::string>& files) {
  std::vector<Job> jobs;
  if (!files.empty() && std::all_of(files.begin(), files.end(), [](const std::string& path) { return is_bilingual_path(path); })) {
    for (const std::string& path : files) jobs.push_back({Job::Kind::bitext, {path}});
    return jobs;
  }
  if (files.size() == 2 && !config.document_language && !config.single && is_keyed_pair(files[0], files[1])) {
    jobs.push_back({Job::Kind::bitext, files});
    return jobs;
  }
  if (files.size() == 2 && !config.document_language && !config.single) {
    jobs.push_back({Job::Kind::pair, files});
    return jobs;
  }
  for (const std::string& path : files) jobs.push_back({Job::Kind::document, {path}});
  return jobs;
}

CheckSession::CheckSession(RunConfig config) : config_(std::move(config)), rules_(all_rules()) {
  verify_rule_names(rules_, config_);
  if (!config_.glossaries.empty()) glossary_ = std::make_unique<Glossary>(load_glossaries(config_.glossaries));
  CheckOptions options;
  options.selection = config_.selection;
  options.severities = config_.severities;
  options.settings = config_.settings;
  options.glossary = glossary_.get();
  options.align.segmented = config_.segmented;
  checker_ = std::make_unique<RuleRunner>(rules_, std::move(options));
}

JobResult CheckSession::load(const Job& job, bool verify_languages) const {
  JobResult result;
  result.documents.reserve(job.paths.size());  // findings point into this vector: it must not reallocate
  LoadOptions load;
  load.encoding = config_.encoding;
  try {
    if (job.kind == Job::Kind::bitext) {
      BitextLoadOptions bitext_load;
      bitext_load.encoding = config_.encoding;
      bitext_load.source_language = config_.source_language;
      bitext_load.target_language = config_.target_language;
      Bitext bitext = job.paths.size() == 2 ? load_keyed_pair(job.paths[0], job.paths[1], bitext_load)
                                            : load_bitext(job.paths.at(0), bitext_load);
      result.documents.push_back(std::move(bitext.source));
      result.documents.push_back(std::move(bitext.target));
      result.units = std::move(bitext.units);
    } else if (job.kind == Job::Kind::pair) {
      load.language = config_.source_language;
      result.documents.push_back(load_document(job.paths.at(0), load));
      load.language = config_.target_language;
      result.documents.push_back(load_document(job.paths.at(1), load));
      if (verify_languages)
        verify_pair_languages(result.documents[0], result.documents[1], config_.source_language.lang,
                            config_.target_language.lang);
    } else {
      load.language = config_.document_language;
      result.documents.push_back(load_document(job.paths.at(0), load));
      if (verify_languages && config_.document_language) verify_declared_language(result.documents[0], config_.document_language->lang);
    }
  } catch (const InputError& e) {
    result.documents.clear();
    result.error = JobError{e.path(), e.what()};
  }
  return result;
}

JobResult CheckSession::run(const Job& job) const {
  JobResult result = load(job, true);
  if (result.error) return result;
  JobResult checked = job.kind == Job::Kind::bitext ? checker_->check_bitext(result.documents[0], result.documents[1], result.units)
                      : job.kind == Job::Kind::pair ? checker_->check_pair(result.documents[0], result.documents[1])
                                                    : checker_->check_document(result.documents[0]);
  checked.units = std::move(result.units);
  checked.documents = std::move(result.documents);  // a vector move keeps the elements where they are
  return checked;
}

JobResult CheckSession::align(const Job& job) const {
  JobResult result = load(job, false);
  if (result.error || job.kind != Job::Kind::pair) return result;
  for (const Document& doc : result.documents)
    if (!doc.suspected_encoding.empty()) {
      result.error = JobError{doc.path, doc.path + ": is not UTF-8 (it reads as " + doc.suspected_encoding +
                                            "); pass --encoding " + doc.suspected_encoding + " or convert it to UTF-8"};
      return result;
    }
  AlignOptions options = checker_->options().align;
  result.alignment = align_documents(result.documents[0], result.documents[1], options);
  return result;
}

}  // namespace tc
