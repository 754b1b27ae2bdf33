#include "formats/html.h"

#include <gumbo.h>

#include <algorithm>
#include <cctype>
#include <memory>

#include "formats/xml_units.h"

namespace tc {
namespace {

bool is_skipped(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_CODE: case GUMBO_TAG_PRE: case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_NOSCRIPT: case GUMBO_TAG_SVG: case GUMBO_TAG_MATH: case GUMBO_TAG_KBD: case GUMBO_TAG_SAMP:
      return true;
    default:
      return false;
  }
}

int heading_level(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_H1: return 1;
    case GUMBO_TAG_H2: return 2;
    case GUMBO_TAG_H3: return 3;
    case GUMBO_TAG_H4: return 4;
    case GUMBO_TAG_H5: return 5;
    case GUMBO_TAG_H6: return 6;
    default: return 0;
  }
}

// Elements whose text is a block of its own (a sentence never runs across them).
bool is_block(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_P: case GUMBO_TAG_LI: case GUMBO_TAG_DIV: case GUMBO_TAG_TD: case GUMBO_TAG_TH:
    case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_DT: case GUMBO_TAG_DD: case GUMBO_TAG_FIGCAPTION: case GUMBO_TAG_CAPTION:
    case GUMBO_TAG_TITLE: case GUMBO_TAG_SECTION: case GUMBO_TAG_ARTICLE: case GUMBO_TAG_HEADER: case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_NAV: case GUMBO_TAG_ASIDE: case GUMBO_TAG_MAIN: case GUMBO_TAG_BODY: case GUMBO_TAG_UL: case GUMBO_TAG_OL:
    case GUMBO_TAG_TABLE: case GUMBO_TAG_TR: case GUMBO_TAG_FORM: case GUMBO_TAG_LABEL: case GUMBO_TAG_BUTTON:
    case GUMBO_TAG_OPTION: case GUMBO_TAG_LEGEND: case GUMBO_TAG_SUMMARY: case GUMBO_TAG_DETAILS: case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_BR: case GUMBO_TAG_HR:
      return true;
    default:
      return heading_level(tag) > 0;
  }
}

class ProseCollector {
 public:
  explicit ProseCollector(std::string_view text) : text_(text) {
    layout_.masked.assign(text.size(), kMaskByte);
    for (std::size_t i = 0; i < text.size(); ++i)
      if (text[i] == '\n' || text[i] == '\r') layout_.masked[i] = text[i];
  }

