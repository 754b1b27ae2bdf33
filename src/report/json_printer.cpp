#include <nlohmann/json.hpp>

#include "report/json_stream.h"
#include "report/location.h"
#include "report/printers.h"

namespace tc {
namespace {

using nlohmann::json;
using ordered = nlohmann::ordered_json;

// Ill-formed UTF-8 in quoted text must not abort the report, and nothing
// that steers a terminal is written raw.
std::string dumped(const json& value) {
  return escape_steering_characters(value.dump(2, ' ', false, json::error_handler_t::replace));
}
std::string dumped_on_one_line(const json& value) {
  return escape_steering_characters(value.dump(-1, ' ', false, json::error_handler_t::replace));
}

json item_json(const Finding& f, Locator& locator, Locator& counterpart_locator) {
  const Location loc = locator.locate(*f.document, f.span);
  json item = {
      {"rule", f.rule},
      {"severity", std::string(to_string(f.severity))},
      {"file", loc.file},
      {"line", loc.start.line},
      {"column", loc.start.column},
      {"end_line", loc.end.line},
      {"end_column", loc.end.column},
      {"offset", loc.offset},
      {"end_offset", loc.end_offset},
      {"message", f.message},
      {"text", clip_quoted(std::string_view(f.document->text).substr(f.span.begin, f.span.size()))},
  };
  if (const auto replacement = fix_replacement(f); replacement && f.fix->applicability == Applicability::safe)
    item["fix"] = *replacement;
  if (!f.fingerprint.empty()) item["fingerprint"] = f.fingerprint;
  if (f.counts_omitted()) item["omitted"] = f.omitted;
  if (f.counterpart) {
    json counterpart = {{"text", f.counterpart->text}};
    if (f.counterpart->document) {
      const Location cl = counterpart_locator.locate(*f.counterpart->document, f.counterpart->span);
      counterpart["file"] = cl.file;
      counterpart["line"] = cl.start.line;
      counterpart["column"] = cl.start.column;
      counterpart["end_line"] = cl.end.line;
      counterpart["end_column"] = cl.end.column;
    }
    item["counterpart"] = counterpart;
  }
  return item;
}

// Findings stream as each job ends; "files" and "summary", known only at
// the end, follow them.
class JsonSink : public ReportSink {
 public:
  explicit JsonSink(std::ostream& out) : out_(out), findings_(out) {}

  void begin_run() override { findings_.open(report_dump()); }

  void job_result(const JobResult& result) override {
    for (const Document& doc : result.documents)
      files_.push_back({{"file", doc.path}, {"language", std::string(to_string(doc.lang))}, {"encoding", doc.encoding}});
    tally_.add(result);
    Locator locator;
    Locator counterpart_locator;  // see text_printer.cpp
    for (const Finding& f : result.findings) {
      findings_.add(dumped(item_json(f, locator, counterpart_locator)));
    }
  }

  void end_run(const RunSummary& summary) override {
    summary_ = summary;
    findings_.close(report_dump());
    out_ << '\n';
  }

 private:
  std::string report_dump() const {
    ordered report;
    report["version"] = 1;
    report["tool"] = {{"name", "transcheck"}, {"version", TRANSCHECK_VERSION}};
    report["findings"] = kStreamedArrayPlaceholder;
    report["files"] = ordered(files_);
    ordered summary = {{"error", tally_.counts.error}, {"warning", tally_.counts.warning}, {"info", tally_.counts.info}};
    ordered rules = ordered::object();
    for (const auto& [rule, count] : tally_.rules_by_count()) rules[rule] = count;
    summary["rules"] = rules;
    summary["pairs"] = summary_.pairs;
    summary["documents"] = summary_.documents;
    summary["unpaired_sources"] = summary_.unpaired_sources;
    summary["unpaired_targets"] = summary_.unpaired_targets;
    summary["input_errors"] = summary_.input_errors;
    summary["suppressed"] = summary_.suppressed;
    summary["baselined"] = summary_.baselined;
    if (summary_.baseline_fixed) summary["baseline_fixed"] = *summary_.baseline_fixed;
    report["summary"] = summary;
    return escape_steering_characters(report.dump(2, ' ', false, ordered::error_handler_t::replace));
  }

  std::ostream& out_;
  StreamedArray findings_;
  json files_ = json::array();
  FindingTally tally_;
  RunSummary summary_;
};

}  // namespace

std::unique_ptr<ReportSink> make_json_sink(std::ostream& out, const ReportContext&) {
  return std::make_unique<JsonSink>(out);
}

std::string pair_line_json(std::size_t line, std::string_view id_json, const JobResult* result, std::string_view error) {
  std::string record = "{\"line\":" + std::to_string(line);
  if (!id_json.empty()) (record += ",\"id\":") += escape_steering_characters(std::string(id_json));
  if (!error.empty() || !result) {
    record += ",\"error\":" + dumped_on_one_line(json(std::string(error)));
  } else {
    record += ",\"findings\":[";
    Locator locator;
    Locator counterpart_locator;
    for (std::size_t i = 0; i < result->findings.size(); ++i) {
      if (i > 0) record += ',';
      record += dumped_on_one_line(item_json(result->findings[i], locator, counterpart_locator));
    }
    record += ']';
  }
  return record + '}';
}

}  // namespace tc
