#pragma once
// Helpers the alignment/ rules share: which side of the pair is which, the
// text of a bead's side, and counterparts to quote.
#include <string>
#include <string_view>
#include <vector>

#include "align/alignment.h"
#include "core/finding.h"
#include "core/rule.h"

namespace tc::alignment_rules {

// A bead side's sentences as one span (first sentence's start to last's end).
Span side_span(const std::vector<Sentence>& sentences, const std::vector<std::size_t>& ids);

// Text of span, on one line, shortened to about max_chars code points with "…".
std::string quote(const Document& doc, Span span, std::size_t max_chars = 60);

Counterpart counterpart(const Document& doc, Span span);

// For a sentence with no counterpart: the nearest aligned text on the other
// side before it (or after it at the start of the document); empty span if none.
Span nearest_other_side(const Alignment& alignment, std::size_t bead_index, bool other_is_target);

// The numbers of a span in the document's language.
bool has_letters(std::string_view text);

}  // namespace tc::alignment_rules
