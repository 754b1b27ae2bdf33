#include "glossary/load.h"

#include <algorithm>
#include <unordered_set>

#include "core/utf8.h"
#include "formats/reader.h"
#include "core/flat_map.h"
#include "glossary/reader_common.h"
#include "text/ascii.h"

namespace tc {
namespace {

using glossary_reader::trim;

std::string extension_of(const std::string& path) {
  const auto slash = path.find_last_of("/\\");
  const auto dot = path.find_last_of('.');
  if (dot == std::string::npos || (slash != std::string::npos && dot < slash)) return {};
  return to_lower_ascii(path.substr(dot + 1));
}

// A fatal problem for a cell of the entry with too many items or too long a term.
void check_limits(const GlossaryEntry& entry, std::size_t line, std::vector<GlossaryProblem>& problems) {
  // One problem for the cell's first term that is too long; true if there was one.
  auto check_term = [&](const std::string& term, const char* cell) {
    const std::size_t length = utf8::count(term);
    if (length <= kMaxTermCodePoints) return false;
    problems.push_back({line, "a term in the '" + std::string(cell) + "' cell is " + std::to_string(length) +
                                  " characters long; at most " + std::to_string(kMaxTermCodePoints) + " are allowed", true});
    return true;
  };
  auto check_cell = [&](const std::vector<std::string>& items, const char* cell) {
    if (items.size() > kMaxItemsPerCell) {
      problems.push_back(crowded_cell_problem(line, cell, items.size()));
      return;
    }
    for (const std::string& item : items)
      if (check_term(item, cell)) return;
  };
  check_cell(entry.zh, "zh");
  check_term(entry.en, "en");
  check_cell(entry.variants, "variants");
  check_cell(entry.forbidden, "forbidden");
}

// Removes repeated items, keeping the first: each becomes one index entry.
void merge_repeated(std::vector<std::string>& items) {
  if (items.size() < 2) return;  // most cells: nothing to compare
  if (items.size() <= 8) {  // a few items: compared with each other, no set to build
    std::size_t kept = 0;
    for (std::size_t i = 0; i < items.size(); ++i) {
      if (std::find(items.begin(), items.begin() + static_cast<std::ptrdiff_t>(kept), items[i]) !=
          items.begin() + static_cast<std::ptrdiff_t>(kept))
        continue;
      if (kept != i) items[kept] = std::move(items[i]);
      ++kept;
    }
    items.resize(kept);
    return;
  }
  // The set views the items where they stand, so all are marked before any
  // moves: moving a short (in-place) string empties it under its view, and
  // the set then held keys that no longer matched their hashes (a cell of
  // 100,000 equal short items kept them all, in quadratic time).
  std::vector<bool> first(items.size());
  {
    std::unordered_set<std::string_view> seen;
    seen.reserve(items.size());
    for (std::size_t i = 0; i < items.size(); ++i) first[i] = seen.insert(items[i]).second;
  }
  std::size_t kept = 0;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (!first[i]) continue;
    if (kept != i) items[kept] = std::move(items[i]);
    ++kept;
  }
  items.resize(kept);
}

}  // namespace


namespace {

// Each `|`-separated item of a cell, trimmed (empty ones too).
template <class Take>
void for_each_item(std::string_view cell, Take&& take) {
  std::size_t start = 0;
  while (true) {
    const std::size_t bar = cell.find('|', start);
    take(trim(cell.substr(start, bar == std::string_view::npos ? std::string_view::npos : bar - start)));
    if (bar == std::string_view::npos) return;
    start = bar + 1;
  }
}

}  // namespace

std::vector<std::string> split_items(std::string_view cell) {
  std::vector<std::string> items;
  if (trim(cell).empty()) return items;
  for_each_item(cell, [&](std::string_view item) { items.emplace_back(item); });
  return items;
}

GlossaryProblem crowded_cell_problem(std::size_t line, std::string_view cell, std::size_t items) {
  std::string message(1, '\'');  // appended, not `"'" + std::string(cell)`: GCC 12 warns falsely on that
  message.append(cell);
  message += "' cell has " + std::to_string(items) + " items; at most " + std::to_string(kMaxItemsPerCell) + " are allowed";
  return {line, std::move(message), true};
}

std::size_t count_items(std::string_view cell) {
  std::size_t count = 0;
  for_each_item(cell, [&](std::string_view item) { count += !item.empty(); });
  return count;
}

bool has_empty_item(std::string_view cell) {
  if (trim(cell).empty()) return false;
  bool empty = false;
  for_each_item(cell, [&](std::string_view item) { empty |= item.empty(); });
  return empty;
}

