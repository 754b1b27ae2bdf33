#pragma once
#include <memory>

#include "core/rule.h"
#include "rules/typography/english_words.h"

namespace tc {

class RunTogetherWords final : public Rule {
 public:
  explicit RunTogetherWords(std::shared_ptr<const typography::EnglishLexicon> lexicon) : lexicon_(std::move(lexicon)) {}
  const RuleInfo& info() const override;
  void check(const CheckContext& context, FindingSink& out) const override;
  void prepare(const Document&) const override { lexicon_->prefetch(); }

 private:
  std::shared_ptr<const typography::EnglishLexicon> lexicon_;
};

}  // namespace tc
