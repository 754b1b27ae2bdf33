#include "rules/terminology/pair_terms.h"

#include <algorithm>
#include <stdexcept>

#include "core/alignment.h"
#include "core/utf8.h"

namespace tc {
namespace {

std::vector<TermMatch> find_terms(const Glossary& glossary, const Document& doc, Span span, bool chinese,
                                  bool fold_traditional) {
  return chinese ? find_chinese_terms(glossary, doc.prose(), span, fold_traditional)
                 : find_english_terms(glossary, doc.prose(), span);
}

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
  terms.beads.reserve(alignment.beads.size());
  for (const Bead& bead : alignment.beads) {
    BeadTerms bead_terms;
    std::vector<TermMatch> source;
    for (std::size_t s : bead.source) {
      auto found = find_terms(glossary, *context.source, alignment.source_sentences[s].span, terms.source_is_chinese, fold);
      // An English source names terms by their accepted renderings only. A
      // one-character Chinese form (剂 for "dose", 癌 for "cancer") is an
      // accepted rendering in a translation, but in a Chinese source it is
      // mostly part of a longer word (抑制剂, 肺癌) the glossary does not list.
      if (!terms.source_is_chinese)
        std::erase_if(found, [](const TermMatch& m) { return m.side != TermSide::accepted; });
      else
        std::erase_if(found, [&](const TermMatch& m) {
          const std::string_view text = context.source->prose().substr(m.span.begin, m.span.size());
          return m.side == TermSide::zh && utf8::count(text) == 1 && static_cast<unsigned char>(text[0]) >= 0x80;
        });
      source.insert(source.end(), found.begin(), found.end());
    }
    bead_terms.source = longest_matches(std::move(source));
    for (std::size_t t : bead.target) {
      const Span span = alignment.target_sentences[t].span;
      auto found = find_terms(glossary, *context.target, span, target_is_chinese, fold);
      bead_terms.target.insert(bead_terms.target.end(), found.begin(), found.end());
      if (target_is_chinese) {
        // Chinese text keeps many terms in English (COVID-19, SARS-CoV-2, WHO): they count as rendered.
        for (const TermMatch& m : find_english_terms(glossary, context.target->prose(), span))
          if (m.side == TermSide::accepted) bead_terms.target.push_back(m);
      }
      if (t == bead.target.front()) bead_terms.target_span.begin = span.begin;
      bead_terms.target_span.end = span.end;  // sentences are ascending
    }
    terms.beads.push_back(std::move(bead_terms));
  }
  return terms;
}

TermSide accepted_target_side(const PairTerms& terms) {
  return terms.source_is_chinese ? TermSide::accepted : TermSide::zh;
}

bool source_has_entry(const BeadTerms& bead, std::uint32_t entry) {
  return std::any_of(bead.source.begin(), bead.source.end(), [&](const TermMatch& m) { return m.entry == entry; });
}

const std::string& form_text(const GlossaryEntry& entry, const TermMatch& match) {
  switch (match.side) {
    case TermSide::zh: return entry.zh[match.form];
    case TermSide::forbidden: return entry.forbidden[match.form];
    case TermSide::accepted: break;
  }
  return match.form == 0 ? entry.en : entry.variants[match.form - 1u];
}

std::string accepted_list(const GlossaryEntry& entry, bool target_is_english) {
  const std::vector<std::string> forms = target_is_english ? entry.accepted() : entry.zh;
  std::string list;
  for (std::size_t i = 0; i < forms.size(); ++i) {
    if (i > 0) list += i + 1 == forms.size() ? " or " : ", ";
    list += "\"" + forms[i] + "\"";
  }
  return list;
}

const std::string& source_name(const GlossaryEntry& entry, bool source_is_chinese) {
  return source_is_chinese && !entry.zh.empty() ? entry.zh.front() : entry.en;
}

std::string span_text(const Document& doc, Span span) {
  return doc.text.substr(span.begin, span.size());
}

}  // namespace tc
