#include "rules/structure/missing_translation.h"

namespace tc {

const RuleInfo& MissingTranslation::info() const {
  static const RuleInfo kInfo{
      "structure/missing-translation", Severity::warning, RuleScope::document, RuleLanguage::any, true,
      "A source file of the project has no translation",
      R"(## What it does
In a project run (`transcheck check` with a `transcheck.toml`, or
`transcheck check DIR`), flags a file that a `[[pairs]]` source glob (or a
default convention) matched when no target file captured the same wildcard
values: `content/zh-cn/post/a.md` without `content/en/post/a.md`. The
finding sits at the start of the source file and names the path the
translation was expected at. The file itself is still checked on its own.

## Why it matters
A page that was never translated, or whose translation was renamed or moved,
is missing from the published site in the other language; nothing else in a
per-pair check would notice it.

## Example
`content/zh-cn/post/dosage.md` exists, `content/en/post/dosage.md` does not:
`content/zh-cn/post/dosage.md:1:1: warning: no translation found (expected
content/en/post/dosage.md) [structure/missing-translation]`.

## Options
None.)"};
  return kInfo;
}

void MissingTranslation::check(const CheckContext& context, FindingSink& out) const {
  if (!context.missing || context.missing->side != Role::source) return;
  const std::string& expected = context.missing->expected;
  out.push_back(make_finding(context.doc, {0, 0},
                             expected.empty() ? "no translation found" : "no translation found (expected " + expected + ")"));
}

}  // namespace tc
