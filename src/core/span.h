#pragma once
#include <cstddef>
#include <cstdint>
#include <stdexcept>

namespace tc {

// A byte range [begin, end) in a text.
struct Span {
  std::size_t begin = 0;
  std::size_t end = 0;  // exclusive
  std::size_t size() const { return end - begin; }
  bool empty() const { return begin >= end; }
  friend bool operator==(const Span&, const Span&) = default;
};

// An offset narrowed to 32 bits, for records held for every sentence or line
// of a text: texts are under 4 GB (inputs are at most 2 GB, and decoding
// grows them by at most half), and a larger offset throws instead of being
// cut (std::length_error), so no record ever holds a wrong one.
inline std::uint32_t narrow_offset(std::size_t at) {
  if (at > UINT32_MAX) throw std::length_error("offset past 4 GB in a 32-bit record");
  return static_cast<std::uint32_t>(at);
}

// A Span held as two 32-bit offsets (8 bytes where a Span takes 16), made
// from a Span (narrow_offset) and read as one.
struct Span32 {
  std::uint32_t begin = 0;
  std::uint32_t end = 0;  // exclusive
  Span32() = default;
  Span32(Span span) : begin(narrow_offset(span.begin)), end(narrow_offset(span.end)) {}
  operator Span() const { return {begin, end}; }
  std::size_t size() const { return end - begin; }
  bool empty() const { return begin >= end; }
  friend bool operator==(const Span32&, const Span32&) = default;
};

}  // namespace tc
