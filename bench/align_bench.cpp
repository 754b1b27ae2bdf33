// Alignment benchmark: quality on MAC-Dev (strict and lax P/R/F1, Sennrich &
// Volk as in Vecalign's score.py) and TICO-19 (share of segments aligned
// correctly), and speed (MAC-Dev total with lexicon load; a synthetic
// 20,000 x 26,000-sentence pair with peak RSS); and MAC-Dev with passages
// left out of the translation or added to it (gaps), and with typographic
// quotes in the English.
// Reads ../shared/corpora beside the source tree (or $TRANSCHECK_CORPORA); says so when absent.
//   align_bench [--corpora DIR] [--skip-synthetic] [--skip-tico] [--verbose] [--loo] [--loo-endings] [--loo-speakers] [--loo-connectives] [--weights k=v,...]
// --loo adds the leave-one-chapter-out evaluation (27 weight sets on the six chapters, about 20 s);
// --loo-endings the same with the endings' weights as a fourth knob (81 sets);
// --loo-speakers the same with the leads' weight (speakers) as a fourth knob, x {0, 0.5, 1, 2} (108 sets);
// --loo-connectives the same with the connectives' weight as a fourth knob, x {0, 0.5, 1, 2} (108 sets);
// ALIGN_BENCH_ERRORS=1 lists the gold beads missed with what the aligner made of them, and
// the TICO-19 beads whose sides cover different segments.
#include <sys/resource.h>

#include <pugixml.hpp>

#include <algorithm>
#include <array>
#include <cctype>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "align/align.h"
#include "align/lexicon.h"
#include "formats/load.h"
#include "segment/segment.h"

namespace fs = std::filesystem;
using namespace tc;

namespace {

using Ids = std::vector<std::size_t>;
using BeadPair = std::pair<Ids, Ids>;

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

std::string read_all(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

Ids parse_ids(const std::string& text) {
  Ids ids;
  std::stringstream in(text);
  std::string item;
  while (std::getline(in, item, ','))
    if (!item.empty()) ids.push_back(std::stoul(item));
  return ids;
}

std::vector<BeadPair> read_gold(const fs::path& path) {
  std::vector<BeadPair> beads;
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line)) {
    const auto colon = line.find("]:[");
    if (colon == std::string::npos) continue;
    beads.emplace_back(parse_ids(line.substr(1, colon - 1)), parse_ids(line.substr(colon + 3, line.rfind(']') - colon - 3)));
  }
  return beads;
}

// tpstrict, fpstrict, tplax, fplax as in Vecalign's score.py (_precision).
std::array<long, 4> precision_counts(const std::vector<BeadPair>& gold_list, const std::vector<BeadPair>& test_list) {
  std::set<BeadPair> gold, test;
  for (const auto& b : gold_list)
    if (!b.first.empty() || !b.second.empty()) gold.insert(b);
  for (const auto& b : test_list)
    if (!b.first.empty() || !b.second.empty()) test.insert(b);
  std::map<std::size_t, std::set<std::size_t>> source_to_gold_targets;
  for (const auto& [s, t] : gold)
    for (auto si : s)
      for (auto ti : t) source_to_gold_targets[si].insert(ti);
  std::array<long, 4> counts{};
  for (const auto& bead : test) {
    if (gold.count(bead)) {
      ++counts[0], ++counts[2];
      continue;
    }
    std::set<std::size_t> targets;
    for (auto si : bead.first)
      for (auto ti : source_to_gold_targets[si]) targets.insert(ti);
    const bool overlap = std::any_of(bead.second.begin(), bead.second.end(), [&](auto t) { return targets.count(t); });
    ++counts[1];
    ++counts[overlap ? 2 : 3];
  }
  return counts;
}

// The pieces (gold sentences, corpus lines, memory segments; `starts`: the
// byte where each begins, ascending) that `span` overlaps, appended to `out`
// in order, those already at its end not again.
void append_overlapped(const std::vector<std::size_t>& starts, Span span, Ids& out) {
  const auto first = std::upper_bound(starts.begin(), starts.end(), span.begin) - starts.begin() - 1;
  for (auto k = static_cast<std::size_t>(std::max<std::ptrdiff_t>(0, first)); k < starts.size() && starts[k] < span.end; ++k)
    if (out.empty() || out.back() < k) out.push_back(k);
}

std::vector<BeadPair> to_pairs(const Alignment& alignment) {
  std::vector<BeadPair> out;
  for (const auto& bead : alignment.beads) out.emplace_back(bead.source.indices(), bead.target.indices());
  return out;
}

Document load_text(const std::string& path, std::string text, const char* lang) {
  LoadOptions options;
  options.language = parse_language(lang);
  return document_from_bytes(path, std::move(text), options);
}

// CPU seconds of this process (user + system): meaningful when the machine is shared.
double cpu_seconds() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
         static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

