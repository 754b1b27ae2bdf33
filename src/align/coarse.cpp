#include "align/coarse.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <deque>
#include <limits>
#include <stdexcept>
#include <unordered_map>
#include <utility>

namespace tc {

namespace {

// English runs 2-6 code points per Chinese one, and two texts in the same
// script run about as long as each other; a pair far outside that is
// lopsided (one side mostly missing), and its raw total ratio would make the
// length term pair the wrong sentences.
float plausible_ratio(double zh_total, double en_total, bool same_script) {
  const double min_ratio = same_script ? 0.5 : 1.5, max_ratio = same_script ? 2.0 : 8.0;
  return zh_total > 0 && en_total > 0 ? static_cast<float>(std::clamp(en_total / zh_total, min_ratio, max_ratio)) : 1.f;
}

}  // namespace

float pair_length_ratio(const std::vector<SentenceFeatures>& zh, const std::vector<SentenceFeatures>& en, bool same_script) {
  double zh_total = 0, en_total = 0;
  for (const auto& s : zh) zh_total += s.length;
  for (const auto& s : en) en_total += s.length;
  return plausible_ratio(zh_total, en_total, same_script);
}

Path path_of(const std::vector<Bead>& beads) {
  Path path;
  path.reserve(beads.size());
  for (const Bead& bead : beads)
    path.push_back({static_cast<std::uint32_t>(bead.source.size()), static_cast<std::uint32_t>(bead.target.size())});
  return path;
}

Band band_around(const Path& path, std::size_t n, std::size_t m, std::size_t margin) {
  std::vector<std::uint32_t> first(n + 1, static_cast<std::uint32_t>(m)), last(n + 1, 0);
  std::size_t i = 0, j = 0;
  auto mark = [&](std::size_t row, std::size_t column) {
    first[row] = std::min(first[row], static_cast<std::uint32_t>(column));
    last[row] = std::max(last[row], static_cast<std::uint32_t>(column));
  };
  mark(0, 0);
  for (const PathStep& step : path) {
    const std::size_t i1 = i + step.zh, j1 = j + step.en;
    for (std::size_t r = i; r <= i1; ++r) mark(r, r == i ? j : j1), mark(r, r == i1 ? j1 : j);
    i = i1, j = j1;
  }
  // Each row's band is written over its marks (a band beside them took
  // twice the room, three times with the band a search widens): the marks
  // of the rows before it that its window reads are kept in a ring.
  const std::size_t ring = std::min(margin, n) + 1;
  std::vector<std::uint32_t> kept_first(ring), kept_last(ring);
  for (std::size_t r = 0; r <= n; ++r) {
    // Rows within `margin` contribute too, so the band is wide across steep parts of the path.
    std::size_t low = m, high = 0;
    const std::size_t from = r >= margin ? r - margin : 0;
    for (std::size_t q = from; q < r; ++q)
      low = std::min<std::size_t>(low, kept_first[q % ring]), high = std::max<std::size_t>(high, kept_last[q % ring]);
    for (std::size_t q = r; q <= std::min(n, r + margin); ++q)
      low = std::min<std::size_t>(low, first[q]), high = std::max<std::size_t>(high, last[q]);
    kept_first[r % ring] = first[r], kept_last[r % ring] = last[r];
    first[r] = static_cast<std::uint32_t>(low >= margin ? low - margin : 0);
    last[r] = static_cast<std::uint32_t>(std::min(m, high + margin));
  }
  Band band;
  band.lo = std::move(first);
  band.hi = std::move(last);
  for (std::size_t r = 1; r <= n; ++r)
    band.lo[r] = std::max(band.lo[r], band.lo[r - 1]), band.hi[r] = std::max(band.hi[r], band.hi[r - 1]);
  for (std::size_t r = n; r-- > 0;) band.lo[r] = std::min(band.lo[r], band.lo[r + 1]);
  return band;
}

namespace {

// Ids as their positions in the pair's vocabulary (ascending like the ids), with a weight: sorted, one entry per id.
using WeightedIds = std::vector<std::pair<std::uint32_t, float>>;

// Consecutive units of one side taken together: what they offer or need, and how long they are.
struct Chunk {
  // [first, last) of the units of the level below (sentences at the first
  // level; 32-bit as Sentence's spans are: 16 bytes a chunk, not 24).
  std::uint32_t first = 0, last = 0;
  float length = 0;                 // code points (Chinese) or characters (English)
  float weight = 0;                 // token weight needing a counterpart
  // (The ids a chunk offers or needs are made when the search needs them: see ChunkIds.)
};

// Sorted ids: the weights of equal ids summed into one entry, in order.
// (Without a branch an entry: the entry being summed is held and written at
// every step, the next one moves on only after a new id; the weight kept is
// chosen by a mask, as a ternary of floats was a branch, mispredicted often.)
void merge_equal(WeightedIds& ids) {
  if (ids.empty()) return;
  std::size_t out = 0;
  std::pair<std::uint32_t, float> held = ids[0];
  for (std::size_t k = 1; k < ids.size(); ++k) {
    const std::pair<std::uint32_t, float> next = ids[k];
    const bool same = held.first == next.first;
    ids[out] = held;
    out += !same;
    const std::uint32_t same_mask = 0 - static_cast<std::uint32_t>(same);
    const float summed = held.second + next.second;
    held.second = std::bit_cast<float>((std::bit_cast<std::uint32_t>(summed) & same_mask) |
                                       (std::bit_cast<std::uint32_t>(next.second) & ~same_mask));
    held.first = next.first;
  }
  ids[out] = held;
  ids.resize(out + 1);
}

// `ids` and `run` (sorted) merged into `out` in std::merge's order (an entry
// of `run` goes first only when it is less), choosing each entry without a
// branch: which side is next is a coin toss, and std::merge's branch was
// mispredicted about once an entry (0.48M times on the x1 MAC-Dev pair).
void merge_ids(const WeightedIds& ids, const WeightedIds& run, WeightedIds& out) {
  out.resize(ids.size() + run.size());
  const auto *x = ids.data(), *x_end = x + ids.size(), *y = run.data(), *y_end = y + run.size();
  auto* o = out.data();
  static_assert(sizeof(*x) == sizeof(std::uint64_t));
  while (x != x_end && y != y_end) {
    // (Entries read as 64 bits, chosen by a mask: GCC made a ternary of them a branch.)
    std::uint64_t from_ids, from_run;
    std::memcpy(&from_ids, x, sizeof from_ids);
    std::memcpy(&from_run, y, sizeof from_run);
    const bool take_run = (y->first < x->first) | ((y->first == x->first) & (y->second < x->second));
    const std::uint64_t run_mask = 0 - static_cast<std::uint64_t>(take_run);
    const std::uint64_t chosen = (from_run & run_mask) | (from_ids & ~run_mask);
    std::memcpy(static_cast<void*>(o++), &chosen, sizeof chosen);
    y += take_run;
    x += !take_run;
  }
  o = std::copy(x, x_end, o);
  std::copy(y, y_end, o);
}

// Adds the ids a sentence offers (Chinese) or its tokens need (English), with their token weight.
void add_sentence_ids(const SentenceFeatures& f, const TokenTable& table, bool chinese, WeightedIds& ids) {
  if (chinese) {
    // (The weights read from the table once: a sentence offers many ids.)
    const TokenWeights held = table.weights_of(f.tokens);
    std::array<float, kMaxTokens> weights;
    for (std::size_t k = 0; k < held.size() && k < kMaxTokens; ++k) weights[k] = held[k];
    f.offers.for_each_position([&](std::uint32_t position, std::uint64_t bits) { ids.emplace_back(position, weighted_bits(bits, weights)); });
    return;
  }
  // (Interned: positions in the vocabulary plus one, 0 for none.)
  const auto positions = f.tokens.positions(), alt_positions = f.tokens.alt_positions();
  const auto weights = table.weights_of(f.tokens);
  for (std::size_t k = 0; k < positions.size(); ++k) {
    if (positions[k]) ids.emplace_back(positions[k] - 1, weights[k]);
    if (alt_positions[k] && alt_positions[k] != positions[k]) ids.emplace_back(alt_positions[k] - 1, weights[k]);
  }
}

// Groups units into chunks of about `target` length each (the last one may be shorter).
template <class LengthOf>
std::vector<std::pair<std::size_t, std::size_t>> group_by_length(std::size_t count, LengthOf length_of, float target) {
  std::vector<std::pair<std::size_t, std::size_t>> groups;
  std::size_t begin = 0;
  float sum = 0;
  for (std::size_t k = 0; k < count; ++k) {
    sum += length_of(k);
    if (sum >= target) groups.emplace_back(begin, k + 1), begin = k + 1, sum = 0;
  }
  if (begin < count) groups.emplace_back(begin, count);
  return groups;
}

std::vector<Chunk> sentence_chunks(const std::vector<SentenceFeatures>& side, const TokenTable& table, float target) {
  const auto groups = group_by_length(side.size(), [&](std::size_t k) { return side[k].length; }, target);
  std::vector<Chunk> chunks;
  chunks.reserve(groups.size());  // (made at its size: grown, a book's chunks held up to twice their room)
  for (const auto& [begin, end] : groups) {
    Chunk chunk;
    chunk.first = static_cast<std::uint32_t>(begin), chunk.last = static_cast<std::uint32_t>(end);
    for (std::size_t s = begin; s < end; ++s) {
      const SentenceFeatures& f = side[s];
      chunk.length += f.length;
      for (float w : table.weights_of(f.tokens)) chunk.weight += w;
    }
    chunks.push_back(chunk);
  }
  return chunks;
}

std::vector<Chunk> coarser_chunks(const std::vector<Chunk>& finer, float target) {
  const auto groups = group_by_length(finer.size(), [&](std::size_t k) { return finer[k].length; }, target);
  std::vector<Chunk> chunks;
  chunks.reserve(groups.size());
  for (const auto& [begin, end] : groups) {
    Chunk chunk;
    chunk.first = static_cast<std::uint32_t>(begin), chunk.last = static_cast<std::uint32_t>(end);
    for (std::size_t k = begin; k < end; ++k) {
      chunk.length += finer[k].length;
      chunk.weight += finer[k].weight;
    }
    chunks.push_back(chunk);
  }
  return chunks;
}

// The ids a Chinese chunk offers, or an English chunk's tokens need, with
// their token weight, made when the search needs them (all the chunks' at
// once took more than the offers of the sentences, and every level's
// English ids at once were the most the coarse path held): at the first
// level from its sentences', above it from the chunks of the level below,
// sorted and each id's weights summed in order (as a sort of all of them
// would order them).
class ChunkIds {
 public:
  ChunkIds(const std::vector<SentenceFeatures>& sentences, const TokenTable& table, const std::vector<std::vector<Chunk>>& levels,
           bool chinese)
      : sentences_(sentences), table_(table), levels_(levels), chinese_(chinese), scratch_(levels.size()) {}
  // The ids of chunk `a` of `level` (valid until the next call).
  // Each part (a sentence's ids, sorted (a Chinese sentence's offers are,
  // one per id); a finer chunk's ids, sorted and merged) is merged into the
  // sorted ids before it: the same sorted sequence a sort of them all gives.
  const WeightedIds& of(std::size_t level, std::size_t a) {
    WeightedIds& out = scratch_[level];
    out.clear();
    const Chunk& chunk = levels_[level][a];
    for (std::size_t k = chunk.first; k < chunk.last; ++k) {
      WeightedIds& part = part_;
      if (level == 0) {
        part.clear();
        add_sentence_ids(sentences_[k], table_, chinese_, part);
        if (!chinese_) std::sort(part.begin(), part.end());
      }
      const WeightedIds& run = level == 0 ? part : of(level - 1, k);
      merge_ids(out, run, merged_);
      out.swap(merged_);
    }
    // (Sorted: each id's weights are summed in order.)
    merge_equal(out);
    return out;
  }

