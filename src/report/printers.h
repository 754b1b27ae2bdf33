#pragma once
// One printer per output format. Printers read findings and write a stream;
// they never decide what is a finding.
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "core/finding.h"
#include "core/rule.h"

namespace tc {

struct ReportContext {
  std::vector<const Document*> documents;  // every document checked, in order
  const RuleList* rules = nullptr;         // for formats that describe rules (SARIF)
  bool color = false;                      // text only
};

// The first line of a text-report entry: `path:line:col: severity: message [rule]`.
std::string headline(const Finding& finding);
// `path:line:col: severity: message [rule]`, then the line with the span underlined.
void print_text(std::ostream& out, const std::vector<Finding>& findings, const ReportContext& context);
// {"version": ..., "findings": [...]}; schema in docs/json-schema.md.
void print_json(std::ostream& out, const std::vector<Finding>& findings, const ReportContext& context);
// SARIF 2.1.0, for GitHub code scanning and other CI viewers.
void print_sarif(std::ostream& out, const std::vector<Finding>& findings, const ReportContext& context);
// GitHub Actions workflow commands (::error file=...::message).
void print_github(std::ostream& out, const std::vector<Finding>& findings, const ReportContext& context);
// JUnit XML: one test case per file, one failure per finding.
void print_junit(std::ostream& out, const std::vector<Finding>& findings, const ReportContext& context);

using Printer = void (*)(std::ostream&, const std::vector<Finding>&, const ReportContext&);
// The printer for a --format name, or null.
Printer find_printer(std::string_view format);
// "text|json|sarif|github|junit"
std::string_view printer_names();

}  // namespace tc
