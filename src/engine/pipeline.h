#pragma once
// The finding pipeline: what happens to a job's findings after the rules ran,
// in one ordered chain:
//   1. severity overrides (--severity)
//   2. root-cause filter: a finding inside a span reported by a rule that
//      explains its span (mojibake) is dropped, whichever rule found it,
//      document and pair rules alike (not the finding that counts what
//      --max-findings-per-rule left out)
//   3. inline suppressions (engine/suppression.h); a suppression that
//      silenced nothing becomes a structure/unused-suppression finding
//   4. baseline (--baseline): findings whose fingerprint is in it move to
//      JobResult::baselined
// Before 4, the findings are sorted in document order and each gets its
// fingerprint. A new filter is one more stage here, counted in FilterCounts.
#include <vector>

#include "engine/check.h"

namespace tc {

// 16 hex digits from the rule id, the file path, the flagged text and up to
// 16 bytes of context on each side within its line (whitespace runs folded
// to one space), and `occurrence`: how many earlier findings of the job had
// the same of all these. The line number is not part of it, so the
// fingerprint survives edits elsewhere in the file.
std::string fingerprint_of(const Finding& finding, std::size_t occurrence);

// report_unused_suppressions false: for findings of a run-scope rule on a
// job's documents, whose unused suppressions were reported with the job.
void finish_findings(JobResult& result, const RuleList& rules, const CheckOptions& options,
                     const std::vector<const Document*>& document_order, bool report_unused_suppressions = true);

// The stages, each on its own (tests).
void apply_severity_overrides(std::vector<Finding>& findings, const std::vector<SeverityOverride>& severities);
std::size_t drop_explained(std::vector<Finding>& findings, const RuleList& rules);
// Drops what the documents' suppression comments cover; adds a finding for
// each suppression that silenced nothing when that rule is enabled (and
// report_unused).
std::size_t drop_suppressed_inline(std::vector<Finding>& findings, const std::vector<const Document*>& documents,
                                   const RuleList& rules, const CheckOptions& options, bool report_unused = true);
// Sets Finding::fingerprint on findings in document order (see fingerprint_of).
void set_fingerprints(std::vector<Finding>& findings);
// Moves the findings whose fingerprint is in baseline to baselined.
std::size_t drop_baselined(std::vector<Finding>& findings, const Baseline* baseline, std::vector<Finding>& baselined);

}  // namespace tc
