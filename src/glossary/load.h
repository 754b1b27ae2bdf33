#pragma once
// Reading glossary files: TSV or CSV with a header row (zh, en, variants,
// forbidden, note, optional case), TBX (TBX-Basic and TBX-Core) and JSON.
#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "formats/reader.h"
#include "glossary/glossary.h"

namespace tc {

// Something wrong in a glossary file. Fatal problems stop loading; the
// others are only reported by `transcheck glossary lint`.
struct GlossaryProblem {
  std::size_t line = 0;  // 1-based; 0 when the file as a whole is at fault
  std::string message;
  bool fatal = false;
};

// Limits that keep matching linear and the index small; a cell or term over
// them is a fatal problem naming the line. Repeated items in a cell are
// merged when the glossary is loaded (lint still reports them).
inline constexpr std::size_t kMaxItemsPerCell = 1000;
inline constexpr std::size_t kMaxTermCodePoints = 256;

// The fatal problem of a cell holding more than kMaxItemsPerCell items.
GlossaryProblem crowded_cell_problem(std::size_t line, std::string_view cell, std::size_t items);

// What to do with each entry read, in file order, instead of keeping it:
// its line is the one it starts on.
using TakeGlossaryEntry = std::function<void(GlossaryEntry&& entry, std::size_t line)>;

struct GlossaryFile {
  std::string path;
  std::vector<GlossaryEntry> entries;  // empty when the entries were handed to a TakeGlossaryEntry
  std::vector<std::size_t> lines;      // line of each entry
  std::vector<GlossaryProblem> problems;

  // What the readers call for each entry: checks it against the limits, then
  // keeps it in entries, or hands it to take when there is one.
  void take_entry(GlossaryEntry&& entry, std::size_t line);
  TakeGlossaryEntry take;
  // For a reader before it splits a `|`-separated cell: true, with the limit
  // problem added, when the cell has more than kMaxItemsPerCell items, so the
  // reader skips the entry and a refused cell costs no more than its bytes.
  bool refuse_crowded_cell(std::string_view cell, std::string_view name, std::size_t line);
  // The entries' problems with the limits, put after the readers' own problems
  // when the reading ends (a load stops at the first fatal one).
  std::vector<GlossaryProblem> limit_problems;
};

// Parses a glossary file's bytes; the format follows the extension (.tsv,
// .csv, .tbx/.xml, .json). Never throws for bad content: it is in problems.
GlossaryFile parse_glossary(const std::string& path, std::string_view bytes);
// The same, each entry handed to take as it is read instead of being kept
// (the file's entries stay empty): a linter need not hold them all.
GlossaryFile parse_glossary(const std::string& path, std::string_view bytes, TakeGlossaryEntry take);

// Loads and merges glossary files; later files override earlier entries
// (an entry overrides every earlier entry sharing a Chinese form, or the
// English rendering for entries without Chinese). Builds the term index.
// Throws InputError naming file and line ("glossary.tsv:12: unterminated quote").
Glossary load_glossaries(const std::vector<std::string>& paths, const ReadLimits& limits = {});

// Splits a `|`-separated cell into trimmed items (empty items kept, for lint).
std::vector<std::string> split_items(std::string_view cell);
// The number of non-empty items split_items would give (what the cap counts),
// found without copying any.
std::size_t count_items(std::string_view cell);
// Whether split_items would give an empty item ("a||b", "a|"; a blank cell
// has none), found without copying any.
bool has_empty_item(std::string_view cell);

}  // namespace tc
