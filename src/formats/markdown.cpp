#include "formats/markdown.h"

#include <md4c.h>

#include "text/front_matter.h"

#include <algorithm>
#include <utility>
#include <vector>

namespace tc {
namespace {

bool is_space_or_tab(char c) { return c == ' ' || c == '\t'; }

std::size_t line_begin_of(std::string_view text, std::size_t pos) {
  while (pos > 0 && text[pos - 1] != '\n' && text[pos - 1] != '\r') --pos;
  return pos;
}

std::size_t line_end_of(std::string_view text, std::size_t pos) {
  while (pos < text.size() && text[pos] != '\n' && text[pos] != '\r') ++pos;
  return pos;
}

std::size_t trim_end(std::string_view text, std::size_t begin, std::size_t end) {
  while (end > begin && is_space_or_tab(text[end - 1])) --end;
  return end;
}

// Past the ')' that closes the inline link destination and title opening at
// text[open] == '(', as CommonMark reads them; npos when they do not close.
std::size_t link_tail_end(std::string_view text, std::size_t open) {
  std::size_t pos = open + 1;
  auto skip_whitespace = [&] {
    while (pos < text.size() && (is_space_or_tab(text[pos]) || text[pos] == '\n' || text[pos] == '\r')) ++pos;
  };
  skip_whitespace();
  if (pos < text.size() && text[pos] == '<') {
    while (++pos < text.size() && text[pos] != '>' && text[pos] != '\n') pos += text[pos] == '\\' ? 1 : 0;
    if (pos >= text.size() || text[pos] != '>') return std::string_view::npos;
    ++pos;
  } else {
    int depth = 0;
    while (pos < text.size() && static_cast<unsigned char>(text[pos]) > ' ') {
      if (text[pos] == '\\') ++pos;
      else if (text[pos] == '(') ++depth;
      else if (text[pos] == ')' && depth-- == 0) break;
      ++pos;
    }
  }
  skip_whitespace();
  if (pos < text.size() && (text[pos] == '"' || text[pos] == '\'' || text[pos] == '(')) {
    const char close = text[pos] == '(' ? ')' : text[pos];
    while (++pos < text.size() && text[pos] != close) pos += text[pos] == '\\' ? 1 : 0;
    if (pos >= text.size()) return std::string_view::npos;
    ++pos;
    skip_whitespace();
  }
  return pos < text.size() && text[pos] == ')' ? pos + 1 : std::string_view::npos;
}

// Walks md4c's callbacks and records, with offsets into the text, the blocks,
// the prose regions (block contents) and what inside them is not prose.
class Collector {
 public:
  Collector(std::string_view text, std::vector<Span> hidden) : text_(text), hidden_(std::move(hidden)) {}

  Layout finish() {
    Layout layout;
    layout.blocks = std::move(blocks_);
    // Everything outside the block contents is markup (markers, fences, code
    // and HTML blocks, link definitions, rules); line ends stay for the line index.
    layout.masked.assign(text_.size(), kMaskByte);
    for (std::size_t i = 0; i < text_.size(); ++i)
      if (text_[i] == '\n' || text_[i] == '\r') layout.masked[i] = text_[i];
    for (const Span& region : prose_)
      std::copy(text_.begin() + static_cast<std::ptrdiff_t>(region.begin),
                text_.begin() + static_cast<std::ptrdiff_t>(region.end),
                layout.masked.begin() + static_cast<std::ptrdiff_t>(region.begin));
    for (const Span& hidden : hidden_)
      for (std::size_t i = hidden.begin; i < hidden.end && i < text_.size(); ++i)
        if (text_[i] != '\n' && text_[i] != '\r') layout.masked[i] = kMaskByte;
    return layout;
  }

  void enter_block(MD_BLOCKTYPE type, void* detail) {
    close_leaf();
    Container container;
    container.type = type;
    if (type == MD_BLOCK_H) container.level = static_cast<int>(static_cast<MD_BLOCK_H_DETAIL*>(detail)->level);
    if (type == MD_BLOCK_CODE) container.fenced = static_cast<MD_BLOCK_CODE_DETAIL*>(detail)->fence_char != 0;
    stack_.push_back(container);
  }

  void leave_block(MD_BLOCKTYPE type) {
    close_leaf();
    if (type == MD_BLOCK_CODE && !stack_.empty()) add_code_block(stack_.back());
    if (!stack_.empty()) stack_.pop_back();
  }

  void enter_span(MD_SPANTYPE type) {
    if (type == MD_SPAN_A || type == MD_SPAN_IMG) links_.push_back({cursor_, std::string_view::npos, type == MD_SPAN_IMG});
    if (type == MD_SPAN_CODE) code_span_ = {std::string_view::npos, 0};
  }