  void walk(const GumboNode* root) {
    // An explicit stack: a page nested thousands of levels deep must not
    // exhaust the call stack.
    struct Item {
      const GumboNode* node;
      bool leaving;
    };
    std::vector<Item> stack{{root, false}};
    while (!stack.empty()) {
      const Item item = stack.back();
      stack.pop_back();
      const GumboNode* node = item.node;
      if (node->type == GUMBO_NODE_ELEMENT || node->type == GUMBO_NODE_TEMPLATE) {
        const GumboElement& element = node->v.element;
        if (is_block(element.tag)) end_block();
        if (item.leaving) continue;
        attributes(element);
        if (is_skipped(element.tag)) continue;
        if (heading_level(element.tag) > 0) pending_level_ = heading_level(element.tag);
        stack.push_back({node, true});
        for (unsigned i = element.children.length; i-- > 0;)
          stack.push_back({static_cast<const GumboNode*>(element.children.data[i]), false});
      } else if (node->type == GUMBO_NODE_DOCUMENT) {
        const GumboDocument& document = node->v.document;
        for (unsigned i = document.children.length; i-- > 0;)
          stack.push_back({static_cast<const GumboNode*>(document.children.data[i]), false});
      } else if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_CDATA) {
        text(node->v.text.original_text);
      } else if (node->type == GUMBO_NODE_WHITESPACE && open_) {
        const GumboStringPiece& piece = node->v.text.original_text;
        if (inside(piece)) unmask(offset_of(piece.data), offset_of(piece.data) + piece.length);
      }
    }
    end_block();
  }

  Layout finish() { return std::move(layout_); }

 private:
  std::size_t offset_of(const char* data) const { return static_cast<std::size_t>(data - text_.data()); }
  bool inside(const GumboStringPiece& piece) const {
    return piece.data && piece.data >= text_.data() && piece.data + piece.length <= text_.data() + text_.size();
  }

  void unmask(std::size_t begin, std::size_t end) {
    for (std::size_t i = begin; i < end; ++i) layout_.masked[i] = text_[i];
    // Character entities are markup: "&amp;" reads as a masked stretch.
    for (std::size_t i = begin; i < end; ++i) {
      if (text_[i] != '&') continue;
      const std::size_t semicolon = text_.find(';', i);
      if (semicolon == std::string_view::npos || semicolon >= end || semicolon - i > 10) continue;
      for (std::size_t k = i; k <= semicolon; ++k) layout_.masked[k] = kMaskByte;
    }
  }

  void text(const GumboStringPiece& piece) {
    if (!inside(piece) || piece.length == 0) return;
    const std::size_t begin = offset_of(piece.data);
    const std::size_t end = begin + piece.length;
    unmask(begin, end);
    if (!open_) {
      open_ = true;
      block_ = {};
      block_.set_span({begin, begin});
      if (pending_level_ > 0) {
        block_.kind = BlockKind::heading;
        block_.heading_level = pending_level_;
      }
    }
    block_.set_span({block_.span().begin, end});
  }

  // alt, title and the meta description are text of their own.
  void attributes(const GumboElement& element) {
    const bool meta = element.tag == GUMBO_TAG_META;
    if (meta) {
      const GumboAttribute* name = gumbo_get_attribute(&element.attributes, "name");
      if (!name || std::string_view(name->value) != "description") return;
    }
    for (unsigned i = 0; i < element.attributes.length; ++i) {
      const auto* attribute = static_cast<const GumboAttribute*>(element.attributes.data[i]);
      const std::string_view name = attribute->name;
      if (!(meta ? name == "content" : (name == "alt" || name == "title"))) continue;
      GumboStringPiece value = attribute->original_value;
      if (!inside(value) || value.length == 0) continue;
      if (value.data[0] == '"' || value.data[0] == '\'') {
        ++value.data;
        value.length = value.length >= 2 ? value.length - 2 : 0;
      }
      if (value.length == 0) continue;
      const std::size_t begin = offset_of(value.data);
      const std::size_t end = begin + value.length;
      unmask(begin, end);
      Block block;
      block.set_span({begin, end});
      block.set_content({begin, end});
      attribute_blocks_.push_back(block);
    }
  }

  void end_block() {
    pending_level_ = 0;
    if (!open_) return;
    open_ = false;
    block_.set_content(block_.span());
    layout_.blocks.push_back(block_);
  }

 public:
  // Blocks in file order: attribute texts sit inside the element's tag, before its text.
  void merge_attribute_blocks() {
    for (const Block& block : attribute_blocks_) layout_.blocks.push_back(block);
    std::sort(layout_.blocks.begin(), layout_.blocks.end(),
              [](const Block& a, const Block& b) { return a.span().begin < b.span().begin; });
  }

 private:
  std::string_view text_;
  Layout layout_;
  Block block_;
  bool open_ = false;
  int pending_level_ = 0;
  std::vector<Block> attribute_blocks_;
};

std::string escape_html(std::string_view text) { return escape_xml(text); }

}  // namespace

namespace {

// The HTML5 tree builder slows down sharply on elements nested thousands
// deep; a page like that is refused before it is parsed. Elements that
// close themselves (void elements, p, li, td, ...) are not counted.
void refuse_deep_nesting(std::string_view text) {
  constexpr long kMaxDepth = 2000;
  static constexpr std::string_view kSelfClosing[] = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link",
                                                      "meta", "source", "track", "wbr", "p", "li", "td", "th", "tr",
                                                      "dt", "dd", "option"};
  long depth = 0;
  for (std::size_t at = text.find('<'); at != std::string_view::npos && at + 1 < text.size(); at = text.find('<', at + 1)) {
    const bool closing = text[at + 1] == '/';
    std::size_t name = at + (closing ? 2 : 1);
    std::size_t end = name;
    while (end < text.size() && std::isalnum(static_cast<unsigned char>(text[end]))) ++end;
    if (end == name) continue;
    std::string lower(text.substr(name, end - name));
    for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (std::find(std::begin(kSelfClosing), std::end(kSelfClosing), lower) != std::end(kSelfClosing)) continue;
    depth += closing ? -1 : 1;
    if (depth > kMaxDepth) throw FormatError(at, "elements nested deeper than " + std::to_string(kMaxDepth));
  }
}

}  // namespace

Layout read_html(std::string_view text) {
  refuse_deep_nesting(text);
  GumboOptions options = kGumboDefaultOptions;
  std::unique_ptr<GumboOutput, void (*)(GumboOutput*)> output(
      gumbo_parse_with_options(&options, text.data(), text.size()), [](GumboOutput* out) { gumbo_destroy_output(&kGumboDefaultOptions, out); });
  ProseCollector collector(text);
  collector.walk(output->document);
  collector.merge_attribute_blocks();
  return collector.finish();
}

FormatReader html_reader() {
  Format format;
  format.name = "html";
  format.marks_headings = true;
  format.comment = {"<!--", "-->"};
  format.escape = escape_html;
  return {format, {"html", "htm", "xhtml"}, read_html, nullptr, nullptr};
}

}  // namespace tc
