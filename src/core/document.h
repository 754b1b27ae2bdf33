#pragma once
// A document as the checks see it: UTF-8 text (possibly with ill-formed
// sequences, which are findings), its language, and where its prose is.
// Positions inside the library are byte offsets into Document::text.
#include <cassert>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/format.h"
#include "core/language.h"
#include "core/line_index.h"
#include "core/source.h"
#include "core/span.h"

namespace tc {

// Byte that stands in Document::prose() for every masked (non-prose) byte.
inline constexpr char kMaskByte = '\x1A';

// furniture: page furniture of a printed original (running headers and
// footers, page numbers, catalogue codes, legal citations), which belongs to
// no sentence of the body text.
enum class BlockKind : std::uint8_t { paragraph, heading, list_item, blockquote, code, blank, furniture };

// What kind of page furniture a furniture block is (reported to the editor).
enum class FurnitureKind : std::uint8_t { none, page_number, date_stamp, legal_citation, catalogue_code, running_header, repeated_line };

// Why a block is kept as it is in a translation (not translated on purpose).
enum class KeptKind : std::uint8_t { none, copyright, translation_notice, name, third_language };

// A block of the document: a paragraph, heading, list item or code block.
// For plain text, blocks are separated by blank lines and by line breaks that
// end a heading, a list item or a short line (see formats/plain_text.h).
// A file of short lines has a block every few bytes: the spans are held as
// 32-bit offsets (texts are under 4 GB: inputs are at most 2 GB, and
// decoding grows them by at most half), 20 bytes a block where two Spans
// took 40.
class Block {
 public:
  // Bytes of the whole block, markers included.
  Span span() const { return {span_begin_, span_end_}; }
  // Bytes of the block's text, without Markdown markers or list numbering.
  Span content() const { return {content_begin_, content_end_}; }
  void set_span(Span span) { span_begin_ = offset(span.begin), span_end_ = offset(span.end); }
  void set_content(Span content) { content_begin_ = offset(content.begin), content_end_ = offset(content.end); }

  // (The level and continues_paragraph share a byte: 20 bytes a block, not 24.)
  int heading_level : 4 = 0;  // 1-6 for headings
  // Plain text: no blank line before this block, so it is in the same
  // paragraph as the block before (a heading or list item over its text).
  bool continues_paragraph : 1 = false;
  BlockKind kind = BlockKind::paragraph;
  FurnitureKind furniture = FurnitureKind::none;  // set for BlockKind::furniture
  // Text kept as it is on purpose (a translation notice, an agency name, a
  // copyright line, a line in a third language): it is not compared across
  // languages, so it yields no untranslated or omission findings.
  KeptKind kept = KeptKind::none;

 private:
  static std::uint32_t offset(std::size_t at) {
    assert(at <= UINT32_MAX);
    return static_cast<std::uint32_t>(at);
  }
  std::uint32_t span_begin_ = 0, span_end_ = 0, content_begin_ = 0, content_end_ = 0;
};
static_assert(sizeof(Block) <= 20);

struct Document {
  std::string path;            // as the user gave it
  // The path relative to the project root in a project run (fingerprints,
  // SARIF URIs), so they do not depend on the working directory; empty: path.
  std::string project_path;
  std::string text;            // decoded text, BOM removed
  std::string masked;          // text with non-prose bytes replaced by kMaskByte; empty when all is prose
  std::size_t bom_bytes = 0;   // bytes of the BOM removed from the start of the file
  std::string encoding = "UTF-8";  // the encoding the file was decoded from
  // Set when the file is not UTF-8 but reads as a legacy encoding (e.g.
  // "GB18030", or several the detector could not tell apart, most likely
  // first); then only encoding/legacy-encoding runs on it.
  std::vector<std::string> suspected_encodings;
  Lang lang = Lang::unknown;
  Lang script_lang = Lang::unknown;  // what the dominant script suggests (dominant_language), whatever was declared
  ChineseScript chinese_script = ChineseScript::unspecified;
  Format format;  // plain text unless a reader says otherwise
  SourceMap source_map;  // text offsets to bytes of the file (identity for text made in memory)
  std::shared_ptr<const SourceFile> source;  // the file as read; null for text made in memory
  std::vector<Block> blocks;
  LineIndex lines;
  // Bilingual files (PO, XLIFF, JSON): the text is unescaped and joined from
  // pieces of the file, so lines and columns for people are counted in the
  // file, through source_map, not in the text.
  bool lines_in_file = false;

  // The text the prose checks read: same length and offsets as text, with
  // code, URLs and other non-prose bytes masked by kMaskByte.
  std::string_view prose() const { return masked.empty() ? std::string_view(text) : std::string_view(masked); }
  // True when the byte at offset is not prose (masked in prose()).
  bool is_masked(std::size_t offset) const {
    return !masked.empty() && masked[offset] == kMaskByte && text[offset] != kMaskByte;
  }
  Position position(std::size_t offset) const {
    if (lines_in_file && source && !source->bytes_are_text)
      return source->lines.position(source_map.file_offset(offset), source->bytes);
    return lines.position(offset, text);
  }
  // The bytes of the file the document was read from (the text for text made in memory).
  std::string_view file_bytes() const { return source && !source->bytes_are_text ? source->bytes : text; }
  const std::string& stable_path() const { return project_path.empty() ? path : project_path; }
};

}  // namespace tc
