#pragma once
// A check session: loads the rules, the glossaries and the aligner's lexicon
// once, then runs jobs (one document, or a source and its translation) to
// JobResults. An input that cannot be read is that job's error; the session
// goes on with the next job.
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "engine/baseline.h"
#include "engine/check.h"
#include "engine/run_config.h"
#include "glossary/glossary.h"

namespace tc {

struct Job {
  enum class Kind { document, pair, bitext };
  Kind kind = Kind::document;
  // document: one path; pair: source, target ("-" is standard input);
  // bitext: one bilingual file, or a source and target paired by key (JSON)
  std::vector<std::string> paths;
  // Paths relative to the project root, one per path (Document::project_path); empty: none.
  std::vector<std::string> project_paths;
  // Languages of this job when they differ from the run's (a [[pairs]] entry's
  // own; a project file without its counterpart). Document jobs use source_language.
  std::optional<LanguageTag> source_language;
  std::optional<LanguageTag> target_language;
  std::size_t variant = 0;  // which rule settings: 0 the run's, else CheckSession::add_variant's
  std::optional<MissingCounterpart> missing;  // a document job: a project file without its counterpart
  std::string display_name;  // stdin: the path to report it under (--stdin-filename); empty: "<stdin>"
};

Job document_job(std::string path);
Job pair_job(std::string source, std::string target);

// The jobs a list of files means under config: a bitext job for each
// bilingual file (PO, XLIFF, TMX); one pair job for SOURCE TARGET; else one
// document job per file (--lang, --single, or not two files).
std::vector<Job> plan_jobs(const RunConfig& config, const std::vector<std::string>& files);

class CheckSession {
 public:
  // Throws ConfigError for an unknown rule, option or bad value, InputError
  // for a glossary that cannot be loaded.
  explicit CheckSession(RunConfig config);
  CheckSession(const CheckSession&) = delete;
  CheckSession& operator=(const CheckSession&) = delete;

  // Reads the job's files, checks their languages against the config, runs
  // the rules and the finding pipeline. Never throws InputError: a file that
  // cannot be read or contradicts the declared language is result.error.
  JobResult run(const Job& job) const;
  // Compares the result of run(job) with the jobs before it (call in job
  // order) and adds the findings on it (unit/inconsistent-across-files).
  void compare_with_earlier(const Job& job, std::size_t index, JobResult& result, RunComparison& comparison) const;
  // A pair given as texts (`check --lines`): documents named source_name and
  // target_name, read as plain text in the run's languages as declared (a
  // line may be too short to tell its language), checked as one translation
  // unit (no sentence alignment). Never throws InputError.
  JobResult run_texts(const std::string& source_name, std::string source, const std::string& target_name,
                      std::string target) const;
  // A pair's alignment only, for `transcheck align`: no rules run and the
  // languages are taken as declared. A bitext job's alignment is its units.
  JobResult align(const Job& job) const;

  // Rule settings for some jobs only ([[overrides]]): a rule runner of its
  // own that shares the glossary and the lexicon. Returns the Job::variant
  // that names it. Not thread-safe: add variants before running jobs.
  std::size_t add_variant(const RunConfig& config);
  // --baseline: findings whose fingerprint is in it are not reported. Set
  // before running jobs; the baseline must outlive the session.
  void set_baseline(const Baseline* baseline);

  const RunConfig& config() const { return config_; }
  const RuleList& rules() const { return rules_; }
  const Glossary* glossary() const { return glossary_.get(); }

 private:
  JobResult load(const Job& job, bool verify_languages) const;

  RunConfig config_;
  RuleList rules_;
  std::unique_ptr<Glossary> glossary_;
  CheckOptions options_for(const RunConfig& config) const;

  std::vector<std::unique_ptr<RuleRunner>> runners_;  // [0]: the run's config; then the variants
};

}  // namespace tc
