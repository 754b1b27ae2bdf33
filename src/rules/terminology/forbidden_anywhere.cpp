#include "rules/terminology/forbidden_anywhere.h"

#include "glossary/match.h"
#include "rules/terminology/pair_terms.h"

namespace tc {

const RuleInfo& ForbiddenAnywhere::info() const {
  static const RuleInfo kInfo{
      "terminology/forbidden-anywhere", Severity::warning, RuleScope::document, RuleLanguage::en, true,
      "English text uses a rendering a house-style glossary row forbids everywhere",
      R"(## What it does
Glossary rows with an empty `zh` cell are house style: their `forbidden`
renderings must not appear anywhere in English text, whatever the source
says. Reports each occurrence with the preferred rendering, matching across
plurals, case, hyphen or space and UK or US spelling, but not inside a
longer accepted term. Works on single English documents and on the English
side of a pair. Needs `--glossary`.

A document holding more glossary term matches than 65,536 and one for every
eight bytes (a repetitive text against nested or shared forms) is checked
up to there, and a finding says where matching stopped.

## Why it matters
Style guides ban shorthand and loaded words ("chemo", "cancer victim") in
published medical text; a reviewer should not have to search for them.

## Example
The row `(zh empty) → chemotherapy, forbidden: chemo` reports "chemo" in
`She started chemo in May.` and offers "chemotherapy" as a possible fix
(unsafe: a term is the editor's call, so `fix` applies it only with `--unsafe`).

## Options
None.)"};
  return kInfo;
}

void ForbiddenAnywhere::check(const CheckContext& context, FindingSink& out) const {
  if (!context.glossary) return;
  const Document& doc = context.doc;
  const std::size_t limit = term_match_limit(doc.text.size());
  const std::vector<TermMatch> matches = find_english_terms(*context.glossary, doc.prose(), {0, doc.text.size()}, limit);
  if (matches.size() >= limit)
    if (auto note = match_limit_note(doc, matches.back().span.begin))
      out.push_back(make_finding(*note->doc, note->span, note->message));
  const LongerMatches longer_accepted(matches, TermSide::accepted);
  std::vector<TermMatch> violations;
  for (const TermMatch& m : matches) {
    if (m.side != TermSide::forbidden || !context.glossary->entries[m.entry].zh.empty()) continue;
    if (!longer_accepted.cover(m.span)) violations.push_back(m);
  }
  for (const TermMatch& m : longest_matches(std::move(violations))) {
    const GlossaryEntryView entry = context.glossary->entries[m.entry];
    const std::string found = doc.text.substr(m.span.begin, m.span.size());
    std::string message = "\"" + found + "\" is not house style";
    if (!entry.en.empty()) message += "; use \"" + std::string(entry.en) + "\"";
    if (!entry.note.empty()) message += " (" + std::string(entry.note) + ")";
    Finding finding = make_finding(doc, m.span, std::move(message));
    // Only an exact spelling of the forbidden form is offered; a term is the
    // editor's call (the phrase may be a quotation), so the fix is unsafe.
    if (!entry.en.empty() && found == entry.forbidden[m.form]) finding.fix = unsafe_fix(std::string(entry.en));
    out.push_back(std::move(finding));
  }
}

}  // namespace tc
