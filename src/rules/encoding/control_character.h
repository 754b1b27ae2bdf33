#pragma once
#include "core/rule.h"

namespace tc {

// The characters encoding/control-character reports (C0 but TAB/LF/CR, DEL, C1, U+2028/2029).
bool is_control_character(char32_t cp);

class ControlCharacter final : public Rule {
 public:
  const RuleInfo& info() const override;
  void check(const CheckContext& context, FindingSink& out) const override;
};

}  // namespace tc
