#pragma once
// Speech that goes on after its attribution. English closes a quotation to
// name the speaker and opens it again for the rest of the speech ("'Not
// today,' he said. 'Come back tomorrow.'"), where Chinese names the speaker
// first and keeps the quotation open over the sentences (他说：“今天不行。
// 明天再来。”). Read mark by mark, the English sentence with the attribution
// closes its quotation and the next opens a new one, while the Chinese
// sentence leaves the quotation open and the next goes on inside it: the
// quotation counts of a correct bead differ, and a bead taking the next
// English sentence too looks better matched than the right one.
//
// Marks alone cannot tell a speech going on from an answer by another
// speaker ("'Who is there?' she asked. 'Only me.'"), so the boundary between
// such sentences is ambiguous: the quotation after it may be the one closed
// before it, still open. A bead's quotation state is then a set of states,
// one for each reading of its edges, and two sides match as well as their
// closest states do. The same reading applies to Chinese written with the
// attribution after the words (“今天不行，”他说。“明天再来。”).
#include <algorithm>
#include <array>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "align/features.h"
#include "core/alignment.h"

namespace tc {

// SentenceFeatures::quote_turn bits.
inline constexpr std::uint8_t kQuoteLeads = 1;       // the sentence opens with an opening quotation mark
inline constexpr std::uint8_t kQuoteAttributed = 2;  // ... closes it again and ends outside any quotation
inline constexpr std::uint8_t kQuoteAsks = 4;        // its last quotation mark closes a question

// What the marks of the sentence at span tell: kQuoteLeads when its first
// character but spaces opens a quotation (“ ‘ 「 『, or ' " before a
// non-space), and then kQuoteAsks when its last quotation mark (not an
// apostrophe between letters) follows a question mark.
std::uint8_t quote_marks_of(std::string_view text, Span span);

// Sets quote_turn over a sentence (after count_quotes and find_ending):
// the bits of `marks`, and kQuoteAttributed when it leads with a quotation,
// balances its quotation marks and ends outside them.
void mark_quote_turn(SentenceFeatures& sentence, std::uint8_t marks);

// Whether the quotation opened by `side[k]` may go on the one closed in
// `side[k - 1]`: one sentence names the speaker after words that ask
// nothing, the next, in the same paragraph, opens a quotation and names
// none (a question is most often answered by another speaker, a speech
// named twice is two turns, and a new speaker starts a new paragraph).
inline bool quote_may_continue(const std::vector<SentenceFeatures>& side, std::size_t k) {
  return k > 0 && k < side.size() && (side[k - 1].quote_turn & (kQuoteAttributed | kQuoteAsks)) == kQuoteAttributed &&
         (side[k].quote_turn & (kQuoteLeads | kQuoteAttributed)) == kQuoteLeads && !side[k].paragraph_start;
}

// A quotation state: bit 0 the sentences close a quotation opened before
// them, bit 1 they leave one open after them.
inline constexpr std::uint8_t kStateCloses = 1;
inline constexpr std::uint8_t kStateOpens = 2;

// The set of states (bit 1 << state) sentences [begin, end) of a side may
// have, over the readings of their first sentence's opening mark (a new
// quotation or the one before going on) and of their last sentence's end
// (the quotation closed or still open). Neither reading costs anything: the
// other side tells which it is.
inline constexpr std::uint8_t kQuoteStateBits = 15;
std::uint8_t quote_states(const std::vector<SentenceFeatures>& side, std::size_t begin, std::size_t end);

// 0..2: how many of the two bits the closest states of two sets differ in.
inline constexpr std::array<std::uint8_t, 256> kQuoteMismatch = [] {
  std::array<std::uint8_t, 256> table{};
  for (unsigned zh = 0; zh < 16; ++zh)
    for (unsigned en = 0; en < 16; ++en) {
      int closest = 2;
      for (unsigned a = 0; a < 4; ++a)
        for (unsigned b = 0; b < 4; ++b)
          if ((zh >> a & 1) && (en >> b & 1)) closest = std::min(closest, std::popcount(a ^ b));
      table[zh * 16 + en] = static_cast<std::uint8_t>(closest);
    }
  return table;
}();
inline int quote_mismatch(std::uint8_t zh_states, std::uint8_t en_states) {
  return kQuoteMismatch[(zh_states & 15u) * 16 + (en_states & 15u)];
}

}  // namespace tc
