#include "rules/script/simplified_in_traditional.h"

#include "rules/script/chinese_variants.h"
#include "rules/script/script_chars.h"

namespace tc {

const RuleInfo& SimplifiedInTraditional::info() const {
  static const RuleInfo kInfo{
      "script/simplified-in-traditional", Severity::warning, RuleScope::document, RuleLanguage::zh, true,
      "Simplified Chinese characters in Traditional Chinese text",
      R"doc(## What it does
Flags Simplified characters (体, 国, 说) in a document declared Traditional
(`--lang zh-Hant`, zh-TW, zh-HK). A character counts as Simplified when ICU's
Hans-Hant transliterator changes it; characters that are standard
Traditional characters too (后 "queen", 干, 云, 范, 舍, 占, 注, ...) are left
alone. Neighbouring Simplified characters are one finding. The Hans-Hant
conversion is the fix, except where one Simplified character stands for
several Traditional ones (发: 發 or 髮, 台: 臺, 檯 or 颱): then the finding
has no fix and the editor chooses.

Documents without a declared script are checked by
`script/traditional-in-simplified` only.

## Why it matters
Simplified characters in a Taiwanese or Hong Kong text read as careless,
and search for the Traditional form misses them.

## Example
With `--lang zh-Hant`, `運動能增強免疫系统` is flagged at "统" with the fix "統".

## Options
None.)doc"};
  return kInfo;
}

void SimplifiedInTraditional::check(const CheckContext& context, FindingSink& out) const {
  const Document& doc = context.doc;
  if (doc.chinese_script != ChineseScript::traditional) return;
  script::ChineseVariants to_traditional(script::ChineseTarget::traditional);
  for (const auto& run : script::foreign_runs(doc.prose(), to_traditional)) {
    const std::string_view found = std::string_view(doc.text).substr(run.begin, run.end - run.begin);
    Finding finding = make_finding(doc, {run.begin, run.end}, {});
    finding.message = "Simplified \"" + script::excerpt(found) + "\" in Traditional Chinese text";
    if (to_traditional.is_ambiguous(found)) {
      finding.message += "; choose its Traditional form";
    } else {
      finding.fix = to_traditional.convert(found);
      finding.message += "; use \"" + script::excerpt(finding.fix->replacement()) + "\"";
    }
    out.push_back(std::move(finding));
  }
}

}  // namespace tc
