#pragma once
// `transcheck glossary lint`: what is wrong in a glossary file, each with its line.
#include <string_view>
#include <vector>

#include "glossary/load.h"

namespace tc {

// Parse problems, then empty cells, forbidden renderings that are also
// accepted, and duplicate or conflicting entries, in line order.
std::vector<GlossaryProblem> lint_glossary(const GlossaryFile& file);

}  // namespace tc
