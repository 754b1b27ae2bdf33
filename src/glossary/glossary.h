#pragma once
// A terminology glossary. Loaded by glossary/load.h; its term index (built
// once, on first use) is matched through glossary/match.h.
#include <cstddef>
#include <cstdint>
#include <iterator>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace tc {

// One entry as a value of its own: what the readers fill, and what code
// builds before adding it to a glossary (GlossaryEntries::push_back).
struct GlossaryEntry {
  std::vector<std::string> zh;         // Chinese forms; empty: a house-style entry (forbidden anywhere)
  std::string en;                      // preferred English
  std::vector<std::string> variants;   // other accepted English renderings
  std::vector<std::string> forbidden;  // renderings that must not be used
  std::string note;
  bool case_sensitive = false;
  // Where it came from: the file, one string shared by the file's entries
  // (a string per entry was a fifth of a large glossary's memory), and the line.
  std::shared_ptr<const std::string> origin_file;
  std::size_t origin_line = 0;

  // "file:line" it came from.
  std::string origin() const;

  // Accepted English renderings: en first, then the variants.
  std::vector<std::string> accepted() const;
};

// The forms of one cell of a stored entry (its Chinese forms, accepted,
// variant or forbidden renderings), as views into the glossary's text: valid
// while the glossary lives and is not changed.
class FormList {
 public:
  class iterator {
   public:
    using iterator_category = std::forward_iterator_tag;
    using value_type = std::string_view;
    using difference_type = std::ptrdiff_t;
    using pointer = void;
    using reference = std::string_view;

    iterator() = default;
    iterator(const char* text, const std::uint32_t* bound) : text_(text), bound_(bound) {}
    std::string_view operator*() const { return {text_ + bound_[0], bound_[1] - bound_[0]}; }
    iterator& operator++() {
      ++bound_;
      return *this;
    }
    iterator operator++(int) {
      iterator before = *this;
      ++bound_;
      return before;
    }
    bool operator==(const iterator& other) const { return bound_ == other.bound_; }

   private:
    const char* text_ = nullptr;
    const std::uint32_t* bound_ = nullptr;
  };
  using const_iterator = iterator;
  using value_type = std::string_view;

  FormList() = default;
  // count forms: form i is text[bounds[i], bounds[i + 1]).
  FormList(const char* text, const std::uint32_t* bounds, std::size_t count)
      : text_(text), bounds_(bounds), size_(count) {}

  std::size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  std::string_view operator[](std::size_t i) const { return {text_ + bounds_[i], bounds_[i + 1] - bounds_[i]}; }
  std::string_view front() const { return (*this)[0]; }
  iterator begin() const { return {text_, bounds_}; }
  iterator end() const { return {text_, bounds_ + size_}; }

  // The forms copied into strings.
  std::vector<std::string> strings() const;
  // Same forms in the same order.
  friend bool operator==(const FormList& list, const std::vector<std::string>& strings);

 private:
  const char* text_ = nullptr;
  const std::uint32_t* bounds_ = nullptr;
  std::size_t size_ = 0;
};

// A stored entry: GlossaryEntry's fields as views into the glossary's text,
// valid while the glossary lives and is not changed.
struct GlossaryEntryView {
  FormList zh;
  std::string_view en;
  FormList variants;
  FormList forbidden;
  std::string_view note;
  bool case_sensitive = false;
  std::string_view origin_file;
  std::size_t origin_line = 0;
  // Accepted English renderings: en first (when there is one), then the variants.
  FormList accepted;

  // "file:line" it came from.
  std::string origin() const;
};

// The entries of a glossary, stored compactly: the text of all of them in
// one string, the bounds of each form in one array and a small record for
// each entry. An entry of its own strings and vectors took some 250 bytes
// for a 12-byte row of a file. Read an entry as a GlossaryEntryView.
class GlossaryEntries {
 public:
  class iterator {
   public:
    using iterator_category = std::forward_iterator_tag;
    using value_type = GlossaryEntryView;
    using difference_type = std::ptrdiff_t;
    using pointer = void;
    using reference = GlossaryEntryView;

    iterator() = default;
    iterator(const GlossaryEntries* entries, std::size_t index) : entries_(entries), index_(index) {}
    GlossaryEntryView operator*() const { return (*entries_)[index_]; }
    iterator& operator++() {
      ++index_;
      return *this;
    }
    iterator operator++(int) {
      iterator before = *this;
      ++index_;
      return before;
    }
    bool operator==(const iterator& other) const { return index_ == other.index_; }

   private:
    const GlossaryEntries* entries_ = nullptr;
    std::size_t index_ = 0;
  };

  GlossaryEntries() = default;
  explicit GlossaryEntries(const std::vector<GlossaryEntry>& entries);

  std::size_t size() const { return records_.size(); }
  bool empty() const { return records_.empty(); }
  GlossaryEntryView operator[](std::size_t index) const;
  iterator begin() const { return {this, 0}; }
  iterator end() const { return {this, size()}; }

  // Adds a copy of entry at the end. Throws std::length_error past 4 GiB of
  // text or 4 billion lines.
  void push_back(const GlossaryEntry& entry);
  // Removes the entries flagged in removed (one flag an entry); the others keep their order.
  void remove(const std::vector<bool>& removed);
  // Gives back the room reserved or grown past what the entries use.
  void shrink_to_fit();

 private:
  // An entry's forms follow one another in bounds_ from first_form: its
  // Chinese forms, en, the variants, the forbidden renderings, the note.
  struct Record {
    std::uint32_t first_form = 0;
    std::uint32_t zh_count = 0;
    std::uint32_t variant_count = 0;
    std::uint32_t forbidden_count = 0;
    std::uint32_t origin_line = 0;
    std::uint32_t origin_file : 31 = 0;  // index into files_
    std::uint32_t case_sensitive : 1 = 0;
  };
  static std::uint32_t form_count(const Record& record) {
    return record.zh_count + 1 + record.variant_count + record.forbidden_count + 1;
  }
  void add_form(std::string_view form);

  std::string text_;
  std::vector<std::uint32_t> bounds_{0};  // form k is text_[bounds_[k], bounds_[k + 1])
  std::vector<Record> records_;
  std::vector<std::string> files_;  // the files entries came from, each once
};

class TermIndex;  // glossary/match.h

class Glossary {
 public:
  GlossaryEntries entries;

  // Asks for the term index over entries; load_glossaries() calls it. Call it
  // again after changing entries. Matching an unindexed glossary finds nothing.
  void build_index();
  // Null until build_index(). The index is built on the first call (once,
  // thread-safe), so a run whose rules match no terms does not pay for it.
  // Shared so that copies of a glossary share it.
  const TermIndex* index() const;

 private:
  struct LazyIndex;
  std::shared_ptr<LazyIndex> index_;
};

}  // namespace tc
