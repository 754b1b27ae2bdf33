#pragma once
// What the aligner knows about each sentence: the tokens that need a
// counterpart on the other side, and the word ids it offers to cover the
// other side's tokens.
#include <algorithm>
#include <array>
#include <bit>
#include <cassert>
#include <cstring>
#include <cstdint>
#include <deque>
#include <functional>
#include <iterator>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/alignment.h"
#include "align/lexicon.h"
#include "align/path.h"
#include "align/pinyin.h"
#include "core/document.h"
#include "text/ascii.h"

namespace tc {

// A byte of a Latin word as the feature extractor reads words: a letter or a digit.
inline bool is_latin_word_byte(char c) { return is_ascii_alnum(static_cast<unsigned char>(c)); }
// The end of the Latin word starting at pos (before `end`): letters and digits
// joined by '-', '+' or an apostrophe (PD-1, IL-6, CD8+, don't).
std::size_t latin_run_end(std::string_view text, std::size_t pos, std::size_t end);

class Glossary;
struct NumberMention;

inline constexpr std::size_t kMaxTokens = 64;  // tokens per sentence (bits of a mask)

using Offer = std::pair<WordId, std::uint64_t>;  // an id, and the bits of the tokens offering it

// The offers found for every sentence of a side, in blocks of many
// sentences (a vector a sentence took its header and an allocation of its
// own, on short sentences several times its one or two offers; one vector
// of them all held up to three times them while it grew): sentence k's are
// the k-th span. A sentence's offers are told by where they end, 4 bytes
// a sentence where a span took 16 (on short lines as much as the offers).
class FoundOffers {
 public:
  std::size_t size() const { return ends_.size(); }
  std::span<const Offer> operator[](std::size_t k) const {
    const std::uint32_t end = ends_[k], previous_end = k > 0 ? ends_[k - 1] : 0;
    if (end == previous_end) return {};
    // The block holding the last offer: a sentence's offers are in one block,
    // from the previous sentence's end or, when they opened it, the block's start.
    const std::size_t block =
        static_cast<std::size_t>(std::upper_bound(block_begin_.begin(), block_begin_.end(), end - 1) - block_begin_.begin()) - 1;
    const std::uint32_t begin = std::max(previous_end, block_begin_[block]);
    return {blocks_[block].get() + (begin - block_begin_[block]), end - begin};
  }
  void reserve(std::size_t sentences) { ends_.reserve(sentences); }
  // Appends the next sentence's offers.
  void add(std::span<const Offer> more) {
    if (more.size() > left_) {
      // (Positions count every block's whole room, the unused end of the last one too.)
      end_ += static_cast<std::uint32_t>(left_);
      left_ = std::max(more.size(), kBlockOffers);
      assert(end_ + left_ <= UINT32_MAX);
      blocks_.push_back(std::make_unique<Offer[]>(left_));
      block_begin_.push_back(end_);
      at_ = blocks_.back().get();
    }
    std::copy(more.begin(), more.end(), at_);
    end_ += static_cast<std::uint32_t>(more.size());
    ends_.push_back(end_);
    at_ += more.size(), left_ -= more.size();
  }

 private:
  static constexpr std::size_t kBlockOffers = 4096;  // 64 KB
  std::vector<std::unique_ptr<Offer[]>> blocks_;
  std::vector<std::uint32_t> block_begin_;  // each block's first position
  std::vector<std::uint32_t> ends_;         // each sentence's offers end before this position
  Offer* at_ = nullptr;  // the free room of the last block
  std::size_t left_ = 0;
  std::uint32_t end_ = 0;  // the position of at_
};

// The ids a pair's offers can hold (those its English side asks for or
// offers), sorted: an id's position is its index (found by binary search; a
// hash map of the positions took more than the ids themselves).
struct Vocabulary {
  std::vector<WordId> ids;
  // A bit for each value of an id's low kFilterBits bits that some id has
  // (empty: not made, every id may be in): a Chinese word offers every word
  // of its glosses, and most are told absent by one bit, without a search.
  static constexpr int kFilterBits = 16;
  std::vector<std::uint64_t> filter;
  // Each id with its position plus one, in the slot its hash picks or the
  // next free one after it (position 0: free); a power of two at least twice
  // the ids (empty: not made, find searches the ids). Made by vocabulary_of:
  // a book's offers looked each id up, a binary search, by the hundred
  // thousand. (The id beside its position: a lookup reads one slot, where a
  // position alone had it read the ids as well, two cache misses an offer.)
  struct Slot {
    WordId id = 0;
    std::uint32_t position = 0;
  };
  std::vector<Slot> slots;
  static std::size_t slot_of(WordId id, std::size_t mask) { return static_cast<std::size_t>((id * 0x9E3779B97F4A7C15ull) >> 32) & mask; }
  // Position of `id` plus one; 0 when it is not in the vocabulary.
  std::uint32_t find(WordId id) const {
    if (!slots.empty()) {
      const std::size_t mask = slots.size() - 1;
      for (std::size_t at = slot_of(id, mask);; at = (at + 1) & mask) {
        const Slot& held = slots[at];
        if (held.position == 0 || held.id == id) return held.position;
      }
    }
    const auto found = std::lower_bound(ids.begin(), ids.end(), id);
    return found == ids.end() || *found != id ? 0 : static_cast<std::uint32_t>(found - ids.begin()) + 1;
  }
  // False when `id` is surely not in the vocabulary.
  bool may_hold(WordId id) const {
    const std::size_t bit = id & ((std::uint64_t{1} << kFilterBits) - 1);
    return filter.empty() || (filter[bit / 64] >> (bit % 64) & 1);
  }
};

// What a sentence offers the other side, by ascending id. Held as one entry
// per (id, token): the id's position in the pair's vocabulary (its sorted
// ids, shared by every sentence) and the token's bit number, in one block of
// bytes: each entry is one variable-length number (7 bits a byte), the step
// from the previous entry's position times 64 plus the token's bit number.
// Two bytes an entry, mostly (steps below 256), one for a further token of
// the same id (a step of 0), where a position and a bit number took 5 and an
// (id, mask) pair 16; most ids come from one token, and the Chinese side's
// offers were the largest thing the aligner held. (The step and the bit
// number in bytes of their own took a byte more for steps from 128 on, and
// two bytes for a step of 0.)
// The block starts with its entries' byte count, so that the offers are one
// pointer: every sentence of a book holds them. Up to 7 bytes of entries (a
// short sentence's few offers) are held in place of the pointer instead,
// tagged by its lowest bit (a block's address is even): a block of a few
// bytes took 32 from the heap. Ids are read by their position in the
// vocabulary (English tokens hold the same positions once interned, see Tokens).
class Offers {
 public:
  Offers() = default;
  Offers(const Offers& other) { *this = other; }
  // Moves leave the source empty.
  Offers(Offers&& other) noexcept : word_(std::exchange(other.word_, 0)) {}
  Offers& operator=(const Offers& other);
  Offers& operator=(Offers&& other) noexcept {
    if (this != &other) release(), word_ = std::exchange(other.word_, 0);
    return *this;
  }
  ~Offers() { release(); }

