#pragma once
// One report sink per output format. A sink receives the run one job result
// at a time (begin_run, job_result..., end_run) and writes as it goes, so a
// run over thousands of files holds one result in memory. Sinks read
// findings and write a stream; they never decide what is a finding.
#include <memory>
#include <ostream>
#include <string>
#include <string_view>

#include "core/finding.h"
#include "core/rule.h"
#include "engine/check.h"

namespace tc {

struct ReportContext {
  const RuleList* rules = nullptr;  // for formats that describe rules (SARIF)
  bool color = false;               // text only
};

class ReportSink {
 public:
  virtual ~ReportSink() = default;
  virtual void begin_run() {}
  // One job's documents and findings; a job with an error has no documents.
  virtual void job_result(const JobResult& result) = 0;
  virtual void end_run() {}
};

// text: `path:line:col: severity: message [rule]`, then the line with the span underlined.
std::unique_ptr<ReportSink> make_text_sink(std::ostream& out, const ReportContext& context);
// {"version": ..., "findings": [...], ...}; schema in docs/json-schema.md.
std::unique_ptr<ReportSink> make_json_sink(std::ostream& out, const ReportContext& context);
// SARIF 2.1.0, for GitHub code scanning and other CI viewers.
std::unique_ptr<ReportSink> make_sarif_sink(std::ostream& out, const ReportContext& context);
// GitHub Actions workflow commands (::error file=...::message).
std::unique_ptr<ReportSink> make_github_sink(std::ostream& out, const ReportContext& context);
// JUnit XML: one test case per file, one failure per finding.
std::unique_ptr<ReportSink> make_junit_sink(std::ostream& out, const ReportContext& context);
// HTML: one self-contained page, each pair side by side bead by bead with
// the findings highlighted in place, filters and a findings list.
std::unique_ptr<ReportSink> make_html_sink(std::ostream& out, const ReportContext& context);

// The sink for a --format name, or null.
std::unique_ptr<ReportSink> make_report_sink(std::string_view format, std::ostream& out, const ReportContext& context);
// "text|json|sarif|github|junit|html"
std::string_view printer_names();
// True when `format` names a sink.
bool is_report_format(std::string_view format);
// True when the format shows each pair's alignment, so the run must keep it.
bool report_shows_alignment(std::string_view format);

// The first line of a text-report entry: `path:line:col: severity: message [rule]`.
std::string headline(const Finding& finding);

}  // namespace tc
