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

}  // namespace tc
