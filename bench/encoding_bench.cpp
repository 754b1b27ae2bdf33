// Benchmark of the encoding rules (issue 2, "Measured by a benchmark"):
//  (a) recall / false alarms of the mojibake rules on the ftfy dev cases,
//  (b) encoding findings on the clean published mac-dev texts (both sides),
//  (c) throughput of the encoding/* and script/* document rules and of all
//      document rules, English and Chinese apart, beside a plain UTF-8
//      validation loop timed over the same bytes.
// Usage: encoding_bench [--corpora DIR] [--throughput-file PATH] [--megabytes N] [--show]
//                       [--profile en|zh [--rounds N] [--only RULE] [--window-events N] [--bytes-per-event N]]
// (--show prints every finding on the ftfy cases; --profile checks one language's text of (c) once with
// the encoding/* and script/* rules and nothing else, for callgrind or perf: the check is
// tc::check_document, its text built before it; --window-events and --bytes-per-event set its
// EventWindowing, core/rule.h)
// DIR defaults to ../shared/corpora beside the source tree; a missing corpus is reported as
// "corpus absent", not as a failure.
#include <nlohmann/json.hpp>
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <ctime>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "formats/load.h"
#include "formats/plain_text.h"
#include "core/document.h"
#include "core/language.h"
#include "engine/check.h"
#include "report/location.h"
#include "rules/registry.h"
#include "text/class_scan.h"
#include "corpus_texts.h"

namespace fs = std::filesystem;
using namespace tc;

namespace {

using bench::plain_utf8_valid;
using bench::read_file;

bool is_encoding_rule(std::string_view id) { return id.rfind("encoding/", 0) == 0; }
bool flags_mojibake(std::string_view id) { return is_encoding_rule(id) && id.find("mojibake") != std::string_view::npos; }

// No limit on findings per rule: the text repeated to 20 MB would reach it,
// and the throughput is of the rules making all their findings.
CheckOptions unlimited() {
  CheckOptions options;
  options.max_findings_per_rule = 0;
  return options;
}

CheckOptions options_for(std::vector<std::string> families) {
  CheckOptions options = unlimited();
  options.selection.select = std::move(families);
  return options;
}

void ftfy_detection(const fs::path& corpora, const RuleList& rules, bool show) {
  const fs::path path = corpora / "ftfy-cases" / "dev.jsonl";
  std::cout << "== (a) mojibake detection on " << path.string() << "\n";
  if (!fs::exists(path)) {
    std::cout << "corpus absent\n";
    return;
  }
  const CheckOptions options = options_for({"encoding"});
  std::ifstream in(path);
  std::string line;
  int positives = 0, detected = 0, negatives = 0, false_alarms = 0;
  std::vector<std::string> misses, alarms;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    const nlohmann::json record = nlohmann::json::parse(line, nullptr, false);
    if (record.is_discarded()) continue;
    const std::string id = record.value("id", "?");
    const bool changed = record.value("encoding_changed", false);
    const Document doc = make_document("ftfy:" + id, record.value("original", ""), Lang::en, plain_text_reader());
    bool fired = false;
    for (const Finding& f : check_document(doc, rules, options)) {
      fired = fired || flags_mojibake(f.rule);
      if (show)
        std::cout << "  " << id << (changed ? " (mojibake) " : " (clean) ") << f.message << " [" << f.rule << "]\n";
    }
    if (changed) {
      ++positives;
      if (fired) ++detected; else misses.push_back(id);
    } else {
      ++negatives;
      if (fired) { ++false_alarms; alarms.push_back(id); }
    }
  }
  std::printf("recall: %d/%d = %.1f%% (cases with encoding_changed=true)\n", detected, positives,
              positives ? 100.0 * detected / positives : 0.0);
  std::cout << "misses:";
  for (const auto& id : misses) std::cout << ' ' << id;
  std::cout << "\n";
  std::printf("false alarms: %d/%d (cases with encoding_changed=false)\n", false_alarms, negatives);
  std::cout << "false alarm cases:";
  for (const auto& id : alarms) std::cout << ' ' << id;
  std::cout << "\n";
}

