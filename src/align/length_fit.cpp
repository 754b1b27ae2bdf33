#include "align/length_fit.h"

#include <array>
#include <cmath>

namespace tc {

double length_spread(const std::vector<SentenceFeatures>& zh, const std::vector<SentenceFeatures>& en,
                     const Path& zh_en_path, double ratio, double smoothing, std::size_t min_beads) {
  double sum = 0;
  std::size_t count = 0;
  std::size_t i0 = 0, j0 = 0;
  for (const PathStep& step : zh_en_path) {
    const std::size_t i1 = i0 + step.zh, j1 = j0 + step.en;
    if (step.zh == 0 || step.en == 0) {
      i0 = i1, j0 = j1;
      continue;
    }
    double zh_length = 0, en_length = 0;
    for (std::size_t i = i0; i < i1; ++i) zh_length += zh[i].length;
    for (std::size_t j = j0; j < j1; ++j) en_length += en[j].length;
    i0 = i1, j0 = j1;
    const double deviation = std::log((en_length + smoothing * ratio) / ((zh_length + smoothing) * ratio));
    sum += deviation * deviation;
    ++count;
  }
  if (count == 0 || count < min_beads) return 0.0;
  return std::sqrt(sum / static_cast<double>(count));
}

EndingFit ending_fit(const std::vector<SentenceFeatures>& zh, const std::vector<SentenceFeatures>& en,
                     const Path& zh_en_path, std::uint8_t classes) {
  EndingFit fit;
  std::array<std::size_t, 8> zh_classes{}, en_classes{};
  std::size_t i1 = 0, j1 = 0;  // the ends of the step
  for (const PathStep& step : zh_en_path) {
    i1 += step.zh, j1 += step.en;
    if (step.zh == 0 || step.en == 0) continue;
    const std::uint8_t zh_end = zh[i1 - 1].ending & classes, en_end = en[j1 - 1].ending & classes;
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
