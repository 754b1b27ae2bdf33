#pragma once

#include <cstddef>

namespace tc {

// The first index of [first, last) where below(index) is false (below: true
// for a prefix of the indices, as "the entry is less than the key sought"),
// halving the range by a conditional move, not a branch (a binary search's
// branch is mispredicted about once a halving).
template <class Below>
std::size_t first_not_below(std::size_t first, std::size_t last, Below below) {
  if (first == last) return first;
  std::size_t size = last - first;
  while (size > 1) {
    const std::size_t half = size / 2;
    first = below(first + half) ? first + half : first;
    size -= half;
  }
  return first + static_cast<std::size_t>(below(first));
}

}  // namespace tc
