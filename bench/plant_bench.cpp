// Recall on real translations: plants ONE defect per copy of a vis-dev pair
// (published English->Chinese vaccine leaflets) at a random place (fixed
// seed), runs the checks in-process and prints, per kind of defect, the share
// of plants caught. A plant is caught when a finding of the expected rule
// family that the clean pair does not have lands on the planted span (for a
// number, its counterpart may: "3 in the source became 2"); a deleted
// sentence is caught by an alignment/omission finding on the source sentence
// left without its translation.
//
// Roles. vis-dev is English source -> Chinese translation. Defects of the
// Chinese side (digits, number words, deleted sentence, GBK mojibake, bidi)
// are planted in the Chinese translation. Defects that need English text in
// the translation (Chinese left in English, run-together and doubled words,
// CP1252 mojibake, full-width comma, a forbidden glossary rendering, whose
// glossary lists English renderings) are planted in the English file checked
// as the translation of the Chinese one (roles swapped: zh source, en target).
//
// Reads the corpora from ../shared/corpora next to the source tree (or
// --corpora DIR, or $TRANSCHECK_CORPORA); prints a note and exits 0 when absent.
//   plant_bench [--corpora DIR] [--copies N] [--seed S] [--verbose]
#include <unicode/ucnv.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <random>
#include <set>
#include <sstream>
#include <tuple>

#include "align/align.h"
#include "core/utf8.h"
#include "engine/check.h"
#include "formats/furniture.h"
#include "formats/load.h"
#include "glossary/load.h"
#include "rules/registry.h"
#include "rules/typography/english_words.h"
#include "rules/typography/text.h"
#include "text/han.h"

namespace fs = std::filesystem;
using namespace tc;

