#include "core/source.h"

#include <algorithm>

namespace tc {

SourceMap SourceMap::shifted(std::size_t leading_bytes) {
  SourceMap map;
  map.add(0, leading_bytes);
  return map;
}

void SourceMap::add(std::size_t text_offset, std::size_t file_offset) {
  const std::size_t drift_before = anchors_.empty() ? 0 : anchors_.back().file - anchors_.back().text;
  if (file_offset - text_offset == drift_before) return;
  anchors_.push_back({text_offset, file_offset});
}

void SourceMap::append(const SourceMap& other, std::size_t text_base) {
  // add() keeps anchors in text order and drops those that change nothing.
  add(text_base, other.file_offset(0));
  for (const Anchor& anchor : other.anchors_) add(text_base + anchor.text, anchor.file);
}

SourceMap SourceMap::then(const SourceMap& outer) const {
  SourceMap map;
  map.add(0, outer.file_offset(file_offset(0)));
  for (const Anchor& anchor : anchors_) map.add(anchor.text, outer.file_offset(anchor.file));
  return map;
}

SourceMap SourceMap::without_prefix(std::size_t prefix_bytes) const {
  SourceMap map;
  map.add(0, file_offset(prefix_bytes));
  for (const Anchor& anchor : anchors_)
    if (anchor.text > prefix_bytes) map.add(anchor.text - prefix_bytes, anchor.file);
  return map;
}

std::size_t SourceMap::file_offset(std::size_t text_offset) const {
  const auto after = std::upper_bound(anchors_.begin(), anchors_.end(), text_offset,
                                      [](std::size_t offset, const Anchor& anchor) { return offset < anchor.text; });
  if (after == anchors_.begin()) return text_offset;
  const Anchor& anchor = *(after - 1);
  return anchor.file + (text_offset - anchor.text);
}

}  // namespace tc
