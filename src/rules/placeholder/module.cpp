#include "rules/placeholder/module.h"

#include "rules/placeholder/icu_message.h"
#include "rules/placeholder/inline_tag.h"
#include "rules/placeholder/link_target.h"
#include "rules/placeholder/mismatch.h"

namespace tc {

void register_placeholder_rules(RuleList& rules) {
  rules.push_back(std::make_unique<PlaceholderMismatch>());
  rules.push_back(std::make_unique<PlaceholderIcuMessage>());
  rules.push_back(std::make_unique<PlaceholderInlineTag>());
  rules.push_back(std::make_unique<PlaceholderLinkTarget>());
}

}  // namespace tc
