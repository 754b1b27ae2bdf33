#include "rules/registry.h"

#include "rules/alignment/module.h"
#include "rules/encoding/module.h"
#include "rules/script/module.h"
#include "rules/terminology/module.h"
#include "rules/typography/module.h"

namespace tc {

RuleList all_rules() {
  RuleList rules;
  register_encoding_rules(rules);
  register_script_rules(rules);
  register_alignment_rules(rules);
  register_terminology_rules(rules);
  register_typography_rules(rules);
  return rules;
}

const Rule* find_rule(const RuleList& rules, std::string_view id) {
  for (const auto& rule : rules)
    if (rule->info().id == id) return rule.get();
  return nullptr;
}

std::string_view rule_family(std::string_view id) { return id.substr(0, id.find('/')); }

}  // namespace tc
