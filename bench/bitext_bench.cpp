// Translation files, measured on real data:
// - precision: every rule on the zh_CN gettext catalogs Debian's packages
//   install (turned back into PO with msgunfmt), findings per 1,000 units by
//   rule, the errors listed with their hand labels (bench/bitext_labels.tsv)
//   and the share of them that is real;
// - recall: defects planted in copies of those catalogs and of the TICO-19
//   translation memory (a dropped or changed placeholder, a changed number,
//   a removed inline tag, Chinese left in an English target, an empty
//   target, and, with glossaries/medical.zh-en.tsv, a forbidden rendering of
//   a term of the Chinese source); a plant is caught when a finding of the expected rule that the
//   clean file does not have lands on a line of the planted unit's target;
// - speed: units per second of the whole check (each catalog, compared with
//   the ones before it), against pofilter
//   (translate-toolkit) on the same PO files in one run.
// Reads the catalogs from the system's locale directory, the memory from
// ../shared/corpora next to the source tree (or --corpora DIR); says what it
// could not find and measures the rest.
//   bitext_bench [--corpora DIR] [--locale-dir DIR] [--no-pofilter] [--no-recall] [--per-kind N] [--verbose]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <map>
#include <set>
#include <sstream>
#include <tuple>

#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#include "engine/check.h"
#include "formats/load.h"
#include "glossary/load.h"
#include "glossary/match.h"
#include "rules/registry.h"
#include "text/placeholders.h"

namespace fs = std::filesystem;
using namespace tc;

