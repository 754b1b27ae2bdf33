#pragma once
// Glossary terms in an aligned pair, bead by bead: what the terminology/
// pair rules share. Works in both directions: with a Chinese source the
// target is searched for English renderings, with an English source for
// the Chinese forms of the same glossary.
#include <optional>
#include <string>
#include <vector>

#include "core/rule.h"
#include "glossary/match.h"

namespace tc {

struct BeadTerms {
  std::vector<TermMatch> source;  // source terms, leftmost-longest (自身免疫力, not 自身免疫)
  std::vector<std::uint32_t> source_entries;  // the entries of source, sorted, each once
  std::vector<TermMatch> target;  // every target match, nested ones included; a Chinese target
                                  // also holds the English renderings written in it
  Span target_span;               // from the first to the last target sentence; empty when none
};

inline constexpr std::size_t kNoStop = static_cast<std::size_t>(-1);

struct PairTerms {
  bool source_is_chinese = true;
  std::vector<BeadTerms> beads;  // in document order
  // Where matching stopped at the side's term_match_limit (a byte offset in
  // that side's text), or kNoStop: terms past it were not looked for.
  std::size_t source_stop = kNoStop;
  std::size_t target_stop = kNoStop;
};

// Null context.glossary or alignment: no beads. fold_traditional_key names
// the rule's option that turns Traditional->Simplified folding off. The
// terms are matched once per job (and folding setting) and kept in the job's
// memo, so the terminology rules share one glossary pass over the pair.
const PairTerms& shared_pair_terms(const CheckContext& context, std::string_view fold_traditional_key);

// The matching itself, without the memo.
PairTerms collect_pair_terms(const CheckContext& context, bool fold_traditional);

// The side target matches of an entry's accepted renderings have: English
// renderings for a Chinese source, Chinese forms for an English one.
TermSide accepted_target_side(const PairTerms& terms);

// True when `bead.source` holds an occurrence of entry.
bool source_has_entry(const BeadTerms& bead, std::uint32_t entry);

// Where matching stopped at a limit, for a rule to report (its silence past
// there is not a clean bill).
struct MatchLimitNote {
  const Document* doc = nullptr;
  Span span;  // the character where matching stopped
  std::string message;
};
// The note for a document whose matching stopped at stop (kNoStop: none).
std::optional<MatchLimitNote> match_limit_note(const Document& doc, std::size_t stop);
// The notes for each side of a pair that stopped.
std::vector<MatchLimitNote> match_limit_notes(const CheckContext& context, const PairTerms& terms);

// The glossary text of a match's form: a Chinese form, an accepted or a forbidden rendering.
std::string_view form_text(const GlossaryEntryView& entry, const TermMatch& match);

// "\"a\", \"b\" or \"c\"": the accepted renderings an entry allows on the target side.
std::string accepted_list(const GlossaryEntryView& entry, bool target_is_english);

// How messages name an entry on the source side: its first Chinese form for a
// Chinese source, its preferred English for an English one.
std::string_view source_name(const GlossaryEntryView& entry, bool source_is_chinese);

// The text a span covers, for messages.
std::string span_text(const Document& doc, Span span);

}  // namespace tc