  // The offers (sorted by id, one per id) whose id is in `vocabulary`; the others are dropped.
  void assign(std::span<const Offer> sorted, const Vocabulary& vocabulary);
  // Whether both hold the same entries (the same offers).
  bool same_as(const Offers& other) const {
    std::array<std::uint8_t, kInlineBytes> local, other_local;
    const std::uint8_t *entries = nullptr, *other_entries = nullptr;
    const std::uint32_t size = view(local, entries);
    return size == other.view(other_local, other_entries) && std::equal(entries, entries + size, other_entries);
  }
  // Adds offers, by their ids' positions in the vocabulary this was assigned with (any order).
  void add(const std::vector<std::pair<std::uint32_t, std::uint64_t>>& more);
  // The bits of the tokens offering the id at `position` in the vocabulary (0: none).
  std::uint64_t bits_at(std::uint32_t position) const;
  bool empty() const { return word_ == 0; }
  // Calls f(position of the id in the vocabulary, bits) for each id, ascending.
  template <class F>
  void for_each_position(F f) const {
    std::array<std::uint8_t, kInlineBytes> local;
    const std::uint8_t* entries = nullptr;
    const std::uint32_t size = view(local, entries);
    std::uint32_t position = 0;
    for (std::size_t k = 0; k < size;) {
      const auto [at, bits] = run(entries, size, k, position);
      f(at, bits);
    }
  }

 private:
  static constexpr std::size_t kHeader = sizeof(std::uint32_t);  // a block's entries' byte count
  static constexpr std::uintptr_t kInline = 1;                  // word_'s tag of entries held in place
  static constexpr std::size_t kInlineBytes = sizeof(std::uintptr_t) - 1;
  // The entries and their byte count (held in place: copied into `local`).
  std::uint32_t view(std::array<std::uint8_t, kInlineBytes>& local, const std::uint8_t*& entries) const {
    if (word_ & kInline) {
      for (std::size_t k = 0; k < kInlineBytes; ++k) local[k] = static_cast<std::uint8_t>(word_ >> (8 * (k + 1)));
      entries = local.data();
      return static_cast<std::uint32_t>(word_ >> 1 & 0x7F);
    }
    if (!word_) return 0;
    std::uint32_t size = 0;
    std::memcpy(&size, block(), sizeof size);
    entries = block() + kHeader;
    return size;
  }
  std::uint8_t* block() const { return reinterpret_cast<std::uint8_t*>(word_); }
  void release() {
    if (word_ && !(word_ & kInline)) delete[] block();
    word_ = 0;
  }
  // The entry at byte k (its step times 64 plus its bit number); moves k past it.
  static std::uint64_t entry(const std::uint8_t* entries, std::size_t& k) {
    // One and two bytes (nearly every entry) read without a loop.
    const std::uint64_t low = entries[k];
    if (low < 0x80) {
      ++k;
      return low;
    }
    const std::uint64_t next = entries[k + 1];  // (a byte with the top bit set is followed by another)
    if (next < 0x80) {
      k += 2;
      return (low & 0x7F) | next << 7;
    }
    k += 2;
    std::uint64_t value = (low & 0x7F) | (next & 0x7F) << 7;
    for (int shift = 14;; shift += 7) {
      const std::uint8_t byte = entries[k++];
      value |= static_cast<std::uint64_t>(byte & 0x7F) << shift;
      if (!(byte & 0x80)) return value;
    }
  }
  // The position and bits of the entries of one id from byte k on (position:
  // that of the entry before k, then this id's); moves k past them.
  static std::pair<std::uint32_t, std::uint64_t> run(const std::uint8_t* entries, std::uint32_t size, std::size_t& k,
                                                     std::uint32_t& position) {
    const std::uint64_t first = entry(entries, k);
    position += static_cast<std::uint32_t>(first >> 6);
    std::uint64_t bits = std::uint64_t{1} << (first & 63);
    // Further tokens of the same id: a step of 0, one byte below 64.
    while (k < size && entries[k] < 64) bits |= std::uint64_t{1} << entries[k++];
    return {position, bits};
  }
  // Keeps these entries (made by append_offer_entries) as the held ones.
  void take_entries(const std::vector<std::uint8_t>& bytes);
  // 0: none; tagged kInline: up to kInlineBytes entries from its second byte
  // on (the count in the bits above the tag); else a block from new[]: the
  // byte count, then the entries.
  std::uintptr_t word_ = 0;
};

// A sentence's interned codes (see Tokens): 16 bits each when they all fit,
// else 32; read by index (or in order), as numbers.
class Codes {
 public:
  Codes() = default;
  Codes(const void* data, std::size_t size, bool narrow) : data_(data), size_(size), narrow_(narrow) {}
  std::uint32_t operator[](std::size_t k) const {
    assert(k < size_);
    return narrow_ ? static_cast<const std::uint16_t*>(data_)[k] : static_cast<const std::uint32_t*>(data_)[k];
  }
  std::size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  class iterator {
   public:
    using value_type = std::uint32_t;
    using difference_type = std::ptrdiff_t;
    iterator() = default;
    iterator(const void* data, std::size_t k, bool narrow) : data_(data), k_(k), narrow_(narrow) {}
    std::uint32_t operator*() const {
      return narrow_ ? static_cast<const std::uint16_t*>(data_)[k_] : static_cast<const std::uint32_t*>(data_)[k_];
    }
    iterator& operator++() { return ++k_, *this; }
    iterator operator++(int) { iterator before = *this; ++k_; return before; }
    bool operator==(const iterator& other) const { return k_ == other.k_; }
   private:
    const void* data_ = nullptr;
    std::size_t k_ = 0;
    bool narrow_ = false;
  };
  iterator begin() const { return {data_, 0, narrow_}; }
  iterator end() const { return {data_, size_, narrow_}; }

