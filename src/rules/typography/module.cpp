#include "rules/typography/module.h"

#include "align/lexicon.h"

#include "rules/typography/boilerplate.h"
#include "rules/typography/cjk_spacing.h"
#include "rules/typography/doubled_character.h"
#include "rules/typography/doubled_quote.h"
#include "rules/typography/english_words.h"
#include "rules/typography/heading_case.h"
#include "rules/typography/missing_space.h"
#include "rules/typography/mixed_digit_width.h"
#include "rules/typography/mixed_quotes.h"
#include "rules/typography/page_furniture.h"
#include "rules/typography/paragraph_start.h"
#include "rules/typography/repeated_punctuation.h"
#include "rules/typography/repeated_word.h"
#include "rules/typography/run_together.h"
#include "rules/typography/space_before_punctuation.h"
#include "rules/typography/space_in_chinese_word.h"
#include "rules/typography/unbalanced_quote.h"

namespace tc {

void register_typography_rules(RuleList& rules) {
  // The word rules share one lazily loaded Hunspell.
  auto lexicon = std::make_shared<const typography::EnglishLexicon>();
  rules.push_back(std::make_unique<RunTogetherWords>(lexicon));
  rules.push_back(std::make_unique<MissingSpace>(lexicon));
  rules.push_back(std::make_unique<SpaceBeforePunctuation>());
  rules.push_back(std::make_unique<DoubledQuote>());
  rules.push_back(std::make_unique<UnbalancedQuote>());
  rules.push_back(std::make_unique<MixedQuotes>());
  rules.push_back(std::make_unique<RepeatedPunctuation>());
  rules.push_back(std::make_unique<RepeatedWord>(lexicon));
  rules.push_back(std::make_unique<ParagraphStart>());
  rules.push_back(std::make_unique<HeadingCase>());
  rules.push_back(std::make_unique<Boilerplate>());
  rules.push_back(std::make_unique<PageFurniture>());
  rules.push_back(std::make_unique<DoubledCharacter>());
  rules.push_back(std::make_unique<CjkSpacing>());
  rules.push_back(std::make_unique<SpaceInChineseWord>([]() -> const Lexicon& { return default_lexicon(); }));
  rules.push_back(std::make_unique<MixedDigitWidth>());
}

}  // namespace tc
