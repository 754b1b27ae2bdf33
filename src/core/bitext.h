#pragma once
// A translation as two documents: a source and a target, from two files or
// from one bilingual file (XLIFF, PO, TMX) that also says which piece of the
// source each piece of the target translates.
#include <string>
#include <vector>

#include "core/document.h"

namespace tc {

// A translation unit a bilingual file gives: a span of the source
// document's text and the span of the target's that translates it.
struct BitextUnit {
  std::string id;  // the file's own id for the unit, when it has one
  Span source;
  Span target;
};

struct Bitext {
  Document source;
  Document target;
  // In document order. Empty when the files give no pairing: then the
  // aligner pairs the sentences.
  std::vector<BitextUnit> units;
};

}  // namespace tc
