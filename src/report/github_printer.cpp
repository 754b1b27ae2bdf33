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

// GitHub shows only the first ten annotations of each kind, so errors come
// first, then warnings, then notices, then one ::notice with the totals. The
// annotations are kept as text until the run ends.
class GithubSink : public ReportSink {
 public:
  explicit GithubSink(std::ostream& out) : out_(out) {}
  void job_result(const JobResult& result) override {
    tally_.add(result);
    Locator locator;
    for (const Finding& f : result.findings) {
      const Location loc = locator.locate(*f.document, f.span);
      const char* level = f.severity == Severity::error ? "error" : f.severity == Severity::warning ? "warning" : "notice";
      std::string& lines = f.severity == Severity::error ? errors_ : f.severity == Severity::warning ? warnings_ : notices_;
      lines += std::string("::") + level + " file=" + escape(printable(loc.file), true) + ",line=" + std::to_string(loc.start.line) +
               ",col=" + std::to_string(loc.start.column) + ",endLine=" + std::to_string(loc.end.line) +
               ",endColumn=" + std::to_string(loc.end.column) + ",title=" + escape(f.rule, true) +
               "::" + escape(printable(f.message), false) + '\n';
    }
  }

  void end_run(const RunSummary& summary) override {
    out_ << errors_ << warnings_ << notices_;
    std::string totals = "transcheck: " + plural(tally_.counts.error, "error") + ", " +
                         plural(tally_.counts.warning, "warning") + ", " + std::to_string(tally_.counts.info) +
                         " info in " + plural(tally_.files, "file");
    if (summary.project)
      totals += "; " + plural(summary.pairs, "pair") + " checked, " + std::to_string(summary.unpaired_sources) +
                " without translation, " + std::to_string(summary.unpaired_targets) + " without source";
    if (summary.suppressed > 0) totals += "; " + std::to_string(summary.suppressed) + " suppressed";
    if (summary.baseline_fixed)
      totals += "; " + std::to_string(summary.baselined) + " baselined, " + std::to_string(*summary.baseline_fixed) +
                " baseline entries fixed";
    out_ << "::notice title=transcheck summary::" << escape(totals, false) << '\n';
  }

 private:
  std::ostream& out_;
  FindingTally tally_;
  std::string errors_, warnings_, notices_;
};

}  // namespace

std::unique_ptr<ReportSink> make_github_sink(std::ostream& out, const ReportContext&) {
  return std::make_unique<GithubSink>(out);
}

}  // namespace tc
