#include "align/align.h"

#include <algorithm>
#include <cstdlib>
#include <array>
#include <bit>
#include <cmath>
#include <functional>
#include <limits>
#include <optional>
#include <unordered_map>
#include <utility>

#include "align/coarse.h"
#include "align/connectives.h"
#include "align/first_not_below.h"
#include "align/features.h"
#include "align/length_fit.h"
#include "align/lexicon.h"
#include "align/quote_turns.h"
#include "align/speakers.h"
#include "core/free_memory.h"
#include "segment/segment.h"

#if defined(__SSE__) || defined(__x86_64__)
#include <xmmintrin.h>
#endif
#if defined(__x86_64__)
#include <immintrin.h>
#endif

namespace tc {
namespace {

#if defined(__x86_64__)
// ChanceTable::fill_linear's sums eight tokens by eight lengths at a time
// (its SSE loop's, with eight lanes: the same products and differences, and
// each length's sum taken over the tokens in the same order, bit for bit;
// the more padding tokens add 0). entries: the row's lengths (from 1);
// groups: eight-token groups of step, weight and missed (their arrays padded).
__attribute__((target("avx2"))) void linear_sums_avx2(const float* step, const float* weight, float* missed,
                                                      std::size_t groups, float* row, int entries) {
  const __m256 one = _mm256_set1_ps(1.f);
  for (int k = 1; k < entries; k += 8) {
    __m256 sum = _mm256_setzero_ps();
    for (std::size_t g = 0; g < groups; ++g) {
      const __m256 st = _mm256_load_ps(&step[g * 8]), w = _mm256_load_ps(&weight[g * 8]);
      __m256 m = _mm256_load_ps(&missed[g * 8]);
      __m256 t[8];  // t[b]: the eight tokens' terms of length k + b
      for (std::size_t b = 0; b < 8; ++b) {
        m = _mm256_mul_ps(m, st);
        t[b] = _mm256_mul_ps(w, _mm256_sub_ps(one, m));
      }
      _mm256_store_ps(&missed[g * 8], m);
      // Transposed: u[q] holds token 8g + q's terms of the eight lengths.
      const __m256 a0 = _mm256_unpacklo_ps(t[0], t[1]), a1 = _mm256_unpackhi_ps(t[0], t[1]);
      const __m256 a2 = _mm256_unpacklo_ps(t[2], t[3]), a3 = _mm256_unpackhi_ps(t[2], t[3]);
      const __m256 a4 = _mm256_unpacklo_ps(t[4], t[5]), a5 = _mm256_unpackhi_ps(t[4], t[5]);
      const __m256 a6 = _mm256_unpacklo_ps(t[6], t[7]), a7 = _mm256_unpackhi_ps(t[6], t[7]);
      const __m256 b0 = _mm256_shuffle_ps(a0, a2, _MM_SHUFFLE(1, 0, 1, 0)), b1 = _mm256_shuffle_ps(a0, a2, _MM_SHUFFLE(3, 2, 3, 2));
      const __m256 b2 = _mm256_shuffle_ps(a1, a3, _MM_SHUFFLE(1, 0, 1, 0)), b3 = _mm256_shuffle_ps(a1, a3, _MM_SHUFFLE(3, 2, 3, 2));
      const __m256 b4 = _mm256_shuffle_ps(a4, a6, _MM_SHUFFLE(1, 0, 1, 0)), b5 = _mm256_shuffle_ps(a4, a6, _MM_SHUFFLE(3, 2, 3, 2));
      const __m256 b6 = _mm256_shuffle_ps(a5, a7, _MM_SHUFFLE(1, 0, 1, 0)), b7 = _mm256_shuffle_ps(a5, a7, _MM_SHUFFLE(3, 2, 3, 2));
      sum = _mm256_add_ps(sum, _mm256_permute2f128_ps(b0, b4, 0x20));
      sum = _mm256_add_ps(sum, _mm256_permute2f128_ps(b1, b5, 0x20));
      sum = _mm256_add_ps(sum, _mm256_permute2f128_ps(b2, b6, 0x20));
      sum = _mm256_add_ps(sum, _mm256_permute2f128_ps(b3, b7, 0x20));
      sum = _mm256_add_ps(sum, _mm256_permute2f128_ps(b0, b4, 0x31));
      sum = _mm256_add_ps(sum, _mm256_permute2f128_ps(b1, b5, 0x31));
      sum = _mm256_add_ps(sum, _mm256_permute2f128_ps(b2, b6, 0x31));
      sum = _mm256_add_ps(sum, _mm256_permute2f128_ps(b3, b7, 0x31));
    }
    alignas(32) float out[8];
    _mm256_store_ps(out, sum);
    for (int b = 0; b < 8 && k + b < entries; ++b) row[k + b] = out[b];
  }
}

bool has_avx2() {
  __builtin_cpu_init();
  return __builtin_cpu_supports("avx2");
}
#endif

// Bead shapes: (Chinese sentences, English sentences).
struct Shape {
  int zh;
  int en;
};
// A long Chinese sentence may become five or six short English ones in a free translation,
// and an English list joined by semicolons ("a; b; c") five or six Chinese
// clauses, which the segmenter splits at ；.
// A passage of three to six sentences left out of the translation, or added
// to it, is one gap: its sentences after the first cost less
// (AlignWeights::skip_extend). The path lists them one by one, as every
// sentence without counterpart. (Not two: a gap of two took a pair's two
// sentences that a quotation's marks kept apart, “嗐! / 我的老老...”, out
// of the two beads they belong to, on MAC-Dev as `check` splits it.)
constexpr std::array<Shape, 24> kShapes = {{{1, 1}, {1, 0}, {0, 1}, {1, 2}, {2, 1}, {1, 3}, {3, 1}, {2, 2},
                                             {1, 4}, {4, 1}, {2, 3}, {3, 2}, {1, 5}, {1, 6}, {5, 1}, {6, 1},
                                             {3, 0}, {0, 3}, {4, 0}, {0, 4}, {5, 0}, {0, 5}, {6, 0}, {0, 6}}};
constexpr int kMaxSpan = 6;  // sentences on one side of a bead
// The most Chinese sentences of a bead with b English ones (index b), and
// the most English of one with a Chinese ones (index a): a sentence's terms
// with b (a) sentences on the other side are read only by such beads.
constexpr std::array<std::size_t, kMaxSpan + 1> most_of_side(bool zh) {
  std::array<std::size_t, kMaxSpan + 1> most{};
  for (const Shape& shape : kShapes)
    if (shape.zh > 0 && shape.en > 0) {
      const auto [key, value] = zh ? std::pair{shape.en, shape.zh} : std::pair{shape.zh, shape.en};
      most[static_cast<std::size_t>(key)] = std::max(most[static_cast<std::size_t>(key)], static_cast<std::size_t>(value));
    }
  return most;
}
constexpr auto kMostZhOf = most_of_side(true), kMostEnOf = most_of_side(false);
// (Both fall as their index grows: the columns a term is read at shrink with it.)
static_assert([] {
  for (std::size_t k = 2; k <= kMaxSpan; ++k)
    if (kMostZhOf[k] > kMostZhOf[k - 1] || kMostEnOf[k] > kMostEnOf[k - 1] || kMostZhOf[k] == 0 || kMostEnOf[k] == 0) return false;
  return true;
}());
// Rows the search keeps of its scores and pair masks: those a bead can start
// from (a power of two, so a row's slot is a mask of its index).
constexpr std::size_t kRing = 8;
static_assert(kMaxSpan + 1 <= static_cast<int>(kRing));
constexpr float kHopelessLength = 40.f;
constexpr float kSmoothing = 4.f;  // added to a bead's lengths (in Chinese units) in the length term
constexpr std::size_t kLogTable = 1 << 16;
// Pairs up to this many cells are searched whole (a chapter of a few hundred sentences a side).
constexpr std::size_t kWholeSearchCells = 40'000;

// Chance coverage of a sentence's tokens as a function of the other side's
// length, tabulated on a log grid so the search does no exp() per bead.
constexpr int kGrid = 28;  // lengths 2^(k/2), k = 0..27: 1 .. ~11600
float grid_length(int k) { return std::exp2(static_cast<float>(k) / 2.f); }

// The rows of a side's sentences are computed when the search first asks for
// them and kept in a direct-mapped cache as wide as the band's window of
// sentences: the search walks the band forward, so each row is computed once
// per search, and memory follows the band's width, not the length of the text
// (a table of every sentence took 624 bytes a sentence, many times its text).
class ChanceTable {
 public:
  static constexpr int kLinear = 128;  // exact values for lengths 0..127
  static constexpr std::size_t kEmpty = static_cast<std::size_t>(-1);
  static constexpr int kLog2Table = 4096;  // 2 log2(length) of whole lengths below this, looked up
  // table: the side's token table (intern_side); twice_log2: twice_log2_table() (made once for a pair's searches).
  ChanceTable(const std::vector<SentenceFeatures>& side, const TokenTable& table, const std::vector<float>& twice_log2)
      : side_(&side), table_(&table), twice_log2_(twice_log2) {
    std::size_t tokens = 0;
    for (const auto& s : side) tokens += s.tokens.size();
    mean_tokens_ = side.empty() ? 0 : (tokens + side.size() - 1) / side.size();
    // (A memo no larger than the side's tokens: a short pair's searches do not clear 32 KB.)
    const std::size_t memo = std::bit_ceil(std::clamp<std::size_t>(tokens, 64, kExpMemoMax));
    exp_memo_.assign(memo, ExpEntry{});
    exp_shift_ = 32 - std::countr_zero(memo);
    window(1);
  }
  // 2 log2(k) for k < kLog2Table. (Lengths are sums of whole numbers: the
  // same values as log2 gives, without its cost at every lookup.)
  static std::vector<float> twice_log2_table() {
    std::vector<float> table(kLog2Table, 0.f);
    for (int k = 1; k < kLog2Table; ++k) table[static_cast<std::size_t>(k)] = 2.f * std::log2(static_cast<float>(k));
    return table;
  }
  // At most this many slots (320 KB): a band as wide as a lopsided pair's
  // (a thousand sentences where one side has text the other lacks) took the
  // next power of two, 2048 slots for 1,100 columns. Rows wider than this
  // fill their sentences' rows again (the same values; but every row of
  // them: 256 slots cost a lopsided pair a fifth more instructions, 1024 3%,
  // 512 another 1-3%; 1024 made the table the largest thing a lopsided pair
  // of MAC-Dev held, 0.8 MB of its 3.6, where a matched pair's band needs
  // fewer than 256).
  static constexpr std::size_t kMaxSlots = 512;
  // Room for any `width` consecutive sentences at once, up to kMaxSlots (before the first lookup).
  void window(std::size_t width) {
    const std::size_t slots = std::bit_ceil(std::max<std::size_t>(1, std::min({width, side_->size(), kMaxSlots})));
    mask_ = slots - 1;
    held_.assign(slots, kEmpty);
    rows_.assign(slots * kRow, 0.f);
    done_.assign(slots, 0);
    weights_.assign(std::bit_ceil(std::max(2 * kMaxTokens, 2 * slots * mean_tokens_)), 0.f);
    weights_from_.assign(slots, kEmpty);
    weights_head_ = 0;
  }
  // Where a length falls in a sentence's row (its exact lengths, then its
  // grid points): between entries at and at + 1, f of the way (at < 0: a
  // length of 0 or less, whose chance is 0). The same for every sentence: a
  // search looking up one length for many finds it once.
  struct Point {
    int at = -1;
    float f = 0.f;
  };
  Point point(float length) const {
    if (length <= 0) return {};
    if (length < kLinear - 1) {
      const int k = static_cast<int>(length);
      return {k, length - static_cast<float>(k)};
    }
    const bool whole = length < static_cast<float>(kLog2Table) && static_cast<float>(static_cast<int>(length)) == length;
    const float x = whole ? twice_log2_[static_cast<std::size_t>(length)] : 2.f * std::log2(length);
    const int k = std::min(kGrid - 2, static_cast<int>(x));
    return {kLinear + k, std::min(1.f, x - static_cast<float>(k))};
  }
  // (A row's entries are computed as lookups first need them: a sentence's
  // lookups mostly fall in a few grid points, or in its exact lengths only;
  // each entry's value is the same whenever it is computed.)
  [[gnu::always_inline]] float at(std::size_t sentence, Point point) const {
    if (point.at < 0) return 0.f;
    return at_slot(hold(sentence), point);
  }
  // The slot of `sentence`, taken for it if another held it: for lookups
  // with at_slot while no other sentence is looked up.
  std::size_t hold(std::size_t sentence) const {
    const std::size_t slot = sentence & mask_;
    if (held_[slot] != sentence) take(slot, sentence);
    return slot;
  }
  // The token weights of the sentence held in `slot`, read from the side's
  // table once where the search sums them again and again: into a ring of
  // about twice the window's sentences' tokens (a slot of kMaxTokens each
  // took a lopsided pair's band a quarter of a megabyte), valid until the
  // ring has come round past them.
  const float* weights_at(std::size_t slot) const {
    const std::size_t from = weights_from_[slot];
    if (from == kEmpty || weights_head_ - from > weights_.size()) return read_weights(slot);
    return &weights_[from & (weights_.size() - 1)];
  }
  [[gnu::always_inline]] float at_slot(std::size_t slot, Point point) const {
    if (point.at < 0) return 0.f;
    // The entries it needs: the exact lengths (all made at once), or two
    // grid points. (Which, chosen without a branch: along a search's row the
    // lengths cross kLinear back and forth, and a branch on it was
    // mispredicted about a third of the time.)
    const bool linear = point.at < kLinear;
    const std::uint32_t grid_points = std::uint32_t{3} << ((point.at - kLinear) & 31);
    const std::uint32_t need = linear ? kLinearDone : grid_points;
    if ((done_[slot] & need) != need) [[unlikely]] fill(slot, point.at);
    const float* row = &rows_[slot * kRow];
    return row[point.at] + (row[point.at + 1] - row[point.at]) * point.f;
  }
  float at(std::size_t sentence, float length) const { return at(sentence, point(length)); }

