#pragma once
#include "core/rule.h"

namespace tc {

// Private-use code points (U+E000-F8FF, planes 15 and 16).
bool is_private_use_character(char32_t cp);

class PrivateUse final : public Rule {
 public:
  const RuleInfo& info() const override;
  void check(const CheckContext& context, FindingSink& out) const override;
};

}  // namespace tc