 private:
  const void* data_ = nullptr;
  std::size_t size_ = 0;
  bool narrow_ = false;
};

// Room for sentences' token blocks as extracted, until they are interned
// (FeatureExtractor::hold_tokens_in): bump-allocated in chunks of 16 KB (a
// short text's last chunk is mostly unused room). A block each from new[]
// took the heap's header and rounding besides (a one-token sentence's 16
// bytes took 32), the aligner's peak on a file of short lines.
class TokenArena {
 public:
  // `bytes` of zeroed room, 8-aligned, held until the arena goes.
  std::byte* room(std::size_t bytes) {
    bytes = (bytes + 7) / 8 * 8;
    if (bytes > left_) {
      left_ = std::max(bytes, kChunkBytes);
      chunks_.push_back(std::make_unique<std::byte[]>(left_));
      at_ = chunks_.back().get();
    }
    std::byte* room = at_;
    at_ += bytes, left_ -= bytes;
    return room;
  }

 private:
  static constexpr std::size_t kChunkBytes = 16 * 1024;
  std::vector<std::unique_ptr<std::byte[]>> chunks_;
  std::byte* at_ = nullptr;
  std::size_t left_ = 0;
};

// A sentence's tokens needing a counterpart (at most kMaxTokens, distinct by
// key), held in one block with their codes (and, on the Chinese side, their
// chance rates). Every sentence of a book holds one, and on short sentences
// five vectors (their headers and five allocations) cost several times the tokens.
// As extracted, a token is a 64-bit key, id and alternative id; ids that
// are all 0 or all the keys, and alternative ids that are all 0, take no
// room (Chinese words have no id, English words are their own keys, and
// only names have an alternative id). intern_side then interns them into
// 32-bit numbers that keep their order (see intern): a Chinese side's keys
// become their ranks among the side's distinct keys, an English side's ids
// their positions in the pair's vocabulary (and its keys their ranks, held
// apart); the 64-bit ones are gone. A sentence whose numbers all fit in 16
// bits holds them so (Codes).
// A token's weight (IDF) is its key's: read from the side's TokenTable by the
// key's rank (weight_codes). An English token's chance rate is its id's:
// read from the table by its position; a Chinese token's depends on what its
// sentence offers, and is held beside it. (Each token held both, 10 bytes a
// token of the 12 bytes a token took with its codes.)
class Tokens {
 public:
  Tokens() = default;
  // A copy has a block of its own (also of pooled tokens).
  Tokens(const Tokens& other) { *this = other; }
  // Moves leave the source empty (see Offers).
  Tokens(Tokens&& other) noexcept : word_(std::exchange(other.word_, 0)) {}
  Tokens& operator=(const Tokens& other);
  Tokens& operator=(Tokens&& other) noexcept {
    if (this != &other) release(), word_ = std::exchange(other.word_, 0);
    return *this;
  }
  ~Tokens() { release(); }

