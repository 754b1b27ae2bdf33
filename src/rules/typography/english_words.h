#pragma once
// English word lists for the typography/ rules: Hunspell (en_US plus the
// medical en_med_glut list) and the English terms of the loaded glossary.
#include <array>
#include <cstdint>
#include <future>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "core/flat_map.h"
#include "glossary/glossary.h"

class Hunspell;

namespace tc {
class MappedFile;
}


namespace tc::typography {

// One Hunspell dictionary (with en_US.aff), loaded on first use (once,
// thread-safe). Hunspell objects are not safe to share between threads, so
// each query holds its mutex.
class HunspellDictionary {
 public:
  HunspellDictionary(std::string aff, std::string dic);
  ~HunspellDictionary();
  HunspellDictionary(const HunspellDictionary&) = delete;
  HunspellDictionary& operator=(const HunspellDictionary&) = delete;

  // False when its files are missing. Waits for a load prefetch() started.
  bool available() const;
  // Starts the load on a thread of its own (once).
  void prefetch() const;
  bool spell(const std::string& word) const;
  std::vector<std::string> suggest(const std::string& word) const;

 private:
  std::string aff_, dic_;
  mutable std::once_flag loaded_;
  mutable std::unique_ptr<Hunspell> hunspell_;
  mutable std::mutex use_;
  mutable std::once_flag prefetch_started_;
  mutable std::future<void> prefetch_;  // declared last: waited for before the rest is destroyed
};

// Hunspell's en_US and medical (en_med_glut) dictionaries, from
// $TRANSCHECK_HUNSPELL_DIR or /usr/share/hunspell. They are two objects, not
// one with add_dic(), so that they load in parallel (each ~30 ms) and the
// medical list loads only when en_US does not know a word. Owned by the rules
// that use it (created with them by all_rules()), so there is no global state.
// The words of simple shapes (vaccine, Vaccine, iPhone, BSD, alpha1) Hunspell accepts from
// the two dictionaries, made at build time (tools/english_words_index.cpp)
// and mapped: a verdict on such a word needs no Hunspell. Used only when the dictionaries are the ones it was
// made from (size and modification time match).
class EnglishWordIndex {
 public:
  // Empty (usable() false) when the file is missing, damaged or stale.
  EnglishWordIndex(const std::string& index_path, const std::string& general_dic, const std::string& medical_dic);
  ~EnglishWordIndex();
  bool usable() const { return count_ > 0; }
  // What the file's header records of each dictionary, and starts with; the
  // build tool (tools/english_words_index.cpp) writes them.
  static constexpr std::string_view kMagic = "TCWORDS2";  // 2: words in capitals too
  struct DictionaryStamp {
    std::uint64_t size = 0;
    std::uint64_t mtime = 0;
  };
  static std::optional<DictionaryStamp> stamp_of(const std::string& dictionary);
  // Whether the index decides this word: letters in any case, or a-z
  // letters then lowercase letters and digits.
  static bool covers(std::string_view word);
  bool contains(std::string_view word) const;

 private:
  std::string_view word_at(std::uint32_t index) const;
  std::unique_ptr<MappedFile> file_;
  std::uint32_t count_ = 0;
  const char* offsets_ = nullptr;  // count_ + 1 little-endian u32
  const char* words_ = nullptr;
  // The words are sorted by bytes: those starting with byte b end at index
  // first_byte_end_[b] (found once, when the file is mapped), so a look-up
  // searches only its first byte's words.
  std::array<std::uint32_t, 256> first_byte_end_{};
};

class EnglishLexicon {
 public:
  EnglishLexicon();
  ~EnglishLexicon();
  EnglishLexicon(const EnglishLexicon&) = delete;
  EnglishLexicon& operator=(const EnglishLexicon&) = delete;

  // False when the en_US dictionary could not be found (said once on stderr).
  bool available() const;
  // Starts loading both dictionaries on threads of their own (once), for a
  // rule that will need them soon; the load then overlaps the job's other work.
  // With a usable word index Hunspell is loaded only when a word the index
  // does not cover is asked, or a suggestion.
  void prefetch() const;
  // Remembers each verdict for the lexicon's life, for every file and thread
  // of a run (the words of one project's files repeat).
  bool spell(const std::string& word) const;
  // Hunspell's suggestions, best first: en_US's, else the medical list's.
  std::vector<std::string> suggest(const std::string& word) const;

 private:
  std::string directory_;
  HunspellDictionary general_;
  HunspellDictionary medical_;
  EnglishWordIndex index_;
  mutable std::once_flag reported_missing_;
  mutable std::mutex spelled_lock_;
  mutable std::unordered_map<std::string, bool> spelled_;
};

// Longer tokens are never words; they are not looked up (nor cached).
inline constexpr std::size_t kLongestWord = 64;

// One check's view of the English words: the lexicon plus the glossary terms,
// with answers cached per distinct token (Hunspell is slow-ish).
class WordOracle {
 public:
  WordOracle(const EnglishLexicon& lexicon, const Glossary* glossary);
  bool available() const { return available_; }
  // True when word is a known English word (as written, or lowercased for glossary terms).
  bool known(std::string_view word);
  // Hunspell's first suggestion, cached; empty when none.
  const std::string& first_suggestion(std::string_view word);

 private:
  const EnglishLexicon& lexicon_;
  bool available_ = false;
  // The glossary's words: its own, gathered once a run; or, for a glossary
  // without an index (built in code), gathered here.
  const GlossaryWords* glossary_words_ = nullptr;
  std::unique_ptr<const GlossaryWords> unindexed_glossary_words_;
  bool look_up(std::string_view word) const;
  // The verdicts known() gave so far, found by a hash of the token in a flat
  // table (a node and a string per token cost more than the index's look-up
  // they spare): entry i is known_text_[known_ends_[i - 1], known_ends_[i]),
  // compared before its verdict is trusted (a token whose hash an earlier
  // one has is looked up each time).
  FlatMap known_index_;
  std::string known_text_;
  std::vector<std::uint32_t> known_ends_;
  std::vector<bool> known_verdicts_;
  std::unordered_map<std::string, std::string> suggestion_cache_;
};

}  // namespace tc::typography
