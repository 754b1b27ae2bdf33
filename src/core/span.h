#pragma once
#include <cstddef>

namespace tc {

// A byte range [begin, end) in a text.
struct Span {
  std::size_t begin = 0;
  std::size_t end = 0;  // exclusive
  std::size_t size() const { return end - begin; }
  bool empty() const { return begin >= end; }
  friend bool operator==(const Span&, const Span&) = default;
};

}  // namespace tc