void mac_dev_false_alarms(const fs::path& corpora, const RuleList& rules) {
  const fs::path root = corpora / "mac-dev";
  std::cout << "== (b) encoding findings on clean published text " << root.string() << "\n";
  if (!fs::exists(root)) {
    std::cout << "corpus absent\n";
    return;
  }
  const CheckOptions options = options_for({"encoding"});
  int files = 0, findings = 0;
  std::size_t bytes = 0;
  for (const auto& [side, lang] : {std::pair{"zh", Lang::zh}, std::pair{"en", Lang::en}}) {
    std::vector<fs::path> paths;
    for (const auto& entry : fs::directory_iterator(root / side))
      if (entry.is_regular_file() && !entry.path().has_extension()) paths.push_back(entry.path());
    std::sort(paths.begin(), paths.end());
    for (const auto& path : paths) {
      const Document doc = make_document(path.string(), read_file(path), lang, plain_text_reader());
      ++files;
      bytes += doc.text.size();
      for (const Finding& f : check_document(doc, rules, options)) {
        if (!is_encoding_rule(f.rule)) continue;
        ++findings;
        const Position at = doc.position(f.span.begin);
        std::cout << "  false alarm: " << path.string() << ':' << at.line << ':' << at.column << ": " << f.message
                  << " [" << f.rule << "]\n";
      }
    }
  }
  std::printf("files: %d (%.1f KB), encoding findings (false alarms): %d (target 0)\n", files, bytes / 1024.0,
              findings);
}

// Varied paragraphs of one language, with the typographic characters real
// text has, repeated to the requested size.
std::string synthetic_text(Lang lang, std::size_t megabytes) {
  static const char* const kEnglish[] = {
      "Hypertension affects about one in four adults. Patients should measure their blood pressure at home, "
      "twice a day, and keep a record for their doctor — especially after changing medication.\n\n",
      "The study enrolled 1,204 participants (aged 40–75); the median follow-up was 3.2 years. “We saw a 12% "
      "reduction in events,” said the lead author. Doses of 5 µg/kg were given at 37 °C ± 0.5.\n\n",
      "Zhōngguó’s café culture is growing; naïve readers may not know that COVID-19, CD8+ T cells, IL-6 and p53 "
      "are terms used in mRNA research. © 2024 The Authors.\n\n",
      "Exercise during chemotherapy can reduce fatigue and improve sleep. Patients who don’t feel strong can "
      "start with a 10-minute walk… and build up slowly, with their care team’s guidance.\n\n",
  };
  static const char* const kChinese[] = {
      "高血压是常见的慢性病，约四分之一的成年人受其影响。患者应在家中每天测量两次血压，并记录下来，"
      "在更换药物后尤其要注意。\n\n",
      "研究共纳入1204名参与者（年龄40至75岁），中位随访时间为3.2年。第一作者说：“我们观察到事件减少了12%。”"
      "烫伤后应立即用冷水冲洗伤口，不要涂抹牙膏。\n\n",
      "糖尿病患者需要控制饮食，多吃蔬菜，少吃甜食。医生建议每周至少运动150分钟，例如快走、游泳或骑自行车。"
      "如果出现头晕、乏力等症状，应及时就医。\n\n",
      "化疗期间适度运动可以减轻疲劳、改善睡眠。体力较弱的患者可以从每天散步十分钟开始，"
      "在医护人员指导下循序渐进——切勿勉强。\n\n",
  };
  const auto& paragraphs = lang == Lang::zh ? kChinese : kEnglish;
  const std::size_t target = megabytes * 1024 * 1024;
  std::string text;
  text.reserve(target + 4096);
  for (std::size_t i = 0; text.size() < target; ++i) {
    text += paragraphs[i % std::size(paragraphs)];
    // Vary the paragraphs a little so nothing is perfectly periodic.
    if (i % 7 == 3) text += (lang == Lang::zh ? "第" + std::to_string(i) + "节。\n\n" : "Section " + std::to_string(i) + ".\n\n");
  }
  return text;
}

struct Timing {
  double megabytes = 0;
  double seconds = 0;
  std::size_t findings = 0;
  long minor_faults = 0;  // minor page faults during the check
};

// CPU time of the process: steady on a machine where other jobs share the
// cores, and the per-core figure the target is about (a long document's
// rules run on threads of their own, but one at a time: engine/check.cpp).
double cpu_seconds() {
  timespec now{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
  return static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) / 1e9;
}

// Minor page faults of the process so far: a page written for the first
// time costs one (some microseconds on a VM), and the first check of a
// process, the one a user gets, pays for every page it touches first.
long minor_faults() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_minflt;
}

