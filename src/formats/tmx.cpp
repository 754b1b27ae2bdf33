#include "formats/tmx.h"

#include "formats/xml_units.h"
#include "text/ascii.h"

namespace tc {
namespace {

std::string language_of(const pugi::xml_node& tuv) {
  pugi::xml_attribute lang = tuv.attribute("xml:lang");
  if (!lang) lang = tuv.attribute("lang");  // TMX 1.1
  return lang.value();
}

// "en-US" and "EN" are one language for pairing tuvs.
std::string primary_language(std::string_view tag) {
  return to_lower_ascii(tag.substr(0, tag.find_first_of("-_")));
}

}  // namespace

BitextLayout read_tmx(std::string_view text) {
  pugi::xml_document document;
  parse_translation_xml(text, document);
  const pugi::xml_node root = document.child("tmx");
  if (!root) throw FormatError(0, "no <tmx> root element");
  BitextLayout layout;
  std::string source_language = root.child("header").attribute("srclang").value();
  if (source_language == "*all*") source_language.clear();
  for (pugi::xml_node tu = root.child("body").child("tu"); tu; tu = tu.next_sibling("tu")) {
    pugi::xml_node source;
    pugi::xml_node target;
    for (pugi::xml_node tuv = tu.child("tuv"); tuv; tuv = tuv.next_sibling("tuv")) {
      const std::string language = language_of(tuv);
      if (source_language.empty()) source_language = language;
      if (!source && primary_language(language) == primary_language(source_language)) {
        source = tuv;
      } else if (!target && primary_language(language) != primary_language(source_language)) {
        target = tuv;
        if (layout.target_language.empty()) layout.target_language = language;
      }
    }
    if (!source) continue;
    BitextUnit unit;
    unit.id = tu.attribute("tuid").value();
    unit.file_offset = node_offset(tu);
    MappedText target_text;
    if (target && target.child("seg")) {
      target_text = segment_text(text, target.child("seg"));
    } else {
      target_text.start_at(node_offset(tu));
      unit.state = UnitState::needs_translation;
    }
    add_bitext_unit(layout, segment_text(text, source.child("seg")), target_text, std::move(unit));
  }
  layout.source_language = source_language;
  return layout;
}

FormatReader tmx_reader() {
  Format format;
  format.name = "tmx";
  format.bilingual = true;
  format.independent_blocks = true;
  format.comment = {"<!--", "-->"};
  format.escape = escape_xml;
  return {format, {"tmx"}, nullptr, read_tmx};
}

}  // namespace tc
