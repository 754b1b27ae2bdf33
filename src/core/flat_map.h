#pragma once
// A hash map from 64-bit keys to 32-bit values (the glossary index, the
// run-wide unit keys): open addressing in flat arrays plus a small Bloom
// filter, because building and probing 100,000 entries with node-based
// std::unordered_map spends its time in cache misses and allocation.
#include <cstddef>
#include <cstdint>
#include <vector>

namespace tc {

// Open-addressing hash map from 64-bit keys to 32-bit values: one probe
// sequence in one array, so building 100k entries and matching stay in cache
// far better than with node-based std::unordered_map.
class FlatMap {
 public:
  static constexpr std::uint64_t kEmptyKey = ~std::uint64_t{0};  // not a valid key
  static constexpr std::uint32_t kNoValue = 0xFFFFFFFFu;
  // A 64-bit hash as a key: the reserved empty key becomes its neighbour.
  static constexpr std::uint64_t key_of(std::uint64_t hash) { return hash == kEmptyKey ? hash - 1 : hash; }

  std::uint32_t find(std::uint64_t key) const {
    if (keys_.empty()) return kNoValue;
    const std::uint64_t bit = filter_bit(key);
    if (!(filter_[bit >> 6] >> (bit & 63) & 1)) return kNoValue;  // most misses end here, in cache
    for (std::size_t i = slot_of(key);; i = (i + 1) & mask_) {
      const std::uint64_t k = keys_[i];
      if (k == key) return values_[i];
      if (k == kEmptyKey) return kNoValue;
    }
  }
  // The value stored for key, inserting `value` first when absent.
  std::uint32_t insert(std::uint64_t key, std::uint32_t value, bool& inserted) {
    if ((size_ + 1) * 4 > keys_.size() * 3) rehash(keys_.empty() ? 16 : keys_.size() * 2);
    for (std::size_t i = slot_of(key);; i = (i + 1) & mask_) {
      const std::uint64_t k = keys_[i];
      if (k == key) {
        inserted = false;
        return values_[i];
      }
      if (k == kEmptyKey) {
        keys_[i] = key;
        values_[i] = value;
        const std::uint64_t bit = filter_bit(key);
        filter_[bit >> 6] |= std::uint64_t{1} << (bit & 63);
        ++size_;
        inserted = true;
        return value;
      }
    }
  }
  // Stores value for key and returns the value it replaces (kNoValue when new).
  std::uint32_t exchange(std::uint64_t key, std::uint32_t value) {
    bool inserted = false;
    const std::uint32_t old = insert(key, value, inserted);
    if (inserted) return kNoValue;
    for (std::size_t i = slot_of(key);; i = (i + 1) & mask_)
      if (keys_[i] == key) {
        values_[i] = value;
        return old;
      }
  }
  void reserve(std::size_t count) {
    std::size_t capacity = 16;
    while (capacity * 3 < count * 4) capacity *= 2;
    if (capacity > keys_.size()) rehash(capacity);
  }

 private:
  std::size_t slot_of(std::uint64_t key) const {
    key ^= key >> 31;
    key *= 0x9E3779B97F4A7C15ull;
    key ^= key >> 29;
    return static_cast<std::size_t>(key) & mask_;
  }
  // A one-hash Bloom filter, 8 bits per slot: small enough to stay in cache,
  // so a lookup for an absent edge rarely touches the big key array.
  std::uint64_t filter_bit(std::uint64_t key) const {
    key *= 0xC2B2AE3D27D4EB4Full;
    return (key >> 20) & filter_mask_;
  }
  void rehash(std::size_t capacity) {
    std::vector<std::uint64_t> old_keys = std::move(keys_);
    std::vector<std::uint32_t> old_values = std::move(values_);
    keys_.assign(capacity, kEmptyKey);
    values_.assign(capacity, 0);
    mask_ = capacity - 1;
    filter_.assign(capacity / 8, 0);  // capacity * 8 bits
    filter_mask_ = capacity * 8 - 1;
    for (std::size_t j = 0; j < old_keys.size(); ++j) {
      if (old_keys[j] == kEmptyKey) continue;
      std::size_t i = slot_of(old_keys[j]);
      while (keys_[i] != kEmptyKey) i = (i + 1) & mask_;
      keys_[i] = old_keys[j];
      values_[i] = old_values[j];
      const std::uint64_t bit = filter_bit(old_keys[j]);
      filter_[bit >> 6] |= std::uint64_t{1} << (bit & 63);
    }
  }
  // Keys and values apart: a probe reads only keys until it hits.
  std::vector<std::uint64_t> keys_;
  std::vector<std::uint32_t> values_;
  std::vector<std::uint64_t> filter_;
  std::uint64_t filter_mask_ = 0;
  std::size_t mask_ = 0;
  std::size_t size_ = 0;
};

// 64-bit keys to the index of their first sighting, over FlatMap; the one
// key FlatMap reserves for its empty slots (a hash may be it) is kept apart.
class KeyIndex {
 public:
  explicit KeyIndex(std::size_t expected = 0) { map_.reserve(expected); }
  // The index stored for key; when the key is new, index is stored and added set.
  std::uint32_t first_or_add(std::uint64_t key, std::uint32_t index, bool& added) {
    if (key != FlatMap::kEmptyKey) return map_.insert(key, index, added);
    added = reserved_ == FlatMap::kNoValue;
    if (added) reserved_ = index;
    return reserved_;
  }
  // True when key was not there yet.
  bool insert(std::uint64_t key) {
    bool added = false;
    first_or_add(key, 0, added);
    return added;
  }
  // The index stored for key, or FlatMap::kNoValue.
  std::uint32_t find(std::uint64_t key) const { return key != FlatMap::kEmptyKey ? map_.find(key) : reserved_; }

 private:
  FlatMap map_;
  std::uint32_t reserved_ = FlatMap::kNoValue;
};

}  // namespace tc
