#include <string>

#include "report/excerpt.h"
#include "report/location.h"
#include "report/printers.h"

namespace tc {
namespace {

// Workflow-command escaping: data escapes %, CR, LF; properties also : and ,.
std::string escape(std::string_view text, bool property) {
  std::string out;
  for (char c : text) {
    if (c == '%') out += "%25";
    else if (c == '\r') out += "%0D";
    else if (c == '\n') out += "%0A";
    else if (property && c == ':') out += "%3A";
    else if (property && c == ',') out += "%2C";
    else out += c;
  }
  return out;
}

}  // namespace

void print_github(std::ostream& out, const std::vector<Finding>& findings, const ReportContext&) {
  Locator locator;
  for (const Finding& f : findings) {
    const Location loc = locator.locate(*f.document, f.span);
    const char* level = f.severity == Severity::error ? "error" : f.severity == Severity::warning ? "warning" : "notice";
    out << "::" << level << " file=" << escape(loc.file, true) << ",line=" << loc.start.line << ",col=" << loc.start.column
        << ",endLine=" << loc.end.line << ",endColumn=" << loc.end.column << ",title=" << escape(f.rule, true) << "::"
        << escape(printable(f.message), false) << '\n';
  }
}

}  // namespace tc
