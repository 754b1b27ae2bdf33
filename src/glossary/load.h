#pragma once
// Reading glossary files: TSV or CSV with a header row (zh, en, variants,
// forbidden, note, optional case), TBX (TBX-Basic and TBX-Core) and JSON.
#include <cstddef>
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

struct GlossaryFile {
  std::string path;
  std::vector<GlossaryEntry> entries;
  std::vector<std::size_t> lines;  // line of each entry
  std::vector<GlossaryProblem> problems;
};

// Parses a glossary file's bytes; the format follows the extension (.tsv,
// .csv, .tbx/.xml, .json). Never throws for bad content: it is in problems.
GlossaryFile parse_glossary(const std::string& path, std::string_view bytes);

// Loads and merges glossary files; later files override earlier entries
// (an entry overrides every earlier entry sharing a Chinese form, or the
// English rendering for entries without Chinese). Builds the term index.
// Throws InputError naming file and line ("glossary.tsv:12: unterminated quote").
Glossary load_glossaries(const std::vector<std::string>& paths, const ReadLimits& limits = {});

// Splits a `|`-separated cell into trimmed items (empty items kept, for lint).
std::vector<std::string> split_items(std::string_view cell);

}  // namespace tc