 private:
  [[gnu::noinline]] void take(std::size_t slot, std::size_t sentence) const {
    held_[slot] = sentence, done_[slot] = 0, weights_from_[slot] = kEmpty;
  }
  [[gnu::noinline]] void fill(std::size_t slot, int at) const {
    if (at < kLinear) fill_linear(slot);
    else fill_grid(slot, at - kLinear);
  }
  [[gnu::noinline]] const float* read_weights(std::size_t slot) const {
    const TokenWeights weights = table_->weights_of((*side_)[held_[slot]].tokens);
    const std::size_t tokens = std::min(weights.size(), kMaxTokens), size = weights_.size();
    // (A sentence's weights in one piece: one that would run past the ring's end starts at its start.)
    if ((weights_head_ & (size - 1)) + tokens > size) weights_head_ = (weights_head_ / size + 1) * size;
    weights_from_[slot] = weights_head_;
    float* out = &weights_[weights_head_ & (size - 1)];
    for (std::size_t t = 0; t < tokens; ++t) out[t] = weights[t];
    weights_head_ += tokens;
    return out;
  }
  // std::exp(x), remembered by x's bits in a direct-mapped memo: the grid's
  // arguments repeat (a rate is its id's on the English side, and every
  // token offering nothing has the same one), and the same argument gives
  // the same value, bit for bit.
  float exp_of(float x) const {
    const std::uint32_t bits = std::bit_cast<std::uint32_t>(x);
    const std::size_t at = (bits * 0x9E3779B1u) >> exp_shift_;
    ExpEntry& entry = exp_memo_[at];
    if (entry.bits != bits) [[unlikely]] entry = {bits, std::exp(x)};
    return entry.value;
  }
  // Grid points k and k + 1 of the sentence in `slot`.
  [[gnu::noinline]] void fill_grid(std::size_t slot, int k) const {
    const std::size_t s = held_[slot];
    const std::span<const float> weights(weights_at(slot), std::min((*side_)[s].tokens.size(), kMaxTokens));
    const Tokens& tokens = (*side_)[s].tokens;
    // (The rates held by the tokens, or read from the table: each its own loop.)
    auto fill = [&](const auto& rates) {
      auto chance = [&](float length) {
        float sum = 0;
        for (std::size_t t = 0; t < weights.size(); ++t)
          sum += weights[t] * (1.f - exp_of(-rates[t] * length));
        return sum;
      };
      for (int point = k; point <= k + 1; ++point)
        if (!(done_[slot] >> point & 1)) {
          rows_[slot * kRow + kLinear + static_cast<std::size_t>(point)] = chance(grid_length(point));
          done_[slot] |= std::uint32_t{1} << point;
        }
    };
    if (table_->rates.empty()) fill(tokens.rates());
    else fill(TokenWeights(tokens.positions(), table_->rates.data()));
  }
  // The exact lengths of the sentence in `slot` (the whole row: a sentence
  // whose lookups reach them mostly reaches most of them; carrying a part
  // row on took a state of kMaxTokens floats a slot).
  void fill_linear(std::size_t slot) const {
    const std::size_t s = held_[slot];
    const float* weights = weights_at(slot);
    const TokenRates rates = table_->rates_of((*side_)[s].tokens);
    // Integer lengths: exp(-r k) by repeated multiplication, not one exp() per entry.
    // Each length's sum runs over the tokens in token order (as ever).
    float* row = &rows_[slot * kRow];
    const std::size_t tokens = std::min((*side_)[s].tokens.size(), kMaxTokens);
    row[0] = 0.f;
#if defined(__x86_64__)
    if (avx2_) {
      static_assert(kMaxTokens % 8 == 0);
      const std::size_t groups8 = (tokens + 7) / 8;
      alignas(32) std::array<float, kMaxTokens> step{}, weight{}, missed{};
      for (std::size_t t = 0; t < groups8 * 8; ++t) {
        step[t] = t < tokens ? exp_of(-rates[t]) : 1.f;
        weight[t] = t < tokens ? weights[t] : 0.f;
        missed[t] = 1.f;
      }
      linear_sums_avx2(step.data(), weight.data(), missed.data(), groups8, row, kLinear);
      done_[slot] |= kLinearDone;
      return;
    }
#endif
#if defined(__SSE__) || defined(__x86_64__)
    // Four tokens by four lengths at a time: each token's powers run side by
    // side in one register, a transpose turns them into four lengths' terms,
    // added to the four lengths' sums token after token. The tokens are
    // padded to a multiple of four with weight 0 and step 1, whose terms are
    // 0 (adding 0 leaves a sum as it was): the same sums, bit for bit.
    const std::size_t groups = (tokens + 3) / 4;
    alignas(16) std::array<float, kMaxTokens> step{}, weight{}, missed{};
    for (std::size_t t = 0; t < groups * 4; ++t) {
      step[t] = t < tokens ? exp_of(-rates[t]) : 1.f;
      weight[t] = t < tokens ? weights[t] : 0.f;
      missed[t] = 1.f;
    }
    const __m128 one = _mm_set1_ps(1.f);
    for (int k = 1; k < kLinear; k += 4) {
      __m128 sum = _mm_setzero_ps();
      for (std::size_t g = 0; g < groups; ++g) {
        const __m128 st = _mm_load_ps(&step[g * 4]), w = _mm_load_ps(&weight[g * 4]);
        __m128 m = _mm_load_ps(&missed[g * 4]);
        m = _mm_mul_ps(m, st);
        __m128 t0 = _mm_mul_ps(w, _mm_sub_ps(one, m));
        m = _mm_mul_ps(m, st);
        __m128 t1 = _mm_mul_ps(w, _mm_sub_ps(one, m));
        m = _mm_mul_ps(m, st);
        __m128 t2 = _mm_mul_ps(w, _mm_sub_ps(one, m));
        m = _mm_mul_ps(m, st);
        __m128 t3 = _mm_mul_ps(w, _mm_sub_ps(one, m));
        _mm_store_ps(&missed[g * 4], m);
        _MM_TRANSPOSE4_PS(t0, t1, t2, t3);  // t0: token 4g's terms of the four lengths, ...
        sum = _mm_add_ps(sum, t0);
        sum = _mm_add_ps(sum, t1);
        sum = _mm_add_ps(sum, t2);
        sum = _mm_add_ps(sum, t3);
      }
      alignas(16) float out[4];
      _mm_store_ps(out, sum);
      for (int b = 0; b < 4 && k + b < kLinear; ++b) row[k + b] = out[b];
    }
#else
    std::array<float, kMaxTokens> step{}, missed{};
    for (std::size_t t = 0; t < tokens; ++t) step[t] = exp_of(-rates[t]), missed[t] = 1.f;
    for (int k = 1; k < kLinear; ++k) {
      float sum = 0.f;
      for (std::size_t t = 0; t < tokens; ++t) {
        missed[t] *= step[t];
        sum += weights[t] * (1.f - missed[t]);
      }
      row[k] = sum;
    }
#endif
    done_[slot] |= kLinearDone;
  }
  const std::vector<SentenceFeatures>* side_ = nullptr;
  const TokenTable* table_ = nullptr;  // the side's token weights and rates
#if defined(__x86_64__)
  bool avx2_ = has_avx2();  // fill_linear's eight-lane sums
#endif
  std::size_t mask_ = 0;
  // A cache behind a const lookup: the search's scores are const queries.
  mutable std::vector<std::size_t> held_;  // sentence in each slot, or kEmpty
  // A slot's row: its sentence's chance at the exact lengths 0..kLinear - 1,
  // then at the kGrid grid points.
  static constexpr std::size_t kRow = kLinear + kGrid;
  mutable std::vector<float> rows_;
  // Per slot, the entries of its row computed: a bit per grid point, and
  // kLinearDone once the exact lengths are.
  static constexpr std::uint32_t kLinearDone = std::uint32_t{1} << 31;
  static_assert(kGrid <= 31);
  mutable std::vector<std::uint32_t> done_;
  std::size_t mean_tokens_ = 0;            // tokens per sentence of the side, rounded up
  mutable std::vector<float> weights_;     // the ring of weights (a power of two, at least 2 kMaxTokens)
  mutable std::vector<std::size_t> weights_from_;  // where each slot's weights start, counted from the ring's first use (kEmpty: not read)
  mutable std::size_t weights_head_ = 0;   // floats the ring has been given
  const std::vector<float>& twice_log2_;   // 2 log2(k) for k < kLog2Table
  // exp_of's memo: an argument's bits and its exp() side by side (key 0 is +0.0, whose exp is 1).
  struct ExpEntry {
    std::uint32_t bits = 0;
    float value = 1.f;
  };
  // (x1's exp() calls in the tables: 579k without it, 67k with 4096 entries.)
  static constexpr std::size_t kExpMemoMax = 4096;
  mutable std::vector<ExpEntry> exp_memo_;  // a power of two entries
  int exp_shift_ = 32;                      // 32 - log2 of its size: the hash's top bits index it
};

struct PairMasks {
  std::uint64_t en = 0;  // English tokens covered by the Chinese sentence
  std::uint64_t zh = 0;  // Chinese tokens covered by the English sentence
};

// The English side's tokens by the vocabulary positions of their ids, made
// once for a pair and shared by its searches (each made them again, a
// vocabulary search per token).
struct EnglishIndex {
  // The English sentences whose tokens need each id, by its position in the
  // vocabulary: their sentence and token bit, by sentence. (Postings of the
  // vocabulary position p: [postings_start[p], postings_start[p + 1]).)
  std::vector<std::uint32_t> postings_start;
  std::vector<std::uint32_t> posting_sentence;
  std::vector<std::uint8_t> posting_token;
  // (Not by sentence as well: Search::pair_masks reads a sentence's tokens,
  // and a copy of every English token's position held five bytes a token.)
};

// vocabulary_size: that of the vocabulary the sentences' offers index; the
// English tokens are interned (intern_side): their ids are positions in it.
EnglishIndex index_english(const std::vector<SentenceFeatures>& en, std::size_t vocabulary_size) {
  EnglishIndex index;
  // English tokens are far fewer than the ids Chinese words offer: index
  // those, by the id's position in the vocabulary (counted, then filled in
  // sentence order).
  index.postings_start.assign(vocabulary_size + 1, 0);
  for (std::size_t j = 0; j < en.size(); ++j) {
    const auto ids = en[j].tokens.positions(), alt_ids = en[j].tokens.alt_positions();
    for (std::size_t k = 0; k < ids.size() && k < kMaxTokens; ++k)
      for (const std::uint32_t found : {ids[k], alt_ids[k]})
        if (found) ++index.postings_start[found];
  }
  for (std::size_t p = 1; p < index.postings_start.size(); ++p) index.postings_start[p] += index.postings_start[p - 1];
  index.posting_sentence.resize(index.postings_start.back());
  index.posting_token.resize(index.postings_start.back());
  std::vector<std::uint32_t> next(index.postings_start.begin(), index.postings_start.end() - 1);
  // (In sentence order, and within one by token, then id before alternative id, as ever.)
  for (std::size_t j = 0; j < en.size(); ++j) {
    const auto ids = en[j].tokens.positions(), alt_ids = en[j].tokens.alt_positions();
    for (std::size_t k = 0; k < ids.size() && k < kMaxTokens; ++k)
      for (const std::uint32_t found : {ids[k], alt_ids[k]})
        if (found) {
          index.posting_sentence[next[found - 1]] = static_cast<std::uint32_t>(j);
          index.posting_token[next[found - 1]++] = static_cast<std::uint8_t>(k);
        }
  }
  return index;
}

// The beads of a path and their scores (confidence, 0..1): 12 bytes a bead
// while the aligner works, where a Bead's two vectors of indices took about
// 110 (on short sentences the beads were most of what it held); the beads
// are made at the end, once the sentences' features are freed.
struct ScoredPath {
  Path steps;
  std::vector<float> scores;
  std::size_t size() const { return steps.size(); }
};

// The path with each step split(step, score, i0, j0, first, second) says to
// split (returning true; i0, j0: its first sentences) made two steps.
template <class Split>
ScoredPath split_steps(ScoredPath path, Split split) {
  ScoredPath out;
  out.steps.reserve(path.size() + path.size() / 64 + 4);
  out.scores.reserve(path.size() + path.size() / 64 + 4);
  std::size_t i0 = 0, j0 = 0;
  for (std::size_t k = 0; k < path.size(); ++k) {
    const PathStep step = path.steps[k];
    std::pair<PathStep, float> first, second;
    if (split(step, path.scores[k], i0, j0, first, second)) {
      out.steps.push_back(first.first), out.scores.push_back(first.second);
      out.steps.push_back(second.first), out.scores.push_back(second.second);
    } else {
      out.steps.push_back(step), out.scores.push_back(path.scores[k]);
    }
    i0 += step.zh, j0 += step.en;
  }
  return out;
}

// What every search over a pair reads of its sentences (Search::make_tables).
struct SearchTables {
  std::vector<float> zh_norm, en_norm;                // each sentence's total token weight (plus 1) to the power -normalise
  std::vector<std::uint32_t> zh_length, en_length;    // prefix sums of sentence lengths
  std::vector<double> zh_log, en_log;                 // see Search::length_term
  // Search::span_table of each side (empty for a side without quotations).
  std::vector<std::uint8_t> zh_spans, en_spans;
  std::vector<float> twice_log2;                      // ChanceTable::twice_log2_table
};

// The search: rows are Chinese prefixes (0..n), columns English prefixes
// (0..m); row i holds columns [lo[i], hi[i]].
class Search {
 public:
  // ratio: English length per Chinese length in the translated parts of the pair.
  // index: index_english of the English side (interned: its tokens' ids are
  // positions in the vocabulary the sentences' offers index).
  // tables: make_tables(zh, en, token_tables, weights.normalise, ratio), shared by the pair's searches;
  // token_tables: the sides' token tables (intern_side).
  Search(const std::vector<SentenceFeatures>& zh, const std::vector<SentenceFeatures>& en, const TokenPools& token_tables,
         const AlignWeights& weights, float ratio, const EnglishIndex& index, const SearchTables& tables)
      : zh_(zh), en_(en), zh_table_(token_tables.zh), en_table_(token_tables.en), w_(weights),
        zh_chance_(zh, token_tables.zh, tables.twice_log2), en_chance_(en, token_tables.en, tables.twice_log2), ratio_(ratio),
        zh_norm_(tables.zh_norm), en_norm_(tables.en_norm), zh_length_(tables.zh_length), en_length_(tables.en_length),
        zh_log_(tables.zh_log), en_log_(tables.en_log), zh_spans_(tables.zh_spans), en_spans_(tables.en_spans), index_(index) {
    lexical_ = static_cast<float>(w_.lexical);
    orphan_ = static_cast<float>(w_.orphan);
    quotes_ = static_cast<float>(w_.quotes);
    quote_presence_ = static_cast<float>(w_.quote_presence);
    paragraph_ = static_cast<float>(w_.paragraph);
    for (std::size_t s = 0; s < kShapes.size(); ++s) {
      const auto a = static_cast<std::size_t>(kShapes[s].zh), b = static_cast<std::size_t>(kShapes[s].en);
      shape_penalty_[s] = merge_penalty(a, b, false);
      narration_penalty_[s] = merge_penalty(a, b, true);
      least_penalty_[s] = std::min(shape_penalty_[s], narration_penalty_[s]);
    }
    // The bound leaves out terms that only lower a score; it holds while they do.
    can_prune_ = w_.lexical >= 0 && w_.chance >= 0 && w_.orphan >= 0 && w_.quotes >= 0 && w_.quote_presence >= 0 &&
                 w_.paragraph >= 0 && w_.length >= 0;
    // Quotation marks count only when both sides quote (a translation may render speech without them).
    auto quoting = [](const std::vector<SentenceFeatures>& side) {
      return std::count_if(side.begin(), side.end(), [](const auto& s) { return s.quote_opens || s.quote_closes; });
    };
    use_quotes_ = w_.quotes > 0 && quoting(zh) * 20 >= static_cast<std::ptrdiff_t>(zh.size()) &&
                  quoting(en) * 20 >= static_cast<std::ptrdiff_t>(en.size()) && !zh.empty() && !en.empty();
    // Speech likewise: only when both sides have some (a side that never quotes renders speech without marks).
    auto speaking = [](const std::vector<SentenceFeatures>& side) {
      return std::count_if(side.begin(), side.end(), [](const auto& s) { return s.speech; });
    };
    use_speech_ = w_.quote_presence > 0 && speaking(zh) * 20 >= static_cast<std::ptrdiff_t>(zh.size()) &&
                  speaking(en) * 20 >= static_cast<std::ptrdiff_t>(en.size()) && !zh.empty() && !en.empty();
    endings_ = static_cast<float>(w_.endings);
    closing_ = static_cast<float>(w_.closing);
    connectives_weight_ = static_cast<float>(w_.connectives);
  }

