#include "rules/script/module.h"

namespace tc {

void register_script_rules(RuleList& rules) {
  (void)rules;
}

}  // namespace tc