  // Sets the tokens (keys, ids and alternative ids of one size); they have
  // no codes or rates until interned. With `arena`, their block is room in
  // it (pooled: the arena must outlive these tokens until they are interned
  // or assigned again).
  void assign(std::span<const std::uint64_t> keys, std::span<const WordId> ids, std::span<const WordId> alt_ids,
              TokenArena* arena = nullptr);
  // Replaces the 64-bit keys and ids by 32-bit codes (one per token; `alt`
  // empty or all 0: none), with the key ranks (`keys`; empty: the codes
  // are the key ranks) and, when `rates`, a chance rate per token, 0 until set.
  void intern(std::span<const std::uint32_t> codes, std::span<const std::uint32_t> alt, std::span<const std::uint32_t> keys,
              bool rates);
  // The same into a pool at `at` (interned_bytes(size(), ...) of room,
  // 4-aligned; see pool_into), freeing the block held.
  void intern_into(std::byte* at, std::span<const std::uint32_t> codes, std::span<const std::uint32_t> alt,
                   std::span<const std::uint32_t> keys, bool rates);
  // Bytes `size` tokens interned with these take in a pool (a multiple of 4; 0 when none).
  static std::size_t interned_bytes(std::size_t size, std::span<const std::uint32_t> codes, std::span<const std::uint32_t> alt,
                                    std::span<const std::uint32_t> keys, bool rates) {
    return size ? (block_bytes(size, interned_held(size, codes, alt, keys, rates)) + 3) / 4 * 4 : 0;
  }
  // Bytes the tokens take in a pool (a multiple of 4; 0 when empty).
  std::size_t pool_bytes() const { return word_ ? (block_bytes(size(), held()) + 3) / 4 * 4 : 0; }
  // Moves the block to `at` (pool_bytes() of room, 4-aligned), in a pool
  // that must outlive these tokens and whatever they are moved to; they no
  // longer free it.
  void pool_into(std::byte* at);
  // Whether both are interned into blocks of the same bytes, and a hash of
  // this one's bytes (0 when empty): pooled tokens without rates, never
  // written again, can share one (share_block), and so can tokens with
  // rates whose sentences offer the same (their rates, written later, are
  // the same: see share_recent_block).
  bool same_block(const Tokens& other) const;
  std::size_t block_hash() const;
  // Holds the pooled block of `other` (see same_block) in place of its own.
  void share_block(const Tokens& other) {
    assert(other.word_ & kPooled);
    release();
    word_ = other.word_;
  }
  std::size_t size() const { return word_ ? std::to_integer<std::size_t>(block()[0]) : 0; }
  bool empty() const { return word_ == 0; }
  bool interned() const { return held() & kInterned; }

  // Before interning:
  std::span<const std::uint64_t> keys() const {  // identity for document frequency
    assert(!interned());
    return {words(), size()};
  }
  // English side: the id to find in the other side's offers.
  std::span<const WordId> ids() const {
    assert(!interned());
    const std::uint8_t held = this->held();
    return {(held & kIds) ? words() + size() : (held & kIdsAreKeys) ? words() : kNoIds.data(), size()};
  }
  // A second id to try (capitalised words: the plain word), or 0.
  std::span<const WordId> alt_ids() const {
    assert(!interned());
    const std::uint8_t held = this->held();
    return {(held & kAltIds) ? words() + size() * ((held & kIds) ? 2 : 1) : kNoIds.data(), size()};
  }

  // Once interned: a Chinese side's key ranks; an English side's id
  // positions in the vocabulary plus one (0: not in it).
  Codes ranks() const {
    assert(interned() || empty());
    return {codes(), size(), (held() & kNarrow) != 0};
  }
  Codes positions() const { return ranks(); }
  // An English side's alternative ids' positions plus one (0: none).
  Codes alt_positions() const {
    const std::uint8_t held = this->held();
    if (!(held & kAltCodes)) return {kNoCodes.data(), size(), false};
    return {static_cast<const std::byte*>(codes()) + size() * code_bytes(held), size(), (held & kNarrow) != 0};
  }
  // The keys' ranks among the side's distinct keys: what the weights are read by.
  Codes weight_codes() const {
    const std::uint8_t held = this->held();
    if (!(held & kKeyCodes)) return ranks();
    return {static_cast<const std::byte*>(codes()) + size() * code_bytes(held) * ((held & kAltCodes) ? 2 : 1), size(),
            (held & kNarrow) != 0};
  }
  // The chance rates per unit of the other side's length held by the
  // tokens (interned with `rates`; else none: see TokenTable).
  std::span<const float> rates() const { return {rate_floats(), (held() & kRates) ? size() : 0}; }
  std::span<float> rates() { return {rate_floats(), (held() & kRates) ? size() : 0}; }

