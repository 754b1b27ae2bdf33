#include <nlohmann/json.hpp>

#include "report/json_stream.h"
#include "report/location.h"
#include "report/printers.h"
#include "rules/registry.h"

namespace tc {
namespace {

using nlohmann::json;
using ordered = nlohmann::ordered_json;

std::string sarif_level(Severity s) {
  switch (s) {
    case Severity::error: return "error";
    case Severity::warning: return "warning";
    case Severity::info: return "note";
  }
  return "warning";
}

}  // namespace

std::string percent_encoded_uri(std::string_view path) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (char ch : path) {
    const auto c = static_cast<unsigned char>(ch);
    // RFC 3986 unreserved characters and the path separator stay; every
    // other byte (space, %, #, ?, UTF-8 of Chinese names) is %XX.
    const bool unreserved = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
                            c == '.' || c == '_' || c == '~' || c == '/';
    if (unreserved) {
      out += ch;
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 0xF];
    }
  }
  return out;
}

std::string rule_help_uri(std::string_view rule_id) {
  std::string anchor(rule_id);
  for (char& c : anchor)
    if (c == '/') c = '-';
  return std::string(kRuleDocsUrl) + "#" + anchor;
}

namespace {

// A relative path as a URI reference: "./" before a first segment with a
// colon, so it is not read as a scheme.
std::string artifact_uri(const Document& doc) {
  std::string path = doc.stable_path();
  if (path == "<stdin>") path = "stdin";
  while (path.starts_with("./")) path.erase(0, 2);
  if (path.starts_with("/")) return "file://" + percent_encoded_uri(path);
  return percent_encoded_uri(path);
}

json artifact_location(const Document& doc, bool project) {
  json location = {{"uri", artifact_uri(doc)}};
  if (project && !std::string_view(doc.stable_path()).starts_with("/")) location["uriBaseId"] = "PROJECTROOT";
  return location;
}

json region_of(const Location& loc) {
  return {{"startLine", loc.start.line}, {"startColumn", loc.start.column}, {"endLine", loc.end.line}, {"endColumn", loc.end.column}};
}

class SarifSink : public ReportSink {
 public:
  SarifSink(std::ostream& out, const ReportContext& context)
      : out_(out), results_(out), rules_(context.rules), root_(context.project_root), command_line_(context.command_line) {}

  void begin_run() override { results_.open(sarif_dump()); }

  void job_result(const JobResult& result) override {
    Locator locator;
    Locator counterpart_locator;
    for (const Finding& f : result.findings)
      results_.add(escape_steering_characters(
          result_json(f, locator, counterpart_locator).dump(2, ' ', false, json::error_handler_t::replace)));
    if (result.error) {
      json notification = {{"level", "error"}, {"message", {{"text", result.error->message}}}};
      notifications_.push_back(notification);
    }
  }

  void end_run(const RunSummary& summary) override {
    summary_ = summary;
    results_.close(sarif_dump());
    out_ << '\n';
  }

 private:
  std::string sarif_dump() const {
    json rules = json::array();
    if (rules_) {
      for (const auto& rule : *rules_) {
        const RuleInfo& info = rule->info();
        const std::string help = rule_documentation(info);
        rules.push_back({{"id", std::string(info.id)},
                         {"name", std::string(info.id)},
                         {"shortDescription", {{"text", std::string(info.summary)}}},
                         {"fullDescription", {{"text", std::string(info.summary)}}},
                         {"help", {{"text", help}, {"markdown", help}}},
                         {"helpUri", rule_help_uri(info.id)},
                         {"defaultConfiguration", {{"level", sarif_level(info.default_severity)}}}});
      }
    }
    json invocation = {{"executionSuccessful", summary_.input_errors == 0 && summary_.exit_code != 2},
                       {"exitCode", summary_.exit_code}};
    if (!command_line_.empty()) {
      std::string line;
      for (const std::string& arg : command_line_) line += (line.empty() ? "" : " ") + arg;
      invocation["commandLine"] = line;
      invocation["arguments"] = json::array();
      for (std::size_t i = 1; i < command_line_.size(); ++i) invocation["arguments"].push_back(command_line_[i]);
    }
    if (!notifications_.empty()) invocation["toolExecutionNotifications"] = notifications_;
    // Ordered: everything known only at the end (invocations) follows the
    // streamed results, since what precedes them is written when the run begins.
    ordered run = {{"tool", {{"driver", {{"name", "transcheck"},
                                      {"version", TRANSCHECK_VERSION},
                                      {"informationUri", std::string(kProjectUrl)},
                                      {"rules", rules}}}}},
                {"columnKind", "unicodeCodePoints"}};
    if (!root_.empty()) {
      std::string root_uri = "file://" + percent_encoded_uri(root_);
      if (!root_uri.ends_with("/")) root_uri += '/';
      run["originalUriBaseIds"] = {{"PROJECTROOT", {{"uri", root_uri}}}};
    }
    run["results"] = kStreamedArrayPlaceholder;
    run["invocations"] = ordered::array({ordered(invocation)});
    const ordered sarif = {
        {"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
        {"version", "2.1.0"},
        {"runs", ordered::array({run})},
    };
    return escape_steering_characters(sarif.dump(2, ' ', false, json::error_handler_t::replace));
  }

  json result_json(const Finding& f, Locator& locator, Locator& counterpart_locator) const {
    const Location loc = locator.locate(*f.document, f.span);
    const json region = region_of(loc);
    const json artifact = artifact_location(*f.document, !root_.empty());
    json result = {
        {"ruleId", f.rule},
        {"level", sarif_level(f.severity)},
        {"message", {{"text", f.message}}},
        {"locations", json::array({{{"physicalLocation", {{"artifactLocation", artifact}, {"region", region}}}}})},
    };
    if (f.counterpart && f.counterpart->document) {
      const Location cl = counterpart_locator.locate(*f.counterpart->document, f.counterpart->span);
      result["relatedLocations"] = json::array(
          {{{"id", 1},
            {"message", {{"text", "counterpart: " + f.counterpart->text}}},
            {"physicalLocation",
             {{"artifactLocation", artifact_location(*f.counterpart->document, !root_.empty())}, {"region", region_of(cl)}}}}});
    }
    if (f.fix) {
      json replacements = json::array();
      std::string description;
      for (const Edit& edit : f.fix->edits) {
        const json deleted = edit.span == f.span ? region : region_of(tc::locate(*f.document, edit.span));
        replacements.push_back({{"deletedRegion", deleted}, {"insertedContent", {{"text", edit.replacement}}}});
        description += (description.empty() ? "replace with \"" : ", \"") + edit.replacement + "\"";
      }
      result["fixes"] = json::array({{{"description", {{"text", description}}},
                                      {"artifactChanges",
                                       json::array({{{"artifactLocation", artifact},
                                                     {"replacements", replacements}}})}}});
    }
    if (!f.fingerprint.empty()) result["partialFingerprints"] = {{"transcheck/v1", f.fingerprint}};
    if (f.counts_omitted()) result["properties"] = {{"omitted", f.omitted}};
    return result;
  }

  std::ostream& out_;
  StreamedArray results_;
  const RuleList* rules_;
  std::string root_;
  std::vector<std::string> command_line_;
  json notifications_ = json::array();
  RunSummary summary_;
};

}  // namespace

std::unique_ptr<ReportSink> make_sarif_sink(std::ostream& out, const ReportContext& context) {
  return std::make_unique<SarifSink>(out, context);
}

}  // namespace tc
