#pragma once
// Lines, in one place: a line ends at \n, \r\n or a lone \r (classic Mac
// files). Every reader and the reports split lines with these.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>
#include <vector>

#include "core/span.h"

namespace tc {

struct Position {
  std::size_t line = 1;    // 1-based
  std::size_t column = 1;  // 1-based, in Unicode code points
};

struct Line {
  std::size_t begin = 0;
  std::size_t end = 0;   // before the terminator
  std::size_t next = 0;  // start of the next line (end of text for the last one)
};

// The line that starts at pos.
inline Line line_starting_at(std::string_view text, std::size_t pos) {
  // Two memchr calls instead of a byte loop: readers split megabytes. They
  // look in windows that double from 256 bytes, not to the end of the text:
  // in a file of CR line ends (no '\n' at all) each line searched the rest
  // of the file for '\n' (quadratic: 1 MB took 6 s).
  const char* data = text.data();
  std::size_t end = text.size();
  for (std::size_t from = pos, window = 256; from < text.size(); from += window, window *= 2) {
    const std::size_t to = std::min(text.size(), from + window);
    const void* newline = std::memchr(data + from, '\n', to - from);
    const std::size_t stop = newline ? static_cast<std::size_t>(static_cast<const char*>(newline) - data) : to;
    if (const void* cr = std::memchr(data + from, '\r', stop - from)) {
      end = static_cast<std::size_t>(static_cast<const char*>(cr) - data);
      break;
    }
    if (newline) {
      end = stop;
      break;
    }
  }
  std::size_t next = end;
  if (next < text.size()) next += (text[next] == '\r' && next + 1 < text.size() && text[next + 1] == '\n') ? 2 : 1;
  return {pos, end, next};
}

// Calls visit(line) for every line of text; a final terminator does not
// start an empty line.
template <typename Visit>
void for_each_line(std::string_view text, Visit&& visit) {
  for (std::size_t pos = 0; pos < text.size();) {
    const Line line = line_starting_at(text, pos);
    visit(line);
    pos = line.next;
  }
}

class LineIndex {
 public:
  LineIndex() = default;
  explicit LineIndex(std::string_view text);

  // Start byte of each line (a final terminator starts an empty last line).
  std::size_t start(std::size_t line) const { return wide_starts_.empty() ? starts_[line] : wide_starts_[line]; }
  std::size_t line_count() const { return wide_starts_.empty() ? starts_.size() : wide_starts_.size(); }
  std::size_t line_of(std::size_t offset) const;  // 0-based
  // Bytes of line (0-based) without its terminator.
  Span line_span(std::size_t line, std::string_view text) const;
  Position position(std::size_t offset, std::string_view text) const;

 private:
  // Checkpoints within lines longer than kCheckpointBytes: a byte offset
  // where a character starts, walking from its line's start, and the count of
  // characters from the line start to it (ascending offsets), so a column on
  // a 64 KB line costs at most kCheckpointBytes, not the line: a one-line
  // XLIFF or JSON file with thousands of findings was quadratic.
  static constexpr std::size_t kCheckpointBytes = 4096;
  struct Checkpoint {
    std::size_t offset;
    std::size_t column;  // characters from the line start to offset
  };
  // The starts, 32 bits each (a file of short lines has a start every few
  // bytes: 8 bytes each took more than its text), or in wide_starts_ alone
  // for a text of 4 GB or more (none is read: inputs are at most 2 GB).
  std::vector<std::uint32_t> starts_;
  std::vector<std::size_t> wide_starts_;
  std::vector<Checkpoint> checkpoints_;
};

}  // namespace tc
