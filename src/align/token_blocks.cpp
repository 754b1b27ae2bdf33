// Interned token blocks shared by sentences interned alike (see
// intern_side). In a file of their own: in features.cpp they changed how
// the compiler inlined the extractor's hot paths there.
#include <algorithm>
#include <cstring>

#include "align/features.h"

namespace tc {

bool Tokens::same_block(const Tokens& other) const {
  if (!word_ || !other.word_) return word_ == other.word_;
  const std::size_t bytes = block_bytes(size(), held());
  return bytes == block_bytes(other.size(), other.held()) && std::equal(block(), block() + bytes, other.block());
}

std::size_t Tokens::block_hash() const {
  if (!word_) return 0;
  // Eight bytes at a time, then the rest.
  const std::size_t bytes = block_bytes(size(), held());
  std::uint64_t hash = bytes;
  std::size_t k = 0;
  for (; k + sizeof(std::uint64_t) <= bytes; k += sizeof(std::uint64_t)) {
    std::uint64_t word = 0;
    std::memcpy(&word, block() + k, sizeof word);
    hash = (hash ^ word) * 0x9E3779B97F4A7C15ull;
    hash ^= hash >> 29;
  }
  for (; k < bytes; ++k) hash = (hash ^ std::to_integer<std::uint64_t>(block()[k])) * 0x100000001B3ull;
  return static_cast<std::size_t>(hash ^ hash >> 32);
}

bool share_recent_block(std::vector<SentenceFeatures>& side, std::size_t k, RecentTokenBlocks& recent) {
  std::size_t& seen = recent[side[k].tokens.block_hash() % recent.size()];
  if (seen && side[seen - 1].tokens.same_block(side[k].tokens) &&
      (side[k].tokens.rates().empty() || side[seen - 1].offers.same_as(side[k].offers))) {
    side[k].tokens.share_block(side[seen - 1].tokens);
    return true;
  }
  seen = k + 1;
  return false;
}

}  // namespace tc
