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

namespace mojibake {
// find_cjk_mojibake with the gates of the shared scan, the cursor's calls
// made directly (a gate or odd character of Chinese text costs two).
std::vector<Hit> find_cjk_mojibake(std::string_view text, EventStarts& gates);
}  // namespace mojibake

}  // namespace tc
