#include "rules/terminology/missing_term.h"

#include <algorithm>
#include <set>
#include <utility>

#include "rules/terminology/pair_terms.h"

namespace tc {

const RuleInfo& MissingTerm::info() const {
  static constexpr OptionSpec kOptions[] = {
      {"fold-traditional", OptionType::boolean, "true", "fold Traditional Chinese to Simplified before matching"},
  };
  static const RuleInfo kInfo{
      "terminology/missing-term", Severity::info, RuleScope::pair, RuleLanguage::any, true,
      "A glossary term in the source has none of its accepted renderings in the aligned translation",
      R"(## What it does
For each source sentence that contains a glossary term, looks in the aligned
target sentences for the term's preferred rendering or one of its accepted
variants. When none is there, reports the target sentence and names the
term and the renderings the glossary accepts; the source term's position is
given as the counterpart. Chinese terms are found by longest match over
normalised text (full-width, Traditional forms fold); English renderings
match across plurals, possessives, hyphen or space, and UK or US spelling.
With an English source the same glossary checks the Chinese target; there a
variant that only shortens the preferred rendering to a last word of another
common sense (cold, cycle, guideline, port, resistance, sign, and "masked" or
"masking": "cold" of "common cold") does not name the term, since in a source
it is mostly that other sense (cold dishes, a sign-in page); transfusion,
marrow, infusion or "wear a mask" still do. Needs
`--glossary`; without one the rule does nothing. A target that uses a
forbidden rendering instead is left to `terminology/forbidden-term`.

Its default severity is info: professional translations render many terms
freely (a pronoun, an abbreviation, a term folded into a longer one), and on
the TICO-19 translation memory about one segment in four has such a finding.
Gate on it with `--severity terminology/missing-term=warning`.

A document holding more glossary term matches than 65,536 and one for every
eight bytes (a repetitive text against nested or shared forms) is checked
up to there, and a finding says where matching stopped.

## Why it matters
A medical term rendered loosely ("bone marrow damage" for 骨髓抑制) changes
what a clinician reads; glossaries exist so the agreed term is used.

## Example
Source `化疗常见的副作用是骨髓抑制。`, translation `A common side effect of
chemotherapy is bone marrow damage.` with a glossary row
`骨髓抑制 → myelosuppression | bone marrow suppression`: reported.)", /*explains_its_span=*/false, /*reads_undecoded=*/false, kOptions};
  return kInfo;
}

void MissingTerm::check(const CheckContext& context, FindingSink& out) const {
  const PairTerms& terms = shared_pair_terms(context, "terminology/missing-term.fold-traditional");
  if (terms.beads.empty()) return;
  const GlossaryEntries& entries = context.glossary->entries;
  const TermSide wanted = accepted_target_side(terms);
  for (const MatchLimitNote& note : match_limit_notes(context, terms))
    out.push_back(make_finding(*note.doc, note.span, note.message));
  using SideEntry = std::pair<TermSide, std::uint32_t>;
  for (const BeadTerms& bead : terms.beads) {
    if (bead.target_span.empty()) continue;  // an omitted sentence is the aligner's finding
    std::vector<SideEntry> in_target;  // sorted: which entries the target renders, by side
    for (const TermMatch& m : bead.target) in_target.emplace_back(m.side, m.entry);
    std::sort(in_target.begin(), in_target.end());
    std::set<std::uint32_t> reported;
    for (std::size_t i = 0; i < bead.source.size(); ++i) {
      const TermMatch& term = bead.source[i];
      // Several entries may share this source form: any of them rendered is enough.
      bool group_start = i == 0 || !(bead.source[i - 1].span == term.span);
      if (!group_start) continue;
      std::size_t group_end = i;
      while (group_end < bead.source.size() && bead.source[group_end].span == term.span) ++group_end;
      const auto rendered = [&](TermSide side) {
        for (std::size_t j = i; j < group_end; ++j)
          if (std::binary_search(in_target.begin(), in_target.end(), SideEntry(side, bead.source[j].entry))) return true;
        return false;
      };
      const bool kept_in_english = !terms.source_is_chinese && rendered(TermSide::accepted);  // "COVID-19" in Chinese text
      if (rendered(wanted) || kept_in_english || (terms.source_is_chinese && rendered(TermSide::forbidden))) continue;
      if (!reported.insert(term.entry).second) continue;
      const GlossaryEntryView entry = entries[term.entry];
      const std::string source_text = span_text(*context.source, term.span);
      Finding finding = make_finding(*context.target, bead.target_span,
                                     "glossary term \"" + source_text + "\" is not rendered as " +
                                         accepted_list(entry, terms.source_is_chinese));
      finding.counterpart = Counterpart{context.source, term.span, source_text};
      out.push_back(std::move(finding));
    }
  }
}

}  // namespace tc
