#include <nlohmann/json.hpp>

#include "report/json_stream.h"
#include "report/location.h"
#include "report/printers.h"

namespace tc {

void print_json(std::ostream& out, const std::vector<Finding>& findings, const ReportContext& context) {
  using nlohmann::json;
  json files = json::array();
  for (const Document* doc : context.documents) {
    files.push_back({{"file", doc->path}, {"language", std::string(to_string(doc->lang))}, {"encoding", doc->encoding}});
  }
  Locator locator;
  // Counterparts come in (roughly) the other document's order: a locator of
  // their own keeps them from recounting a long line from its start.
  Locator counterpart_locator;
  auto item_json = [&](const Finding& f) {
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
        {"text", f.document->text.substr(f.span.begin, f.span.size())},
    };
    if (f.fix) item["fix"] = *f.fix;
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
  };
  const SeverityCounts counts = count_severities(findings);
  json report = {
      {"version", 1},
      {"tool", {{"name", "transcheck"}, {"version", TRANSCHECK_VERSION}}},
      {"files", files},
      {"findings", std::string(kStreamedArrayPlaceholder)},
      {"summary", {{"error", counts.error}, {"warning", counts.warning}, {"info", counts.info}}},
  };
  // Ill-formed UTF-8 in quoted text must not abort the report. Findings are
  // dumped one at a time: a DOM of all of them takes gigabytes.
  write_with_streamed_array(out, report.dump(2, ' ', false, json::error_handler_t::replace), findings.size(),
                            [&](std::size_t i) {
                              return item_json(findings[i]).dump(2, ' ', false, json::error_handler_t::replace);
                            });
  out << '\n';
}

}  // namespace tc
