#pragma once
// The finding pipeline: what happens to a job's findings after the rules ran,
// in one ordered chain:
//   1. severity overrides (--severity)
//   2. root-cause filter: a finding inside a span reported by a rule that
//      explains its span (mojibake) is dropped, whichever rule found it,
//      document and pair rules alike
//   3. inline suppressions (a hook; the comment syntax comes with the formats)
//   4. baseline (a hook; nothing is baselined yet)
// then the findings are sorted in document order. A new filter is one more
// stage here, counted in FilterCounts.
#include <vector>

#include "engine/check.h"

namespace tc {

void finish_findings(JobResult& result, const RuleList& rules, const std::vector<SeverityOverride>& severities,
                     const std::vector<const Document*>& document_order);

// The stages, each on its own (tests).
void apply_severity_overrides(std::vector<Finding>& findings, const std::vector<SeverityOverride>& severities);
std::size_t drop_explained(std::vector<Finding>& findings, const RuleList& rules);
std::size_t drop_suppressed_inline(std::vector<Finding>& findings);
std::size_t drop_baselined(std::vector<Finding>& findings);

}  // namespace tc
