#pragma once
#include "rules/encoding/mojibake_report.h"

namespace tc {

// UTF-8 read as a single-byte code page ("Ã©", "â€™", "ç®€ä½“ä¸­æ–‡").
class Mojibake final : public MojibakeRuleBase {
 public:
  const RuleInfo& info() const override;
  void check(const CheckContext& context, FindingSink& out) const override;
};

}  // namespace tc
