#include "rules/typography/cjk_spacing.h"

#include "core/utf8.h"
#include "rules/typography/text.h"

namespace tc {
namespace {

using namespace typography;

bool han_before(std::string_view prose, std::size_t pos) {
  if (pos == 0 || !is_non_ascii(prose[pos - 1])) return false;
  return is_han(utf8::previous(prose, pos));
}

bool han_at(std::string_view prose, std::size_t pos) {
  return pos < prose.size() && is_non_ascii(prose[pos]) && is_han(utf8::at(prose, pos));
}

}  // namespace

const RuleInfo& CjkSpacing::info() const {
  static constexpr OptionSpec kOptions[] = {
      {"style", OptionType::choice, "off", "`space`: a space is wanted between Han and Latin letters or digits; `none`: no space; `off`: not checked", "off|space|none"},
  };
  static const RuleInfo kInfo{
      "typography/cjk-spacing", Severity::info, RuleScope::document, RuleLanguage::zh, true,
      "Spacing between Chinese characters and Latin letters or digits, per house style",
      R"doc(## What it does
Checks the space between a Han character and an adjacent Latin letter or
digit against the house style set by `typography/cjk-spacing.style`:

- `space`: a space is wanted (`使用 Python 3 编写`), the common convention of
  Chinese technical writing; "使用Python" is flagged, fix "使用 Python".
- `none`: no space is wanted, the usual convention of mainland print
  publishing; "使用 Python" is flagged, fix "使用Python".
- `off` (default): nothing is checked.

The default is `off` because published Chinese text follows either
convention, often both within one house, so any default would flag correct
text. Set the style your house uses.

## Why it matters
Consistent spacing is part of a house style; mixed spacing looks careless in
print and on the web.

## Example
With `--set typography/cjk-spacing.style=space`, `使用Python编写` is flagged
twice: at `用P` (fix `用 P`) and at `n编` (fix `n 编`).)doc", /*explains_its_span=*/false, /*reads_undecoded=*/false, kOptions};
  return kInfo;
}

void CjkSpacing::check(const CheckContext& context, FindingSink& out) const {
  const std::string_view style = context.options.text("typography/cjk-spacing.style");
  if (style != "space" && style != "none") return;
  const std::string_view prose = context.doc.prose();
  if (style == "space") {
    for (std::size_t i = 0; i < prose.size(); ++i) {
      if (!is_alnum(prose[i])) continue;
      if (han_before(prose, i)) {
        std::size_t han = i;
        utf8::previous(prose, han);
        Finding finding = make_finding(context.doc, {han, i + 1}, "no space between Chinese and Latin text");
        finding.fix = std::string(prose.substr(han, i - han)) + ' ' + prose[i];
        out.push_back(std::move(finding));
      }
      if (han_at(prose, i + 1)) {
        std::size_t end = i + 1;
        utf8::next(prose, end);
        Finding finding = make_finding(context.doc, {i, end}, "no space between Latin and Chinese text");
        finding.fix = std::string(1, prose[i]) + ' ' + std::string(prose.substr(i + 1, end - i - 1));
        out.push_back(std::move(finding));
      }
    }
    return;
  }
  for (std::size_t i = 0; i < prose.size(); ++i) {
    if (!is_blank(prose[i]) || (i > 0 && is_blank(prose[i - 1]))) continue;
    std::size_t end = i;
    while (end < prose.size() && is_blank(prose[end])) ++end;
    const bool han_then_latin = han_before(prose, i) && end < prose.size() && is_alnum(prose[end]);
    const bool latin_then_han = i > 0 && is_alnum(prose[i - 1]) && han_at(prose, end);
    if (!han_then_latin && !latin_then_han) continue;
    Finding finding = make_finding(context.doc, {i, end}, "space between Chinese and Latin text");
    finding.fix = "";
    out.push_back(std::move(finding));
  }
}

}  // namespace tc