long peak_rss_mb() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss / 1024;
}

void apply_weights(AlignWeights& w, const std::string& spec) {
  std::stringstream in(spec);
  std::string item;
  while (std::getline(in, item, ',')) {
    const auto eq = item.find('=');
    if (eq == std::string::npos) continue;
    const std::string key = item.substr(0, eq);
    const double value = std::stod(item.substr(eq + 1));
    if (key == "lexical") w.lexical = value;
    else if (key == "length") w.length = value;
    else if (key == "sigma") w.length_sigma = value;
    else if (key == "fit_length") w.fit_length = value;
    else if (key == "fit_low") w.fit_low = value;
    else if (key == "fit_high") w.fit_high = value;
    else if (key == "skip") w.skip = value;
    else if (key == "skip_extend") w.skip_extend = value;
    else if (key == "merge2") w.merge2 = value;
    else if (key == "merge3") w.merge3 = value;
    else if (key == "merge4") w.merge4 = value;
    else if (key == "merge22") w.merge22 = value;
    else if (key == "narration") w.narration = value;
    else if (key == "free_orphan") w.free_orphan = value;
    else if (key == "quotes") w.quotes = value;
    else if (key == "quote_presence") w.quote_presence = value;
    else if (key == "merge5") w.merge_beyond4 = value;
    else if (key == "merge23") w.merge23 = value;
    else if (key == "paragraph") w.paragraph = value;
    else if (key == "dice") w.learn_dice = value;
    else if (key == "chance") w.chance = value;
    else if (key == "leak") w.leak = value;
    else if (key == "balance") w.balance = value;
    else if (key == "endings") w.endings = value;
    else if (key == "closing") w.closing = value;
    else if (key == "speakers") w.speakers = value;
    else if (key == "orphan") w.orphan = value;
    else if (key == "connectives") w.connectives = value;
    else if (key == "quote_turns") w.quote_turns = value != 0;
    else if (key == "sub") w.sub_glosses = value != 0;
    else if (key == "orphan_tokens") w.orphan_tokens = static_cast<int>(value);
    else if (key == "split") w.split_unrelated = static_cast<int>(value);
    else if (key == "normalise") w.normalise = value;
    else if (key == "count") w.learn_count = static_cast<int>(value);
    else if (key == "trusted") w.learn_trusted = static_cast<int>(value);
    else std::cerr << "unknown weight " << key << "\n";
  }
}

std::string shape_of(const BeadPair& bead) { return std::to_string(bead.first.size()) + "-" + std::to_string(bead.second.size()); }

// Diagnostic: per bead shape, how many gold beads were found exactly (recall)
// and how many output beads are in the gold (precision).
struct ShapeCounts {
  std::map<std::string, std::array<long, 4>> counts;  // gold, gold found, test, test correct
  void add(const std::vector<BeadPair>& gold, const std::vector<BeadPair>& test) {
    const std::set<BeadPair> gold_set(gold.begin(), gold.end()), test_set(test.begin(), test.end());
    for (const auto& b : gold) ++counts[shape_of(b)][0], counts[shape_of(b)][1] += test_set.count(b) ? 1 : 0;
    for (const auto& b : test) ++counts[shape_of(b)][2], counts[shape_of(b)][3] += gold_set.count(b) ? 1 : 0;
  }
  void print() const {
    std::printf("  shape   gold found  recall |  test right precision\n");
    auto all = counts;
    for (const char* shape : {"1-1", "1-2", "2-1", "2-2", "1-0", "0-1"}) all[shape];  // always listed
    for (const auto& [shape, c] : all)
      std::printf("  %-5s %6ld %5ld  %6.3f | %5ld %5ld  %6.3f\n", shape.c_str(), c[0], c[1], c[0] ? double(c[1]) / double(c[0]) : 0.0,
                  c[2], c[3], c[2] ? double(c[3]) / double(c[2]) : 0.0);
  }
};

std::string ids_text(const Ids& ids) {
  std::string out = "[";
  for (std::size_t k = 0; k < ids.size(); ++k) out += (k ? "," : "") + std::to_string(ids[k]);
  return out + "]";
}

struct Chapter {
  std::string name;
  Document zh, en;
  std::vector<BeadPair> gold;
};

std::vector<Chapter> load_mac_dev(const fs::path& dir) {
  std::vector<Chapter> chapters;
  for (int doc = 1; doc <= 6; ++doc) {
    char name[8];
    std::snprintf(name, sizeof name, "%03d", doc);
    const fs::path zh_path = dir / "zh" / name, en_path = dir / "en" / name, gold_path = dir / "gold" / (std::string(name) + ".align");
    if (!fs::exists(zh_path)) continue;
    chapters.push_back({name, load_text(zh_path.string(), read_all(zh_path), "zh"), load_text(en_path.string(), read_all(en_path), "en"),
                        read_gold(gold_path)});
  }
  return chapters;
}

