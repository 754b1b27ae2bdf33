#pragma once
// Where a document's text came from. Findings and fixes are byte offsets
// into Document::text; a SourceMap takes them back to bytes of the file,
// which differ after a BOM is removed or the file is decoded from a legacy
// encoding (a GB18030 Han character is 2 or 4 bytes in the file, 3 in the
// text). Lines and columns for people stay counted in the decoded text.
#include <cstddef>
#include <string>
#include <vector>

#include "core/line_index.h"

namespace tc {

// The file as read: its bytes, how they were decoded, and their lines.
struct SourceFile {
  std::string path;
  // Empty when bytes_are_text: read the file's bytes through Document::file_bytes().
  std::string bytes;
  std::string encoding = "UTF-8";
  std::size_t bom_bytes = 0;  // bytes of the byte-order mark at the start of bytes
  LineIndex lines;            // lines of bytes (meaningful for ASCII-compatible encodings); empty when bytes_are_text
  // The file's bytes are its one document's text (UTF-8 without a BOM, read
  // as it is): held once, by the document, not twice.
  bool bytes_are_text = false;
};

// Text offsets to file offsets, piecewise: from each anchor on, text and
// file advance together until the next anchor. Plain UTF-8 has one anchor
// (after the BOM); a decoded file has one wherever the two drift apart.
class SourceMap {
 public:
  SourceMap() = default;  // identity
  // Text offset 0 is file offset leading_bytes (a removed BOM).
  static SourceMap shifted(std::size_t leading_bytes);

  // Records that text_offset starts at file_offset. Anchors come in text
  // order; one that keeps the current drift is not stored.
  void add(std::size_t text_offset, std::size_t file_offset);

  // Appends other's mapping for text placed at text_base (other's text
  // offset 0 is text_base here). Bilingual readers join unit strings.
  void append(const SourceMap& other, std::size_t text_base);
  // This map followed by outer (text to intermediate to file offsets); only
  // outer's value at each of this map's anchors is used.
  SourceMap then(const SourceMap& outer) const;

  // The same map for the text without its first prefix_bytes bytes.
  SourceMap without_prefix(std::size_t prefix_bytes) const;

  // The file offset of a text offset at a code point boundary.
  std::size_t file_offset(std::size_t text_offset) const;
  Span file_span(Span text) const { return {file_offset(text.begin), file_offset(text.end)}; }

  // True when every text offset is the same file offset.
  bool is_identity() const { return anchors_.empty(); }
  std::size_t anchor_count() const { return anchors_.size(); }

 private:
  struct Anchor {
    std::size_t text;
    std::size_t file;
  };
  std::vector<Anchor> anchors_;
};

}  // namespace tc
