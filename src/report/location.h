#pragma once
#include <cstddef>
#include <string>

#include "core/finding.h"

namespace tc {

// A finding's span as people and CI systems count: 1-based lines, 1-based
// columns in code points, end exclusive.
struct Location {
  std::string file;
  Position start;
  Position end;
  std::size_t offset = 0;      // byte offset in the original file (BOM included)
  std::size_t end_offset = 0;
};

Location locate(const Document& doc, Span span);

// locate() for a stream of findings in document order: counts code points
// from the previous position on the same line instead of from the line
// start, so thousands of findings on one huge line stay linear. Starts and
// ends keep a cursor each: a counterpart span the size of a whole bead,
// located once per finding, must not be recounted every time.
class Locator {
 public:
  Location locate(const Document& doc, Span span);

 private:
  struct Cursor {
    const Document* doc = nullptr;
    std::size_t offset = 0;
    std::size_t line_start = 0;
    Position position;
    Position advance(const Document& doc, std::size_t offset);
  };
  Cursor start_;
  Cursor end_;
};

struct SeverityCounts {
  std::size_t error = 0, warning = 0, info = 0;
};
SeverityCounts count_severities(const std::vector<Finding>& findings);

}  // namespace tc
