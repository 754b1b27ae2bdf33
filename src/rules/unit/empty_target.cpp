#include "rules/unit/empty_target.h"

namespace tc {

const RuleInfo& EmptyTarget::info() const {
  static const RuleInfo kInfo{
      "unit/empty-target", Severity::warning, RuleScope::pair, RuleLanguage::any, true,
      "A unit of a translation file whose source has text and whose translation is empty",
      R"(## What it does
Reports each unit of a translation file (PO message, XLIFF or TMX unit, JSON
key) whose source has text but whose translation is empty or only spaces.
A unit the file marks as not finished (a PO `fuzzy` flag, an XLIFF state such
as `needs-translation` or `new`) is reported at info: the file already says
so. The finding points at the empty translation in the file.

## Why it matters
An empty translation shows the source language to readers (gettext falls
back to the msgid) or nothing at all, and a release can ship with it unseen.

## Example
`msgid "Save the file"` with `msgstr ""` is reported; with `#, fuzzy` before
it, at info.

## Options
None.)"};
  return kInfo;
}

void EmptyTarget::check(const CheckContext& context, FindingSink& out) const {
  if (!context.units) return;
  const std::string_view target = context.target->text;
  const std::string_view source = context.source->text;
  auto blank = [](std::string_view text) { return text.find_first_not_of(" \t\r\n") == std::string_view::npos; };
  for (const BitextUnit& unit : *context.units) {
    const std::string_view source_text = source.substr(unit.source.begin, unit.source.end - unit.source.begin);
    if (blank(source_text) || !blank(target.substr(unit.target.begin, unit.target.end - unit.target.begin))) continue;
    std::string shown(source_text.substr(0, 60));
    if (shown.size() < source_text.size()) shown += "…";
    Finding f = make_finding(*context.target, unit.target, "the translation of \"" + shown + "\" is empty");
    if (unit.state == UnitState::needs_translation || unit.state == UnitState::needs_review) {
      f.severity = Severity::info;
      f.message += " (the file marks it as not finished)";
    }
    f.counterpart = Counterpart{context.source, unit.source, std::string(source_text)};
    out.push_back(std::move(f));
  }
}

}  // namespace tc
