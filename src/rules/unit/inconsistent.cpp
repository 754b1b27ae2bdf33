#include "rules/unit/inconsistent.h"

#include <functional>
#include <string_view>
#include <utility>
#include <vector>

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

namespace {

// The first unit of each key of a file: open addressing over (hash, unit).
class FirstUnits {
 public:
  explicit FirstUnits(std::size_t expected) {
    std::size_t size = 16;
    while (size < 2 * expected) size *= 2;
    slots_.assign(size, Slot{});
  }
  // The unit added earlier with this key (same(unit) true), or null after adding this one.
  template <class Same>
  const BitextUnit* first_or_add(std::size_t hash, const BitextUnit& unit, Same same) {
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t i = (hash * 0x9E3779B97F4A7C15ULL >> 20) & mask;; i = (i + 1) & mask) {
      Slot& slot = slots_[i];
      if (!slot.unit) {
        slot = {hash, &unit};
        return nullptr;
      }
      if (slot.hash == hash && same(*slot.unit)) return slot.unit;
    }
  }

 private:
  struct Slot {
    std::size_t hash = 0;
    const BitextUnit* unit = nullptr;
  };
  std::vector<Slot> slots_;
};

}  // namespace

void InconsistentTranslation::check(const CheckContext& context, FindingSink& out) const {
  if (!context.units) return;
  const std::string_view source = context.source->text;
  const std::string_view target = context.target->text;
  auto text_of = [](std::string_view text, Span span) { return text.substr(span.begin, span.end - span.begin); };
  // The first unit of each key; looked up, never walked: an open-addressing
  // table of (hash, unit) in one array (a node-based map allocates per unit).
  const auto source_key = [&](const BitextUnit& u) { return std::pair{std::string_view(u.context), text_of(source, u.source)}; };
  const auto target_key = [&](const BitextUnit& u) { return text_of(target, u.target); };
  FirstUnits by_source(context.units->size()), by_target(context.units->size());
  for (const BitextUnit& unit : *context.units) {
    if (unit.target.empty() || unit.source.empty()) continue;
    const std::string_view source_text = text_of(source, unit.source);
    const std::string_view target_text = text_of(target, unit.target);
    const std::pair<std::string_view, std::string_view> in_context{unit.context, source_text};
    const std::size_t source_hash =
        std::hash<std::string_view>{}(in_context.first) * 31 + std::hash<std::string_view>{}(in_context.second);
    const BitextUnit* same_source =
        by_source.first_or_add(source_hash, unit, [&](const BitextUnit& other) { return source_key(other) == in_context; });
    if (same_source && text_of(target, same_source->target) != target_text) {
      Finding f = make_finding(*context.target, unit.target, "the same source is translated differently elsewhere in the file");
      f.counterpart = Counterpart{context.target, same_source->target, std::string(text_of(target, same_source->target))};
      out.push_back(std::move(f));
    }
    const BitextUnit* same_target = by_target.first_or_add(std::hash<std::string_view>{}(target_text), unit,
                                                           [&](const BitextUnit& other) { return target_key(other) == target_text; });
    if (same_target && text_of(source, same_target->source) != source_text && same_target->context == unit.context) {
      Finding f = make_finding(*context.target, unit.target, "this translation is also given to a different source text");
      f.severity = Severity::info;
      f.counterpart = Counterpart{context.source, same_target->source, std::string(text_of(source, same_target->source))};
      out.push_back(std::move(f));
    }
  }
}

}  // namespace tc