  // The tables of the pair's sentences a search reads (the same for all of
  // its searches: each made them again). normalise: AlignWeights::normalise;
  // ratio: as the searches'.
  static SearchTables make_tables(const std::vector<SentenceFeatures>& zh, const std::vector<SentenceFeatures>& en,
                                  const TokenPools& token_tables, double normalise, float ratio) {
    SearchTables tables;
    auto norms = [&](const std::vector<SentenceFeatures>& side, const TokenTable& table, std::vector<float>& out) {
      out.reserve(side.size());
      for (const auto& s : side) {
        float total = 1;
        for (float w : table.weights_of(s.tokens)) total += w;
        out.push_back(std::pow(total, -static_cast<float>(normalise)));
      }
    };
    norms(zh, token_tables.zh, tables.zh_norm);
    norms(en, token_tables.en, tables.en_norm);
    // (Lengths are whole numbers, and the texts under 2 GB: their sums are
    // held exactly in 32 bits, half the room of doubles, every sentence's.)
    auto lengths = [](const std::vector<SentenceFeatures>& side, std::vector<std::uint32_t>& prefix) {
      prefix.assign(side.size() + 1, 0);
      for (std::size_t k = 0; k < side.size(); ++k) prefix[k + 1] = prefix[k] + static_cast<std::uint32_t>(side[k].length);
    };
    lengths(zh, tables.zh_length);
    lengths(en, tables.en_length);
    // log(en + s r) and log((zh + s) r) for lengths up to the longest six sentences (at most kLogTable).
    auto log_table = [&](const std::vector<SentenceFeatures>& side, bool english, std::vector<double>& table) {
      std::vector<float> lengths;
      for (const auto& sentence : side) lengths.push_back(sentence.length);
      const std::size_t span = std::min<std::size_t>(kMaxSpan, lengths.size());
      std::partial_sort(lengths.begin(), lengths.begin() + static_cast<std::ptrdiff_t>(span), lengths.end(), std::greater<>());
      double longest = 0;
      for (std::size_t k = 0; k < span; ++k) longest += lengths[k];
      table.resize(static_cast<std::size_t>(std::min<double>(longest + 1, kLogTable)));
      for (std::size_t x = 0; x < table.size(); ++x)
        table[x] = english ? std::log(static_cast<double>(x) + kSmoothing * ratio) : std::log((static_cast<double>(x) + kSmoothing) * ratio);
    };
    log_table(zh, false, tables.zh_log);
    log_table(en, true, tables.en_log);
    tables.zh_spans = span_table(zh);
    tables.en_spans = span_table(en);
    tables.twice_log2 = ChanceTable::twice_log2_table();
    return tables;
  }

  // The leads' reward (speakers.h), from here on (null: none).
  void set_speakers(const Speakers* speakers) { speakers_ = speakers; }
  // The sentences' connectives (connectives.h), rewarded from here on (null: none).
  void set_connectives(const Connectives* connectives) { connectives_ = connectives; }

  // From here on the beads a run finds are scored only as far as
  // free_translation reads them (see evidence), not by confidence: for a
  // path that is searched again (its beads are then scored by score_beads
  // only when it is not).
  void evidence_only() { evidence_only_ = true; }

  // From here on the beads a run finds are left unscored (kUnscored), for
  // join_crossed_near_path to score those it keeps as it walks the path
  // (the same scores: both read the pairs' masks within their bands, which
  // hold every pair of the path's beads). The traceback here walks the path
  // backwards and the joins forwards: each made every row's offers again.
  void scores_later() { scores_later_ = true; }
  static constexpr float kUnscored = std::numeric_limits<float>::quiet_NaN();

  // Scores the beads (found by a search over these sides) by confidence.
  void score_beads(ScoredPath& path) {
    clear_mask_rows();
    std::size_t i = 0, j = 0;
    for (std::size_t k = 0; k < path.size(); ++k) {
      const std::size_t a = path.steps[k].zh, b = path.steps[k].en;
      if (a > 0 && b > 0) path.scores[k] = confidence(i, i + a, j, j + b);
      i += a;
      j += b;
    }
  }

  // Every cell: for pairs small enough that a band would save little.
  void whole() {
    band_.lo.assign(zh_.size() + 1, 0);
    band_.hi.assign(zh_.size() + 1, static_cast<std::uint32_t>(en_.size()));
    full_ = true;
  }

  // A band of half width `margin` around a path (a guide, or a previous pass).
  void path_band(const Path& path, std::size_t margin) {
    band_ = band_around(path, zh_.size(), en_.size(), margin);
    full_ = false;
  }

  // Cells in the band.
  std::size_t cells() const { return band_.cells(); }

  // The score of the path the last run found.
  float path_score() const { return path_score_; }

  // Forgets the touches of the last run where `path` leaves a sentence of
  // either side without counterpart: there one side has text the other
  // lacks (a pair cut at different points), the best path only spreads the
  // other side's sentences over it, and a wider band lets it spread further
  // at the cost of another run. Returns whether touches remain.
  bool keep_touches_where_paired(const Path& path) {
    const std::size_t n = zh_.size(), m = en_.size();
    std::vector<bool> zh_alone(n, false), en_alone(m, false);
    std::size_t i = 0, j = 0;
    for (const PathStep& step : path) {
      if (step.en == 0)
        for (std::size_t k = i; k < i + step.zh; ++k) zh_alone[k] = true;
      if (step.zh == 0)
        for (std::size_t k = j; k < j + step.en; ++k) en_alone[k] = true;
      i += step.zh, j += step.en;
    }
    auto alone = [](const std::vector<bool>& side, std::size_t k) {
      return !side.empty() && (side[std::min(k, side.size() - 1)] || (k > 0 && side[std::min(k, side.size()) - 1]));
    };
    std::size_t kept = 0;
    for (std::size_t k = 0; k < touched_rows_.size(); ++k)
      if (!alone(zh_alone, touched_rows_[k]) && !alone(en_alone, touched_columns_[k]))
        touched_rows_[kept] = touched_rows_[k], touched_columns_[kept++] = touched_columns_[k];
    touched_rows_.resize(kept);
    touched_columns_.resize(kept);
    return kept > 0;
  }

  // Widens the band to half width `margin` around the path, but only near
  // the rows where the last run's best path touched its edge: elsewhere the
  // path lay well inside, and a wider band would cost without changing it.
  void widen_where_touched(const Path& path, std::size_t margin) {
    const std::size_t n = zh_.size();
    const Band wide = band_around(path, n, en_.size(), margin);
    const std::size_t reach = 2 * margin;
    std::size_t next = 0;  // rows below this are widened already
    for (const std::size_t row : touched_rows_) {
      for (std::size_t r = std::max(next, row >= reach ? row - reach : 0); r <= std::min(n, row + reach); ++r)
        band_.lo[r] = std::min(band_.lo[r], wide.lo[r]), band_.hi[r] = std::max(band_.hi[r], wide.hi[r]);
      next = std::max(next, std::min(n, row + reach) + 1);
    }
    // Keep the band monotone (it only grows, so every cell stays reachable).
    for (std::size_t r = 1; r <= n; ++r) band_.hi[r] = std::max(band_.hi[r], band_.hi[r - 1]);
    for (std::size_t r = n; r-- > 0;) band_.lo[r] = std::min(band_.lo[r], band_.lo[r + 1]);
  }

  // Runs the search inside the current band; returns false when the best
  // path touched the band's edge (so a wider band may find a better one).
  bool run(ScoredPath& out) {
    const std::size_t n = zh_.size(), m = en_.size();
    const bool full = full_;
    // A bead ending in row i reads the sentences of rows i-kMaxSpan..i-1 and
    // of columns lo[i-kMaxSpan]..hi[i]-1.
    std::size_t en_window = 1;
    for (std::size_t i = 0; i <= n; ++i) en_window = std::max<std::size_t>(en_window, band_.hi[i] - band_.lo[i >= kMaxSpan ? i - kMaxSpan : 0] + 1);
    en_chance_.window(en_window);
    zh_chance_.window(kMaxSpan + 1);
    clear_mask_rows();
    posting_cursor_.resize(index_.postings_start.size() - 1);
    for (std::size_t p = 0; p + 1 < index_.postings_start.size(); ++p) posting_cursor_[p] = {index_.postings_start[p], index_.postings_start[p + 1]};
    // The English columns' span entries, over the columns row i's beads and
    // the mask row built for it read: [lo[i - 1], hi[i + kMaxSpan - 1]].
    std::size_t columns = 1;
    for (std::size_t r = 0; r <= n; ++r) columns = std::max<std::size_t>(columns, band_.hi[std::min(n, r + kMaxSpan)] - band_.lo[r] + 1);
    const std::size_t slots = std::bit_ceil(std::min(columns, m + 1));
    en_column_log_.assign(slots * kMaxSpan, 0.0);
    en_column_span_.assign(slots * kMaxSpan, 0);
    en_column_point_.assign(slots * kMaxSpan, {});
    en_column_mask_ = slots - 1;
    en_columns_end_ = 0;
    // Back pointers (shape index) of every cell, row after row, a byte a
    // cell; scores only of the rows a bead can start from (a ring of
    // kMaxSpan + 1 rows).
    static_assert(kShapes.size() < 0x80);
    // (Rows' first cells are summed as the rows are walked, forwards here and
    // backwards in the traceback: a table of them took 8 bytes a row.)
    const std::size_t total_cells = cells();
    std::vector<std::uint8_t> back(total_cells, 0);
    const auto back_at = [&](std::size_t cell) { return back[cell]; };
    // evidence_only: whether the best bead ending at each cell shares
    // anything, a bit a cell, read off the mask rows while they are held
    // (the traceback's evidence read them off each row's offers again).
    std::vector<std::uint64_t> shares(evidence_only_ ? total_cells / 64 + 1 : 0, 0);
    std::array<std::vector<float>, kRing> score;
    auto score_row = [&](std::size_t row) -> std::vector<float>& { return score[row & (kRing - 1)]; };
    constexpr float kNone = -std::numeric_limits<float>::infinity();
    struct StartRow {
      const float* score = nullptr;
      std::size_t lo = 0, width = 0;  // lo: the row's first column plus the shape's English sentences
    };
    std::array<StartRow, kShapes.size()> from{};
    path_score_ = 0.f;
    std::size_t row_cell = 0;  // row i's first cell
    for (std::size_t i = 0; i <= n; row_cell += band_.width(i++)) {
      fill_span_entries(i);
      if (i > 0) build_mask_row(i - 1);
      if (i > 0) build_en_terms(i);
      if (can_prune_) prepare_upper_rows(i);
      std::vector<float>& row_score = score_row(i);
      row_score.assign(band_.width(i), kNone);
      if (i == 0) row_score[0 - band_.lo[0]] = 0.f;
      // Each shape's beads start in row i - a: its scores, first column and
      // width (none when a > i). A column's offset from its first column
      // wraps past the width when it lies before it.
      for (std::size_t s = 0; s < kShapes.size(); ++s) {
        const std::size_t a = static_cast<std::size_t>(kShapes[s].zh);
        from[s] = a > i ? StartRow{} : StartRow{score_row(i - a).data(), band_.lo[i - a] + static_cast<std::size_t>(kShapes[s].en), band_.width(i - a)};
      }
      for (std::size_t j = band_.lo[i]; j <= band_.hi[i]; ++j) {
        if (i == 0 && j == 0) continue;
        float best = kNone;
        std::uint8_t best_shape = 0xFF;
        if (can_prune_) upper_sums(i, j);
        // Every bead pairing sentences that ends here ends in the same two sentences.
        const float ends = ending_reward(i, j);
        // Each shape in order (a later one wins only by scoring higher), its sizes constants.
        auto shape = [&]<std::size_t s>() {
          constexpr std::size_t a = static_cast<std::size_t>(kShapes[s].zh), b = static_cast<std::size_t>(kShapes[s].en);
          const std::size_t at = j - from[s].lo;  // pj - band_.lo[pi]
          if (at >= from[s].width) return;
          const float previous = from[s].score[at];
          if (previous == kNone) return;
          // A bead that cannot beat the best so far even with its best coverage is not scored.
          float total;
          if constexpr (a == 0 || b == 0) {
            total = previous + skip_score(a + b);
          } else {
            // The bead's best coverage: each sentence's by the sentences a
            // bead ending here can hold (bead_score's other terms only lower it).
            const float most = can_prune_ ? lexical_ * (en_upper_sum_[b] + zh_upper_sum_[a]) * (1.f + 1e-5f) - least_penalty_[s] + ends + 1e-3f : 0.f;
            if (can_prune_ && previous + most <= best) return;
            const float length = span_length_term(i, a, j, b);
            // The same with the length term (a hopeless length is scored apart).
            if (can_prune_ && length <= kHopelessLength && previous + (most - length) <= best) return;
            total = previous + (bead_score(i - a, i, j - b, j, s, length) + ends);
          }
          if (total > best) best = total, best_shape = static_cast<std::uint8_t>(s);
        };
        [&]<std::size_t... S>(std::index_sequence<S...>) { (shape.template operator()<S>(), ...); }(std::make_index_sequence<kShapes.size()>{});
        row_score[j - band_.lo[i]] = best;
        // (A cell no bead reaches, best_shape 0xFF, is never traced back to: see below.)
        const std::size_t cell = row_cell + (j - band_.lo[i]);
        back[cell] = best_shape;
        if (evidence_only_ && best_shape != 0xFF) {
          const auto a = static_cast<std::size_t>(kShapes[best_shape].zh), b = static_cast<std::size_t>(kShapes[best_shape].en);
          if (a > 0 && b > 0 && shares_any(i - a, i, j - b, j)) shares[cell / 64] |= std::uint64_t{1} << (cell % 64);
        }
      }
    }
    path_score_ = score_row(n)[m - band_.lo[n]];
    // Trace back. Every cell a bead of the path starts from is reached (its
    // score is finite), so only the last cell can be one no bead reaches.
    out.steps.clear();
    out.scores.clear();
    touched_rows_.clear();
    touched_columns_.clear();
    if (path_score_ == kNone) return false;  // unreachable; cannot happen with 1-0 and 0-1 beads
    // Whether the path's cell (i, j) touches the band's edge.
    const auto touches = [&](std::size_t i, std::size_t j) {
      return !full && ((band_.lo[i] > 0 && j <= band_.lo[i] + 1) || (band_.hi[i] < m && j + 1 >= band_.hi[i]));
    };
    // The path's shapes, a byte a bead (with kShares: whether it shares
    // anything), walked back from the last cell and then reversed, so that
    // the back pointers are freed before the steps and their scores are made
    // at their size (12 bytes a bead: all held at once, or grown by
    // doubling, were the search's peak on short sentences).
    constexpr std::uint8_t kShares = 0x80;
    std::vector<std::uint8_t> traced;
    std::size_t touch_count = 0;
    BandCellsBackward cell_of(band_, total_cells);
    for (std::size_t i = n, j = m; i > 0 || j > 0;) {
      const std::size_t cell = cell_of(i, j);
      const std::uint8_t s = back_at(cell);
      const bool shared = evidence_only_ && (shares[cell / 64] >> (cell % 64) & 1);
      traced.push_back(static_cast<std::uint8_t>(s | (shared ? kShares : 0)));
      touch_count += touches(i, j) ? 1 : 0;
      i -= static_cast<std::size_t>(kShapes[s].zh), j -= static_cast<std::size_t>(kShapes[s].en);
    }
    std::reverse(traced.begin(), traced.end());
    std::vector<std::uint8_t>().swap(back);
    std::vector<std::uint64_t>().swap(shares);
    out.steps.reserve(traced.size());
    out.scores.reserve(traced.size());
    // (On repetitive text nearly every bead touches the edge.)
    touched_rows_.reserve(touch_count);
    touched_columns_.reserve(touch_count);
    std::size_t i = 0, j = 0;
    for (const std::uint8_t shape : traced) {
      const Shape& traced_shape = kShapes[shape & ~kShares];
      // A gap of several sentences is listed a sentence at a time, as every bead without counterpart is.
      const bool gap = traced_shape.zh == 0 || traced_shape.en == 0;
      const std::size_t a = gap ? std::min(traced_shape.zh, 1) : static_cast<std::size_t>(traced_shape.zh);
      const std::size_t b = gap ? std::min(traced_shape.en, 1) : static_cast<std::size_t>(traced_shape.en);
      for (int k = gap ? traced_shape.zh + traced_shape.en : 1; k > 0; --k) {
        out.steps.push_back({static_cast<std::uint32_t>(a), static_cast<std::uint32_t>(b)});
        out.scores.push_back(scores_later_    ? kUnscored
                             : evidence_only_ ? evidence(i, i + a, j, j + b, (shape & kShares) != 0)
                                              : confidence(i, i + a, j, j + b));
        i += a;
        j += b;
      }
      if (touches(i, j)) touched_rows_.push_back(static_cast<std::uint32_t>(i)), touched_columns_.push_back(static_cast<std::uint32_t>(j));
    }
    return full || touched_rows_.empty();
  }

