#include <nlohmann/json.hpp>

#include "report/json_stream.h"
#include "report/location.h"
#include "report/printers.h"

namespace tc {
namespace {

using nlohmann::json;

std::string sarif_level(Severity s) {
  switch (s) {
    case Severity::error: return "error";
    case Severity::warning: return "warning";
    case Severity::info: return "note";
  }
  return "warning";
}

}  // namespace

namespace {

class SarifSink : public ReportSink {
 public:
  SarifSink(std::ostream& out, const ReportContext& context) : out_(out), results_(out), rules_(context.rules) {}

  void begin_run() override { results_.open(sarif_dump()); }

  void job_result(const JobResult& result) override {
    Locator locator;
    for (const Finding& f : result.findings)
      results_.add(result_json(f, locator).dump(2, ' ', false, json::error_handler_t::replace));
  }

  void end_run() override {
    results_.close(sarif_dump());
    out_ << '\n';
  }

 private:
  std::string sarif_dump() const {
    json rules = json::array();
    if (rules_) {
      for (const auto& rule : *rules_) {
        const RuleInfo& info = rule->info();
        rules.push_back({{"id", std::string(info.id)},
                         {"shortDescription", {{"text", std::string(info.summary)}}},
                         {"fullDescription", {{"text", std::string(info.doc)}}},
                         {"defaultConfiguration", {{"level", sarif_level(info.default_severity)}}}});
      }
    }
    const json sarif = {
        {"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
        {"version", "2.1.0"},
        {"runs", json::array({{{"tool", {{"driver", {{"name", "transcheck"}, {"version", TRANSCHECK_VERSION}, {"rules", rules}}}}},
                               {"columnKind", "unicodeCodePoints"},
                               {"results", kStreamedArrayPlaceholder}}})},
    };
    return sarif.dump(2, ' ', false, json::error_handler_t::replace);
  }

  static json result_json(const Finding& f, Locator& locator) {
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
      json replacements = json::array();
      std::string description;
      for (const Edit& edit : f.fix->edits) {
        json deleted = region;
        if (edit.span != f.span) {
          const Location el = tc::locate(*f.document, edit.span);
          deleted = {{"startLine", el.start.line}, {"startColumn", el.start.column}, {"endLine", el.end.line},
                     {"endColumn", el.end.column}};
        }
        replacements.push_back({{"deletedRegion", deleted}, {"insertedContent", {{"text", edit.replacement}}}});
        description += (description.empty() ? "replace with \"" : ", \"") + edit.replacement + "\"";
      }
      result["fixes"] = json::array({{{"description", {{"text", description}}},
                                      {"artifactChanges",
                                       json::array({{{"artifactLocation", {{"uri", loc.file}}},
                                                     {"replacements", replacements}}})}}});
    }
    if (!f.fingerprint.empty()) result["partialFingerprints"] = {{"transcheck/v1", f.fingerprint}};
    return result;
  }

  std::ostream& out_;
  StreamedArray results_;
  const RuleList* rules_;
};

}  // namespace

std::unique_ptr<ReportSink> make_sarif_sink(std::ostream& out, const ReportContext& context) {
  return std::make_unique<SarifSink>(out, context);
}

}  // namespace tc
