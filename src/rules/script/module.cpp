#include "rules/script/module.h"

#include "rules/script/ascii_punctuation_in_chinese.h"
#include "rules/script/confusable.h"
#include "rules/script/fullwidth_in_english.h"
#include "rules/script/han_in_english.h"
#include "rules/script/latin_in_chinese.h"
#include "rules/script/simplified_in_traditional.h"
#include "rules/script/traditional_in_simplified.h"

namespace tc {

void register_script_rules(RuleList& rules) {
  rules.push_back(std::make_unique<HanInEnglish>());
  rules.push_back(std::make_unique<FullwidthInEnglish>());
  rules.push_back(std::make_unique<AsciiPunctuationInChinese>());
  rules.push_back(std::make_unique<LatinInChinese>());
  rules.push_back(std::make_unique<Confusable>());
  rules.push_back(std::make_unique<TraditionalInSimplified>());
  rules.push_back(std::make_unique<SimplifiedInTraditional>());
}

}  // namespace tc