namespace {

struct Pair {
  std::string name;
  std::string en;
  std::string zh;
};

// One planted copy: the damaged pair and where the defect is.
struct Plant {
  std::string en, zh;
  bool swapped = false;   // checked as zh source -> en translation
  bool in_english = true;  // the planted span is in the English text
  Span span;               // planted span (in the damaged text)
  std::string what;        // for --verbose
};

struct Kind {
  std::string name;
  std::string family;  // rule id prefix a catching finding must have
  // Returns false when this pair offers no place for the defect.
  bool (*plant)(const Pair&, std::mt19937&, Plant&);
};

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_lower(char c) { return c >= 'a' && c <= 'z'; }
bool is_han_at(std::string_view text, std::size_t pos) {
  return pos < text.size() && static_cast<unsigned char>(text[pos]) >= 0x80 && is_han(utf8::at(text, pos));
}

template <typename T>
const T& pick(const std::vector<T>& items, std::mt19937& rng) {
  return items[std::uniform_int_distribution<std::size_t>(0, items.size() - 1)(rng)];
}

// Lines long enough to be body text (not a header, page number or catalogue code).
bool in_body_line(std::string_view text, std::size_t pos) {
  std::size_t begin = text.rfind('\n', pos);
  begin = begin == std::string_view::npos ? 0 : begin + 1;
  std::size_t end = text.find('\n', pos);
  if (end == std::string_view::npos) end = text.size();
  return utf8::count(text.substr(begin, end - begin)) >= 20;
}

// A line in neither English nor Chinese (the leaflets' Spanish notice): the
// checks rightly leave it alone, so an English defect is not planted there.
bool in_third_language_line(std::string_view text, std::size_t pos) {
  std::size_t begin = text.rfind('\n', pos);
  begin = begin == std::string_view::npos ? 0 : begin + 1;
  std::size_t end = text.find('\n', pos);
  if (end == std::string_view::npos) end = text.size();
  return is_third_language(text.substr(begin, end - begin));
}

Plant copy_of(const Pair& pair, bool swapped, bool in_english) {
  Plant p;
  p.en = pair.en;
  p.zh = pair.zh;
  p.swapped = swapped;
  p.in_english = in_english;
  return p;
}

void replace(std::string& text, Span span, const std::string& with, Plant& plant) {
  text.replace(span.begin, span.size(), with);
  plant.span = {span.begin, span.begin + with.size()};
}

// --- Chinese translation ---------------------------------------------------

bool plant_digit(const Pair& pair, std::mt19937& rng, Plant& plant) {
  plant = copy_of(pair, false, false);
  std::vector<Span> runs;
  const std::string& zh = plant.zh;
  for (std::size_t i = 0; i < zh.size();) {
    if (!is_digit(zh[i])) { ++i; continue; }
    std::size_t end = i;
    while (end < zh.size() && is_digit(zh[end])) ++end;
    const bool glued = (i > 0 && (zh[i - 1] == '/' || zh[i - 1] == '-' || zh[i - 1] == '.' || std::isalpha(static_cast<unsigned char>(zh[i - 1])))) ||
                       (end < zh.size() && (zh[end] == '/' || zh[end] == '-' || zh[end] == '.'));
    // In a translated line (with Chinese in it), not in English furniture kept as is (42 U.S.C. § 300aa-26).
    std::size_t line = zh.rfind('\n', i);
    line = line == std::string::npos ? 0 : line + 1;
    std::size_t line_end = zh.find('\n', i);
    if (line_end == std::string::npos) line_end = zh.size();
    bool translated = false;
    for (std::size_t k = line; k + 3 <= line_end && !translated; ++k) translated = is_han_at(zh, k);
    if (!glued && translated && in_body_line(zh, i) && pair.en.find(zh.substr(i, end - i)) != std::string::npos)
      runs.push_back({i, end});
    i = end;
  }
  if (runs.empty()) return false;
  const Span span = pick(runs, rng);
  const int value = std::stoi(zh.substr(span.begin, span.size()));
  replace(plant.zh, span, std::to_string(value + 1 + static_cast<int>(rng() % 3)), plant);
  plant.what = "digit " + std::to_string(value);
  return true;
}

// Chinese numerals before a measure word: 两剂, 第二剂, 三次; or English number words before a unit noun.
bool plant_number_word(const Pair& pair, std::mt19937& rng, Plant& plant) {
  static const std::vector<std::string> kZh = {"一", "两", "二", "三", "四", "五", "六"};
  static const std::vector<std::string> kMeasures = {"剂", "次", "年", "岁", "个月", "周", "天", "倍", "种"};
  static const std::vector<std::string> kEn = {"one", "two", "three", "four", "five", "six", "once", "twice",
                                               "first", "second", "third", "fourth"};
  static const std::vector<std::string> kUnits = {"dose", "year", "month", "week", "day", "shot", "time", "type"};
  struct Site { bool english; Span span; std::size_t word; };
  std::vector<Site> sites;
  for (std::size_t k = 0; k < kZh.size(); ++k)
    for (std::size_t at = pair.zh.find(kZh[k]); at != std::string::npos; at = pair.zh.find(kZh[k], at + 1)) {
      const std::size_t end = at + kZh[k].size();
      const bool measured = std::any_of(kMeasures.begin(), kMeasures.end(), [&](const std::string& m) { return pair.zh.compare(end, m.size(), m) == 0; });
      if (measured && !(at >= 3 && is_han_at(pair.zh, at - 3) && pair.zh.compare(at - 3, 3, "第") != 0 && k == 0))
        sites.push_back({false, {at, end}, k});
    }
  for (std::size_t k = 0; k < kEn.size(); ++k)
    for (std::size_t at = pair.en.find(kEn[k]); at != std::string::npos; at = pair.en.find(kEn[k], at + 1)) {
      const std::size_t end = at + kEn[k].size();
      if (at > 0 && std::isalpha(static_cast<unsigned char>(pair.en[at - 1]))) continue;
      if (end >= pair.en.size() || pair.en[end] != ' ') continue;
      const bool unit = kEn[k] == "once" || kEn[k] == "twice" ||
                        std::any_of(kUnits.begin(), kUnits.end(), [&](const std::string& u) { return pair.en.compare(end + 1, u.size(), u) == 0; });
      if (unit) sites.push_back({true, {at, end}, k});
    }
  if (sites.empty()) return false;
  const Site site = pick(sites, rng);
  plant = copy_of(pair, false, site.english);
  if (site.english) {
    // Same class of word, another value: two -> three, second -> third, twice -> once.
    std::size_t other = site.word;
    if (site.word < 6) other = (site.word + 1 + rng() % 3) % 6;
    else if (site.word < 8) other = site.word == 6 ? 7 : 6;
    else other = 8 + (site.word - 8 + 1 + rng() % 2) % 4;
    replace(plant.en, site.span, kEn[other], plant);
  } else {
    std::size_t other = site.word;
    while (other == site.word || (site.word == 1 && other == 2) || (site.word == 2 && other == 1))
      other = 1 + rng() % (kZh.size() - 1);
    replace(plant.zh, site.span, kZh[other], plant);
  }
  plant.what = "number word at " + std::to_string(site.span.begin) + (site.english ? " (en)" : " (zh)");
  return true;
}

// Deletes one Chinese sentence that the clean alignment pairs 1-1 with an English one.
struct Deletion {
  Span zh;
  Span orphan;  // the English sentence left without translation
};
std::map<std::string, std::vector<Deletion>> deletion_sites;

bool plant_deleted_sentence(const Pair& pair, std::mt19937& rng, Plant& plant) {
  const auto& sites = deletion_sites[pair.name];
  if (sites.empty()) return false;
  const Deletion d = pick(sites, rng);
  plant = copy_of(pair, false, true);
  std::size_t end = d.zh.end;
  if (end < plant.zh.size() && plant.zh[end] == '\n' && (d.zh.begin == 0 || plant.zh[d.zh.begin - 1] == '\n')) ++end;
  plant.zh.erase(d.zh.begin, end - d.zh.begin);
  plant.span = d.orphan;  // in the unchanged English source
  plant.what = "deleted zh \"" + pair.zh.substr(d.zh.begin, d.zh.size()) + "\" for \"" + pair.en.substr(d.orphan.begin, std::min<std::size_t>(60, d.orphan.size())) + "\"";
  return true;
}

// UTF-8 bytes of a Chinese phrase read as GBK: 腹泻 -> 鑵规郴.
bool plant_gbk_mojibake(const Pair& pair, std::mt19937& rng, Plant& plant) {
  plant = copy_of(pair, false, false);
  std::vector<std::size_t> starts;
  for (std::size_t i = 0; i + 12 <= plant.zh.size(); i += 3)
    if (is_han_at(plant.zh, i) && is_han_at(plant.zh, i + 3) && is_han_at(plant.zh, i + 6) && is_han_at(plant.zh, i + 9) &&
        in_body_line(plant.zh, i))
      starts.push_back(i);
  if (starts.empty()) return false;
  const std::size_t at = pick(starts, rng);
  const std::string bytes = plant.zh.substr(at, 12);
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UConverter, decltype(&ucnv_close)> gbk(ucnv_open("gbk", &status), ucnv_close);
  std::u16string utf16(64, u'\0');
  const int32_t length = ucnv_toUChars(gbk.get(), utf16.data(), 64, bytes.data(), static_cast<int32_t>(bytes.size()), &status);
  if (U_FAILURE(status)) return false;
  std::string garbled;
  for (int32_t k = 0; k < length; ++k) {
    char32_t cp = utf16[static_cast<std::size_t>(k)];
    if (cp >= 0xD800 && cp <= 0xDBFF && k + 1 < length) cp = 0x10000 + ((cp - 0xD800) << 10) + (utf16[static_cast<std::size_t>(++k)] - 0xDC00);
    utf8::append(garbled, cp);
  }
  replace(plant.zh, {at, at + 12}, garbled, plant);
  plant.what = "gbk " + bytes;
  return true;
}

bool plant_bidi(const Pair& pair, std::mt19937& rng, Plant& plant) {
  plant = copy_of(pair, false, false);
  std::vector<std::size_t> starts;
  for (std::size_t i = 0; i + 3 <= plant.zh.size(); i += 1)
    if (is_han_at(plant.zh, i) && in_body_line(plant.zh, i)) starts.push_back(i);
  if (starts.empty()) return false;
  static const std::vector<std::string> kControls = {"\u202E", "\u202D", "\u2066", "\u2067", "\u202B"};
  const std::size_t at = pick(starts, rng);
  replace(plant.zh, {at, at}, pick(kControls, rng), plant);
  plant.what = "bidi";
  return true;
}

// --- English as the translation ----------------------------------------------

struct WordSpan {
  Span span;
  std::string text;
};

std::vector<WordSpan> body_words(std::string_view text) {
  std::vector<WordSpan> words;
  for (std::size_t i = 0; i < text.size();) {
    if (!std::isalpha(static_cast<unsigned char>(text[i])) || (i > 0 && !std::isspace(static_cast<unsigned char>(text[i - 1])))) {
      ++i;
      continue;
    }
    std::size_t end = i;
    while (end < text.size() && std::isalpha(static_cast<unsigned char>(text[end]))) ++end;
    // A word, not part of a URL or a file name (www.immunize.org).
    const bool clean_end = end >= text.size() || text[end] == ' ' || text[end] == ',' || text[end] == '\n' ||
                           (text[end] == '.' && (end + 1 >= text.size() || !std::isalnum(static_cast<unsigned char>(text[end + 1]))));
    if (clean_end && in_body_line(text, i) && !in_third_language_line(text, i))
      words.push_back({{i, end}, std::string(text.substr(i, end - i))});
    i = end;
  }
  return words;
}

bool plant_han_in_english(const Pair& pair, std::mt19937& rng, Plant& plant) {
  plant = copy_of(pair, true, true);
  const auto words = body_words(plant.en);
  std::vector<std::size_t> han;
  for (std::size_t i = 0; i + 6 <= pair.zh.size(); i += 3)
    if (is_han_at(pair.zh, i) && is_han_at(pair.zh, i + 3)) han.push_back(i);
  if (words.empty() || han.empty()) return false;
  const WordSpan w = pick(words, rng);
  const std::size_t h = pick(han, rng);
  replace(plant.en, w.span, pair.zh.substr(h, 6), plant);
  plant.what = "han for " + w.text;
  return true;
}

bool plant_run_together(const Pair& pair, std::mt19937& rng, Plant& plant) {
  static typography::EnglishLexicon lexicon;
  plant = copy_of(pair, true, true);
  const auto words = body_words(plant.en);
  std::vector<std::size_t> joins;
  for (std::size_t k = 0; k + 1 < words.size(); ++k) {
    const WordSpan& a = words[k];
    const WordSpan& b = words[k + 1];
    if (b.span.begin != a.span.end + 1 || plant.en[a.span.end] != ' ') continue;
    if (!is_lower(a.text[0]) || !is_lower(b.text[0]) || a.text.size() < 2 || b.text.size() < 2) continue;
    if (lexicon.available() && lexicon.spell(a.text + b.text)) continue;  // "health care" -> "healthcare" is a word
    joins.push_back(k);
  }
  if (joins.empty()) return false;
  const std::size_t k = pick(joins, rng);
  const WordSpan a = words[k], b = words[k + 1];
  replace(plant.en, {a.span.begin, b.span.end}, a.text + b.text, plant);
  plant.what = "run together " + a.text + b.text;
  return true;
}

bool plant_doubled_word(const Pair& pair, std::mt19937& rng, Plant& plant) {
  plant = copy_of(pair, true, true);
  auto words = body_words(plant.en);
  // "had had" and "that that" are grammar (the issue's own legitimate doubles), not defects.
  std::erase_if(words, [](const WordSpan& w) { return w.text == "had" || w.text == "that"; });
  if (words.empty()) return false;
  const WordSpan w = pick(words, rng);
  replace(plant.en, w.span, w.text + " " + w.text, plant);
  plant.what = "doubled " + w.text;
  return true;
}

// The UTF-8 bytes of a character read as Windows-1252: ’ -> â€™.
std::string as_cp1252(std::string_view bytes) {
  static const char32_t k80[32] = {0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
                                   0x2039, 0x0152, 0x8D, 0x017D, 0x8F, 0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
                                   0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178};
  std::string out;
  for (unsigned char b : bytes) utf8::append(out, b >= 0x80 && b < 0xA0 ? k80[b - 0x80] : static_cast<char32_t>(b));
  return out;
}

bool plant_cp1252_mojibake(const Pair& pair, std::mt19937& rng, Plant& plant) {
  plant = copy_of(pair, true, true);
  std::vector<Span> sites;  // non-ASCII characters of the English text (’ – — é)
  for (std::size_t i = 0; i < plant.en.size();) {
    std::size_t next = i;
    const char32_t cp = utf8::next(plant.en, next);
    if (cp >= 0x80 && cp != utf8::kInvalid && in_body_line(plant.en, i)) sites.push_back({i, next});
    i = next;
  }
  if (sites.empty()) {
    // No curly quote or dash to damage: write one ("patient’s") and damage it.
    const auto words = body_words(plant.en);
    for (const auto& w : words)
      if (w.text.size() > 3 && w.text.back() == 's' && is_lower(w.text[0])) sites.push_back({w.span.end - 1, w.span.end - 1});
    if (sites.empty()) return false;
    const Span at = pick(sites, rng);
    replace(plant.en, at, as_cp1252("\u2019"), plant);
    plant.what = "cp1252 apostrophe";
    return true;
  }
  const Span at = pick(sites, rng);
  replace(plant.en, at, as_cp1252(std::string_view(plant.en).substr(at.begin, at.size())), plant);
  plant.what = "cp1252 " + plant.en.substr(plant.span.begin, plant.span.size());
  return true;
}

bool plant_fullwidth_comma(const Pair& pair, std::mt19937& rng, Plant& plant) {
  plant = copy_of(pair, true, true);
  std::vector<std::size_t> commas;
  for (std::size_t i = 1; i + 1 < plant.en.size(); ++i)
    if (plant.en[i] == ',' && plant.en[i + 1] == ' ' && std::isalpha(static_cast<unsigned char>(plant.en[i - 1])) && in_body_line(plant.en, i))
      commas.push_back(i);
  if (commas.empty()) return false;
  const std::size_t at = pick(commas, rng);
  replace(plant.en, {at, at + 1}, "\xEF\xBC\x8C", plant);
  plant.what = "full-width comma";
  return true;
}

// A glossary term of the Chinese source whose accepted English rendering is in
// the translation is replaced by one of the glossary's forbidden renderings.
const Glossary* glossary_for_plants = nullptr;

std::string lower(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

bool plant_forbidden_term(const Pair& pair, std::mt19937& rng, Plant& plant) {
  plant = copy_of(pair, true, true);
  struct Site { Span span; std::string forbidden; };
  std::vector<Site> sites;
  const std::string en_lower = lower(pair.en);
  for (const GlossaryEntryView entry : glossary_for_plants->entries) {
    if (entry.zh.empty() || entry.forbidden.empty()) continue;
    if (std::none_of(entry.zh.begin(), entry.zh.end(), [&](std::string_view zh) { return pair.zh.find(zh) != std::string::npos; }))
      continue;
    for (const std::string_view accepted : entry.accepted) {
      const std::string needle = lower(std::string(accepted));
      for (std::size_t at = en_lower.find(needle); at != std::string::npos; at = en_lower.find(needle, at + 1)) {
        const std::size_t end = at + needle.size();
        if ((at > 0 && std::isalpha(static_cast<unsigned char>(en_lower[at - 1]))) ||
            (end < en_lower.size() && std::isalpha(static_cast<unsigned char>(en_lower[end])) && en_lower[end] != 's'))
          continue;
        for (const std::string_view forbidden : entry.forbidden) sites.push_back({{at, end}, std::string(forbidden)});
      }
    }
  }
  if (sites.empty()) return false;
  const Site site = pick(sites, rng);
  replace(plant.en, site.span, site.forbidden, plant);
  plant.what = "forbidden " + site.forbidden;
  return true;
}

// --- running -------------------------------------------------------------------

using Key = std::tuple<std::string, bool, std::size_t, std::size_t, std::string>;  // rule, in English, span, message

struct Checker {
  const RuleList& rules;
  CheckOptions options;

  std::vector<Finding> run(const std::string& en_text, const std::string& zh_text, bool swapped, Document& en, Document& zh) {
    LoadOptions en_load, zh_load;
    en_load.language = LanguageTag{Lang::en, ChineseScript::unspecified};
    zh_load.language = LanguageTag{Lang::zh, ChineseScript::simplified};
    en = document_from_bytes("en.txt", en_text, en_load);
    zh = document_from_bytes("zh.txt", zh_text, zh_load);
    return swapped ? check_pair(zh, en, rules, options) : check_pair(en, zh, rules, options);
  }
};

Key key_of(const Finding& f, const Document& en) {
  return {f.rule, f.document == &en, f.span.begin, f.span.end, f.message};
}

bool overlaps(Span a, Span b) { return a.begin < b.end && b.begin < a.end; }

}  // namespace

int main(int argc, char** argv) {
  fs::path corpora = fs::path(TRANSCHECK_SOURCE_DIR) / ".." / "shared" / "corpora";
  if (const char* env = std::getenv("TRANSCHECK_CORPORA")) corpora = env;
  std::size_t copies = 3;  // per pair and kind: 6 pairs x 3 = 18 per kind
  unsigned seed = 20261201;
  bool verbose = false;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--corpora" && i + 1 < argc) corpora = argv[++i];
    else if (arg == "--copies" && i + 1 < argc) copies = std::stoul(argv[++i]);
    else if (arg == "--seed" && i + 1 < argc) seed = static_cast<unsigned>(std::stoul(argv[++i]));
    else if (arg == "--verbose") verbose = true;
  }
  const fs::path dir = corpora / "vis-dev";
  if (!fs::is_directory(dir)) {
    std::cout << "plant_bench: " << dir.string() << " not found; nothing to measure.\n";
    return 0;
  }
  std::vector<Pair> pairs;
  for (const auto& file : fs::directory_iterator(dir)) {
    const std::string name = file.path().filename().string();
    if (!name.ends_with(".en.txt")) continue;
    const std::string stem = name.substr(0, name.size() - 7);
    if (!fs::exists(dir / (stem + ".zh.txt"))) continue;
    pairs.push_back({stem, read_file(file.path()), read_file(dir / (stem + ".zh.txt"))});
  }
  std::sort(pairs.begin(), pairs.end(), [](const Pair& a, const Pair& b) { return a.name < b.name; });

