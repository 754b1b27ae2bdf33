#include "engine/check.h"

#include <algorithm>
#include <functional>
#include <iterator>

#include "core/lockstep.h"
#include "engine/pipeline.h"
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

// True when a document rule checks doc under selection. A file in a legacy
// encoding is one finding, not thousands: only rules that read undecoded text run.
bool document_rule_runs(const RuleInfo& info, const Document& doc, const RuleSelection& selection) {
  return info.scope == RuleScope::document && selection.is_enabled(info) && applies_to(info, doc) &&
         (doc.suspected_encodings.empty() || info.reads_undecoded);
}

// Runs one rule; the sink fills what it left unset and keeps at most `limit`
// of its findings per document.
void run_rule(const Rule& rule, const CheckContext& context, std::size_t limit, std::vector<Finding>& out) {
  FindingSink sink(out, context.doc, limit);
  rule.check(context, sink);
  sink.finish(rule.info().id);
}

// Runs the rules on context's document, appending their findings to out in
// rule order. A long document's rules run in lockstep (each a window of the
// shared scan's events at a time: rules/code_point_events.h), each into a
// list of its own, so that out, once sorted, is the same as when they run one
// after another.
void run_document_rules(const std::vector<const Rule*>& rules, const CheckContext& context,
                        const EventWindowing& windowing, std::size_t limit, std::vector<Finding>& out) {
  if (windowing.chunk_bytes == 0 || context.doc.text.size() <= windowing.chunk_bytes || rules.size() < 2) {
    for (const Rule* rule : rules) run_rule(*rule, context, limit, out);
    return;
  }
  std::vector<std::vector<Finding>> found(rules.size());
  std::vector<std::function<void(Lockstep&)>> tasks;
  tasks.reserve(rules.size());
  for (std::size_t i = 0; i < rules.size(); ++i)
    tasks.emplace_back([&, i](Lockstep& lockstep) {
      CheckContext own = context;
      own.lockstep = &lockstep;
      own.event_windowing = &windowing;
      run_rule(*rules[i], own, limit, found[i]);
    });
  run_in_lockstep(std::move(tasks));
  // The job's findings are sorted by place afterwards (finish_findings: a
  // stable sort, which keeps each rule's own order), so the lists may be
  // joined in any order: the longest one becomes out when out is empty, and
  // only the others are moved. Moving a book's thousands of findings into a
  // fresh list faulted in some 200 pages (~0.5 ms) on the first check of a process.
  const auto longest = std::max_element(found.begin(), found.end(), [](const auto& a, const auto& b) {
    return a.size() < b.size();
  });
  if (out.empty() && longest != found.end()) out.swap(*longest);
  // Room for all at once: grown by doubling, the list was copied (and its
  // fresh pages faulted in) several times over on a document of thousands of findings.
  std::size_t total = out.size();
  for (const std::vector<Finding>& findings : found) total += findings.size();
  if (total > out.capacity()) out.reserve(total);
  for (std::vector<Finding>& findings : found) {
    std::move(findings.begin(), findings.end(), std::back_inserter(out));
    std::vector<Finding>().swap(findings);  // each rule's list given back as soon as it is moved
  }
}

}  // namespace

RuleRunner::RuleRunner(const RuleList& rules, CheckOptions options)
    : rules_(rules), options_(std::move(options)), rule_options_(resolve_options(rules, options_.settings)) {
  options_.align.glossary = options_.glossary;
}

JobResult RuleRunner::check_document(const Document& doc, Role role, const MissingCounterpart* missing) const {
  JobResult result;
  JobMemo memo;
  for (const auto& rule : rules_)
    if (document_rule_runs(rule->info(), doc, options_.selection)) rule->prepare(doc);
  std::vector<const Rule*> running;
  for (const auto& rule : rules_)
    if (document_rule_runs(rule->info(), doc, options_.selection)) running.push_back(rule.get());
  const CheckContext context{doc, nullptr, nullptr, nullptr, options_.glossary, rule_options_, role, &memo, missing};
  run_document_rules(running, context, options_.event_windowing, options_.max_findings_per_rule, result.findings);
  finish_findings(result, rules_, options_, {&doc});
  return result;
}

