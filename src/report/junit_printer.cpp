#include <string>

#include "report/excerpt.h"
#include "report/location.h"
#include "report/printers.h"

namespace tc {
namespace {

// The header counts every file and finding, so the test cases are kept as
// text (not as results) until the run ends.
class JunitSink : public ReportSink {
 public:
  explicit JunitSink(std::ostream& out) : out_(out) {}

  void job_result(const JobResult& result) override {
    Locator locator;
    for (const Document& doc : result.documents) {
      ++files_;
      cases_ += "    <testcase classname=\"transcheck\" name=\"" + escape_markup(printable(doc.path)) + "\"";
      std::string failures;
      for (const Finding& f : result.findings) {
        if (f.document != &doc) continue;
        ++findings_;
        const Location loc = locator.locate(doc, f.span);
        failures += "      <failure type=\"" + escape_markup(f.rule) + "\" message=\"" + escape_markup(printable(f.message)) +
                    "\">" + escape_markup(printable(loc.file)) + ':' + std::to_string(loc.start.line) + ':' +
                    std::to_string(loc.start.column) + ": " + std::string(to_string(f.severity)) + ": " +
                    escape_markup(printable(f.message)) + "</failure>\n";
      }
      cases_ += failures.empty() ? "/>\n" : ">\n" + failures + "    </testcase>\n";
    }
  }

  void end_run() override {
    out_ << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    out_ << "<testsuites name=\"transcheck\" tests=\"" << files_ << "\" failures=\"" << findings_ << "\">\n";
    out_ << "  <testsuite name=\"transcheck\" tests=\"" << files_ << "\" failures=\"" << findings_ << "\">\n";
    out_ << cases_;
    out_ << "  </testsuite>\n</testsuites>\n";
  }

 private:
  std::ostream& out_;
  std::string cases_;
  std::size_t files_ = 0;
  std::size_t findings_ = 0;
};

}  // namespace

std::unique_ptr<ReportSink> make_junit_sink(std::ostream& out, const ReportContext&) {
  return std::make_unique<JunitSink>(out);
}

}  // namespace tc
