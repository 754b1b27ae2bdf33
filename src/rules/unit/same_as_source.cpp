#include "rules/unit/same_as_source.h"

#include "core/language.h"

namespace tc {

const RuleInfo& SameAsSource::info() const {
  static const RuleInfo kInfo{
      "unit/same-as-source", Severity::info, RuleScope::pair, RuleLanguage::any, true,
      "A unit of a translation file whose translation is the source text unchanged",
      R"(## What it does
Reports each unit of a translation file whose translation is exactly its
source text, when the two languages differ and the source has words to
translate (at least two letters of its own script, so `%s: %s`, `OK`-like
codes of one letter, numbers and URLs are not reported). A unit whose notes
ask to keep it (an XLIFF `<note>` or a PO `#.` comment saying "Do not
translate", "DNT", "keep in English") is not reported.

## Why it matters
A copied source is the usual way an untranslated unit passes as translated:
it is not empty, so nothing else flags it as unfinished. Names and product
terms are often kept on purpose, which is why this is info.

## Example
`msgid "Disk quota exceeded"` with `msgstr "Disk quota exceeded"` in a
Chinese catalog is reported.

## Options
None.)"};
  return kInfo;
}

void SameAsSource::check(const CheckContext& context, FindingSink& out) const {
  if (!context.units || context.source->lang == context.target->lang) return;
  const std::string_view source = context.source->prose();
  const std::string_view target = context.target->prose();
  for (const BitextUnit& unit : *context.units) {
    if (unit.target.empty() || notes_keep_source(unit)) continue;
    const std::string_view source_text = source.substr(unit.source.begin, unit.source.end - unit.source.begin);
    if (source_text != target.substr(unit.target.begin, unit.target.end - unit.target.begin)) continue;
    const ScriptCounts counts = count_scripts(source_text);
    if (counts.han + counts.latin < 2) continue;
    Finding f = make_finding(*context.target, unit.target, "the translation is the source text unchanged");
    f.counterpart = Counterpart{context.source, unit.source, std::string(context.source->text.substr(unit.source.begin, unit.source.end - unit.source.begin))};
    out.push_back(std::move(f));
  }
}

}  // namespace tc
