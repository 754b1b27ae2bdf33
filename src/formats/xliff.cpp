#include "formats/xliff.h"

#include <cstdlib>

#include "formats/xml_units.h"

namespace tc {
namespace {

UnitState state_from(std::string_view state) {
  if (state == "new" || state == "needs-translation" || state == "needs-l10n" || state == "needs-adaptation" ||
      state == "initial")
    return UnitState::needs_translation;
  if (state.rfind("needs-review", 0) == 0) return UnitState::needs_review;
  if (state == "final" || state == "signed-off") return UnitState::final_;
  return UnitState::translated;
}

std::optional<std::size_t> length_limit(const pugi::xml_node& node) {
  pugi::xml_attribute limit = node.attribute("maxwidth");
  if (limit) {
    const std::string_view unit = node.attribute("size-unit").value();
    if (!unit.empty() && unit != "char") return std::nullopt;  // pixels, bytes: not characters
  } else {
    limit = attribute_named(node, "size-restriction");
    if (!limit) limit = attribute_named(node, "sizeRestriction");
  }
  if (!limit) return std::nullopt;
  char* end = nullptr;
  const unsigned long value = std::strtoul(limit.value(), &end, 10);
  if (end == limit.value() || value == 0) return std::nullopt;
  return static_cast<std::size_t>(value);
}

// The text of each <note> child of holder (1.2: the trans-unit; 2.0: <notes>).
std::vector<std::string> notes_of(const pugi::xml_node& holder) {
  std::vector<std::string> notes;
  for (pugi::xml_node note = holder.child("note"); note; note = note.next_sibling("note")) {
    std::string text;
    for (pugi::xml_node part = note.first_child(); part; part = part.next_sibling())
      if (part.type() == pugi::node_pcdata || part.type() == pugi::node_cdata) text += part.value();
    if (!text.empty()) notes.push_back(std::move(text));
  }
  return notes;
}

void add_segment(BitextLayout& layout, std::string_view text, const pugi::xml_node& holder, const pugi::xml_node& unit_node,
                 std::string id, UnitState state, std::optional<std::size_t> max_length, std::vector<std::string> notes) {
  const pugi::xml_node source = holder.child("source");
  if (!source) return;
  const pugi::xml_node target = holder.child("target");
  BitextUnit unit;
  unit.id = std::move(id);
  unit.notes = std::move(notes);
  unit.state = state;
  unit.max_length = max_length;
  unit.file_offset = node_offset(unit_node);
  MappedText target_text;
  if (target) {
    target_text = segment_text(text, target);
  } else {
    target_text.start_at(node_offset(source));
  }
  add_bitext_unit(layout, segment_text(text, source), target_text, std::move(unit));
}

bool translatable(const pugi::xml_node& node) { return std::string_view(node.attribute("translate").value()) != "no"; }

// Visits the elements named `unit` below `top` in document order, through
// nested <group>s; a group or unit marked translate="no" is skipped with all
// it holds. Both XLIFF versions nest units this way.
template <typename Visit>
void for_each_unit(const pugi::xml_node& top, std::string_view unit, Visit visit) {
  std::vector<pugi::xml_node> pending{top};
  while (!pending.empty()) {
    const pugi::xml_node node = pending.back();
    pending.pop_back();
    std::vector<pugi::xml_node> inner;
    for (pugi::xml_node child = node.first_child(); child; child = child.next_sibling()) {
      const std::string_view name = child.name();
      if (name == "group" && translatable(child)) inner.push_back(child);
      else if (name == unit && translatable(child)) visit(child);
    }
    // Keep document order: the groups are visited after this level, last pushed first.
    for (auto it = inner.rbegin(); it != inner.rend(); ++it) pending.push_back(*it);
  }
}

void read_version_1(std::string_view text, const pugi::xml_node& root, BitextLayout& layout) {
  for (pugi::xml_node file = root.child("file"); file; file = file.next_sibling("file")) {
    if (layout.source_language.empty()) layout.source_language = file.attribute("source-language").value();
    if (layout.target_language.empty()) layout.target_language = file.attribute("target-language").value();
    // trans-units sit in <body>, possibly inside nested <group>s.
    for_each_unit(file.child("body"), "trans-unit", [&](const pugi::xml_node& unit) {
      const pugi::xml_node target = unit.child("target");
      const UnitState state = target ? state_from(target.attribute("state").value()) : UnitState::needs_translation;
      add_segment(layout, text, unit, unit, unit.attribute("id").value(), state, length_limit(unit), notes_of(unit));
    });
  }
}

void read_version_2(std::string_view text, const pugi::xml_node& root, BitextLayout& layout) {
  layout.source_language = root.attribute("srcLang").value();
  layout.target_language = root.attribute("trgLang").value();
  for (pugi::xml_node file = root.child("file"); file; file = file.next_sibling("file")) {
    for_each_unit(file, "unit", [&](const pugi::xml_node& unit) {
      const std::optional<std::size_t> unit_limit = length_limit(unit);
      for (pugi::xml_node segment = unit.child("segment"); segment; segment = segment.next_sibling("segment")) {
        const std::optional<std::size_t> segment_limit = length_limit(segment);
        std::string id = unit.attribute("id").value();
        if (segment.attribute("id")) (id += '/') += segment.attribute("id").value();
        const UnitState state =
            segment.child("target") ? state_from(segment.attribute("state").value()) : UnitState::needs_translation;
        add_segment(layout, text, segment, segment, std::move(id), state, segment_limit ? segment_limit : unit_limit,
                    notes_of(unit.child("notes")));
      }
    });
  }
}

}  // namespace

BitextLayout read_xliff(std::string_view text) {
  pugi::xml_document document;
  parse_translation_xml(text, document);
  const pugi::xml_node root = document.child("xliff");
  if (!root) throw FormatError(0, "no <xliff> root element");
  BitextLayout layout;
  const std::string_view version = root.attribute("version").value();
  if (version.rfind("2", 0) == 0) read_version_2(text, root, layout);
  else read_version_1(text, root, layout);
  return layout;
}

FormatReader xliff_reader() {
  Format format;
  format.name = "xliff";
  format.bilingual = true;
  format.independent_blocks = true;
  format.comment = {"<!--", "-->"};
  format.escape = escape_xml;
  return {format, {"xlf", "xliff"}, nullptr, read_xliff};
}

}  // namespace tc
