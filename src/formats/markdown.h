#pragma once
// The Markdown reader: CommonMark blocks and inlines, with every position
// kept in the original text.
#include <string_view>

#include "formats/format_reader.h"

namespace tc {

// Fenced and indented code, inline code, URLs, link targets, HTML comments
// and tags, and block markers are masked; headings, list items and quotes
// are blocks of their own.
Layout read_markdown(std::string_view text);

// .md and .markdown; headings are marked up, backslashes escape, comments are <!-- -->.
FormatReader markdown_reader();

}  // namespace tc
