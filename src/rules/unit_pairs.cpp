#include "rules/unit_pairs.h"

namespace tc {

std::vector<UnitPair> unit_pairs(const CheckContext& context) {
  std::vector<UnitPair> pairs;
  if (context.units) {
    for (const BitextUnit& unit : *context.units)
      if (!unit.source.empty() && !unit.target.empty()) pairs.push_back({unit.source, unit.target, &unit});
    return pairs;
  }
  if (!context.alignment) return pairs;
  const Alignment& alignment = *context.alignment;
  for (const Bead& bead : alignment.beads) {
    if (bead.source.empty() || bead.target.empty()) continue;
    const Span source{alignment.source_sentences[bead.source.front()].span.begin,
                      alignment.source_sentences[bead.source.back()].span.end};
    const Span target{alignment.target_sentences[bead.target.front()].span.begin,
                      alignment.target_sentences[bead.target.back()].span.end};
    pairs.push_back({source, target, nullptr});
  }
  return pairs;
}

std::string_view unit_counterpart_text(const CheckContext& context, Span span) {
  if (!context.units || !context.source || !context.target) return {};
  const bool on_source = &context.doc == context.source;
  const BitextUnit* unit = unit_holding(*context.units, span, on_source ? &BitextUnit::source : &BitextUnit::target);
  if (!unit) return {};
  const Span other = on_source ? unit->target : unit->source;
  return std::string_view(on_source ? context.target->text : context.source->text).substr(other.begin, other.size());
}

}  // namespace tc