namespace {

constexpr const char* kCatalogs[] = {"coreutils", "dpkg", "apt", "bash", "grep", "findutils", "diffutils", "tar",
                                     "sed", "make", "wget", "gettext-runtime", "gettext-tools", "adduser", "shadow",
                                     "procps-ng", "man-db", "libc"};

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

bool have_command(const std::string& name) { return std::system(("command -v " + name + " >/dev/null 2>&1").c_str()) == 0; }

struct Catalog {
  std::string name;
  std::string path;
  std::string bytes;
};

using Key = std::pair<std::string, std::size_t>;  // rule, line

std::set<Key> finding_keys(const std::vector<Finding>& findings) {
  std::set<Key> keys;
  for (const Finding& f : findings) keys.insert({f.rule, f.document->position(f.span.begin).line});
  return keys;
}

// One planted defect: bytes to replace in the file and the lines of the
// target it must be reported on.
struct PlantEdit {
  std::size_t begin, end;
  std::string replacement;
  std::size_t first_line, last_line;
};

struct KindScore {
  std::size_t planted = 0, caught = 0;
};

// Plants kind into every eligible unit (at most limit), checks the copy and scores it.
template <class Plant>
void plant_and_score(const std::string& path, const std::string& bytes, const BitextLoadOptions& load,
                     const RuleList& rules, const CheckOptions& options, const std::string& rule,
                     std::size_t limit, Plant&& plant, KindScore& score, bool verbose) {
  const Bitext clean = bitext_from_bytes(path, bytes, load);
  const std::set<Key> before = finding_keys(check_bitext(clean, rules, options));
  std::vector<PlantEdit> edits;
  const std::size_t stride = 1;
  for (std::size_t i = 0; i < clean.units.size() && edits.size() < limit; i += stride) {
    PlantEdit edit{};
    if (!plant(clean, clean.units[i], edit)) continue;
    if (!edits.empty() && edit.begin < edits.back().end + 1) continue;
    edits.push_back(edit);
  }
  std::string planted = bytes;
  for (auto it = edits.rbegin(); it != edits.rend(); ++it) planted.replace(it->begin, it->end - it->begin, it->replacement);
  const Bitext copy = bitext_from_bytes(path, planted, load);
  const std::set<Key> after = finding_keys(check_bitext(copy, rules, options));
  for (const PlantEdit& edit : edits) {
    ++score.planted;
    bool caught = false;
    for (std::size_t line = edit.first_line; line <= edit.last_line && !caught; ++line)
      caught = after.count({rule, line}) && !before.count({rule, line});
    if (caught) ++score.caught;
    else if (verbose) std::cout << "  missed " << rule << " at " << path << ":" << edit.first_line << "\n";
  }
}

std::size_t line_of(const Document& doc, std::size_t text_offset) { return doc.position(text_offset).line; }

// The file bytes of a text span, when they are the same bytes (no escape inside).
bool plain_in_file(const Document& doc, Span span, std::size_t& file_begin) {
  file_begin = doc.source_map.file_offset(span.begin);
  const std::size_t file_end = doc.source_map.file_offset(span.end);
  return file_end - file_begin == span.end - span.begin &&
         doc.source->bytes.compare(file_begin, span.end - span.begin, doc.text, span.begin, span.end - span.begin) == 0;
}

bool edit_placeholder(const Bitext& b, const BitextUnit& unit, PlantEdit& edit, bool drop) {
  for (const Placeholder& p : find_placeholders(b.target.text, unit.target)) {
    if (p.kind != PlaceholderKind::printf || placeholder_key(b.target.text, p) == "%%") continue;
    std::size_t at = 0;
    if (!plain_in_file(b.target, p.span, at)) continue;
    const char conversion = b.target.text[p.span.end - 1];
    edit = {at, at + (p.span.end - p.span.begin),
            drop ? std::string() : b.target.text.substr(p.span.begin, p.span.end - p.span.begin - 1) + (conversion == 'd' ? "s" : "d"),
            line_of(b.target, unit.target.begin), line_of(b.target, unit.target.end)};
    return true;
  }
  return false;
}

bool edit_number(const Bitext& b, const BitextUnit& unit, PlantEdit& edit) {
  const std::string_view source = std::string_view(b.source.text).substr(unit.source.begin, unit.source.end - unit.source.begin);
  const std::string& text = b.target.text;
  for (std::size_t i = unit.target.begin; i < unit.target.end; ++i) {
    if (!std::isdigit(static_cast<unsigned char>(text[i])) || b.target.is_masked(i)) continue;
    std::size_t end = i;
    while (end < unit.target.end && std::isdigit(static_cast<unsigned char>(text[end]))) ++end;
    const std::string number = text.substr(i, end - i);
    // A quantity, not part of a name or version (COVID-19, 2.6.1, utf-8).
    auto apart = [](char c) { return !std::isalnum(static_cast<unsigned char>(c)) && !std::strchr("-./:_$%", c); };
    const bool standalone = (i == unit.target.begin || apart(text[i - 1])) && (end == unit.target.end || apart(text[end]));
    std::size_t at = 0;
    if (standalone && source.find(number) != std::string_view::npos && plain_in_file(b.target, {end - 1, end}, at)) {
      std::string changed = number;
      changed.back() = changed.back() == '7' ? '3' : '7';
      if (source.find(changed) != std::string_view::npos) return false;
      edit = {at, at + 1, std::string(1, changed.back()), line_of(b.target, end - 1), line_of(b.target, end - 1)};
      return true;
    }
    i = end;
  }
  return false;
}

bool edit_empty(const Bitext& b, const BitextUnit& unit, PlantEdit& edit) {
  std::size_t at = 0;
  if (unit.target.empty() || !plain_in_file(b.target, unit.target, at)) return false;
  if (b.target.text.find('\n', unit.target.begin) < unit.target.end) return false;
  edit = {at, at + (unit.target.end - unit.target.begin), "", line_of(b.target, unit.target.begin),
          line_of(b.target, unit.target.begin)};
  return true;
}

// A tag in the source only: as if the translation had lost it.
bool edit_tag(const Bitext& b, const BitextUnit& unit, PlantEdit& edit) {
  if (unit.target.empty() || unit.source.empty()) return false;
  const std::size_t at = b.source.source_map.file_offset(unit.source.end);
  edit = {at, at, "<ph x=\"9\">&lt;br/&gt;</ph>", line_of(b.target, unit.target.begin), line_of(b.target, unit.target.end)};
  return true;
}

// Chinese words left in an English translation.
bool edit_han(const Bitext& b, const BitextUnit& unit, PlantEdit& edit) {
  const std::string& text = b.target.text;
  const std::size_t space = text.find(' ', unit.target.begin);
  if (space == std::string::npos || space + 1 >= unit.target.end) return false;
  std::size_t at = 0;
  if (!plain_in_file(b.target, {space, space + 1}, at)) return false;
  edit = {at, at + 1, " 患者 ", line_of(b.target, space), line_of(b.target, space)};
  return true;
}

// CPU time of this process (all its threads) and of its finished children.
double process_cpu_seconds() {
  timespec now{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
  return static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) / 1e9;
}

double children_cpu_seconds() {
  rusage usage{};
  getrusage(RUSAGE_CHILDREN, &usage);
  auto seconds = [](const timeval& t) { return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6; };
  return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

struct ErrorFinding {
  std::string catalog, rule, message;
  std::size_t line;
};

// Hand labels: catalog, rule, message -> "real" or "false" (bench/bitext_labels.tsv).
using Labels = std::map<std::tuple<std::string, std::string, std::string>, std::string>;

Labels read_labels(const fs::path& path) {
  Labels labels;
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> fields;
    std::istringstream row(line);
    for (std::string field; std::getline(row, field, '\t');) fields.push_back(field);
    if (fields.size() >= 4) labels[{fields[0], fields[1], fields[2]}] = fields[3];
  }
  return labels;
}

// Lists the errors with their hand label and prints the share that is real.
void report_labels(const Labels& labels, const std::vector<ErrorFinding>& errors) {
  std::size_t real = 0, labelled = 0;
  std::cout << "errors (" << errors.size() << "), with their hand label (bench/bitext_labels.tsv):\n";
  for (const ErrorFinding& e : errors) {
    const auto it = labels.find({e.catalog, e.rule, e.message});
    const std::string label = it == labels.end() ? "unlabelled" : it->second;
    if (it != labels.end()) ++labelled, real += label == "real";
    std::cout << "  " << std::left << std::setw(11) << label << std::right << e.catalog << ".po:" << e.line << ": " << e.message
              << " [" << e.rule << "]\n";
  }
  std::cout << "hand-checked: " << labelled << " of " << errors.size() << " errors; real " << real << " = "
            << std::setprecision(0) << (labelled ? 100.0 * real / labelled : 0.0) << "% of those checked\n";
}

// A glossary term of the Chinese source whose accepted English rendering in
// the translation is replaced by one the glossary forbids for it.
bool edit_forbidden(const Glossary& glossary, const Bitext& b, const BitextUnit& unit, PlantEdit& edit) {
  const std::vector<TermMatch> source_terms = longest_matches(find_chinese_terms(glossary, b.source.text, unit.source));
  std::vector<TermMatch> accepted;
  for (const TermMatch& m : find_english_terms(glossary, b.target.text, unit.target))
    if (m.side == TermSide::accepted) accepted.push_back(m);
  for (const TermMatch& m : longest_matches(accepted)) {
    const GlossaryEntryView entry = glossary.entries[m.entry];
    const bool in_source = std::any_of(source_terms.begin(), source_terms.end(), [&](const TermMatch& s) { return s.entry == m.entry; });
    std::size_t at = 0;
    if (!in_source || entry.forbidden.empty() || !plain_in_file(b.target, m.span, at)) continue;
    edit = {at, at + m.span.size(), std::string(entry.forbidden.front()), line_of(b.target, m.span.begin), line_of(b.target, m.span.end)};
    return true;
  }
  return false;
}

}  // namespace