  void leave_span(MD_SPANTYPE type) {
    if ((type == MD_SPAN_A || type == MD_SPAN_IMG) && !links_.empty()) {
      close_link(links_.back());
      links_.pop_back();
    }
    if (type == MD_SPAN_CODE && code_span_.begin != std::string_view::npos) hide_code_span();
  }

  void on_text(MD_TEXTTYPE type, const MD_CHAR* data, MD_SIZE size) {
    // Line breaks, NUL replacements and the like are not in the input.
    if (data < text_.data() || data + size > text_.data() + text_.size() || size == 0) return;
    const std::size_t begin = static_cast<std::size_t>(data - text_.data());
    const std::size_t end = begin + size;
    Container* block = stack_.empty() ? nullptr : &stack_.back();
    if (block && block->type == MD_BLOCK_CODE) {
      block->first = std::min(block->first, begin);
      block->last_end = std::max(block->last_end, end);
      return;
    }
    if (block && block->type == MD_BLOCK_HTML) return;
    if (!leaf_.open) open_leaf(begin);
    leaf_.last_end = std::max(leaf_.last_end, end);
    cursor_ = end;
    for (Link& link : links_)
      if (link.first_inside == std::string_view::npos) link.first_inside = begin;
    if (type == MD_TEXT_HTML) hidden_.push_back({begin, end});
    if (type == MD_TEXT_CODE) {
      code_span_.begin = std::min(code_span_.begin, begin);
      code_span_.end = std::max(code_span_.end, end);
    }
  }

 private:
  struct Container {
    MD_BLOCKTYPE type = MD_BLOCK_DOC;
    int level = 0;
    bool fenced = false;
    std::size_t leaves = 0;  // leaf blocks read so far directly under a list item
    std::size_t first = std::string_view::npos;  // code blocks: the code's bytes
    std::size_t last_end = 0;
  };
  struct Leaf {
    bool open = false;
    BlockKind kind = BlockKind::paragraph;
    int level = 0;
    bool in_quote = false;
    std::size_t first = 0;
    std::size_t last_end = 0;
  };
  struct Link {
    std::size_t before;        // end of the text before the link
    std::size_t first_inside;  // first text inside it
    bool image = false;        // ![description](...)
  };

  void open_leaf(std::size_t begin) {
    leaf_ = Leaf();
    leaf_.open = true;
    leaf_.first = begin;
    leaf_.last_end = begin;
    const Container& block = stack_.back();
    if (block.type == MD_BLOCK_H) {
      leaf_.kind = BlockKind::heading;
      leaf_.level = block.level;
    }
    // The innermost list item or quote names the kind: a list item's first
    // paragraph is the item, later ones are paragraphs.
    for (auto it = stack_.rbegin(); it != stack_.rend(); ++it) {
      if (leaf_.kind != BlockKind::paragraph) break;
      if (it->type == MD_BLOCK_LI) {
        leaf_.kind = it->leaves++ == 0 ? BlockKind::list_item : BlockKind::paragraph;
        break;
      }
      if (it->type == MD_BLOCK_QUOTE) {
        leaf_.kind = BlockKind::blockquote;
        break;
      }
    }
    for (const Container& container : stack_)
      if (container.type == MD_BLOCK_QUOTE) leaf_.in_quote = true;
  }

  // Where a line's content starts: past the quote markers of the enclosing quotes.
  std::size_t past_quote_markers(std::size_t line_begin, std::size_t limit) const {
    std::size_t pos = line_begin;
    for (;;) {
      std::size_t p = pos;
      while (p < limit && is_space_or_tab(text_[p])) ++p;
      if (p >= limit || text_[p] != '>') return pos;
      pos = p + 1;
      while (pos < limit && is_space_or_tab(text_[pos])) ++pos;
    }
  }

