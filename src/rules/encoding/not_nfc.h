#pragma once
#include "core/rule.h"

namespace tc {

// Code points that can make text not NFC (quick check No/Maybe, or a combining class).
bool may_change_under_nfc(char32_t cp);

class NotNfc final : public Rule {
 public:
  const RuleInfo& info() const override;
  void check(const CheckContext& context, FindingSink& out) const override;
};

}  // namespace tc