int main(int argc, char** argv) {
  fs::path corpora = fs::path(TRANSCHECK_SOURCE_DIR) / ".." / "shared" / "corpora";
  if (const char* env = std::getenv("TRANSCHECK_CORPORA")) corpora = env;
  fs::path locale_dir = "/usr/share/locale/zh_CN/LC_MESSAGES";
  bool run_pofilter = true;
  bool verbose = false;
  bool run_recall = true;
  std::size_t per_kind = 200;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--corpora" && i + 1 < argc) corpora = argv[++i];
    else if (arg == "--locale-dir" && i + 1 < argc) locale_dir = argv[++i];
    else if (arg == "--no-pofilter") run_pofilter = false;
    else if (arg == "--per-kind" && i + 1 < argc) per_kind = std::stoul(argv[++i]);
    else if (arg == "--verbose") verbose = true;
    else if (arg == "--no-recall") run_recall = false;
  }
  const Labels labels = read_labels(fs::path(TRANSCHECK_SOURCE_DIR) / "bench" / "bitext_labels.tsv");
  const RuleList rules = all_rules();
  const CheckOptions options;
  const fs::path work = fs::temp_directory_path() / ("bitext_bench_" + std::to_string(::getpid()));
  fs::create_directories(work / "po");

  std::vector<Catalog> catalogs;
  if (!have_command("msgunfmt")) {
    std::cout << "bitext_bench: msgunfmt (gettext) not found; no catalogs to measure.\n";
  } else {
    for (const char* name : kCatalogs) {
      const fs::path mo = locale_dir / (std::string(name) + ".mo");
      if (!fs::exists(mo)) {
        std::cout << "bitext_bench: " << mo.string() << " not installed; skipped\n";
        continue;
      }
      const fs::path po = work / "po" / (std::string(name) + ".po");
      if (std::system(("msgunfmt '" + mo.string() + "' -o '" + po.string() + "'").c_str()) != 0) continue;
      catalogs.push_back({name, po.string(), read_file(po)});
    }
  }
  BitextLoadOptions load;

  // Precision and speed.
  if (!catalogs.empty()) {
    std::map<std::string, std::map<Severity, std::size_t>> per_rule;
    std::vector<ErrorFinding> errors;
    std::size_t units = 0;
    const auto start = std::chrono::steady_clock::now();
    const double cpu_start = process_cpu_seconds();
    // As `transcheck check *.po` runs them: each catalog, compared with the
    // ones before it (unit/inconsistent-across-files).
    CheckOptions run_options = options;
    run_options.keep_run_keys = true;
    const RuleRunner runner(rules, run_options);
    RunComparison comparison;
    for (std::size_t job = 0; job < catalogs.size(); ++job) {
      const Catalog& catalog = catalogs[job];
      const Bitext bitext = bitext_from_bytes(catalog.path, catalog.bytes, load);
      units += bitext.units.size();
      JobResult result = runner.check_bitext(bitext.source, bitext.target, bitext.units);
      runner.add_run_findings(result, {&bitext.source, &bitext.target}, comparison.add(job, result));
      for (const Finding& f : result.findings) {
        ++per_rule[f.rule][f.severity];
        if (f.severity == Severity::error) {
          const Position at = f.document->position(f.span.begin);
          errors.push_back({catalog.name, f.rule, f.message, at.line});
        }
      }
    }
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    const double cpu_seconds = process_cpu_seconds() - cpu_start;
    // The same check again in this process: what each further file costs once
    // the word lists and Hunspell are loaded (the first run pays for them).
    const auto warm_start = std::chrono::steady_clock::now();
    for (const Catalog& catalog : catalogs) check_bitext(bitext_from_bytes(catalog.path, catalog.bytes, load), rules, options);
    const double warm_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - warm_start).count();
    std::cout << "\n== precision: " << catalogs.size() << " zh_CN catalogs, " << units << " units\n";
    std::cout << std::left << std::setw(34) << "rule" << std::right << std::setw(8) << "error" << std::setw(9) << "warning"
              << std::setw(7) << "info" << std::setw(12) << "per 1000\n";
    for (const auto& [rule, counts] : per_rule) {
      std::size_t total = 0;
      for (const auto& [severity, n] : counts) total += n;
      // Captured through a reference: clang 14 cannot capture a structured binding.
      auto count = [&by_severity = counts](Severity s) {
        const auto it = by_severity.find(s);
        return it == by_severity.end() ? 0 : it->second;
      };
      std::cout << std::left << std::setw(34) << rule << std::right << std::setw(8) << count(Severity::error)
                << std::setw(9) << count(Severity::warning) << std::setw(7) << count(Severity::info) << std::setw(11)
                << std::fixed << std::setprecision(2) << 1000.0 * total / std::max<std::size_t>(units, 1) << "\n";
    }
    std::cout << "errors: " << std::setprecision(2) << 1000.0 * errors.size() / std::max<std::size_t>(units, 1)
              << " per 1000 units\n";
    report_labels(labels, errors);
    std::cout << "\n== speed\ntranscheck (in process, all rules, first run): " << units << " units in " << std::setprecision(3)
              << seconds << " s = " << std::setprecision(0) << units / seconds << " units/s; CPU " << std::setprecision(3)
              << cpu_seconds << " s = " << std::setprecision(0) << units / cpu_seconds << " units/s\n"
              << "transcheck (second run, word lists loaded): " << std::setprecision(3) << warm_seconds << " s = "
              << std::setprecision(0) << units / warm_seconds << " units/s\n";
    if (!run_pofilter) {
      std::cout << "pofilter: not run (--no-pofilter)\n";
    } else if (!have_command("pofilter")) {
      std::cout << "pofilter (translate-toolkit) not installed; no comparison\n";
    } else {
      const auto t0 = std::chrono::steady_clock::now();
      const double children_cpu_start = children_cpu_seconds();
      const int rc = std::system(("pofilter --progress=none -i '" + (work / "po").string() + "' -o '" + (work / "pofilter").string() +
                                  "' >/dev/null 2>&1").c_str());
      const double pofilter_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
      const double pofilter_cpu = children_cpu_seconds() - children_cpu_start;
      std::cout << "pofilter (all its checks, exit " << rc << "): " << units << " units in " << std::setprecision(3)
                << pofilter_seconds << " s = " << std::setprecision(0) << units / pofilter_seconds << " units/s; CPU "
                << std::setprecision(3) << pofilter_cpu << " s = " << std::setprecision(0) << units / pofilter_cpu << " units/s\n"
                << "transcheck is " << std::setprecision(1) << pofilter_seconds / seconds << "x faster by the clock, "
                << pofilter_cpu / cpu_seconds << "x by CPU time (steadier on a busy machine)\n";
    }
  }

  if (!run_recall) {
    fs::remove_all(work);
    return 0;
  }
  // Recall.
  std::map<std::string, KindScore> scores;
  const std::size_t per_file = std::max<std::size_t>(per_kind / std::max<std::size_t>(catalogs.size(), 1), 5);
  for (const Catalog& catalog : catalogs) {
    plant_and_score(catalog.path, catalog.bytes, load, rules, options, "placeholder/mismatch", per_file,
                    [](const Bitext& b, const BitextUnit& u, PlantEdit& e) { return edit_placeholder(b, u, e, true); },
                    scores["PO: placeholder dropped"], verbose);
    plant_and_score(catalog.path, catalog.bytes, load, rules, options, "placeholder/mismatch", per_file,
                    [](const Bitext& b, const BitextUnit& u, PlantEdit& e) { return edit_placeholder(b, u, e, false); },
                    scores["PO: placeholder changed"], verbose);
    plant_and_score(catalog.path, catalog.bytes, load, rules, options, "alignment/number-mismatch", per_file, edit_number,
                    scores["PO: number changed"], verbose);
    plant_and_score(catalog.path, catalog.bytes, load, rules, options, "unit/empty-target", per_file, edit_empty,
                    scores["PO: empty target"], verbose);
  }
  const fs::path tmx = corpora / "tico19" / "all.en-zh.tmx";
  if (!fs::exists(tmx)) {
    std::cout << "\nbitext_bench: " << tmx.string() << " not found; no TMX recall\n";
  } else {
    const std::string bytes = read_file(tmx);
    plant_and_score(tmx.string(), bytes, load, rules, options, "alignment/number-mismatch", per_kind, edit_number,
                    scores["TMX: number changed"], verbose);
    plant_and_score(tmx.string(), bytes, load, rules, options, "unit/empty-target", per_kind, edit_empty,
                    scores["TMX: empty target"], verbose);
    plant_and_score(tmx.string(), bytes, load, rules, options, "placeholder/inline-tag", per_kind, edit_tag,
                    scores["TMX: tag removed"], verbose);
    // The same memory read the other way (Chinese source, English translation).
    std::string reversed = bytes;
    const std::size_t srclang = reversed.find("srclang=\"en\"");
    if (srclang != std::string::npos) reversed.replace(srclang, 12, "srclang=\"zh\"");
    plant_and_score(tmx.string(), reversed, load, rules, options, "script/han-in-english", per_kind, edit_han,
                    scores["TMX zh->en: Chinese left in English"], verbose);
    const fs::path glossary_path = fs::path(TRANSCHECK_SOURCE_DIR) / "glossaries" / "medical.zh-en.tsv";
    const Glossary glossary = load_glossaries({glossary_path.string()});
    CheckOptions with_glossary = options;
    with_glossary.glossary = &glossary;
    plant_and_score(tmx.string(), reversed, load, rules, with_glossary, "terminology/forbidden-term", per_kind,
                    [&](const Bitext& b, const BitextUnit& u, PlantEdit& e) { return edit_forbidden(glossary, b, u, e); },
                    scores["TMX zh->en: forbidden term"], verbose);
  }
  std::cout << "\n== recall on planted defects (caught at a line of the planted target)\n";
  for (const auto& [kind, score] : scores)
    std::cout << std::left << std::setw(40) << kind << std::right << std::setw(5) << score.caught << "/" << std::setw(4)
              << std::left << score.planted << std::right << std::setw(8) << std::fixed << std::setprecision(1)
              << (score.planted ? 100.0 * score.caught / score.planted : 0.0) << "%\n";
  fs::remove_all(work);
  return 0;
}
