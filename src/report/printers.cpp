#include "report/printers.h"

#include <set>

#include <algorithm>

namespace tc {

std::unique_ptr<ReportSink> make_report_sink(std::string_view format, std::ostream& out, const ReportContext& context) {
  if (format == "text") return make_text_sink(out, context);
  if (format == "json") return make_json_sink(out, context);
  if (format == "sarif") return make_sarif_sink(out, context);
  if (format == "github") return make_github_sink(out, context);
  if (format == "junit") return make_junit_sink(out, context);
  if (format == "html") return make_html_sink(out, context);
  return nullptr;
}

bool is_report_format(std::string_view format) {
  return format == "text" || format == "json" || format == "sarif" || format == "github" || format == "junit" || format == "html";
}

void FindingTally::add(const JobResult& result) {
  // A bilingual file gives two documents of one file.
  std::set<std::string_view> paths;
  for (const Document& doc : result.documents) paths.insert(doc.path);
  files += paths.size();
  std::size_t errors = 0;
  const Document* errors_in = nullptr;
  // One entry a file: the two documents of a bilingual file, whose findings
  // may come in turns, count together.
  const std::size_t first_of_job = errors_per_file.size();
  auto flush = [&] {
    if (errors == 0) return;
    const auto same_file = std::find_if(errors_per_file.begin() + static_cast<std::ptrdiff_t>(first_of_job), errors_per_file.end(),
                                        [&](const auto& entry) { return entry.first == errors_in->path; });
    if (same_file != errors_per_file.end()) same_file->second += errors;
    else errors_per_file.emplace_back(errors_in->path, errors);
    errors = 0;
  };
  for (const Finding& f : result.findings) {
    // A count of left-out findings stands for them all, at its severity (the
    // highest among them).
    const std::size_t n = f.counts_omitted() ? f.omitted : 1;
    SeverityCounts& rule_counts = per_rule_severity[f.rule];
    per_rule[f.rule] += n;
    switch (f.severity) {
      case Severity::error:
        counts.error += n;
        rule_counts.error += n;
        if (f.document != errors_in) flush();
        errors_in = f.document;
        errors += n;
        break;
      case Severity::warning:
        counts.warning += n;
        rule_counts.warning += n;
        break;
      case Severity::info:
        counts.info += n;
        rule_counts.info += n;
        break;
    }
  }
  flush();
}

std::vector<std::pair<std::string, std::size_t>> FindingTally::rules_by_count() const {
  std::vector<std::pair<std::string, std::size_t>> rules(per_rule.begin(), per_rule.end());
  std::stable_sort(rules.begin(), rules.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
  return rules;
}

std::string plural(std::size_t n, const char* word) { return std::to_string(n) + " " + word + (n == 1 ? "" : "s"); }

std::string_view printer_names() { return "text|json|sarif|github|junit|html"; }

bool report_shows_alignment(std::string_view format) { return format == "html"; }

}  // namespace tc
