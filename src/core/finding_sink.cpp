#include "core/finding_sink.h"

#include <algorithm>
#include <cstdint>
#include <string>

namespace tc {

std::string clip_quoted(std::string_view text) {
  if (text.size() <= kMaxQuotedBytes) return std::string(text);
  std::size_t cut = kMaxQuotedBytes;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  // Sized at once: appending the ellipsis to the cut text doubled its
  // buffer, 2 KB for each kept finding's excerpt.
  constexpr std::string_view kEllipsis = "…";
  std::string clipped;
  clipped.reserve(cut + kEllipsis.size());
  clipped.append(text.substr(0, cut)).append(kEllipsis);
  return clipped;
}

namespace {

// Findings (a few hundred bytes each) from which the sink's list grows
// fourfold: some 60 KB, past which a list is a page-mapped block of its own.
constexpr std::size_t kGrowFourfoldFrom = 256;

}  // namespace

FindingSink::Tally& FindingSink::tally_of(const Document* document) {
  if (!document) document = &document_;
  auto tally = std::find_if(tallies_.begin(), tallies_.end(), [&](const Tally& t) { return t.document == document; });
  if (tally == tallies_.end()) {
    Tally fresh;
    fresh.document = document;
    tally = tallies_.insert(tallies_.end(), fresh);
  }
  return *tally;
}

bool FindingSink::keeps(const Document* document) const {
  if (limit_ == 0) return true;
  if (!document) document = &document_;
  for (const Tally& tally : tallies_)
    if (tally.document == document) return tally.kept < limit_;
  return true;
}

void FindingSink::omit(const Document* document, Span span, Severity severity) {
  Tally& tally = tally_of(document);
  // Rules need not emit in order of position: the count sits at the
  // left-out finding that comes first in the text.
  if (tally.omitted++ == 0 || span.begin < tally.first_omitted.begin ||
      (span.begin == tally.first_omitted.begin && span.end < tally.first_omitted.end))
    tally.first_omitted = span;
  tally.severity = std::max(tally.severity, severity);
}

void FindingSink::push_back(Finding finding) {
  if (!finding.document) finding.document = &document_;
  if (!keeps(finding.document)) {
    omit(finding.document, finding.span, finding.severity);
    return;
  }
  ++tally_of(finding.document).kept;
  if (finding.counterpart && finding.counterpart->text.size() > kMaxQuotedBytes)
    finding.counterpart->text = clip_quoted(finding.counterpart->text);
  if (finding.fix)
    for (Edit& edit : finding.fix->edits)
      if (edit.span == kFindingSpan) edit.span = finding.span;
  // A long list grows fourfold rather than twofold: each growth moves every
  // finding into fresh pages (a rule with thousands of findings faulted in
  // twice its list's size), and room not yet written to costs no memory.
  if (out_.size() == out_.capacity() && out_.capacity() >= kGrowFourfoldFrom) out_.reserve(4 * out_.capacity());
  out_.push_back(std::move(finding));
}

void FindingSink::finish(std::string_view rule_id) {
  for (const Tally& tally : tallies_) {
    if (tally.omitted == 0) continue;
    Finding summary;
    summary.rule = std::string(rule_id);
    summary.severity = tally.severity;
    summary.omitted = static_cast<std::uint32_t>(std::min<std::size_t>(tally.omitted, UINT32_MAX));
    summary.document = tally.document;
    summary.span = tally.first_omitted;
    summary.message = omitted_findings_message(tally.omitted, limit_);
    out_.push_back(std::move(summary));
  }
  tallies_.clear();
}

std::string omitted_findings_message(std::size_t omitted, std::size_t limit) {
  return std::to_string(omitted) + " more finding" + (omitted == 1 ? "" : "s") +
         " of this rule in this file " + (omitted == 1 ? "was" : "were") + " left out, the first of them here: at most " +
         std::to_string(limit) + " are kept per rule and file (--max-findings-per-rule; 0 keeps all)";
}

}  // namespace tc
