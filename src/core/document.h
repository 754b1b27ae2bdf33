#pragma once
// A document as the checks see it: UTF-8 text (possibly with ill-formed
// sequences, which are findings), its language, and where its prose is.
// Positions inside the library are byte offsets into Document::text.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/format.h"
#include "core/language.h"
#include "core/line_index.h"
#include "core/span.h"

namespace tc {

// Byte that stands in Document::prose() for every masked (non-prose) byte.
inline constexpr char kMaskByte = '\x1A';

enum class BlockKind { paragraph, heading, list_item, blockquote, code, blank };

// A block of the document: a paragraph, heading, list item or code block.
// For plain text, paragraphs are separated by blank lines.
struct Block {
  BlockKind kind = BlockKind::paragraph;
  Span span;           // bytes of the whole block, markers included
  Span content;        // bytes of the block's text, without Markdown markers
  int heading_level = 0;  // 1-6 for headings
};

struct Document {
  std::string path;            // as the user gave it
  std::string text;            // decoded text, BOM removed
  std::string masked;          // text with non-prose bytes replaced by kMaskByte; empty when all is prose
  std::size_t bom_bytes = 0;   // bytes of the BOM removed from the start of the file
  std::string encoding = "UTF-8";  // the encoding the file was decoded from
  // Set when the file is not UTF-8 but reads as a legacy encoding (e.g.
  // "GB18030"); then only encoding/legacy-encoding runs on it.
  std::string suspected_encoding;
  Lang lang = Lang::unknown;
  Lang script_lang = Lang::unknown;  // what the dominant script suggests (dominant_language), whatever was declared
  ChineseScript chinese_script = ChineseScript::unspecified;
  Format format;  // plain text unless a reader says otherwise
  std::vector<Block> blocks;
  LineIndex lines;

  // The text the prose checks read: same length and offsets as text, with
  // code, URLs and other non-prose bytes masked by kMaskByte.
  std::string_view prose() const { return masked.empty() ? std::string_view(text) : std::string_view(masked); }
  // True when the byte at offset is not prose (masked in prose()).
  bool is_masked(std::size_t offset) const {
    return !masked.empty() && masked[offset] == kMaskByte && text[offset] != kMaskByte;
  }
  Position position(std::size_t offset) const { return lines.position(offset, text); }
};

}  // namespace tc
