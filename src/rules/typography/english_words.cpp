#include "rules/typography/english_words.h"

#include <hunspell/hunspell.hxx>

#include <sys/stat.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <system_error>
#include <filesystem>
#include <functional>
#include <iostream>

#include "core/data_path.h"
#include "core/error.h"
#include "core/mapped_file.h"
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

namespace {

constexpr std::size_t kIndexHeader = EnglishWordIndex::kMagic.size() + 4 * 8 + 4;  // magic, two (size, mtime), count

std::uint64_t read_u64(const char* at) {
  std::uint64_t value = 0;
  std::memcpy(&value, at, sizeof value);
  return value;
}

std::uint32_t read_u32(const char* at) {
  std::uint32_t value = 0;
  std::memcpy(&value, at, sizeof value);
  return value;
}

bool stamp_matches(const char* at, const std::string& path) {
  const auto stamp = EnglishWordIndex::stamp_of(path);
  return stamp && read_u64(at) == stamp->size && read_u64(at + 8) == stamp->mtime;
}

}  // namespace

std::optional<EnglishWordIndex::DictionaryStamp> EnglishWordIndex::stamp_of(const std::string& dictionary) {
  struct stat info {};
  if (stat(dictionary.c_str(), &info) != 0) return std::nullopt;
  return DictionaryStamp{static_cast<std::uint64_t>(info.st_size), static_cast<std::uint64_t>(info.st_mtime)};
}

EnglishWordIndex::EnglishWordIndex(const std::string& index_path, const std::string& general_dic,
                                   const std::string& medical_dic) {
  if (index_path.empty()) return;
  try {
    file_ = std::make_unique<MappedFile>(index_path);
  } catch (const InputError&) {
    return;
  }
  const char* data = file_->data();
  const std::size_t size = file_->size();
  if (size < kIndexHeader || std::string_view(data, kMagic.size()) != kMagic) return;
  if (!stamp_matches(data + 8, general_dic) || !stamp_matches(data + 24, medical_dic)) return;
  const std::uint32_t count = read_u32(data + 40);
  const std::size_t words_at = kIndexHeader + (std::size_t{count} + 1) * 4;
  if (size < words_at || read_u32(data + words_at - 4) != size - words_at) return;
  offsets_ = data + kIndexHeader;
  words_ = data + words_at;
  count_ = count;
  // (An empty word, were there one, sorts first and counts as below every byte.)
  std::uint32_t at = 0;
  for (std::size_t byte = 0; byte < first_byte_end_.size(); ++byte) {
    std::uint32_t high = count_;
    while (at < high) {
      const std::uint32_t middle = at + (high - at) / 2;
      const std::string_view word = word_at(middle);
      if (word.empty() || static_cast<unsigned char>(word[0]) <= byte)
        at = middle + 1;
      else
        high = middle;
    }
    first_byte_end_[byte] = at;
  }
}

std::string_view EnglishWordIndex::word_at(std::uint32_t index) const {
  const std::uint32_t begin = read_u32(offsets_ + std::size_t{index} * 4);
  const std::uint32_t end = read_u32(offsets_ + (std::size_t{index} + 1) * 4);
  return {words_ + begin, end - begin};
}

EnglishWordIndex::~EnglishWordIndex() = default;

// The shapes tools/english_words_index.cpp keeps: Hunspell's verdict on them
// depends only on the dictionaries' expanded forms (no compounding, no
// KEEPCASE in en_US.aff; a mixed-case word is looked up as it is, a word in
// capitals as it is, capitalised and in lowercase: all forms the index holds),
// so the index decides them exactly.
bool EnglishWordIndex::covers(std::string_view word) {
  const auto lower = [](char c) { return c >= 'a' && c <= 'z'; };
  const auto digit = [](char c) { return c >= '0' && c <= '9'; };
  if (word.empty() || word.size() > kLongestWord) return false;
  const auto upper = [](char c) { return c >= 'A' && c <= 'Z'; };
  if (std::all_of(word.begin(), word.end(), [&](char c) { return lower(c) || upper(c); })) return true;  // vaccine, Vaccine, iPhone, BSD
  return lower(word[0]) && std::all_of(word.begin(), word.end(), [&](char c) { return lower(c) || digit(c); });  // alpha1
}

