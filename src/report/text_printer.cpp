#include <set>
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

namespace {

class TextSink : public ReportSink {
 public:
  TextSink(std::ostream& out, const ReportContext& context) : out_(out), p_(palette(context.color)) {}

  void job_result(const JobResult& result) override {
    // A bilingual file gives two documents of one file.
    std::set<std::string_view> paths;
    for (const Document& doc : result.documents) paths.insert(doc.path);
    files_ += paths.size();
    Locator locator;
    // Counterparts come in (roughly) the other document's order: a locator of
    // their own keeps them from recounting a long line from its start.
    Locator counterpart_locator;
    for (const Finding& f : result.findings) {
      ++findings_;
      if (f.severity == Severity::error) ++counts_.error;
      else if (f.severity == Severity::warning) ++counts_.warning;
      else ++counts_.info;
      out_ << format_headline(f, p_, locator) << '\n';
      if (f.document->text.empty()) continue;
      const Excerpt excerpt = make_excerpt(*f.document, f.span);
      const std::string number = std::to_string(excerpt.line);
      const std::string gutter(number.size(), ' ');
      out_ << p_.dim << ' ' << number << " | " << p_.reset << excerpt.text << '\n';
      out_ << p_.dim << ' ' << gutter << " | " << p_.reset << p_.caret << excerpt.underline << p_.reset << '\n';
      if (f.counterpart) {
        const Counterpart& c = *f.counterpart;
        out_ << ' ' << gutter << " = " << "counterpart";
        if (c.document) {
          const Location cl = counterpart_locator.locate(*c.document, c.span);
          out_ << " (" << cl.file << ':' << cl.start.line << ':' << cl.start.column << ")";
        }
        out_ << ": " << printable(c.text) << '\n';
      }
      if (const auto replacement = fix_replacement(f))
        out_ << ' ' << gutter << " = " << p_.caret << (f.fix->applicability == Applicability::safe ? "fix" : "possible fix")
             << p_.reset << ": replace with \"" << printable(*replacement) << "\"\n";
    }
  }

  void end_run() override {
    if (findings_ == 0) {
      out_ << "no findings in " << plural(files_, "file") << '\n';
    } else {
      out_ << plural(counts_.error, "error") << ", " << plural(counts_.warning, "warning") << ", " << counts_.info
           << " info in " << plural(files_, "file") << '\n';
    }
  }

 private:
  std::ostream& out_;
  Palette p_;
  std::size_t files_ = 0;
  std::size_t findings_ = 0;
  SeverityCounts counts_;
};

}  // namespace

std::unique_ptr<ReportSink> make_text_sink(std::ostream& out, const ReportContext& context) {
  return std::make_unique<TextSink>(out, context);
}

}  // namespace tc
