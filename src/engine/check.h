#pragma once
// Running rules over documents: the library entry point the CLI and the
// tests share. No I/O.
#include <string>
#include <vector>

#include "align/align.h"
#include "core/finding.h"
#include "core/rule.h"
#include "core/settings.h"
#include "engine/run_config.h"

namespace tc {

struct CheckOptions {
  RuleSelection selection;
  std::vector<SeverityOverride> severities;  // --severity RULE=LEVEL; later entries win
  Settings settings;
  const Glossary* glossary = nullptr;
  AlignOptions align;
};

// Document-scope rules on one document (the `check FILE...` mode).
std::vector<Finding> check_document(const Document& doc, const RuleList& rules, const CheckOptions& options);

// Document-scope rules on both sides, then pair rules over their alignment.
std::vector<Finding> check_pair(const Document& source, const Document& target, const RuleList& rules,
                                const CheckOptions& options);

// True when some enabled rule needs the pair's alignment.
bool needs_alignment(const RuleList& rules, const RuleSelection& selection);

// Orders findings by document (in the order documents were given), then position, then rule.
void sort_findings(std::vector<Finding>& findings, const std::vector<const Document*>& document_order);

}  // namespace tc
