#include "report/printers.h"

namespace tc {

std::unique_ptr<ReportSink> make_report_sink(std::string_view format, std::ostream& out, const ReportContext& context) {
  if (format == "text") return make_text_sink(out, context);
  if (format == "json") return make_json_sink(out, context);
  if (format == "sarif") return make_sarif_sink(out, context);
  if (format == "github") return make_github_sink(out, context);
  if (format == "junit") return make_junit_sink(out, context);
  if (format == "html") return make_html_sink(out, context);
  return nullptr;
}

bool is_report_format(std::string_view format) {
  return format == "text" || format == "json" || format == "sarif" || format == "github" || format == "junit" || format == "html";
}

std::string_view printer_names() { return "text|json|sarif|github|junit|html"; }

}  // namespace tc

namespace tc {

bool report_shows_alignment(std::string_view format) { return format == "html"; }

}  // namespace tc
