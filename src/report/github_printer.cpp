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

namespace {

class GithubSink : public ReportSink {
 public:
  explicit GithubSink(std::ostream& out) : out_(out) {}
  void job_result(const JobResult& result) override {
    Locator locator;
    for (const Finding& f : result.findings) {
      const Location loc = locator.locate(*f.document, f.span);
      const char* level = f.severity == Severity::error ? "error" : f.severity == Severity::warning ? "warning" : "notice";
      out_ << "::" << level << " file=" << escape(printable(loc.file), true) << ",line=" << loc.start.line << ",col=" << loc.start.column
           << ",endLine=" << loc.end.line << ",endColumn=" << loc.end.column << ",title=" << escape(f.rule, true) << "::"
           << escape(printable(f.message), false) << '\n';
    }
  }

 private:
  std::ostream& out_;
};

}  // namespace

std::unique_ptr<ReportSink> make_github_sink(std::ostream& out, const ReportContext&) {
  return std::make_unique<GithubSink>(out);
}

}  // namespace tc
