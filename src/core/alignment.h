#pragma once
// The result of aligning a source document with its translation: sentences
// on each side and the monotone beads that pair them.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "core/document.h"

namespace tc {

// Every sentence of a pair is held while it is checked, a few bytes of text
// each in a file of short lines: 32-bit offsets and paragraph index (12
// bytes a sentence, where 24 took more than the text of `Safe.` lines;
// segment_document refuses a text of 4 GB or more).
struct Sentence {
  Span32 span;                // bytes in Document::text
  // Index into Document::blocks of the first block of the enclosing paragraph
  // (in plain text, the lines up to a blank line; in Markdown, the block).
  std::uint32_t paragraph = 0;
};
static_assert(sizeof(Sentence) == 12);

struct Bead {
  std::vector<std::size_t> source;  // indices into Alignment::source_sentences, ascending
  std::vector<std::size_t> target;  // indices into Alignment::target_sentences, ascending
  double score = 0.0;               // higher is more confident; 0..1
};

struct Alignment {
  std::vector<Sentence> source_sentences;
  std::vector<Sentence> target_sentences;
  std::vector<Bead> beads;  // document order; every sentence is in exactly one bead
};

}  // namespace tc
