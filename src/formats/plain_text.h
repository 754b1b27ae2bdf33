#pragma once
#include <string_view>
#include <vector>

#include "core/document.h"

namespace tc {

// Paragraph blocks of plain text: runs of non-blank lines separated by blank lines.
std::vector<Block> plain_text_blocks(std::string_view text);

// Masks bare URLs, e-mail addresses and www. hosts in masked (same length as
// text) so prose checks do not read them. Returns true when anything was masked.
bool mask_urls(std::string_view text, std::string& masked);

}  // namespace tc
