#pragma once
// `transcheck glossary lint`: what is wrong in a glossary file, each with its line.
#include <string>
#include <string_view>
#include <vector>

#include "glossary/load.h"

namespace tc {

// Parse problems, then empty cells, forbidden renderings that are also
// accepted, and duplicate or conflicting entries, in line order.
std::vector<GlossaryProblem> lint_glossary(const GlossaryFile& file);
// The same for a file's bytes (parse_glossary's path and bytes), reading its
// entries one at a time instead of holding them all.
std::vector<GlossaryProblem> lint_glossary(const std::string& path, std::string_view bytes);

}  // namespace tc