 private:
  // Bits of the held byte: which arrays the block holds. Before interning,
  // ids that are not held are the keys (kIdsAreKeys: English words are their
  // own keys) or all 0; once interned (kInterned), the codes and, with
  // kAltCodes, the alternative ones, with kKeyCodes the key ranks, 16 bits
  // each with kNarrow (a side's codes mostly fit: two bytes a token of the
  // twelve it held), and with kRates the rates.
  static constexpr std::uint8_t kIds = 1, kAltIds = 2, kIdsAreKeys = 4, kInterned = 8, kAltCodes = 16, kNarrow = 32,
                                kKeyCodes = 64, kRates = 128;
  static constexpr std::array<WordId, kMaxTokens> kNoIds{};
  static constexpr std::array<std::uint32_t, kMaxTokens> kNoCodes{};
  // The block: a header (the size and the held byte; 8 bytes before
  // interning, 4 after), then before interning the keys and held id arrays
  // (64-bit) alone, once interned the rates (when held), then the codes (16
  // or 32 bits). (Bytes from new[] or a pool, aligned for any of them; the
  // objects are created implicitly.) The size in the block, not beside its
  // address: every sentence of a book holds Tokens, 8 bytes where an address
  // and two bytes took 16.
  static std::size_t header_bytes(std::uint8_t held) { return (held & kInterned) ? 4 : 8; }
  static std::size_t code_bytes(std::uint8_t held) { return (held & kNarrow) ? sizeof(std::uint16_t) : sizeof(std::uint32_t); }
  static std::size_t rate_bytes(std::size_t size, std::uint8_t held) { return (held & kRates) ? size * sizeof(float) : 0; }
  static std::size_t code_arrays(std::uint8_t held) { return 1 + ((held & kAltCodes) ? 1 : 0) + ((held & kKeyCodes) ? 1 : 0); }
  // Bytes of the 64-bit arrays (none once interned).
  static std::size_t id_bytes(std::size_t size, std::uint8_t held) {
    if (held & kInterned) return 0;
    return size * sizeof(std::uint64_t) * (1 + ((held & kIds) ? 1 : 0) + ((held & kAltIds) ? 1 : 0));
  }
  static std::size_t block_bytes(std::size_t size, std::uint8_t held) {
    if (!(held & kInterned)) return header_bytes(held) + id_bytes(size, held);
    return header_bytes(held) + rate_bytes(size, held) + size * code_bytes(held) * code_arrays(held);
  }
  // The held byte of `size` tokens interned with these.
  static std::uint8_t interned_held(std::size_t size, std::span<const std::uint32_t> codes, std::span<const std::uint32_t> alt,
                                    std::span<const std::uint32_t> keys, bool rates);
  // Writes the interned block at `at` (block_bytes of room): the header,
  // rates of 0 (when held), and the codes.
  void write_interned(std::byte* at, std::uint8_t held, std::span<const std::uint32_t> codes,
                      std::span<const std::uint32_t> alt, std::span<const std::uint32_t> keys) const;
  // A new block of `size` tokens holding `held` (none when size is 0), from
  // new[] or, pooled, from `arena`.
  void make(std::size_t size, std::uint8_t held, TokenArena* arena = nullptr);
  std::byte* block() const { return reinterpret_cast<std::byte*>(word_ & ~kPooled); }
  std::uint8_t held() const { return word_ ? std::to_integer<std::uint8_t>(block()[1]) : 0; }
  std::uint64_t* words() const { return word_ ? reinterpret_cast<std::uint64_t*>(block() + header_bytes(held())) : nullptr; }
  void* codes() const { return word_ ? block() + header_bytes(held()) + rate_bytes(size(), held()) : nullptr; }
  float* rate_floats() const {
    assert(interned() || empty());
    return word_ ? reinterpret_cast<float*>(block() + header_bytes(held())) : nullptr;
  }
  void release() {
    if (word_ && !(word_ & kPooled)) delete[] block();
    word_ = 0;
  }
  // 0: no tokens; else the block's address, tagged kPooled when a pool holds it.
  static constexpr std::uintptr_t kPooled = 1;
  std::uintptr_t word_ = 0;
};

// A sentence's tokens' weights, read from their side's table by their key ranks.
class TokenWeights {
 public:
  TokenWeights(Codes codes, const float* table) : codes_(codes), table_(table) {}
  float operator[](std::size_t k) const { return table_[codes_[k]]; }
  std::size_t size() const { return codes_.size(); }
  bool empty() const { return codes_.empty(); }
  // The weights in token order.
  class iterator {
   public:
    iterator(Codes::iterator code, const float* table) : code_(code), table_(table) {}
    float operator*() const { return table_[*code_]; }
    iterator& operator++() { return ++code_, *this; }
    bool operator==(const iterator& other) const { return code_ == other.code_; }
   private:
    Codes::iterator code_;
    const float* table_;
  };
  iterator begin() const { return {codes_.begin(), table_}; }
  iterator end() const { return {codes_.end(), table_}; }

 private:
  Codes codes_;
  const float* table_;
};

// A sentence's tokens' chance rates: held by the tokens (Chinese side), or
// read from the side's table by their positions (English side).
class TokenRates {
 public:
  explicit TokenRates(std::span<const float> held) : held_(held.data()), size_(held.size()) {}
  TokenRates(Codes codes, const float* table) : codes_(codes), table_(table), size_(codes.size()) {}
  float operator[](std::size_t k) const { return held_ ? held_[k] : table_[codes_[k]]; }
  std::size_t size() const { return size_; }

 private:
  const float* held_ = nullptr;
  Codes codes_;
  const float* table_ = nullptr;
  std::size_t size_ = 0;
};

// What a side's tokens read through their codes (made by intern_side):
// the weight of each key rank, and on the English side the chance rate of
// each position plus one (index 0: an id in no vocabulary).
struct TokenTable {
  std::vector<float> weights;
  std::vector<float> rates;  // empty: the tokens hold their own
  TokenWeights weights_of(const Tokens& tokens) const { return {tokens.weight_codes(), weights.data()}; }
  TokenRates rates_of(const Tokens& tokens) const {
    return rates.empty() ? TokenRates(tokens.rates()) : TokenRates(tokens.positions(), rates.data());
  }
};

// The blocks of a pair's interned tokens, and the tables they are read
// through (see intern_side).
struct TokenPools {
  std::vector<std::unique_ptr<std::byte[]>> blocks;
  TokenTable zh, en;
};

struct SentenceFeatures {
  Tokens tokens;
  // Ids offered to the other side (interned with the pair's vocabulary).
  Offers offers;
  float length = 0;  // Chinese: code points without spaces; English: characters
  // The rest in one 32-bit word (bit-fields read and written as the plain
  // fields were): every sentence of a book holds them, and a byte or four
  // each made a sentence of a file of short lines take 32 bytes.
  // Whether the sentence starts a paragraph (one of another paragraph than
  // the sentence before it; the first of a side does): see same_paragraph.
  // (A paragraph's index took 4 bytes; the aligner only asks whether
  // sentences a few apart share one.)
  std::uint32_t paragraph_start : 1 = 0;
  // Inside a quotation, or holding one: set by mark_speech over a side.
  std::uint32_t speech : 1 = 0;
  // Quotation marks of any kind (opening or closing) in the sentence, up to
  // 3 (read as none, one, or two and more): speech on one side of a bead is
  // speech on the other in nearly every translation.
  std::uint32_t quote_marks : 2 = 0;
  // Quotation marks this sentence closes without opening, and opens without
  // closing (up to kMostQuotes): a quoted speech that runs over several sentences starts and ends
  // in the same bead on both sides.
  std::uint32_t quote_closes : 4 = 0;
  std::uint32_t quote_opens : 4 = 0;
  static constexpr int kMostQuotes = 15;
  // How the sentence ends (find_ending): kEnding* bits.
  std::uint32_t ending : 4 = 0;
  // Whether it opens with a quotation and names the speaker after it
  // (quote_turns.h: kQuote* bits).
  std::uint32_t quote_turn : 3 = 0;

