#include "report/location.h"

#include <algorithm>

#include "core/utf8.h"

namespace tc {

Location locate(const Document& doc, Span span) {
  Location location;
  location.file = doc.path;
  location.start = doc.position(span.begin);
  location.end = doc.position(span.end);
  location.offset = doc.source_map.file_offset(span.begin);
  location.end_offset = doc.source_map.file_offset(span.end);
  return location;
}

Position Locator::Cursor::advance(const Document& in, std::size_t target) {
  target = std::min(target, in.text.size());
  const std::size_t line = in.lines.line_of(target);
  const std::size_t start_of_line = in.lines.start(line);
  if (doc != &in || start_of_line != line_start || target < offset) {
    // Back or on another line: from the index, not counted from the line start.
    doc = &in;
    line_start = start_of_line;
    offset = target;
    position = in.lines.position(target, in.text);
    return position;
  }
  position.column += utf8::count(std::string_view(in.text).substr(offset, target - offset));
  offset = target;
  return position;
}

Location Locator::locate(const Document& doc, Span span) {
  // Lines counted in the file (bilingual formats) are not lines of the text
  // this cursor walks.
  if (doc.lines_in_file && doc.source) return tc::locate(doc, span);
  Location location;
  location.file = doc.path;
  location.start = start_.advance(doc, span.begin);
  location.end = end_.advance(doc, std::max(span.begin, span.end));
  location.offset = doc.source_map.file_offset(span.begin);
  location.end_offset = doc.source_map.file_offset(span.end);
  return location;
}

SeverityCounts count_severities(const std::vector<Finding>& findings) {
  SeverityCounts counts;
  for (const Finding& f : findings) {
    switch (f.severity) {
      case Severity::error: ++counts.error; break;
      case Severity::warning: ++counts.warning; break;
      case Severity::info: ++counts.info; break;
    }
  }
  return counts;
}

}  // namespace tc
