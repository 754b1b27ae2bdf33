#include "rules/typography/english_words.h"

#include <hunspell/hunspell.hxx>

#include <cstdlib>
#include <system_error>
#include <filesystem>
#include <iostream>

#include "glossary/glossary.h"
#include "rules/typography/text.h"

namespace tc::typography {

EnglishLexicon::EnglishLexicon() = default;
EnglishLexicon::~EnglishLexicon() = default;

void EnglishLexicon::load() const {
  namespace fs = std::filesystem;
  const char* override_dir = std::getenv("TRANSCHECK_HUNSPELL_DIR");
  const fs::path dir = override_dir && *override_dir ? fs::path(override_dir) : fs::path("/usr/share/hunspell");
  const fs::path aff = dir / "en_US.aff";
  const fs::path dic = dir / "en_US.dic";
  std::error_code ec;
  if (!fs::exists(aff, ec) || !fs::exists(dic, ec)) {
    std::cerr << "transcheck: English dictionaries not found in " << dir.string()
              << " (en_US.aff, en_US.dic); typography word checks report nothing."
                 " Set TRANSCHECK_HUNSPELL_DIR to their directory.\n";
    return;
  }
  hunspell_ = std::make_unique<Hunspell>(aff.string().c_str(), dic.string().c_str());
  const fs::path medical = dir / "en_med_glut.dic";
  if (fs::exists(medical, ec)) hunspell_->add_dic(medical.string().c_str());
}

bool EnglishLexicon::available() const {
  std::call_once(loaded_, [this] { load(); });
  return hunspell_ != nullptr;
}

void EnglishLexicon::prefetch() const {
  std::call_once(prefetch_started_, [this] {
    try {
      prefetch_ = std::async(std::launch::async, [this] { available(); });
    } catch (const std::system_error&) {
      // No thread to spare: the first query loads it.
    }
  });
}

bool EnglishLexicon::spell(const std::string& word) const {
  if (!available()) return false;
  std::lock_guard lock(use_);
  return hunspell_->spell(word);
}

std::vector<std::string> EnglishLexicon::suggest(const std::string& word) const {
  if (!available()) return {};
  std::lock_guard lock(use_);
  return hunspell_->suggest(word);
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