JobResult RuleRunner::check_pair(const Document& source, const Document& target, bool keep_alignment) const {
  return check_two(source, target, keep_alignment, nullptr);
}

JobResult RuleRunner::check_bitext(const Document& source, const Document& target,
                                   const std::vector<BitextUnit>& units) const {
  return check_two(source, target, false, &units);
}

JobResult RuleRunner::check_two(const Document& source, const Document& target, bool keep_alignment,
                                const std::vector<BitextUnit>* units) const {
  JobResult result;
  JobMemo memo;
  // Rules start loading what they need first, so it loads while the
  // documents are aligned (the alignment does not depend on any finding).
  for (const auto* side : {&source, &target})
    for (const auto& rule : rules_)
      if (document_rule_runs(rule->info(), *side, options_.selection)) rule->prepare(*side);
  const bool undecoded = !source.suspected_encodings.empty() || !target.suspected_encodings.empty();
  if (!undecoded && (keep_alignment || needs_alignment(rules_, options_.selection))) {
    if (units) {
      result.alignment = align_units(source, target, *units);
    } else {
      // The sentences' number mentions, found while aligning, are shared with the pair rules (kAlignmentNumbersKey).
      AlignmentNumbers numbers;
      AlignOptions align = options_.align;
      align.numbers = &numbers;
      result.alignment = align_documents(source, target, align);
      memo.get<AlignmentNumbers>(kAlignmentNumbersKey, [&] { return std::move(numbers); });
    }
  }
  for (const auto* side : {&source, &target}) {
    const Role role = side == &source ? Role::source : Role::target;
    std::vector<const Rule*> running;
    for (const auto& rule : rules_)
      if (document_rule_runs(rule->info(), *side, options_.selection)) running.push_back(rule.get());
    // Each side of a translation file's units sees the other, so that what
    // both sides of a unit have (a BEL the program rings) is no damage.
    const CheckContext context{*side, units ? &source : nullptr, units ? &target : nullptr, nullptr,
                               options_.glossary, rule_options_, role, &memo, nullptr, units};
    run_document_rules(running, context, options_.event_windowing, options_.max_findings_per_rule, result.findings);
  }
  if (result.alignment) {
    for (const auto& rule : rules_) {
      const RuleInfo& info = rule->info();
      if (info.scope != RuleScope::pair || !options_.selection.is_enabled(info)) continue;
      const CheckContext context{target,       &source,      &target, &*result.alignment, options_.glossary,
                                 rule_options_, Role::target, &memo,  nullptr, units};
      run_rule(*rule, context, options_.max_findings_per_rule, result.findings);
    }
  }
  if (units && options_.keep_run_keys && !undecoded) {
    for (const auto& rule : rules_) {
      const RuleInfo& info = rule->info();
      if (info.scope != RuleScope::run || !options_.selection.is_enabled(info)) continue;
      const CheckContext context{target,       &source,      &target, nullptr, options_.glossary,
                                 rule_options_, Role::target, &memo,  nullptr, units};
      if (auto kept = rule->keep_for_run(context)) result.run_keys.emplace_back(rule.get(), std::move(kept));
    }
  }
  finish_findings(result, rules_, options_, {&source, &target});
  return result;
}

