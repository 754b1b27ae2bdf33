#include "rules/terminology/forbidden_term.h"

#include <algorithm>
#include <utility>

#include "rules/terminology/pair_terms.h"

namespace tc {

const RuleInfo& ForbiddenTerm::info() const {
  static constexpr OptionSpec kOptions[] = {
      {"fold-traditional", OptionType::boolean, "true", "fold Traditional Chinese to Simplified before matching"},
  };
  static const RuleInfo kInfo{
      "terminology/forbidden-term", Severity::error, RuleScope::pair, RuleLanguage::any, true,
      "The translation uses a rendering the glossary forbids for a term in the aligned source",
      R"(## What it does
For each glossary term in a Chinese source sentence, looks in the aligned
English sentences for the renderings the glossary's `forbidden` column lists
for it (false friends, literal translations) and reports each one with the
preferred rendering. A forbidden phrase inside a longer accepted term is
not reported ("autoimmune" inside "autoimmune disease"). Rows without a
Chinese form forbid their rendering everywhere: that is
`terminology/forbidden-anywhere`. Needs `--glossary`.

A forbidden rendering of several words (a calque such as "complicating
disease" for 并发症) is also reported, as a warning, in a sentence whose
source lacks the term when the term occurs elsewhere in the source: the
translator wrote the concept where the source sentence left it implicit, and
the rendering is wrong wherever it stands. A single forbidden word
("revenue") is a false friend only next to its term: elsewhere it may be
right (医院的营业额, "the hospital's revenue").

A document holding more glossary term matches than 65,536 and one for every
eight bytes (a repetitive text against nested or shared forms) is checked
up to there, and a finding says where matching stopped.

## Why it matters
Machine and hurried human translation produce the same wrong renderings
again and again: 收益 as "revenue" where a trial reports a benefit,
自身免疫力 as "autoimmune" where the text means the body's own immunity.
They read fluently and mean something else.

## Example
Source `化疗的收益大于风险。`, translation `The revenue of chemotherapy
outweighs the risks.` with the row `收益 → benefit, forbidden: revenue`:
reported at "revenue".)", /*explains_its_span=*/false, /*reads_undecoded=*/false, kOptions};
  return kInfo;
}

namespace {

// A rendering of two or more words: a calque, not an ordinary word with other uses.
bool several_words(std::string_view text) { return text.find_first_of(" -") != std::string_view::npos; }

}  // namespace

void ForbiddenTerm::check(const CheckContext& context, FindingSink& out) const {
  const PairTerms& terms = shared_pair_terms(context, "terminology/forbidden-term.fold-traditional");
  if (terms.beads.empty() || !terms.source_is_chinese) return;  // forbidden renderings are English
  const GlossaryEntries& entries = context.glossary->entries;
  // Where each entry first occurs in the source, for a rendering written where the source sentence lacks it.
  std::vector<const TermMatch*> first_in_source(entries.size(), nullptr);
  for (const BeadTerms& bead : terms.beads)
    for (const TermMatch& s : bead.source)
      if (!first_in_source[s.entry]) first_in_source[s.entry] = &s;
  for (const MatchLimitNote& note : match_limit_notes(context, terms))
    out.push_back(make_finding(*note.doc, note.span, note.message));
  using SpanKey = std::pair<std::size_t, std::size_t>;
  for (const BeadTerms& bead : terms.beads) {
    const LongerMatches longer_accepted(bead.target, TermSide::accepted);
    // Spans whose words are an accepted rendering of a term of this source sentence.
    std::vector<SpanKey> accepted_here;
    for (const TermMatch& a : bead.target)
      if (a.side == TermSide::accepted && source_has_entry(bead, a.entry)) accepted_here.emplace_back(a.span.begin, a.span.end);
    std::sort(accepted_here.begin(), accepted_here.end());
    std::vector<TermMatch> violations;
    for (const TermMatch& m : bead.target) {
      if (m.side != TermSide::forbidden) continue;
      const bool in_sentence = source_has_entry(bead, m.entry);
      if (!in_sentence && !(first_in_source[m.entry] && several_words(form_text(entries[m.entry], m)))) continue;
      if (longer_accepted.cover(m.span)) continue;  // nested in an accepted term
      if (!std::binary_search(accepted_here.begin(), accepted_here.end(), SpanKey(m.span.begin, m.span.end)))
        violations.push_back(m);
    }
    if (violations.empty()) continue;
    // The first source match of each entry in the bead.
    std::vector<std::pair<std::uint32_t, const TermMatch*>> first_in_bead;
    for (const TermMatch& s : bead.source) first_in_bead.emplace_back(s.entry, &s);
    std::stable_sort(first_in_bead.begin(), first_in_bead.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    for (const TermMatch& m : longest_matches(std::move(violations))) {
      const GlossaryEntryView entry = entries[m.entry];
      const auto in_bead = std::lower_bound(first_in_bead.begin(), first_in_bead.end(), m.entry,
                                            [](const auto& a, std::uint32_t e) { return a.first < e; });
      const bool elsewhere = in_bead == first_in_bead.end() || in_bead->first != m.entry;
      const TermMatch& source = elsewhere ? *first_in_source[m.entry] : *in_bead->second;
      const std::string source_text = span_text(*context.source, source.span);
      // Appended piece by piece: GCC 12 warns (-Wrestrict, a false positive) on one long operator+ chain.
      std::string message = "\"";
      message += span_text(*context.target, m.span);
      message += "\" is a forbidden rendering of \"";
      message += source_text;
      message += elsewhere ? "\" (in the source, though not in this sentence); use " : "\"; use ";
      message += accepted_list(entry, true);
      if (!entry.note.empty()) message += " (" + std::string(entry.note) + ")";
      Finding finding = make_finding(*context.target, m.span, std::move(message));
      if (elsewhere) finding.severity = Severity::warning;
      finding.counterpart = Counterpart{context.source, source.span, source_text};
      out.push_back(std::move(finding));
    }
  }
}

}  // namespace tc
