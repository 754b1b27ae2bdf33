#include "formats/markdown.h"

#include <algorithm>
#include <cctype>
#include <cstring>
#include <map>
#include <utility>
#include <vector>

#include "formats/plain_text.h"

namespace tc {
namespace {

std::vector<Line> split_lines(std::string_view text) {
  std::vector<Line> lines;
  for_each_line(text, [&](const Line& line) { lines.push_back(line); });
  return lines;
}

std::size_t indent_of(std::string_view line) {
  std::size_t width = 0;
  for (char c : line) {
    if (c == ' ') ++width;
    else if (c == '\t') width += 4 - width % 4;
    else break;
  }
  return width;
}

std::size_t skip_spaces(std::string_view text, std::size_t pos, std::size_t end) {
  while (pos < end && (text[pos] == ' ' || text[pos] == '\t')) ++pos;
  return pos;
}

bool is_blank(std::string_view text, const Line& line) { return skip_spaces(text, line.begin, line.end) == line.end; }

// Length of a fence opener ("```" or "~~~", 3 or more) at pos, or 0.
std::size_t fence_length(std::string_view text, std::size_t pos, std::size_t end) {
  if (pos >= end || (text[pos] != '`' && text[pos] != '~')) return 0;
  const char c = text[pos];
  std::size_t n = 0;
  while (pos + n < end && text[pos + n] == c) ++n;
  return n >= 3 ? n : 0;
}

// Length of a list marker ("- ", "* ", "+ ", "12. ", "3) ") at pos, or 0.
std::size_t list_marker_length(std::string_view text, std::size_t pos, std::size_t end) {
  if (pos >= end) return 0;
  const char c = text[pos];
  if ((c == '-' || c == '*' || c == '+') && pos + 1 < end && (text[pos + 1] == ' ' || text[pos + 1] == '\t')) return 2;
  std::size_t n = 0;
  while (pos + n < end && n < 9 && std::isdigit(static_cast<unsigned char>(text[pos + n]))) ++n;
  if (n > 0 && pos + n + 1 < end && (text[pos + n] == '.' || text[pos + n] == ')') &&
      (text[pos + n + 1] == ' ' || text[pos + n + 1] == '\t'))
    return n + 2;
  return 0;
}

class Masker {
 public:
  explicit Masker(std::string_view text) : text_(text), masked_(text) {}
  void mask(std::size_t b, std::size_t e) {
    for (std::size_t i = b; i < e && i < masked_.size(); ++i)
      if (masked_[i] != '\n' && masked_[i] != '\r') masked_[i] = kMaskByte;
  }
  std::string take() { return std::move(masked_); }

 private:
  std::string_view text_;
  std::string masked_;
};

// Closing parenthesis of each '(' that follows a ']' within [b, e), by one
// stack pass: scanning forward from every "](" instead is quadratic on a long
// line full of unclosed link targets.
class LinkParens {
 public:
  // Position of the ')' closing the '(' at open, or npos.
  std::size_t close_of(std::string_view text, std::size_t b, std::size_t e, std::size_t open) {
    if (!built_) build(text, b, e);
    const auto it = std::lower_bound(closes_.begin(), closes_.end(), std::make_pair(open, std::size_t{0}));
    return it != closes_.end() && it->first == open ? it->second : std::string_view::npos;
  }

 private:
  void build(std::string_view text, std::size_t b, std::size_t e) {
    built_ = true;
    std::vector<std::size_t> open;
    for (std::size_t j = b; j < e; ++j) {
      if (text[j] == '(') {
        open.push_back(j);
      } else if (text[j] == ')' && !open.empty()) {
        if (open.back() > b && text[open.back() - 1] == ']') closes_.emplace_back(open.back(), j);
        open.pop_back();
      }
    }
    std::sort(closes_.begin(), closes_.end());
  }

  bool built_ = false;
  std::vector<std::pair<std::size_t, std::size_t>> closes_;
};

// The maximal runs of backticks within [b, e), by length: finding the
// closing run by scanning forward from every opening run is quadratic on a
// long line of unmatched runs of different lengths.
class BacktickRuns {
 public:
  // Start of the first run of exactly `length` backticks at or after from, or npos.
  std::size_t next_run(std::string_view text, std::size_t b, std::size_t e, std::size_t length, std::size_t from) {
    if (!built_) build(text, b, e);
    const auto runs = starts_by_length_.find(length);
    if (runs == starts_by_length_.end()) return std::string_view::npos;
    const auto it = std::lower_bound(runs->second.begin(), runs->second.end(), from);
    return it == runs->second.end() ? std::string_view::npos : *it;
  }