Timing time_check(const Document& doc, const RuleList& rules, const CheckOptions& options) {
  const long faults_before = minor_faults();
  const double start = cpu_seconds();
  const std::vector<Finding> findings = check_document(doc, rules, options);
  Timing t;
  t.seconds = cpu_seconds() - start;
  t.minor_faults = minor_faults() - faults_before;
  t.megabytes = doc.text.size() / (1024.0 * 1024.0);
  t.findings = findings.size();
  return t;
}

// The reference loop's rate over text (bench::plain_utf8_valid), timed for at least 0.2 s.
double reference_megabytes_per_second(const std::string& text) {
  const double start = cpu_seconds();
  int rounds = 0;
  bool valid = true;
  do {
    valid = plain_utf8_valid(text) && valid;
    ++rounds;
  } while (cpu_seconds() - start < 0.2);
  const double seconds = cpu_seconds() - start;
  if (!valid) std::cout << "  (reference: the text is not valid UTF-8)\n";
  return rounds * (text.size() / (1024.0 * 1024.0)) / seconds;
}

std::string corpus_text(const fs::path& corpora, Lang lang, std::size_t megabytes) {
  return bench::corpus_text(corpora, lang == Lang::zh ? "zh" : "en", megabytes);
}

void throughput(const fs::path& corpora, const RuleList& rules, const std::string& path, std::size_t megabytes) {
  std::cout << "== (c) throughput of the encoding/* and script/* document rules, and of all document rules\n";
  // The rules a user gets by default: off-by-default rules (latin-in-chinese)
  // are timed separately below.
  CheckOptions options = options_for({"encoding", "script"});
  for (const auto& rule : rules)
    if (!rule->info().enabled_by_default) options.selection.disable(std::string(rule->info().id));
  const CheckOptions all_families = unlimited();
  const CheckOptions mojibake_only = options_for({"encoding/mojibake", "encoding/mojibake-cjk"});
  std::cout << "rules:";
  for (const auto& rule : rules) {
    const RuleInfo& info = rule->info();
    if (info.scope == RuleScope::document && options.selection.is_enabled(info)) std::cout << ' ' << info.id;
  }
  std::cout << "\n";
  std::vector<Document> docs;
  if (!path.empty()) {
    std::string text = read_file(path);
    const Lang lang = dominant_language(std::string_view(text).substr(0, 1 << 20));
    std::cout << "input: " << path << " (checked as --lang " << to_string(lang == Lang::unknown ? Lang::en : lang)
              << ")\n";
    docs.push_back(make_document(path, std::move(text), lang == Lang::unknown ? Lang::en : lang, plain_text_reader()));
  } else {
    std::string en = corpus_text(corpora, Lang::en, megabytes / 2);
    std::string zh = corpus_text(corpora, Lang::zh, megabytes / 2);
    if (!en.empty() && !zh.empty()) {
      std::cout << "input: the published mac-dev and vis-dev texts of " << corpora.string()
                << ", each language repeated to " << megabytes / 2 << " MB\n";
    } else {
      std::cout << "input: corpus absent (" << corpora.string()
                << "); synthetic text built in memory by repeating varied paragraphs, " << megabytes / 2
                << " MB a language\n";
      en = synthetic_text(Lang::en, megabytes / 2);
      zh = synthetic_text(Lang::zh, megabytes / 2);
    }
    docs.push_back(make_document("en", std::move(en), Lang::en, plain_text_reader()));
    docs.push_back(make_document("zh", std::move(zh), Lang::zh, plain_text_reader()));
  }
  std::cout << "shared scan instruction set: " << text::scan_instruction_set() << "\n";
  std::cout << "MB/s per core (CPU time); in brackets the ratio to the plain C++ UTF-8 validation loop over the same bytes\n";
  std::printf("  %-8s %12s %22s %22s %22s\n", "text", "reference", "encoding + script", "mojibake rules alone",
              "all document rules");
  for (const Document& doc : docs) {
    const double reference = reference_megabytes_per_second(doc.text);
    std::printf("  %-8s %12.1f", doc.path.c_str(), reference);
    std::size_t findings[3] = {};
    int column = 0;
    for (const CheckOptions* selected : std::initializer_list<const CheckOptions*>{&options, &mojibake_only, &all_families}) {
      const Timing t = time_check(doc, rules, *selected);
      const double rate = t.megabytes / t.seconds;
      std::printf(" %12.1f (x%5.2f)", rate, rate / reference);
      findings[column++] = t.findings;
    }
    std::printf("\n           findings: %zu / %zu / %zu\n", findings[0], findings[1], findings[2]);
  }
  std::cout << "per rule (MB/s on each document):\n";
  for (const auto& rule : rules) {
    const RuleInfo& info = rule->info();
    if (info.scope != RuleScope::document || (!is_encoding_rule(info.id) && info.id.rfind("script/", 0) != 0)) continue;
    const CheckOptions one = options_for({std::string(info.id)});
    std::printf("  %-38s", std::string(info.id).c_str());
    for (const Document& doc : docs) {
      const Timing t = time_check(doc, rules, one);
      std::printf(" %9.1f", t.megabytes / t.seconds);
    }
    std::printf("%s\n", info.enabled_by_default ? "" : "  (off by default)");
  }
}

