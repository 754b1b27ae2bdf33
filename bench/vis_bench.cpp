// Precision on real published translations: the vis-dev pairs (English
// vaccine leaflets and their official Simplified Chinese translations),
// checked at default settings with the shipped medical glossary, as a new
// user would. Prints, per article, the errors and warnings and how many of
// them are real according to the hand labels in bench/vis_labels.tsv; then
// the pairs that pass the default gate (--fail-on error), the average
// warnings + errors per article and the share that are real.
// Reads ../shared/corpora/vis-dev next to the source tree (or --corpora DIR,
// or $TRANSCHECK_CORPORA); says so and exits 0 when it is absent.
//   vis_bench [--corpora DIR] [--labels FILE] [--show]
// Then the same leaflets with their Chinese turned Traditional (ICU's
// Hans-Hant, loaded as zh-Hant): how many give the same findings per rule and
// severity as the Simplified text, and what differs (a rule that reads only
// Simplified characters shows here).
// --show prints every finding with its label key, to label new findings:
// a line of vis_labels.tsv is article, rule, line, flagged text, real|false, note.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <string>
#include <tuple>
#include <vector>

#include "hans_hant.h"
#include "engine/check.h"
#include "formats/load.h"
#include "glossary/load.h"
#include "rules/registry.h"

namespace fs = std::filesystem;
using namespace tc;

namespace {

using LabelKey = std::tuple<std::string, std::string, std::string, std::string>;  // article, rule, line, text

std::map<LabelKey, bool> read_labels(const fs::path& path) {
  std::map<LabelKey, bool> labels;
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> cells;
    std::size_t start = 0;
    for (std::size_t tab = line.find('\t'); ; tab = line.find('\t', start)) {
      cells.push_back(line.substr(start, tab == std::string::npos ? std::string::npos : tab - start));
      if (tab == std::string::npos) break;
      start = tab + 1;
    }
    if (cells.size() < 5) continue;
    labels[{cells[0], cells[1], cells[2], cells[3]}] = cells[4] == "real";
  }
  return labels;
}

// The flagged text on one line, tabs and newlines as spaces.
std::string flagged_text(const Finding& finding) {
  std::string text = finding.document->text.substr(finding.span.begin, std::min<std::size_t>(finding.span.size(), 80));
  for (char& c : text)
    if (c == '\t' || c == '\n' || c == '\r') c = ' ';
  return text;
}

// Findings counted by rule and severity.
std::map<std::pair<std::string, int>, int> counts_by_rule(const std::vector<Finding>& findings) {
  std::map<std::pair<std::string, int>, int> counts;
  for (const Finding& finding : findings) ++counts[{finding.rule, static_cast<int>(finding.severity)}];
  return counts;
}

}  // namespace

