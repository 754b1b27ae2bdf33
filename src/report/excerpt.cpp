#include "report/excerpt.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <cstdio>

#include "core/utf8.h"

namespace tc {
namespace {

bool is_invisible(char32_t cp) {
  const auto category = u_charType(static_cast<UChar32>(cp));
  return category == U_CONTROL_CHAR || category == U_FORMAT_CHAR || category == U_LINE_SEPARATOR ||
         category == U_PARAGRAPH_SEPARATOR || category == U_UNASSIGNED || category == U_PRIVATE_USE_CHAR ||
         (cp >= 0x2000 && cp <= 0x200A) || cp == 0x3164 || cp == 0xFFFD;
}

// Appends how the character at text[pos] is shown to shown (when not null),
// advances pos past it and returns its width in columns. Printable ASCII and
// the CJK Unified Ideographs (all assigned, wide letters) need no ICU lookup.
std::size_t put_cell(std::string_view text, std::size_t& pos, std::string* shown) {
  const std::size_t start = pos;
  const auto byte = static_cast<unsigned char>(text[pos]);
  if (byte >= 0x20 && byte < 0x7F) {
    ++pos;
    if (shown) *shown += static_cast<char>(byte);
    return 1;
  }
  if (byte == '\t') {
    ++pos;
    if (shown) *shown += ' ';
    return 1;
  }
  const char32_t cp = utf8::next(text, pos);
  const auto copy = [&] {
    if (shown) shown->append(text.substr(start, pos - start));
  };
  if (cp >= 0x4E00 && cp <= 0x9FFF) {
    copy();
    return 2;
  }
  char buffer[24];
  if (cp == utf8::kInvalid) {
    std::size_t width = 0;
    for (std::size_t i = start; i < pos; ++i) {
      const int n = std::snprintf(buffer, sizeof buffer, "<\\x%02X>", static_cast<unsigned char>(text[i]));
      if (shown) shown->append(buffer, static_cast<std::size_t>(n));
      width += static_cast<std::size_t>(n);
    }
    return width;
  }
  if (cp == kMaskByte || is_invisible(cp)) {
    const int n = std::snprintf(buffer, sizeof buffer, "<U+%04X>", static_cast<unsigned>(cp));
    if (shown) shown->append(buffer, static_cast<std::size_t>(n));
    return static_cast<std::size_t>(n);
  }
  const auto category = u_charType(static_cast<UChar32>(cp));
  copy();
  if (category == U_NON_SPACING_MARK || category == U_ENCLOSING_MARK) return 0;
  const auto width = u_getIntPropertyValue(static_cast<UChar32>(cp), UCHAR_EAST_ASIAN_WIDTH);
  return width == U_EA_WIDE || width == U_EA_FULLWIDTH ? 2 : 1;
}

}  // namespace

std::string printable(std::string_view text, bool keep_line_breaks) {
  std::string out;
  std::size_t pos = 0;
  while (pos < text.size()) {
    if (text[pos] == '\n' || text[pos] == '\r') {
      const bool crlf = text[pos] == '\r' && pos + 1 < text.size() && text[pos + 1] == '\n';
      if (!keep_line_breaks) out += ' ';
      else if (!crlf) out += '\n';
      ++pos;
      continue;
    }
    put_cell(text, pos, &out);
  }
  return out;
}

std::string escape_markup(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  for (const char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default: out += c;
    }
  }
  return out;
}

namespace {

Excerpt excerpt_of(std::string_view whole, const LineIndex& lines, Span span, std::size_t max_width) {
  Excerpt excerpt;
  const std::size_t line = lines.line_of(span.begin);
  excerpt.line = line + 1;
  const Span bounds = lines.line_span(line, whole);
  const std::size_t mark_begin = std::min(std::max(span.begin, bounds.begin), bounds.end);
  const std::size_t mark_end = std::max(mark_begin, std::min(span.end, bounds.end));
  const std::string_view text = whole.substr(0, bounds.end);

  // Work stays proportional to max_width, not to the line: a window starts
  // at the line start when the whole line fits, otherwise a third of the
  // width before the span.
  // Zero-width cells (combining marks) cost no width: a line of thousands of
  // stacked marks would otherwise be shown whole in every excerpt on it.
  const std::size_t max_cells = 4 * max_width;
  std::size_t start = bounds.begin;
  {
    std::size_t width = 0;
    std::size_t cells = 0;
    std::size_t pos = bounds.begin;
    while (pos < bounds.end && width <= max_width && cells <= max_cells) {
      width += put_cell(text, pos, nullptr);
      ++cells;
    }
    if (width > max_width || cells > max_cells) {
      std::size_t lead = 0;
      std::size_t lead_cells = 0;
      start = mark_begin;
      while (start > bounds.begin) {
        std::size_t previous = start;
        utf8::previous(text, previous);
        std::size_t probe = previous;
        const std::size_t w = put_cell(text, probe, nullptr);
        if (lead + w > max_width / 3 || lead_cells + 1 > max_cells / 3) break;
        lead += w;
        ++lead_cells;
        start = previous;
      }
    }
  }
  if (start > bounds.begin) {
    excerpt.text += "…";
    excerpt.underline += ' ';
  }
  std::size_t width = 0;
  std::size_t cells = 0;
  std::size_t pos = start;
  std::size_t caret_column = excerpt.underline.size();
  bool marked_any = false;
  std::string shown;
  while (pos < bounds.end) {
    const std::size_t offset = pos;
    std::size_t next = pos;
    shown.clear();
    const std::size_t cell_width = put_cell(text, next, &shown);
    if (width + cell_width > max_width || ++cells > max_cells) break;
    if (offset < mark_begin) caret_column += cell_width;
    const bool inside = offset >= mark_begin && offset < mark_end;
    excerpt.text += shown;
    excerpt.underline.append(cell_width, inside ? '^' : ' ');
    marked_any |= inside && cell_width > 0;
    width += cell_width;
    pos = next;
  }
  if (pos < bounds.end) excerpt.text += "…";
  if (!marked_any) {
    // An empty span (or one at the line end) still gets one caret where it starts.
    excerpt.underline.assign(caret_column, ' ');
    excerpt.underline += '^';
  }
  while (!excerpt.underline.empty() && excerpt.underline.back() == ' ') excerpt.underline.pop_back();
  return excerpt;
}

}  // namespace

Excerpt make_excerpt(const Document& doc, Span span, std::size_t max_width) {
  // A bilingual file's text is unescaped pieces of the file: show the file's line.
  if (doc.lines_in_file && doc.source && !doc.source->bytes_are_text)
    return excerpt_of(doc.source->bytes, doc.source->lines, doc.source_map.file_span(span), max_width);
  return excerpt_of(doc.text, doc.lines, span, max_width);
}

}  // namespace tc
