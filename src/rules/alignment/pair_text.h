#pragma once
// Helpers the alignment/ rules share: which side of the pair is which, the
// text of a bead's side, and counterparts to quote.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/alignment.h"
#include "core/finding.h"
#include "core/rule.h"

namespace tc::alignment_rules {

// The pair a pair rule reads: null when the context is not a checked pair.
struct Pair {
  const Alignment& alignment;
  const Document& source;
  const Document& target;
};
std::optional<Pair> pair_of(const CheckContext& context);

// A bead side's sentences as one span (first sentence's start to last's end).
Span side_span(const std::vector<Sentence>& sentences, const SentenceRun& ids);

// Calls visit(bead, source_span, target_span) for every bead with sentences on both sides.
template <typename Visit>
void for_each_paired_bead(const Alignment& alignment, Visit visit) {
  for (const Bead& bead : alignment.beads)
    if (!bead.source.empty() && !bead.target.empty())
      visit(bead, side_span(alignment.source_sentences, bead.source), side_span(alignment.target_sentences, bead.target));
}

// Calls visit(source_span, target_span) for the same beads.
template <typename Visit>
void for_each_paired(const Alignment& alignment, Visit visit) {
  for_each_paired_bead(alignment, [&](const Bead&, Span source_span, Span target_span) { visit(source_span, target_span); });
}

// Text of span, on one line, shortened to about max_chars code points with "…".
std::string quote(const Document& doc, Span span, std::size_t max_chars = 60);

Counterpart counterpart(const Document& doc, Span span);

// Runs of consecutive sentences of one side that have no counterpart (1-0
// beads for the source, 0-1 for the target), joined within a paragraph, with
// the index of the run's first bead. Runs without letters are left out.
struct UnpairedRun {
  Span span;
  std::size_t bead = 0;
};
std::vector<UnpairedRun> unpaired_runs(const Alignment& alignment, const Document& doc, bool target_side);

// For each run (in bead order): the nearest aligned text on the other side
// before it (or after it at the start of the document); empty span if none.
std::vector<Span> nearest_other_sides(const Alignment& alignment, const std::vector<UnpairedRun>& runs, bool other_is_target);

// The unpaired runs that are title-like lines at an edge of their document
// (before its first paired sentence, or after its last) where the other
// document set a line of that edge apart as page furniture: the title and
// revision line a source extracted from a PDF marks as its running header,
// kept as body text by its translation. A run is title-like when it is one
// to three short lines with no sentence-ending mark; such a run has its
// counterpart among the furniture, which is not aligned. At the bottom edge
// a run must also repeat the footer's numbers (第1页，共1页 beside "Page 1 of
// 1"): a warning line without a full stop is real text. One flag per run.
std::vector<bool> counterparts_set_apart(const Pair& pair, bool target_side, const std::vector<UnpairedRun>& runs);

// The unpaired runs whose text the other document kept as it is, not to be
// translated (an agency or programme name left in English in a Chinese
// file, `KeptKind::name`, which is not aligned: "The National Vaccine Injury
// Compensation Program" beside the kept "National Vaccine Injury
// Compensation Program"), compared by their words, case and a leading
// "the" aside. One flag per run.
std::vector<bool> kept_as_written(const Pair& pair, bool target_side, const std::vector<UnpairedRun>& runs);

// Findings for the unpaired runs of one side (omissions: the source;
// additions: the target), each quoting the nearest text of the other side.
// make(doc, span, message) is the rule's make_finding.
template <typename Make>
void report_unpaired(const Pair& pair, bool target_side, const std::string& message, const char* near_label,
                     Make make, FindingSink& out) {
  const Document& mine = target_side ? pair.target : pair.source;
  const Document& other = target_side ? pair.source : pair.target;
  const std::vector<UnpairedRun> runs = unpaired_runs(pair.alignment, mine, target_side);
  const std::vector<Span> nearest = nearest_other_sides(pair.alignment, runs, !target_side);
  const std::vector<bool> set_apart = counterparts_set_apart(pair, target_side, runs);
  const std::vector<bool> kept = kept_as_written(pair, target_side, runs);
  for (std::size_t r = 0; r < runs.size(); ++r) {
    const UnpairedRun& run = runs[r];
    if (set_apart[r] || kept[r]) continue;
    Finding finding = make(mine, run.span, message);
    const Span near = nearest[r];
    if (!near.empty()) {
      finding.message += std::string(" (") + near_label + ": \"" + quote(other, near, 40) + "\")";
      finding.counterpart = counterpart(other, near);
    }
    out.push_back(std::move(finding));
  }
}

// True when text has a Latin, Han or other letter (not just punctuation or digits).
bool has_letters(std::string_view text);

}  // namespace tc::alignment_rules
