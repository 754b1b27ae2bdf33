#pragma once
// The pieces of a pair that translate each other, for rules that compare
// source and target piece by piece: a bilingual file's units, or else the
// beads of the sentence alignment.
#include <vector>

#include "core/alignment.h"
#include "core/rule.h"

namespace tc {

struct UnitPair {
  Span source;
  Span target;
  const BitextUnit* unit = nullptr;  // null for a bead of two plain documents
};

// Units with both sides; beads with sentences on both sides.
std::vector<UnitPair> unit_pairs(const CheckContext& context);

// For a document rule on one side of a translation file: the text of the
// other side of the unit holding span (its source when checking the target,
// and the other way round); empty outside a translation file or a unit.
std::string_view unit_counterpart_text(const CheckContext& context, Span span);

}  // namespace tc
