#pragma once
// The sentence alignment of a pair, for `transcheck align`: side by side
// (text), JSON, TSV, or beads ([i,j]:[k], 0-based).
#include <ostream>
#include <string_view>

#include "core/alignment.h"
#include "core/document.h"

namespace tc {

// True for text, json, tsv, beads.
bool is_alignment_format(std::string_view format);

void print_alignment(std::string_view format, std::ostream& out, const Document& source, const Document& target,
                     const Alignment& alignment);

}  // namespace tc
