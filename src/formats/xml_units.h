#pragma once
// What the XML translation formats (XLIFF 1.2 and 2.0, TMX) share: parsing
// with pugixml that never loads a DTD or expands an entity, and the text of
// a segment with its inline tags, mapped back to the file.
#include <cstddef>
#include <string>
#include <string_view>

#include <pugixml.hpp>

#include "formats/format_reader.h"

namespace tc {

// Parses text. Throws FormatError at the offending byte for malformed XML and
// for a document type that declares entities (XXE, billion laughs): DTDs are
// never loaded and entities never expanded, so such a file is refused.
void parse_translation_xml(std::string_view text, pugi::xml_document& document);

// The content of a segment element (<source>, <target>, <seg>): its text with
// entities decoded and its inline elements kept as their tags, as written in
// the file, so placeholder/inline-tag can compare them; the content of tags
// that hold native code (<bpt>, <ept>, <ph>, <it>, <ut>) is left out. Throws
// FormatError for inline nesting deeper than a sane limit.
MappedText segment_text(std::string_view text, const pugi::xml_node& segment);

// Byte of the file where node starts ('<' of an element), for positions of
// units without a target.
std::size_t node_offset(const pugi::xml_node& node);

// The node's attribute by local name, whatever its prefix ("slr:sizeRestriction").
pugi::xml_attribute attribute_named(const pugi::xml_node& node, std::string_view local_name);

// Text escaped for XML content.
std::string escape_xml(std::string_view text);

}  // namespace tc
