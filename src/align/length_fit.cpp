#include "align/length_fit.h"

#include <array>
#include <cmath>

namespace tc {

double length_spread(const std::vector<SentenceFeatures>& zh, const std::vector<SentenceFeatures>& en,
                     const std::vector<Bead>& zh_en_beads, double ratio, double smoothing, std::size_t min_beads) {
  double sum = 0;
  std::size_t count = 0;
  for (const auto& bead : zh_en_beads) {
    if (bead.source.empty() || bead.target.empty()) continue;
    double zh_length = 0, en_length = 0;
    for (auto i : bead.source) zh_length += zh[i].length;
    for (auto j : bead.target) en_length += en[j].length;
    const double deviation = std::log((en_length + smoothing * ratio) / ((zh_length + smoothing) * ratio));
    sum += deviation * deviation;
    ++count;
  }
  if (count == 0 || count < min_beads) return 0.0;
  return std::sqrt(sum / static_cast<double>(count));
}

EndingFit ending_fit(const std::vector<SentenceFeatures>& zh, const std::vector<SentenceFeatures>& en,
                     const std::vector<Bead>& zh_en_beads, std::uint8_t classes) {
  EndingFit fit;
  std::array<std::size_t, 8> zh_classes{}, en_classes{};
  for (const auto& bead : zh_en_beads) {
    if (bead.source.empty() || bead.target.empty()) continue;
    const std::uint8_t zh_end = zh[bead.source.back()].ending & classes, en_end = en[bead.target.back()].ending & classes;
    ++fit.beads;
    for (std::uint8_t bit = 1; bit < 8; bit <<= 1) zh_classes[bit] += (zh_end & bit) ? 1 : 0, en_classes[bit] += (en_end & bit) ? 1 : 0;
    if (zh_end || en_end) ++fit.ending;
    if (zh_end & en_end) ++fit.alike;
  }
  for (std::uint8_t bit = 1; bit < 8; bit <<= 1)
    if (classes & bit) fit.chance += static_cast<double>(zh_classes[bit]) * static_cast<double>(en_classes[bit]);
  if (fit.beads > 0) fit.chance /= static_cast<double>(fit.beads);
  return fit;
}

}  // namespace tc
