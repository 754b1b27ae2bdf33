#include "glossary/load.h"

#include <nlohmann/json.hpp>
#include <pugixml.hpp>

#include <algorithm>
#include <array>
#include <unordered_map>

#include "core/utf8.h"
#include "glossary/flat_map.h"
#include "formats/reader.h"

namespace tc {
namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

std::string lower_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  return out;
}

std::string extension_of(const std::string& path) {
  const auto slash = path.find_last_of("/\\");
  const auto dot = path.find_last_of('.');
  if (dot == std::string::npos || (slash != std::string::npos && dot < slash)) return {};
  return lower_ascii(path.substr(dot + 1));
}

std::size_t line_at(std::string_view text, std::size_t offset) {
  offset = std::min(offset, text.size());
  return 1 + static_cast<std::size_t>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(offset), '\n'));
}

// line_at() for many offsets: counting from the file start for each of
// 100 000 TBX entries is quadratic.
class NewlineIndex {
 public:
  explicit NewlineIndex(std::string_view text) {
    for (std::size_t i = text.find('\n'); i != std::string_view::npos; i = text.find('\n', i + 1)) newlines_.push_back(i);
  }
  std::size_t line_at(std::size_t offset) const {
    return 1 + static_cast<std::size_t>(std::lower_bound(newlines_.begin(), newlines_.end(), offset) - newlines_.begin());
  }

 private:
  std::vector<std::size_t> newlines_;
};

// Drops empty items (lint reports them).
std::vector<std::string> clean_items(const std::vector<std::string>& items) {
  std::vector<std::string> out;
  for (const std::string& item : items)
    if (!item.empty()) out.push_back(item);
  return out;
}

// Fills an entry from its cells.
GlossaryEntry make_entry(std::vector<std::string> zh, std::string en, std::vector<std::string> variants,
                         std::vector<std::string> forbidden, std::string note, bool case_sensitive, std::string origin) {
  GlossaryEntry entry;
  entry.zh = clean_items(zh);
  entry.en = std::move(en);
  entry.variants = clean_items(variants);
  entry.forbidden = clean_items(forbidden);
  entry.note = std::move(note);
  entry.case_sensitive = case_sensitive;
  entry.origin = std::move(origin);
  return entry;
}

// ---- TSV / CSV ----------------------------------------------------------------

struct Record {
  std::size_t line = 0;
  std::vector<std::string> cells;
};

// RFC 4180 style records: a cell starting with a quote runs to the matching
// quote ("" is a literal quote) and may span lines. A line starting with #
// is a comment.
std::vector<Record> read_records(std::string_view text, char delimiter, std::vector<GlossaryProblem>& problems) {
  std::vector<Record> records;
  std::size_t pos = 0;
  std::size_t line = 1;
  if (text.substr(0, 3) == "\xEF\xBB\xBF") pos = 3;
  while (pos < text.size()) {
    // Comment and blank lines.
    std::size_t eol = text.find('\n', pos);
    if (eol == std::string_view::npos) eol = text.size();
    const std::string_view whole = trim(text.substr(pos, eol - pos));
    if (whole.empty() || whole.front() == '#') {
      pos = eol + 1;
      ++line;
      continue;
    }
    Record record;
    record.line = line;
    bool record_done = false;
    bool bad = false;
    while (!record_done) {
      std::string cell;
      // Leading spaces before a quote are allowed.
      std::size_t p = pos;
      while (p < text.size() && (text[p] == ' ' || (text[p] == '\t' && delimiter != '\t'))) ++p;
      if (p < text.size() && text[p] == '"') {
        const std::size_t quote_line = line;
        pos = p + 1;
        bool closed = false;
        while (pos < text.size()) {
          const char c = text[pos];
          if (c == '"') {
            if (pos + 1 < text.size() && text[pos + 1] == '"') {
              cell += '"';
              pos += 2;
              continue;
            }
            closed = true;
            ++pos;
            break;
          }
          if (c == '\n') ++line;
          cell += c;
          ++pos;
        }
        if (!closed) {
          problems.push_back({quote_line, "unterminated quote", true});
          return records;
        }
        std::size_t q = pos;
        while (q < text.size() && (text[q] == ' ' || text[q] == '\r' || (text[q] == '\t' && delimiter != '\t'))) ++q;
        if (q < text.size() && text[q] != delimiter && text[q] != '\n') {
          problems.push_back({line, "unexpected text after a closing quote (write a quote inside a quoted cell as \"\")", true});
          bad = true;
          while (q < text.size() && text[q] != delimiter && text[q] != '\n') ++q;
        }
        pos = q;
      } else {
        std::size_t q = pos;
        while (q < text.size() && text[q] != delimiter && text[q] != '\n') ++q;
        const std::string_view raw = text.substr(pos, q - pos);
        if (delimiter == ',' && raw.find('"') != std::string_view::npos && !bad) {
          problems.push_back({line, "quote inside an unquoted cell (quote the whole cell and double the quote)", true});
          bad = true;
        }
        cell.assign(raw);
        pos = q;
      }
      record.cells.emplace_back(trim(cell));
      if (pos < text.size() && text[pos] == delimiter) {
        ++pos;
      } else {
        if (pos < text.size()) ++pos;  // the newline
        ++line;
        record_done = true;
      }
    }
    records.push_back(std::move(record));
  }
  return records;
}