  // Clauses (split at commas, semicolons, colons and dashes): the tokens
  // (bits, in order of first appearance) of the first clause are those below
  // head_tokens(), of the last those from tail_start() on. One clause: the whole
  // sentence (head_tokens() = size, tail_start() = 0). A last clause that began
  // past kMaxTokens kept no token (tail_start() = kMaxTokens).
  std::size_t head_tokens() const { return tokens.size() == 0 ? 0 : head_less_one_ + std::size_t{1}; }
  std::size_t tail_start() const { return tail_start_; }
  // (head: at least 1 when there are tokens, the first clause holding the first token.)
  void set_clauses(std::size_t head, std::size_t tail) {
    assert(head <= kMaxTokens && tail <= kMaxTokens);
    head_less_one_ = head > 0 ? static_cast<std::uint32_t>(head - 1) : 0;
    tail_start_ = static_cast<std::uint32_t>(tail);
  }
  std::uint64_t head_mask() const { return low_token_bits(head_tokens()); }
  std::uint64_t tail_mask() const { return low_token_bits(tokens.size()) & ~low_token_bits(tail_start()); }
  bool has_clauses() const { return head_tokens() < tokens.size() || tail_start() > 0; }
  // The bits of the first `count` tokens.
  static std::uint64_t low_token_bits(std::size_t count) { return count >= 64 ? ~std::uint64_t{0} : (std::uint64_t{1} << count) - 1; }

 private:
  std::uint32_t head_less_one_ : 6 = 0;  // head_tokens() - 1 (0..63)
  std::uint32_t tail_start_ : 7 = 0;     // 0..kMaxTokens
};
// Every sentence of a book holds one: 24 bytes (56 when the offers held
// their vocabulary and their size beside the block, 40 when the tokens held
// their size beside theirs, 32 with a paragraph index and a byte a field).
static_assert(sizeof(SentenceFeatures) <= 24);

// The last sentences intern_side interned, by their blocks' hashes (each
// one's index plus one).
using RecentTokenBlocks = std::array<std::size_t, 64>;
// Whether side[k]'s tokens, just interned, now share the block of a recent
// sentence interned into the same bytes; else k becomes the recent one of
// its hash. Tokens without rates are never written again; tokens with rates
// (the Chinese side's) share only between sentences whose offers are the
// same, whose rates rate_tokens writes alike (learn_pairs adds offers by the
// tokens' ranks: the same to both).
bool share_recent_block(std::vector<SentenceFeatures>& side, std::size_t k, RecentTokenBlocks& recent);

// Whether sentences first..last (first <= last) of a side are of one paragraph.
inline bool same_paragraph(const std::vector<SentenceFeatures>& side, std::size_t first, std::size_t last) {
  for (std::size_t k = first + 1; k <= last; ++k)
    if (side[k].paragraph_start) return false;
  return true;
}

// Sum of the weights of the tokens whose bits are set (weights: indexed by token).
template <class Weights>
inline float weighted_bits(std::uint64_t bits, const Weights& weights) {
  float sum = 0;
  while (bits) {
    sum += weights[static_cast<std::size_t>(std::countr_zero(bits))];
    bits &= bits - 1;
  }
  return sum;
}

// A sentence's features as the extractor finds them, with the ids it offers
// the other side: sorted by id, with the mask of own tokens that offer each.
// They are interned into features.offers once the pair's vocabulary is known
// (kept apart until then: every sentence of a book holds a SentenceFeatures).
struct FoundFeatures {
  SentenceFeatures features;
  std::vector<Offer> offers;
};

// Fills quote_closes, quote_opens and quote_marks from the sentence's text.
void count_quotes(std::string_view text, Span span, SentenceFeatures& features);

// The ending classes of a sentence: a question or an exclamation (its last
// mark, looking through closing quotation marks and brackets). A question
// is a question in nearly every translation, in speech above all.
inline constexpr std::uint8_t kEndingQuestion = 1;  // ? ？
inline constexpr std::uint8_t kEndingExclaims = 2;  // ! ！
inline constexpr std::uint8_t kEndingClass = kEndingQuestion | kEndingExclaims;
// The sentence ends inside a quotation: its last mark (but spaces) closes one
// (” ’ 」 』 » › " ').
inline constexpr std::uint8_t kEndingQuoted = 4;
// The sentence ends with a full stop, a question or an exclamation mark (.
// 。 ． … ? ？ ! ！, or a semicolon where the segmenter cut a clause; looking
// through spaces, closing quotation marks and brackets) as running prose
// does, where a heading ends with none.
inline constexpr std::uint8_t kEndingStop = 8;
// The kEnding* bits of the sentence at span, from one walk back over its end.
std::uint8_t find_ending(std::string_view text, Span span);
inline bool ends_with_stop(std::string_view text, Span span) { return (find_ending(text, span) & kEndingStop) != 0; }

// Sets `speech` over a side's sentences in order (after count_quotes): a
// sentence is speech when it has a quotation mark or starts inside a
// quotation. An opening mark while inside one is a new paragraph of the same
// speech (English style opens each paragraph without closing the last).
void mark_speech(std::vector<SentenceFeatures>& side);

// Builds features for the sentences of one document. Chinese documents use
// the lexicon (and glossary), numbers, Latin tokens and pinyin of names.
class FeatureExtractor {
 public:
  // sub_glosses: a word also offers the glosses of its single characters.
  // The lexicon and the glossary outlive the extractor, unchanged: the
  // glossary's Chinese forms are looked up in place, not copied.
  FeatureExtractor(const Lexicon& lexicon, const Glossary* glossary, bool sub_glosses = true);
  ~FeatureExtractor();
  // numbers: when set, the sentence's number mentions (all of them, as
  // found) are appended to it.
  FoundFeatures chinese(std::string_view text, Span span, std::vector<NumberMention>* numbers = nullptr);
  FoundFeatures english(std::string_view text, Span span, std::vector<NumberMention>* numbers = nullptr);
  // From here on, offers of ids `vocabulary` (outliving the extractor, or
  // until the next call; null: none) surely lacks are dropped as they are
  // found: interning them with it would drop them anyway.
  void offer_only(const Vocabulary* vocabulary) { offer_only_ = vocabulary; }
  // From here on, the sentences' tokens are held in `arena` (null: each in
  // a block of its own), which must outlive them until they are interned.
  void hold_tokens_in(TokenArena* arena) { token_arena_ = arena; }
  // Forgets the words english() has made (made again when it meets them):
  // for when one side is done.
  void forget_english_words() { decltype(english_words_)().swap(english_words_); }

