#include "formats/xml_units.h"

#include <cstring>

#include "core/utf8.h"

namespace tc {
namespace {

constexpr int kMaxInlineDepth = 64;

bool holds_native_code(std::string_view name) {
  return name == "bpt" || name == "ept" || name == "ph" || name == "it" || name == "ut";
}

// The '>' that ends the tag opening at raw[lt] == '<', outside quoted values.
std::size_t tag_end(std::string_view raw, std::size_t lt) {
  char quote = 0;
  for (std::size_t i = lt + 1; i < raw.size(); ++i) {
    const char c = raw[i];
    if (quote) {
      if (c == quote) quote = 0;
    } else if (c == '"' || c == '\'') {
      quote = c;
    } else if (c == '>') {
      return i;
    }
  }
  throw FormatError(lt, "tag is not closed");
}

// When raw[amp] starts a reference the parser decodes (the five predefined
// entities, &#N; and &#xH;): its end after ';' and the bytes of UTF-8 it
// decodes to. Anything else ("AT&T") the parser keeps as it is: size 0.
struct Reference {
  std::size_t end = 0;
  std::size_t size = 0;
};
Reference decoded_reference(std::string_view raw, std::size_t amp) {
  const std::size_t semicolon = raw.find(';', amp);
  if (semicolon == std::string_view::npos || semicolon - amp > 12) return {};
  const std::string_view body = raw.substr(amp + 1, semicolon - amp - 1);
  if (body == "amp" || body == "lt" || body == "gt" || body == "quot" || body == "apos") return {semicolon + 1, 1};
  if (body.size() < 2 || body[0] != '#') return {};
  const bool hex = body[1] == 'x' || body[1] == 'X';
  const std::string digits(body.substr(hex ? 2 : 1));
  if (digits.empty() || digits.find_first_not_of(hex ? "0123456789abcdefABCDEF" : "0123456789") != std::string::npos) return {};
  const unsigned long code = std::strtoul(digits.c_str(), nullptr, hex ? 16 : 10);
  std::string encoded;
  utf8::append(encoded, static_cast<char32_t>(code));
  return {semicolon + 1, encoded.size()};
}

class SegmentWalker {
 public:
  explicit SegmentWalker(std::string_view raw) : raw_(raw) {}

  // Appends node's children; returns the raw offset after the last one.
  void children(const pugi::xml_node& node, int depth, MappedText& out) {
    if (depth > kMaxInlineDepth) throw FormatError(node_offset(node), "inline elements nested deeper than " + std::to_string(kMaxInlineDepth));
    for (pugi::xml_node child = node.first_child(); child; child = child.next_sibling()) {
      switch (child.type()) {
        case pugi::node_pcdata: text(child, false, out); break;
        case pugi::node_cdata: text(child, true, out); break;
        case pugi::node_element: element(child, depth, out); break;
        default: break;
      }
    }
  }

 private:
  // Decoded text against the raw bytes it came from: entities and CR LF
  // (normalized to LF by the parser) are the places where they drift.
  void text(const pugi::xml_node& node, bool cdata, MappedText& out) {
    const std::string_view value = node.value();
    std::size_t raw = static_cast<std::size_t>(node.offset_debug());
    std::size_t decoded = 0;
    std::size_t run = 0;  // decoded start of the bytes copied as they are
    std::size_t run_raw = raw;
    auto flush = [&] { out.append(value.substr(run, decoded - run), run_raw); };
    while (decoded < value.size() && raw < raw_.size()) {
      const char c = raw_[raw];
      const Reference reference = !cdata && c == '&' ? decoded_reference(raw_, raw) : Reference{};
      if (reference.size > 0) {
        flush();
        const std::size_t size = std::min(reference.size, value.size() - decoded);
        out.append(value.substr(decoded, size), raw);
        decoded += size;
        raw = reference.end;
        run = decoded;
        run_raw = raw;
      } else if (c == '\r') {
        flush();
        out.append(value.substr(decoded, 1), raw);
        raw += raw + 1 < raw_.size() && raw_[raw + 1] == '\n' ? 2 : 1;
        ++decoded;
        run = decoded;
        run_raw = raw;
      } else {
        ++raw;
        ++decoded;
      }
    }
    flush();
  }

