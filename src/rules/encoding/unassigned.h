#pragma once
#include "core/rule.h"

namespace tc {

// Unassigned code points and noncharacters (general category Cn).
bool is_unassigned_code_point(char32_t cp);

class Unassigned final : public Rule {
 public:
  const RuleInfo& info() const override;
  void check(const CheckContext& context, FindingSink& out) const override;
};

}  // namespace tc