  const fs::path glossary_path = fs::path(TRANSCHECK_SOURCE_DIR) / "glossaries" / "medical.zh-en.tsv";
  const Glossary glossary = load_glossaries({glossary_path.string()});
  glossary_for_plants = &glossary;
  const RuleList rules = all_rules();
  Checker checker{rules, {}};
  checker.options.glossary = &glossary;
  checker.options.align.glossary = &glossary;

  // Baselines (clean pairs, both role assignments) and the sentences a deletion can take.
  std::map<std::pair<std::string, bool>, std::set<Key>> baseline;
  for (const Pair& pair : pairs)
    for (bool swapped : {false, true}) {
      Document en, zh;
      std::set<Key>& keys = baseline[{pair.name, swapped}];
      for (const Finding& f : checker.run(pair.en, pair.zh, swapped, en, zh)) keys.insert(key_of(f, en));
      if (swapped) continue;
      const Alignment alignment = align_documents(en, zh, checker.options.align);
      for (const Bead& bead : alignment.beads) {
        if (bead.source.size() != 1 || bead.target.size() != 1 || bead.score < 0.3) continue;
        const Span zh_span = alignment.target_sentences[bead.target[0]].span;
        const Span en_span = alignment.source_sentences[bead.source[0]].span;
        if (utf8::count(std::string_view(pair.zh).substr(zh_span.begin, zh_span.size())) < 12) continue;
        deletion_sites[pair.name].push_back({zh_span, en_span});
      }
    }

