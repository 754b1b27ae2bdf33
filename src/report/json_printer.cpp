#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/utf8.h"

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

// A JSON string as nlohmann's dump writes a valid UTF-8 one (ensure_ascii
// off): quotes, backslashes and the C0 controls escaped (\b \t \n \f \r by
// name, the rest as lowercase \u00xx), every other byte as it is.
void append_json_string(std::string& out, std::string_view text) {
  static constexpr char kHex[] = "0123456789abcdef";
  out += '"';
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    switch (byte) {
      case '\b': out += "\\b"; break;
      case '\t': out += "\\t"; break;
      case '\n': out += "\\n"; break;
      case '\f': out += "\\f"; break;
      case '\r': out += "\\r"; break;
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      default:
        if (byte <= 0x1F) {
          out += "\\u00";
          out += kHex[byte >> 4];
          out += kHex[byte & 15];
        } else {
          out += c;
        }
    }
  }
  out += '"';
}

// An object pretty-printed as nlohmann's dump(2) prints one `depth` levels
// down: its keys must be added in byte order (std::map's, the DOM's).
class PrettyObject {
 public:
  PrettyObject(std::string& out, std::size_t depth) : out_(out), depth_(depth) {}
  void number(std::string_view key, std::uint64_t value) {
    start(key);
    out_ += std::to_string(value);
  }
  void string(std::string_view key, std::string_view value) {
    start(key);
    append_json_string(out_, value);
  }
  // Starts the value of key, to be written by the caller (a nested object).
  void start(std::string_view key) {
    out_ += first_ ? "{\n" : ",\n";
    first_ = false;
    out_.append(2 * (depth_ + 1), ' ');
    out_ += '"';
    out_ += key;
    out_ += "\": ";
  }
  void close() {
    if (first_) {
      out_ += "{}";
      return;
    }
    out_ += '\n';
    out_.append(2 * depth_, ' ');
    out_ += '}';
  }

 private:
  std::string& out_;
  std::size_t depth_;
  bool first_ = true;
};

// dumped(item_json(f, ...)) written directly, the same bytes: building the
// DOM (a map node and a string per key) and its generic dump were most of a
// JSON report's time. A finding with a string that is not valid UTF-8
// (which the dump replaces) goes through the DOM.
std::string item_dump(const Finding& f, Locator& locator, Locator& counterpart_locator) {
  const std::string text = clip_quoted(std::string_view(f.document->text).substr(f.span.begin, f.span.size()));
  const std::optional<std::string> replacement = fix_replacement(f);
  const bool fix = replacement && f.fix->applicability == Applicability::safe;
  const bool valid = utf8::is_valid(f.rule) && utf8::is_valid(f.message) && utf8::is_valid(text) &&
                     utf8::is_valid(f.document->path) && (!fix || utf8::is_valid(*replacement)) &&
                     utf8::is_valid(f.fingerprint) &&
                     (!f.counterpart || (utf8::is_valid(f.counterpart->text) &&
                                         (!f.counterpart->document || utf8::is_valid(f.counterpart->document->path))));
  if (!valid) return dumped(item_json(f, locator, counterpart_locator));
  const Location loc = locator.locate(*f.document, f.span);  // (its file is the document's path)
  std::string out;
  PrettyObject item(out, 0);
  item.number("column", loc.start.column);
  if (f.counterpart) {
    item.start("counterpart");
    PrettyObject counterpart(out, 1);
    if (f.counterpart->document) {
      const Location cl = counterpart_locator.locate(*f.counterpart->document, f.counterpart->span);
      counterpart.number("column", cl.start.column);
      counterpart.number("end_column", cl.end.column);
      counterpart.number("end_line", cl.end.line);
      counterpart.string("file", cl.file);
      counterpart.number("line", cl.start.line);
    }
    counterpart.string("text", f.counterpart->text);
    counterpart.close();
  }
  item.number("end_column", loc.end.column);
  item.number("end_line", loc.end.line);
  item.number("end_offset", loc.end_offset);
  item.string("file", loc.file);
  if (!f.fingerprint.empty()) item.string("fingerprint", f.fingerprint);
  if (fix) item.string("fix", *replacement);
  item.number("line", loc.start.line);
  item.string("message", f.message);
  item.number("offset", loc.offset);
  if (f.counts_omitted()) item.number("omitted", f.omitted);
  item.string("rule", f.rule);
  item.string("severity", to_string(f.severity));
  item.string("text", text);
  item.close();
  return escape_steering_characters(std::move(out));
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
    for (const Finding& f : result.findings) findings_.add(item_dump(f, locator, counterpart_locator));
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
