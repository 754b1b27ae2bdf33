#pragma once
// One report sink per output format. A sink receives the run one job result
// at a time (begin_run, job_result..., end_run) and writes as it goes, so a
// run over thousands of files holds one result in memory. Sinks read
// findings and write a stream; they never decide what is a finding.
#include <map>
#include <memory>
#include <optional>
#include <vector>
#include <ostream>
#include <string>
#include <string_view>

#include "core/finding.h"
#include "core/rule.h"
#include "engine/check.h"
#include "report/location.h"

namespace tc {

struct ReportContext {
  const RuleList* rules = nullptr;  // for formats that describe rules (SARIF)
  bool color = false;               // text only
  bool statistics = false;          // text: the full table of findings per rule (--statistics)
  std::optional<Severity> fail_on = Severity::error;  // JUnit: findings at or above it are failures
  // The project root as an absolute path (SARIF's PROJECTROOT); empty: the
  // working directory. Artifact URIs are Document::stable_path(), relative to it.
  std::string project_root;
  std::vector<std::string> command_line;  // SARIF invocations
};

// What the run did beyond its findings, known when it ends.
struct RunSummary {
  bool project = false;              // a project run (config file or directory): pairs and unpaired files are named
  std::size_t pairs = 0;             // pairs checked
  std::size_t documents = 0;         // files checked on their own (unpaired ones included)
  std::size_t unpaired_sources = 0;  // sources without their translation
  std::size_t unpaired_targets = 0;  // translations without their source
  std::size_t input_errors = 0;      // inputs that could not be checked
  std::size_t suppressed = 0;        // findings silenced by suppression comments
  std::size_t baselined = 0;         // findings in the baseline
  std::optional<std::size_t> baseline_fixed;  // --baseline: entries that no longer occur
  int exit_code = 0;
};

class ReportSink {
 public:
  virtual ~ReportSink() = default;
  virtual void begin_run() {}
  // One job's documents and findings; a job with an error has no documents.
  virtual void job_result(const JobResult& result) = 0;
  virtual void end_run(const RunSummary&) {}
};

// text: `path:line:col: severity: message [rule]`, then the line with the span underlined.
std::unique_ptr<ReportSink> make_text_sink(std::ostream& out, const ReportContext& context);
// {"version": ..., "findings": [...], ...}; schema in docs/json-schema.md.
std::unique_ptr<ReportSink> make_json_sink(std::ostream& out, const ReportContext& context);

// One line of `check --lines` output, without the line break:
// {"line": N, "id": ..., "findings": [...]}, each finding as in the JSON
// report; with `error` set, {"line": N, "id": ..., "error": "..."} instead.
// id_json is the input's id as JSON text; empty: no "id".
std::string pair_line_json(std::size_t line, std::string_view id_json, const JobResult* result,
                           std::string_view error = {});
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

// Counts of a run's findings, kept by the sinks that summarize it.
struct FindingTally {
  SeverityCounts counts;
  std::size_t files = 0;
  std::map<std::string, std::size_t> per_rule;
  std::map<std::string, SeverityCounts> per_rule_severity;
  std::vector<std::pair<std::string, std::size_t>> errors_per_file;  // in report order
  void add(const JobResult& result);
  std::size_t findings() const { return counts.error + counts.warning + counts.info; }
  // Rules by descending count, then by id.
  std::vector<std::pair<std::string, std::size_t>> rules_by_count() const;
};

// Where the project and its rule documentation live (SARIF informationUri, helpUri).
inline constexpr std::string_view kProjectUrl = "https://github.com/your-org/transcheck";
inline constexpr std::string_view kRuleDocsUrl = "https://github.com/your-org/transcheck/blob/main/docs/rules.md";

// A path as an RFC 3986 URI reference: every byte but the unreserved
// characters and `/` is percent-encoded ("a b/中.md" -> "a%20b/%E4%B8%AD.md").
std::string percent_encoded_uri(std::string_view path);
// The rule's documentation URL: kRuleDocsUrl#family-name.
std::string rule_help_uri(std::string_view rule_id);

// "1 error", "3 errors".
std::string plural(std::size_t n, const char* word);

// The first line of a text-report entry: `path:line:col: severity: message [rule]`.
std::string headline(const Finding& finding);

}  // namespace tc
