#pragma once
// What the aligner knows about each sentence: the tokens that need a
// counterpart on the other side, and the word ids it offers to cover the
// other side's tokens.
#include <bit>
#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/alignment.h"
#include "align/lexicon.h"
#include "align/pinyin.h"
#include "core/document.h"

namespace tc {

class Glossary;

inline constexpr std::size_t kMaxTokens = 64;  // tokens per sentence (bits of a mask)

struct SentenceFeatures {
  // Tokens needing a counterpart (at most kMaxTokens, distinct by key).
  std::vector<std::uint64_t> token_keys;     // identity for document frequency
  std::vector<WordId> token_ids;             // English side: the id to find in the other side's offers
  std::vector<WordId> token_alt_ids;         // a second id to try (capitalised words: the plain word), or 0
  std::vector<float> token_weights;          // IDF, filled by finish_features
  std::vector<float> token_rates;            // chance rate per unit of the other side's length
  // Ids offered to the other side: sorted by id, with the mask of own tokens that offer it.
  std::vector<std::pair<WordId, std::uint64_t>> offers;
  float length = 0;  // Chinese: code points without spaces; English: characters
  std::size_t paragraph = 0;
  // Quotation marks this sentence closes without opening, and opens without
  // closing: a quoted speech that runs over several sentences starts and ends
  // in the same bead on both sides.
  std::uint8_t quote_closes = 0;
  std::uint8_t quote_opens = 0;
};

// Sum of the weights of the tokens whose bits are set.
inline float weighted_bits(std::uint64_t bits, const std::vector<float>& weights) {
  float sum = 0;
  while (bits) {
    sum += weights[static_cast<std::size_t>(std::countr_zero(bits))];
    bits &= bits - 1;
  }
  return sum;
}

// Fills quote_closes and quote_opens from the sentence's text.
void count_quotes(std::string_view text, Span span, SentenceFeatures& features);

// Builds features for the sentences of one document. Chinese documents use
// the lexicon (and glossary), numbers, Latin tokens and pinyin of names.
class FeatureExtractor {
 public:
  // sub_glosses: a word also offers the glosses of its single characters.
  FeatureExtractor(const Lexicon& lexicon, const Glossary* glossary, bool sub_glosses = true);
  ~FeatureExtractor();
  SentenceFeatures chinese(std::string_view text, Span span);
  SentenceFeatures english(std::string_view text, Span span);

 private:
  const std::string& pinyin(char32_t han);
  const Lexicon& lexicon_;
  bool sub_glosses_ = true;
  Lexicon glossary_terms_;
  std::unordered_map<char32_t, std::string> pinyin_cache_;
  std::unique_ptr<HanPinyin> han_pinyin_;  // only without the index's pinyin table
};

// Translation pairs learned from the document itself: Chinese token keys and
// English word ids that keep landing in the same confident beads (a
// character's name and its English rendering, "韦小宝" and "Trinket").
// Adds them to the Chinese side's offers; returns how many pairs it learned.
// Pairs seen in at least trusted_count beads need only Dice >= min_dice; pairs
// seen less often must have been linked (link_words) in min_count beads.
std::size_t learn_pairs(std::vector<SentenceFeatures>& zh_side, const std::vector<SentenceFeatures>& en_side,
                        const std::vector<Bead>& zh_en_beads, double min_dice, int min_count, int trusted_count);

// Beads holding each Chinese key, each English id and each pair of them (sorted, one entry per bead).
struct LinkCounts {
  std::vector<std::uint64_t> zh;
  std::vector<WordId> en;
  std::vector<std::pair<std::uint64_t, WordId>> pairs;
};

// A Chinese word often stands for two English ones (a name for the name and
// its pronoun; 不大 "not very big"), an English word rarely for two Chinese ones.
inline constexpr int kLinksPerChineseWord = 2;

// A bead's distinct Chinese token keys and English token ids, and the ones
// the Chinese side's offers pair already (a key once per id it explains).
struct BeadWords {
  std::vector<std::uint64_t> zh;
  std::vector<WordId> en;
  std::vector<std::uint64_t> zh_explaining;
  std::vector<WordId> en_explained;
};

// Competitive linking (Melamed 2000) in each bead: its word pairs seen in at
// least min_count beads with Dice at least min_dice, strongest first, each
// English word linked once and each Chinese word at most
// kLinksPerChineseWord times, counting the pairs the offers explain as
// linked. Returns the links of all beads, sorted (a pair once per bead that links it).
std::vector<std::pair<std::uint64_t, WordId>> link_words(const std::vector<BeadWords>& beads, const LinkCounts& counts,
                                                         double min_dice, int min_count);

// Fills token weights (IDF) and chance rates once both sides are known.
// zh_side: the Chinese (richer) side whose tokens carry many translation ids.
void finish_features(std::vector<SentenceFeatures>& zh_side, std::vector<SentenceFeatures>& en_side);

}  // namespace tc
