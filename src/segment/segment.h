#pragma once
// Splitting a document into sentences for alignment: paragraphs come from
// Document::blocks, sentences from inside each block (Chinese by its
// sentence-final marks, English by ICU's sentence BreakIterator with fixes).
#include <vector>

#include "core/alignment.h"
#include "core/document.h"

namespace tc {

struct SegmentOptions {
  bool segmented = false;  // every non-empty line is one unit, nothing split further
};

// Sentences in document order, spans trimmed of white space. Code blocks,
// page furniture and blocks kept as they are (Block::kept) are skipped.
std::vector<Sentence> segment_document(const Document& doc, const SegmentOptions& options = {});

}  // namespace tc