// Strict and lax precision (p) and recall (r) counts of one aligned chapter, as in Vecalign's score.py.
struct Counts {
  std::array<long, 4> p{}, r{};
  void add(const Counts& other) {
    for (int k = 0; k < 4; ++k) p[k] += other.p[k], r[k] += other.r[k];
  }
  static double ratio(long a, long b) { return a + b == 0 ? 0.0 : static_cast<double>(a) / static_cast<double>(a + b); }
  static double f1(double a, double b) { return a + b == 0 ? 0.0 : 2 * a * b / (a + b); }
  double strict_f1() const { return f1(ratio(p[0], p[1]), ratio(r[0], r[1])); }
};

Counts score_chapter(const std::vector<BeadPair>& gold, const std::vector<BeadPair>& test) {
  Counts c;
  c.p = precision_counts(gold, test);
  std::vector<BeadPair> test_no_null, gold_no_null;
  for (const auto& b : test)
    if (!b.first.empty() && !b.second.empty()) test_no_null.push_back(b);
  for (const auto& b : gold)
    if (!b.first.empty() && !b.second.empty()) gold_no_null.push_back(b);
  c.r = precision_counts(test_no_null, gold_no_null);
  return c;
}

std::vector<BeadPair> align_chapter(const Chapter& chapter, const AlignOptions& options) {
  return to_pairs(align_documents(chapter.zh, chapter.en, options));
}

void print_missed(const Chapter& chapter, const std::vector<BeadPair>& test) {
  const std::set<BeadPair> test_set(test.begin(), test.end());
  for (const auto& g : chapter.gold) {
    if (test_set.count(g)) continue;
    std::string made;
    for (const auto& t : test) {
      const bool shares = std::any_of(t.first.begin(), t.first.end(), [&](auto i) { return std::count(g.first.begin(), g.first.end(), i); }) ||
                          std::any_of(t.second.begin(), t.second.end(), [&](auto j) { return std::count(g.second.begin(), g.second.end(), j); });
      if (shares) made += " " + ids_text(t.first) + ":" + ids_text(t.second);
    }
    std::printf("  %s gold %s:%s test%s\n", chapter.name.c_str(), ids_text(g.first).c_str(), ids_text(g.second).c_str(), made.c_str());
  }
}

// Leave one chapter out: for each chapter, the weights of a small grid around
// the defaults that score best (pooled strict F1) on the other five are
// scored on it. The gap between this and the in-sample figure is how much the
// tuning fits MAC-Dev rather than translation in general.
// endings: the endings' weights (endings and closing, together) are a fourth
// knob, x {0, 1, 1.5}.
// speakers: the leads' weight is a fourth knob, x {0, 0.5, 1, 2}.
// connectives: the connectives' weight likewise, x {0, 0.5, 1, 2}.
void leave_one_out(const std::vector<Chapter>& chapters, const AlignOptions& base, bool endings, bool speakers, bool connectives) {
  struct Knob {
    const char* name;
    double AlignWeights::*field;
    std::array<double, 3> factors;
  };
  const std::array<Knob, 3> knobs = {{{"lexical", &AlignWeights::lexical, {0.75, 1.0, 1.25}},
                                      {"length", &AlignWeights::length, {0.67, 1.0, 1.5}},
                                      {"skip", &AlignWeights::skip, {0.8, 1.0, 1.2}}}};
  const std::vector<double> ending_factors = endings ? std::vector<double>{0.0, 1.0, 1.5} : std::vector<double>{1.0};
  const std::vector<double> speaker_factors = speakers ? std::vector<double>{0.0, 0.5, 1.0, 2.0} : std::vector<double>{1.0};
  const std::vector<double> connective_factors = connectives ? std::vector<double>{0.0, 0.5, 1.0, 2.0} : std::vector<double>{1.0};
  std::vector<AlignWeights> grid;
  std::size_t defaults = 0;  // every factor 1.0
  for (double a : knobs[0].factors)
    for (double b : knobs[1].factors)
      for (double c : knobs[2].factors)
        for (double d : ending_factors)
          for (double e : speaker_factors)
            for (double f : connective_factors) {
              AlignWeights w = base.weights;
              w.*knobs[0].field *= a, w.*knobs[1].field *= b, w.*knobs[2].field *= c;
              w.endings *= d, w.closing *= d;
              w.speakers *= e;
              w.connectives *= f;
              if (a == 1.0 && b == 1.0 && c == 1.0 && d == 1.0 && e == 1.0 && f == 1.0) defaults = grid.size();
              grid.push_back(w);
            }
  // counts[g][c]: weights g on chapter c.
  std::vector<std::vector<Counts>> counts(grid.size());
  for (std::size_t g = 0; g < grid.size(); ++g) {
    AlignOptions options = base;
    options.weights = grid[g];
    for (const auto& chapter : chapters) counts[g].push_back(score_chapter(chapter.gold, align_chapter(chapter, options)));
  }
  double sum_held_out = 0, sum_in_sample = 0;
  Counts pooled_held_out;
  std::printf("MAC-Dev leave-one-chapter-out (grid of %zu weight sets: lexical, length, skip x {0.75..1.5}%s%s%s of the defaults):\n",
              grid.size(), endings ? ", endings and closing x {0, 1, 1.5}" : "", speakers ? ", speakers x {0, 0.5, 1, 2}" : "",
              connectives ? ", connectives x {0, 0.5, 1, 2}" : "");
  for (std::size_t c = 0; c < chapters.size(); ++c) {
    std::size_t best = defaults;
    double best_f1 = -1;
    for (std::size_t g = 0; g < grid.size(); ++g) {
      Counts rest;
      for (std::size_t k = 0; k < chapters.size(); ++k)
        if (k != c) rest.add(counts[g][k]);
      if (rest.strict_f1() > best_f1 + 1e-9) best_f1 = rest.strict_f1(), best = g;
    }
    const double held_out = counts[best][c].strict_f1(), in_sample = counts[defaults][c].strict_f1();
    sum_held_out += held_out, sum_in_sample += in_sample;
    pooled_held_out.add(counts[best][c]);
    std::printf("  held out %s: strict F1 %.3f with weights tuned on the rest (lexical %.2f length %.2f skip %.2f endings %.2f closing %.2f speakers %.2f connectives %.2f); defaults %.3f\n",
                chapters[c].name.c_str(), held_out, grid[best].lexical, grid[best].length, grid[best].skip, grid[best].endings,
                grid[best].closing, grid[best].speakers, grid[best].connectives, in_sample);
  }
  const double n = static_cast<double>(std::max<std::size_t>(1, chapters.size()));
  std::printf("MAC-Dev LOO strict F1: mean %.3f (pooled %.3f); defaults, mean per chapter %.3f\n", sum_held_out / n,
              pooled_held_out.strict_f1(), sum_in_sample / n);
}