 private:
  // A Han character's readings, for names: its toneless pinyin and that
  // syllable in Wade-Giles (the same string when they agree).
  struct NameReading {
    std::string pinyin, wade_giles;
  };
  const NameReading& reading(char32_t han);
  // What english() makes of a word (a run of Latin word bytes as written):
  // the same for each of its mentions, so made once (a book repeats a few
  // thousand words; stemming each mention was a fifth of english()).
  struct EnglishWord {
    bool skipped = false;  // a stopword, or "I"
    bool may_name = false;  // capitalised, two letters or more and no digit: a name where it is not a sentence's first word
    bool joined = false;    // pinyin syllables joined by hyphens: a name wherever it is (when may_name)
    bool hyphen = false;    // has a hyphen (not a name by may_name alone)
    WordId plain = 0;       // word_id of its stem
    WordId name = 0;        // salted(joined_name, '@')
  };
  const EnglishWord& english_word(std::string_view run);
  struct StringHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view text) const { return std::hash<std::string_view>{}(text); }
  };
  std::unordered_map<std::string, EnglishWord, StringHash, std::equal_to<>> english_words_;
  const Lexicon& lexicon_;
  bool sub_glosses_ = true;
  Lexicon glossary_terms_;
  FlatMap glossary_prefixes_;  // word_id of each proper prefix of a glossary term (as a set)
  std::unordered_map<char32_t, NameReading> pinyin_cache_;
  // reading's last answers (pointers into pinyin_cache_, whose nodes stay put), by the code point's low bits.
  struct PinyinSlot {
    char32_t han = 0;
    const NameReading* reading = nullptr;
  };
  std::array<PinyinSlot, 1024> pinyin_recent_{};
  std::unique_ptr<HanPinyin> han_pinyin_;  // only without the index's pinyin table
  const Vocabulary* offer_only_ = nullptr;
  TokenArena* token_arena_ = nullptr;
};

// Translation pairs learned from the document itself: Chinese token keys and
// English word ids (interned: key ranks and id positions) that keep landing in the same confident beads (a
// character's name and its English rendering, "韦小宝" and "Trinket").
// Adds them to the Chinese side's offers; returns how many pairs it learned.
// Pairs seen in at least trusted_count beads need only Dice >= min_dice; pairs
// seen less often must have been linked (link_words) in min_count beads.
std::size_t learn_pairs(std::vector<SentenceFeatures>& zh_side, const std::vector<SentenceFeatures>& en_side,
                        const Path& zh_en_path, double min_dice, int min_count, int trusted_count);

// A Chinese word often stands for two English ones (a name for the name and
// its pronoun; 不大 "not very big"), an English word rarely for two Chinese ones.
inline constexpr int kLinksPerChineseWord = 2;

// The words of every pairing bead, in flat runs (one run per bead): its
// distinct Chinese token keys and English token ids. Keys and ids interned:
// the keys' ranks, the ids' vocabulary positions plus one.
struct BeadRuns {
  std::vector<std::uint32_t> zh, en;
  // Where each bead's runs start (32 bits: fewer words than 2^32; four a bead were an eighth of the learning's peak).
  std::vector<std::uint32_t> zh_start{0}, en_start{0};
  std::size_t size() const { return zh_start.size() - 1; }
  // Ends the current bead: its words appended since the last call become its runs (keys and ids sorted, distinct).
  void close_bead();
  template <class T>
  static std::span<const T> run(const std::vector<T>& all, const std::vector<std::uint32_t>& start, std::size_t bead) {
    return {all.data() + start[bead], start[bead + 1] - start[bead]};
  }
};

