#pragma once
// The length model fitted on the pair: how widely the log length ratios of a
// path's beads spread around the pair's ratio. A free translation retells
// sentences longer or shorter than a close one does; the second pass's length
// term is scaled to the spread the first pass found.
#include <cstddef>
#include <vector>

#include "align/coarse.h"
#include "align/features.h"

namespace tc {

// Root mean square, over the beads pairing sentences, of
// log((en + smoothing * ratio) / ((zh + smoothing) * ratio)), the lengths
// being the bead's sums; 0 when fewer than min_beads beads pair sentences.
double length_spread(const std::vector<SentenceFeatures>& zh, const std::vector<SentenceFeatures>& en,
                     const Path& zh_en_path, double ratio, double smoothing, std::size_t min_beads);

// How a path's beads pairing sentences end (their last sentence on each
// side: the bits `classes` of SentenceFeatures::ending, kEndingClass or
// kEndingQuoted).
struct EndingFit {
  std::size_t beads = 0;   // pairing beads
  std::size_t ending = 0;  // ... ending in one of the classes on either side
  std::size_t alike = 0;   // ... on both sides alike
  // The beads ending alike that pairing the path's endings at random would
  // give: the sum over the classes of the products of the beads ending so
  // on each side, over the beads.
  double chance = 0;
};
EndingFit ending_fit(const std::vector<SentenceFeatures>& zh, const std::vector<SentenceFeatures>& en,
                     const Path& zh_en_path, std::uint8_t classes = kEndingClass);

}  // namespace tc
