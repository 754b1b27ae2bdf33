#include "align/align.h"

#include <algorithm>

namespace tc {

// Placeholder until the aligner lands: one bead per paragraph pair, in order.
Alignment align_documents(const Document& source, const Document& target, const AlignOptions&) {
  Alignment alignment;
  for (std::size_t i = 0; i < source.blocks.size(); ++i) alignment.source_sentences.push_back({source.blocks[i].content, i});
  for (std::size_t i = 0; i < target.blocks.size(); ++i) alignment.target_sentences.push_back({target.blocks[i].content, i});
  const std::size_t n = std::max(alignment.source_sentences.size(), alignment.target_sentences.size());
  for (std::size_t i = 0; i < n; ++i) {
    Bead bead;
    if (i < alignment.source_sentences.size()) bead.source.push_back(i);
    if (i < alignment.target_sentences.size()) bead.target.push_back(i);
    alignment.beads.push_back(bead);
  }
  return alignment;
}

}  // namespace tc
