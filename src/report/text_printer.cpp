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

std::string format_headline(const Finding& f, const Palette& p, Locator& locator) {
  const Location loc = locator.locate(*f.document, f.span);
  return std::string(p.bold) + printable(loc.file) + ':' + std::to_string(loc.start.line) + ':' + std::to_string(loc.start.column) +
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
  TextSink(std::ostream& out, const ReportContext& context)
      : out_(out), p_(palette(context.color)), statistics_(context.statistics) {}

  void job_result(const JobResult& result) override {
    tally_.add(result);
    Locator locator;
    // Counterparts come in (roughly) the other document's order: a locator of
    // their own keeps them from recounting a long line from its start.
    Locator counterpart_locator;
    for (const Finding& f : result.findings) {
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
          out_ << " (" << printable(cl.file) << ':' << cl.start.line << ':' << cl.start.column << ")";
        }
        out_ << ": " << printable(c.text) << '\n';
      }
      if (const auto replacement = fix_replacement(f))
        out_ << ' ' << gutter << " = " << p_.caret << (f.fix->applicability == Applicability::safe ? "fix" : "possible fix")
             << p_.reset << ": replace with \"" << printable(*replacement) << "\"\n";
    }
  }

  // The totals come last, where a terminal leaves them in view; above them,
  // the rules with the most findings and the files that hold the errors.
  void end_run(const RunSummary& summary) override {
    if (statistics_ && tally_.findings() > 0) print_statistics();
    else if (tally_.findings() > 0) print_top_rules();
    if (!tally_.errors_per_file.empty()) print_error_files();
    if (summary.project) print_project(summary);
    print_filtered(summary);
    if (tally_.findings() == 0) {
      out_ << "no findings in " << plural(tally_.files, "file") << '\n';
    } else {
      out_ << p_.error << plural(tally_.counts.error, "error") << p_.reset << ", " << p_.warning
           << plural(tally_.counts.warning, "warning") << p_.reset << ", " << tally_.counts.info << " info in "
           << plural(tally_.files, "file") << '\n';
    }
  }

 private:
  static constexpr std::size_t kTopRules = 3;
  static constexpr std::size_t kErrorFiles = 5;

  void print_top_rules() {
    const auto rules = tally_.rules_by_count();
    out_ << "most findings:";
    for (std::size_t i = 0; i < rules.size() && i < kTopRules; ++i)
      out_ << (i == 0 ? " " : ", ") << rules[i].first << " (" << rules[i].second << ")";
    if (rules.size() > kTopRules) out_ << ", " << rules.size() - kTopRules << " more rules (--statistics)";
    out_ << '\n';
  }

  void print_statistics() {
    out_ << "findings per rule:\n";
    for (const auto& [rule, count] : tally_.rules_by_count()) {
      const SeverityCounts& c = tally_.per_rule_severity.at(rule);
      std::string number = std::to_string(count);
      out_ << std::string(number.size() < 6 ? 6 - number.size() : 0, ' ') << number << "  " << rule << " (";
      const char* separator = "";
      if (c.error) out_ << separator << plural(c.error, "error"), separator = ", ";
      if (c.warning) out_ << separator << plural(c.warning, "warning"), separator = ", ";
      if (c.info) out_ << separator << c.info << " info";
      out_ << ")\n";
    }
  }

  void print_error_files() {
    const auto& files = tally_.errors_per_file;
    out_ << "errors in:";
    for (std::size_t i = 0; i < files.size() && i < kErrorFiles; ++i)
      out_ << (i == 0 ? " " : ", ") << printable(files[i].first) << " (" << files[i].second << ")";
    if (files.size() > kErrorFiles) out_ << ", " << plural(files.size() - kErrorFiles, "more file");
    out_ << '\n';
  }

  void print_project(const RunSummary& summary) {
    out_ << plural(summary.pairs, "pair") << " checked";
    const std::size_t alone = summary.documents - summary.unpaired_sources - summary.unpaired_targets;
    if (alone > 0) out_ << ", " << plural(alone, "single file");
    if (summary.unpaired_sources > 0) out_ << ", " << summary.unpaired_sources << " without translation";
    if (summary.unpaired_targets > 0) out_ << ", " << summary.unpaired_targets << " without source";
    out_ << '\n';
  }

  void print_filtered(const RunSummary& summary) {
    if (summary.suppressed == 0 && !summary.baseline_fixed) return;
    std::string line;
    if (summary.suppressed > 0) line = std::to_string(summary.suppressed) + " suppressed";
    if (summary.baseline_fixed)
      line += (line.empty() ? "" : ", ") + std::to_string(summary.baselined) + " baselined, " +
              std::to_string(*summary.baseline_fixed) + " baseline " +
              (*summary.baseline_fixed == 1 ? "entry" : "entries") + " fixed";
    out_ << line << '\n';
  }

  std::ostream& out_;
  Palette p_;
  bool statistics_ = false;
  FindingTally tally_;
};

}  // namespace

std::unique_ptr<ReportSink> make_text_sink(std::ostream& out, const ReportContext& context) {
  return std::make_unique<TextSink>(out, context);
}

}  // namespace tc