// The lines of a segmented text (one sentence a line).
std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::stringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

// A copy of a chapter whose translation leaves out passages (drop_target) or
// adds them (drop_source: the source lacks them): `blocks` runs of `least`
// to `most` gold beads, picked by a fixed-seed generator, keep one side
// only, and the gold lists each of their sentences as a bead without counterpart.
Chapter with_passages_dropped(const Chapter& chapter, bool drop_target, std::uint32_t seed, int blocks, std::size_t least, std::size_t most) {
  const std::vector<std::string> zh = lines_of(chapter.zh.text), en = lines_of(chapter.en.text);
  std::minstd_rand random(seed);
  std::set<std::size_t> dropped;
  const std::size_t beads = chapter.gold.size();
  for (int k = 0; k < blocks && beads > 20; ++k) {
    const std::size_t size = least + random() % (most - least + 1), start = 5 + random() % (beads - size - 10);
    for (std::size_t b = start; b < start + size; ++b) dropped.insert(b);
  }
  std::string zh_text, en_text;
  std::size_t zh_count = 0, en_count = 0;
  std::vector<BeadPair> gold;
  for (std::size_t b = 0; b < beads; ++b) {
    const auto& [zh_ids, en_ids] = chapter.gold[b];
    const bool alone = dropped.count(b) > 0;
    BeadPair kept;
    for (const std::size_t i : zh_ids) {
      if (alone && !drop_target) continue;
      zh_text += zh.at(i) + "\n";
      if (alone) gold.push_back({{zh_count}, {}});
      else kept.first.push_back(zh_count);
      ++zh_count;
    }
    for (const std::size_t j : en_ids) {
      if (alone && drop_target) continue;
      en_text += en.at(j) + "\n";
      if (alone) gold.push_back({{}, {en_count}});
      else kept.second.push_back(en_count);
      ++en_count;
    }
    if (!alone) gold.push_back(std::move(kept));
  }
  return {chapter.name, load_text(chapter.name + ".zh", std::move(zh_text), "zh"), load_text(chapter.name + ".en", std::move(en_text), "en"),
          std::move(gold)};
}

// The English text set in typographic quotes, as most published English
// is (MAC-Dev's is ASCII): an ASCII ' between letters becomes ’, one
// opening a quotation (after a space, dash or bracket, before a non-space)
// ‘, any other ’.
std::string with_typographic_quotes(const std::string& text) {
  std::string out;
  for (std::size_t k = 0; k < text.size(); ++k) {
    if (text[k] != '\'') {
      out += text[k];
      continue;
    }
    const char before = k > 0 ? text[k - 1] : ' ', after = k + 1 < text.size() ? text[k + 1] : ' ';
    const bool letter_before = std::isalpha(static_cast<unsigned char>(before)) != 0;
    const bool letter_after = std::isalpha(static_cast<unsigned char>(after)) != 0;
    // (A dash before: the last byte of an em dash, 0x94.)
    const bool opens = !(letter_before && letter_after) && (before == ' ' || before == '\n' || before == '(' || before == '-' ||
                                                            before == '\x94') && after != ' ' && after != '\n';
    out += opens ? "\u2018" : "\u2019";
  }
  return out;
}