  const std::vector<Kind> kinds = {
      {"digit change", "alignment/number-mismatch", plant_digit},
      {"number-word change", "alignment/number-mismatch", plant_number_word},
      {"deleted sentence", "alignment/omission", plant_deleted_sentence},
      {"Chinese left in English", "script/", plant_han_in_english},
      {"CP1252 mojibake", "encoding/", plant_cp1252_mojibake},
      {"GBK mojibake", "encoding/", plant_gbk_mojibake},
      {"run-together words", "typography/run-together", plant_run_together},
      {"doubled word", "typography/repeated-word", plant_doubled_word},
      {"forbidden glossary rendering", "terminology/forbidden-term", plant_forbidden_term},
      {"bidi control", "encoding/bidi-control", plant_bidi},
      {"full-width comma", "script/", plant_fullwidth_comma},
  };
  std::mt19937 rng(seed);
  std::cout << "plant_bench: " << pairs.size() << " vis-dev pairs, " << copies << " copies per pair and kind, seed " << seed
            << "\n";
  std::size_t all_planted = 0, all_caught = 0;
  for (const Kind& kind : kinds) {
    std::size_t planted = 0, caught = 0;
    for (const Pair& pair : pairs)
      for (std::size_t copy = 0; copy < copies; ++copy) {
        Plant plant;
        if (!kind.plant(pair, rng, plant)) continue;
        ++planted;
        Document en, zh;
        const auto findings = checker.run(plant.en, plant.zh, plant.swapped, en, zh);
        const Document& planted_doc = plant.in_english ? en : zh;
        const std::set<Key>& clean = baseline[{pair.name, plant.swapped}];
        const bool hit = std::any_of(findings.begin(), findings.end(), [&](const Finding& f) {
          if (!f.rule.starts_with(kind.family) || clean.count(key_of(f, en))) return false;
          if (f.document == &planted_doc && overlaps(f.span, plant.span)) return true;
          return f.counterpart && f.counterpart->document == &planted_doc && overlaps(f.counterpart->span, plant.span) &&
                 kind.family == "alignment/number-mismatch";
        });
        caught += hit ? 1 : 0;
        if (verbose && !hit) std::cout << "  missed " << kind.name << " in " << pair.name << ": " << plant.what << "\n";
      }
    all_planted += planted;
    all_caught += caught;
    std::printf("%-30s %3zu / %3zu  %5.1f%%\n", kind.name.c_str(), caught, planted,
                planted ? 100.0 * static_cast<double>(caught) / static_cast<double>(planted) : 0.0);
  }
  std::printf("%-30s %3zu / %3zu  %5.1f%%\n", "all", all_caught, all_planted,
              all_planted ? 100.0 * static_cast<double>(all_caught) / static_cast<double>(all_planted) : 0.0);
  return 0;
}
