#pragma once
// The HTML reader: a page read with an HTML5 parser (gumbo), whose prose is
// the text of the DOM at its place in the file.
#include <string_view>

#include "formats/format_reader.h"

namespace tc {

// Text of the body and the <title>, image alt text and the meta description
// are prose, one block per block-level element (headings as headings); tags,
// comments, entities and the content of script, style, code, pre, template,
// noscript, svg and math are masked. Offsets are those of the file.
Layout read_html(std::string_view text);

// .html, .htm; headings are marked up; comments are <!-- -->; text written back is HTML-escaped.
FormatReader html_reader();

}  // namespace tc