// Strict F1 over MAC-Dev with its English in typographic quotes and apostrophes.
void typographic(const std::vector<Chapter>& chapters, const AlignOptions& options) {
  Counts total;
  std::string per_chapter;
  for (const auto& chapter : chapters) {
    const Chapter changed{chapter.name, chapter.zh, load_text(chapter.name + ".en", with_typographic_quotes(chapter.en.text), "en"), chapter.gold};
    const Counts c = score_chapter(changed.gold, align_chapter(changed, options));
    total.add(c);
    char line[16];
    std::snprintf(line, sizeof line, " %.3f", c.strict_f1());
    per_chapter += line;
  }
  std::printf("MAC-Dev with typographic quotes and apostrophes in the English (\u2018 \u2019): strict F1 %.3f; per chapter%s\n",
              total.strict_f1(), per_chapter.c_str());
}

// MAC-Dev as a user's files give it: each chapter one paragraph a side (the
// Chinese sentences run together, the English ones joined by a space), split
// by transcheck's own segmenter, not by the corpus's lines. Output beads are
// read in gold sentences (the lines each bead's sentences overlap; beads
// sharing a line are one), so a sentence end the segmenter missed or added
// costs what it costs the alignment. Also: how many of the corpus's
// sentence ends the segmenter finds (recall) and how many of its own are
// there (precision).
void through_the_segmenter(const std::vector<Chapter>& chapters, const AlignOptions& base) {
  AlignOptions options = base;
  options.segmented = false;
  Counts total;
  std::string per_chapter;
  std::array<long, 2> found{}, ends{}, made{};  // zh, en
  for (const auto& chapter : chapters) {
    std::array<std::vector<std::size_t>, 2> starts;  // byte where each corpus line starts in the joined text
    std::array<std::string, 2> joined;
    for (int side = 0; side < 2; ++side)
      for (const std::string& line : lines_of(side == 0 ? chapter.zh.text : chapter.en.text)) {
        if (side == 1 && !joined[side].empty()) joined[side] += ' ';
        starts[side].push_back(joined[side].size());
        joined[side] += line;
      }
    const Document zh = load_text(chapter.name + ".zh", joined[0], "zh"), en = load_text(chapter.name + ".en", joined[1], "en");
    const Alignment alignment = align_documents(zh, en, options);
    std::vector<BeadPair> test;
    for (const auto& bead : alignment.beads) {
      BeadPair pair;
      for (auto s : bead.source.indices()) append_overlapped(starts[0], alignment.source_sentences[s].span, pair.first);
      for (auto t : bead.target.indices()) append_overlapped(starts[1], alignment.target_sentences[t].span, pair.second);
      const bool shares = !test.empty() && ((!pair.first.empty() && !test.back().first.empty() && pair.first.front() <= test.back().first.back()) ||
                                            (!pair.second.empty() && !test.back().second.empty() && pair.second.front() <= test.back().second.back()));
      if (shares) {
        BeadPair& last = test.back();
        for (auto k : pair.first) if (last.first.empty() || last.first.back() < k) last.first.push_back(k);
        for (auto k : pair.second) if (last.second.empty() || last.second.back() < k) last.second.push_back(k);
      } else {
        test.push_back(std::move(pair));
      }
    }
    const Counts c = score_chapter(chapter.gold, test);
    total.add(c);
    char line[16];
    std::snprintf(line, sizeof line, " %.3f", c.strict_f1());
    per_chapter += line;
    // Sentence ends: a corpus line start (after the first) that starts a segmenter sentence.
    for (int side = 0; side < 2; ++side) {
      const auto& sentences = side == 0 ? alignment.source_sentences : alignment.target_sentences;
      std::set<std::size_t> begins;
      for (const auto& sentence : sentences) begins.insert(sentence.span.begin);
      const std::set<std::size_t> gold(starts[side].begin() + 1, starts[side].end());
      for (auto b : begins) if (b > 0) ++made[side];
      // (English sentences start after the joining space.)
      for (auto g : gold) found[side] += begins.count(g) ? 1 : 0;
      ends[side] += static_cast<long>(gold.size());
    }
  }
  std::printf("MAC-Dev through the segmenter (each chapter one paragraph a side): strict F1 %.3f; per chapter%s; "
              "sentence ends found zh %ld of %ld (%ld made), en %ld of %ld (%ld made)\n",
              total.strict_f1(), per_chapter.c_str(), found[0], ends[0], made[0], found[1], ends[1], made[1]);
}

