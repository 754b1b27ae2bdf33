#include <string>

#include "report/excerpt.h"
#include "report/location.h"
#include "report/printers.h"

namespace tc {
namespace {

// One test case per job (a pair, or a file checked on its own), named by its
// paths; one <failure> per finding at or above --fail-on (findings below it
// are listed in <system-out>); an input that could not be read is an
// <error>. The header counts everything, so the cases are kept as text until
// the run ends. The attributes are those the common JUnit XSDs require.
class JunitSink : public ReportSink {
 public:
  JunitSink(std::ostream& out, const ReportContext& context) : out_(out), fail_on_(context.fail_on) {}

  void job_result(const JobResult& result) override {
    ++tests_;
    std::string name;
    if (result.error) {
      name = result.error->path;
    } else {
      for (const Document& doc : result.documents) name += (name.empty() ? "" : " -> ") + doc.path;
    }
    cases_ += "    <testcase classname=\"transcheck\" name=\"" + escape_markup(printable(name)) + "\" time=\"0\"";
    if (result.error) {
      ++errors_;
      cases_ += ">\n      <error type=\"input\" message=\"" + escape_markup(printable(result.error->message)) + "\"/>\n"
                "    </testcase>\n";
      return;
    }
    Locator locator;
    std::string failures;
    std::string below;
    for (const Finding& f : result.findings) {
      const Location loc = locator.locate(*f.document, f.span);
      const std::string where = printable(loc.file) + ':' + std::to_string(loc.start.line) + ':' + std::to_string(loc.start.column);
      const std::string line = where + ": " + std::string(to_string(f.severity)) + ": " + printable(f.message) + " [" + f.rule + "]";
      if (fail_on_ && static_cast<int>(f.severity) >= static_cast<int>(*fail_on_)) {
        ++failures_;
        failures += "      <failure type=\"" + escape_markup(f.rule) + "\" message=\"" + escape_markup(where + ": " + printable(f.message)) +
                    "\">" + escape_markup(line) + "</failure>\n";
      } else {
        below += escape_markup(line) + '\n';
      }
    }
    if (failures.empty() && below.empty()) {
      cases_ += "/>\n";
      return;
    }
    cases_ += ">\n" + failures;
    if (!below.empty()) cases_ += "      <system-out>" + below + "</system-out>\n";
    cases_ += "    </testcase>\n";
  }

  void end_run(const RunSummary&) override {
    const std::string counts = "tests=\"" + std::to_string(tests_) + "\" failures=\"" + std::to_string(failures_) +
                               "\" errors=\"" + std::to_string(errors_) + "\"";
    out_ << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    out_ << "<testsuites name=\"transcheck\" " << counts << " time=\"0\">\n";
    out_ << "  <testsuite name=\"transcheck\" " << counts << " skipped=\"0\" time=\"0\">\n";
    out_ << cases_;
    out_ << "  </testsuite>\n</testsuites>\n";
  }

 private:
  std::ostream& out_;
  std::optional<Severity> fail_on_;
  std::string cases_;
  std::size_t tests_ = 0;
  std::size_t failures_ = 0;
  std::size_t errors_ = 0;
};

}  // namespace

std::unique_ptr<ReportSink> make_junit_sink(std::ostream& out, const ReportContext& context) {
  return std::make_unique<JunitSink>(out, context);
}

}  // namespace tc
