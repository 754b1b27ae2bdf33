#include "rules/structure/orphan_translation.h"

namespace tc {

const RuleInfo& OrphanTranslation::info() const {
  static const RuleInfo kInfo{
      "structure/orphan-translation", Severity::info, RuleScope::document, RuleLanguage::any, true,
      "A translated file of the project has no source file",
      R"(## What it does
In a project run, flags a file that a `[[pairs]]` target glob (or a default
convention) matched when no source file captured the same wildcard values:
`content/en/post/a.md` without `content/zh-cn/post/a.md`. The finding sits
at the start of the file and names the path the source was expected at. The
file itself is still checked on its own.

## Why it matters
A translation whose source was deleted or renamed is stale: it is published
but nobody updates it when the original changes. It is information, not a
defect, since some pages exist in one language only on purpose.

## Example
`content/en/post/old-news.md` exists, `content/zh-cn/post/old-news.md` does
not: `content/en/post/old-news.md:1:1: info: no source file found (expected
content/zh-cn/post/old-news.md) [structure/orphan-translation]`.

## Options
None.)"};
  return kInfo;
}

void OrphanTranslation::check(const CheckContext& context, FindingSink& out) const {
  if (!context.missing || context.missing->side != Role::target) return;
  const std::string& expected = context.missing->expected;
  out.push_back(make_finding(context.doc, {0, 0},
                             expected.empty() ? "no source file found" : "no source file found (expected " + expected + ")"));
}

}  // namespace tc
