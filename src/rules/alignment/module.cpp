#include "rules/alignment/module.h"

namespace tc {

void register_alignment_rules(RuleList& rules) {
  (void)rules;
}

}  // namespace tc
