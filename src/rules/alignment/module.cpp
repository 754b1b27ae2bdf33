#include "rules/alignment/module.h"

#include "rules/alignment/omission.h"
#include "rules/alignment/addition.h"
#include "rules/alignment/number_mismatch.h"
#include "rules/alignment/untranslated.h"
#include "rules/alignment/carry_over.h"
#include "rules/alignment/length_ratio.h"
#include "rules/alignment/structure.h"

namespace tc {

void register_alignment_rules(RuleList& rules) {
  rules.push_back(std::make_unique<Omission>());
  rules.push_back(std::make_unique<Addition>());
  rules.push_back(std::make_unique<NumberMismatch>());
  rules.push_back(std::make_unique<Untranslated>());
  rules.push_back(std::make_unique<CarryOver>());
  rules.push_back(std::make_unique<LengthRatio>());
  rules.push_back(std::make_unique<Structure>());
}

}  // namespace tc
