#pragma once
// A rough alignment of a long pair, chunk by chunk, that guides the sentence
// search: the sentence-level search then runs in a narrow band around it, so
// its cost grows with the length of the text, not with its square, and a pair
// whose sides start or end at different points (one side much longer) costs
// no more than a matched one.
#include <cstddef>
#include <cstdint>
#include <vector>

#include "align/features.h"
#include "align/path.h"
#include "core/alignment.h"

namespace tc {

// English length per Chinese length over the whole pair, kept within the
// range of real translations (a lopsided pair would distort it).
// same_script: both sides are measured alike (two Chinese or two
// non-Chinese texts), so their lengths run near 1:1.
float pair_length_ratio(const std::vector<SentenceFeatures>& zh, const std::vector<SentenceFeatures>& en, bool same_script);

// Row and column ranges of a band: row i (a prefix of i Chinese units) holds
// the columns lo[i]..hi[i] (prefixes of English units). 32 bits: fewer
// sentences than 2^32 (a band of every row of a file of short lines took
// more than its text at 64).
struct Band {
  std::vector<std::uint32_t> lo, hi;
  std::size_t width(std::size_t row) const { return static_cast<std::size_t>(hi[row] - lo[row]) + 1; }
  // Cells of every row.
  std::size_t cells() const {
    std::size_t total = 0;
    for (std::size_t row = 0; row < lo.size(); ++row) total += width(row);
    return total;
  }
};

// The index of a cell of a band whose cells are laid row after row, for
// rows visited downwards from the last (a traceback): each row's first cell
// is found by taking the widths of the rows passed from the band's total
// (a table of the rows' first cells took 8 bytes a row).
class BandCellsBackward {
 public:
  // cells: band.cells().
  BandCellsBackward(const Band& band, std::size_t cells) : band_(band), row_(band.lo.size()), first_cell_(cells) {}
  // The cell of column `column` of row `row` (no row below the last one asked for).
  std::size_t operator()(std::size_t row, std::size_t column) {
    while (row_ > row) first_cell_ -= band_.width(--row_);
    return first_cell_ + (column - band_.lo[row]);
  }

 private:
  const Band& band_;
  std::size_t row_;         // the row whose first cell first_cell_ is
  std::size_t first_cell_;
};

// The band of half width `margin` around a monotone path over n x m units.
Band band_around(const Path& path, std::size_t n, std::size_t m, std::size_t margin);

struct CoarsePath {
  Path path;          // over sentences
  float ratio = 1.f;  // English length per Chinese length in the beads pairing both sides
};

// A monotone path over the sentences found by aligning chunks of about eight
// sentences, themselves guided by coarser chunks while there are many.
// The sentences' tokens are interned (intern_side, whose tables they
// are read through): the English ones' ids are positions in the vocabulary
// the offers index.
CoarsePath coarse_path(const std::vector<SentenceFeatures>& zh, const std::vector<SentenceFeatures>& en, const TokenPools& tables,
                       bool same_script);

}  // namespace tc
