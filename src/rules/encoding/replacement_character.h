#pragma once
#include "core/rule.h"

namespace tc {

// U+FFFD and U+FFFC.
bool is_replacement_character(char32_t cp);

class ReplacementCharacter final : public Rule {
 public:
  const RuleInfo& info() const override;
  void check(const CheckContext& context, FindingSink& out) const override;
};

}  // namespace tc
