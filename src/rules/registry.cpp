#include "rules/registry.h"

#include <algorithm>

#include "rules/alignment/module.h"
#include "rules/encoding/module.h"
#include "rules/placeholder/module.h"
#include "rules/script/module.h"
#include "rules/structure/module.h"
#include "rules/terminology/module.h"
#include "rules/typography/module.h"
#include "rules/unit/module.h"

namespace tc {

RuleList all_rules() {
  RuleList rules;
  register_encoding_rules(rules);
  register_script_rules(rules);
  register_alignment_rules(rules);
  register_terminology_rules(rules);
  register_typography_rules(rules);
  register_structure_rules(rules);
  register_placeholder_rules(rules);
  register_unit_rules(rules);
  return rules;
}

const Rule* find_rule(const RuleList& rules, std::string_view id) {
  for (const auto& rule : rules)
    if (rule->info().id == id) return rule.get();
  return nullptr;
}

std::string_view rule_family(std::string_view id) { return id.substr(0, id.find('/')); }

bool is_family(const RuleList& rules, std::string_view family) {
  for (const auto& rule : rules)
    if (rule_family(rule->info().id) == family) return true;
  return false;
}

namespace {

std::string describe_type(const OptionSpec& spec) {
  switch (spec.type) {
    case OptionType::choice: {
      std::string text = "one of ";
      std::string_view rest = spec.choices;
      bool first = true;
      while (!rest.empty()) {
        const std::size_t bar = std::min(rest.find('|'), rest.size());
        text += (first ? "`" : ", `") + std::string(rest.substr(0, bar)) + "`";
        first = false;
        rest.remove_prefix(std::min(bar + 1, rest.size()));
      }
      return text;
    }
    case OptionType::list: return std::string("list separated by `") + spec.separator + "`";
    default: return std::string(to_string(spec.type));
  }
}

}  // namespace

std::string rule_documentation(const RuleInfo& info) {
  std::string text(info.doc);
  if (info.options.empty()) return text;
  text += "\n\n## Options\n";
  for (const OptionSpec& spec : info.options) {
    text += "- `" + std::string(info.id) + "." + std::string(spec.name) + "` (" + describe_type(spec) + ", default ";
    text += spec.default_value.empty() ? std::string("empty") : "`" + std::string(spec.default_value) + "`";
    text += "): " + std::string(spec.doc) + "\n";
  }
  text.pop_back();
  return text;
}

}  // namespace tc