 private:
  const std::vector<SentenceFeatures>& sentences_;
  const TokenTable& table_;
  const std::vector<std::vector<Chunk>>& levels_;
  bool chinese_;
  std::vector<WeightedIds> scratch_;  // one a level
  WeightedIds part_, merged_;         // a sentence's ids; the merge's output
};

struct ChunkShape {
  int zh, en;
  float penalty;
};
constexpr std::array<ChunkShape, 8> kChunkShapes = {
    {{1, 1, 0.f}, {1, 0, 0.25f}, {0, 1, 0.25f}, {1, 2, 0.5f}, {2, 1, 0.5f}, {2, 2, 1.f}, {1, 3, 1.f}, {3, 1, 1.f}}};
constexpr std::size_t kMaxChunkSpan = 3;

// Aligns chunks inside a band (every cell when `band` is null). zh_ids(a):
// the ids Chinese chunk a offers; en_ids(b): those English chunk b needs
// (each valid until the next call).
template <class ZhIds, class EnIds>
Path align_chunks(const std::vector<Chunk>& zh, const std::vector<Chunk>& en, float ratio, const Band* band, ZhIds zh_ids,
                  EnIds en_ids) {
  const std::size_t n = zh.size(), m = en.size();
  Band whole;
  if (!band) {
    whole.lo.assign(n + 1, 0);
    whole.hi.assign(n + 1, static_cast<std::uint32_t>(m));
    band = &whole;
  }
  const auto& lo = band->lo;
  const auto& hi = band->hi;
  // Shared evidence of chunk pairs: zh chunk a against the English chunks in
  // reach of beads ending in rows a+1..a+kMaxChunkSpan.
  // The English chunks holding each id (a position in the vocabulary), by
  // ascending chunk: postings[start[id], start[id + 1]) (flat arrays indexed by
  // the id, where a hash map took a node and a vector an id).
  // (The level's ids made once, in blocks (no room held for growth), and
  // freed once placed: holding every level's at once was the most the
  // coarse path held.)
  std::deque<std::pair<std::uint32_t, float>> level_ids;
  // (Offsets and counts below are 32-bit: a chunk's 4 bytes, where size_t
  // took 8 in each of four arrays, the coarse path's peak on short sentences.)
  std::vector<std::uint32_t> level_start(m + 1, 0);
  std::uint32_t ids_end = 0;
  for (std::size_t b = 0; b < m; ++b) {
    for (const auto& entry : en_ids(b)) level_ids.push_back(entry), ids_end = std::max(ids_end, entry.first + 1);
    level_start[b + 1] = static_cast<std::uint32_t>(level_ids.size());
  }
  std::vector<std::uint32_t> start(std::size_t{ids_end} + 1, 0);
  for (const auto& [id, w] : level_ids) ++start[id + 1];
  for (std::size_t id = 0; id < ids_end; ++id) start[id + 1] += start[id];
  std::vector<std::pair<std::uint32_t, float>> postings(start.back());
  {
    std::vector<std::uint32_t> fill(start.begin(), start.end() - 1);
    for (std::size_t b = 0; b < m; ++b)
      for (std::size_t k = level_start[b]; k < level_start[b + 1]; ++k) {
        const auto& [id, w] = level_ids[k];
        postings[fill[id]++] = {static_cast<std::uint32_t>(b), w};
      }
  }
  decltype(level_ids)().swap(level_ids);
  // A word in many chunks is no evidence of where a chunk goes.
  const std::size_t common = std::max<std::size_t>(16, m / 8);
  // Row a's cells: columns [cell_lo[a], cell_lo[a] + shared_start[a + 1] -
  // shared_start[a]), their evidence at shared[shared_start[a]...] (one
  // array: a vector a row took its header and its block's overhead, more
  // than its few cells).
  std::vector<std::uint32_t> cell_lo(n), shared_start(n + 1, 0);
  for (std::size_t a = 0; a < n; ++a) {
    const std::size_t first = lo[a] >= kMaxChunkSpan ? lo[a] - kMaxChunkSpan : 0;
    const std::size_t last = std::min<std::size_t>(m, hi[std::min(n, a + kMaxChunkSpan)]);
    cell_lo[a] = static_cast<std::uint32_t>(first);
    const std::size_t end = shared_start[a] + (last > first ? last - first : 0);
    if (end > UINT32_MAX) throw std::length_error("coarse_path: too many chunk pairs in reach");
    shared_start[a + 1] = static_cast<std::uint32_t>(end);
  }
  std::vector<float> shared(shared_start[n], 0.f);
  // Where each id's postings reach the current row's first column: rows'
  // first columns only grow (the band is monotone), so each list is walked
  // once, not searched at every row that needs it. Beside it the list's end
  // (read together: they were two cache misses, three with the list's start);
  // a common id's list is empty from the first.
  struct PostingCursor {
    std::uint32_t at = 0, end = 0;
  };
  std::vector<PostingCursor> cursors(ids_end);
  for (std::size_t id = 0; id < ids_end; ++id)
    cursors[id] = {start[id + 1] - start[id] > common ? start[id + 1] : start[id], start[id + 1]};
  decltype(start)().swap(start);
  double fraction_sum = 0;
  std::size_t fraction_count = 0;
  for (std::size_t a = 0; a < n; ++a) {
    const std::size_t first = cell_lo[a], last = first + (shared_start[a + 1] - shared_start[a]);
    float* row = shared.data() + shared_start[a];
    for (const auto& [id, zh_weight] : zh_ids(a)) {
      if (id >= ids_end) continue;
      PostingCursor& cursor = cursors[id];
      std::uint32_t at = cursor.at;
      while (at < cursor.end && postings[at].first < first) ++at;
      cursor.at = at;
      const auto list_end = postings.begin() + cursor.end;
      for (auto it = postings.begin() + at; it != list_end && it->first < last; ++it) row[it->first - first] += zh_weight + it->second;
    }
    for (std::size_t k = 0; k < last - first; ++k) {
      const float total = zh[a].weight + en[first + k].weight;
      if (total > 0) fraction_sum += std::min(1.f, row[k] / total), ++fraction_count;
    }
  }
  // Most pairs in reach are not translations: their mean share is what chance gives.
  const float chance = fraction_count ? static_cast<float>(fraction_sum / static_cast<double>(fraction_count)) : 0.f;
  auto shared_at = [&](std::size_t a, std::size_t b) {
    return b >= cell_lo[a] && b - cell_lo[a] < shared_start[a + 1] - shared_start[a] ? shared[shared_start[a] + (b - cell_lo[a])] : 0.f;
  };
  constexpr float kLexical = 4.f, kSigma = 0.3f, kSmoothing = 8.f;
  // The weights and lengths of the runs of 1..kMaxChunkSpan Chinese chunks
  // ending at each chunk (end * kMaxChunkSpan + count - 1), summed in order
  // from the first as a bead's score sums them: read, not summed, at each bead.
  std::vector<float> zh_weights((n + 1) * kMaxChunkSpan, 0.f), zh_lengths((n + 1) * kMaxChunkSpan, 0.f);
  for (std::size_t end = 1; end <= n; ++end)
    for (std::size_t count = 1; count <= std::min(end, kMaxChunkSpan); ++count) {
      float weight = 0, length = 0;
      for (std::size_t a = end - count; a < end; ++a) weight += zh[a].weight, length += zh[a].length;
      zh_weights[end * kMaxChunkSpan + count - 1] = weight, zh_lengths[end * kMaxChunkSpan + count - 1] = length;
    }
  constexpr float kNone = -std::numeric_limits<float>::infinity();
  // The score of a bead from a cell of score `previous`, or kNone when it
  // cannot beat `best` even without its length term (at least 0: its
  // logarithm is not taken).
  auto bead_score = [&](std::size_t a0, std::size_t a1, std::size_t b0, std::size_t b1, float penalty, float previous, float best) {
    if (a0 == a1 || b0 == b1) return -penalty;
    float covered = 0, total = zh_weights[a1 * kMaxChunkSpan + (a1 - a0 - 1)], en_length = 0;
    const float zh_length = zh_lengths[a1 * kMaxChunkSpan + (a1 - a0 - 1)];
    for (std::size_t b = b0; b < b1; ++b) total += en[b].weight, en_length += en[b].length;
    for (std::size_t a = a0; a < a1; ++a)
      for (std::size_t b = b0; b < b1; ++b) covered += shared_at(a, b);
    const float fraction = total > 0 ? std::min(1.f, covered / total) : 0.f;
    const float units = static_cast<float>(a1 - a0 + b1 - b0);
    const float lexical = kLexical * units * (fraction - chance);
    if (previous + (lexical - penalty) <= best) return kNone;
    const float deviation = std::log((en_length + kSmoothing * ratio) / ((zh_length + kSmoothing) * ratio));
    return lexical - units * deviation * deviation / (4 * kSigma * kSigma) - penalty;
  };
  // Scores of the rows a bead starts from (a ring: every row's took four
  // bytes a cell, with the shared evidence the most memory the aligner held
  // on a pair of a few thousand sentences), and the shape that ended at each
  // cell, row after row, two cells a byte (0xF: none).
  static_assert(kChunkShapes.size() < 16);
  constexpr std::size_t kRows = 4;  // a power of two above kMaxChunkSpan: rows i - kMaxChunkSpan .. i
  static_assert(kRows > kMaxChunkSpan && (kRows & (kRows - 1)) == 0);
  std::array<std::vector<float>, kRows> score;
  // (Rows' first cells are summed as the rows are walked, forwards here and
  // backwards in the traceback: a table of them took 8 bytes a row.)
  const std::size_t total_cells = band->cells();
  std::vector<std::uint8_t> back((total_cells + 1) / 2, 0xFF);
  std::size_t row_cell = 0;  // row i's first cell
  for (std::size_t i = 0; i <= n; row_cell += band->width(i++)) {
    std::vector<float>& row_score = score[i & (kRows - 1)];
    row_score.assign(band->width(i), kNone);
    if (i == 0) row_score[0] = 0.f;
    for (std::size_t j = lo[i]; j <= hi[i]; ++j) {
      if (i == 0 && j == 0) continue;
      float best = kNone;
      std::uint8_t best_shape = 0xF;
      // Each shape in order, its sizes constants.
      auto shape = [&]<std::size_t s>() {
        constexpr auto a = static_cast<std::size_t>(kChunkShapes[s].zh), b = static_cast<std::size_t>(kChunkShapes[s].en);
        if (a > i || b > j) return;
        const std::size_t pi = i - a, pj = j - b;
        if (pj < lo[pi] || pj > hi[pi]) return;
        const float previous = score[pi & (kRows - 1)][pj - lo[pi]];
        if (previous == kNone) return;
        const float total = previous + bead_score(pi, i, pj, j, kChunkShapes[s].penalty, previous, best);
        if (total > best) best = total, best_shape = static_cast<std::uint8_t>(s);
      };
      [&]<std::size_t... S>(std::index_sequence<S...>) { (shape.template operator()<S>(), ...); }(std::make_index_sequence<kChunkShapes.size()>{});
      row_score[j - lo[i]] = best;
      const std::size_t cell = row_cell + (j - lo[i]);
      back[cell / 2] = static_cast<std::uint8_t>((back[cell / 2] & ~(0xF << (cell % 2 * 4))) | (best_shape << (cell % 2 * 4)));
    }
  }
  Path path;
  std::size_t i = n, j = m;
  BandCellsBackward cell_of(*band, total_cells);
  while (i > 0 || j > 0) {
    const std::size_t cell = cell_of(i, j);
    const auto s = static_cast<std::uint8_t>(back[cell / 2] >> (cell % 2 * 4) & 0xF);
    if (s == 0xF) break;  // cannot happen: 1-0 and 0-1 reach every cell of a band
    const auto a = static_cast<std::size_t>(kChunkShapes[s].zh), b = static_cast<std::size_t>(kChunkShapes[s].en);
    path.push_back({static_cast<std::uint32_t>(a), static_cast<std::uint32_t>(b)});
    i -= a, j -= b;
  }
  std::reverse(path.begin(), path.end());
  return path;
}

// The path over chunks restated over the units the chunks are made of.
Path expand(const Path& path, const std::vector<Chunk>& zh, const std::vector<Chunk>& en) {
  Path out;
  out.reserve(path.size());
  std::size_t a = 0, b = 0;  // the step's first chunks
  for (const PathStep& step : path) {
    PathStep unit;
    for (const std::size_t end = a + step.zh; a < end; ++a) unit.zh += static_cast<std::uint32_t>(zh[a].last - zh[a].first);
    for (const std::size_t end = b + step.en; b < end; ++b) unit.en += static_cast<std::uint32_t>(en[b].last - en[b].first);
    out.push_back(unit);
  }
  return out;
}

// The length ratio of the part of the pair a path translates: from its first
// bead pairing both sides to its last (a side cut at a different point has
// text the other lacks only beyond them).
float paired_ratio(const Path& path, const std::vector<Chunk>& zh, const std::vector<Chunk>& en, bool same_script) {
  // The chunks from the first pairing step's first to the last one's last: [zh_first, zh_end) and [en_first, en_end).
  bool pairs = false;
  std::size_t a = 0, b = 0, zh_first = 0, en_first = 0, zh_end = 0, en_end = 0;
  for (const PathStep& step : path) {
    if (step.zh > 0 && step.en > 0) {
      if (!pairs) pairs = true, zh_first = a, en_first = b;
      zh_end = a + step.zh, en_end = b + step.en;
    }
    a += step.zh, b += step.en;
  }
  if (!pairs) return plausible_ratio(0, 0, same_script);
  double zh_total = 0, en_total = 0;
  for (std::size_t k = zh_first; k < zh_end; ++k) zh_total += zh[k].length;
  for (std::size_t k = en_first; k < en_end; ++k) en_total += en[k].length;
  return plausible_ratio(zh_total, en_total, same_script);
}

}  // namespace

CoarsePath coarse_path(const std::vector<SentenceFeatures>& zh, const std::vector<SentenceFeatures>& en, const TokenPools& tables,
                       bool same_script) {
  // Chunks of about kFirst sentences (by length, so that chunks of the two
  // sides hold about as much text), then chunks of about kGroup sentences,
  // then of kGroup chunks while a whole search over them would cost more
  // than kWholeCells cells. The first level, searched in a band around the
  // path of the second, is a guide close enough for the sentence search's
  // band to be narrow (half width 4, where chunks of kGroup sentences
  // needed 12: the path strayed up to 16 columns from their rectangles).
  constexpr float kFirst = 4.f;
  constexpr float kGroup = 8.f;
  constexpr std::size_t kWholeCells = 250'000;
  constexpr std::size_t kChunkMargin = 3;
  double zh_total = 0;
  for (const auto& s : zh) zh_total += s.length;
  const float zh_target = zh.empty() ? 1.f : kFirst * static_cast<float>(zh_total / static_cast<double>(zh.size()));
  // The Chinese chunks do not depend on the ratio: each level is made once,
  // and kept for the rounds after (a lopsided pair takes three).
  std::vector<std::vector<Chunk>> zh_levels, en_levels;
  zh_levels.push_back(sentence_chunks(zh, tables.zh, zh_target));
  Path path;
  // The whole pair's ratio is wrong where one side has text the other lacks:
  // further rounds chunk by the ratio of the part the round before paired.
  float ratio = pair_length_ratio(zh, en, same_script);
  for (int round = 0; round < 3; ++round) {
    en_levels.clear();
    en_levels.push_back(sentence_chunks(en, tables.en, zh_target * ratio));
    float target = zh_target;
    std::size_t top = 0;  // the level searched whole
    while ((top == 0 || (zh_levels[top].size() + 1) * (en_levels.back().size() + 1) > kWholeCells) && zh_levels[top].size() > kGroup &&
           en_levels.back().size() > kGroup) {
      target *= top == 0 ? kGroup / kFirst : kGroup;
      if (zh_levels.size() == top + 1) zh_levels.push_back(coarser_chunks(zh_levels[top], target));
      ++top;
      en_levels.push_back(coarser_chunks(en_levels.back(), target * ratio));
    }
    zh_levels.resize(top + 1);
    // The top level is searched whole.
    ChunkIds zh_ids(zh, tables.zh, zh_levels, true), en_ids(en, tables.en, en_levels, false);
    path = align_chunks(zh_levels.back(), en_levels.back(), ratio, nullptr,
                        [&](std::size_t a) -> const WeightedIds& { return zh_ids.of(top, a); },
                        [&](std::size_t b) -> const WeightedIds& { return en_ids.of(top, b); });
    const float paired = paired_ratio(path, zh_levels.back(), en_levels.back(), same_script);
    if (std::fabs(std::log(paired / ratio)) < 0.05f) break;
    ratio = paired;
  }
  // Each level below is searched near the path of the one above.
  for (std::size_t level = zh_levels.size() - 1; level-- > 0;) {
    const Path rough = expand(path, zh_levels[level + 1], en_levels[level + 1]);
    const Band band = band_around(rough, zh_levels[level].size(), en_levels[level].size(), kChunkMargin);
    ChunkIds zh_ids(zh, tables.zh, zh_levels, true), en_ids(en, tables.en, en_levels, false);
    path = align_chunks(zh_levels[level], en_levels[level], ratio, &band,
                        [&](std::size_t a) -> const WeightedIds& { return zh_ids.of(level, a); },
                        [&](std::size_t b) -> const WeightedIds& { return en_ids.of(level, b); });
  }
  return {expand(path, zh_levels.front(), en_levels.front()), ratio};
}

}  // namespace tc