 private:
  // Columns whose pairs with row i beads ending in rows i+1..i+kMaxSpan can use: [first, last).
  std::pair<std::size_t, std::size_t> mask_columns(std::size_t i) const {
    const std::size_t n = zh_.size(), m = en_.size();
    const std::size_t first = band_.lo[i] >= kMaxSpan ? band_.lo[i] - kMaxSpan : 0;
    const std::size_t last = std::min<std::size_t>(m, band_.hi[std::min(n, i + kMaxSpan)]);
    return {first, std::max(first, last)};
  }

  void clear_mask_rows() {
    mask_row_.fill(kNoRow);
    en_terms_row_ = kNoRow;
  }

  // The masks of row i for the search, from the inverted index: for each id
  // the Chinese sentence offers, the English sentences in its range that need
  // it (far cheaper than testing every pair). Only the last kRing rows are
  // kept: a bead reaches no further back.
  void build_mask_row(std::size_t i) {
    const std::size_t slot = i & (kRing - 1);
    // Not a structured binding: the lambda below captures them (clang 14 can't).
    const auto columns = mask_columns(i);
    const std::size_t first = columns.first, end = columns.second;
    mask_row_[slot] = i;
    mask_lo_[slot] = first;
    std::vector<PairMasks>& row = mask_rows_[slot];
    row.assign(end - first, {});
    if (first < end)
      zh_[i].offers.for_each_position([&](std::uint32_t position, std::uint64_t zh_bits) {
        const auto& sentences = index_.posting_sentence;
        PostingCursor& cursor = posting_cursor_[position];
        const auto last = sentences.begin() + cursor.end;
        std::uint32_t next = cursor.next;
        while (next < cursor.end && sentences[next] < first) ++next;
        cursor.next = next;
        for (auto it = sentences.begin() + next; it != last && *it < end; ++it) {
          PairMasks& pm = row[*it - first];
          pm.en |= std::uint64_t{1} << index_.posting_token[static_cast<std::size_t>(it - sentences.begin())];
          pm.zh |= zh_bits;
        }
      });
    // The sentence's part of the lexical score of each bead ending at a
    // column j in [band_.lo[i], end] with b English sentences (zh_term), and the most
    // its tokens can be covered by any of them (zh_upper_).
    // (From band_.lo[i + 1]: the beads reading them end in rows i + 1 on, at columns band_.lo[i + 1] on.)
    const std::size_t lo = std::min<std::size_t>(band_.lo[std::min(zh_.size(), i + 1)], end);
    zh_terms_lo_[slot] = lo;
    std::vector<float>& terms = zh_terms_[slot];
    std::vector<std::uint8_t>& orphans_below = zh_orphans_below_[slot];
    std::vector<float>& upper = zh_upper_[slot];
    terms.resize((end - lo + 1) * kMaxSpan);
    orphans_below.resize(end - lo + 1);
    upper.resize(end - lo + 1);
    const bool orphan_sized = zh_[i].tokens.size() >= static_cast<std::size_t>(w_.orphan_tokens);
    const float chance = static_cast<float>(w_.chance);
    const std::size_t chance_slot = zh_chance_.hold(i);
    const float* weights = zh_chance_.weights_at(chance_slot);
    // The term with b English sentences is read only at columns up to
    // band_.hi[i + kMostZhOf[b]] (its beads end in rows i + 1 .. i + kMostZhOf[b]);
    // where it is not, it is not computed, nor counted in upper (which then
    // bounds every bead that reads it, the only use of it).
    std::array<std::size_t, kMaxSpan + 1> last_column{};
    for (std::size_t b = 1; b <= kMaxSpan; ++b) last_column[b] = band_.hi[std::min(zh_.size(), i + kMostZhOf[b])];
    std::size_t spans = kMaxSpan;  // the b read at column j: 1 .. spans
    for (std::size_t j = lo; j <= end; ++j) {
      std::uint64_t bits = 0;
      float* out = &terms[(j - lo) * kMaxSpan];
      const ChanceTable::Point* points = &en_column_point_[(j & en_column_mask_) * kMaxSpan];  // (by b - 1)
      while (spans > 1 && j > last_column[spans]) --spans;
      const std::size_t b_end = std::min<std::size_t>(spans, j);
      std::uint8_t uncovered = 0;  // the b with nothing covered: 1 .. uncovered (bits only grow with b)
      for (std::size_t b = 1; b <= b_end; ++b) {
        if (j - b >= first && j - b < end) bits |= row[j - b - first].zh;
        const float covered = covered_of(i, bits, weights);
        out[b - 1] = (covered - chance * zh_chance_.at_slot(chance_slot, points[b - 1])) * zh_norm_[i];
        uncovered += bits == 0;
      }
      orphans_below[j - lo] = orphan_sized ? static_cast<std::uint8_t>(uncovered + 1) : 0;
      // (The most of its terms, not its coverage alone: the chance term only lowers each.)
      float most = 0.f;
      for (std::size_t b = 1; b <= b_end; ++b) most = std::max(most, out[b - 1]);
      upper[j - lo] = most;
    }
  }

  // weighted_bits(bits, weights) of row i's sentence, from the sums made for
  // it lately: a row's columns share nearly all their covered tokens' sets
  // (whether a column covered more than the one before, and how many, were
  // branches mispredicted about once a column).
  float covered_of(std::size_t i, std::uint64_t bits, const float* weights) {
    Covered& entry = covered_[(bits * 0x9E3779B97F4A7C15ull) >> 59];
    const auto row = static_cast<std::uint32_t>(i);
    if ((entry.bits != bits) | (entry.row != row)) [[unlikely]] entry = {bits, row, weighted_bits(bits, weights)};
    return entry.sum;
  }

  // The same for the English sentences of the beads ending in row i with a
  // Chinese sentences, over the columns [band_.lo[i - kMaxSpan], band_.hi[i]) (from
  // the mask rows i - kMaxSpan .. i - 1, built already).
  void build_en_terms(std::size_t i) {
    const std::size_t top = i >= kMaxSpan ? i - kMaxSpan : 0;
    en_terms_row_ = i;
    en_terms_lo_ = band_.lo[top];
    const std::size_t width = band_.hi[i] > band_.lo[top] ? band_.hi[i] - band_.lo[top] : 0;
    en_terms_.resize(width * kMaxSpan);
    en_orphans_below_.resize(width);
    en_upper_.resize(width);
    std::array<ChanceTable::Point, kMaxSpan + 1> zh_points{};
    for (std::size_t a = 1; a <= i - top; ++a) zh_points[a] = en_chance_.point(static_cast<float>(zh_length_[i] - zh_length_[i - a]));
    const float chance = static_cast<float>(w_.chance);
    const auto orphan_tokens = static_cast<std::size_t>(w_.orphan_tokens);
    // The mask rows i - 1 .. top (built already in a search: read directly).
    std::array<const PairMasks*, kMaxSpan + 1> rows{};
    std::array<std::size_t, kMaxSpan + 1> rows_lo{}, rows_size{};
    bool built = true;
    for (std::size_t a = 1; a <= i - top; ++a) {
      const std::size_t slot = (i - a) & (kRing - 1);
      built = built && mask_row_[slot] == i - a;
      rows[a] = mask_rows_[slot].data(), rows_lo[a] = mask_lo_[slot], rows_size[a] = mask_rows_[slot].size();
    }
    std::size_t spans = 1;  // the a read at column j: 1 .. spans
    for (std::size_t k = 0; k < width; ++k) {
      const std::size_t j = en_terms_lo_ + k;
      if (j + kMaxSpan < band_.lo[i]) continue;  // in no bead ending in row i (en_upper_ neither read)
      const bool orphan_sized = en_[j].tokens.size() >= orphan_tokens;
      std::uint64_t bits = 0;
      float* out = &en_terms_[k * kMaxSpan];
      float covered = 0;  // weighted_bits(bits, weights), summed again only when bits grow
      const std::size_t slot = en_chance_.hold(j);
      const float* weights = en_chance_.weights_at(slot);
      // The term with a Chinese sentences is read only at columns from
      // band_.lo[i] - kMostEnOf[a] on (its beads end at columns band_.lo[i] on); where
      // it is not, it is not computed, nor counted in en_upper_ (as in build_mask_row).
      while (spans > 1 && j + kMostEnOf[spans] < band_.lo[i]) --spans;
      while (spans < i - top && j + kMostEnOf[spans + 1] >= band_.lo[i]) ++spans;
      const std::size_t a_end = std::min(spans, i - top);
      std::size_t first_covered = a_end + 1;  // the a with nothing covered are those below it (bits only grow with a)
      for (std::size_t a = 1; a <= a_end; ++a) {
        const std::uint64_t en_bits = !built ? masks(i - a, j).en : j - rows_lo[a] < rows_size[a] ? rows[a][j - rows_lo[a]].en : 0;
        const std::uint64_t more = bits | en_bits;
        if (more != bits) {
          if (bits == 0) first_covered = a;
          bits = more, covered = weighted_bits(bits, weights);
        }
        out[a - 1] = (covered - chance * en_chance_.at_slot(slot, zh_points[a])) * en_norm_[j];
      }
      en_orphans_below_[k] = orphan_sized ? static_cast<std::uint8_t>(first_covered) : 0;
      float most = 0.f;
      for (std::size_t a = 1; a <= a_end; ++a) most = std::max(most, out[a - 1]);
      en_upper_[k] = most;
    }
  }

  // Upper bounds of the lexical sum of bead_score for the beads ending at
  // cell (i, j) (row i: the one of the last build_en_terms): en_upper_sum_[b]
  // for their b English sentences, zh_upper_sum_[a] for their a Chinese ones
  // (infinity where the rows built do not hold them). Each term is at least
  // the bead's; summed in another order than bead_score's, the sums can
  // differ from its by rounding, which the bound's relative margin (1e-5,
  // where a dozen float additions err by under 1e-6) covers.
  void upper_sums(std::size_t i, std::size_t j) {
    constexpr float kUnknown = std::numeric_limits<float>::infinity();
    en_upper_sum_.fill(kUnknown);
    zh_upper_sum_.fill(kUnknown);
    en_upper_sum_[0] = zh_upper_sum_[0] = 0.f;
    if (en_terms_row_ == i && j >= en_terms_lo_ && j - en_terms_lo_ <= en_upper_.size())
      for (std::size_t b = 1; b <= kMaxSpan && j - b + 1 > en_terms_lo_; ++b)
        en_upper_sum_[b] = en_upper_sum_[b - 1] + en_upper_[j - b - en_terms_lo_];
    for (std::size_t a = 1; a <= upper_row_count_; ++a) {
      const UpperRow& row = upper_rows_[a];
      if (j < row.lo || j - row.lo >= row.size) break;
      zh_upper_sum_[a] = zh_upper_sum_[a - 1] + row.values[j - row.lo];
    }
  }
  // The rows of zh_upper_ upper_sums reads for the cells of row i: those of
  // rows i - 1, i - 2, ... while they are built.
  struct UpperRow {
    const float* values = nullptr;
    std::size_t lo = 0, size = 0;
  };
  std::array<UpperRow, kMaxSpan + 1> upper_rows_{};
  std::size_t upper_row_count_ = 0;
  void prepare_upper_rows(std::size_t i) {
    upper_row_count_ = 0;
    for (std::size_t a = 1; a <= kMaxSpan && a <= i; ++a) {
      const std::size_t r = i - a, slot = r & (kRing - 1);
      if (mask_row_[slot] != r) break;
      upper_rows_[a] = {zh_upper_[slot].data(), zh_terms_lo_[slot], zh_upper_[slot].size()};
      upper_row_count_ = a;
    }
  }

  PairMasks masks(std::size_t i, std::size_t j) const {
    const std::size_t slot = i & (kRing - 1);
    if (mask_row_[slot] == i) {
      const std::vector<PairMasks>& row = mask_rows_[slot];
      if (j < mask_lo_[slot] || j - mask_lo_[slot] >= row.size()) return {};
      return row[j - mask_lo_[slot]];
    }
    return pair_masks(i, j);
  }

