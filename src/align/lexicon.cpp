#include "align/lexicon.h"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <algorithm>

#include "core/data_path.h"
#include "core/error.h"
#include "core/line_index.h"
#include "text/ascii.h"

namespace tc {
namespace {

bool ends_with(std::string_view word, std::string_view suffix) {
  return word.size() > suffix.size() && word.substr(word.size() - suffix.size()) == suffix;
}

bool is_vowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

std::string_view irregular_base(std::string_view word) {
  static const std::unordered_map<std::string_view, std::string_view> kIrregular = {
      {"went", "go"}, {"gone", "go"}, {"goes", "go"}, {"took", "take"}, {"taken", "take"}, {"came", "come"},
      {"saw", "see"}, {"seen", "see"}, {"said", "say"}, {"says", "say"}, {"made", "make"}, {"got", "get"},
      {"gotten", "get"}, {"gave", "give"}, {"given", "give"}, {"knew", "know"}, {"known", "know"},
      {"thought", "think"}, {"told", "tell"}, {"felt", "feel"}, {"left", "leave"}, {"kept", "keep"},
      {"held", "hold"}, {"stood", "stand"}, {"sat", "sit"}, {"ran", "run"}, {"began", "begin"},
      {"begun", "begin"}, {"brought", "bring"}, {"bought", "buy"}, {"found", "find"}, {"heard", "hear"},
      {"met", "meet"}, {"paid", "pay"}, {"sent", "send"}, {"spent", "spend"}, {"spoke", "speak"},
      {"spoken", "speak"}, {"stole", "steal"}, {"taught", "teach"}, {"caught", "catch"}, {"fought", "fight"},
      {"wrote", "write"}, {"written", "write"}, {"ate", "eat"}, {"eaten", "eat"}, {"drank", "drink"},
      {"fell", "fall"}, {"fallen", "fall"}, {"flew", "fly"}, {"grew", "grow"}, {"hid", "hide"}, {"hit", "hit"},
      {"lay", "lie"}, {"led", "lead"}, {"lost", "lose"}, {"meant", "mean"}, {"rode", "ride"}, {"rose", "rise"},
      {"sang", "sing"}, {"shot", "shoot"}, {"slept", "sleep"}, {"struck", "strike"}, {"threw", "throw"},
      {"thrown", "throw"}, {"understood", "understand"}, {"woke", "wake"}, {"wore", "wear"}, {"won", "win"},
      {"broke", "break"}, {"broken", "break"}, {"chose", "choose"}, {"drove", "drive"}, {"forgot", "forget"},
      {"froze", "freeze"}, {"built", "build"}, {"dug", "dig"}, {"drew", "draw"}, {"fed", "feed"},
      {"fled", "flee"}, {"hung", "hang"}, {"laid", "lay"}, {"lit", "light"}, {"sold", "sell"},
      {"shook", "shake"}, {"shut", "shut"}, {"slid", "slide"}, {"swore", "swear"}, {"swept", "sweep"},
      {"tore", "tear"}, {"wept", "weep"}, {"men", "man"}, {"women", "woman"}, {"children", "child"},
      {"feet", "foot"}, {"teeth", "tooth"}, {"mice", "mouse"}, {"people", "person"}, {"better", "good"},
      {"best", "good"}, {"worse", "bad"}, {"worst", "bad"}, {"did", "do"}, {"done", "do"}, {"does", "do"},
      {"had", "have"}, {"has", "have"}, {"was", "be"}, {"were", "be"}, {"is", "be"}, {"are", "be"},
      {"am", "be"}, {"been", "be"}, {"him", "he"}, {"his", "he"}, {"her", "she"}, {"hers", "she"},
      {"them", "they"}, {"their", "they"}, {"me", "i"}, {"my", "i"}, {"us", "we"}, {"our", "we"},
      {"your", "you"}, {"yours", "you"}, {"died", "die"}, {"dead", "die"}, {"death", "die"},
      {"lives", "life"}, {"wives", "wife"}, {"knives", "knife"}, {"leaves", "leaf"}, {"wolves", "wolf"}};
  const auto found = kIrregular.find(word);
  return found == kIrregular.end() ? std::string_view() : found->second;
}

}  // namespace

std::string english_stem(std::string_view word) {
  if (const auto base = irregular_base(word); !base.empty()) return std::string(base);
  std::string w(word);
  if (ends_with(w, "'s")) w.resize(w.size() - 2);
  auto strip = [&](std::size_t n) { w.resize(w.size() - n); };
  if (w.size() <= 3) return w;
  if (ends_with(w, "ies") && w.size() > 4) { strip(3); w += 'y'; }
  else if (ends_with(w, "sses") || ends_with(w, "shes") || ends_with(w, "ches") || ends_with(w, "xes")) strip(2);
  else if (ends_with(w, "ss") || ends_with(w, "us") || ends_with(w, "is")) {}
  else if (ends_with(w, "s")) strip(1);
  if (ends_with(w, "ingly") && w.size() > 7) strip(5);
  else if (ends_with(w, "edly") && w.size() > 6) strip(4);
  else if (ends_with(w, "ly") && w.size() > 5) { strip(2); if (ends_with(w, "i")) { strip(1); w += 'y'; } }
  bool suffix_removed = false;
  if (ends_with(w, "ied") && w.size() > 4) { strip(3); w += 'y'; }
  else if (ends_with(w, "eed")) {}
  else if (ends_with(w, "ed") && w.size() > 4) { strip(2); suffix_removed = true; }
  else if (ends_with(w, "ing") && w.size() > 5) { strip(3); suffix_removed = true; }
  if (suffix_removed) {
    // hopped -> hop, hoped -> hope (approximately: drop doubled consonants; the
    // lexicon goes through the same function, so only consistency matters).
    if (w.size() >= 2 && w[w.size() - 1] == w[w.size() - 2] && !is_vowel(w.back()) && w.back() != 'l' &&
        w.back() != 's' && w.back() != 'z')
      strip(1);
  }
  if (w.size() > 3 && w.back() == 'e') strip(1);  // make/making/made -> mak; hope/hoped -> hop
  return w;
}

WordId word_id(std::string_view stem) {
  // FNV-1a: stable across runs and builds.
  WordId hash = 1469598103934665603ull;
  for (unsigned char c : stem) hash = (hash ^ c) * 1099511628211ull;
  return hash;
}

WordId english_word_id(std::string_view word) {
  return word_id(english_stem(to_lower_ascii(word)));
}

bool is_english_stopword(std::string_view word) {
  static const std::unordered_map<std::string_view, bool> kStop = [] {
    std::unordered_map<std::string_view, bool> m;
    for (std::string_view w :
         {"a", "an", "the", "of", "to", "in", "on", "at", "by", "for", "with", "from", "as", "and", "or", "but",
          "be", "is", "are", "was", "were", "been", "being", "it", "its", "that", "this", "these", "those", "if",
          "then", "than", "so", "not", "no", "do", "does", "did", "have", "has", "had", "will", "would", "shall",
          "should", "can", "could", "may", "might", "must", "there", "here", "which", "who", "whom", "what",
          "when", "where", "why", "how", "all", "any", "some", "such", "into", "out", "up", "down", "over",
          "just", "very", "too", "also", "only", "about", "again", "s", "t", "d", "ll", "re", "ve", "m",
          "o", "oh", "yes", "upon", "while", "though", "although", "because", "after", "before", "own"})
      m.emplace(w, true);
    return m;
  }();
  return kStop.count(word) != 0;
}

Lexicon::Translations Lexicon::find(std::string_view headword) const {
  const auto found = entries_.find(headword);
  if (found == entries_.end()) return {};
  return {words_.data() + found->second.first, found->second.second};
}

void Lexicon::reserve(std::size_t headwords, std::size_t words) {
  entries_.reserve(headwords);
  words_.reserve(words);
}

void Lexicon::add(std::string_view headword, const std::vector<WordId>& translations, bool owned) {
  max_bytes_ = std::max(max_bytes_, headword.size());
  auto found = entries_.find(headword);
  if (found != entries_.end()) {
    // Rare (a traditional form shared by two simplified ones): copy both lists to a new run.
    std::vector<WordId> merged(words_.begin() + found->second.first,
                               words_.begin() + found->second.first + found->second.second);
    merged.insert(merged.end(), translations.begin(), translations.end());
    found->second = {static_cast<std::uint32_t>(words_.size()), static_cast<std::uint32_t>(merged.size())};
    words_.insert(words_.end(), merged.begin(), merged.end());
    return;
  }
  if (owned) {
    owned_keys_.push_back(std::make_unique<std::string>(headword));
    headword = *owned_keys_.back();
  }
  entries_.emplace(headword, std::make_pair(static_cast<std::uint32_t>(words_.size()),
                                            static_cast<std::uint32_t>(translations.size())));
  words_.insert(words_.end(), translations.begin(), translations.end());
}

Lexicon load_lexicon(const std::string& path, bool keep_raw) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError(path, "cannot read the lexicon");
  std::stringstream buffer;
  buffer << in.rdbuf();
  Lexicon lexicon;
  lexicon.keep_text(buffer.str());
  const std::string_view text = lexicon.text();
  lexicon.reserve(static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')) * 3 / 2, text.size() / 6);
  std::unordered_map<std::string_view, WordId> stems;  // gloss words repeat a lot: stem each once
  stems.reserve(100000);
  std::vector<WordId> ids;
  std::size_t line_number = 0;
  for_each_line(text, [&](const Line& bounds) {
    const std::string_view line = text.substr(bounds.begin, bounds.end - bounds.begin);
    ++line_number;
    if (line.empty()) return;
    const auto tab1 = line.find('\t');
    const auto tab2 = tab1 == std::string_view::npos ? std::string_view::npos : line.find('\t', tab1 + 1);
    if (tab2 == std::string_view::npos)
      throw InputError(path, "line " + std::to_string(line_number) + ": expected 3 tab-separated fields");
    ids.clear();
    std::string_view words = line.substr(tab2 + 1);
    while (!words.empty()) {
      const auto space = words.find(' ');
      const std::string_view word = words.substr(0, space);
      if (!word.empty()) {
        auto found = stems.find(word);
        if (found == stems.end()) found = stems.emplace(word, word_id(english_stem(word))).first;
        ids.push_back(found->second);
      }
      if (space == std::string_view::npos) break;
      words.remove_prefix(space + 1);
    }
    const std::string_view simplified = line.substr(0, tab1);
    std::string_view traditional = line.substr(tab1 + 1, tab2 - tab1 - 1);
    while (!traditional.empty()) {
      const auto comma = traditional.find(',');
      lexicon.add(traditional.substr(0, comma), ids, false);
      if (comma == std::string_view::npos) break;
      traditional.remove_prefix(comma + 1);
    }
    if (keep_raw) lexicon.keep_raw(std::string(simplified), std::string(line.substr(tab2 + 1)));
    lexicon.add(simplified, ids, false);
  });
  return lexicon;
}

std::optional<std::string> find_data_file(std::string_view relative) {
  return find_file_in(data_search_path(), relative);
}

const Lexicon& default_lexicon() {
  // Loaded once and never destroyed: freeing its 190k headwords one by one at
  // exit cost a short run as much as a tenth of its time, and the process ends anyway.
  static const Lexicon& lexicon = *new Lexicon([] {
    const auto path = find_data_file("cedict/cedict.tsv");
    if (!path) {
      std::cerr << "transcheck: note: CC-CEDICT lexicon (cedict/cedict.tsv) not found; set TRANSCHECK_DATA_DIR. "
                   "Aligning by length, numbers and names only.\n";
      return Lexicon();
    }
    try {
      return load_lexicon(*path);
    } catch (const InputError& error) {
      std::cerr << "transcheck: note: " << error.what() << "; aligning without the lexicon.\n";
      return Lexicon();
    }
  }());
  return lexicon;
}

}  // namespace tc