// A Chinese key and an English id seen together in `together` beads, with
// their Dice coefficient (`beads`: beads holding either, counted twice when both).
struct Association {
  std::uint32_t zh = 0;  // a key's rank
  std::uint32_t en = 0;  // an id's vocabulary position plus one
  int together = 0;
  int beads = 0;
  double dice() const { return 2.0 * together / beads; }
};

// The pairs seen together in at least min_count beads with Dice at least
// min_dice, sorted by key and id. Counted one Chinese key at a time over the
// beads holding it: listing every pair of every bead at once took tens of
// times the text in memory. Held by key: each key once, and each pair as
// its id and the beads holding both, 8 bytes (an Association, 16, made a
// third of the aligner's peak on a book).
class Associations {
 public:
  std::size_t size() const { return pairs_.size(); }
  bool empty() const { return pairs_.empty(); }
  // The k-th pair.
  Association operator[](std::size_t k) const {
    return at(static_cast<std::size_t>(std::upper_bound(key_end_.begin(), key_end_.end(), k) - key_end_.begin()), k);
  }
  // The keys with pairs (ascending), and the pairs of keys()[q]: [first(q), first(q + 1)).
  const std::vector<std::uint32_t>& keys() const { return keys_; }
  std::size_t first(std::size_t q) const { return q == 0 ? 0 : key_end_[q - 1]; }
  std::uint32_t id(std::size_t k) const { return pairs_[k].first; }
  // The k-th pair, of keys()[q].
  Association at(std::size_t q, std::size_t k) const {
    const auto [id, together] = pairs_[k];
    return {keys_[q], id, static_cast<int>(together), static_cast<int>(key_beads_[q] + id_beads_[id])};
  }

  // Made by associate: the beads holding each id (by id), then each key's pairs.
  void set_id_beads(std::vector<std::uint32_t> id_beads) { id_beads_ = std::move(id_beads); }
  void add_key(std::uint32_t key, std::uint32_t beads) { keys_.push_back(key), key_beads_.push_back(beads), key_end_.push_back(static_cast<std::uint32_t>(pairs_.size())); }
  void add_pair(std::uint32_t id, std::uint32_t together) { pairs_.emplace_back(id, together), ++key_end_.back(); }
  // Drops the last key added when it has no pairs.
  void drop_empty_key() {
    if (!keys_.empty() && first(keys_.size() - 1) == key_end_.back()) keys_.pop_back(), key_beads_.pop_back(), key_end_.pop_back();
  }

 private:
  std::vector<std::uint32_t> keys_, key_beads_, key_end_;  // by key: beads holding it, its pairs' end
  // (A deque: their number is known only at the end, and a vector's growth
  // held up to three times them at once.)
  std::deque<std::pair<std::uint32_t, std::uint32_t>> pairs_;  // (id, beads holding both)
  std::vector<std::uint32_t> id_beads_;
};
Associations associate(const BeadRuns& beads, double min_dice, int min_count);

// Competitive linking (Melamed 2000) in each bead: its associated pairs,
// strongest first, each English word linked once and each Chinese word at
// most kLinksPerChineseWord times, the pairs the offers explain counting as
// linked. Returns the links of all beads, sorted (a pair once per bead that links it).
// explained(bead, keys, ids), called for the beads in order, appends what
// the Chinese side's offers pair already in that bead: the keys (a key once
// per id it explains) and the ids. (Found as the beads are linked, not held
// for all of them: they were a third of the learning's peak.)
using ExplainedPairs = std::function<void(std::size_t bead, std::vector<std::uint32_t>& keys, std::vector<std::uint32_t>& ids)>;
std::vector<std::pair<std::uint32_t, std::uint32_t>> link_words(const BeadRuns& beads, const Associations& associations,
                                                                 const ExplainedPairs& explained);

// Every id the sentences ask for or offer (found_offers: each sentence's), without 0.
Vocabulary vocabulary_of(const std::vector<SentenceFeatures>& side, const FoundOffers& found_offers);

// Interns one side's tokens (Tokens::intern) and fills its token weights
// (IDF) in pools.zh or pools.en: the Chinese side's keys by their ranks
// among its distinct keys, the English side's ids by their positions in
// `vocabulary` (holding every id of the English side's tokens) and its keys
// by their ranks. Both sides' offers are interned with `vocabulary` (or
// empty). The Chinese side reads no vocabulary (it may be empty by then).
// A side is interned as soon as it is read, so that the arena that held its
// tokens can be let go before the other side's are found; rate_tokens
// follows once both are.
// The interned tokens are held in the pools' blocks of many sentences (up
// to 64 KB each): they must outlive the sides (a block a sentence took a
// header and its rounding from the heap, more than the tokens of a short
// sentence).
void intern_side(std::vector<SentenceFeatures>& side, bool chinese, const Vocabulary& vocabulary, TokenPools& pools);

// The chance rates, once both sides are interned (intern_side), and again
// for offers changed since: the weights depend on the tokens only. The
// English side's are set in en_table. (Only the vocabulary's size is read:
// vocabulary_size, that of the vocabulary the sides were interned with.)
void rate_tokens(std::vector<SentenceFeatures>& zh_side, const std::vector<SentenceFeatures>& en_side,
                 std::size_t vocabulary_size, TokenTable& en_table);

}  // namespace tc
