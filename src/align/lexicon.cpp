#include "align/lexicon.h"

#include <algorithm>
#include <bit>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <limits>
#include <sstream>
#include <stdexcept>

#include "core/data_path.h"
#include "core/error.h"
#include "core/line_index.h"
#include "core/mapped_file.h"
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
      {"fled", "flee"}, {"hung", "hang"}, {"laid", "lie"}, {"lit", "light"}, {"sold", "sell"},
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

// A final silent e goes (make/making -> mak, hope/hoped -> hop): the forms of one word meet.
void drop_final_e(std::string& w) {
  if (w.size() > 3 && w.back() == 'e') w.pop_back();
}

}  // namespace

std::string english_stem(std::string_view word) {
  // An irregular form ends as its base does ("came" and "come" both "com"),
  // or it would never meet the lexicon's glosses, which go through here too.
  if (const auto base = irregular_base(word); !base.empty()) {
    std::string w(base);
    drop_final_e(w);
    return w;
  }
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
  drop_final_e(w);
  return w;
}

WordId word_id(std::string_view stem) {
  // FNV-1a: stable across runs and builds.
  WordId hash = kWordIdBasis;
  for (unsigned char c : stem) hash = word_id_step(hash, c);
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

// The index file, written by the build on the machine that uses it (host
// byte order; the header says which). All offsets are in elements of the
// table they index; tables follow the header in this order, each 8-byte aligned:
//   std::uint32_t buckets[bucket_count]   open addressing by word_id(headword): the top bits of
//                                         word_id(headword) (a tag) above the headword's record (its
//                                         offset in records, plus 1, in the low record_bits); 0 empty
//   std::uint64_t records[record_words]   per headword: an IndexRecord, its bytes (padded to 8), then
//                                         its translations (a WordId each)
//   std::uint64_t filter[filter_slots / 32]  two bits a slot (slot: the top bits of a word_id): the low
//                                         one set when a headword has that hash's slot, the high one
//                                         when a longer headword starts with a text of that slot
//   PinyinEntry pinyin[pinyin_count]      ascending code points, syllable bytes in strings
//   char strings[string_bytes]
// A lookup reads a bucket and one record: the headword and its translations
// side by side, in one or two cache lines (an entry table, a string table and
// a word table were three misses in a row on tables of megabytes). Most
// lookups are of texts no headword is (the aligner asks every length at
// every character, longest first): the filter, an eighth of the buckets'
// size and so mostly in cache, turns nine in ten of them away before their
// bucket, and tells where no longer headword can start.
struct IndexHeader {
  char magic[8];
  std::uint32_t version;
  std::uint32_t byte_order;
  std::uint32_t bucket_count;  // a power of two, at least twice entry_count
  std::uint32_t entry_count;
  std::uint32_t pinyin_count;
  std::uint32_t max_headword_bytes;
  std::uint32_t filter_slots;  // a power of two, at least 32
  std::uint32_t record_bits;  // a bucket's bits that number a record, 1 to 32
  std::uint64_t record_words;
  std::uint64_t string_bytes;
};
struct IndexRecord {
  std::uint32_t key_bytes, words_count;
};
static_assert(sizeof(IndexRecord) == sizeof(std::uint64_t));
struct PinyinEntry {
  std::uint32_t code_point, offset, bytes;
};
constexpr char kIndexMagic[8] = {'T', 'C', 'L', 'E', 'X', 'I', 'D', 'X'};
constexpr std::uint32_t kIndexVersion = 3;
// A bucket holds a tag of its headword's hash beside its record (its other
// bits): a text the filter lets through by mistake is mostly turned away
// without reading a record. (Four bytes a bucket: eight made a short run map
// two megabytes more of the file.)
constexpr std::uint32_t bucket_tag(WordId hash, std::uint32_t record_bits) {
  return record_bits >= 32 ? 0 : static_cast<std::uint32_t>(hash >> (32 + record_bits));
}
constexpr std::uint32_t bucket_record(std::uint32_t held, std::uint32_t record_bits) {
  return record_bits >= 32 ? held : held & ((std::uint32_t{1} << record_bits) - 1);
}
constexpr std::uint32_t kByteOrder = 0x01020304;
// The filter's slot of a hash (slots: a power of two), and its bits.
constexpr std::size_t filter_slot(WordId hash, std::uint32_t slots) {
  return static_cast<std::size_t>(hash >> 40) & (slots - 1);
}
constexpr std::uint64_t kHeadwordBit = 1, kPrefixBit = 2;
constexpr std::uint64_t filter_bits(const std::uint64_t* filter, std::size_t slot) {
  return filter[slot / 32] >> (slot % 32 * 2) & 3;
}

constexpr std::size_t aligned8(std::size_t bytes) { return (bytes + 7) / 8 * 8; }

struct Lexicon::Index {
  std::shared_ptr<const MappedFile> file;
  const IndexHeader* header = nullptr;
  const std::uint32_t* buckets = nullptr;
  const std::uint64_t* records = nullptr;
  const std::uint64_t* filter = nullptr;
  const PinyinEntry* pinyin = nullptr;
  const char* strings = nullptr;

  // References are checked where they are followed (not all at start-up,
  // which would read the whole file), so a damaged file cannot make a lookup
  // read astray.
  bool inside_strings(std::uint32_t offset, std::uint32_t bytes) const {
    return std::uint64_t{offset} + bytes <= header->string_bytes;
  }
  // The record at `at` (in records) when it lies inside the table, else null.
  const IndexRecord* record(std::uint64_t at) const {
    if (at >= header->record_words) return nullptr;
    const auto* found = reinterpret_cast<const IndexRecord*>(records + at);
    const std::uint64_t words = aligned8(found->key_bytes) / 8 + std::uint64_t{found->words_count};
    return words <= header->record_words - at - 1 ? found : nullptr;
  }
};

Lexicon Lexicon::map_index(const std::string& path) {
  auto index = std::make_shared<Index>();
  index->file = std::make_shared<MappedFile>(path);
  const std::string_view bytes = index->file->bytes();
  auto damaged = [&](const std::string& what) { return InputError(path, "not a lexicon index of this build (" + what + ")"); };
  if (bytes.size() < sizeof(IndexHeader)) throw damaged("too short");
  const auto* header = reinterpret_cast<const IndexHeader*>(bytes.data());
  if (std::memcmp(header->magic, kIndexMagic, sizeof kIndexMagic) != 0) throw damaged("no index header");
  if (header->version != kIndexVersion || header->byte_order != kByteOrder) throw damaged("another version");
  if (header->bucket_count == 0 || (header->bucket_count & (header->bucket_count - 1)) != 0 ||
      header->bucket_count < header->entry_count || header->filter_slots < 32 ||
      (header->filter_slots & (header->filter_slots - 1)) != 0 || header->record_bits == 0 || header->record_bits > 32)
    throw damaged("bad table size");
  std::size_t offset = sizeof(IndexHeader);
  auto table = [&](std::size_t element_bytes, std::uint64_t count) {
    const std::size_t begin = offset;
    if (count > (bytes.size() - offset) / element_bytes) throw damaged("truncated");
    offset = aligned8(offset + element_bytes * count);
    return bytes.data() + begin;
  };
  index->header = header;
  index->buckets = reinterpret_cast<const std::uint32_t*>(table(sizeof(std::uint32_t), header->bucket_count));
  index->records = reinterpret_cast<const std::uint64_t*>(table(sizeof(std::uint64_t), header->record_words));
  index->filter = reinterpret_cast<const std::uint64_t*>(table(sizeof(std::uint64_t), header->filter_slots / 32));
  index->pinyin = reinterpret_cast<const PinyinEntry*>(table(sizeof(PinyinEntry), header->pinyin_count));
  index->strings = table(1, header->string_bytes);
  Lexicon lexicon;
  lexicon.max_bytes_ = header->max_headword_bytes;
  lexicon.index_ = std::move(index);
  return lexicon;
}

void Lexicon::write_index(std::ostream& out, const std::vector<std::pair<char32_t, std::string>>& pinyin) const {
  // Sorted headwords: the same TSV always gives the same bytes.
  std::vector<std::string_view> keys;
  keys.reserve(entries_.size());
  for (const Entry& entry : entries_) keys.push_back(entry.key);
  std::sort(keys.begin(), keys.end());
  IndexHeader header{};
  std::memcpy(header.magic, kIndexMagic, sizeof kIndexMagic);
  header.version = kIndexVersion;
  header.byte_order = kByteOrder;
  header.bucket_count = 2;
  while (header.bucket_count < 2 * keys.size()) header.bucket_count *= 2;
  header.entry_count = static_cast<std::uint32_t>(keys.size());
  header.pinyin_count = static_cast<std::uint32_t>(pinyin.size());
  header.max_headword_bytes = static_cast<std::uint32_t>(max_bytes_);
  // About eight slots a headword: a text no headword is passes for one
  // once in ten or so.
  header.filter_slots = 32;
  while (header.filter_slots < 8 * keys.size()) header.filter_slots *= 2;
  std::vector<std::uint64_t> filter(header.filter_slots / 32, 0);
  auto mark = [&](WordId hash, std::uint64_t bit) {
    const std::size_t slot = filter_slot(hash, header.filter_slots);
    filter[slot / 32] |= bit << (slot % 32 * 2);
  };
  std::vector<std::pair<WordId, std::uint64_t>> placed;  // each headword's hash and record
  placed.reserve(keys.size());
  std::vector<std::uint64_t> records;
  std::vector<PinyinEntry> syllables;
  std::string strings;
  for (const std::string_view key : keys) {
    const Entry& own = entries_[find_entry(key, word_id(key))];
    const std::uint64_t at = records.size();
    if (at >= std::numeric_limits<std::uint32_t>::max()) throw std::length_error("lexicon index: records past a bucket's reach");
    IndexRecord record{static_cast<std::uint32_t>(key.size()), own.count};
    records.resize(at + 1 + aligned8(key.size()) / 8, 0);
    std::memcpy(&records[at], &record, sizeof record);
    std::memcpy(&records[at + 1], key.data(), key.size());
    records.insert(records.end(), words_.begin() + own.first, words_.begin() + own.first + own.count);
    const WordId hash = word_id(key);
    mark(hash, kHeadwordBit);
    // Its proper prefixes that end between two UTF-8 characters (the empty one too).
    WordId prefix = kWordIdBasis;
    for (std::size_t k = 0; k < key.size(); ++k) {
      if ((static_cast<unsigned char>(key[k]) & 0xC0) != 0x80) mark(prefix, kPrefixBit);
      prefix = word_id_step(prefix, static_cast<unsigned char>(key[k]));
    }
    placed.emplace_back(hash, at + 1);
  }
  header.record_bits = std::max(1u, static_cast<std::uint32_t>(std::bit_width(records.size())));
  std::vector<std::uint32_t> buckets(header.bucket_count, 0);
  for (const auto& [hash, record] : placed) {
    std::size_t bucket = hash & (header.bucket_count - 1);
    while (buckets[bucket] != 0) bucket = (bucket + 1) & (header.bucket_count - 1);
    buckets[bucket] = (header.record_bits >= 32 ? 0 : bucket_tag(hash, header.record_bits) << header.record_bits) |
                      static_cast<std::uint32_t>(record);
  }
  for (const auto& [code_point, syllable] : pinyin) {
    syllables.push_back({static_cast<std::uint32_t>(code_point), static_cast<std::uint32_t>(strings.size()),
                         static_cast<std::uint32_t>(syllable.size())});
    strings += syllable;
  }
  header.record_words = records.size();
  header.string_bytes = strings.size();
  std::size_t written = 0;
  auto put = [&](const void* data, std::size_t bytes) {
    out.write(static_cast<const char*>(data), static_cast<std::streamsize>(bytes));
    written += bytes;
    static constexpr char kPadding[8] = {};
    out.write(kPadding, static_cast<std::streamsize>(aligned8(written) - written));
    written = aligned8(written);
  };
  put(&header, sizeof header);
  put(buckets.data(), buckets.size() * sizeof(std::uint32_t));
  put(records.data(), records.size() * sizeof(std::uint64_t));
  put(filter.data(), filter.size() * sizeof(std::uint64_t));
  put(syllables.data(), syllables.size() * sizeof(PinyinEntry));
  put(strings.data(), strings.size());
}

std::size_t Lexicon::size() const { return index_ ? index_->header->entry_count : entries_.size(); }

std::optional<std::string_view> Lexicon::pinyin(char32_t han) const {
  if (!index_) return std::nullopt;
  const PinyinEntry* begin = index_->pinyin;
  const PinyinEntry* end = begin + index_->header->pinyin_count;
  const PinyinEntry* found = std::lower_bound(
      begin, end, han, [](const PinyinEntry& entry, char32_t cp) { return entry.code_point < cp; });
  if (found == end || found->code_point != han || !index_->inside_strings(found->offset, found->bytes))
    return std::string_view();
  return std::string_view(index_->strings + found->offset, found->bytes);
}

void Lexicon::prefetch(WordId hash) const {
  if (index_ && filter_bits(index_->filter, filter_slot(hash, index_->header->filter_slots)) & kHeadwordBit)
    __builtin_prefetch(index_->buckets + (hash & (index_->header->bucket_count - 1)));
}

bool Lexicon::may_continue(WordId hash) const {
  return !index_ || (filter_bits(index_->filter, filter_slot(hash, index_->header->filter_slots)) & kPrefixBit) != 0;
}

Lexicon::Translations Lexicon::find(std::string_view headword, WordId hash) const {
  if (index_) {
    if (!(filter_bits(index_->filter, filter_slot(hash, index_->header->filter_slots)) & kHeadwordBit)) return {};
    const std::uint32_t mask = index_->header->bucket_count - 1;
    const std::uint32_t record_bits = index_->header->record_bits;
    const std::uint32_t tag = bucket_tag(hash, record_bits);
    std::size_t bucket = hash & mask;
    for (std::size_t probes = 0; probes <= mask; ++probes, bucket = (bucket + 1) & mask) {
      const std::uint32_t held = index_->buckets[bucket];
      if (held == 0) return {};
      if (bucket_tag(std::uint64_t{held} << 32, record_bits) != tag) continue;
      const IndexRecord* record = index_->record(std::uint64_t{bucket_record(held, record_bits)} - 1);
      if (!record) return {};
      const std::uint64_t* key = reinterpret_cast<const std::uint64_t*>(record) + 1;
      if (record->key_bytes == headword.size() && std::memcmp(key, headword.data(), headword.size()) == 0)
        return {reinterpret_cast<const WordId*>(key + aligned8(record->key_bytes) / 8), record->words_count};
    }
    return {};
  }
  const std::uint32_t found = find_entry(headword, hash);
  if (found == FlatMap::kNoValue) return {};
  return {words_.data() + entries_[found].first, entries_[found].count};
}

std::uint32_t Lexicon::find_entry(std::string_view headword, WordId hash) const {
  for (std::uint32_t e = by_hash_.find(FlatMap::key_of(hash)); e != FlatMap::kNoValue; e = entries_[e].next)
    if (entries_[e].key == headword) return e;
  return FlatMap::kNoValue;
}

void Lexicon::reserve(std::size_t headwords, std::size_t words) {
  entries_.reserve(headwords);
  by_hash_.reserve(headwords);
  words_.reserve(words);
}

void Lexicon::add(std::string_view headword, const std::vector<WordId>& translations, bool owned) {
  if (index_) throw std::logic_error("Lexicon::add on a mapped index");
  max_bytes_ = std::max(max_bytes_, headword.size());
  const WordId hash = word_id(headword);
  const std::uint32_t found = find_entry(headword, hash);
  if (found != FlatMap::kNoValue) {
    // Rare (a traditional form shared by two simplified ones): copy both lists to a new run.
    Entry& entry = entries_[found];
    std::vector<WordId> merged(words_.begin() + entry.first, words_.begin() + entry.first + entry.count);
    merged.insert(merged.end(), translations.begin(), translations.end());
    entry.first = static_cast<std::uint32_t>(words_.size());
    entry.count = static_cast<std::uint32_t>(merged.size());
    words_.insert(words_.end(), merged.begin(), merged.end());
    return;
  }
  if (owned) headword = owned_keys_.emplace_back(headword);
  const auto added = static_cast<std::uint32_t>(entries_.size());
  entries_.push_back({headword, static_cast<std::uint32_t>(words_.size()), static_cast<std::uint32_t>(translations.size())});
  entries_.back().next = by_hash_.exchange(FlatMap::key_of(hash), added);
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

namespace {

// The first data directory holding the index or the TSV decides: a
// directory named by TRANSCHECK_DATA_DIR with only a TSV in it is read as
// such, not shadowed by the build's index. A damaged index falls back to
// the TSV beside it.
Lexicon load_default_lexicon() {
  namespace fs = std::filesystem;
  for (const fs::path& root : data_search_path()) {
    std::error_code error;
    const fs::path index = root / "cedict/cedict.idx";
    const fs::path table = root / "cedict/cedict.tsv";
    const bool has_index = fs::is_regular_file(index, error);
    const bool has_table = fs::is_regular_file(table, error);
    if (!has_index && !has_table) continue;
    if (has_index) {
      try {
        return Lexicon::map_index(index.string());
      } catch (const InputError& failure) {
        std::cerr << "transcheck: note: " << failure.what() << (has_table ? "; reading the TSV instead.\n" : ".\n");
        if (!has_table) break;
      }
    }
    try {
      return load_lexicon(table.string());
    } catch (const InputError& failure) {
      std::cerr << "transcheck: note: " << failure.what() << "; aligning without the lexicon.\n";
      return Lexicon();
    }
  }
  std::cerr << "transcheck: note: CC-CEDICT lexicon (cedict/cedict.tsv) not found; set TRANSCHECK_DATA_DIR. "
               "Aligning by length, numbers and names only.\n";
  return Lexicon();
}

}  // namespace

const Lexicon& default_lexicon() {
  // Loaded once and never destroyed: read from the TSV, freeing its 190k
  // headwords one by one at exit cost a short run a tenth of its time.
  static const Lexicon& lexicon = *new Lexicon(load_default_lexicon());
  return lexicon;
}

}  // namespace tc
