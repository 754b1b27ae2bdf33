#include <map>
#include <string>

#include "report/excerpt.h"
#include "report/location.h"
#include "report/printers.h"

namespace tc {
namespace {

std::string xml_escape(std::string_view text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default: out += c;
    }
  }
  return out;
}

}  // namespace

void print_junit(std::ostream& out, const std::vector<Finding>& findings, const ReportContext& context) {
  std::map<const Document*, std::vector<const Finding*>> by_document;
  for (const Finding& f : findings) by_document[f.document].push_back(&f);
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out << "<testsuites name=\"transcheck\" tests=\"" << context.documents.size() << "\" failures=\"" << findings.size()
      << "\">\n";
  out << "  <testsuite name=\"transcheck\" tests=\"" << context.documents.size() << "\" failures=\"" << findings.size()
      << "\">\n";
  Locator locator;
  for (const Document* doc : context.documents) {
    out << "    <testcase classname=\"transcheck\" name=\"" << xml_escape(doc->path) << "\"";
    const auto it = by_document.find(doc);
    if (it == by_document.end()) {
      out << "/>\n";
      continue;
    }
    out << ">\n";
    for (const Finding* f : it->second) {
      const Location loc = locator.locate(*doc, f->span);
      out << "      <failure type=\"" << xml_escape(f->rule) << "\" message=\"" << xml_escape(printable(f->message))
          << "\">" << xml_escape(loc.file) << ':' << loc.start.line << ':' << loc.start.column << ": "
          << to_string(f->severity) << ": " << xml_escape(printable(f->message)) << "</failure>\n";
    }
    out << "    </testcase>\n";
  }
  out << "  </testsuite>\n</testsuites>\n";
}

}  // namespace tc
