#include "rules/terminology/pair_terms.h"

#include <algorithm>
#include <cctype>
#include <iterator>
#include <stdexcept>
#include <string_view>

#include "core/alignment.h"
#include "core/utf8.h"
#include "text/ascii.h"
#include "text/alternatives.h"

namespace tc {
namespace {

std::vector<TermMatch> find_terms(const Glossary& glossary, const Document& doc, Span span, bool chinese,
                                  bool fold_traditional, std::size_t limit) {
  return chinese ? find_chinese_terms(glossary, doc.prose(), span, fold_traditional, limit)
                 : find_english_terms(glossary, doc.prose(), span, limit);
}

// Words that shorten a preferred rendering to its last word ("cold" of
// "common cold") and that in running English mostly have another sense: cold
// dishes, a sign-in page, ports, thermal cycles, guidelines as any rules,
// resistance to change. "mask" is the face mask as a noun and another sense
// only as a verb (masked palm civet, masking a symptom). Unambiguous
// shortenings (transfusion, marrow, infusion, resection) still name their term.
struct ShortenedWithOtherSense {
  std::string_view word;
  bool only_as_verb;  // -ed and -ing forms only
};
constexpr ShortenedWithOtherSense kShortenedWithOtherSense[] = {
    {"cold", false}, {"cycle", false}, {"guideline", false}, {"mask", true},
    {"port", false}, {"resistance", false}, {"sign", false},
};

bool ends_as_verb(std::string_view matched) {
  auto ends_with = [&](std::string_view ending) {
    return matched.size() > ending.size() && equal_ignoring_ascii_case(matched.substr(matched.size() - ending.size()), ending);
  };
  return ends_with("ed") || ends_with("ing");
}

// An accepted variant (form > 0) of one word that is the last word of the
// entry's preferred English rendering, matched (as matched in the source) in
// a sense of another common word.
bool shortens_to_ambiguous_last_word(const GlossaryEntryView& entry, std::uint16_t form, std::string_view matched) {
  if (form == 0 || form > entry.variants.size()) return false;
  const std::string_view variant = entry.variants[form - 1u];
  const std::string_view preferred = entry.en;
  if (variant.empty() || variant.find(' ') != std::string_view::npos || preferred.size() <= variant.size() + 1) return false;
  const auto listed = std::find_if(std::begin(kShortenedWithOtherSense), std::end(kShortenedWithOtherSense),
                                   [&](const ShortenedWithOtherSense& word) { return equal_ignoring_ascii_case(word.word, variant); });
  if (listed == std::end(kShortenedWithOtherSense) || (listed->only_as_verb && !ends_as_verb(matched))) return false;
  const std::string_view tail = preferred.substr(preferred.size() - variant.size());
  return preferred[preferred.size() - variant.size() - 1] == ' ' && equal_ignoring_ascii_case(tail, variant);
}

// What is left of one side's term_match_limit; stop: where matching ended
// once it ran out (the start of the last match kept).
struct MatchBudget {
  std::size_t left;
  std::size_t& stop;
  // Takes found's matches from the budget.
  void take(const std::vector<TermMatch>& found) {
    if (stop != kNoStop) return;
    left -= std::min(left, found.size());
    if (left == 0) stop = found.empty() ? 0 : found.back().span.begin;
  }
  bool spent() const { return stop != kNoStop; }
};

}  // namespace

const PairTerms& shared_pair_terms(const CheckContext& context, std::string_view fold_traditional_key) {
  if (!context.memo) throw std::logic_error("terminology rules need the engine's job memo");
  const bool fold = context.options.boolean(fold_traditional_key);
  return context.memo->get<PairTerms>(fold ? "terminology/pair-terms" : "terminology/pair-terms-unfolded",
                                      [&] { return collect_pair_terms(context, fold); });
}

PairTerms collect_pair_terms(const CheckContext& context, bool fold) {
  PairTerms terms;
  if (!context.glossary || !context.alignment || !context.source || !context.target) return terms;
  const Glossary& glossary = *context.glossary;
  const Alignment& alignment = *context.alignment;
  terms.source_is_chinese = context.source->lang != Lang::en;
  const bool target_is_chinese = context.target->lang == Lang::zh;
  MatchBudget source_budget{term_match_limit(context.source->text.size()), terms.source_stop};
  MatchBudget target_budget{term_match_limit(context.target->text.size()), terms.target_stop};
  terms.beads.reserve(alignment.beads.size());
  for (const Bead& bead : alignment.beads) {
    BeadTerms bead_terms;
    std::vector<TermMatch> source;
    for (std::size_t s : bead.source) {
      if (source_budget.spent()) break;
      auto found = find_terms(glossary, *context.source, alignment.source_sentences[s].span, terms.source_is_chinese,
                              fold, source_budget.left);
      source_budget.take(found);
      // An English source names terms by their accepted renderings only. A
      // one-character Chinese form (剂 for "dose", 癌 for "cancer") is an
      // accepted rendering in a translation, but in a Chinese source it is
      // mostly part of a longer word (抑制剂, 肺癌) the glossary does not list.
      // Nor, in an English source, does a variant that only shortens the
      // preferred rendering to a last word of another common sense ("cold"
      // of "common cold", "sign" of "clinical sign", "cycle" of
      // "chemotherapy cycle"): in a translation the context says which sense
      // it has, but in a source it is mostly the other sense ("cold dishes",
      // "sign-in page", "sleep cycle").
      if (!terms.source_is_chinese)
        std::erase_if(found, [&](const TermMatch& m) {
          return m.side != TermSide::accepted || shortens_to_ambiguous_last_word(glossary.entries[m.entry], m.form,
                                                                                context.source->prose().substr(m.span.begin, m.span.size()));
        });
      else
        std::erase_if(found, [&](const TermMatch& m) {
          const std::string_view text = context.source->prose().substr(m.span.begin, m.span.size());
          return m.side == TermSide::zh && utf8::count(text) == 1 && static_cast<unsigned char>(text[0]) >= 0x80;
        });
      source.insert(source.end(), found.begin(), found.end());
    }
    bead_terms.source = longest_matches(std::move(source));
    for (const TermMatch& m : bead_terms.source) bead_terms.source_entries.push_back(m.entry);
    std::sort(bead_terms.source_entries.begin(), bead_terms.source_entries.end());
    bead_terms.source_entries.erase(std::unique(bead_terms.source_entries.begin(), bead_terms.source_entries.end()),
                                    bead_terms.source_entries.end());
    for (std::size_t t : bead.target) {
      const Span span = alignment.target_sentences[t].span;
      if (t == bead.target.front()) bead_terms.target_span.begin = span.begin;
      bead_terms.target_span.end = span.end;  // sentences are ascending
      if (target_budget.spent()) continue;
      auto found = find_terms(glossary, *context.target, span, target_is_chinese, fold, target_budget.left);
      target_budget.take(found);
      bead_terms.target.insert(bead_terms.target.end(), found.begin(), found.end());
      if (target_is_chinese && !target_budget.spent()) {
        // Chinese text keeps many terms in English (COVID-19, SARS-CoV-2, WHO): they count as rendered.
        const auto english = find_english_terms(glossary, context.target->prose(), span, target_budget.left);
        target_budget.take(english);
        for (const TermMatch& m : english)
          if (m.side == TermSide::accepted) bead_terms.target.push_back(m);
      }
    }
    terms.beads.push_back(std::move(bead_terms));
  }
  return terms;
}

std::optional<MatchLimitNote> match_limit_note(const Document& doc, std::size_t stop) {
  if (stop == kNoStop) return std::nullopt;
  std::size_t end = stop;
  if (end < doc.text.size()) utf8::next(doc.text, end);
  return MatchLimitNote{&doc, Span{stop, end},
                        "glossary terms are not looked for past here: the document holds more term matches "
                        "than the " +
                            std::to_string(term_match_limit(doc.text.size())) +
                            " checked at most in one document (65536 and one for every eight bytes)"};
}

std::vector<MatchLimitNote> match_limit_notes(const CheckContext& context, const PairTerms& terms) {
  std::vector<MatchLimitNote> notes;
  if (!context.source || !context.target) return notes;
  if (auto note = match_limit_note(*context.source, terms.source_stop)) notes.push_back(std::move(*note));
  if (auto note = match_limit_note(*context.target, terms.target_stop)) notes.push_back(std::move(*note));
  return notes;
}

TermSide accepted_target_side(const PairTerms& terms) {
  return terms.source_is_chinese ? TermSide::accepted : TermSide::zh;
}

bool source_has_entry(const BeadTerms& bead, std::uint32_t entry) {
  return std::binary_search(bead.source_entries.begin(), bead.source_entries.end(), entry);
}

std::string_view form_text(const GlossaryEntryView& entry, const TermMatch& match) {
  switch (match.side) {
    case TermSide::zh: return entry.zh[match.form];
    case TermSide::forbidden: return entry.forbidden[match.form];
    case TermSide::accepted: break;
  }
  return match.form == 0 ? entry.en : entry.variants[match.form - 1u];
}

std::string accepted_list(const GlossaryEntryView& entry, bool target_is_english) {
  const FormList forms = target_is_english ? entry.accepted : entry.zh;
  return alternatives(forms, [](std::string_view form) { return std::string(1, '"').append(form).append(1, '"'); });
}

std::string_view source_name(const GlossaryEntryView& entry, bool source_is_chinese) {
  return source_is_chinese && !entry.zh.empty() ? entry.zh.front() : entry.en;
}

std::string span_text(const Document& doc, Span span) {
  return doc.text.substr(span.begin, span.size());
}

}  // namespace tc
