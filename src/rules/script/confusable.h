#pragma once
#include "core/rule.h"

namespace tc {

// Code points from which script/confusable looks for a mixed word: U+0340-U+053F (Greek and Cyrillic).
bool may_start_confusable(char32_t cp);

class Confusable final : public Rule {
 public:
  const RuleInfo& info() const override;
  void check(const CheckContext& context, FindingSink& out) const override;
};

}  // namespace tc
