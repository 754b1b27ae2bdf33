#include "rules/unit/length_limit.h"

#include "core/utf8.h"

namespace tc {

const RuleInfo& LengthLimit::info() const {
  static const RuleInfo kInfo{
      "unit/length-limit", Severity::error, RuleScope::pair, RuleLanguage::any, true,
      "A translation longer than the limit its file declares for the unit",
      R"(## What it does
Where a translation file declares the longest text a unit may hold (XLIFF
1.2 `maxwidth` with `size-unit="char"` or none, XLIFF 2.0
`size-restriction` on a unit or segment), reports each translation longer
than that, counted in characters (Unicode code points).

## Why it matters
The limit is there because the text must fit a button, a menu or a display;
a longer translation is cut off or breaks the layout.

## Example
`<trans-unit id="save" maxwidth="6">` with target `保存当前的文件` (7 characters)
is reported.

## Options
None.)"};
  return kInfo;
}

void LengthLimit::check(const CheckContext& context, FindingSink& out) const {
  if (!context.units) return;
  const std::string_view target = context.target->text;
  for (const BitextUnit& unit : *context.units) {
    if (!unit.max_length || unit.target.empty()) continue;
    const std::size_t length = utf8::count(target.substr(unit.target.begin, unit.target.end - unit.target.begin));
    if (length <= *unit.max_length) continue;
    out.push_back(make_finding(*context.target, unit.target,
                               "the translation has " + std::to_string(length) + " characters; the file allows " +
                                   std::to_string(*unit.max_length)));
  }
}

}  // namespace tc
