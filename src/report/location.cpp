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

Position Locator::advance(const Document& doc, std::size_t offset) {
  offset = std::min(offset, doc.text.size());
  const std::size_t line = doc.lines.line_of(offset);
  const std::size_t line_start = doc.lines.starts()[line];
  if (doc_ != &doc || line_start != line_start_ || offset < offset_) {
    doc_ = &doc;
    line_start_ = line_start;
    offset_ = line_start;
    position_ = {line + 1, 1};
  }
  position_.column += utf8::count(std::string_view(doc.text).substr(offset_, offset - offset_));
  offset_ = offset;
  return position_;
}

Location Locator::locate(const Document& doc, Span span) {
  // Lines counted in the file (bilingual formats) are not lines of the text
  // this cursor walks.
  if (doc.lines_in_file && doc.source) return tc::locate(doc, span);
  Location location;
  location.file = doc.path;
  location.start = advance(doc, span.begin);
  // The end is computed fresh from the start so the cursor stays at the start
  // offset, which is where the next finding (in document order) begins.
  const std::size_t end = std::min(span.end, doc.text.size());
  const std::size_t end_line = doc.lines.line_of(end);
  if (end_line + 1 == location.start.line && end >= span.begin) {
    location.end = {location.start.line,
                    location.start.column + utf8::count(std::string_view(doc.text).substr(span.begin, end - span.begin))};
  } else {
    location.end = doc.position(end);
  }
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
