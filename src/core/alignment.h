#pragma once
// The result of aligning a source document with its translation: sentences
// on each side and the monotone beads that pair them.
#include <cstddef>
#include <algorithm>
#include <compare>
#include <cstdint>
#include <initializer_list>
#include <iterator>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/document.h"

namespace tc {

// Every sentence of a pair is held while it is checked, a few bytes of text
// each in a file of short lines: 32-bit offsets and paragraph index (12
// bytes a sentence, where 24 took more than the text of `Safe.` lines;
// segment_document refuses a text of 4 GB or more).
struct Sentence {
  Span32 span;                // bytes in Document::text
  // Index into Document::blocks of the first block of the enclosing paragraph
  // (in plain text, the lines up to a blank line; in Markdown, the block).
  std::uint32_t paragraph = 0;
};
static_assert(sizeof(Sentence) == 12);

// The sentences of one side of a bead: consecutive indices (the beads
// are monotone and every sentence is in exactly one), held as the first and
// the count. A vector of them took 24 bytes and an allocation of its own,
// 120 bytes a bead of a file of short lines where the two runs take 16.
class SentenceRun {
 public:
  class iterator {
   public:
    using iterator_category = std::random_access_iterator_tag;
    using value_type = std::size_t;
    using difference_type = std::ptrdiff_t;
    using pointer = const std::size_t*;
    using reference = std::size_t;
    iterator() = default;
    explicit iterator(std::size_t at) : at_(at) {}
    std::size_t operator*() const { return at_; }
    std::size_t operator[](difference_type k) const { return at_ + static_cast<std::size_t>(k); }
    iterator& operator++() { return ++at_, *this; }
    iterator operator++(int) { return iterator(at_++); }
    iterator& operator--() { return --at_, *this; }
    iterator operator--(int) { return iterator(at_--); }
    iterator& operator+=(difference_type k) { return at_ += static_cast<std::size_t>(k), *this; }
    iterator& operator-=(difference_type k) { return at_ -= static_cast<std::size_t>(k), *this; }
    friend iterator operator+(iterator it, difference_type k) { return it += k; }
    friend iterator operator+(difference_type k, iterator it) { return it += k; }
    friend iterator operator-(iterator it, difference_type k) { return it -= k; }
    friend difference_type operator-(iterator a, iterator b) { return static_cast<difference_type>(a.at_ - b.at_); }
    friend bool operator==(iterator a, iterator b) = default;
    friend auto operator<=>(iterator a, iterator b) = default;

   private:
    std::size_t at_ = 0;
  };
  using const_iterator = iterator;
  using value_type = std::size_t;
  using size_type = std::size_t;

  SentenceRun() = default;
  // The indices must be consecutive and ascending.
  SentenceRun(std::initializer_list<std::size_t> ids) {
    for (const std::size_t id : ids) push_back(id);
  }
  static SentenceRun of(std::size_t first, std::size_t count) {
    SentenceRun run;
    run.first_ = narrow(first), run.count_ = narrow(count);
    return run;
  }
  std::size_t size() const { return count_; }
  bool empty() const { return count_ == 0; }
  std::size_t front() const { return first_; }
  std::size_t back() const { return first_ + count_ - 1; }
  std::size_t operator[](std::size_t k) const { return first_ + k; }
  iterator begin() const { return iterator(first_); }
  iterator end() const { return iterator(std::size_t{first_} + count_); }
  // Appends the index after the last (any index when empty).
  void push_back(std::size_t id) {
    if (count_ == 0) first_ = narrow(id);
    else if (id != std::size_t{first_} + count_) throw std::logic_error("a bead's sentences are consecutive");
    ++count_;
  }
  void clear() { first_ = count_ = 0; }
  std::vector<std::size_t> indices() const { return {begin(), end()}; }
  friend bool operator==(const SentenceRun& a, const SentenceRun& b) {
    return a.count_ == b.count_ && (a.count_ == 0 || a.first_ == b.first_);
  }
  friend bool operator==(const SentenceRun& a, const std::vector<std::size_t>& b) {
    return std::equal(a.begin(), a.end(), b.begin(), b.end());
  }

 private:
  // (Sentences are under 4 G: their offsets are 32 bits.)
  static std::uint32_t narrow(std::size_t value) {
    if (value > UINT32_MAX) throw std::length_error("more than 4 G sentences");
    return static_cast<std::uint32_t>(value);
  }
  std::uint32_t first_ = 0, count_ = 0;
};

struct Bead {
  SentenceRun source;  // indices into Alignment::source_sentences
  SentenceRun target;  // indices into Alignment::target_sentences
  double score = 0.0;  // higher is more confident; 0..1
};

struct Alignment {
  std::vector<Sentence> source_sentences;
  std::vector<Sentence> target_sentences;
  std::vector<Bead> beads;  // document order; every sentence is in exactly one bead
};

}  // namespace tc
