#include "rules/terminology/module.h"

#include "rules/terminology/forbidden_anywhere.h"
#include "rules/terminology/forbidden_term.h"
#include "rules/terminology/inconsistent_term.h"
#include "rules/terminology/missing_term.h"

namespace tc {

void register_terminology_rules(RuleList& rules) {
  rules.push_back(std::make_unique<MissingTerm>());
  rules.push_back(std::make_unique<ForbiddenTerm>());
  rules.push_back(std::make_unique<ForbiddenAnywhere>());
  rules.push_back(std::make_unique<InconsistentTerm>());
}

}  // namespace tc