  // Away from the search's rows (the path it found): the pair's masks read
  // off the two sentences, within the same columns as the search's. Kept out
  // of line: inlined into the search's inner loop it slowed every cell.
  [[gnu::noinline]] PairMasks pair_masks(std::size_t i, std::size_t j) const {
    const auto [first, end] = mask_columns(i);
    if (j < first || j >= end) return {};
    // The same pairs are asked for again and again (the beads along a path,
    // their neighbours and their edges): the last ones are kept, by the low
    // bits of both sentences, so that the pairs of a window of 16 rows by 8
    // columns, as a walk along the path asks for, all have their own. (A
    // hash's top bits put a row's neighbouring columns in one entry: of the
    // 17,764 pairs the joins asked for on the x1 MAC-Dev pair, 13,588 were
    // made again.)
    static_assert(std::tuple_size_v<decltype(pair_cache_)> == 128);
    const std::size_t key = (i & 15) << 3 | (j & 7);
    PairCache& cached = pair_cache_[key];
    if (cached.i == i && cached.j == j) return cached.masks;
    cached.i = i, cached.j = j, cached.masks = {};
    const Offers& offers = zh_[i].offers;
    if (offers.empty()) return {};
    const auto& wanted = wanted_of(j);
    if (wanted.empty()) return {};
    // Each looked for in the Chinese sentence's offers, decoded once for the
    // rows asked for lately, from where the one before was found.
    const DecodedOffers& row = decoded(i);
    PairMasks pm;
    auto at = row.positions.begin();
    // (A merge of the two ascending lists, not a binary search per token:
    // on the x1 MAC-Dev pair 31.8M instructions here instead of 34.3M; a
    // token the row's filter rules out, most of them, is not looked for.)
    for (const auto& [position, token] : wanted) {
      if (!row.may_hold(position)) continue;
      const auto sought = position;  // (clang 14 cannot capture a structured binding)
      at += static_cast<std::ptrdiff_t>(first_not_below(0, static_cast<std::size_t>(row.positions.end() - at),
                                                         [&](std::size_t k) { return at[static_cast<std::ptrdiff_t>(k)] < sought; }));
      if (at == row.positions.end()) break;
      if (*at == position) {
        pm.en |= std::uint64_t{1} << token;
        pm.zh |= row.bits[static_cast<std::size_t>(at - row.positions.begin())];
      }
    }
    cached.masks = pm;
    return pm;
  }

  // English sentence j's tokens' positions in the vocabulary, with their
  // token, ascending (for the sentences asked for lately).
  const std::vector<std::pair<std::uint32_t, std::uint32_t>>& wanted_of(std::size_t j) const {
    WantedTokens& slot = wanted_[j & (wanted_.size() - 1)];
    if (slot.j != j) {
      slot.j = j;
      slot.entries.clear();
      const auto ids = en_[j].tokens.positions(), alt_ids = en_[j].tokens.alt_positions();
      for (std::size_t k = 0; k < ids.size() && k < kMaxTokens; ++k)
        for (const std::uint32_t found : {ids[k], alt_ids[k]})
          if (found) slot.entries.emplace_back(found - 1, static_cast<std::uint32_t>(k));
      std::sort(slot.entries.begin(), slot.entries.end());
    }
    return slot.entries;
  }
  struct WantedTokens {
    std::size_t j = static_cast<std::size_t>(-1);
    std::vector<std::pair<std::uint32_t, std::uint32_t>> entries;
  };

  // The offers of Chinese sentence i as positions and bits (a few rows kept).
  struct DecodedOffers {
    std::size_t i = static_cast<std::size_t>(-1);
    std::vector<std::uint32_t> positions;
    std::vector<std::uint64_t> bits;
    // A bit for each position's low bits: clear, the row does not offer it.
    std::array<std::uint64_t, 16> filter{};
    bool may_hold(std::uint32_t position) const { return filter[position >> 6 & 15] >> (position & 63) & 1; }
  };
  const DecodedOffers& decoded(std::size_t i) const {
    DecodedOffers& row = decoded_[i & (decoded_.size() - 1)];
    if (row.i != i) {
      row.i = i;
      row.positions.clear();
      row.bits.clear();
      row.filter.fill(0);
      zh_[i].offers.for_each_position([&](std::uint32_t position, std::uint64_t bits) {
        row.positions.push_back(position);
        row.bits.push_back(bits);
        row.filter[position >> 6 & 15] |= std::uint64_t{1} << (position & 63);
      });
    }
    return row;
  }

  // Which tokens of each sentence of the bead zh [i0, i1) x en [j0, j1) the other side covers.
  struct BeadBits {
    std::array<std::uint64_t, kMaxSpan> en{};
    std::array<std::uint64_t, kMaxSpan> zh{};
  };
  BeadBits bead_bits(std::size_t i0, std::size_t i1, std::size_t j0, std::size_t j1) const {
    BeadBits bits;
    for (std::size_t j = j0; j < j1; ++j)
      for (std::size_t i = i0; i < i1; ++i) {
        const PairMasks pm = masks(i, j);
        bits.en[j - j0] |= pm.en;
        bits.zh[i - i0] |= pm.zh;
      }
    return bits;
  }

  // A many-to-many bead is narration (AlignWeights::narration) when neither side holds
  // speech and each of its sentences is one of running prose: it ends with
  // a full stop (kEndingStop; a heading ends with none) and has at least
  // kNarrationTokens tokens (one is a fragment, "The U.S.", or an exclamation).
  static constexpr std::size_t kNarrationTokens = 2;
  bool narration(std::size_t i0, std::size_t i1, std::size_t j0, std::size_t j1, bool speech) const {
    if (speech) return false;
    auto prose = [](const SentenceFeatures& s) { return (s.ending & kEndingStop) && s.tokens.size() >= kNarrationTokens; };
    for (std::size_t i = i0; i < i1; ++i)
      if (!prose(zh_[i])) return false;
    for (std::size_t j = j0; j < j1; ++j)
      if (!prose(en_[j])) return false;
    return true;
  }

  // The penalty of a bead of a Chinese and b English sentences (both at
  // least 1) for its shape; narrated: a bead of narration (see narration()),
  // which costs less when both sides have two or more sentences.
  float merge_penalty(std::size_t a, std::size_t b, bool narrated) const {
    if (a == 0 || b == 0) return 0.f;
    const std::size_t larger = std::max(a, b), smaller = std::min(a, b);
    if (smaller == 1)
      return static_cast<float>(larger == 1   ? 0.0
                                : larger == 2 ? w_.merge2
                                : larger == 3 ? w_.merge3
                                : larger == 4 ? w_.merge4
                                              : w_.merge4 + static_cast<double>(larger - 4) * w_.merge_beyond4);
    return static_cast<float>((larger == 2 ? w_.merge22 : w_.merge23) - (narrated ? w_.narration : 0.0));
  }

  // What a bead pairing sentences up to zh i and en j (exclusive) earns for
  // the endings of its last sentences: a question, or an exclamation, on
  // both sides, and a closing quotation mark on both sides.
  float ending_reward(std::size_t i, std::size_t j) const {
    if (i == 0 || j == 0) return 0.f;
    const std::uint8_t both = zh_[i - 1].ending & en_[j - 1].ending;
    return ((both & kEndingClass) ? endings_ : 0.f) + ((both & kEndingQuoted) ? closing_ : 0.f) + lead_reward(i, j) +
           connective_reward(i, j);
  }
  // And for the leads of the next sentences (see speakers.h). (Not for a
  // bead leaving sentences without counterpart: a path could reach a
  // matching boundary through them, for more than their cost.)
  float lead_reward(std::size_t i, std::size_t j) const { return speakers_ ? speakers_->reward(i, j) : 0.f; }
  // And for the connectives the next sentences open with (see connectives.h).
  float connective_reward(std::size_t i, std::size_t j) const {
    return connectives_ && connectives_->match(i, j) ? connectives_weight_ : 0.f;
  }

  // A gap of this many sentences (at least one) on one side.
  float skip_score(std::size_t sentences) const {
    return -static_cast<float>(w_.skip) - static_cast<float>(w_.skip_extend) * static_cast<float>(sentences - 1);
  }

  // The length part of a bead's score (subtracted): squared log deviation from the pair's ratio.
  // The same for a spans of a (>= 1) Chinese sentences ending at i1 and b (>= 1) English ones ending at j1, from the span tables.
  [[gnu::always_inline]] float span_length_term(std::size_t i1, std::size_t a, std::size_t j1, std::size_t b) const {
    const double zh_log = zh_row_log_[a - 1], en_log = en_column_log_[(j1 & en_column_mask_) * kMaxSpan + (b - 1)];
    if (std::isnan(zh_log) || std::isnan(en_log)) [[unlikely]]
      return length_term(i1 - a, i1, j1 - b, j1);
    const auto deviation = static_cast<float>(en_log - zh_log);
    const float sigma = static_cast<float>(w_.length_sigma);
    return static_cast<float>(w_.length) * deviation * deviation / (2 * sigma * sigma);
  }

  float length_term(std::size_t i0, std::size_t i1, std::size_t j0, std::size_t j1) const {
    const double zh_length = zh_length_[i1] - zh_length_[i0], en_length = en_length_[j1] - en_length_[j0];
    // Lengths are whole numbers: the logarithms of the usual ones come from a table.
    const auto zh_index = static_cast<std::size_t>(zh_length), en_index = static_cast<std::size_t>(en_length);
    const float deviation = zh_index < zh_log_.size() && en_index < en_log_.size()
                                ? static_cast<float>(en_log_[en_index] - zh_log_[zh_index])
                                : static_cast<float>(std::log((en_length + kSmoothing * ratio_) / ((zh_length + kSmoothing) * ratio_)));
    const float sigma = static_cast<float>(w_.length_sigma);
    return static_cast<float>(w_.length) * deviation * deviation / (2 * sigma * sigma);
  }


  // Log-score of the bead zh [i0, i1) with en [j0, j1), of shape `shape`,
  // ending in the search's current row: its sentences' lexical terms are
  // those of the rows built for it (the band's edges only grow from row to
  // row, so every bead the search tries in the band lies within them).
  // length_term: length_term(i0, i1, j0, j1) (the search computes it first).
  [[gnu::always_inline]] float bead_score(std::size_t i0, std::size_t i1, std::size_t j0, std::size_t j1, std::size_t shape, float length_term) const {
    // Far off in length: no lexical evidence can rescue the bead, so skip computing it.
    if (length_term > kHopelessLength) return -length_term - lexical_ * 2;
    const std::size_t a = i1 - i0, b = j1 - j0;
    float lexical = 0;
    float orphans = 0;  // sentences of a multi-sentence bead that share nothing with the other side
    const float* en_term = &en_terms_[(j0 - en_terms_lo_) * kMaxSpan + (a - 1)];
    const std::uint8_t* en_orphans_below = &en_orphans_below_[j0 - en_terms_lo_];
    for (std::size_t k = 0; k < b; ++k, en_term += kMaxSpan) {
      lexical += *en_term;
      if (b > 1 && a < en_orphans_below[k]) orphans += 1;
    }
    for (std::size_t i = i0; i < i1; ++i) {
      const std::size_t slot = i & (kRing - 1), at = j1 - zh_terms_lo_[slot];
      lexical += zh_terms_[slot][at * kMaxSpan + (b - 1)];
      if (a > 1 && b < zh_orphans_below_[slot][at]) orphans += 1;
    }
    float total = lexical_ * lexical - length_term - orphan_ * orphans;
    const std::uint8_t zh_span = zh_row_span_[a - 1], en_span = en_column_span_[(j1 & en_column_mask_) * kMaxSpan + (b - 1)];
    if (use_quotes_) total -= quotes_ * quote_mismatch(zh_span, en_span);
    if (use_speech_ && ((zh_span ^ en_span) & kSpanSpeech)) total -= quote_presence_;
    // (Only the many-to-many shapes' penalties differ.)
    if (narration_penalty_[shape] != shape_penalty_[shape] && narration(i0, i1, j0, j1, ((zh_span | en_span) & kSpanSpeech) != 0))
      total -= narration_penalty_[shape];
    else
      total -= shape_penalty_[shape];
    if (zh_span & kSpanParagraphs) total -= paragraph_;
    if (en_span & kSpanParagraphs) total -= paragraph_;
    return total;
  }

 public:
  // Two neighbouring beads of the path whose sentences together make a bead
  // of two or three on each side (1-1 + 1-1, 1-1 + 1-2, ...) are joined when
  // the joined bead scores above the two with the evidence that crosses
  // their boundary counted against them (see leak): a translator who moved
  // a clause across a sentence end. Only this choice weighs the crossing: as
  // a term of every bead it also moved the boundaries of one-to-many beads
  // in free translations, for the worse.
  // In place: a joined pair is written over the first of its steps. Steps
  // a search left unscored (scores_later) are scored as they are kept.
  void join_crossed_near_path(ScoredPath& path) {
    clear_mask_rows();
    // The beads it scores walk forward, a few sentences at a time: a window
    // of kRing sentences a side fills each sentence's chance rows once (a
    // new search's window of one refilled them at nearly every lookup).
    zh_chance_.window(kRing);
    en_chance_.window(kRing);
    std::size_t kept = 0;  // steps written (never past the one read)
    std::size_t i0 = 0, j0 = 0;  // the first sentences of step k
    for (std::size_t k = 0; k < path.size(); ++k) {
      const PathStep step = path.steps[k];
      const std::size_t i1 = i0 + step.zh, j1 = j0 + step.en;
      if (k + 1 < path.size() && step.zh > 0 && step.en > 0 && path.steps[k + 1].zh > 0 && path.steps[k + 1].en > 0) {
        const std::size_t i2 = i1 + path.steps[k + 1].zh, j2 = j1 + path.steps[k + 1].en;
        const std::size_t zh_count = i2 - i0, en_count = j2 - j0;
        if (zh_count >= 2 && en_count >= 2 && zh_count <= 3 && en_count <= 3 && zh_count + en_count <= 5) {
          // Without crossing evidence the search's choice stands (it weighed the rest).
          const float crossed = leak(i0, i1, j0, j1) + leak(i1, i2, j1, j2);
          const float apart = crossed > 0 ? plain_score(i0, i1, j0, j1) + plain_score(i1, i2, j1, j2) - static_cast<float>(w_.leak) * crossed : 0.f;
          // Lengths that balance across the boundary count the crossing for more (see balance).
          const float slack = crossed > 0 && w_.balance > 0 && lengths_balance(i0, i1, i2, j0, j1, j2) ? static_cast<float>(w_.balance) : 0.f;
          if (crossed > 0 && leaky_score(i0, i2, j0, j2) + slack > apart) {
            path.steps[kept] = {static_cast<std::uint32_t>(zh_count), static_cast<std::uint32_t>(en_count)};
            path.scores[kept++] = confidence(i0, i2, j0, j2);
            ++k;
            i0 = i2, j0 = j2;
            continue;
          }
        }
      }
      // (A step left unscored by the search is scored here, as its traceback would have.)
      const float score = std::isnan(path.scores[k]) ? confidence(i0, i1, j0, j1) : path.scores[k];
      path.steps[kept] = step, path.scores[kept] = score;
      ++kept;
      i0 = i1, j0 = j1;
    }
    path.steps.resize(kept);
    path.scores.resize(kept);
  }

  // Whether the beads zh [i0, i1) x en [j0, j1) and zh [i1, i2) x en [j1, j2)
  // are off in length in opposite directions (one side too long in the first,
  // too short in the second) by enough that together they fit far better: as
  // when a clause of one side crossed the sentence end, and each bead holds
  // it on one side only.
  bool lengths_balance(std::size_t i0, std::size_t i1, std::size_t i2, std::size_t j0, std::size_t j1, std::size_t j2) const {
    auto deviation = [&](std::size_t a0, std::size_t a1, std::size_t b0, std::size_t b1) {
      const double zh_length = zh_length_[a1] - zh_length_[a0], en_length = en_length_[b1] - en_length_[b0];
      return std::log((en_length + kSmoothing * ratio_) / ((zh_length + kSmoothing) * ratio_));
    };
    if (deviation(i0, i1, j0, j1) * deviation(i1, i2, j1, j2) >= 0) return false;
    return length_term(i0, i1, j0, j1) + length_term(i1, i2, j1, j2) - length_term(i0, i2, j0, j2) >= kBalanceGain;
  }
  // The least the joined bead's length term is below the two beads' (in the score's units).
  static constexpr float kBalanceGain = 0.5f;

