#include "report/location.h"

namespace tc {

Location locate(const Document& doc, Span span) {
  Location location;
  location.file = doc.path;
  location.start = doc.position(span.begin);
  location.end = doc.position(span.end);
  location.offset = span.begin + doc.bom_bytes;
  location.end_offset = span.end + doc.bom_bytes;
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
