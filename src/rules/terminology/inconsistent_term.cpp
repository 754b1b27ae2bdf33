#include "rules/terminology/inconsistent_term.h"

#include <algorithm>
#include <set>
#include <unordered_map>
#include <utility>

#include "core/utf8.h"
#include "rules/terminology/pair_terms.h"

namespace tc {

const RuleInfo& InconsistentTerm::info() const {
  static constexpr OptionSpec kOptions[] = {
      {"fold-traditional", OptionType::boolean, "true", "fold Traditional Chinese to Simplified before matching"},
  };
  static const RuleInfo kInfo{
      "terminology/inconsistent-term", Severity::warning, RuleScope::pair, RuleLanguage::any, true,
      "A glossary term is rendered with different accepted variants, or one rendering serves two terms",
      R"doc(## What it does
Follows each glossary term of the source through the document. Reports a
target sentence that renders the term with a different accepted variant
than its first occurrence did ("myelosuppression", later "bone marrow
suppression"), and a rendering that stands for one glossary term in one
place and for another term elsewhere in the same document. Works in both
directions. Needs `--glossary`.

Forms of one rendering are not competing renderings: spelling, plural and
case differences, word forms ("infection"/"infect"), abbreviations ("WHO",
"chemo" after "chemotherapy"), and in Chinese a short form whose characters
appear in order in the long one (化疗 and 化学疗法, 放疗 and 放射治疗, 宫颈 and
子宫颈, 乙肝 and 乙型肝炎, 癌 and 癌症) or the same characters in another order
(疫苗接种 and 接种疫苗), and forms built on one shorter form of the term (剂量
and 剂次 on 剂). A form the document introduces in brackets right after
another (化学疗法（化疗）, "chemotherapy (chemo)") is consistent with it. Two
different words for one thing (发热 then 发烧, 脊髓灰质炎 then 小儿麻痹症 without
an introduction) are reported.

A document holding more glossary term matches than 65,536 and one for every
eight bytes (a repetitive text against nested or shared forms) is checked
up to there, and a finding says where matching stopped.

## Why it matters
A reader who meets two names assumes two things. Glossaries often accept
several variants; a document should still pick one.

## Example
`骨髓抑制` rendered "myelosuppression" in the first paragraph and "bone
marrow suppression" in the third: the third is reported. "fever" rendered
发热 and later 发烧: the 发烧 is reported.)doc", /*explains_its_span=*/false, /*reads_undecoded=*/false, kOptions};
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
bool is_abbreviation(std::string_view form) {
  const auto upper = [](char c) { return c >= 'A' && c <= 'Z'; };
  if (form.size() <= 8 && form.find(' ') == std::string_view::npos && std::any_of(form.begin(), form.end(), upper))
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

bool same_english_rendering(std::string_view a, std::string_view b) {
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

// Chinese forms of one concept that a document may mix: a shortened form
// whose characters appear in order in the longer one (化疗 in 化学疗法, 放疗 in
// 放射治疗, 宫颈 in 子宫颈, 乙肝 in 乙型肝炎, 癌 in 癌症), and the same characters
// in another order (接种疫苗 / 疫苗接种). Two different words for one thing
// (发烧 / 发热, 小儿麻痹症 / 脊髓灰质炎) are not.
std::u32string code_points(std::string_view text) {
  std::u32string out;
  for (std::size_t pos = 0; pos < text.size();) out += utf8::next(text, pos);
  return out;
}

bool in_order_within(const std::u32string& shorter, const std::u32string& longer) {
  std::size_t k = 0;
  for (char32_t cp : longer)
    if (k < shorter.size() && cp == shorter[k]) ++k;
  return k == shorter.size();
}

bool same_chinese_rendering(const GlossaryEntryView& entry, std::string_view a, std::string_view b) {
  std::u32string x = code_points(a), y = code_points(b);
  if (x.size() > y.size()) std::swap(x, y);
  if (in_order_within(x, y)) return true;
  // Both built on one shorter form of the entry: 剂量 and 剂次 on 剂.
  for (const std::string_view form : entry.zh) {
    const std::u32string base = code_points(form);
    if (base.size() < x.size() && in_order_within(base, x) && in_order_within(base, y)) return true;
  }
  std::sort(x.begin(), x.end());
  std::sort(y.begin(), y.end());
  return x == y;
}

// Forms a document itself declares equal by introducing one in brackets
// right after the other: 化学疗法（化疗）, "chemotherapy (chemo)", 脊髓灰质炎（小儿麻痹症）.
using FormPair = std::pair<std::uint32_t, std::pair<std::uint16_t, std::uint16_t>>;  // entry, forms (smaller first)

FormPair form_pair(std::uint32_t entry, std::uint16_t a, std::uint16_t b) {
  return {entry, {std::min(a, b), std::max(a, b)}};
}

bool introduces(std::string_view text, Span first, Span second) {
  if (second.begin < first.end) return false;
  std::string_view gap = text.substr(first.end, second.begin - first.end);
  while (!gap.empty() && gap.front() == ' ') gap.remove_prefix(1);
  if (gap != "(" && gap != "\xEF\xBC\x88") return false;  // ( or （
  const std::string_view after = text.substr(second.end, 3);
  return after.starts_with(")") || after == "\xEF\xBC\x89";  // ) or ）
}

// Sorted, each once.
std::vector<FormPair> introduced_forms(const PairTerms& terms, TermSide wanted, std::string_view text) {
  std::vector<const TermMatch*> matches;
  for (const BeadTerms& bead : terms.beads)
    for (const TermMatch& m : bead.target)
      if (m.side == wanted) matches.push_back(&m);
  // By start and entry: the form introduced after a match starts at one
  // place, right inside the bracket, so each match looks there only.
  const auto start_entry = [](const TermMatch* m) { return std::pair(m->span.begin, m->entry); };
  std::sort(matches.begin(), matches.end(),
            [&](const TermMatch* a, const TermMatch* b) { return start_entry(a) < start_entry(b); });
  std::vector<FormPair> pairs;
  for (const TermMatch* match : matches) {
    const TermMatch& first = *match;
    std::size_t inside = first.span.end;
    while (inside < text.size() && text[inside] == ' ') ++inside;
    if (text.substr(inside, 1) == "(") inside += 1;
    else if (text.substr(inside, 3) == "\xEF\xBC\x88") inside += 3;  // （
    else continue;
    if (inside - first.span.end > 4) continue;  // the bracket must follow closely
    const std::pair key(inside, first.entry);
    auto second = std::lower_bound(matches.begin(), matches.end(), key,
                                   [&](const TermMatch* m, const auto& k) { return start_entry(m) < k; });
    for (; second != matches.end() && start_entry(*second) == key; ++second)
      if (introduces(text, first.span, (*second)->span))
        pairs.push_back(form_pair(first.entry, first.form, (*second)->form));
  }
  std::sort(pairs.begin(), pairs.end());
  pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
  return pairs;
}

}  // namespace

void InconsistentTerm::check(const CheckContext& context, FindingSink& out) const {
  const PairTerms& terms = shared_pair_terms(context, "terminology/inconsistent-term.fold-traditional");
  if (terms.beads.empty()) return;
  const GlossaryEntries& entries = context.glossary->entries;
  const Document& target = *context.target;
  const TermSide wanted = accepted_target_side(terms);
  std::unordered_map<std::uint32_t, FirstUse> by_entry;      // term -> first rendering
  std::unordered_map<std::uint32_t, FirstUse> by_rendering;  // rendering -> first term it stood for
  const std::vector<FormPair> introduced = introduced_forms(terms, wanted, target.prose());
  for (const MatchLimitNote& note : match_limit_notes(context, terms))
    out.push_back(make_finding(*note.doc, note.span, note.message));
  for (std::size_t b = 0; b < terms.beads.size(); ++b) {
    const BeadTerms& bead = terms.beads[b];
    const LongerMatches longer(bead.target, wanted);
    std::set<std::pair<std::size_t, std::size_t>> attributed;  // one term per target occurrence
    for (const TermMatch& m : bead.target) {
      if (m.side != wanted || !source_has_entry(bead, m.entry)) continue;
      if (longer.cover(m.span)) continue;
      if (!attributed.emplace(m.span.begin, m.span.end).second) continue;
      const std::string text = span_text(target, m.span);
      const std::size_t line = target.position(m.span.begin).line;
      const GlossaryEntryView entry = entries[m.entry];
      const std::string_view term_text = source_name(entry, terms.source_is_chinese);
      const auto [first, new_term] = by_entry.try_emplace(m.entry, FirstUse{m.form, m.entry, text, line});
      const std::string_view first_form = form_text(entry, {{}, m.entry, 0, first->second.form, m.side});
      const bool switched =
          first->second.form != m.form &&
          !std::binary_search(introduced.begin(), introduced.end(), form_pair(m.entry, m.form, first->second.form)) &&
          !(terms.source_is_chinese ? same_english_rendering(form_text(entry, m), first_form)
                                    : same_chinese_rendering(entry, form_text(entry, m), first_form));
      if (!new_term && switched) {
        out.push_back(make_finding(target, m.span,
                                   "\"" + std::string(term_text) + "\" is rendered as \"" + text + "\" here but as \"" +
                                       first->second.text + "\" on line " + std::to_string(first->second.line) +
                                       "; use one rendering"));
        continue;
      }
      const auto [owner, new_rendering] = by_rendering.try_emplace(m.rendering, FirstUse{m.form, m.entry, text, line});
      if (!new_rendering && owner->second.entry != m.entry) {
        const std::string_view other_text = source_name(entries[owner->second.entry], terms.source_is_chinese);
        out.push_back(make_finding(target, m.span,
                                   "\"" + text + "\" renders \"" + std::string(term_text) + "\" here but \"" + std::string(other_text) +
                                       "\" on line " + std::to_string(owner->second.line) +
                                       "; two terms should not share one rendering"));
      }
    }
  }
}

}  // namespace tc