  void close_leaf() {
    if (!leaf_.open) return;
    leaf_.open = false;
    // The content starts at the first text, before any inline opener on its
    // line (emphasis, link bracket, code backticks, autolink, escape).
    const std::size_t first_line = line_begin_of(text_, leaf_.first);
    std::size_t content_begin = leaf_.first;
    while (content_begin > first_line && std::string_view("*_[!`<\\~").find(text_[content_begin - 1]) != std::string_view::npos)
      --content_begin;
    const std::size_t last = leaf_.last_end > leaf_.first ? leaf_.last_end - 1 : leaf_.first;
    const std::size_t last_line_end = line_end_of(text_, last);
    Block block;
    block.kind = leaf_.kind;
    block.heading_level = leaf_.level;
    block.set_span({first_line, last_line_end});
    std::size_t content_end = trim_end(text_, content_begin, last_line_end);
    if (leaf_.kind == BlockKind::heading && last_line_end == line_end_of(text_, content_begin)) {
      // An ATX heading's closing #s are not content.
      std::size_t hashes = content_end;
      while (hashes > content_begin && text_[hashes - 1] == '#') --hashes;
      if (hashes < content_end && (hashes == content_begin || is_space_or_tab(text_[hashes - 1])))
        content_end = trim_end(text_, content_begin, hashes);
    }
    block.set_content({content_begin, content_end});
    blocks_.push_back(block);
    // Prose: the content on the first line, then each further line past its quote markers.
    prose_.push_back({content_begin, leaf_.kind == BlockKind::heading ? content_end : line_end_of(text_, content_begin)});
    for (std::size_t pos = line_end_of(text_, content_begin); pos < last_line_end;) {
      pos += (text_[pos] == '\r' && pos + 1 < text_.size() && text_[pos + 1] == '\n') ? 2 : 1;
      const std::size_t end = line_end_of(text_, pos);
      const std::size_t begin = leaf_.in_quote ? past_quote_markers(pos, end) : pos;
      prose_.push_back({begin, leaf_.kind == BlockKind::heading ? std::min(end, content_end) : end});
      pos = end;
    }
  }

  void add_code_block(const Container& code) {
    if (code.first == std::string_view::npos) return;
    std::size_t begin = line_begin_of(text_, code.first);
    std::size_t end = line_end_of(text_, code.last_end > code.first ? code.last_end - 1 : code.first);
    if (code.fenced) {
      // The fence lines around the code belong to the block.
      if (begin > 0) begin = line_begin_of(text_, begin - 1 - (begin >= 2 && text_[begin - 1] == '\n' && text_[begin - 2] == '\r'));
      std::size_t next = end;
      if (next < text_.size()) next += (text_[next] == '\r' && next + 1 < text_.size() && text_[next + 1] == '\n') ? 2 : 1;
      const std::size_t closing_end = line_end_of(text_, next);
      std::size_t fence = next;
      while (fence < closing_end && is_space_or_tab(text_[fence])) ++fence;
      if (fence < closing_end && (text_[fence] == '`' || text_[fence] == '~')) end = closing_end;
    }
    Block block;
    block.set_span({begin, end});
    block.set_content({begin, end});
    block.kind = BlockKind::code;
    blocks_.push_back(block);
  }

  void close_link(const Link& link) {
    const std::size_t first = link.first_inside;
    if (first != std::string_view::npos && first > 0 && text_[first - 1] == '<' && cursor_ < text_.size() &&
        text_[cursor_] == '>') {  // an autolink: <https://...>
      hidden_.push_back({first - 1, cursor_ + 1});
      return;
    }
    // An image's '!' is markup, not an exclamation mark ("![Dialog](a.png)"
    // opens no paragraph with "!"); its brackets stay, as a link's do.
    if (link.image) {
      const std::size_t bang = text_.find("![", link.before);
      if (bang != std::string_view::npos && (first == std::string_view::npos || bang < first)) hidden_.push_back({bang, bang + 1});
    }
    // The link text ends at the first ']' after its last text; an inline
    // link's destination and title follow in parentheses.
    const std::size_t bracket = text_.find(']', first == std::string_view::npos ? link.before : cursor_);
    if (bracket == std::string_view::npos || bracket + 1 >= text_.size() || text_[bracket + 1] != '(') return;
    const std::size_t end = link_tail_end(text_, bracket + 1);
    if (end != std::string_view::npos) hidden_.push_back({bracket + 1, end});
  }

  void hide_code_span() {
    // The backtick runs around the code: the closing one sets the length.
    std::size_t end = code_span_.end;
    if (end < text_.size() && text_[end] == ' ' && end + 1 < text_.size() && text_[end + 1] == '`') ++end;
    std::size_t run = 0;
    while (end + run < text_.size() && text_[end + run] == '`') ++run;
    std::size_t begin = code_span_.begin;
    if (begin > 0 && text_[begin - 1] == ' ' && begin >= 2 && text_[begin - 2] == '`') --begin;
    begin = begin >= run ? begin - run : 0;
    hidden_.push_back({begin, end + run});
    code_span_ = {std::string_view::npos, 0};
  }

