#include "core/document.h"

#include <algorithm>

#include "core/utf8.h"

namespace tc {

LineIndex::LineIndex(std::string_view text) {
  starts_.push_back(0);
  const std::size_t n = text.size();
  for (std::size_t i = 0; i < n; ++i) {
    const char c = text[i];
    if (c == '\n') {
      starts_.push_back(i + 1);
    } else if (c == '\r') {
      if (i + 1 < n && text[i + 1] == '\n') ++i;
      starts_.push_back(i + 1);
    }
  }
}

std::size_t LineIndex::line_of(std::size_t offset) const {
  const auto it = std::upper_bound(starts_.begin(), starts_.end(), offset);
  return static_cast<std::size_t>(it - starts_.begin()) - 1;
}

Span LineIndex::line_span(std::size_t line, std::string_view text) const {
  const std::size_t begin = starts_[line];
  std::size_t end = line + 1 < starts_.size() ? starts_[line + 1] : text.size();
  while (end > begin && (text[end - 1] == '\n' || text[end - 1] == '\r')) --end;
  return {begin, end};
}

Position LineIndex::position(std::size_t offset, std::string_view text) const {
  offset = std::min(offset, text.size());
  const std::size_t line = line_of(offset);
  const std::size_t start = starts_[line];
  return {line + 1, utf8::count(text.substr(start, offset - start)) + 1};
}

}  // namespace tc