enum Column { kZh, kEn, kVariants, kForbidden, kNote, kCase, kColumnCount };

// A lone CR (classic Mac line end) as "\n"; CRLF stays. Same length, so
// line numbers hold.
std::string with_lone_crs_as_newlines(std::string_view text) {
  std::string out(text);
  for (std::size_t i = 0; i < out.size(); ++i)
    if (out[i] == '\r' && (i + 1 == out.size() || out[i + 1] != '\n')) out[i] = '\n';
  return out;
}

void parse_delimited(GlossaryFile& file, std::string_view text, char delimiter) {
  std::string normalized;
  if (text.find('\r') != std::string_view::npos) {
    normalized = with_lone_crs_as_newlines(text);
    text = normalized;
  }
  std::vector<Record> records = read_records(text, delimiter, file.problems);
  if (records.empty()) {
    if (file.problems.empty()) file.problems.push_back({0, "no header row (expected zh, en, variants, forbidden, note)", true});
    return;
  }
  static const std::array<std::string_view, kColumnCount> kNames{"zh", "en", "variants", "forbidden", "note", "case"};
  std::array<int, kColumnCount> column{};
  column.fill(-1);
  const Record& header = records.front();
  for (std::size_t i = 0; i < header.cells.size(); ++i) {
    const std::string name = lower_ascii(header.cells[i]);
    const auto it = std::find(kNames.begin(), kNames.end(), name);
    if (it == kNames.end()) {
      file.problems.push_back({header.line, "unknown column '" + header.cells[i] + "' (expected zh, en, variants, forbidden, note, case)", true});
      return;
    }
    const auto index = static_cast<std::size_t>(it - kNames.begin());
    if (column[index] >= 0) {
      file.problems.push_back({header.line, "column '" + name + "' appears twice in the header", true});
      return;
    }
    column[index] = static_cast<int>(i);
  }
  if (column[kEn] < 0 || column[kZh] < 0) {
    file.problems.push_back({header.line, "the header row must name the columns zh and en", true});
    return;
  }
  for (std::size_t r = 1; r < records.size(); ++r) {
    const Record& record = records[r];
    // Trailing empty cells (spreadsheet exports) are harmless; text beyond the header is not.
    const bool extra_text = std::any_of(record.cells.begin() + static_cast<std::ptrdiff_t>(std::min(record.cells.size(), header.cells.size())),
                                        record.cells.end(), [](const std::string& c) { return !c.empty(); });
    if (extra_text) {
      file.problems.push_back({record.line,
                               std::to_string(record.cells.size()) + " cells but the header has " +
                                   std::to_string(header.cells.size()) + " (a stray delimiter?)",
                               true});
      continue;
    }
    auto cell = [&](Column c) -> std::string {
      const int i = column[c];
      return i >= 0 && static_cast<std::size_t>(i) < record.cells.size() ? record.cells[static_cast<std::size_t>(i)] : std::string();
    };
    const std::string case_value = lower_ascii(cell(kCase));
    if (!case_value.empty() && case_value != "sensitive" && case_value != "insensitive") {
      file.problems.push_back({record.line, "case must be 'sensitive', 'insensitive' or empty, not '" + cell(kCase) + "'", true});
      continue;
    }
    file.entries.push_back(make_entry(split_items(cell(kZh)), cell(kEn), split_items(cell(kVariants)),
                                      split_items(cell(kForbidden)), cell(kNote), case_value == "sensitive",
                                      file.path + ":" + std::to_string(record.line)));
    file.lines.push_back(record.line);
    // Empty-item problems are found here, where the raw cells are at hand.
    static const std::array<Column, 3> kListColumns{kZh, kVariants, kForbidden};
    for (Column c : kListColumns) {
      const std::string raw = cell(c);
      if (raw.empty()) continue;
      const auto items = split_items(raw);
      if (std::any_of(items.begin(), items.end(), [](const std::string& s) { return s.empty(); }))
        file.problems.push_back({record.line, "empty item in the '" + std::string(kNames[c]) + "' cell ('" + raw + "')", false});
    }
  }
}