  std::string_view text_;
  std::vector<Container> stack_;
  Leaf leaf_;
  std::vector<Link> links_;
  Span code_span_{std::string_view::npos, 0};
  std::size_t cursor_ = 0;  // end of the last text read
  std::vector<Block> blocks_;
  std::vector<Span> prose_;
  std::vector<Span> hidden_;
};

bool is_name_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
}

// The fence lines of the containers documentation sites write in Markdown
// (Docusaurus and VitePress admonitions `:::tip` ... `:::`, Pandoc's fenced
// divs `::: {.note}`): up to three spaces, three or more colons, an optional
// name and attributes. They are markup, but CommonMark reads them as prose
// glued to the paragraph inside ("paragraph starts with ':'"). A fence with
// nothing else on its line is blanked before parsing, as front matter is, so
// the paragraphs inside stand alone; one with a title (`:::tip 提示`,
// `:::note[标题]`) keeps its line, and its marker is hidden after parsing.
struct DirectiveFences {
  std::vector<Span> bare;     // whole lines, line breaks excluded
  std::vector<Span> markers;  // the colons and name before a title (and a title's brackets)
};

DirectiveFences find_directive_fences(std::string_view text, std::size_t from) {
  DirectiveFences fences;
  for (std::size_t line = from; line < text.size();) {
    const std::size_t end = line_end_of(text, line);
    std::size_t pos = line;
    while (pos < end && pos - line < 3 && text[pos] == ' ') ++pos;
    std::size_t colons = pos;
    while (colons < end && text[colons] == ':') ++colons;
    if (colons - pos >= 3) {
      std::size_t after = colons;
      while (after < end && is_space_or_tab(text[after])) ++after;
      while (after < end && is_name_char(text[after])) ++after;
      std::size_t rest = after;
      while (rest < end && is_space_or_tab(text[rest])) ++rest;
      if (rest < end && text[rest] == '{') {  // attributes: {.note #id}
        const std::size_t close = text.substr(0, end).find('}', rest);  // on this line only
        if (close != std::string_view::npos) rest = close + 1;
        while (rest < end && is_space_or_tab(text[rest])) ++rest;
      }
      if (rest == end) {
        fences.bare.push_back({line, end});
      } else if (after > colons && (rest > after || text[rest] == '[')) {  // a name, then a title
        fences.markers.push_back({pos, rest + (text[rest] == '[' ? 1 : 0)});
        const std::size_t last = trim_end(text, rest, end);
        if (text[rest] == '[' && text[last - 1] == ']') fences.markers.push_back({last - 1, last});
      }
    }
    line = end;
    if (line < text.size()) line += (text[line] == '\r' && line + 1 < text.size() && text[line + 1] == '\n') ? 2 : 1;
  }
  return fences;
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

Layout read_markdown(std::string_view original) {
  // Front matter is metadata, not Markdown: md4c would read its `---` fences
  // as a thematic break and a setext heading. Its bytes become spaces (line
  // breaks kept), so it is blank lines to md4c and masked in the layout,
  // and every offset stays the same.
  std::string blanked;
  std::string_view text = original;
  const auto front_matter = find_front_matter(original);
  const std::size_t body = front_matter ? front_matter->span.end : 0;
  // Most pages have no ':::' at all: only those are walked line by line.
  const DirectiveFences fences = original.find(":::", body) == std::string_view::npos
                                     ? DirectiveFences{}
                                     : find_directive_fences(original, body);
  if (front_matter || !fences.bare.empty()) {
    blanked.assign(original);
    auto blank = [&](Span span) {
      for (std::size_t i = span.begin; i < span.end; ++i)
        if (blanked[i] != '\n' && blanked[i] != '\r') blanked[i] = ' ';
    };
    if (front_matter) blank(front_matter->span);
    for (const Span& fence : fences.bare) blank(fence);
    text = blanked;
  }
  Collector collector(text, fences.markers);
  MD_PARSER parser{};
  parser.flags = 0;  // CommonMark, no extensions: tables and the like stay prose
  parser.enter_block = [](MD_BLOCKTYPE type, void* detail, void* self) {
    static_cast<Collector*>(self)->enter_block(type, detail);
    return 0;
  };
  parser.leave_block = [](MD_BLOCKTYPE type, void*, void* self) {
    static_cast<Collector*>(self)->leave_block(type);
    return 0;
  };
  parser.enter_span = [](MD_SPANTYPE type, void*, void* self) {
    static_cast<Collector*>(self)->enter_span(type);
    return 0;
  };
  parser.leave_span = [](MD_SPANTYPE type, void*, void* self) {
    static_cast<Collector*>(self)->leave_span(type);
    return 0;
  };
  parser.text = [](MD_TEXTTYPE type, const MD_CHAR* data, MD_SIZE size, void* self) {
    static_cast<Collector*>(self)->on_text(type, data, size);
    return 0;
  };
  md_parse(text.data(), static_cast<MD_SIZE>(text.size()), &parser, &collector);
  return collector.finish();
}

}  // namespace tc