void RuleRunner::add_run_findings(JobResult& result, const std::vector<const Document*>& documents,
                                  const std::vector<RunFinding>& found) const {
  JobResult added;
  for (const RunFinding& r : found) {
    if (r.document >= documents.size() || r.span.end > documents[r.document]->text.size()) continue;
    Finding f;
    f.rule = r.rule;
    f.severity = r.severity;
    f.document = documents[r.document];
    f.span = r.span;
    f.message = r.message;
    added.findings.push_back(std::move(f));
  }
  if (added.findings.empty()) return;
  // The same pipeline as the job's own findings went through, on these alone:
  // a fingerprint counts the earlier findings of its own rule only, and the
  // job's unused suppressions were reported with the job.
  finish_findings(added, rules_, options_, documents, /*report_unused_suppressions=*/false);
  result.filtered.explained += added.filtered.explained;
  result.filtered.suppressed += added.filtered.suppressed;
  result.filtered.baselined += added.filtered.baselined;
  std::move(added.baselined.begin(), added.baselined.end(), std::back_inserter(result.baselined));
  std::move(added.findings.begin(), added.findings.end(), std::back_inserter(result.findings));
  sort_findings(result.findings, documents);
}

std::vector<RunFinding> RunComparison::add(std::size_t job, JobResult& result) {
  std::vector<RunFinding> found;
  for (auto& [rule, kept] : result.run_keys) {
    std::unique_ptr<RunComparer>& comparer = comparers_[rule];
    if (!comparer) comparer = rule->start_run();
    if (!comparer || !kept) continue;
    const std::size_t first = found.size();
    comparer->add(job, *kept, found);
    for (std::size_t i = first; i < found.size(); ++i) found[i].rule = std::string(rule->info().id);
  }
  result.run_keys.clear();
  return found;
}

std::vector<Finding> check_document(const Document& doc, const RuleList& rules, const CheckOptions& options) {
  return RuleRunner(rules, options).check_document(doc).findings;
}

std::vector<Finding> check_pair(const Document& source, const Document& target, const RuleList& rules,
                                const CheckOptions& options) {
  return RuleRunner(rules, options).check_pair(source, target).findings;
}

std::vector<Finding> check_bitext(const Bitext& bitext, const RuleList& rules, const CheckOptions& options) {
  return RuleRunner(rules, options).check_bitext(bitext.source, bitext.target, bitext.units).findings;
}

bool needs_alignment(const RuleList& rules, const RuleSelection& selection) {
  return std::any_of(rules.begin(), rules.end(), [&](const auto& rule) {
    return rule->info().scope == RuleScope::pair && selection.is_enabled(rule->info());
  });
}

void sort_findings(std::vector<Finding>& findings, const std::vector<const Document*>& document_order) {
  // Their order is sorted, then each finding moved once: a Finding is some
  // hundred bytes with strings, and a merge sort of a book's thousands of
  // findings moved each a dozen times.
  std::vector<std::size_t> rank(findings.size());
  for (std::size_t i = 0; i < findings.size(); ++i) {
    const auto it = std::find(document_order.begin(), document_order.end(), findings[i].document);
    rank[i] = static_cast<std::size_t>(it - document_order.begin());
  }
  std::vector<std::size_t> order(findings.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  auto before = [&](std::size_t i, std::size_t j) {
    const Finding& a = findings[i];
    const Finding& b = findings[j];
    if (rank[i] != rank[j]) return rank[i] < rank[j];
    if (a.span.begin != b.span.begin) return a.span.begin < b.span.begin;
    if (a.span.end != b.span.end) return a.span.end < b.span.end;
    return a.rule < b.rule;
  };
  if (std::is_sorted(order.begin(), order.end(), before)) return;
  std::stable_sort(order.begin(), order.end(), before);
  // The order is applied in place, one cycle of the permutation at a time
  // (place k takes the finding at order[k]): moving them into a second list
  // wrote as many fresh pages as the findings fill.
  for (std::size_t start = 0; start < order.size(); ++start) {
    if (order[start] == start) continue;
    Finding held = std::move(findings[start]);
    std::size_t place = start;
    for (;;) {
      const std::size_t from = order[place];
      order[place] = place;  // placed
      if (from == start) {
        findings[place] = std::move(held);
        break;
      }
      findings[place] = std::move(findings[from]);
      place = from;
    }
  }
}

}  // namespace tc
