#include "glossary/reader_common.h"

#include <pugixml.hpp>
#include <unordered_map>

#include "core/line_index.h"
#include "text/ascii.h"

namespace tc::glossary_reader {
namespace {


std::string local_name(const pugi::xml_node& node) {
  std::string_view name = node.name();
  const auto colon = name.find(':');
  return std::string(colon == std::string_view::npos ? name : name.substr(colon + 1));
}

// Iterative walks below: a hostile TBX nests elements 100 000 deep, which
// pugixml parses fine but recursion would overflow the stack on.

// The node after `node` in document order, skipping its children, without
// leaving `root`'s subtree; null at the end.
pugi::xml_node next_skipping_children(pugi::xml_node node, const pugi::xml_node& root) {
  while (node && node != root && !node.next_sibling()) node = node.parent();
  return node && node != root ? node.next_sibling() : pugi::xml_node();
}

// The document is parsed with parse_embed_pcdata: text that is an
// element's first child is its value, not a node of its own (a node is 64
// bytes, and a TBX file is mostly elements holding a word). So an element's
// value comes before what its child nodes hold.
std::string node_text(const pugi::xml_node& node) {
  std::string text = node.type() == pugi::node_element ? node.value() : "";
  for (pugi::xml_node child = node.first_child(); child;) {
    if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata || child.type() == pugi::node_element)
      text += child.value();
    child = child.type() == pugi::node_element && child.first_child() ? child.first_child()
                                                                       : next_skipping_children(child, node);
  }
  return std::string(trim(text));
}

// Collects descendant elements named `name` (local name), depth first, not
// looking inside a match.
void collect(const pugi::xml_node& node, std::string_view name, std::vector<pugi::xml_node>& out) {
  for (pugi::xml_node child = node.first_child(); child;) {
    const bool element = child.type() == pugi::node_element;
    const bool match = element && local_name(child) == name;
    if (match) out.push_back(child);
    child = element && !match && child.first_child() ? child.first_child() : next_skipping_children(child, node);
  }
}

std::string language_of(pugi::xml_node node) {
  for (; node; node = node.parent()) {
    const pugi::xml_attribute lang = node.attribute("xml:lang");
    if (lang) return to_lower_ascii(lang.value());
    const pugi::xml_attribute plain = node.attribute("lang");
    if (plain) return to_lower_ascii(plain.value());
  }
  return {};
}

// What a term's termNote siblings say about it.
struct TermNotes {
  std::string status;  // administrativeStatus / normativeAuthorization, lower case
  bool abbreviation = false;
};

TermNotes read_term_notes(const pugi::xml_node& holder) {
  TermNotes notes;
  std::vector<pugi::xml_node> term_notes;
  collect(holder, "termNote", term_notes);
  for (const pugi::xml_node& term_note : term_notes) {
    const std::string type = term_note.attribute("type").value();
    const std::string value = to_lower_ascii(node_text(term_note));
    if (type == "administrativeStatus" || type == "normativeAuthorization") notes.status = value;
    if (type == "termType" && (value == "abbreviation" || value == "acronym" || value == "initialism"))
      notes.abbreviation = true;
  }
  return notes;
}

}  // namespace

void read_tbx(GlossaryFile& file, std::string_view text) {
  const auto origin_file = std::make_shared<const std::string>(file.path);  // shared by its entries
  pugi::xml_document doc;
  const pugi::xml_parse_result result = doc.load_buffer(text.data(), text.size(), pugi::parse_default | pugi::parse_embed_pcdata, pugi::encoding_utf8);
  if (!result) {
    file.problems.push_back({line_number(text, static_cast<std::size_t>(result.offset)),
                             std::string("malformed XML: ") + result.description(), true});
    return;
  }
  std::vector<pugi::xml_node> concepts;
  collect(doc, "termEntry", concepts);     // TBX-Basic (TBX 2008) and older
  collect(doc, "conceptEntry", concepts);  // TBX-Core and TBX-Basic in TBX v3
  if (concepts.empty()) {
    file.problems.push_back({0, "no termEntry or conceptEntry elements: not a TBX glossary", true});
    return;
  }
  const LineIndex lines(text);
  // Entries handed on as they are read wait until the document is freed: it
  // takes several times the file, and the taker may hold much per entry.
  std::vector<std::pair<GlossaryEntry, std::size_t>> deferred;
  for (const pugi::xml_node& concept_node : concepts) {
    const std::size_t line = lines.line_of(static_cast<std::size_t>(concept_node.offset_debug())) + 1;
    std::vector<std::string> zh;
    std::string en;
    std::vector<std::string> variants;
    std::vector<std::string> forbidden;
    std::string note;
    bool abbreviation = false;
    std::vector<pugi::xml_node> terms;
    collect(concept_node, "term", terms);
    // Terms sharing a holder share its notes: read them once per holder, or
    // thousands of terms and notes under one parent take quadratic time.
    std::unordered_map<const void*, TermNotes> notes_by_holder;
    for (const pugi::xml_node& term : terms) {
      const std::string value = node_text(term);
      if (value.empty()) continue;
      // termNote and termCompList siblings live in the enclosing tig/ntig/termSec.
      pugi::xml_node holder = term.parent();
      if (local_name(holder) == "termGrp") holder = holder.parent();
      auto [found, inserted] = notes_by_holder.try_emplace(holder.internal_object());
      if (inserted) found->second = read_term_notes(holder);
      const std::string& status = found->second.status;
      abbreviation = abbreviation || found->second.abbreviation;
      const bool deprecated = status.find("deprecated") != std::string::npos ||
                              status.find("superseded") != std::string::npos ||
                              status.find("notrecommended") != std::string::npos;
      const bool preferred = status.find("preferred") != std::string::npos;
      const std::string lang = language_of(term);
      if (lang.rfind("zh", 0) == 0) {
        if (!deprecated) zh.push_back(value);
      } else if (lang.rfind("en", 0) == 0) {
        if (deprecated) forbidden.push_back(value);
        else if (preferred && en.empty()) en = value;
        else variants.push_back(value);  // admitted, or no status: the first becomes en below
      }
    }
    std::vector<pugi::xml_node> descriptions;
    collect(concept_node, "descrip", descriptions);
    collect(concept_node, "note", descriptions);
    for (const pugi::xml_node& description : descriptions) {
      const std::string value = node_text(description);
      if (value.empty()) continue;
      if (!note.empty()) note += "; ";
      note += value;
    }
    if (en.empty() && !variants.empty()) {
      en = variants.front();
      variants.erase(variants.begin());
    }
    if (en.empty() && zh.empty()) continue;
    GlossaryEntry entry = make_entry(std::move(zh), std::move(en), std::move(variants), std::move(forbidden),
                                     std::move(note), abbreviation, origin_file, line);
    if (file.take) deferred.emplace_back(std::move(entry), line);
    else file.take_entry(std::move(entry), line);
  }
  if (deferred.empty()) return;
  std::vector<pugi::xml_node>().swap(concepts);
  doc.reset();
  for (auto& [entry, line] : deferred) file.take_entry(std::move(entry), line);
}}  // namespace tc::glossary_reader
