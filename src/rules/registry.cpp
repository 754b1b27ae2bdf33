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
    text.append("- `").append(info.id).append(".").append(spec.name).append("` (").append(describe_type(spec)).append(", default ");
    if (spec.default_value.empty()) text += "empty";
    else text.append("`").append(spec.default_value).append("`");
    text.append("): ").append(spec.doc).append("\n");
  }
  text.pop_back();
  return text;
}

std::string rule_page(const RuleInfo& info) {
  const char* applies = info.scope == RuleScope::pair          ? "a source and its translation"
                        : info.scope == RuleScope::run       ? "the translation files of a run, compared with each other"
                        : info.language == RuleLanguage::en ? "English text"
                        : info.language == RuleLanguage::zh ? "Chinese text"
                                                            : "any text";
  return "# " + std::string(info.id) + "\n\n" + std::string(info.summary) + "\n\nDefault severity: " +
         std::string(to_string(info.default_severity)) +
         (info.enabled_by_default ? "" : " (off by default; enable with --enable " + std::string(info.id) + ")") +
         "\nApplies to: " + applies + "\n\n" + rule_documentation(info);
}

std::string rules_reference(const RuleList& rules) {
  std::string out =
      "# Rules\n\nEvery rule of transcheck, as `transcheck explain RULE` prints it. This file is written by\n"
      "`transcheck rules --markdown > docs/rules.md`; a test keeps it up to date.\n";
  for (const auto& rule : rules) {
    std::string anchor(rule->info().id);
    for (char& c : anchor)
      if (c == '/') c = '-';
    out += "\n<a id=\"" + anchor + "\"></a>\n\n";
    const std::string page = rule_page(rule->info());
    // Headings one level down: the page's title becomes a section of this file.
    bool line_start = true;
    for (char c : page) {
      if (line_start && c == '#') out += '#';
      out += c;
      line_start = c == '\n';
    }
    out += '\n';
  }
  return out;
}

}  // namespace tc