// One check of one language's text with the rules of (c)'s first column
// (rounds of them, the fastest reported beside the reference loop's rate),
// or with one rule's family (only: "encoding/invalid-utf8" is the shared
// scan and little else).
void profile(const fs::path& corpora, const RuleList& rules, Lang lang, std::size_t megabytes, int rounds,
             const std::string& only, const EventWindowing& windowing) {
  CheckOptions options = only.empty() ? options_for({"encoding", "script"}) : options_for({only});
  options.event_windowing = windowing;
  for (const auto& rule : rules)
    if (!rule->info().enabled_by_default) options.selection.disable(std::string(rule->info().id));
  std::string text = corpus_text(corpora, lang, megabytes / 2);
  if (text.empty()) text = synthetic_text(lang, megabytes / 2);
  const Document doc = make_document(std::string(to_string(lang)), std::move(text), lang, plain_text_reader());
  double best = 0;
  Timing t;
  for (int round = 0; round < rounds; ++round) {
    t = time_check(doc, rules, options);
    const double rate = t.megabytes / t.seconds;
    best = std::max(best, rate);
    // The first round is what one run of transcheck gets: its pages are fresh.
    std::printf("round %d%s: %.1f MB/s, %ld minor faults\n", round, round == 0 ? " (one pass)" : "", rate,
                t.minor_faults);
  }
  const double reference = rounds > 1 ? reference_megabytes_per_second(doc.text) : 0;
  std::printf("%s: %.1f MB, best of %d: %.1f MB/s (reference %.1f, x%.2f), %zu findings\n", doc.path.c_str(),
              t.megabytes, rounds, best, reference, reference > 0 ? best / reference : 0.0, t.findings);
}

}  // namespace

int main(int argc, char** argv) {
  fs::path corpora = fs::path(TRANSCHECK_SOURCE_DIR) / ".." / "shared" / "corpora";
  std::string throughput_file;
  std::size_t megabytes = 40;
  bool show = false;
  std::string profiled, only;
  int rounds = 1;
  EventWindowing windowing;  // --profile: the engine's unless --window-events / --bytes-per-event say otherwise
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--corpora" && i + 1 < argc) corpora = argv[++i];
    else if (arg == "--throughput-file" && i + 1 < argc) throughput_file = argv[++i];
    else if (arg == "--megabytes" && i + 1 < argc) megabytes = std::stoul(argv[++i]);
    else if (arg == "--show") show = true;
    else if (arg == "--profile" && i + 1 < argc) profiled = argv[++i];
    else if (arg == "--rounds" && i + 1 < argc) rounds = std::stoi(argv[++i]);
    else if (arg == "--only" && i + 1 < argc) only = argv[++i];
    else if (arg == "--window-events" && i + 1 < argc) windowing.window_events = std::stoul(argv[++i]);
    else if (arg == "--bytes-per-event" && i + 1 < argc) windowing.bytes_per_event = std::stoul(argv[++i]);
    else if (arg.rfind("--", 0) != 0) throughput_file = arg;
    else {
      std::cerr << "usage: encoding_bench [--corpora DIR] [--throughput-file PATH] [--megabytes N] [--show] [--profile en|zh [--rounds N] [--only RULE] [--window-events N] [--bytes-per-event N]]\n";
      return 2;
    }
  }
  const RuleList rules = all_rules();
  if (!profiled.empty()) {
    profile(corpora, rules, profiled == "zh" ? Lang::zh : Lang::en, megabytes, rounds, only, windowing);
    return 0;
  }
  ftfy_detection(corpora, rules, show);
  mac_dev_false_alarms(corpora, rules);
  throughput(corpora, rules, throughput_file, megabytes);
  return 0;
}