// Strict F1 over MAC-Dev with passages of `least` to `most` beads dropped
// from the translation, and with passages added to it, three seeds each (a
// translator's omissions and additions, which the gold of MAC-Dev's own
// chapters hardly has).
void passages_dropped(const std::vector<Chapter>& chapters, const AlignOptions& options, std::size_t least, std::size_t most) {
  for (const bool drop_target : {true, false}) {
    std::string figures;
    Counts all;
    long alone_gold = 0, alone_found = 0;
    for (std::uint32_t seed = 1; seed <= 3; ++seed) {
      Counts total;
      for (const auto& chapter : chapters) {
        const Chapter changed = with_passages_dropped(chapter, drop_target, seed, 2, least, most);
        const auto test = align_chapter(changed, options);
        total.add(score_chapter(changed.gold, test));
        const std::set<BeadPair> found(test.begin(), test.end());
        for (const auto& bead : changed.gold)
          if (bead.first.empty() || bead.second.empty()) ++alone_gold, alone_found += found.count(bead) ? 1 : 0;
      }
      char line[32];
      std::snprintf(line, sizeof line, " %.3f", total.strict_f1());
      figures += line;
      all.add(total);
    }
    std::printf("MAC-Dev with two passages of %zu-%zu beads %s each chapter (seeds 1-3): strict F1%s, pooled %.3f; "
                "sentences without counterpart found %ld of %ld\n",
                least, most, drop_target ? "left out of the translation in" : "added to the translation of", figures.c_str(), all.strict_f1(),
                alone_found, alone_gold);
  }
}

void mac_dev(const fs::path& root, const AlignOptions& base, bool verbose, bool loo, bool loo_endings, bool loo_speakers,
             bool loo_connectives) {
  const fs::path dir = root / "mac-dev";
  if (!fs::is_directory(dir)) {
    std::printf("MAC-Dev: corpus not found at %s, skipped\n", dir.c_str());
    return;
  }
  const auto start = std::chrono::steady_clock::now();
  const double cpu_start = cpu_seconds();
  const Lexicon& lexicon = default_lexicon();
  const double load_seconds = seconds_since(start);
  const double load_cpu = cpu_seconds() - cpu_start;
  AlignOptions options = base;
  options.segmented = true;
  options.lexicon = &lexicon;
  const std::vector<Chapter> chapters = load_mac_dev(dir);
  Counts total;
  ShapeCounts shapes;
  std::string per_chapter;
  for (const auto& chapter : chapters) {
    const auto test = align_chapter(chapter, options);
    const Counts c = score_chapter(chapter.gold, test);
    total.add(c);
    shapes.add(chapter.gold, test);
    char line[64];
    std::snprintf(line, sizeof line, " %s %.3f", chapter.name.c_str(), c.strict_f1());
    per_chapter += line;
    if (std::getenv("ALIGN_BENCH_ERRORS")) print_missed(chapter, test);
    if (verbose) std::printf("  %s strict precision %.3f\n", chapter.name.c_str(), Counts::ratio(c.p[0], c.p[1]));
  }
  const double total_seconds = seconds_since(start);
  const double total_cpu = cpu_seconds() - cpu_start;
  const auto& p = total.p;
  const auto& r = total.r;
  const double ps = Counts::ratio(p[0], p[1]), pl = Counts::ratio(p[2], p[3]), rs = Counts::ratio(r[0], r[1]), rl = Counts::ratio(r[2], r[3]);
  std::printf("MAC-Dev strict: P %.3f R %.3f F1 %.3f\n", ps, rs, Counts::f1(ps, rs));
  std::printf("MAC-Dev lax:    P %.3f R %.3f F1 %.3f\n", pl, rl, Counts::f1(pl, rl));
  std::printf("MAC-Dev strict F1 per chapter:%s\n", per_chapter.c_str());
  std::printf("MAC-Dev time: %.3f s total, %.3f s CPU (lexicon load %.3f s, %.3f s CPU, %zu headwords)\n", total_seconds, total_cpu,
              load_seconds, load_cpu, lexicon.size());
  std::printf("MAC-Dev per bead shape (recall: gold beads found exactly; precision: output beads in the gold):\n");
  shapes.print();
  passages_dropped(chapters, options, 3, 6);
  passages_dropped(chapters, options, 1, 2);
  typographic(chapters, options);
  through_the_segmenter(chapters, options);
  if (loo) leave_one_out(chapters, options, loo_endings, loo_speakers, loo_connectives);
}

