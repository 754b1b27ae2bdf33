#include "rules/structure/module.h"

#include "rules/structure/missing_translation.h"
#include "rules/structure/orphan_translation.h"
#include "rules/structure/unused_suppression.h"

namespace tc {

void register_structure_rules(RuleList& rules) {
  rules.push_back(std::make_unique<MissingTranslation>());
  rules.push_back(std::make_unique<OrphanTranslation>());
  rules.push_back(std::make_unique<UnusedSuppression>());
}

}  // namespace tc