  // A sentence merged into a many-to-one bead although the other side does
  // not translate it (a deleted translation): it covers almost nothing on the
  // other side that its neighbours in the bead do not cover already, and the
  // other side is too short for the bead with it but fits without it. Such a
  // sentence at the bead's start or end becomes a bead of its own (1-0 / 0-1).
  ScoredPath split_orphans_near_path(ScoredPath path) {
    clear_mask_rows();
    return split_orphans(std::move(path));
  }

  ScoredPath split_orphans(ScoredPath path) const {
    return split_steps(std::move(path), [&](PathStep step, float, std::size_t i0, std::size_t j0, std::pair<PathStep, float>& first,
                                            std::pair<PathStep, float>& second) {
      const bool many_en = step.zh == 1 && step.en >= 2;
      const bool many_zh = step.en == 1 && step.zh >= 2;
      const std::size_t i1 = i0 + step.zh, j1 = j0 + step.en;
      const std::size_t orphan = many_en || many_zh ? orphan_in(i0, i1, j0, j1, many_en) : kNoOrphan;
      if (orphan == kNoOrphan) return false;
      // The rest of the bead without the orphan (its first or last sentence on the many side).
      const bool at_start = orphan == 0;
      const std::size_t ri0 = many_zh && at_start ? i0 + 1 : i0, ri1 = many_zh && !at_start ? i1 - 1 : i1;
      const std::size_t rj0 = many_en && at_start ? j0 + 1 : j0, rj1 = many_en && !at_start ? j1 - 1 : j1;
      const std::pair<PathStep, float> rest{{static_cast<std::uint32_t>(ri1 - ri0), static_cast<std::uint32_t>(rj1 - rj0)}, confidence(ri0, ri1, rj0, rj1)};
      const std::pair<PathStep, float> alone{{many_en ? 0u : 1u, many_en ? 1u : 0u}, 0.f};
      first = at_start ? alone : rest;
      second = at_start ? rest : alone;
      return true;
    });
  }

 private:
  static constexpr std::size_t kNoOrphan = static_cast<std::size_t>(-1);

  // The position (first or last) in the many side of the bead zh [i0, i1)
  // with en [j0, j1) of a sentence the single sentence on the other side
  // does not translate, or kNoOrphan.
  std::size_t orphan_in(std::size_t i0, std::size_t i1, std::size_t j0, std::size_t j1, bool many_en) const {
    const std::size_t many_first = many_en ? j0 : i0, many_count = many_en ? j1 - j0 : i1 - i0;
    const std::size_t one = many_en ? i0 : j0;
    if (many_count > kMaxSpan) return kNoOrphan;  // (no bead of the path has more)
    const auto& one_features = many_en ? zh_[one] : en_[one];
    const TokenWeights one_weights = (many_en ? zh_table_ : en_table_).weights_of(one_features.tokens);
    float one_weight = 0;
    for (float w : one_weights) one_weight += w;
    if (one_weight <= 0) return kNoOrphan;
    // Bits of the single sentence's tokens each sentence of the many side covers.
    std::array<std::uint64_t, kMaxSpan> covers{};
    for (std::size_t q = 0; q < many_count; ++q) {
      const std::size_t k = many_first + q;
      const PairMasks pm = many_en ? masks(one, k) : masks(k, one);
      covers[q] = many_en ? pm.zh : pm.en;
    }
    float zh_length = 0, en_length = 0;
    for (std::size_t i = i0; i < i1; ++i) zh_length += zh_[i].length;
    for (std::size_t j = j0; j < j1; ++j) en_length += en_[j].length;
    auto deviation = [&](float zh, float en) { return std::log((en + kSmoothing * ratio_) / ((zh + kSmoothing) * ratio_)); };
    const float with_all = std::fabs(deviation(zh_length, en_length));
    std::size_t best = kNoOrphan;
    float best_exclusive = 1.f;
    for (std::size_t position : {std::size_t{0}, many_count - 1}) {
      const std::size_t k = many_first + position;
      const auto& features = many_en ? en_[k] : zh_[k];
      if (features.tokens.size() < static_cast<std::size_t>(w_.orphan_tokens)) continue;
      std::uint64_t others = 0;
      for (std::size_t q = 0; q < many_count; ++q)
        if (q != position) others |= covers[q];
      const float exclusive = weighted_bits(covers[position] & ~others, one_weights) / one_weight;
      const float without = many_en ? std::fabs(deviation(zh_length, en_length - features.length))
                                    : std::fabs(deviation(zh_length - features.length, en_length));
      const bool length_says = with_all >= kOrphanLength && without + kOrphanGain <= with_all;
      const float rest_covers = weighted_bits(others, one_weights) / one_weight;
      // Next to nothing, and leaving it out clearly helps the lengths, counts as nothing.
      const bool adds_nothing = exclusive <= kOrphanNothing ||
                                (exclusive <= kOrphanNextToNothing && without + kOrphanSomeGain <= with_all);
      const float long_enough = adds_nothing ? kOrphanSlightlyLong : kOrphanRatherLong;
      const bool evidence_says = rest_covers >= kOrphanRestCovers && with_all >= long_enough && without < with_all;
      // The neighbours explain nearly all of the other sentence and this one,
      // longer than they are together, adds next to nothing: lengths (skewed
      // by digits, URLs, names) cannot outvote that. A shorter piece may be a
      // clause whose few words the lexicon does not know.
      const float many_length = many_en ? en_length : zh_length;
      const bool explained_without = rest_covers >= kOrphanRestExplains && exclusive <= kOrphanNothingMuch &&
                                     2 * features.length > many_length;
      // Far too long with it and about right without: a few shared common words
      // (people, ill, vaccine) do not make it a translation.
      const bool length_insists = with_all >= kOrphanFarLength && without + kOrphanFarGain <= with_all &&
                                  without <= kOrphanAboutRight && exclusive <= kOrphanSomeExclusive;
      const bool orphan = (exclusive <= kOrphanExclusive && (length_says || evidence_says)) || explained_without || length_insists;
      if (orphan && exclusive < best_exclusive) best = position, best_exclusive = exclusive;
    }
    return best;
  }
  // An orphan covers at most this share of the other sentence's token weight
  // beyond its neighbours, and leaving it out brings the bead's log length
  // ratio from at least kOrphanLength closer to the pair's by kOrphanGain.
  static constexpr float kOrphanExclusive = 0.12f;
  static constexpr float kOrphanLength = 0.35f;
  static constexpr float kOrphanGain = 0.25f;
  // ... or its neighbours cover at least half of the other sentence and the
  // bead is rather long with it (somewhat long when it covers next to nothing
  // beyond them).
  static constexpr float kOrphanNothing = 0.02f;
  static constexpr float kOrphanNextToNothing = 0.05f;
  static constexpr float kOrphanSomeGain = 0.1f;
  static constexpr float kOrphanSlightlyLong = 0.15f;
  static constexpr float kOrphanRatherLong = 0.3f;
  static constexpr float kOrphanRestCovers = 0.5f;  // ... while the neighbours explain the other sentence
  // ... or its neighbours cover nearly all of the other sentence and it adds
  // next to nothing, whatever the lengths.
  static constexpr float kOrphanRestExplains = 0.85f;
  static constexpr float kOrphanNothingMuch = 0.06f;
  // ... or the bead is far too long with it (log ratio 0.5, 1.65x) and about
  // right without, while it covers at most a quarter of the other sentence.
  static constexpr float kOrphanFarLength = 0.5f;
  static constexpr float kOrphanFarGain = 0.35f;
  static constexpr float kOrphanAboutRight = 0.25f;
  static constexpr float kOrphanSomeExclusive = 0.25f;

 private:
  template <class Side>
  static bool speech(const Side& side, std::size_t begin, std::size_t end) {
    for (std::size_t k = begin; k < end; ++k)
      if (side[k].speech) return true;
    return false;
  }
  // What a bead needs to know of its sentences on one side, for spans of 1..kMaxSpan
  // sentences ending at each sentence boundary: bits of kSpan*.
  static constexpr std::uint8_t kSpanStates = kQuoteStateBits;  // the quotation states it may have (quote_states)
  static constexpr std::uint8_t kSpanSpeech = 16;               // holds speech
  static constexpr std::uint8_t kSpanParagraphs = 32;           // joins sentences of different paragraphs
  // The bits of sentences [begin, end) (begin < end).
  template <class Side>
  static std::uint8_t span_bits(const Side& side, std::size_t begin, std::size_t end) {
    return static_cast<std::uint8_t>(quote_states(side, begin, end) | (speech(side, begin, end) ? kSpanSpeech : 0) |
                                     (!same_paragraph(side, begin, end - 1) ? kSpanParagraphs : 0));
  }
  // Those of a side without any quotation (no quotation mark, no speech),
  // whose spans differ only in their paragraphs.
  static bool without_quotes(const SentenceFeatures& s) {
    return s.quote_marks == 0 && s.quote_opens == 0 && s.quote_closes == 0 && s.quote_turn == 0 && !s.speech;
  }
  template <class Side>
  static std::uint8_t plain_span_bits(const Side& side, std::size_t begin, std::size_t end) {
    return static_cast<std::uint8_t>(1 | (!same_paragraph(side, begin, end - 1) ? kSpanParagraphs : 0));
  }
  // The span bits of every span of up to kMaxSpan sentences (end * kMaxSpan
  // + sentences - 1), made once: the search reads them for every bead. None
  // for a side without quotations (plain_span_bits, made as the search goes:
  // 6 bytes a sentence took more than the text of a file of short lines).
  template <class Side>
  static std::vector<std::uint8_t> span_table(const Side& side) {
    if (std::all_of(side.begin(), side.end(), without_quotes)) return {};
    std::vector<std::uint8_t> bits((side.size() + 1) * kMaxSpan, 0);
    for (std::size_t end = 1; end <= side.size(); ++end)
      for (std::size_t count = 1; count <= std::min<std::size_t>(end, kMaxSpan); ++count)
        bits[end * kMaxSpan + (count - 1)] = span_bits(side, end - count, end);
    return bits;
  }
  // 0..2: whether the two sides differ in closing a quotation opened before
  // the bead, and in leaving one open after it, in their closest readings (from their span bits).
  static float quote_mismatch(std::uint8_t zh_span, std::uint8_t en_span) {
    return static_cast<float>(tc::quote_mismatch(zh_span & kSpanStates, en_span & kSpanStates));
  }

  // Log-score of any bead zh [i0, i1) with en [j0, j1), away from the
  // search's rows: the same terms as bead_score's, read off the sentences.
  float plain_score(std::size_t i0, std::size_t i1, std::size_t j0, std::size_t j1) const {
    const float length_term = this->length_term(i0, i1, j0, j1);
    const auto zh_length = static_cast<float>(zh_length_[i1] - zh_length_[i0]);
    const auto en_length = static_cast<float>(en_length_[j1] - en_length_[j0]);
    const float ends = ending_reward(i1, j1);
    if (length_term > kHopelessLength) return -length_term - static_cast<float>(w_.lexical) * 2 + ends;
    float lexical = 0;
    float orphans = 0;
    const std::size_t orphan_tokens = static_cast<std::size_t>(w_.orphan_tokens);
    const float chance = static_cast<float>(w_.chance);
    const BeadBits bits = bead_bits(i0, i1, j0, j1);
    for (std::size_t j = j0; j < j1; ++j) {
      const std::uint64_t en_bits = bits.en[j - j0];
      lexical += (weighted_bits(en_bits, en_table_.weights_of(en_[j].tokens)) - chance * en_chance_.at(j, zh_length)) * en_norm_[j];
      if (j1 - j0 > 1 && en_bits == 0 && en_[j].tokens.size() >= orphan_tokens) orphans += 1;
    }
    for (std::size_t i = i0; i < i1; ++i) {
      const std::uint64_t zh_bits = bits.zh[i - i0];
      lexical += (weighted_bits(zh_bits, zh_table_.weights_of(zh_[i].tokens)) - chance * zh_chance_.at(i, en_length)) * zh_norm_[i];
      if (i1 - i0 > 1 && zh_bits == 0 && zh_[i].tokens.size() >= orphan_tokens) orphans += 1;
    }
    float total = static_cast<float>(w_.lexical) * lexical - length_term - static_cast<float>(w_.orphan) * orphans;
    if (use_quotes_) {
      total -= static_cast<float>(w_.quotes) * static_cast<float>(tc::quote_mismatch(quote_states(zh_, i0, i1), quote_states(en_, j0, j1)));
    }
    if (use_speech_ && speech(zh_, i0, i1) != speech(en_, j0, j1)) total -= static_cast<float>(w_.quote_presence);
    total -= merge_penalty(i1 - i0, j1 - j0, narration(i0, i1, j0, j1, speech(zh_, i0, i1) || speech(en_, j0, j1)));
    if (!same_paragraph(zh_, i0, i1 - 1)) total -= static_cast<float>(w_.paragraph);
    if (!same_paragraph(en_, j0, j1 - 1)) total -= static_cast<float>(w_.paragraph);
    return total + ends;
  }
  // The bead's score with the evidence crossing its edges counted against it.
  float leaky_score(std::size_t i0, std::size_t i1, std::size_t j0, std::size_t j1) const {
    return plain_score(i0, i1, j0, j1) - static_cast<float>(w_.leak) * leak(i0, i1, j0, j1);
  }

  // The weight of the covered tokens `bits` of sentence s beyond what
  // chance would cover with a sentence of `length` on the other side (each
  // token's weight times the chance that it is not covered by chance).
  static float unexpected(std::uint64_t bits, const SentenceFeatures& s, const TokenTable& table, float length) {
    const auto weights = table.weights_of(s.tokens);
    const auto rates = table.rates_of(s.tokens);
    float sum = 0;
    for (; bits; bits &= bits - 1) {
      const auto t = static_cast<std::size_t>(std::countr_zero(bits));
      sum += weights[t] * std::exp(-rates[t] * length);
    }
    return sum;
  }

