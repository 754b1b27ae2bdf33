#pragma once
// The plain-text reader: paragraphs separated by blank lines, all prose.
#include <string_view>
#include <vector>

#include "core/document.h"
#include "formats/format_reader.h"

namespace tc {

// Blocks of plain text. Blank lines always separate blocks. A line break
// inside a run of lines separates blocks too, unless the next line continues
// the sentence: it starts in lower case or with a continuing mark (，、) or
// the line ends open (a comma, a bracket left open, "of", "the"), reaches
// the width a hard-wrapped text is wrapped at, or is running prose cut in the
// middle of a sentence. So headings, list items and short lines without end
// punctuation ("Why get vaccinated?", "联系我们 加入我们") are blocks of their own.
// A single short line that does not end a sentence is a heading; a line
// starting with a bullet or a number ("-", "•", "1.", "（一）", "一、") is a list
// item. Their markers and numbering are outside Block::content.
std::vector<Block> plain_text_blocks(std::string_view text);

// Any file no other reader claims (.txt or none).
FormatReader plain_text_reader();

// A list marker at the start of a line: a bullet or list numbering.
struct ListMarker {
  bool found = false;
  bool numbered = false;          // "1.", "(2)", "三、", "a)"
  std::size_t content_begin = 0;  // first byte after the marker and its spaces
};
ListMarker list_marker(std::string_view text, Span line);

// Masks bare URLs, e-mail addresses and www. hosts in masked (same length as
// text) so prose checks do not read them. Returns true when anything was masked.
// Every format's prose goes through it (make_document).
bool mask_urls(std::string_view text, std::string& masked);

}  // namespace tc
