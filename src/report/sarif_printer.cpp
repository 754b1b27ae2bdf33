#include <nlohmann/json.hpp>

#include "report/json_stream.h"
#include "report/location.h"
#include "report/printers.h"

namespace tc {
namespace {

std::string sarif_level(Severity s) {
  switch (s) {
    case Severity::error: return "error";
    case Severity::warning: return "warning";
    case Severity::info: return "note";
  }
  return "warning";
}

}  // namespace

void print_sarif(std::ostream& out, const std::vector<Finding>& findings, const ReportContext& context) {
  using nlohmann::json;
  json rules = json::array();
  if (context.rules) {
    for (const auto& rule : *context.rules) {
      const RuleInfo& info = rule->info();
      rules.push_back({{"id", std::string(info.id)},
                       {"shortDescription", {{"text", std::string(info.summary)}}},
                       {"fullDescription", {{"text", std::string(info.doc)}}},
                       {"defaultConfiguration", {{"level", sarif_level(info.default_severity)}}}});
    }
  }
  Locator locator;
  auto result_json = [&](const Finding& f) {
    const Location loc = locator.locate(*f.document, f.span);
    json region = {{"startLine", loc.start.line},
                   {"startColumn", loc.start.column},
                   {"endLine", loc.end.line},
                   {"endColumn", loc.end.column}};
    json result = {
        {"ruleId", f.rule},
        {"level", sarif_level(f.severity)},
        {"message", {{"text", f.message}}},
        {"locations", json::array({{{"physicalLocation", {{"artifactLocation", {{"uri", loc.file}}}, {"region", region}}}}})},
    };
    if (f.fix) {
      result["fixes"] = json::array({{{"description", {{"text", "replace with \"" + *f.fix + "\""}}},
                                      {"artifactChanges",
                                       json::array({{{"artifactLocation", {{"uri", loc.file}}},
                                                     {"replacements", json::array({{{"deletedRegion", region},
                                                                                    {"insertedContent", {{"text", *f.fix}}}}})}}})}}});
    }
    return result;
  };
  json sarif = {
      {"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
      {"version", "2.1.0"},
      {"runs", json::array({{{"tool", {{"driver", {{"name", "transcheck"}, {"version", TRANSCHECK_VERSION}, {"rules", rules}}}}},
                             {"columnKind", "unicodeCodePoints"},
                             {"results", std::string(kStreamedArrayPlaceholder)}}})},
  };
  // Results are dumped one at a time: a DOM of a million takes ~12 GB.
  write_with_streamed_array(out, sarif.dump(2, ' ', false, json::error_handler_t::replace), findings.size(),
                            [&](std::size_t i) {
                              return result_json(findings[i]).dump(2, ' ', false, json::error_handler_t::replace);
                            });
  out << '\n';
}

}  // namespace tc
