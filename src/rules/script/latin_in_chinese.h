#pragma once
#include "core/rule.h"

namespace tc {

class LatinInChinese final : public Rule {
 public:
  const RuleInfo& info() const override;
  void check(const CheckContext& context, FindingSink& out) const override;
};

}  // namespace tc
