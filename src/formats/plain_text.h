#pragma once
// The plain-text reader: paragraphs separated by blank lines, all prose.
#include <string_view>
#include <vector>

#include "core/document.h"
#include "formats/format_reader.h"

namespace tc {

// Paragraph blocks of plain text: runs of non-blank lines separated by blank lines.
std::vector<Block> plain_text_blocks(std::string_view text);

// Any file no other reader claims (.txt or none).
FormatReader plain_text_reader();

// Masks bare URLs, e-mail addresses and www. hosts in masked (same length as
// text) so prose checks do not read them. Returns true when anything was masked.
// Every format's prose goes through it (make_document).
bool mask_urls(std::string_view text, std::string& masked);

}  // namespace tc
