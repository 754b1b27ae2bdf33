#include <string>

#include "report/excerpt.h"
#include "report/location.h"
#include "report/printers.h"

namespace tc {
namespace {

struct Palette {
  const char* bold = "";
  const char* reset = "";
  const char* error = "";
  const char* warning = "";
  const char* info = "";
  const char* caret = "";
  const char* dim = "";
};

Palette palette(bool color) {
  if (!color) return {};
  return {"\x1b[1m", "\x1b[0m", "\x1b[1;31m", "\x1b[1;33m", "\x1b[1;36m", "\x1b[1;32m", "\x1b[2m"};
}

const char* severity_color(const Palette& p, Severity s) {
  switch (s) {
    case Severity::error: return p.error;
    case Severity::warning: return p.warning;
    case Severity::info: return p.info;
  }
  return p.reset;
}

std::string plural(std::size_t n, const char* word) {
  return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
}

std::string format_headline(const Finding& f, const Palette& p, Locator& locator) {
  const Location loc = locator.locate(*f.document, f.span);
  return std::string(p.bold) + loc.file + ':' + std::to_string(loc.start.line) + ':' + std::to_string(loc.start.column) +
         ":" + p.reset + ' ' + severity_color(p, f.severity) + std::string(to_string(f.severity)) + p.reset + ": " +
         p.bold + printable(f.message) + p.reset + " [" + f.rule + "]";
}

}  // namespace

std::string headline(const Finding& finding) {
  Locator locator;
  return format_headline(finding, palette(false), locator);
}

void print_text(std::ostream& out, const std::vector<Finding>& findings, const ReportContext& context) {
  const Palette p = palette(context.color);
  Locator locator;
  // Counterparts come in (roughly) the other document's order: a locator of
  // their own keeps them from recounting a long line from its start.
  Locator counterpart_locator;
  for (const Finding& f : findings) {
    out << format_headline(f, p, locator) << '\n';
    if (f.document->text.empty()) continue;
    const Excerpt excerpt = make_excerpt(*f.document, f.span);
    const std::string number = std::to_string(excerpt.line);
    const std::string gutter(number.size(), ' ');
    out << p.dim << ' ' << number << " | " << p.reset << excerpt.text << '\n';
    out << p.dim << ' ' << gutter << " | " << p.reset << p.caret << excerpt.underline << p.reset << '\n';
    if (f.counterpart) {
      const Counterpart& c = *f.counterpart;
      out << ' ' << gutter << " = " << "counterpart";
      if (c.document) {
        const Location cl = counterpart_locator.locate(*c.document, c.span);
        out << " (" << cl.file << ':' << cl.start.line << ':' << cl.start.column << ")";
      }
      out << ": " << printable(c.text) << '\n';
    }
    if (f.fix) out << ' ' << gutter << " = " << p.caret << "fix" << p.reset << ": replace with \"" << printable(*f.fix) << "\"\n";
  }
  const SeverityCounts counts = count_severities(findings);
  if (findings.empty()) {
    out << "no findings in " << plural(context.documents.size(), "file") << '\n';
  } else {
    out << plural(counts.error, "error") << ", " << plural(counts.warning, "warning") << ", " << counts.info
        << " info in " << plural(context.documents.size(), "file") << '\n';
  }
}

}  // namespace tc