  void element(const pugi::xml_node& node, int depth, MappedText& out) {
    const std::size_t lt = node_offset(node);
    const std::size_t gt = tag_end(raw_, lt);
    out.append(raw_.substr(lt, gt + 1 - lt), lt);
    if (raw_[gt - 1] == '/') return;  // <x id="1"/>
    if (!holds_native_code(node.name())) children(node, depth + 1, out);
    const std::string closing = std::string("</") + node.name();
    std::size_t close = raw_.find(closing, gt);
    if (close == std::string_view::npos) throw FormatError(lt, "element is not closed");
    const pugi::xml_node last = node.last_child();
    if (last && last.offset_debug() >= 0 && static_cast<std::size_t>(last.offset_debug()) > close) {
      // A nested element of the same name: its closing tag came first.
      std::size_t from = gt;
      for (int open = 1; open > 0;) {
        const std::size_t next_open = raw_.find(std::string("<") + node.name(), from);
        close = raw_.find(closing, from);
        if (close == std::string_view::npos) throw FormatError(lt, "element is not closed");
        if (next_open != std::string_view::npos && next_open < close) {
          ++open;
          from = next_open + 1;
        } else {
          --open;
          from = close + 1;
        }
      }
    }
    const std::size_t close_end = tag_end(raw_, close);
    out.append(raw_.substr(close, close_end + 1 - close), close);
  }

  std::string_view raw_;
};

}  // namespace

std::size_t node_offset(const pugi::xml_node& node) {
  const std::ptrdiff_t offset = node.offset_debug();
  if (offset < 0) return 0;
  // offset_debug points at an element's name, after its '<'.
  return node.type() == pugi::node_element && offset > 0 ? static_cast<std::size_t>(offset - 1) : static_cast<std::size_t>(offset);
}

void parse_translation_xml(std::string_view text, pugi::xml_document& document) {
  // parse_doctype keeps the document type as a node so it can be refused;
  // pugixml itself never reads a DTD nor expands a declared entity.
  // parse_ws_pcdata keeps a space between two inline tags as text.
  const unsigned options = pugi::parse_default | pugi::parse_doctype | pugi::parse_ws_pcdata;
  const pugi::xml_parse_result result = document.load_buffer(text.data(), text.size(), options, pugi::encoding_utf8);
  if (!result) throw FormatError(static_cast<std::size_t>(std::max<std::ptrdiff_t>(result.offset, 0)), std::string("malformed XML: ") + result.description());
  for (pugi::xml_node node = document.first_child(); node; node = node.next_sibling()) {
    if (node.type() != pugi::node_doctype) continue;
    const std::string_view declaration = node.value();
    if (declaration.find("<!ENTITY") != std::string_view::npos)
      throw FormatError(text.rfind("<!DOCTYPE", node_offset(node)) != std::string_view::npos ? text.rfind("<!DOCTYPE", node_offset(node)) : node_offset(node), "the document type declares entities; entity declarations are refused "
                                           "(external entities and entity expansion are never loaded)");
  }
}

MappedText segment_text(std::string_view text, const pugi::xml_node& segment) {
  MappedText out;
  if (segment.offset_debug() >= 0) {
    const std::size_t lt = node_offset(segment);
    out.start_at(tag_end(text, lt) + 1);
  }
  SegmentWalker(text).children(segment, 0, out);
  return out;
}

pugi::xml_attribute attribute_named(const pugi::xml_node& node, std::string_view local_name) {
  for (pugi::xml_attribute attribute = node.first_attribute(); attribute; attribute = attribute.next_attribute()) {
    std::string_view name = attribute.name();
    const std::size_t colon = name.find(':');
    if (colon != std::string_view::npos) name.remove_prefix(colon + 1);
    if (name == local_name) return attribute;
  }
  return {};
}

std::string escape_xml(std::string_view text) {
  std::string out;
  for (const char c : text) {
    if (c == '&') out += "&amp;";
    else if (c == '<') out += "&lt;";
    else if (c == '>') out += "&gt;";
    else out += c;
  }
  return out;
}

}  // namespace tc
