#include <iostream>
#include <memory>

#include "app/commands.h"
#include "app/output.h"
#include "rules/registry.h"

namespace tc::app {

void add_rules_commands(CLI::App& app, ExitStatus& status) {
  auto* rules_command = app.add_subcommand("rules", "List every rule: id, default severity and summary");
  auto family = std::make_shared<std::string>();
  auto markdown = std::make_shared<bool>(false);
  rules_command->add_option("family", *family, "Only this family (encoding, script, alignment, terminology, typography, structure)");
  rules_command->add_flag("--markdown", *markdown, "Print every rule's documentation as Markdown (docs/rules.md)");
  rules_command->callback([family, markdown, &status] {
    const RuleList rules = all_rules();
    if (*markdown) {
      std::cout << rules_reference(rules);
      return;
    }
    if (!family->empty() && !is_family(rules, *family)) {
      std::string families;
      for (const auto& rule : rules) {
        const std::string_view name = rule_family(rule->info().id);
        if (families.find(std::string(name) + ",") == std::string::npos) families += std::string(name) + ", ";
      }
      families.resize(families.size() - 2);
      print_error("unknown rule family '" + *family + "' (families: " + families + ")");
      status.code = 2;
      return;
    }
    for (const auto& rule : rules) {
      const RuleInfo& info = rule->info();
      if (!family->empty() && rule_family(info.id) != *family) continue;
      std::string id(info.id);
      id.resize(std::max<std::size_t>(id.size(), 34), ' ');
      std::string severity(to_string(info.default_severity));
      severity.resize(8, ' ');
      std::cout << id << ' ' << severity << ' ' << info.summary;
      if (!info.enabled_by_default) std::cout << " (off by default)";
      if (info.scope == RuleScope::pair) std::cout << " (needs SOURCE TARGET)";
      if (info.scope == RuleScope::run) std::cout << " (across the files of a run)";
      std::cout << '\n';
    }
  });

  auto* explain = app.add_subcommand("explain", "Show a rule's documentation");
  auto rule_id = std::make_shared<std::string>();
  explain->add_option("rule", *rule_id, "Rule id, e.g. encoding/mojibake")->required();
  explain->callback([&status, rule_id] {
    const RuleList rules = all_rules();
    const Rule* rule = find_rule(rules, *rule_id);
    if (!rule) {
      print_error("unknown rule '" + *rule_id + "' (see `transcheck rules`)");
      status.code = 2;
      return;
    }
    std::cout << rule_page(rule->info()) << '\n';
  });
}

}  // namespace tc::app
