#pragma once
#include "core/rule.h"

namespace tc {

// The invisible characters encoding/zero-width looks at (ZWSP, ZWNJ, ZWJ, WJ, BOM, soft hyphen).
bool is_invisible_character(char32_t cp);

class ZeroWidth final : public Rule {
 public:
  const RuleInfo& info() const override;
  void check(const CheckContext& context, FindingSink& out) const override;
};

}  // namespace tc
