#include "engine/pipeline.h"

#include <algorithm>
#include <map>

namespace tc {

void apply_severity_overrides(std::vector<Finding>& findings, const std::vector<SeverityOverride>& severities) {
  if (severities.empty()) return;
  for (Finding& f : findings)
    if (const auto severity = severity_override(severities, f.rule)) f.severity = *severity;
}

std::size_t drop_explained(std::vector<Finding>& findings, const RuleList& rules) {
  std::map<std::string_view, bool, std::less<>> explains;
  for (const auto& rule : rules) explains[rule->info().id] = rule->info().explains_its_span;
  auto is_root_cause = [&](const Finding& f) {
    const auto it = explains.find(f.rule);
    return it != explains.end() && it->second;
  };
  std::map<const Document*, std::vector<Span>> explained;
  for (const Finding& f : findings)
    if (is_root_cause(f)) explained[f.document].push_back(f.span);
  if (explained.empty()) return 0;
  const std::size_t before = findings.size();
  std::erase_if(findings, [&](const Finding& f) {
    if (is_root_cause(f)) return false;
    const auto it = explained.find(f.document);
    if (it == explained.end()) return false;
    const Span s = f.span;
    return std::any_of(it->second.begin(), it->second.end(), [&](const Span& g) {
      return s.begin >= g.begin && s.end <= g.end && (s.begin < g.end || s.empty());
    });
  });
  return before - findings.size();
}

std::size_t drop_suppressed_inline(std::vector<Finding>&) { return 0; }

std::size_t drop_baselined(std::vector<Finding>&) { return 0; }

void finish_findings(JobResult& result, const RuleList& rules, const std::vector<SeverityOverride>& severities,
                     const std::vector<const Document*>& document_order) {
  apply_severity_overrides(result.findings, severities);
  result.filtered.explained += drop_explained(result.findings, rules);
  result.filtered.suppressed += drop_suppressed_inline(result.findings);
  result.filtered.baselined += drop_baselined(result.findings);
  sort_findings(result.findings, document_order);
}

}  // namespace tc
