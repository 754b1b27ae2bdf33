#include "rules/unit/module.h"

#include "rules/unit/empty_target.h"
#include "rules/unit/inconsistent.h"
#include "rules/unit/inconsistent_across_files.h"
#include "rules/unit/length_limit.h"
#include "rules/unit/same_as_source.h"

namespace tc {

void register_unit_rules(RuleList& rules) {
  rules.push_back(std::make_unique<EmptyTarget>());
  rules.push_back(std::make_unique<SameAsSource>());
  rules.push_back(std::make_unique<InconsistentTranslation>());
  rules.push_back(std::make_unique<InconsistentAcrossFiles>());
  rules.push_back(std::make_unique<LengthLimit>());
}

}  // namespace tc
