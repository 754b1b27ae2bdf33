#pragma once
// A translation as two documents: a source and a target, from two files or
// from one bilingual file (XLIFF, PO, TMX) that also says which piece of the
// source each piece of the target translates.
#include <algorithm>
#include <cstddef>
#include <iterator>
#include <optional>
#include <string>
#include <vector>

#include "core/document.h"

namespace tc {

// Where a unit stands in its workflow, as the file says it (PO fuzzy flag,
// XLIFF state). Checks of a target that is not final report at info.
enum class UnitState { translated, needs_translation, needs_review, final_ };

// A translation unit a bilingual file gives: a span of the source
// document's text and the span of the target's that translates it.
struct BitextUnit {
  std::string id;  // the file's own id for the unit, when it has one
  Span source;
  Span target;
  std::string context;  // PO msgctxt, JSON key path: same source, different meaning
  // A PO plural entry's msgstr[n]: n (its source is msgid or msgid_plural);
  // -1 for a unit that is no plural form.
  int plural_form = -1;
  UnitState state = UnitState::translated;
  // Placeholder syntaxes the file declares for the unit (PO "c-format",
  // "python-format"); empty: every known syntax is looked for.
  std::vector<std::string> format_flags;
  // Longest target the file allows (XLIFF maxwidth, size-restriction), in
  // characters; nullopt: no limit.
  std::optional<std::size_t> max_length;
  // The file's notes on the unit: XLIFF <note>, a PO entry's "#." comments
  // for translators ("Do not translate: a command name").
  std::vector<std::string> notes;
  // Byte where the unit starts in the file (its first line), for findings
  // about the unit as a whole when its target is empty.
  std::size_t file_offset = 0;
};

// True when a note of the unit asks to keep its text as it is ("Do not
// translate", "DNT", "keep in English"): a copied source is then no defect.
bool notes_keep_source(const BitextUnit& unit);

// The unit whose side (&BitextUnit::source or &BitextUnit::target) holds
// span, or null; units are in document order on both sides.
inline const BitextUnit* unit_holding(const std::vector<BitextUnit>& units, Span span, Span BitextUnit::*side) {
  const auto after = std::upper_bound(units.begin(), units.end(), span.begin,
                                      [side](std::size_t at, const BitextUnit& unit) { return at < (unit.*side).begin; });
  if (after == units.begin()) return nullptr;
  const Span held = (*std::prev(after)).*side;
  return held.begin <= span.begin && span.end <= held.end ? &*std::prev(after) : nullptr;
}

struct Bitext {
  Document source;
  Document target;
  // In document order. Empty when the files give no pairing: then the
  // aligner pairs the sentences.
  std::vector<BitextUnit> units;
};

}  // namespace tc
