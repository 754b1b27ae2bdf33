#include "core/line_index.h"

#include <algorithm>

#include "core/utf8.h"

namespace tc {

LineIndex::LineIndex(std::string_view text) {
  // Reserved exactly (\n, and \r not before \n): grown by doubling, the
  // index of a file of short lines kept up to twice its size.
  std::size_t lines = 1 + static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n'));
  for (const char* cr = static_cast<const char*>(std::memchr(text.data(), '\r', text.size())); cr;) {
    const std::size_t at = static_cast<std::size_t>(cr - text.data());
    if (at + 1 >= text.size() || text[at + 1] != '\n') ++lines;
    cr = static_cast<const char*>(std::memchr(cr + 1, '\r', text.size() - at - 1));
  }
  const bool wide = text.size() > UINT32_MAX;
  auto add_start = [&](std::size_t at) {
    if (wide) wide_starts_.push_back(at);
    else starts_.push_back(static_cast<std::uint32_t>(at));  // (at <= text.size())
  };
  if (wide) wide_starts_.reserve(lines);
  else starts_.reserve(lines);
  add_start(0);
  for_each_line(text, [&](const Line& line) {
    if (line.next > line.end) add_start(line.next);
    if (line.end - line.begin <= kCheckpointBytes) return;
    // The walk utf8::count makes from the line start, stopping at the first
    // character start past each kCheckpointBytes.
    const std::string_view body = text.substr(line.begin, line.end - line.begin);
    std::size_t pos = 0, n = 0, next_mark = kCheckpointBytes;
    while (pos < body.size()) {
      if (pos >= next_mark) {
        checkpoints_.push_back({line.begin + pos, n});
        next_mark = pos + kCheckpointBytes;
      }
      if (static_cast<unsigned char>(body[pos]) < 0x80) ++pos;
      else utf8::next(body, pos);
      ++n;
    }
  });
}

std::size_t LineIndex::line_of(std::size_t offset) const {
  if (!wide_starts_.empty()) {
    const auto it = std::upper_bound(wide_starts_.begin(), wide_starts_.end(), offset);
    return static_cast<std::size_t>(it - wide_starts_.begin()) - 1;
  }
  // (An offset past 32 bits is past every start of a narrow index.)
  if (offset > UINT32_MAX) return starts_.size() - 1;
  const auto it = std::upper_bound(starts_.begin(), starts_.end(), static_cast<std::uint32_t>(offset));
  return static_cast<std::size_t>(it - starts_.begin()) - 1;
}

Span LineIndex::line_span(std::size_t line, std::string_view text) const {
  const std::size_t begin = start(line);
  std::size_t end = line + 1 < line_count() ? start(line + 1) : text.size();
  while (end > begin && (text[end - 1] == '\n' || text[end - 1] == '\r')) --end;
  return {begin, end};
}

Position LineIndex::position(std::size_t offset, std::string_view text) const {
  offset = std::min(offset, text.size());
  const std::size_t line = line_of(offset);
  std::size_t start = this->start(line);
  std::size_t column = 1;
  // The last checkpoint at or before offset, when it is on this line.
  const auto it = std::upper_bound(checkpoints_.begin(), checkpoints_.end(), offset,
                                   [](std::size_t at, const Checkpoint& c) { return at < c.offset; });
  if (it != checkpoints_.begin() && std::prev(it)->offset > start) {
    column += std::prev(it)->column;
    start = std::prev(it)->offset;
  }
  return {line + 1, utf8::count(text.substr(start, offset - start)) + column};
}

}  // namespace tc
