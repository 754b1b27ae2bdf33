#include "engine/pipeline.h"

#include <algorithm>
#include <cstdint>
#include <map>
#include <string_view>

#include "core/fnv1a.h"
#include "engine/baseline.h"
#include "engine/suppression.h"
#include "rules/registry.h"

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
  // A span is inside an explained one when some explained span beginning at or
  // before it ends at or after it: spans sorted by begin, with the furthest end
  // so far, answer that with one binary search (a file of mojibake has as many
  // explained spans as other findings, so comparing each with each is quadratic).
  struct Explained {
    std::vector<Span> spans;                // sorted by begin
    std::vector<std::size_t> furthest_end;  // the largest end among spans[0..i]
  };
  std::map<const Document*, Explained> explained;
  for (const Finding& f : findings)
    if (is_root_cause(f)) explained[f.document].spans.push_back(f.span);
  if (explained.empty()) return 0;
  for (auto& entry : explained) {
    Explained& spans_of = entry.second;
    std::sort(spans_of.spans.begin(), spans_of.spans.end(), [](const Span& a, const Span& b) { return a.begin < b.begin; });
    for (const Span& g : spans_of.spans)
      spans_of.furthest_end.push_back(spans_of.furthest_end.empty() ? g.end : std::max(spans_of.furthest_end.back(), g.end));
  }
  const std::size_t before = findings.size();
  std::erase_if(findings, [&](const Finding& f) {
    // The count of what the limit left out stays: those were never compared with any span.
    if (is_root_cause(f) || f.counts_omitted()) return false;
    const auto it = explained.find(f.document);
    if (it == explained.end()) return false;
    const std::vector<Span>& spans = it->second.spans;
    const auto after = std::upper_bound(spans.begin(), spans.end(), f.span.begin,
                                        [](std::size_t begin, const Span& g) { return begin < g.begin; });
    return after != spans.begin() && it->second.furthest_end[static_cast<std::size_t>(after - spans.begin()) - 1] >= f.span.end;
  });
  return before - findings.size();
}

std::size_t drop_suppressed_inline(std::vector<Finding>& findings, const std::vector<const Document*>& documents,
                                   const RuleList& rules, const CheckOptions& options, bool report_unused) {
  std::vector<Suppression> suppressions;
  for (const Document* doc : documents) {
    std::vector<Suppression> found = find_suppressions(*doc, rules);
    suppressions.insert(suppressions.end(), std::make_move_iterator(found.begin()), std::make_move_iterator(found.end()));
  }
  const std::size_t dropped = apply_suppressions(findings, suppressions);
  const Rule* unused = find_rule(rules, kUnusedSuppressionRule);
  if (report_unused && unused && options.selection.is_enabled(unused->info())) {
    std::vector<Finding> reported = unused_suppression_findings(suppressions);
    apply_severity_overrides(reported, options.severities);
    findings.insert(findings.end(), std::make_move_iterator(reported.begin()), std::make_move_iterator(reported.end()));
  }
  return dropped;
}

namespace {

constexpr std::size_t kContextBytes = 16;

bool is_continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// Whitespace runs become one space; leading and trailing ones go. Each
// byte kept is handed to out, in order.
template <typename Out>
void fold(std::string_view text, Out&& out) {
  bool kept_any = false, space = false;
  for (char c : text) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      space = kept_any;
      continue;
    }
    if (space) out(' ');
    space = false;
    kept_any = true;
    out(c);
  }
}

bool is_line_break(char c) { return c == '\n' || c == '\r'; }

// The context on one side of a span folded as fold folds, into out (at most
// room bytes): read outward from the span (at(0) is the byte next to it) up
// to a line break, at most size bytes.
template <typename At>
std::size_t fold_from_span(std::size_t size, At at, char* out, std::size_t room) {
  std::size_t kept = 0;
  bool kept_any = false, space = false;
  for (std::size_t i = 0; i < size && kept < room; ++i) {
    const char c = at(i);
    if (is_line_break(c)) break;
    if (c == ' ' || c == '\t') {
      space = kept_any;
      continue;
    }
    if (space) out[kept++] = ' ';
    space = false;
    kept_any = true;
    if (kept < room) out[kept++] = c;
  }
  return kept;
}