void tico(const fs::path& root, const AlignOptions& base) {
  const fs::path path = root / "tico19" / "all.en-zh.tmx";
  pugi::xml_document xml;
  if (!fs::exists(path) || !xml.load_file(path.c_str())) {
    std::printf("TICO-19: %s not found or unreadable, skipped\n", path.c_str());
    return;
  }
  struct Unit {
    long number;
    std::string en, zh;
  };
  std::map<std::string, std::vector<Unit>> documents;
  for (const auto& tu : xml.child("tmx").child("body").children("tu")) {
    const std::string tuid = tu.attribute("tuid").as_string();
    const auto colon = tuid.rfind(':');
    Unit unit{std::atol(tuid.c_str() + colon + 1), {}, {}};
    for (const auto& tuv : tu.children("tuv")) {
      const std::string lang = tuv.attribute("xml:lang").as_string();
      (lang == "en" ? unit.en : unit.zh) = tuv.child("seg").text().as_string();
    }
    documents[tuid.substr(0, colon)].push_back(unit);
  }
  AlignOptions options = base;
  options.lexicon = &default_lexicon();
  long correct = 0, total = 0;
  const auto start = std::chrono::steady_clock::now();
  for (auto& [name, units] : documents) {
    std::sort(units.begin(), units.end(), [](const Unit& a, const Unit& b) { return a.number < b.number; });
    std::string en_text, zh_text;
    std::vector<std::size_t> en_starts, zh_starts;  // byte where each segment starts
    for (const auto& unit : units) {
      if (!en_text.empty()) en_text += ' ';
      en_starts.push_back(en_text.size());
      en_text += unit.en;
      zh_starts.push_back(zh_text.size());
      zh_text += unit.zh;
    }
    const Document en = load_text(name + ".en", en_text, "en");
    const Document zh = load_text(name + ".zh", zh_text, "zh");
    const Alignment alignment = align_documents(en, zh, options);
    // Segments a sentence overlaps.
    auto segments_of = [](const std::vector<std::size_t>& starts, Span span) {
      Ids overlapped;
      append_overlapped(starts, span, overlapped);
      return std::set<std::size_t>(overlapped.begin(), overlapped.end());
    };
    // A segment is aligned correctly when every bead touching it covers the
    // same segments on both sides.
    std::vector<bool> ok(units.size(), true);
    for (const auto& bead : alignment.beads) {
      std::set<std::size_t> en_segments, zh_segments;
      for (auto s : bead.source)
        for (auto k : segments_of(en_starts, alignment.source_sentences[s].span)) en_segments.insert(k);
      for (auto t : bead.target)
        for (auto k : segments_of(zh_starts, alignment.target_sentences[t].span)) zh_segments.insert(k);
      if (en_segments != zh_segments) {
        if (std::getenv("ALIGN_BENCH_ERRORS")) {
          std::string list = "  " + name + " en";
          for (auto k : en_segments) list += " " + std::to_string(k);
          list += " zh";
          for (auto k : zh_segments) list += " " + std::to_string(k);
          std::printf("%s\n", list.c_str());
          for (auto s : bead.source) std::printf("    EN %.160s\n", std::string(en.text.substr(alignment.source_sentences[s].span.begin, alignment.source_sentences[s].span.size())).c_str());
          for (auto t : bead.target) std::printf("    ZH %.160s\n", std::string(zh.text.substr(alignment.target_sentences[t].span.begin, alignment.target_sentences[t].span.size())).c_str());
        }
        for (auto k : en_segments) ok[k] = false;
        for (auto k : zh_segments) ok[k] = false;
      }
    }
    correct += std::count(ok.begin(), ok.end(), true);
    total += static_cast<long>(units.size());
  }
  std::printf("TICO-19: %ld of %ld segments aligned correctly (%.3f) in %zu documents, %.3f s\n", correct, total,
              total ? static_cast<double>(correct) / static_cast<double>(total) : 0.0, documents.size(),
              seconds_since(start));
}

