#include "engine/check.h"

#include <algorithm>

#include "engine/run_config.h"
#include "rules/registry.h"

namespace tc {
namespace {

bool applies_to(const RuleInfo& info, const Document& doc) {
  switch (info.language) {
    case RuleLanguage::any: return true;
    case RuleLanguage::en: return doc.lang == Lang::en;
    case RuleLanguage::zh: return doc.lang == Lang::zh;
  }
  return true;
}

// Applies --severity overrides to the findings a rule just added.
void apply_severity(const CheckOptions& options, std::string_view rule_id, std::vector<Finding>& out, std::size_t first) {
  const std::optional<Severity> severity = severity_override(options.severities, rule_id);
  if (!severity) return;
  for (std::size_t i = first; i < out.size(); ++i) out[i].severity = *severity;
}

// Drops the findings in [first, end) that lie inside a span reported by a
// rule that explains its span, except those rules' own findings (marked in
// `root_cause`, indexed from first).
void drop_findings_explained(std::vector<Finding>& out, std::size_t first, const std::vector<bool>& root_cause) {
  std::vector<Span> explained;
  for (std::size_t i = first; i < out.size(); ++i)
    if (root_cause[i - first]) explained.push_back(out[i].span);
  if (explained.empty()) return;
  std::size_t kept = first;
  for (std::size_t i = first; i < out.size(); ++i) {
    const Span s = out[i].span;
    const bool inside = !root_cause[i - first] && std::any_of(explained.begin(), explained.end(), [&](const Span& g) {
      return s.begin >= g.begin && s.end <= g.end && (s.begin < g.end || s.empty());
    });
    if (inside) continue;
    if (kept != i) out[kept] = std::move(out[i]);
    ++kept;
  }
  out.resize(kept);
}

void run_document_rules(const Document& doc, Role role, const RuleList& rules, const CheckOptions& options,
                        const RuleOptions& rule_options, std::vector<Finding>& out) {
  const std::size_t document_first = out.size();
  std::vector<bool> root_cause;
  for (const auto& rule : rules) {
    const RuleInfo& info = rule->info();
    if (info.scope != RuleScope::document || !options.selection.is_enabled(info) || !applies_to(info, doc)) continue;
    // A file in a legacy encoding is one finding, not thousands.
    if (!doc.suspected_encoding.empty() && !info.reads_undecoded) continue;
    CheckContext context{doc, nullptr, nullptr, nullptr, options.glossary, rule_options, role};
    const std::size_t first = out.size();
    rule->check(context, out);
    for (std::size_t i = first; i < out.size(); ++i)
      if (!out[i].document) out[i].document = &doc;
    apply_severity(options, info.id, out, first);
    root_cause.resize(out.size() - document_first, info.explains_its_span);
  }
  drop_findings_explained(out, document_first, root_cause);
}

}  // namespace

bool needs_alignment(const RuleList& rules, const RuleSelection& selection) {
  return std::any_of(rules.begin(), rules.end(), [&](const auto& rule) {
    return rule->info().scope == RuleScope::pair && selection.is_enabled(rule->info());
  });
}

std::vector<Finding> check_document(const Document& doc, const RuleList& rules, const CheckOptions& options) {
  std::vector<Finding> findings;
  const RuleOptions rule_options = resolve_options(rules, options.settings);
  run_document_rules(doc, Role::single, rules, options, rule_options, findings);
  sort_findings(findings, {&doc});
  return findings;
}

std::vector<Finding> check_pair(const Document& source, const Document& target, const RuleList& rules,
                                const CheckOptions& options) {
  std::vector<Finding> findings;
  const RuleOptions rule_options = resolve_options(rules, options.settings);
  run_document_rules(source, Role::source, rules, options, rule_options, findings);
  run_document_rules(target, Role::target, rules, options, rule_options, findings);
  const bool undecoded = !source.suspected_encoding.empty() || !target.suspected_encoding.empty();
  if (!undecoded && needs_alignment(rules, options.selection)) {
    AlignOptions align_options = options.align;
    align_options.glossary = options.glossary;
    const Alignment alignment = align_documents(source, target, align_options);
    for (const auto& rule : rules) {
      const RuleInfo& info = rule->info();
      if (info.scope != RuleScope::pair || !options.selection.is_enabled(info)) continue;
      CheckContext context{target, &source, &target, &alignment, options.glossary, rule_options, Role::target};
      const std::size_t first = findings.size();
      rule->check(context, findings);
      for (std::size_t i = first; i < findings.size(); ++i)
        if (!findings[i].document) findings[i].document = &target;
      apply_severity(options, info.id, findings, first);
    }
  }
  sort_findings(findings, {&source, &target});
  return findings;
}

void sort_findings(std::vector<Finding>& findings, const std::vector<const Document*>& document_order) {
  auto rank = [&](const Document* doc) {
    const auto it = std::find(document_order.begin(), document_order.end(), doc);
    return static_cast<std::size_t>(it - document_order.begin());
  };
  std::stable_sort(findings.begin(), findings.end(), [&](const Finding& a, const Finding& b) {
    const std::size_t ra = rank(a.document);
    const std::size_t rb = rank(b.document);
    if (ra != rb) return ra < rb;
    if (a.span.begin != b.span.begin) return a.span.begin < b.span.begin;
    if (a.span.end != b.span.end) return a.span.end < b.span.end;
    return a.rule < b.rule;
  });
}

}  // namespace tc