  // Coverage of the bead's edge clauses by the sentence just outside the bead
  // on the other side, beyond what the bead's own sentences cover (each
  // normalised as in the lexical score): the last clause of the last
  // sentence by the next sentence, the first clause of the first by the one before.
  float leak(std::size_t i0, std::size_t i1, std::size_t j0, std::size_t j1) const {
    const std::size_t n = zh_.size(), m = en_.size();
    float total = 0;
    auto inside_zh = [&](std::size_t i) {
      std::uint64_t bits = 0;
      for (std::size_t j = j0; j < j1; ++j) bits |= masks(i, j).zh;
      return bits;
    };
    auto inside_en = [&](std::size_t j) {
      std::uint64_t bits = 0;
      for (std::size_t i = i0; i < i1; ++i) bits |= masks(i, j).en;
      return bits;
    };
    // A sentence of one clause is left to the lexical score (its whole
    // translation outside the bead is no cut through a sentence).
    if (j1 < m && zh_[i1 - 1].has_clauses()) {
      const SentenceFeatures& s = zh_[i1 - 1];
      if (const std::uint64_t out = masks(i1 - 1, j1).zh & s.tail_mask())
        total += unexpected(out & ~inside_zh(i1 - 1), s, zh_table_, en_[j1].length) * zh_norm_[i1 - 1];
    }
    if (j0 > 0 && zh_[i0].has_clauses()) {
      const SentenceFeatures& s = zh_[i0];
      if (const std::uint64_t out = masks(i0, j0 - 1).zh & s.head_mask())
        total += unexpected(out & ~inside_zh(i0), s, zh_table_, en_[j0 - 1].length) * zh_norm_[i0];
    }
    if (i1 < n && en_[j1 - 1].has_clauses()) {
      const SentenceFeatures& s = en_[j1 - 1];
      if (const std::uint64_t out = masks(i1, j1 - 1).en & s.tail_mask())
        total += unexpected(out & ~inside_en(j1 - 1), s, en_table_, zh_[i1].length) * en_norm_[j1 - 1];
    }
    if (i0 > 0 && en_[j0].has_clauses()) {
      const SentenceFeatures& s = en_[j0];
      if (const std::uint64_t out = masks(i0 - 1, j0).en & s.head_mask())
        total += unexpected(out & ~inside_en(j0), s, en_table_, zh_[i0 - 1].length) * en_norm_[j0];
    }
    return total;
  }

  // What free_translation reads of confidence: 0 when it is (no pair of the
  // bead shares anything, while it has tokens), else above 0 (0.5 when it
  // has no token, as confidence; else 1). (Token weights are above 0.)
  // shares: shares_any(i0, i1, j0, j1).
  float evidence(std::size_t i0, std::size_t i1, std::size_t j0, std::size_t j1, bool shares) const {
    if (i0 == i1 || j0 == j1) return 0.f;
    bool tokens = false;
    for (std::size_t j = j0; j < j1; ++j) tokens = tokens || !en_[j].tokens.empty();
    for (std::size_t i = i0; i < i1; ++i) tokens = tokens || !zh_[i].tokens.empty();
    if (!tokens) return 0.5f;
    return shares ? 1.f : 0.f;
  }
  // Whether any pair of sentences of the bead shares anything.
  bool shares_any(std::size_t i0, std::size_t i1, std::size_t j0, std::size_t j1) const {
    for (std::size_t j = j0; j < j1; ++j)
      for (std::size_t i = i0; i < i1; ++i) {
        const PairMasks pm = masks(i, j);
        if (pm.en | pm.zh) return true;
      }
    return false;
  }

  // 0..1: the share of the bead's token weight covered by the other side.
  float confidence(std::size_t i0, std::size_t i1, std::size_t j0, std::size_t j1) const {
    if (i0 == i1 || j0 == j1) return 0.f;
    float covered = 0, total = 0;
    const BeadBits bits = bead_bits(i0, i1, j0, j1);
    for (std::size_t j = j0; j < j1; ++j) {
      const TokenWeights weights = en_table_.weights_of(en_[j].tokens);
      covered += weighted_bits(bits.en[j - j0], weights);
      for (float w : weights) total += w;
    }
    for (std::size_t i = i0; i < i1; ++i) {
      const TokenWeights weights = zh_table_.weights_of(zh_[i].tokens);
      covered += weighted_bits(bits.zh[i - i0], weights);
      for (float w : weights) total += w;
    }
    return total > 0 ? std::min(1.f, covered / total) : 0.5f;
  }