bool EnglishWordIndex::contains(std::string_view word) const {
  if (word.empty() || count_ == 0) return word.empty() && count_ > 0 && word_at(0).empty();
  // Among the words of its first byte, which all words there share: the
  // bytes after it are compared here (a word differs from most it meets
  // within a byte or two; memcmp was a call a step).
  const auto first = static_cast<unsigned char>(word[0]);
  std::uint32_t low = first == 0 ? 0 : first_byte_end_[first - 1], high = first_byte_end_[first];
  while (low < high) {
    const std::uint32_t middle = low + (high - low) / 2;
    const std::string_view listed = word_at(middle);
    const std::size_t common = std::min(listed.size(), word.size());
    std::size_t k = 1;
    while (k < common && listed[k] == word[k]) ++k;
    const bool before = k < common ? static_cast<unsigned char>(listed[k]) < static_cast<unsigned char>(word[k])
                                   : listed.size() < word.size();
    if (k == common && listed.size() == word.size()) return true;
    if (before)
      low = middle + 1;
    else
      high = middle;
  }
  return false;
}

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
      medical_(in_directory(directory_, "en_US.aff"), in_directory(directory_, "en_med_glut.dic")),
      index_(find_file_in(data_search_path(), "hunspell/english_words.idx").value_or(std::string()),
             in_directory(directory_, "en_US.dic"), in_directory(directory_, "en_med_glut.dic")) {}
EnglishLexicon::~EnglishLexicon() = default;

bool EnglishLexicon::available() const {
  // A usable index was checked against the dictionaries' files.
  const bool found = index_.usable() || general_.available();
  if (!found)
    std::call_once(reported_missing_, [this] {
      std::cerr << "transcheck: English dictionaries not found in " << directory_
                << " (en_US.aff, en_US.dic); typography word checks report nothing."
                   " Set TRANSCHECK_HUNSPELL_DIR to their directory.\n";
    });
  return found;
}

void EnglishLexicon::prefetch() const {
  if (index_.usable()) return;
  general_.prefetch();
  medical_.prefetch();
}

bool EnglishLexicon::spell(const std::string& word) const {
  if (!available()) return false;
  if (index_.usable() && EnglishWordIndex::covers(word)) return index_.contains(word);
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
  glossary_words_ = glossary->english_words();  // gathered once a run, not once a document and rule
  if (glossary_words_) return;
  unindexed_glossary_words_ = std::make_unique<const GlossaryWords>(glossary->entries);
  glossary_words_ = unindexed_glossary_words_.get();
}

bool WordOracle::look_up(std::string_view word) const {
  return (glossary_words_ && !glossary_words_->empty() && glossary_words_->contains(to_lower_ascii(word))) ||
         lexicon_.spell(std::string(word));
}

bool WordOracle::known(std::string_view word) {
  if (word.size() > kLongestWord) return false;
  const std::uint64_t key = FlatMap::key_of(std::hash<std::string_view>{}(word));
  if (const std::uint32_t entry = known_index_.find(key); entry != FlatMap::kNoValue) {
    const std::uint32_t begin = entry == 0 ? 0 : known_ends_[entry - 1];
    if (std::string_view(known_text_).substr(begin, known_ends_[entry] - begin) == word) return known_verdicts_[entry];
    return look_up(word);
  }
  const bool result = look_up(word);
  if (known_text_.size() + word.size() > UINT32_MAX) return result;  // entries hold 32-bit offsets
  bool inserted = false;
  known_index_.insert(key, static_cast<std::uint32_t>(known_ends_.size()), inserted);
  known_text_.append(word);
  known_ends_.push_back(static_cast<std::uint32_t>(known_text_.size()));
  known_verdicts_.push_back(result);
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
