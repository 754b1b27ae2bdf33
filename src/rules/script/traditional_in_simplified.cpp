#include "rules/script/traditional_in_simplified.h"

#include <optional>

#include "rules/code_point_events.h"
#include "rules/script/chinese_variants.h"
#include "rules/script/script_chars.h"

namespace tc {

const RuleInfo& TraditionalInSimplified::info() const {
  static const RuleInfo kInfo{
      "script/traditional-in-simplified", Severity::warning, RuleScope::document, RuleLanguage::zh, true,
      "Traditional Chinese characters in Simplified Chinese text",
      R"doc(## What it does
Flags Traditional characters (體, 國, 後, 說) in text that should be
Simplified: a document given as `--lang zh-Hans` (or zh-CN), or a Chinese
document with no script given whose characters are mostly Simplified.
A character counts as Traditional when ICU's Hant-Hans transliterator
changes it; characters that are standard in Simplified Chinese too
(乾, 著, 藉, 瞭) are left alone. Neighbouring Traditional characters are one
finding, and the Hant-Hans conversion is the fix (Traditional to Simplified
is many-to-one, so the conversion is safe).

## Why it matters
Mixed scripts come from pasting Taiwanese or Hong Kong sources or from
converters applied to part of a text. Readers notice them at once, and search
for the Simplified form misses them.

## Example
`运动能增强免疫系統` is flagged at "統" with the fix "统".

## Options
None. Use `--lang zh-Hant` for Traditional documents: then
`script/simplified-in-traditional` checks the reverse.)doc"};
  return kInfo;
}

void TraditionalInSimplified::check(const CheckContext& context, FindingSink& out) const {
  const Document& doc = context.doc;
  if (doc.chinese_script == ChineseScript::traditional) return;
  const std::string_view text = doc.prose();
  // The shared scan marks the Traditional characters of the BMP; beyond it
  // (rare) every Han character is a candidate that ICU decides here.
  std::optional<script::ChineseVariants> variants;
  auto to_simplified = [&]() -> script::ChineseVariants& {
    if (!variants) variants.emplace(script::ChineseTarget::simplified);
    return *variants;
  };
  std::vector<script::ByteRun> runs;
  EventWalk walk(context, code_point_class::kTraditional, /*prose_only=*/true);
  std::size_t pos = 0;
  while (const text::ClassEvent* event = walk.next(pos)) {
    pos = event->end();
    if (event->cp >= 0x10000 && !to_simplified().is_foreign(event->cp)) continue;
    if (!runs.empty() && runs.back().end == event->begin) {
      runs.back().end = event->end();
      ++runs.back().characters;
    } else {
      runs.push_back({event->begin, event->end(), 1});
    }
  }
  if (runs.empty()) return;
  if (doc.chinese_script == ChineseScript::unspecified) {
    // No script given: a mostly Traditional text is Traditional, not Simplified with slips.
    std::size_t traditional = 0;
    for (const auto& run : runs) traditional += run.characters;
    script::ChineseVariants to_traditional(script::ChineseTarget::traditional);
    if (traditional > script::count_foreign(text, to_traditional)) return;
  }
  for (const auto& run : runs) {
    const std::string_view found = std::string_view(doc.text).substr(run.begin, run.end - run.begin);
    Finding finding = make_finding(doc, {run.begin, run.end}, {});
    finding.fix = to_simplified().convert(found);
    finding.message = "Traditional \"" + script::excerpt(found) + "\" in Simplified Chinese text; use \"" +
                      script::excerpt(finding.fix->replacement()) + "\"";
    out.push_back(std::move(finding));
  }
}

}  // namespace tc
