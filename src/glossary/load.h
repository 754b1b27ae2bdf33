#pragma once
#include <string>
#include <vector>

#include "glossary/glossary.h"

namespace tc {

// Loads and merges glossary files (TSV, CSV, TBX, JSON by extension); later
// files override earlier entries. Throws InputError naming file and line.
Glossary load_glossaries(const std::vector<std::string>& paths);

}  // namespace tc
