#pragma once
#include "core/rule.h"

namespace tc {

// The ASCII marks script/ascii-punctuation-in-chinese judges: , . : ; ? ! ( )
bool is_ascii_clause_mark(char32_t cp);

class AsciiPunctuationInChinese final : public Rule {
 public:
  const RuleInfo& info() const override;
  void check(const CheckContext& context, FindingSink& out) const override;
};

}  // namespace tc