// ---- TBX ----------------------------------------------------------------------

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

std::string node_text(const pugi::xml_node& node) {
  std::string text;
  for (pugi::xml_node child = node.first_child(); child;) {
    if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) text += child.value();
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
    if (lang) return lower_ascii(lang.value());
    const pugi::xml_attribute plain = node.attribute("lang");
    if (plain) return lower_ascii(plain.value());
  }
  return {};
}

void parse_tbx(GlossaryFile& file, std::string_view text) {
  pugi::xml_document doc;
  const pugi::xml_parse_result result = doc.load_buffer(text.data(), text.size(), pugi::parse_default, pugi::encoding_utf8);
  if (!result) {
    file.problems.push_back({line_at(text, static_cast<std::size_t>(result.offset)),
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
  const NewlineIndex newlines(text);
  for (const pugi::xml_node& concept_node : concepts) {
    const std::size_t line = newlines.line_at(static_cast<std::size_t>(concept_node.offset_debug()));
    std::vector<std::string> zh;
    std::string en;
    std::vector<std::string> variants;
    std::vector<std::string> forbidden;
    std::string note;
    bool abbreviation = false;
    std::vector<pugi::xml_node> terms;
    collect(concept_node, "term", terms);
    for (const pugi::xml_node& term : terms) {
      const std::string value = node_text(term);
      if (value.empty()) continue;
      // termNote and termCompList siblings live in the enclosing tig/ntig/termSec.
      pugi::xml_node holder = term.parent();
      if (local_name(holder) == "termGrp") holder = holder.parent();
      std::string status;
      std::vector<pugi::xml_node> term_notes;
      collect(holder, "termNote", term_notes);
      for (const pugi::xml_node& term_note : term_notes) {
        const std::string type = term_note.attribute("type").value();
        const std::string value_note = lower_ascii(node_text(term_note));
        if (type == "administrativeStatus" || type == "normativeAuthorization") status = value_note;
        if (type == "termType" && (value_note == "abbreviation" || value_note == "acronym" || value_note == "initialism"))
          abbreviation = true;
      }
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
    file.entries.push_back(make_entry(std::move(zh), std::move(en), std::move(variants), std::move(forbidden),
                                      std::move(note), abbreviation, file.path + ":" + std::to_string(line)));
    file.lines.push_back(line);
  }
}

// ---- JSON ---------------------------------------------------------------------

// Lines where each object of the entry list opens: nlohmann's DOM keeps no
// positions, so one light scan finds them for the messages.
std::vector<std::size_t> object_lines(std::string_view text, int entry_depth) {
  std::vector<std::size_t> lines;
  int depth = 0;
  std::size_t line = 1;
  bool in_string = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\n') ++line;
    if (in_string) {
      if (c == '\\') ++i;
      else if (c == '"') in_string = false;
      continue;
    }
    if (c == '"') in_string = true;
    else if (c == '{' || c == '[') {
      ++depth;
      if (c == '{' && depth == entry_depth) lines.push_back(line);
    } else if (c == '}' || c == ']') {
      --depth;
    }
  }
  return lines;
}

void parse_json(GlossaryFile& file, std::string_view text) {
  nlohmann::json root;
  try {
    root = nlohmann::json::parse(text);
  } catch (const nlohmann::json::parse_error& e) {
    file.problems.push_back({line_at(text, e.byte > 0 ? e.byte - 1 : 0), "malformed JSON: " + std::string(e.what()), true});
    return;
  }
  const nlohmann::json* list = &root;
  int entry_depth = 2;
  if (root.is_object() && root.contains("entries")) {
    list = &root["entries"];
    entry_depth = 3;
  }
  if (!list->is_array()) {
    file.problems.push_back({1, "expected an array of entries, or an object with an \"entries\" array", true});
    return;
  }
  const std::vector<std::size_t> lines = object_lines(text, entry_depth);
  std::size_t index = 0;
  for (const nlohmann::json& item : *list) {
    const std::size_t line = index < lines.size() ? lines[index] : 1;
    ++index;
    if (!item.is_object()) {
      file.problems.push_back({line, "entry " + std::to_string(index) + " is not an object", true});
      continue;
    }
    bool ok = true;
    auto strings = [&](const char* key) {
      std::vector<std::string> out;
      if (!item.contains(key) || item[key].is_null()) return out;
      const nlohmann::json& value = item[key];
      if (value.is_string()) return split_items(value.get<std::string>());
      if (value.is_array()) {
        for (const auto& element : value) {
          if (element.is_string()) out.emplace_back(trim(element.get<std::string>()));
          else ok = false;
        }
        if (ok) return out;
      }
      file.problems.push_back({line, std::string("\"") + key + "\" must be a string or an array of strings", true});
      ok = false;
      return out;
    };
    auto text_of = [&](const char* key) {
      if (!item.contains(key) || item[key].is_null()) return std::string();
      if (item[key].is_string()) return std::string(trim(item[key].get<std::string>()));
      file.problems.push_back({line, std::string("\"") + key + "\" must be a string", true});
      ok = false;
      return std::string();
    };
    std::vector<std::string> zh = strings("zh");
    std::string en = text_of("en");
    std::vector<std::string> variants = strings("variants");
    std::vector<std::string> forbidden = strings("forbidden");
    std::string note = text_of("note");
    const std::string case_value = lower_ascii(text_of("case"));
    if (!case_value.empty() && case_value != "sensitive" && case_value != "insensitive") {
      file.problems.push_back({line, "\"case\" must be \"sensitive\", \"insensitive\" or empty", true});
      ok = false;
    }
    if (!ok) continue;
    file.entries.push_back(make_entry(std::move(zh), std::move(en), std::move(variants), std::move(forbidden),
                                      std::move(note), case_value == "sensitive", file.path + ":" + std::to_string(line)));
    file.lines.push_back(line);
  }
}

}  // namespace

std::vector<std::string> split_items(std::string_view cell) {
  std::vector<std::string> items;
  if (trim(cell).empty()) return items;
  std::size_t start = 0;
  while (true) {
    const std::size_t bar = cell.find('|', start);
    items.emplace_back(trim(cell.substr(start, bar == std::string_view::npos ? std::string_view::npos : bar - start)));
    if (bar == std::string_view::npos) break;
    start = bar + 1;
  }
  return items;
}

GlossaryFile parse_glossary(const std::string& path, std::string_view bytes) {
  GlossaryFile file;
  file.path = path;
  const std::size_t invalid = utf8::first_invalid(bytes);
  if (invalid != std::string_view::npos) {
    file.problems.push_back({line_at(bytes, invalid), "not valid UTF-8 (byte offset " + std::to_string(invalid) + ")", true});
    return file;
  }
  const std::string ext = extension_of(path);
  if (ext == "tsv" || ext == "txt") parse_delimited(file, bytes, '\t');
  else if (ext == "csv") parse_delimited(file, bytes, ',');
  else if (ext == "tbx" || ext == "xml") parse_tbx(file, bytes);
  else if (ext == "json") parse_json(file, bytes);
  else if (ext.empty()) file.problems.push_back({0, "no file extension to tell the glossary format (use .tsv, .csv, .tbx or .json)", true});
  else file.problems.push_back({0, "unknown glossary format '." + ext + "' (use .tsv, .csv, .tbx or .json)", true});
  return file;
}

Glossary load_glossaries(const std::vector<std::string>& paths) {
  Glossary glossary;
  std::vector<bool> removed;
  // Chinese form (or English, for house-style rows) -> entry, keyed by a
  // 64-bit hash: merging 100k entries must not copy every form into a string map.
  FlatMap owner;
  for (const std::string& path : paths) {
    const std::string bytes = read_file_bytes(path);
    GlossaryFile file = parse_glossary(path, bytes);
    for (const GlossaryProblem& problem : file.problems)
      if (problem.fatal)
        throw InputError(problem.line > 0 ? path + ":" + std::to_string(problem.line) : path, problem.message);
    glossary.entries.reserve(glossary.entries.size() + file.entries.size());
    for (GlossaryEntry& entry : file.entries) {
      if (entry.en.empty() && entry.forbidden.empty()) continue;  // nothing to check; lint reports it
      const std::size_t index = glossary.entries.size();
      std::vector<std::size_t> keys;
      for (const std::string& zh : entry.zh) keys.push_back(std::hash<std::string>{}(zh));
      if (keys.empty()) keys.push_back(std::hash<std::string>{}("\x01" + lower_ascii(entry.en)));
      for (std::size_t key : keys) {
        const std::uint64_t hashed = key == FlatMap::kEmptyKey ? key - 1 : key;
        const std::uint32_t earlier = owner.exchange(hashed, static_cast<std::uint32_t>(index));
        if (earlier != FlatMap::kNoValue && earlier != index) removed[earlier] = true;  // a later entry overrides
      }
      glossary.entries.push_back(std::move(entry));
      removed.push_back(false);
    }
  }
  if (std::find(removed.begin(), removed.end(), true) != removed.end()) {
    std::vector<GlossaryEntry> kept;
    kept.reserve(glossary.entries.size());
    for (std::size_t i = 0; i < glossary.entries.size(); ++i)
      if (!removed[i]) kept.push_back(std::move(glossary.entries[i]));
    glossary.entries = std::move(kept);
  }
  glossary.build_index();
  return glossary;
}

}  // namespace tc
