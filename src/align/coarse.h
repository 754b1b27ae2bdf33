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
