#pragma once
#include "rules/encoding/mojibake_report.h"

namespace tc {

// Mojibake from the Chinese side: UTF-8 read as GBK ("don鈥檛"), GBK read as
// Latin-1 ("ÖÐÎÄ"), Big5 and GBK confused, fill patterns ("锟斤拷").
class MojibakeCjk final : public MojibakeRuleBase {
 public:
  const RuleInfo& info() const override;
  void check(const CheckContext& context, FindingSink& out) const override;
};

}  // namespace tc
