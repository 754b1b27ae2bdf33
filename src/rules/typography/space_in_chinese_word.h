#pragma once
#include <functional>

#include "core/rule.h"

namespace tc {

class Lexicon;

class SpaceInChineseWord final : public Rule {
 public:
  // words: the Chinese headwords to test joined forms against (CC-CEDICT),
  // fetched on first use so that loading it is paid only when the rule runs.
  explicit SpaceInChineseWord(std::function<const Lexicon&()> words) : words_(std::move(words)) {}
  const RuleInfo& info() const override;
  void check(const CheckContext& context, FindingSink& out) const override;

 private:
  std::function<const Lexicon&()> words_;
};

}  // namespace tc
