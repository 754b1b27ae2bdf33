#pragma once
#include "core/rule.h"

namespace tc {
// Appends the structure/ rules: how the files of a project relate (a source
// without its translation, a translation without its source) and
// suppression comments that silence nothing.
void register_structure_rules(RuleList& rules);
}  // namespace tc
