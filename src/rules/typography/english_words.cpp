#include "rules/typography/english_words.h"

#include <hunspell/hunspell.hxx>

#include <cstdlib>
#include <system_error>
#include <filesystem>
#include <iostream>

#include "glossary/glossary.h"
#include "rules/typography/text.h"

namespace tc::typography {

namespace {

std::string hunspell_directory() {
  const char* override_dir = std::getenv("TRANSCHECK_HUNSPELL_DIR");
  return override_dir && *override_dir ? std::string(override_dir) : std::string("/usr/share/hunspell");
}

std::string in_directory(const std::string& directory, const char* name) {
  return (std::filesystem::path(directory) / name).string();
}

}  // namespace

HunspellDictionary::HunspellDictionary(std::string aff, std::string dic) : aff_(std::move(aff)), dic_(std::move(dic)) {}
HunspellDictionary::~HunspellDictionary() = default;

bool HunspellDictionary::available() const {
  std::call_once(loaded_, [this] {
    std::error_code ec;
    if (std::filesystem::exists(aff_, ec) && std::filesystem::exists(dic_, ec))
      hunspell_ = std::make_unique<Hunspell>(aff_.c_str(), dic_.c_str());
  });
  return hunspell_ != nullptr;
}

void HunspellDictionary::prefetch() const {
  std::call_once(prefetch_started_, [this] {
    try {
      prefetch_ = std::async(std::launch::async, [this] { available(); });
    } catch (const std::system_error&) {
      // No thread to spare: the first query loads it.
    }
  });
}

bool HunspellDictionary::spell(const std::string& word) const {
  if (!available()) return false;
  std::lock_guard lock(use_);
  return hunspell_->spell(word);
}

std::vector<std::string> HunspellDictionary::suggest(const std::string& word) const {
  if (!available()) return {};
  std::lock_guard lock(use_);
  return hunspell_->suggest(word);
}

EnglishLexicon::EnglishLexicon()
    : directory_(hunspell_directory()),
      general_(in_directory(directory_, "en_US.aff"), in_directory(directory_, "en_US.dic")),
      medical_(in_directory(directory_, "en_US.aff"), in_directory(directory_, "en_med_glut.dic")) {}
EnglishLexicon::~EnglishLexicon() = default;

bool EnglishLexicon::available() const {
  const bool found = general_.available();
  if (!found)
    std::call_once(reported_missing_, [this] {
      std::cerr << "transcheck: English dictionaries not found in " << directory_
                << " (en_US.aff, en_US.dic); typography word checks report nothing."
                   " Set TRANSCHECK_HUNSPELL_DIR to their directory.\n";
    });
  return found;
}

void EnglishLexicon::prefetch() const {
  general_.prefetch();
  medical_.prefetch();
}

bool EnglishLexicon::spell(const std::string& word) const {
  if (!available()) return false;
  if (word.size() > kLongestWord) return general_.spell(word) || medical_.spell(word);
  {
    std::lock_guard lock(spelled_lock_);
    if (const auto it = spelled_.find(word); it != spelled_.end()) return it->second;
  }
  const bool known = general_.spell(word) || medical_.spell(word);
  std::lock_guard lock(spelled_lock_);
  spelled_.emplace(word, known);
  return known;
}

std::vector<std::string> EnglishLexicon::suggest(const std::string& word) const {
  if (!available()) return {};
  std::vector<std::string> suggestions = general_.suggest(word);
  return suggestions.empty() ? medical_.suggest(word) : suggestions;
}

WordOracle::WordOracle(const EnglishLexicon& lexicon, const Glossary* glossary)
    : lexicon_(lexicon), available_(lexicon.available()) {
  if (!glossary) return;
  auto add_words = [this](std::string_view term) {
    for_each_letter_run(term, [&](std::size_t begin, std::size_t end) {
      glossary_words_.insert(to_lower_ascii(term.substr(begin, end - begin)));
    });
  };
  for (const GlossaryEntry& entry : glossary->entries) {
    add_words(entry.en);
    for (const std::string& variant : entry.variants) add_words(variant);
  }
}

bool WordOracle::known(std::string_view word) {
  if (word.size() > kLongestWord) return false;
  std::string key(word);
  const auto it = known_cache_.find(key);
  if (it != known_cache_.end()) return it->second;
  const bool result = glossary_words_.count(to_lower_ascii(word)) > 0 || lexicon_.spell(key);
  known_cache_.emplace(std::move(key), result);
  return result;
}

const std::string& WordOracle::first_suggestion(std::string_view word) {
  static const std::string kNone;
  if (word.size() > kLongestWord) return kNone;
  std::string key(word);
  auto it = suggestion_cache_.find(key);
  if (it == suggestion_cache_.end()) {
    std::vector<std::string> suggestions = lexicon_.suggest(key);
    it = suggestion_cache_.emplace(std::move(key), suggestions.empty() ? std::string() : suggestions.front()).first;
  }
  return it->second;
}

}  // namespace tc::typography