 private:
  void build(std::string_view text, std::size_t b, std::size_t e) {
    built_ = true;
    for (std::size_t j = b; j < e;) {
      if (text[j] != '`') {
        ++j;
        continue;
      }
      std::size_t length = 0;
      while (j + length < e && text[j + length] == '`') ++length;
      starts_by_length_[length].push_back(j);
      j += length;
    }
  }

  bool built_ = false;
  std::map<std::size_t, std::vector<std::size_t>> starts_by_length_;
};

// Masks inline code, link targets, autolinks, HTML tags and comments within [b, e).
void mask_inline(std::string_view text, std::size_t b, std::size_t e, Masker& masker) {
  LinkParens link_parens;
  BacktickRuns backtick_runs;
  std::size_t i = b;
  while (i < e) {
    const char c = text[i];
    if (c == '\\' && i + 1 < e && std::ispunct(static_cast<unsigned char>(text[i + 1]))) {
      i += 2;
      continue;
    }
    if (c == '`') {
      std::size_t run = 0;
      while (i + run < e && text[i + run] == '`') ++run;
      // A closing run of the same length.
      const std::size_t j = backtick_runs.next_run(text, b, e, run, i + run);
      if (j != std::string_view::npos) {
        masker.mask(i, j + run);
        i = j + run;
      } else {
        i += run;
      }
      continue;
    }
    if (c == ']' && i + 1 < e && text[i + 1] == '(') {
      const std::size_t j = link_parens.close_of(text, b, e, i + 1);
      if (j != std::string_view::npos) {
        masker.mask(i + 1, j + 1);
        i = j + 1;
        continue;
      }
    }
    if (c == '<') {
      if (text.compare(i, 4, "<!--") == 0) {
        // Only this line can hold the close that matters: searching the rest
        // of the file from every "<!--" is quadratic.
        const std::size_t close = text.substr(0, std::min(text.size(), e + 2)).find("-->", i + 4);
        const std::size_t stop = close == std::string_view::npos ? e : std::min(e, close + 3);
        masker.mask(i, stop);
        i = stop;
        continue;
      }
      std::size_t j = i + 1;
      if (j < e && (std::isalpha(static_cast<unsigned char>(text[j])) || text[j] == '/')) {
        while (j < e && text[j] != '>' && text[j] != '<' && text[j] != '\n') ++j;
        if (j < e && text[j] == '>') {
          masker.mask(i, j + 1);
          i = j + 1;
          continue;
        }
      }
    }
    ++i;
  }
}

}  // namespace

FormatReader markdown_reader() {
  FormatReader reader;
  reader.format.name = "markdown";
  reader.format.marks_headings = true;
  reader.format.backslash_escapes = true;
  reader.format.comment = {"<!--", "-->"};
  reader.extensions = {"md", "markdown"};
  reader.read = read_markdown;
  return reader;
}

Layout read_markdown(std::string_view text) {
  Layout layout;
  Masker masker(text);
  const std::vector<Line> lines = split_lines(text);
  std::size_t i = 0;
  bool previous_blank = true;
  bool in_list = false;
  auto add_block = [&](BlockKind kind, std::size_t b, std::size_t e, std::size_t cb, std::size_t ce, int level = 0) {
    Block block;
    block.kind = kind;
    block.span = {b, e};
    while (ce > cb && (text[ce - 1] == ' ' || text[ce - 1] == '\t')) --ce;
    block.content = {cb, ce};
    block.heading_level = level;
    layout.blocks.push_back(block);
  };
  while (i < lines.size()) {
    const Line& line = lines[i];
    const std::string_view content = text.substr(line.begin, line.end - line.begin);
    if (is_blank(text, line)) {
      previous_blank = true;
      ++i;
      continue;
    }
    const std::size_t indent = indent_of(content);
    const std::size_t first = skip_spaces(text, line.begin, line.end);
    // HTML comment block spanning lines.
    if (text.compare(first, 4, "<!--") == 0) {
      const std::size_t close = text.find("-->", first + 4);
      const std::size_t stop = close == std::string_view::npos ? text.size() : close + 3;
      masker.mask(line.begin, stop);
      while (i < lines.size() && lines[i].begin < stop) ++i;
      previous_blank = false;
      continue;
    }
    if (indent < 4) {
      if (const std::size_t fence = fence_length(text, first, line.end)) {
        const char fence_char = text[first];
        std::size_t j = i + 1;
        for (; j < lines.size(); ++j) {
          const std::size_t f = skip_spaces(text, lines[j].begin, lines[j].end);
          if (fence_length(text, f, lines[j].end) >= fence && text[f] == fence_char &&
              skip_spaces(text, f + fence_length(text, f, lines[j].end), lines[j].end) == lines[j].end)
            break;
        }
        const std::size_t last = std::min(j, lines.size() - 1);
        masker.mask(line.begin, lines[last].end);
        add_block(BlockKind::code, line.begin, lines[last].end, line.begin, lines[last].end);
        i = last + 1;
        previous_blank = false;
        continue;
      }
    }
    if (indent >= 4 && previous_blank && !in_list) {
      std::size_t j = i;
      std::size_t last = i;
      while (j < lines.size() && (is_blank(text, lines[j]) ||
                                  indent_of(text.substr(lines[j].begin, lines[j].end - lines[j].begin)) >= 4)) {
        if (!is_blank(text, lines[j])) last = j;
        ++j;
      }
      masker.mask(line.begin, lines[last].end);
      add_block(BlockKind::code, line.begin, lines[last].end, line.begin, lines[last].end);
      i = last + 1;
      previous_blank = false;
      continue;
    }
    // ATX heading.
    if (indent < 4 && text[first] == '#') {
      std::size_t level = 0;
      while (first + level < line.end && text[first + level] == '#') ++level;
      if (level <= 6 && (first + level == line.end || text[first + level] == ' ' || text[first + level] == '\t')) {
        const std::size_t content_begin = skip_spaces(text, first + level, line.end);
        std::size_t content_end = line.end;
        // Closing #s.
        std::size_t k = content_end;
        while (k > content_begin && (text[k - 1] == ' ' || text[k - 1] == '\t')) --k;
        std::size_t hashes = k;
        while (hashes > content_begin && text[hashes - 1] == '#') --hashes;
        if (hashes < k && (hashes == content_begin || text[hashes - 1] == ' ')) content_end = hashes;
        masker.mask(line.begin, content_begin);
        masker.mask(content_end, line.end);
        mask_inline(text, content_begin, content_end, masker);
        add_block(BlockKind::heading, line.begin, line.end, content_begin, content_end, static_cast<int>(level));
        ++i;
        previous_blank = false;
        in_list = false;
        continue;
      }
    }
    // Paragraph, list item or block quote: gather continuation lines.
    BlockKind kind = BlockKind::paragraph;
    std::size_t content_begin = first;
    if (const std::size_t marker = list_marker_length(text, first, line.end)) {
      kind = BlockKind::list_item;
      content_begin = skip_spaces(text, first + marker, line.end);
      in_list = true;
    } else if (text[first] == '>') {
      kind = BlockKind::blockquote;
      content_begin = skip_spaces(text, first + 1, line.end);
    } else if (previous_blank) {
      in_list = false;
    }
    masker.mask(line.begin, content_begin);
    mask_inline(text, content_begin, line.end, masker);
    std::size_t j = i + 1;
    std::size_t block_end = line.end;
    for (; j < lines.size(); ++j) {
      const Line& next = lines[j];
      if (is_blank(text, next)) break;
      const std::size_t f = skip_spaces(text, next.begin, next.end);
      if (text[f] == '#' || fence_length(text, f, next.end) || list_marker_length(text, f, next.end)) break;
      if (kind == BlockKind::blockquote && text[f] == '>') {
        masker.mask(next.begin, skip_spaces(text, f + 1, next.end));
        mask_inline(text, f + 1, next.end, masker);
      } else if (kind != BlockKind::blockquote && text[f] == '>') {
        break;
      } else {
        mask_inline(text, f, next.end, masker);
      }
      block_end = next.end;
    }
    add_block(kind, line.begin, block_end, content_begin, block_end);
    i = j;
    previous_blank = false;
  }
  layout.masked = masker.take();
  return layout;
}

}  // namespace tc
