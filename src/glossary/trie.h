#pragma once
// The trie the term index walks: symbols are code points (Chinese forms) or
// token ids (English renderings); each node holds the payloads of the terms
// that end there.
#include <algorithm>
#include <cstdint>
#include <utility>
#include <vector>

#include "core/flat_map.h"

namespace tc::glossary_index {

inline constexpr std::uint32_t kNoNode = 0xFFFFFFFFu;

// A trie whose edges live in one hash map keyed by (node, symbol): compact,
// fast to build for 100k entries, and one lookup per step when matching.
template <typename Payload>
class Trie {
 public:
  std::uint32_t child(std::uint32_t node, std::uint32_t symbol) const {
    if (node == 0) return symbol < root_.size() ? root_[symbol] : (symbol < kDirectRoot ? kNoNode : edges_.find(key(0, symbol)));
    return edges_.find(key(node, symbol));
  }
  std::uint32_t add_child(std::uint32_t node, std::uint32_t symbol) {
    if (node == 0 && symbol < kDirectRoot) {  // the root is hit at every text position: an array, not a probe
      if (symbol >= root_.size()) root_.resize(symbol + 1, kNoNode);
      if (root_[symbol] == kNoNode) root_[symbol] = node_count_++;
      return root_[symbol];
    }
    bool inserted = false;
    const std::uint32_t child = edges_.insert(key(node, symbol), node_count_, inserted);
    if (inserted) ++node_count_;
    return child;
  }
  void add_payload(std::uint32_t node, const Payload& payload) { pending_.emplace_back(node, payload); }
  // Groups payloads by node, each node's in the order they were added; call
  // once after the last add. A counting sort: no sort buffer beside them.
  void finish() {
    first_.assign(node_count_ + 1, 0);
    for (const auto& item : pending_) ++first_[item.first + 1];
    for (std::size_t i = 1; i < first_.size(); ++i) first_[i] += first_[i - 1];
    payloads_.resize(pending_.size());
    for (const auto& [node, payload] : pending_) payloads_[first_[node]++] = payload;  // first_[node]: its end after
    for (std::size_t i = first_.size() - 1; i > 0; --i) first_[i] = first_[i - 1];
    first_[0] = 0;
    pending_.clear();
    pending_.shrink_to_fit();
  }
  std::pair<const Payload*, const Payload*> payloads(std::uint32_t node) const {
    return {payloads_.data() + first_[node], payloads_.data() + first_[node + 1]};
  }

 private:
  static std::uint64_t key(std::uint32_t node, std::uint32_t symbol) {
    return (static_cast<std::uint64_t>(node) << 32) | symbol;
  }
  static constexpr std::uint32_t kDirectRoot = 1u << 18;
  std::vector<std::uint32_t> root_;  // children of the root by symbol, for symbols below kDirectRoot
  FlatMap edges_;
  std::uint32_t node_count_ = 1;  // node 0 is the root
  std::vector<std::pair<std::uint32_t, Payload>> pending_;
  std::vector<std::uint32_t> first_;
  std::vector<Payload> payloads_;
};
}  // namespace tc::glossary_index