  const std::vector<SentenceFeatures>& zh_;
  const std::vector<SentenceFeatures>& en_;
  const TokenTable& zh_table_;
  const TokenTable& en_table_;
  const AlignWeights& w_;
  ChanceTable zh_chance_, en_chance_;
  float ratio_;
  bool use_quotes_ = false;
  bool use_speech_ = false;
  const Speakers* speakers_ = nullptr;  // set_speakers
  const Connectives* connectives_ = nullptr;  // set_connectives
  float connectives_weight_ = 0.f;  // w_.connectives
  float endings_ = 0.f;  // w_.endings
  float closing_ = 0.f;  // w_.closing
  // (From the pair's SearchTables.)
  const std::vector<float>& zh_norm_;
  const std::vector<float>& en_norm_;
  const std::vector<std::uint32_t>& zh_length_;  // prefix sums of sentence lengths
  const std::vector<std::uint32_t>& en_length_;
  const std::vector<double>& zh_log_;  // see length_term
  const std::vector<double>& en_log_;
  float lexical_ = 0, orphan_ = 0, quotes_ = 0, quote_presence_ = 0, paragraph_ = 0;  // the weights as floats
  // The entries of zh_log_ and en_log_ of the spans of up to kMaxSpan
  // sentences ending at the search's current row (by sentences - 1; NaN:
  // not in them), and at the English columns it reads, with where those
  // spans fall in the Chinese chance tables (see build_mask_row): in a ring
  // as wide as the band's window (column j in slot j % size). Tables of
  // every sentence took 120 bytes an English one, more than the text of many.
  std::array<double, kMaxSpan> zh_row_log_{};
  std::vector<double> en_column_log_;                 // by slot, then sentences - 1
  // The same of the spans' span bits (0: not in them): from the span
  // tables, or plain_span_bits where a side has none.
  std::array<std::uint8_t, kMaxSpan> zh_row_span_{};
  std::vector<std::uint8_t> en_column_span_;
  const std::vector<std::uint8_t>& zh_spans_;  // SearchTables::zh_spans
  const std::vector<std::uint8_t>& en_spans_;
  std::vector<ChanceTable::Point> en_column_point_;  // the same
  std::size_t en_column_mask_ = 0;                    // slots - 1
  std::size_t en_columns_end_ = 0;  // columns below this are filled (the last slots of them held)
  // The span entries of row i and of the columns up to the last one its beads and mask row read.
  // (Out of line: inlined, it left the search fewer of its shapes inlined.)
  [[gnu::noinline]] void fill_span_entries(std::size_t i) {
    constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
    zh_row_log_.fill(kNaN);
    zh_row_span_.fill(0);
    for (std::size_t a = 1; a <= std::min<std::size_t>(i, kMaxSpan); ++a) {
      const auto index = static_cast<std::size_t>(zh_length_[i] - zh_length_[i - a]);
      if (index < zh_log_.size()) zh_row_log_[a - 1] = zh_log_[index];
      zh_row_span_[a - 1] = zh_spans_.empty() ? plain_span_bits(zh_, i - a, i) : zh_spans_[i * kMaxSpan + (a - 1)];
    }
    const std::size_t n = zh_.size(), m = en_.size();
    const std::size_t last = std::min<std::size_t>(m, band_.hi[std::min(n, i + kMaxSpan - 1)]);
    for (; en_columns_end_ <= last; ++en_columns_end_) {
      const std::size_t j = en_columns_end_;
      double* log = &en_column_log_[(j & en_column_mask_) * kMaxSpan];
      ChanceTable::Point* point = &en_column_point_[(j & en_column_mask_) * kMaxSpan];
      std::uint8_t* span = &en_column_span_[(j & en_column_mask_) * kMaxSpan];
      for (std::size_t b = 1; b <= kMaxSpan; ++b) {
        log[b - 1] = kNaN, point[b - 1] = {}, span[b - 1] = 0;
        if (b > j) continue;
        span[b - 1] = en_spans_.empty() ? plain_span_bits(en_, j - b, j) : en_spans_[j * kMaxSpan + (b - 1)];
        const auto index = static_cast<std::size_t>(en_length_[j] - en_length_[j - b]);
        if (index < en_log_.size()) log[b - 1] = en_log_[index];
        point[b - 1] = zh_chance_.point(static_cast<float>(en_length_[j] - en_length_[j - b]));
      }
    }
  }
  // merge_penalty of each shape, of the shape in narration, and the less of the two (for the search's bound).
  std::array<float, kShapes.size()> shape_penalty_{}, narration_penalty_{}, least_penalty_{};
  bool can_prune_ = false;
  bool evidence_only_ = false;  // see evidence_only
  bool scores_later_ = false;   // see scores_later
  Band band_;
  float path_score_ = 0.f;
  // (32 bits, as the band: on repetitive text the path touches its edge in nearly every row.)
  std::vector<std::uint32_t> touched_rows_;  // rows where the last run's path touched the band's edge, ascending
  std::vector<std::uint32_t> touched_columns_;  // ... and the path's column there
  bool full_ = true;
  // The search's last rows of pair masks (row i in slot i % kRing).
  static constexpr std::size_t kNoRow = static_cast<std::size_t>(-1);
  std::array<std::size_t, kRing> mask_row_{};
  std::array<std::size_t, kRing> mask_lo_{};
  std::array<std::vector<PairMasks>, kRing> mask_rows_;
  // Sums of weights of covered tokens' sets of a row's sentence (see covered_of).
  struct Covered {
    std::uint64_t bits = 0;
    std::uint32_t row = static_cast<std::uint32_t>(kNoRow);  // the row whose sentence's weights summed it
    float sum = 0.f;  // weighted_bits(bits, the row's weights)
  };
  std::array<Covered, 32> covered_{};
  // Upper bounds of each sentence's share of a bead's lexical score (see
  // build_mask_row and build_en_upper): a bead that cannot beat the best so
  // far even with them is not scored.
  std::array<std::vector<float>, kRing> zh_upper_;
  std::vector<float> en_upper_;
  std::array<float, kMaxSpan + 1> en_upper_sum_{}, zh_upper_sum_{};
  // Each sentence's part of the lexical score of the beads of the search's
  // current row (see build_mask_row and build_en_terms), (covered weight -
  // chance) * norm: by column, then by the number of sentences on the other
  // side (1..kMaxSpan). Beside them, by column, whether the sentence is an
  // orphan of such a bead (nothing covered, and tokens enough to count as
  // one): for the counts below the column's number. (The coverage only grows
  // with the count: a flag beside each term took 8 bytes a term where 4 and
  // one a column do; the terms of a lopsided pair's wide rows were the most
  // its search held.)
  std::array<std::vector<float>, kRing> zh_terms_;
  std::array<std::vector<std::uint8_t>, kRing> zh_orphans_below_;
  std::array<std::size_t, kRing> zh_terms_lo_{};
  std::vector<float> en_terms_;
  std::vector<std::uint8_t> en_orphans_below_;
  std::size_t en_terms_row_ = static_cast<std::size_t>(-1), en_terms_lo_ = 0;
  const EnglishIndex& index_;
  // pair_masks's caches: its last answers (by a hash of the pair), and the decoded offers of its last rows.
  struct PairCache {
    std::size_t i = static_cast<std::size_t>(-1), j = 0;
    PairMasks masks;
  };
  mutable std::array<PairCache, 128> pair_cache_{};
  mutable std::array<DecodedOffers, 8> decoded_{};
  mutable std::array<WantedTokens, 8> wanted_{};
  // The search's place in each position's postings: the first not before the
  // first column of the last mask row built (rows' first columns only grow,
  // so each list is walked once per run, not searched once per row), beside
  // the list's end (read together: a position's two were two cache misses).
  struct PostingCursor {
    std::uint32_t next = 0, end = 0;
  };
  std::vector<PostingCursor> posting_cursor_;
};

// Whether the first letter of the text, after spaces, is a lower-case Latin one.
bool starts_lower(std::string_view text, Span span) {
  for (std::size_t pos = span.begin; pos < span.end; ++pos) {
    const char c = text[pos];
    if (c != ' ' && c != '\t' && c != '\n' && c != '\r') return c >= 'a' && c <= 'z';
  }
  return false;
}

// vocabulary: when given, the only ids worth offering (those the other side's
// tokens can ask for; a Chinese word offers every word of its glosses, most of
// which the translation never uses), and each sentence's offers are interned
// as it is made; without it they are appended to found_offers as found.
// numbers (when set) gets each sentence's number mentions.
std::vector<SentenceFeatures> features_of(FeatureExtractor& extractor, const Document& doc,
                                          const std::vector<Sentence>& sentences, bool chinese,
                                          const Vocabulary* vocabulary, FoundOffers* found_offers,
                                          SentenceNumbers* numbers) {
  std::vector<SentenceFeatures> out;
  out.reserve(sentences.size());
  if (found_offers) found_offers->reserve(found_offers->size() + sentences.size());
  if (numbers) *numbers = SentenceNumbers{{}, {0}};
  for (const auto& sentence : sentences) {
    std::vector<NumberMention>* mentions = numbers ? &numbers->mentions : nullptr;
    FoundFeatures found = chinese ? extractor.chinese(doc.text, sentence.span, mentions)
                                  : extractor.english(doc.text, sentence.span, mentions);
    if (numbers) numbers->first.push_back(static_cast<std::uint32_t>(numbers->mentions.size()));
    out.push_back(std::move(found.features));
    // (Paragraphs ascend with the sentences: one that differs from the sentence before's starts.)
    out.back().paragraph_start = out.size() == 1 || sentence.paragraph != sentences[out.size() - 2].paragraph;
    count_quotes(doc.text, sentence.span, out.back());
    out.back().ending = find_ending(doc.text, sentence.span);
    mark_quote_turn(out.back(), quote_marks_of(doc.text, sentence.span));
    // A sentence that starts in lower case goes on from the one before
    // ("'Why?' he asked." split after the question): that one ends nothing.
    if (out.size() >= 2 && starts_lower(doc.text, sentence.span)) out[out.size() - 2].ending = 0;
    if (vocabulary) out.back().offers.assign(found.offers, *vocabulary);
    else found_offers->add(found.offers);
  }
  return out;
}

// A bead whose sides share no evidence at all although both have several
// tokens is two unpaired sides (an omission next to an addition), not a translation.
// In a free (literary) translation many renderings share no dictionary
// evidence: more than max(2, 1%) of the pairs of a path.
bool free_translation(const ScoredPath& path) {
  std::size_t pairs = 0, unrelated = 0;
  for (std::size_t k = 0; k < path.size(); ++k)
    if (path.steps[k].zh > 0 && path.steps[k].en > 0) ++pairs, unrelated += path.scores[k] <= 0.f ? 1 : 0;
  return unrelated > std::max<std::size_t>(2, pairs / 100);
}

// Only where such beads are rare is one an omission next to an addition.
ScoredPath split_unrelated(ScoredPath path, const std::vector<SentenceFeatures>& zh, const std::vector<SentenceFeatures>& en,
                           int min_tokens) {
  if (free_translation(path)) return path;
  return split_steps(std::move(path), [&](PathStep step, float score, std::size_t i0, std::size_t j0, std::pair<PathStep, float>& first,
                                          std::pair<PathStep, float>& second) {
    if (step.zh == 0 || step.en == 0 || score > 0.f) return false;
    std::size_t zh_tokens = 0, en_tokens = 0;
    for (std::size_t i = i0; i < i0 + step.zh; ++i) zh_tokens += zh[i].tokens.size();
    for (std::size_t j = j0; j < j0 + step.en; ++j) en_tokens += en[j].tokens.size();
    const auto min_side = static_cast<std::size_t>(min_tokens);
    if (zh_tokens < min_side || en_tokens < min_side || zh_tokens + en_tokens < 3 * min_side) return false;
    first = {{step.zh, 0}, 0.f};
    second = {{0, step.en}, 0.f};
    return true;
  });
}

// The second pass's length sigma, scaled by the spread of the first path's
// length deviations against weights.fit_length (a typical literary
// translation's), within [fit_low, fit_high]; unchanged on fewer than 20
// pairing beads (too few to tell).
double fitted_sigma(const std::vector<SentenceFeatures>& zh, const std::vector<SentenceFeatures>& en,
                    const Path& path, float ratio, const AlignWeights& weights) {
  const double spread = length_spread(zh, en, path, ratio, kSmoothing, 20);
  if (weights.fit_length <= 0 || spread <= 0) return weights.length_sigma;
  return weights.length_sigma * std::clamp(spread / weights.fit_length, weights.fit_low, weights.fit_high);
}

// The endings' reward, fitted on the first path: weights.endings times the
// log of how many more of its beads end alike (a question, or an
// exclamation, on both sides) than pairing its endings at random would give
// (at least half a bead), when at least kEndingBeads of them end so on
// either side (fewer tell nothing), and 0 when they end alike no more than
// chance has them (a text of questions, a translation that drops them).
constexpr std::size_t kEndingBeads = 10;
// (classes: the ending bits fitted, kEndingClass or kEndingQuoted.)
double fitted_endings(const std::vector<SentenceFeatures>& zh, const std::vector<SentenceFeatures>& en,
                      const Path& path, double weight, std::uint8_t classes) {
  const EndingFit fit = ending_fit(zh, en, path, classes);
  if (weight == 0 || fit.ending < kEndingBeads || fit.alike == 0) return 0.0;
  return weight * std::max(0.0, std::log(static_cast<double>(fit.alike) / std::max(fit.chance, 0.5)));
}

// Searches a band of half width `margin` around `path`, widening it (up to
// `widest`) near where the best path touches its edge, for as long as that
// finds a better path and the widening has added fewer cells than half the
// first band's. On repetitive text many paths score alike and the best one
// touches any band almost everywhere: widening there only costs (the cap
// keeps the search linear), while a real pair touches in a few places.
void search_near(Search& search, const Path& path, std::size_t margin, std::size_t widest,
                 ScoredPath& out) {
  search.path_band(path, margin);
  const std::size_t first_cells = search.cells();
  float best = -std::numeric_limits<float>::infinity();
  while (!search.run(out) && search.keep_touches_where_paired(path) && margin < widest && search.path_score() > best + 1e-3f) {
    best = search.path_score();
    search.widen_where_touched(path, margin *= 2);
    if (search.cells() - first_cells > first_cells / 2) break;
  }
}


// The path of the beads of Chinese sentences (rows) with English ones
// (columns), and their scores.
// (zh_numbers, en_numbers: AlignOptions::numbers of each side, or null.)
ScoredPath align_path(const Document& zh_doc, const std::vector<Sentence>& zh_sentences, const Document& en_doc,
                      const std::vector<Sentence>& en_sentences, const AlignOptions& options,
                      SentenceNumbers* zh_numbers, SentenceNumbers* en_numbers) {
  const Lexicon& lexicon = options.lexicon ? *options.lexicon : default_lexicon();
  // (Held only while the features are made: its caches, the pinyin of every character seen, are not needed after.)
  std::optional<FeatureExtractor> extractor(std::in_place, lexicon, options.glossary, options.weights.sub_glosses);
  // The sentences' tokens until intern_side interns them (one side's at a time).
  std::optional<TokenArena> found_tokens(std::in_place);
  extractor->hold_tokens_in(&*found_tokens);
  FoundOffers en_offers;
  auto en = features_of(*extractor, en_doc, en_sentences, en_doc.lang == Lang::zh, nullptr, &en_offers, en_numbers);
  // (The English words the extractor made are not needed for the Chinese side: let go before the vocabulary is made.)
  extractor->forget_english_words();
  // Every id of the pair's offers is one the English side has: its sorted ids are the vocabulary both sides' offers index.
  Vocabulary english_ids = vocabulary_of(en, en_offers);
  for (std::size_t j = 0; j < en.size(); ++j) en[j].offers.assign(en_offers[j], english_ids);
  en_offers = FoundOffers();
  // The sentences' leads (speakers.h): Chinese against English only.
  const bool leads = options.weights.speakers != 0 && zh_doc.lang == Lang::zh && en_doc.lang != Lang::zh;
  // (No English sentence leading with a name: english_leads makes no ranges, 4 bytes a sentence.)
  EnglishLeads en_leads = leads ? english_leads(en_doc.text, en_sentences, en, english_ids) : EnglishLeads{};
  // Each side's tokens interned as soon as the side is read, and the arena
  // that held them let go: held for both sides until both were interned,
  // the two arenas were the aligner's peak on files of short lines.
  TokenPools token_pools;
  intern_side(en, false, english_ids, token_pools);
  found_tokens.emplace();
  extractor->hold_tokens_in(&*found_tokens);
  extractor->offer_only(&english_ids);
  auto zh = features_of(*extractor, zh_doc, zh_sentences, zh_doc.lang == Lang::zh, &english_ids, nullptr, zh_numbers);
  extractor.reset();
  // Both sides' offers and the English tokens are interned: from here on
  // only the vocabulary's size is read (its ids and their lookup slots were
  // held through every search; the Chinese keys are ranked among themselves).
  const std::size_t vocabulary_size = english_ids.ids.size();
  english_ids = Vocabulary();
  // (No English sentence leading with a name: nothing for the Chinese leads to match.)
  std::vector<std::uint64_t> zh_leads =
      leads && !en_leads.positions.empty() ? chinese_leads(zh_doc.text, zh_sentences, zh) : std::vector<std::uint64_t>{};
  intern_side(zh, true, Vocabulary{}, token_pools);  // (the Chinese side reads no vocabulary)
  rate_tokens(zh, en, vocabulary_size, token_pools.en);
  found_tokens.reset();
  // (Here and after the coarse path and the first pass: see give_back_free_memory.)
  give_back_free_memory();
  // (Held while searches run: made after the coarse path, freed while the pairs are learned, and made again after.)
  std::optional<EnglishIndex> english_index;
  mark_speech(zh);
  mark_speech(en);
  if (!options.weights.quote_turns)
    for (auto* side : {&zh, &en})
      for (auto& sentence : *side) sentence.quote_turn = 0;
  ScoredPath path;
  // A sentence without dictionary evidence is no sign of a wrong merge in a
  // free translation: the first pass is lenient, and the second keeps that
  // only when the first path shows the translation is free.
  AlignWeights lenient = options.weights;
  lenient.orphan *= options.weights.free_orphan;
  // The endings' reward is fitted on the first path (see fitted_endings).
  lenient.endings = 0;
  lenient.closing = 0;
  // A long pair is searched near the path a search over chunks of sentences
  // finds, which also tells the length ratio of its translated parts.
  const bool whole = (zh.size() + 1) * (en.size() + 1) <= kWholeSearchCells;
  const bool same_script = (zh_doc.lang == Lang::zh) == (en_doc.lang == Lang::zh);
  CoarsePath guide = whole ? CoarsePath{{}, pair_length_ratio(zh, en, same_script)} : coarse_path(zh, en, token_pools, same_script);
  give_back_free_memory();
  english_index.emplace(index_english(en, vocabulary_size));
  // (Every search's weights have the same normalise.)
  const SearchTables tables = Search::make_tables(zh, en, token_pools, options.weights.normalise, guide.ratio);
  {
    Search search(zh, en, token_pools, lenient, guide.ratio, *english_index, tables);
    search.evidence_only();
    if (whole) {
      search.whole();
      search.run(path);
    } else {
      // The band widens where the best path touches its edge, up to four
      // times: beyond that the sentence scores pull against the chunks' evidence
      // (spreading the last sentences of one side over text the other lacks).
      const std::size_t margin = std::max<std::size_t>(options.band, 4);
      search_near(search, guide.path, margin, margin * 4, path);
      Path().swap(guide.path);  // (only its ratio is needed from here)
    }
  }
  const bool free = free_translation(path);
  english_index.reset();
  give_back_free_memory();
  // From here on the endings' reward is the one the first path tells.
  lenient.endings = fitted_endings(zh, en, path.steps, options.weights.endings, kEndingClass);
  lenient.closing = fitted_endings(zh, en, path.steps, options.weights.closing, kEndingQuoted);
  AlignWeights fitted = options.weights;
  fitted.endings = lenient.endings;
  fitted.closing = lenient.closing;
  // Whether neighbouring beads are joined (join_crossed_near_path) after the second pass.
  const bool joins = options.weights.leak > 0 && !lexicon.empty();
  const bool learned = options.weights.learn_dice > 0 &&
                       learn_pairs(zh, en, path.steps, options.weights.learn_dice, options.weights.learn_count,
                                   options.weights.learn_trusted) > 0;
  english_index.emplace(index_english(en, vocabulary_size));
  // The leads' reward, fitted on the first path with the learned pairs.
  Speakers speakers;
  if (leads) {
    speakers = Speakers(zh, zh_leads, std::move(en_leads));
    speakers.fit_weight(path.steps, options.weights.speakers);
  }
  std::vector<std::uint64_t>().swap(zh_leads);
  // The connectives the sentences open with: Chinese against English only.
  const Connectives connectives = options.weights.connectives != 0 && zh_doc.lang == Lang::zh && en_doc.lang != Lang::zh
                                ? find_connectives(zh_doc.text, zh_sentences, en_doc.text, en_sentences)
                                : Connectives{};
  if (learned || (!free && lenient.orphan != options.weights.orphan)) {
    // The second pass only refines: search near the first path.
    // (Learned pairs add offers, not tokens: the tokens' weights stand, their chance rates change.)
    if (learned) rate_tokens(zh, en, vocabulary_size, token_pools.en);
    AlignWeights second = free ? lenient : fitted;
    second.length_sigma = fitted_sigma(zh, en, path.steps, guide.ratio, options.weights);
    const Path first = std::move(path.steps);
    path = ScoredPath{};  // (each run clears and refills it)
    Search search(zh, en, token_pools, second, guide.ratio, *english_index, tables);
    search.set_speakers(&speakers);
    search.set_connectives(&connectives);
    if (joins) search.scores_later();  // (join_crossed_near_path scores them)
    // Widening is bounded: on repetitive text the best path keeps touching
    // any band, and an unbounded band grows to the whole matrix (quadratic
    // time and memory). The band starts narrow: the second path stays within
    // three sentences of the first on MAC-Dev, TICO-19 and the synthetic
    // pair (beads the same as with a half width of 16, at a quarter of its
    // cells), and widens where it touches the edge.
    search_near(search, first, 4, 64, path);
  } else {
    // The first path is the pair's: its beads scored as the search scores them.
    Search search(zh, en, token_pools, lenient, guide.ratio, *english_index, tables);
    search.path_band(path.steps, 2);
    search.score_beads(path);
  }
  if (joins) {
    AlignWeights last = free ? lenient : fitted;
    Search search(zh, en, token_pools, last, guide.ratio, *english_index, tables);
    search.set_speakers(&speakers);
    search.set_connectives(&connectives);
    search.path_band(path.steps, 2);
    search.join_crossed_near_path(path);
  }
  if (options.weights.split_unrelated > 0 && !lexicon.empty()) path = split_unrelated(std::move(path), zh, en, options.weights.split_unrelated);
  if (!free && !lexicon.empty()) {
    // Orphans inside many-to-one beads: read off the masks near the final path.
    Search search(zh, en, token_pools, options.weights, guide.ratio, *english_index, tables);
    search.path_band(path.steps, 2);
    path = search.split_orphans_near_path(std::move(path));
  }
  return path;
}

}  // namespace

Alignment align_sentences(const Document& source, std::vector<Sentence> source_sentences, const Document& target,
                          std::vector<Sentence> target_sentences, const AlignOptions& options) {
  Alignment alignment;
  alignment.source_sentences = std::move(source_sentences);
  alignment.target_sentences = std::move(target_sentences);
  // The search runs Chinese (rows) against English (columns); an en->zh pair is swapped.
  const bool swapped = source.lang != Lang::zh && target.lang == Lang::zh;
  const Document& zh_doc = swapped ? target : source;
  const Document& en_doc = swapped ? source : target;
  const auto& zh_sentences = swapped ? alignment.target_sentences : alignment.source_sentences;
  const auto& en_sentences = swapped ? alignment.source_sentences : alignment.target_sentences;
  SentenceNumbers* zh_numbers = options.numbers ? (swapped ? &options.numbers->target : &options.numbers->source) : nullptr;
  SentenceNumbers* en_numbers = options.numbers ? (swapped ? &options.numbers->source : &options.numbers->target) : nullptr;
  const ScoredPath path = align_path(zh_doc, zh_sentences, en_doc, en_sentences, options, zh_numbers, en_numbers);
  // The beads, made once the sentences' features are freed.
  alignment.beads.reserve(path.size());
  std::size_t i = 0, j = 0;
  for (std::size_t k = 0; k < path.size(); ++k) {
    Bead& bead = alignment.beads.emplace_back();
    auto& zh_side = swapped ? bead.target : bead.source;
    auto& en_side = swapped ? bead.source : bead.target;
    zh_side = SentenceRun::of(i, path.steps[k].zh);
    en_side = SentenceRun::of(j, path.steps[k].en);
    i += path.steps[k].zh, j += path.steps[k].en;
    bead.score = path.scores[k];
  }
  return alignment;
}

Alignment align_documents(const Document& source, const Document& target, const AlignOptions& options) {
  SegmentOptions segment;
  segment.segmented = options.segmented;
  return align_sentences(source, segment_document(source, segment), target, segment_document(target, segment),
                         options);
}

}  // namespace tc

namespace tc {

Alignment align_units(const Document& source, const Document& target, const std::vector<BitextUnit>& units) {
  const std::vector<Sentence> source_sentences = segment_document(source);
  const std::vector<Sentence> target_sentences = segment_document(target);
  Alignment alignment;
  alignment.source_sentences.reserve(source_sentences.size());
  alignment.target_sentences.reserve(target_sentences.size());
  alignment.beads.reserve(units.size());
  // Units and sentences are both in text order on each side.
  auto take = [](const std::vector<Sentence>& all, std::size_t& next, Span unit) {
    while (next < all.size() && all[next].span.begin < unit.begin) ++next;
    const std::size_t first = next;
    while (next < all.size() && all[next].span.end <= unit.end) ++next;
    return std::pair{first, next};
  };
  std::size_t s = 0;
  std::size_t t = 0;
  for (const BitextUnit& unit : units) {
    const auto [source_first, source_end] = take(source_sentences, s, unit.source);
    const auto [target_first, target_end] = take(target_sentences, t, unit.target);
    // A side without a sentence (untranslated, or only a placeholder) is no bead.
    if (source_first == source_end || target_first == target_end) continue;
    Bead bead;
    bead.score = 1.0;
    for (std::size_t i = source_first; i < source_end; ++i) {
      bead.source.push_back(alignment.source_sentences.size());
      alignment.source_sentences.push_back(source_sentences[i]);
    }
    for (std::size_t i = target_first; i < target_end; ++i) {
      bead.target.push_back(alignment.target_sentences.size());
      alignment.target_sentences.push_back(target_sentences[i]);
    }
    alignment.beads.push_back(std::move(bead));
  }
  return alignment;
}

}  // namespace tc
