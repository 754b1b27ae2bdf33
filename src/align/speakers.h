#pragma once
// Who speaks or acts first in a sentence: its first words outside quotation
// marks. In narrative that is mostly the subject ("Trinket went ...",
// 韦小宝扑上去), in dialogue the speaker of the quoted words ("'No,' said
// Trinket", 韦小宝道：“不”). A translator keeps who acts and who speaks
// from sentence to sentence, though rarely at the same place in a sentence:
// two sentences whose first words outside quotations translate each other
// (by the lexicon, the names' pinyin, or the word pairs the pair has
// learned) most often start the same bead. A character's name is in every
// other sentence of a novel, so its lexical weight is low; where it stands
// tells which sentence starts the bead.
//
// The aligner rewards the beads ending where both sides' next sentences'
// leads match, by a weight fitted on the pair's first path: the log of how
// many more of its beads start with matching leads than with the leads of
// the next or previous bead (0 when no more: a text whose leads repeat from
// sentence to sentence, or a translation that reorders them).
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "align/coarse.h"
#include "align/features.h"
#include "core/document.h"

namespace tc {

// Words taken as a sentence's lead (outside quotation marks, English stop words left out).
inline constexpr std::size_t kLeadWords = 3;

// Each Chinese sentence's lead: the bits of its tokens (SentenceFeatures::tokens,
// before interning: read by their keys) that are its first kLeadWords words
// outside quotation marks. A sentence that starts inside a quotation opened
// before it (side's quote counts) starts outside only once it closes.
std::vector<std::uint64_t> chinese_leads(std::string_view text, const std::vector<Sentence>& sentences,
                                         const std::vector<SentenceFeatures>& side);

// Each English sentence's lead: the vocabulary positions of its first
// kLeadWords words outside quotation marks (a word's stem, and its name form
// when capitalised: a name opening a sentence is read as the name it is
// elsewhere); words not in the vocabulary are left out.
struct EnglishLeads {
  std::vector<std::uint32_t> positions;  // ascending within each sentence
  std::vector<std::uint32_t> start{0};   // sentence j's are [start[j], start[j + 1])
  std::span<const std::uint32_t> of(std::size_t j) const { return {positions.data() + start[j], start[j + 1] - start[j]}; }
};
EnglishLeads english_leads(std::string_view text, const std::vector<Sentence>& sentences,
                           const std::vector<SentenceFeatures>& side, const Vocabulary& vocabulary);

// How many of a path's beads pairing sentences start with matching leads,
// and how many would with the next bead's English lead or the previous
// one's (the mean of the two).
struct LeadFit {
  std::size_t beads = 0;    // pairing beads
  std::size_t alike = 0;    // ... whose first sentences' leads match
  double neighbours = 0;    // ... matching the neighbouring beads' first sentences instead
};

class Speakers {
 public:
  Speakers() = default;
  // zh: interned, with its offers (learned pairs included); zh_leads from
  // chinese_leads, en_leads from english_leads.
  Speakers(const std::vector<SentenceFeatures>& zh, const std::vector<std::uint64_t>& zh_leads, EnglishLeads en_leads);

  // Whether Chinese sentence i's lead offers a word of English sentence j's.
  bool match(std::size_t i, std::size_t j) const;
  LeadFit fit(const Path& zh_en_path) const;
  // weight times log(alike / max(neighbours, 0.5)), when at least kMinBeads
  // beads start with matching leads and more than their neighbours would;
  // else 0 (returns the weight set).
  static constexpr std::size_t kMinBeads = 10;
  double fit_weight(const Path& zh_en_path, double weight);
  double weight() const { return static_cast<double>(weight_); }

  // What a bead ending before zh sentence i and en sentence j earns: the
  // weight when both next sentences' leads match.
  float reward(std::size_t i, std::size_t j) const {
    return weight_ != 0.f && i < zh_count_ && j + 1 < en_.start.size() && match(i, j) ? weight_ : 0.f;
  }

 private:
  // Chinese sentence i's lead offers: the English lead positions it offers, ascending.
  std::vector<std::uint32_t> zh_positions_, zh_start_{0};
  std::size_t zh_count_ = 0;
  EnglishLeads en_;
  float weight_ = 0.f;
};

}  // namespace tc
