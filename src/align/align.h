#pragma once
#include "core/alignment.h"
#include "core/bitext.h"
#include "core/document.h"
#include "text/numbers.h"

#include <cstdint>
#include <span>
#include <vector>

namespace tc {

class Glossary;
class Lexicon;

// Weights of the aligner's score; the defaults were tuned on MAC-Dev.
struct AlignWeights {
  double lexical = 4.0;         // per unit of IDF-weighted coverage above chance
  double length = 1.2;          // per unit of squared log length-ratio deviation / (2 sigma^2)
  double length_sigma = 0.45;
  // Second pass: sigma scaled by the spread (root mean square) of the first
  // path's log length-ratio deviations over this one (0: fixed). MAC-Dev's
  // chapters spread 0.21-0.33, TICO-19's articles 0.13-0.16.
  double fit_length = 0.25;
  double fit_low = 0.5, fit_high = 2.0;  // bounds of the scale
  double skip = 2.5;            // a sentence left without counterpart (1-0, 0-1)
  // Each sentence after the first of a gap of three to six sentences: a
  // passage one side leaves out or adds (a longer one is several gaps; at
  // `skip` as before). (MAC-Dev the same from 2.5 down to 0.75. With two
  // passages of 3-6 beads dropped from one side of each chapter, align_bench:
  // strict F1 .925 at 2.5 and .937 at 1 where the translation leaves them
  // out, .924 and .932 where it adds them; of 1-2 beads .936 and .937, .929
  // and .932.) A gap of three so costs less than one of two (4.5, 5.0): next
  // to two dropped sentences a translated third may go with them. Made
  // monotone (two gaps of one at most, 5.0 + 1.0 a sentence beyond two) it
  // finds fewer gaps for no better F1 (.936 / .931 on 3-6 beads); a gap of
  // two at 4.0-4.5 split a right 1-2 bead of the MAC-Dev book pair.
  double skip_extend = 1.0;
  double merge2 = 1.0;          // 1-2 / 2-1
  double merge3 = 2.0;          // 1-3 / 3-1
  double merge4 = 3.0;          // 1-4 / 4-1
  double merge_beyond4 = 1.5;   // 1-5 and 1-6: merge4 plus this per sentence beyond four
  double merge22 = 3.0;         // 2-2
  // A many-to-many bead (2-2, 2-3, 3-2) with no speech on either side
  // costs this much less than merge22 / merge23: narration, where a
  // translator moves a clause across a sentence end far more often than in
  // dialogue, whose turns hold the sentence ends in place (MAC-Dev: 20 of
  // its 25 2-2 beads are narration, while 10 of the 13 false 2-2 beads
  // merge22 = 2 would add hold speech).
  double narration = 1.0;
  double quotes = 1.5;          // a bead that opens or closes a quotation on one side only
  double quote_presence = 1.5;  // a bead with quotation marks on one side only
  // A quotation opened after one closed before an attribution ('Not now,' he
  // said. 'Later.') may be the one before going on (quote_turns.h): the
  // quotation counts take either reading (false: each mark opens a new one).
  bool quote_turns = true;
  double merge23 = 4.0;         // 2-3 / 3-2
  double orphan = 1.0;          // per sentence of a multi-sentence bead with no evidence of its own
  double free_orphan = 0.5;     // orphan factor in a free translation (second pass)
  int orphan_tokens = 4;        // ... that has at least this many tokens
  double paragraph = 3.0;       // a bead joining sentences of different paragraphs
  double learn_dice = 0.4;      // second pass: word pairs learned from the first (0 disables)
  int learn_count = 2;
  int learn_trusted = 3;        // ... pairs seen in fewer beads than this count only where competitive linking pairs them
  double normalise = 1.0;       // each sentence's coverage divided by (its token weight + 1)^normalise
  // Split a bead with no shared evidence when each side has this many tokens
  // and both together three times as many (0: never).
  int split_unrelated = 3;
  bool sub_glosses = false;     // words also offer their characters' glosses
  double chance = 1.5;          // weight of the chance coverage subtracted from the lexical score
  // Two neighbouring beads of the final path are joined (1-1 + 1-1 into 2-2,
  // up to 3 sentences a side) when the joined bead outscores them once the
  // evidence crossing their boundary counts against them: an edge clause of
  // one bead translated by the sentence just outside it, as where a
  // translator moved a clause across a sentence end.
  double leak = 0.5;            // per unit of such crossing coverage beyond chance (normalised as the lexical score's; 0: off)
  // The joined bead may score this much below the two when their lengths
  // balance: each is off in the opposite direction, and joined they fit far
  // better (the moved clause on one side of each), while crossing evidence
  // is found (0: off). (MAC-Dev: 10 more joins, 6 of them gold 2-2 and 2-3
  // beads, among them a Chinese attribution after the quotation, “……。” /
  // 汪淼说，……; 2 joining two gold beads. Strict F1 .939 at 0, .942 at 1,
  // .944 at 1.5, .941 at 2; with the 0.5 of kBalanceGain at 0.25 or 1, .942.)
  double balance = 1.5;
  // A bead whose last sentences end alike on both sides, in a question or
  // an exclamation (kEndingClass), earns this times the log of how many more
  // of the first path's beads end alike than chance would pair (see
  // fitted_endings): from the second pass on (0: off).
  double endings = 2.0;
  // The same for last sentences ending inside a quotation on both sides (kEndingQuoted).
  double closing = 2.0;
  // A bead ending where both sides' next sentences lead with words that
  // translate each other (speakers.h) earns this times the log of how many
  // more of the first path's beads start so than with their neighbours'
  // leads: from the second pass on (0: off).
  double speakers = 1.0;
  // A bead ending where both sides' next sentences open with connectives of
  // the same meaning ("But", 但是; connectives.h) earns this: from the second
  // pass on (0: off). (MAC-Dev strict F1: .933 at 0, .936 from 3 to 5, .938
  // at 6 and 8, .937 from 10 to 16, where a near match that is no boundary
  // starts to win: 6 is the middle of the plateau; TICO-19 the same throughout.)
  double connectives = 6.0;
};

// The number mentions of each sentence of a side as the aligner found them
// (find_chinese_numbers or find_english_numbers over the sentence's span,
// none left out), for rules that would look for them again.
struct SentenceNumbers {
  std::vector<NumberMention> mentions;  // sentence after sentence
  std::vector<std::uint32_t> first;     // sentence k's are mentions[first[k], first[k + 1])
  std::size_t sentences() const { return first.empty() ? 0 : first.size() - 1; }
  std::span<const NumberMention> of(std::size_t sentence) const {
    return std::span(mentions).subspan(first[sentence], first[sentence + 1] - first[sentence]);
  }
};
struct AlignmentNumbers {
  SentenceNumbers source, target;
};
// The JobMemo key under which the engine keeps a pair's AlignmentNumbers.
inline constexpr std::string_view kAlignmentNumbersKey = "align/numbers";

struct AlignOptions {
  bool segmented = false;             // one sentence per non-empty line
  const Glossary* glossary = nullptr;  // term pairs as extra anchors
  const Lexicon* lexicon = nullptr;    // null: the CC-CEDICT lexicon from the data directory
  AlignWeights weights;
  // Half width, in sentences, of the band around the guide path a search over
  // chunks of sentences finds in a long pair; it doubles near where the best path
  // touches its edge. Small pairs are searched whole. (4 around the guide of
  // chunks of four sentences: beads the same as with 12 around chunks of
  // eight on MAC-Dev, vis-dev, TICO-19, the synthetic pair and the MAC-Dev
  // chapters repeated up to four times, at 40% of the cells.)
  std::size_t band = 4;
  // When set, align_documents and align_sentences fill it with each
  // sentence's number mentions (the rest of the options are shared by every
  // job; this is the job's own).
  AlignmentNumbers* numbers = nullptr;
};

Alignment align_documents(const Document& source, const Document& target, const AlignOptions& options);

// The alignment a bilingual file gives: one bead per unit with both a source
// and a target text, holding the unit's sentences. Units with an empty side
// (untranslated) are left out; unit-level rules report them.
Alignment align_units(const Document& source, const Document& target, const std::vector<BitextUnit>& units);

// Aligns sentences already segmented (used by align_documents and the benchmarks).
Alignment align_sentences(const Document& source, std::vector<Sentence> source_sentences, const Document& target,
                          std::vector<Sentence> target_sentences, const AlignOptions& options);

}  // namespace tc
