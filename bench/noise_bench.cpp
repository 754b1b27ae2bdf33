// Noise budget of the typography/ rules: runs them all (default options) over
// clean published text and prints findings per 10,000 words, per rule, with
// samples. Corpora (read from ../shared/corpora beside the source tree, or argv[1]):
//   mac-dev/en/NNN, mac-dev/zh/NNN  literary chapters, one sentence per line
//   tico19/all.en-zh.tmx            en and zh segments apart; the segments of one
//                                   source article (tuid "Wikinews_6:1159" -> "Wikinews_6")
//                                   form one document, one segment per line
// Words: English = whitespace-separated tokens; Chinese = Han characters / 1.5
// (about 1.5 characters per word) plus Latin tokens.
#include <pugixml.hpp>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>

#include "formats/load.h"
#include "formats/plain_text.h"
#include "core/utf8.h"
#include "text/han.h"
#include "engine/check.h"
#include "rules/registry.h"
#include "rules/typography/text.h"

namespace fs = std::filesystem;
using namespace tc;

namespace {

std::size_t max_samples = 8;  // per rule and corpus; argv[2] changes it

struct Tally {
  double bytes = 0;
  double words = 0;
  std::size_t documents = 0;
  std::size_t findings = 0;
  std::map<std::string, std::size_t> per_rule;
  std::map<std::string, std::vector<std::string>> samples;
};

double count_words(std::string_view text, Lang lang) {
  double han = 0;
  double tokens = 0;
  bool in_token = false;
  std::size_t pos = 0;
  while (pos < text.size()) {
    const char32_t cp = utf8::next(text, pos);
    if (lang == Lang::zh && is_han(cp)) {
      han += 1;
      in_token = false;
    } else if (cp == ' ' || cp == '\n' || cp == '\t' || cp == '\r' || cp >= 0x2E80) {
      in_token = false;
    } else if (!in_token) {
      in_token = true;
      tokens += 1;
    }
  }
  return tokens + han / 1.5;
}

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

void check(const RuleList& rules, const CheckOptions& options, const std::string& name, std::string text, Lang lang,
           Tally& tally) {
  tally.words += count_words(text, lang);
  tally.bytes += static_cast<double>(text.size());
  ++tally.documents;
  const Document doc = make_document(name, std::move(text), lang, plain_text_reader());
  for (const Finding& f : check_document(doc, rules, options)) {
    ++tally.findings;
    ++tally.per_rule[f.rule];
    auto& samples = tally.samples[f.rule];
    if (samples.size() >= max_samples) continue;
    const Position p = doc.position(f.span.begin);
    // Context around the finding, cut at code point boundaries.
    auto continuation = [&](std::size_t i) { return i < doc.text.size() && (doc.text[i] & 0xC0) == 0x80; };
    std::size_t from = f.span.begin >= 60 ? f.span.begin - 60 : 0;
    while (from > 0 && continuation(from)) --from;
    std::size_t to = std::min(doc.text.size(), f.span.end + 40);
    while (continuation(to)) ++to;
    std::string context = doc.text.substr(from, to - from);
    for (char& c : context)
      if (c == '\n') c = ' ';
    samples.push_back(name + ":" + std::to_string(p.line) + ":" + std::to_string(p.column) + ": " + f.message +
                      "\n        ..." + context + "...");
  }
}

void print(const std::string& title, const Tally& tally) {
  std::cout << "== " << title << ": " << tally.documents << " documents, " << static_cast<long>(tally.words)
            << " words, " << tally.findings << " findings, "
            << (tally.words > 0 ? tally.findings * 10000.0 / tally.words : 0) << " per 10,000 words\n";
  for (const auto& [rule, count] : tally.per_rule) {
    std::cout << "  " << rule << ": " << count << "\n";
    for (const std::string& sample : tally.samples.at(rule)) std::cout << "      " << sample << "\n";
  }
}

}  // namespace

int main(int argc, char** argv) {
  if (argc > 2) max_samples = std::stoul(argv[2]);
  const fs::path root = argc > 1 ? fs::path(argv[1]) : fs::path(TRANSCHECK_SOURCE_DIR) / ".." / "shared" / "corpora";
  if (!fs::exists(root)) {
    std::cout << "corpus absent: " << root.string() << "\n";
    return 0;
  }
  const RuleList rules = all_rules();
  CheckOptions options;
  options.selection.select = {"typography"};
  const auto started = std::chrono::steady_clock::now();
  std::map<std::string, Tally> tallies;
  for (const auto& [side, lang] : {std::pair{"en", Lang::en}, std::pair{"zh", Lang::zh}}) {
    const fs::path dir = root / "mac-dev" / side;
    if (!fs::exists(dir)) {
      std::cout << "corpus absent: " << dir.string() << "\n";
      continue;
    }
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(dir))
      if (entry.path().extension().empty()) files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    for (const fs::path& file : files)
      check(rules, options, "mac-dev/" + std::string(side) + "/" + file.filename().string(), read_file(file), lang,
            tallies[std::string("mac-dev ") + side]);
  }
  const fs::path tmx = root / "tico19" / "all.en-zh.tmx";
  pugi::xml_document xml;
  if (!fs::exists(tmx)) {
    std::cout << "corpus absent: " << tmx.string() << "\n";
  } else if (const pugi::xml_parse_result parsed = xml.load_file(tmx.c_str()); !parsed) {
    std::cout << tmx.string() << ": cannot parse at byte " << parsed.offset << ": " << parsed.description() << "\n";
  } else {
    // article -> side -> text, in file order
    std::vector<std::string> articles;
    std::map<std::string, std::map<std::string, std::string>> texts;
    for (pugi::xml_node tu : xml.child("tmx").child("body").children("tu")) {
      const std::string id = tu.attribute("tuid").value();
      const std::string article = id.substr(0, id.find(':'));
      if (texts.find(article) == texts.end()) articles.push_back(article);
      for (pugi::xml_node tuv : tu.children("tuv")) {
        const std::string lang_code = tuv.attribute("xml:lang").value();
        std::string& text = texts[article][lang_code.rfind("zh", 0) == 0 ? "zh" : "en"];
        text += tuv.child("seg").text().get();
        text += '\n';
      }
    }
    for (const std::string& article : articles)
      for (const auto& [side, text] : texts[article])
        check(rules, options, "tico19/" + article + "/" + side, text, side == "zh" ? Lang::zh : Lang::en,
              tallies["tico19 " + side]);
  }
  Tally total;
  for (const auto& [title, tally] : tallies) {
    print(title, tally);
    total.words += tally.words;
    total.bytes += tally.bytes;
    total.documents += tally.documents;
    total.findings += tally.findings;
  }
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  std::cout << "== total: " << total.documents << " documents, " << static_cast<long>(total.words) << " words, "
            << total.findings << " findings, " << (total.words > 0 ? total.findings * 10000.0 / total.words : 0)
            << " per 10,000 words (" << seconds << " s, " << total.bytes / 1e6 / seconds
            << " MB/s including the one-time Hunspell load)\n";
}
