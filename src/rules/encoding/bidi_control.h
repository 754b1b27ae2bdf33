#pragma once
#include "core/rule.h"

namespace tc {

// The bidirectional controls and marks encoding/bidi-control reports.
bool is_bidi_control_character(char32_t cp);

class BidiControl final : public Rule {
 public:
  const RuleInfo& info() const override;
  void check(const CheckContext& context, FindingSink& out) const override;
};

}  // namespace tc