// A synthetic pair from the lexicon: random Chinese headwords and their first
// gloss word; about 30% of Chinese sentences become two English sentences and
// 1% are left untranslated.
void synthetic(const AlignOptions& base, std::size_t zh_count) {
  const Lexicon& lexicon_for_glosses = default_lexicon();
  if (lexicon_for_glosses.empty()) {
    std::printf("Synthetic: lexicon not found, skipped\n");
    return;
  }
  const auto path = find_data_file("cedict/cedict.tsv");
  const Lexicon raw = load_lexicon(*path, true);
  std::vector<std::pair<std::string, std::string>> words;
  for (const auto& [zh, glosses] : raw.raw_entries()) {
    if (zh.size() < 6 || zh.size() > 9 || (static_cast<unsigned char>(zh[0]) < 0xE4)) continue;
    words.emplace_back(zh, glosses.substr(0, glosses.find(' ')));
  }
  // English sentences start with a capital, or ICU would not break before them.
  auto capital = [](std::string word) {
    if (!word.empty() && word[0] >= 'a' && word[0] <= 'z') word[0] = static_cast<char>(word[0] - 32);
    return word;
  };
  std::mt19937 random(20260101);
  std::string zh_text, en_text;
  std::vector<BeadPair> gold;
  std::size_t en_count = 0;
  std::vector<std::size_t> en_starts;  // byte where each gold English sentence starts
  for (std::size_t i = 0; i < zh_count; ++i) {
    const std::size_t length = 6 + random() % 10;
    std::vector<std::size_t> picks;
    for (std::size_t k = 0; k < length; ++k) picks.push_back(random() % words.size());
    for (auto p : picks) zh_text += words[p].first;
    zh_text += "。";
    const unsigned roll = random() % 100;
    if (roll < 1) {
      gold.push_back({{i}, {}});
    } else if (roll < 31) {
      const std::size_t cut = length / 2;
      en_starts.push_back(en_text.size());
      for (std::size_t k = 0; k < length; ++k)
        en_text += (k == cut ? (en_starts.push_back(en_text.size()), "") : "") +
                   (k == 0 || k == cut ? capital(words[picks[k]].second) : " " + words[picks[k]].second) +
                   (k + 1 == cut || k + 1 == length ? ". " : "");
      gold.push_back({{i}, {en_count, en_count + 1}});
      en_count += 2;
    } else {
      en_starts.push_back(en_text.size());
      for (std::size_t k = 0; k < length; ++k) en_text += k == 0 ? capital(words[picks[k]].second) : " " + words[picks[k]].second;
      en_text += ". ";
      gold.push_back({{i}, {en_count}});
      en_count += 1;
    }
    if (i % 10 == 9) zh_text += "\n", en_text += "\n";  // lines, not paragraphs: one long paragraph per side
  }
  const Document zh = load_text("synthetic.zh", zh_text, "zh");
  const Document en = load_text("synthetic.en", en_text, "en");
  const auto start = std::chrono::steady_clock::now();
  const double cpu_start = cpu_seconds();
  AlignOptions options = base;
  options.lexicon = &lexicon_for_glosses;
  const Alignment alignment = align_documents(zh, en, options);
  const double elapsed = seconds_since(start);
  const double cpu = cpu_seconds() - cpu_start;
  // Test beads in gold sentence numbers (the segmenter may join two gold sentences).
  std::vector<BeadPair> test;
  for (const auto& bead : alignment.beads) {
    Ids targets;
    for (auto t : bead.target) append_overlapped(en_starts, alignment.target_sentences[t].span, targets);
    test.emplace_back(bead.source.indices(), targets);
  }
  const std::set<BeadPair> gold_set(gold.begin(), gold.end());
  if (std::getenv("ALIGN_BENCH_DUMP"))
    for (std::size_t k = 0; k < std::min<std::size_t>(test.size(), 8000); k += 500)
      std::printf("  test %zu-%zu first %zu | gold %zu-%zu first %zu\n", test[k].first.size(), test[k].second.size(),
                  test[k].second.empty() ? 0 : test[k].second[0], gold[k].first.size(), gold[k].second.size(),
                  gold[k].second.empty() ? 0 : gold[k].second[0]);
  const long exact = std::count_if(test.begin(), test.end(), [&](const auto& b) { return gold_set.count(b) != 0; });
  std::printf("Synthetic %zu x %zu sentences (segmented %zu x %zu): %.2f s (%.2f s CPU), peak RSS %ld MB, %ld of %zu gold beads exact\n",
              zh_count, en_count, alignment.source_sentences.size(), alignment.target_sentences.size(), elapsed, cpu,
              peak_rss_mb(), exact, gold.size());
}

}  // namespace

int main(int argc, char** argv) {
  fs::path corpora = fs::path(TRANSCHECK_SOURCE_DIR) / ".." / "shared" / "corpora";
  if (const char* env = std::getenv("TRANSCHECK_CORPORA")) corpora = env;
  std::size_t synthetic_size = 20000;
  bool skip_synthetic = false, skip_tico = false, verbose = false, loo = false, loo_endings = false, loo_speakers = false,
       loo_connectives = false;
  AlignOptions options;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--corpora" && i + 1 < argc) corpora = argv[++i];
    else if (arg == "--skip-synthetic") skip_synthetic = true;
    else if (arg == "--verbose") verbose = true;
    else if (arg == "--loo") loo = true;
    else if (arg == "--loo-endings") loo = loo_endings = true;
    else if (arg == "--loo-speakers") loo = loo_speakers = true;
    else if (arg == "--loo-connectives") loo = loo_connectives = true;
    else if (arg == "--skip-tico") skip_tico = true;
    else if (arg == "--synthetic" && i + 1 < argc) synthetic_size = std::stoul(argv[++i]);
    else if (arg == "--weights" && i + 1 < argc) apply_weights(options.weights, argv[++i]);
  }
  mac_dev(corpora, options, verbose, loo, loo_endings, loo_speakers, loo_connectives);
  if (!skip_tico) tico(corpora, options);
  if (!skip_synthetic) synthetic(options, synthetic_size);
  return 0;
}
