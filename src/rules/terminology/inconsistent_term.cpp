#include "rules/terminology/inconsistent_term.h"

#include <algorithm>
#include <unordered_map>

#include "rules/terminology/pair_terms.h"

namespace tc {

const RuleInfo& InconsistentTerm::info() const {
  static constexpr OptionSpec kOptions[] = {
      {"fold-traditional", OptionType::boolean, "true", "fold Traditional Chinese to Simplified before matching"},
  };
  static const RuleInfo kInfo{
      "terminology/inconsistent-term", Severity::warning, RuleScope::pair, RuleLanguage::any, true,
      "A glossary term is rendered with different accepted variants, or one rendering serves two terms",
      R"(## What it does
Follows each glossary term of the source through the document. Reports a
target sentence that renders the term with a different accepted variant
than its first occurrence did ("myelosuppression", later "bone marrow
suppression"), and a rendering that stands for one glossary term in one
place and for another term elsewhere in the same document. Spelling,
plural and case differences are the same rendering. Works in both
directions. Needs `--glossary`.

## Why it matters
A reader who meets two names assumes two things. Glossaries often accept
several variants; a document should still pick one.

## Example
`骨髓抑制` rendered "myelosuppression" in the first paragraph and "bone
marrow suppression" in the third: the third is reported.)", /*explains_its_span=*/false, /*reads_undecoded=*/false, kOptions};
  return kInfo;
}

namespace {

struct FirstUse {
  std::uint16_t form = 0;
  std::uint32_t entry = 0;
  std::string text;  // as written in the target
  std::size_t line = 0;
};

// Abbreviations (WHO, CoV, Treg, NK cell) go with any spelled-out form:
// "World Health Organization (WHO)" then "WHO" is the usual practice.
bool is_abbreviation(const std::string& form) {
  const auto upper = [](char c) { return c >= 'A' && c <= 'Z'; };
  if (form.size() <= 8 && form.find(' ') == std::string::npos && std::any_of(form.begin(), form.end(), upper))
    return true;
  std::size_t capitals_in_word = 0;  // a word with two capitals: "NK cell", "PD-1 inhibitor"
  for (char c : form) {
    if (c == ' ') capitals_in_word = 0;
    else if (upper(c) && ++capitals_in_word >= 2) return true;
  }
  return false;
}

// Word forms of one rendering ("infect"/"infection", "virus"/"viral",
// "hand washing"/"handwashing") and shortened mentions ("mask" after "face
// mask") are not competing renderings; different words
// ("myelosuppression"/"bone marrow suppression") are.
// The words of `shorter` all appear in `longer`: "mask" after "face mask",
// "respiratory infection" after "respiratory tract infection".
bool words_within(const std::string& shorter, const std::string& longer) {
  std::string padded(1, ' ');
  padded += longer;
  padded += ' ';
  std::string word;
  std::size_t start = 0;
  while (start < shorter.size()) {
    std::size_t end = shorter.find(' ', start);
    if (end == std::string::npos) end = shorter.size();
    word.assign(1, ' ');
    word.append(shorter, start, end - start);
    word += ' ';
    if (padded.find(word) == std::string::npos) return false;
    start = end + 1;
  }
  return true;
}

bool same_english_rendering(const std::string& a, const std::string& b) {
  if (is_abbreviation(a) || is_abbreviation(b)) return true;
  std::string x = english_key(a);
  std::string y = english_key(b);
  if (words_within(x, y) || words_within(y, x)) return true;
  std::erase(x, ' ');
  std::erase(y, ' ');
  const std::size_t shorter = std::min(x.size(), y.size());
  std::size_t common = 0;
  while (common < shorter && x[common] == y[common]) ++common;
  return common >= 3 && common + 2 >= shorter;
}

}  // namespace

void InconsistentTerm::check(const CheckContext& context, std::vector<Finding>& out) const {
  const PairTerms terms = collect_pair_terms(context, "terminology/inconsistent-term.fold-traditional");
  if (terms.beads.empty()) return;
  const std::vector<GlossaryEntry>& entries = context.glossary->entries;
  const Document& target = *context.target;
  const TermSide wanted = accepted_target_side(terms);
  std::unordered_map<std::uint32_t, FirstUse> by_entry;      // term -> first rendering
  std::unordered_map<std::uint32_t, FirstUse> by_rendering;  // rendering -> first term it stood for
  for (std::size_t b = 0; b < terms.beads.size(); ++b) {
    const BeadTerms& bead = terms.beads[b];
    std::vector<Span> attributed;  // one term per target occurrence
    for (const TermMatch& m : bead.target) {
      if (m.side != wanted || !source_has_entry(bead, m.entry)) continue;
      if (covered_by_longer(bead.target, m.span, wanted)) continue;
      if (std::find(attributed.begin(), attributed.end(), m.span) != attributed.end()) continue;
      attributed.push_back(m.span);
      const std::string text = span_text(target, m.span);
      const std::size_t line = target.position(m.span.begin).line;
      const GlossaryEntry& entry = entries[m.entry];
      const std::string& term_text = source_name(entry, terms.source_is_chinese);
      const auto [first, new_term] = by_entry.try_emplace(m.entry, FirstUse{m.form, m.entry, text, line});
      const bool switched = terms.source_is_chinese
                                ? !same_english_rendering(form_text(entry, m), form_text(entry, {{}, m.entry, 0, first->second.form, m.side}))
                                : first->second.form != m.form;
      if (!new_term && switched) {
        out.push_back(make_finding(target, m.span,
                                   "\"" + term_text + "\" is rendered as \"" + text + "\" here but as \"" +
                                       first->second.text + "\" on line " + std::to_string(first->second.line) +
                                       "; use one rendering"));
        continue;
      }
      const auto [owner, new_rendering] = by_rendering.try_emplace(m.rendering, FirstUse{m.form, m.entry, text, line});
      if (!new_rendering && owner->second.entry != m.entry) {
        const std::string& other_text = source_name(entries[owner->second.entry], terms.source_is_chinese);
        out.push_back(make_finding(target, m.span,
                                   "\"" + text + "\" renders \"" + term_text + "\" here but \"" + other_text +
                                       "\" on line " + std::to_string(owner->second.line) +
                                       "; two terms should not share one rendering"));
      }
    }
  }
}

}  // namespace tc