// Hashed once for every finding of a run (a Chinese book has thousands):
// the context is folded into buffers on the stack and the span straight
// into the hash, with no string made.
std::uint64_t base_hash(const Finding& f) {
  Fnv1a h;
  // The count of left-out findings sits on the first of them: without this
  // it would share that finding's fingerprint.
  if (f.counts_omitted()) h.add("counts omitted findings");
  h.add(f.rule);
  h.add(f.document ? std::string_view(f.document->stable_path()) : std::string_view());
  if (!f.document || f.span.end > f.document->text.size()) return h.hash;
  const std::string_view text = f.document->text;
  // Fold a wide window, then keep kContextBytes of it next to the span, so
  // extra spaces nearby change nothing.
  constexpr std::size_t kWindow = 4 * kContextBytes;
  std::size_t before = f.span.begin > kWindow ? f.span.begin - kWindow : 0;
  const std::string_view left = text.substr(before, f.span.begin - before);
  const std::string_view right = text.substr(f.span.end, std::min(text.size() - f.span.end, kWindow));
  // Only the kContextBytes + 1 folded bytes next to the span are read by the
  // cuts below, so the folds stop there: the left one reads backward from
  // the span (folding reads the same either way: runs of whitespace become
  // one space, both ends trimmed). Context stays within the finding's line:
  // a fold stops at a line break. (Folding both windows whole took some
  // 1,400 instructions a finding, a book has thousands.)
  constexpr std::size_t kKept = kContextBytes + 1;
  char left_buffer[kKept], right_buffer[kKept];
  const std::size_t left_size =
      fold_from_span(left.size(), [&](std::size_t i) { return left[left.size() - 1 - i]; }, left_buffer, kKept);
  std::reverse(left_buffer, left_buffer + left_size);
  const std::size_t right_size = fold_from_span(right.size(), [&](std::size_t i) { return right[i]; }, right_buffer, kKept);
  std::string_view left_folded(left_buffer, left_size), right_folded(right_buffer, right_size);
  if (left_folded.size() > kContextBytes) {
    std::size_t cut = left_folded.size() - kContextBytes;
    while (cut < left_folded.size() && is_continuation(left_folded[cut])) ++cut;
    left_folded.remove_prefix(cut);
  }
  if (right_folded.size() > kContextBytes) {
    std::size_t cut = kContextBytes;
    while (cut > 0 && is_continuation(right_folded[cut])) --cut;
    right_folded = right_folded.substr(0, cut);
  }
  h.add(left_folded);
  // A span past kSpanBytes (a whole unit a placeholder is missing from) is
  // hashed by its ends and its size: thousands of findings on one 64 KB unit
  // each folded all of it.
  constexpr std::size_t kSpanBytes = 4096;
  if (f.span.size() <= kSpanBytes) {
    fold(text.substr(f.span.begin, f.span.size()), [&](char c) { h.add_byte(c); });
  } else {
    fold(text.substr(f.span.begin, kSpanBytes / 2), [&](char c) { h.add_byte(c); });
    h.add(std::to_string(f.span.size()));
    fold(text.substr(f.span.end - kSpanBytes / 2, kSpanBytes / 2), [&](char c) { h.add_byte(c); });
  }
  h.end_field();
  h.add(right_folded);
  return h.hash;
}

std::string hex(std::uint64_t value) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out(16, '0');
  for (int i = 15; i >= 0; --i, value >>= 4) out[static_cast<std::size_t>(i)] = kDigits[value & 0xF];
  return out;
}

std::string fingerprint_from(std::uint64_t base, std::size_t occurrence) {
  Fnv1a h{base};
  h.add(std::to_string(occurrence));
  return hex(h.hash);
}

}  // namespace

std::string fingerprint_of(const Finding& finding, std::size_t occurrence) {
  return fingerprint_from(base_hash(finding), occurrence);
}

void set_fingerprints(std::vector<Finding>& findings) {
  std::map<std::uint64_t, std::size_t> seen;
  for (Finding& f : findings) {
    const std::uint64_t base = base_hash(f);  // once a finding: it folds the context around the span
    f.fingerprint = fingerprint_from(base, seen[base]++);
  }
}

std::size_t drop_baselined(std::vector<Finding>& findings, const Baseline* baseline, std::vector<Finding>& baselined) {
  if (!baseline) return 0;
  const std::size_t before = baselined.size();
  std::vector<Finding> kept;
  kept.reserve(findings.size());
  // A baseline records findings, not what the limit left out unseen: the
  // count stays, so new findings among the left-out ones are not hidden.
  for (Finding& f : findings)
    (!f.counts_omitted() && baseline->contains(f.fingerprint) ? baselined : kept).push_back(std::move(f));
  findings = std::move(kept);
  return baselined.size() - before;
}

void finish_findings(JobResult& result, const RuleList& rules, const CheckOptions& options,
                     const std::vector<const Document*>& document_order, bool report_unused_suppressions) {
  apply_severity_overrides(result.findings, options.severities);
  result.filtered.explained += drop_explained(result.findings, rules);
  result.filtered.suppressed +=
      drop_suppressed_inline(result.findings, document_order, rules, options, report_unused_suppressions);
  sort_findings(result.findings, document_order);
  set_fingerprints(result.findings);
  result.filtered.baselined += drop_baselined(result.findings, options.baseline, result.baselined);
}

}  // namespace tc
