#pragma once
// Running rules over documents: the library entry point the session, the
// CLI and the tests share. No I/O.
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "align/align.h"
#include "core/finding.h"
#include "core/rule.h"
#include "core/settings.h"
#include "engine/run_config.h"

namespace tc {

struct Baseline;  // engine/baseline.h

struct CheckOptions {
  RuleSelection selection;
  std::vector<SeverityOverride> severities;  // --severity RULE=LEVEL; later entries win
  Settings settings;
  const Glossary* glossary = nullptr;
  AlignOptions align;
  const Baseline* baseline = nullptr;  // --baseline: findings in it are not reported
  // --max-findings-per-rule: findings kept per rule and document, the rest
  // counted in one finding (core/finding_sink.h); 0 keeps all.
  std::size_t max_findings_per_rule = kDefaultMaxFindingsPerRule;
  // Keep what run-scope rules need of each translation file's job
  // (JobResult::run_keys), for a run that compares its jobs (RunComparison).
  bool keep_run_keys = false;
  // A document longer than event_windowing.chunk_bytes has its rules run in
  // lockstep, and the shared scan's events held a window at a time
  // (rules/code_point_events.h); chunk_bytes 0: never.
  EventWindowing event_windowing;
};

// What the finding pipeline took out of a job's findings, stage by stage.
struct FilterCounts {
  std::size_t explained = 0;    // inside a span a root-cause rule reported (mojibake)
  std::size_t suppressed = 0;   // inline suppression comments
  std::size_t baselined = 0;    // already in the baseline
};

// An input that could not be checked: the file and the reason.
struct JobError {
  std::string path;
  std::string message;  // "path: reason", as printed
};

// The outcome of one job (one document, or a source and its translation).
struct JobResult {
  std::vector<Document> documents;    // the job's documents; findings point into them (empty when the caller owns them)
  std::vector<Finding> findings;      // after the finding pipeline, in document order
  std::vector<Finding> baselined;     // findings the baseline took out (still current: --write-baseline keeps them)
  std::optional<Alignment> alignment; // pair jobs whose rules needed it, or when asked for
  std::vector<BitextUnit> units;      // bitext jobs: the file's units (documents[0] source, [1] target)
  FilterCounts filtered;
  std::optional<JobError> error;      // set when an input could not be read; then nothing was checked
  // What run-scope rules kept of the job (CheckOptions::keep_run_keys), for RunComparison.
  std::vector<std::pair<const Rule*, std::shared_ptr<const RunKeys>>> run_keys;
};

// Rules, options and glossary resolved once, then applied to any number of
// documents. Rule options are parsed here (ConfigError when one is wrong).
class RuleRunner {
 public:
  RuleRunner(const RuleList& rules, CheckOptions options);
  // Document-scope rules on one document (the `check FILE...` mode).
  // role and missing: a project file checked without its counterpart.
  JobResult check_document(const Document& doc, Role role = Role::single,
                           const MissingCounterpart* missing = nullptr) const;
  // Document-scope rules on both sides, then pair rules over their
  // alignment. keep_alignment: align even when no enabled rule needs it.
  JobResult check_pair(const Document& source, const Document& target, bool keep_alignment = false) const;
  // A bilingual file: document rules on both sides, then pair rules over the
  // alignment its units give (no aligner), with the units in the context.
  JobResult check_bitext(const Document& source, const Document& target, const std::vector<BitextUnit>& units) const;
  // Adds the findings of the run's comparison on this job (RunComparison)
  // to result, whose findings point into documents, through the finding
  // pipeline as the job's own went (severity overrides, suppressions,
  // order, fingerprints, baseline).
  void add_run_findings(JobResult& result, const std::vector<const Document*>& documents,
                        const std::vector<RunFinding>& found) const;
  const RuleList& rules() const { return rules_; }
  const CheckOptions& options() const { return options_; }

 private:
  JobResult check_two(const Document& source, const Document& target, bool keep_alignment,
                      const std::vector<BitextUnit>* units) const;
  const RuleList& rules_;
  CheckOptions options_;
  RuleOptions rule_options_;
};

// One-off forms of RuleRunner (tests, benchmarks).
std::vector<Finding> check_document(const Document& doc, const RuleList& rules, const CheckOptions& options);
std::vector<Finding> check_pair(const Document& source, const Document& target, const RuleList& rules,
                                const CheckOptions& options);
std::vector<Finding> check_bitext(const Bitext& bitext, const RuleList& rules, const CheckOptions& options);

// The comparison of a run's jobs with each other (run-scope rules): given
// each job's result in job order (run_jobs delivers them so, whatever -j
// is), it compares what the job's rules kept (JobResult::run_keys) with the
// jobs before it and gives the findings on this job, while its documents are
// there. It keeps only what later jobs are compared with.
class RunComparison {
 public:
  // Takes result.run_keys; the findings are on result's documents.
  std::vector<RunFinding> add(std::size_t job, JobResult& result);

 private:
  std::map<const Rule*, std::unique_ptr<RunComparer>> comparers_;
};

// True when some enabled rule needs the pair's alignment.
bool needs_alignment(const RuleList& rules, const RuleSelection& selection);

// Orders findings by document (in the order documents were given), then position, then rule.
void sort_findings(std::vector<Finding>& findings, const std::vector<const Document*>& document_order);

}  // namespace tc