bool GlossaryFile::refuse_crowded_cell(std::string_view cell, std::string_view name, std::size_t line) {
  // Bars bound the items from above: most cells are settled without trimming.
  if (static_cast<std::size_t>(std::count(cell.begin(), cell.end(), '|')) < kMaxItemsPerCell) return false;
  const std::size_t items = count_items(cell);
  if (items <= kMaxItemsPerCell) return false;
  limit_problems.push_back(crowded_cell_problem(line, name, items));
  return true;
}

void GlossaryFile::take_entry(GlossaryEntry&& entry, std::size_t line) {
  check_limits(entry, line, limit_problems);
  if (take) {
    take(std::move(entry), line);
    return;
  }
  entries.push_back(std::move(entry));
  lines.push_back(line);
}

GlossaryFile parse_glossary(const std::string& path, std::string_view bytes) { return parse_glossary(path, bytes, {}); }

GlossaryFile parse_glossary(const std::string& path, std::string_view bytes, TakeGlossaryEntry take) {
  GlossaryFile file;
  file.path = path;
  const std::size_t invalid = utf8::first_invalid(bytes);
  if (invalid != std::string_view::npos) {
    file.problems.push_back({glossary_reader::line_number(bytes, invalid), "not valid UTF-8 (byte offset " + std::to_string(invalid) + ")", true});
    return file;
  }
  file.take = std::move(take);
  const std::string ext = extension_of(path);
  if (ext == "tsv" || ext == "txt") glossary_reader::read_delimited(file, bytes, '\t');
  else if (ext == "csv") glossary_reader::read_delimited(file, bytes, ',');
  else if (ext == "tbx" || ext == "xml") glossary_reader::read_tbx(file, bytes);
  else if (ext == "json") glossary_reader::read_json(file, bytes);
  else if (ext.empty()) file.problems.push_back({0, "no file extension to tell the glossary format (use .tsv, .csv, .tbx or .json)", true});
  else file.problems.push_back({0, "unknown glossary format '." + ext + "' (use .tsv, .csv, .tbx or .json)", true});
  file.problems.insert(file.problems.end(), std::make_move_iterator(file.limit_problems.begin()),
                       std::make_move_iterator(file.limit_problems.end()));
  std::vector<GlossaryProblem>().swap(file.limit_problems);
  file.take = nullptr;
  return file;
}

Glossary load_glossaries(const std::vector<std::string>& paths, const ReadLimits& limits) {
  Glossary glossary;
  GlossaryEntries& entries = glossary.entries;
  std::vector<bool> removed;
  // Chinese form (or English, for house-style rows) -> entry, keyed by a
  // 64-bit hash: merging 100k entries must not copy every form into a string map.
  FlatMap owner;
  std::vector<std::size_t> keys;
  // Each entry is stored as it is read: a file's entries are never all held
  // as GlossaryEntry values (some 250 bytes each), only in the compact store.
  auto keep = [&](GlossaryEntry&& entry, std::size_t) {
    if (entry.en.empty() && entry.forbidden.empty()) return;  // nothing to check; lint reports it
    merge_repeated(entry.zh);
    merge_repeated(entry.variants);
    merge_repeated(entry.forbidden);
    const std::size_t index = entries.size();
    keys.clear();
    for (const std::string& zh : entry.zh) keys.push_back(std::hash<std::string>{}(zh));
    if (keys.empty()) {
      std::string english_key = "\x01";  // kept apart from any Chinese key
      english_key += to_lower_ascii(entry.en);
      keys.push_back(std::hash<std::string>{}(english_key));
    }
    for (std::size_t key : keys) {
      const std::uint64_t hashed = FlatMap::key_of(key);
      const std::uint32_t earlier = owner.exchange(hashed, static_cast<std::uint32_t>(index));
      if (earlier != FlatMap::kNoValue && earlier != index) removed[earlier] = true;  // a later entry overrides
    }
    entries.push_back(entry);
    removed.push_back(false);
  };
  for (const std::string& path : paths) {
    const std::string bytes = read_file_bytes(path, limits);
    const GlossaryFile file = parse_glossary(path, bytes, keep);
    for (const GlossaryProblem& problem : file.problems)
      if (problem.fatal)
        throw InputError(problem.line > 0 ? path + ":" + std::to_string(problem.line) : path, problem.message);
  }
  if (std::find(removed.begin(), removed.end(), true) != removed.end()) entries.remove(removed);
  entries.shrink_to_fit();
  glossary.build_index();
  return glossary;
}

}  // namespace tc
