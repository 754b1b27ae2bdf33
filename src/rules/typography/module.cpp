#include "rules/typography/module.h"

namespace tc {

void register_typography_rules(RuleList& rules) {
  (void)rules;
}

}  // namespace tc
