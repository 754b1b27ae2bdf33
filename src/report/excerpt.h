#pragma once
#include <string>

#include "core/document.h"

namespace tc {

// The line that holds span.begin, made safe to print (controls, invisibles
// and bidi marks shown as <U+XXXX>, ill-formed bytes as <\xNN>, long lines
// cut to a window around the span), with a caret line under the span that
// counts East Asian wide characters as two columns.
struct Excerpt {
  std::size_t line = 0;  // 1-based
  std::string text;
  std::string underline;
};

Excerpt make_excerpt(const Document& doc, Span span, std::size_t max_width = 110);

// Text safe to print on one terminal line (same escaping as excerpts).
// keep_line_breaks: line breaks stay (CRLF and a lone CR as "\n"), for text
// shown over several lines (the HTML report).
std::string printable(std::string_view text, bool keep_line_breaks = false);

// Text for XML or HTML, in element content or a double-quoted attribute:
// & < > " escaped (JUnit, the HTML report).
std::string escape_markup(std::string_view text);

}  // namespace tc
