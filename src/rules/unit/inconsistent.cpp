#include "rules/unit/inconsistent.h"

#include <functional>
#include <string_view>
#include <unordered_map>

#include <map>

namespace tc {

const RuleInfo& InconsistentTranslation::info() const {
  static const RuleInfo kInfo{
      "unit/inconsistent", Severity::warning, RuleScope::pair, RuleLanguage::any, true,
      "The same source translated differently, or different sources given the same translation, in one file",
      R"(## What it does
Compares the units of a translation file with each other. The same source
text (in the same context: PO `msgctxt`) translated in two different ways is
a warning at the later unit; two different source texts with the same
translation are info. Empty translations are left to `unit/empty-target`.

## Why it matters
One message translated two ways confuses users of an interface and breaks
translation-memory reuse; one translation for two different messages often
means one of them was pasted into the wrong unit.

## Example
`msgid "File"` translated `文件` in one unit and `档案` in another is reported
at the second.

## Options
None.)"};
  return kInfo;
}

void InconsistentTranslation::check(const CheckContext& context, FindingSink& out) const {
  if (!context.units) return;
  const std::string_view source = context.source->text;
  const std::string_view target = context.target->text;
  auto text_of = [](std::string_view text, Span span) { return text.substr(span.begin, span.end - span.begin); };
  // Looked up, never walked: hashed (a file's texts are compared once each).
  struct PairHash {
    std::size_t operator()(const std::pair<std::string_view, std::string_view>& key) const {
      const std::size_t a = std::hash<std::string_view>{}(key.first), b = std::hash<std::string_view>{}(key.second);
      return a ^ (b + 0x9E3779B97F4A7C15ULL + (a << 6) + (a >> 2));
    }
  };
  std::unordered_map<std::pair<std::string_view, std::string_view>, const BitextUnit*, PairHash> by_source;
  std::unordered_map<std::string_view, const BitextUnit*> by_target;
  by_source.reserve(context.units->size());
  by_target.reserve(context.units->size());
  for (const BitextUnit& unit : *context.units) {
    if (unit.target.empty() || unit.source.empty()) continue;
    const std::string_view source_text = text_of(source, unit.source);
    const std::string_view target_text = text_of(target, unit.target);
    const auto [same_source, new_source] = by_source.try_emplace({std::string_view(unit.context), source_text}, &unit);
    if (!new_source && text_of(target, same_source->second->target) != target_text) {
      Finding f = make_finding(*context.target, unit.target, "the same source is translated differently elsewhere in the file");
      f.counterpart = Counterpart{context.target, same_source->second->target, std::string(text_of(target, same_source->second->target))};
      out.push_back(std::move(f));
    }
    const auto [same_target, new_target] = by_target.try_emplace(target_text, &unit);
    if (!new_target && text_of(source, same_target->second->source) != source_text &&
        same_target->second->context == unit.context) {
      Finding f = make_finding(*context.target, unit.target, "this translation is also given to a different source text");
      f.severity = Severity::info;
      f.counterpart = Counterpart{context.source, same_target->second->source, std::string(text_of(source, same_target->second->source))};
      out.push_back(std::move(f));
    }
  }
}

}  // namespace tc