int main(int argc, char** argv) {
  const fs::path source_dir = fs::path(TRANSCHECK_DATA_DIR).parent_path();
  fs::path corpora = source_dir / ".." / "shared" / "corpora";
  if (const char* env = std::getenv("TRANSCHECK_CORPORA")) corpora = env;
  fs::path labels_path = source_dir / "bench" / "vis_labels.tsv";
  bool show = false;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--corpora" && i + 1 < argc) corpora = argv[++i];
    else if (arg == "--labels" && i + 1 < argc) labels_path = argv[++i];
    else if (arg == "--show") show = true;
    else {
      std::cerr << "usage: vis_bench [--corpora DIR] [--labels FILE] [--show]\n";
      return 2;
    }
  }
  const fs::path root = corpora / "vis-dev";
  if (!fs::is_directory(root)) {
    std::printf("vis-dev corpus not found at %s: nothing measured\n", root.string().c_str());
    return 0;
  }
  std::vector<std::string> articles;
  for (const auto& entry : fs::directory_iterator(root)) {
    const std::string name = entry.path().filename().string();
    if (name.size() > 7 && name.ends_with(".en.txt")) articles.push_back(name.substr(0, name.size() - 7));
  }
  std::sort(articles.begin(), articles.end());
  const auto labels = read_labels(labels_path);
  const RuleList rules = all_rules();
  const Glossary glossary = load_glossaries({(source_dir / "glossaries" / "medical.zh-en.tsv").string()});
  CheckOptions options;
  options.glossary = &glossary;
  LoadOptions source_load, target_load;
  source_load.language = parse_language("en");
  target_load.language = parse_language("zh");

  std::size_t passing = 0, total_flagged = 0, total_real = 0, total_unlabelled = 0;
  std::size_t traditional_same = 0, traditional_pairs = 0;
  std::string traditional_differences;
  LoadOptions traditional_load;
  traditional_load.language = parse_language("zh-Hant");
  const std::unique_ptr<icu::Transliterator> hans_hant = bench::hans_hant_transliterator();
  std::printf("%-16s %6s %8s %5s %10s\n", "article", "errors", "warnings", "real", "unlabelled");
  for (const std::string& article : articles) {
    const fs::path target_path = root / (article + ".zh.txt");
    if (!fs::exists(target_path)) continue;
    const Document source = load_document((root / (article + ".en.txt")).string(), source_load);
    const Document target = load_document(target_path.string(), target_load);
    const std::vector<Finding> findings = check_pair(source, target, rules, options);
    std::size_t errors = 0, warnings = 0, real = 0, unlabelled = 0;
    for (const Finding& finding : findings) {
      if (finding.severity == Severity::error) ++errors;
      else if (finding.severity == Severity::warning) ++warnings;
      else continue;
      const std::string line = std::to_string(finding.document->position(finding.span.begin).line);
      const std::string side = finding.document == &source ? "en:" : "zh:";
      const LabelKey key{article, finding.rule, side + line, flagged_text(finding)};
      const auto it = labels.find(key);
      if (it == labels.end()) ++unlabelled;
      else if (it->second) ++real;
      if (show)
        std::printf("%s\t%s\t%s\t%s\t%s\t%s\n", article.c_str(), finding.rule.c_str(), (side + line).c_str(),
                    flagged_text(finding).c_str(), it == labels.end() ? "?" : (it->second ? "real" : "false"),
                    finding.message.c_str());
    }
    // The same pair with its Chinese in Traditional characters.
    if (hans_hant) {
      const Document traditional_target =
          document_from_bytes(target_path.string(), bench::to_traditional(*hans_hant, target.text), traditional_load);
      const auto simplified_counts = counts_by_rule(findings);
      const auto traditional_counts = counts_by_rule(check_pair(source, traditional_target, rules, options));
      ++traditional_pairs;
      if (simplified_counts == traditional_counts) ++traditional_same;
      for (const auto& [key, count] : traditional_counts)
        if (const auto it = simplified_counts.find(key); it == simplified_counts.end() || it->second != count)
          traditional_differences += "  " + article + ": " + key.first + " " + std::to_string(it == simplified_counts.end() ? 0 : it->second) +
                                     " -> " + std::to_string(count) + "\n";
      for (const auto& [key, count] : simplified_counts)
        if (!traditional_counts.count(key)) traditional_differences += "  " + article + ": " + key.first + " " + std::to_string(count) + " -> 0\n";
    }
    if (errors == 0) ++passing;
    total_flagged += errors + warnings;
    total_real += real;
    total_unlabelled += unlabelled;
    std::printf("%-16s %6zu %8zu %5zu %10zu\n", article.c_str(), errors, warnings, real, unlabelled);
  }
  if (articles.empty()) {
    std::printf("vis-dev corpus at %s has no pairs: nothing measured\n", root.string().c_str());
    return 0;
  }
  const double n = static_cast<double>(articles.size());
  std::printf("pairs passing the default gate (--fail-on error): %zu/%zu (target: all)\n", passing, articles.size());
  std::printf("warnings + errors per article: %.2f (target <= 3)\n", static_cast<double>(total_flagged) / n);
  std::printf("share real (hand labels; unlabelled count as false): %zu/%zu = %.2f (target >= 0.5)%s\n", total_real,
              total_flagged, total_flagged ? static_cast<double>(total_real) / static_cast<double>(total_flagged) : 1.0,
              total_unlabelled ? "; label the unlabelled ones with --show" : "");
  if (traditional_pairs)
    std::printf("the same pairs with the Chinese in Traditional characters (ICU Hans-Hant, zh-Hant): %zu/%zu with the "
                "Simplified text's findings per rule (target: all)\n%s",
                traditional_same, traditional_pairs, traditional_differences.c_str());
  return 0;
}
