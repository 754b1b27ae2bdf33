#pragma once
#include "core/rule.h"

namespace tc {

// The space characters encoding/unusual-space reports (U+00A0, U+2000-U+200A, ...).
bool is_unusual_space(char32_t cp);

class UnusualSpace final : public Rule {
 public:
  const RuleInfo& info() const override;
  void check(const CheckContext& context, FindingSink& out) const override;
};

}  // namespace tc
