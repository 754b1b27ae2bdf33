#pragma once
// The bilingual lexicon the aligner scores with: Chinese headwords mapped to
// the (stemmed) English content words of their CC-CEDICT glosses.
// English words are identified by a 64-bit hash of their stem (word_id), so
// glossary terms and document words share one id space without a table.
#include <cstdint>
#include <deque>
#include <iosfwd>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/flat_map.h"
namespace tc {

using WordId = std::uint64_t;

// Stem of a lower-case English word: plural, past, -ing, -ly and similar
// suffixes stripped, a few irregular forms mapped to their base.
std::string english_stem(std::string_view lower_word);
WordId word_id(std::string_view stem);
// word_id one byte at a time: the hash of no bytes, and of one byte more.
inline constexpr WordId kWordIdBasis = 1469598103934665603ull;
inline constexpr WordId word_id_step(WordId hash, unsigned char c) { return (hash ^ c) * 1099511628211ull; }
// word_id of the salt followed by the text (made without a string of them).
inline constexpr WordId salted(std::string_view text, char salt) {
  WordId hash = word_id_step(kWordIdBasis, static_cast<unsigned char>(salt));
  for (const char c : text) hash = word_id_step(hash, static_cast<unsigned char>(c));
  return hash;
}
// Id of an English word as it appears in text (any case).
WordId english_word_id(std::string_view word);
// True for English function words that carry no alignment evidence.
bool is_english_stopword(std::string_view lower_word);

class MappedFile;

class Lexicon {
 public:
  struct Translations {
    const WordId* data = nullptr;
    std::size_t size = 0;
    const WordId* begin() const { return data; }
    const WordId* end() const { return data + size; }
    explicit operator bool() const { return data != nullptr; }
  };
  Lexicon() = default;
  Lexicon(Lexicon&&) = default;
  Lexicon& operator=(Lexicon&&) = default;
  // Translations of a Chinese headword (simplified or traditional); empty when unknown.
  Translations find(std::string_view headword) const { return find(headword, word_id(headword)); }
  // The same with word_id(headword) known (a caller looking up the prefixes
  // of one text hashes them in one pass).
  Translations find(std::string_view headword, WordId hash) const;
  // Starts loading the index's bucket for a headword of this word_id, for a find soon after.
  void prefetch(WordId hash) const;
  // False when no headword is longer than a text of this word_id and starts
  // with it (a text ending between two UTF-8 characters that is no prefix of
  // any headword), so a caller trying ever longer texts at one start may
  // stop; true may be wrong (always true but for a mapped index).
  bool may_continue(WordId prefix_hash) const;
  std::size_t max_headword_bytes() const { return max_bytes_; }
  std::size_t size() const;
  bool empty() const { return size() == 0; }
  // Pinyin of a Han character from the index's table ("zhong"; empty when it
  // has none); nullopt when the lexicon carries no table (read from the TSV
  // or built in memory), and the caller asks ICU (align/pinyin.h).
  std::optional<std::string_view> pinyin(char32_t han) const;
  void reserve(std::size_t headwords, std::size_t words);
  // Adds translations to a headword; `headword` must outlive the lexicon when
  // `owned` is false (the loader keeps the file text). Not for a mapped index.
  void add(std::string_view headword, const std::vector<WordId>& translations, bool owned = true);
  void keep_text(std::string text) { text_ = std::move(text); }
  const std::string& text() const { return text_; }
  // Every headword with its English gloss words as written in the file (for synthetic benchmarks).
  const std::vector<std::pair<std::string, std::string>>& raw_entries() const { return raw_; }
  void keep_raw(std::string headword, std::string words) { raw_.emplace_back(std::move(headword), std::move(words)); }

  // The compact binary index (see lexicon.cpp for the layout): the headwords
  // of this lexicon, read from the TSV, with `pinyin` (code point, syllable;
  // ascending) for every Han character that has a reading.
  void write_index(std::ostream& out, const std::vector<std::pair<char32_t, std::string>>& pinyin) const;
  // Uses an index written by write_index in place (memory-mapped): no
  // parsing, so a short run pays only for the pages it touches. Throws
  // InputError when the file is not such an index.
  static Lexicon map_index(const std::string& path);

 private:
  struct Index;  // the mapped file's tables
  std::shared_ptr<const Index> index_;
  // The added headwords: each its run of words_ (a headword added twice gets
  // a new run holding both lists), found by word_id through by_hash_ (the
  // first of the hash's entries; next: the one before it). find(headword,
  // hash) is called for every length of a headword at every start: hashing
  // the headword again there made long glossary terms quadratic.
  struct Entry {
    std::string_view key;
    std::uint32_t first = 0, count = 0;
    std::uint32_t next = FlatMap::kNoValue;
  };
  std::uint32_t find_entry(std::string_view headword, WordId hash) const;
  std::vector<Entry> entries_;
  FlatMap by_hash_;
  std::vector<WordId> words_;
  std::string text_;                  // the file: keys point into it
  std::deque<std::string> owned_keys_;  // keys added as owned (a deque: they never move)
  std::vector<std::pair<std::string, std::string>> raw_;
  std::size_t max_bytes_ = 0;
};

// Reads a lexicon file in the format tools/build_cedict.mjs writes (the TSV;
// the build turns it into the index, tools/lexicon_index.cpp). Throws
// InputError when it cannot be read. keep_raw keeps the gloss text too.
Lexicon load_lexicon(const std::string& path, bool keep_raw = false);

// Where data file `relative` (e.g. "cedict/cedict.tsv") is: the environment
// variable TRANSCHECK_DATA_DIR, then beside the installed binary, then the source
// tree, then the install prefix (core/data_path.h).
std::optional<std::string> find_data_file(std::string_view relative);

// The CC-CEDICT lexicon, loaded on first use: the index cedict/cedict.idx
// mapped, or else cedict/cedict.tsv parsed, from the first data directory
// holding either. When neither is there it says so once on stderr and
// returns an empty lexicon.
const Lexicon& default_lexicon();

}  // namespace tc
