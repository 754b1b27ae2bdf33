#include "rules/terminology/module.h"

namespace tc {

void register_terminology_rules(RuleList& rules) {
  (void)rules;
}

}  // namespace tc
