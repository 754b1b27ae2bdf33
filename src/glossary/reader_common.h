#pragma once
// What the glossary readers (one per file format) share: the entry they
// fill and small text helpers. Internal to glossary/.
#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "glossary/load.h"

namespace tc::glossary_reader {

std::string_view trim(std::string_view s);

// 1-based line of a byte offset, for problems.
std::size_t line_number(std::string_view text, std::size_t offset);

// Fills an entry from its cells; empty items are dropped (lint reports them).
// file: the path, shared by the file's entries (origin_file); line: where the entry is.
GlossaryEntry make_entry(std::vector<std::string> zh, std::string en, std::vector<std::string> variants,
                         std::vector<std::string> forbidden, std::string note, bool case_sensitive,
                         std::shared_ptr<const std::string> file, std::size_t line);

// One reader per format: each appends entries and problems to file.
void read_delimited(GlossaryFile& file, std::string_view text, char delimiter);  // TSV, CSV
void read_tbx(GlossaryFile& file, std::string_view text);
void read_json(GlossaryFile& file, std::string_view text);

}  // namespace tc::glossary_reader
