#include "align/quote_turns.h"

#include <algorithm>

#include "core/utf8.h"
#include "align/features.h"

namespace tc {

namespace {

// Where the quotation mark whose last byte is at `pos` starts (' " ‘ ’ “ ” 「 」 『 』), or npos.
std::size_t quote_mark_start(std::string_view text, std::size_t begin, std::size_t pos) {
  const auto byte = static_cast<unsigned char>(text[pos]);
  if (byte == '\'' || byte == '"') return pos;
  if (pos < begin + 2 || byte < 0x8C || byte > 0x9D || text[pos - 1] != '\x80') return std::string_view::npos;
  const auto lead = static_cast<unsigned char>(text[pos - 2]);
  if ((lead == 0xE2 && byte >= 0x98) || (lead == 0xE3 && byte <= 0x8F)) return pos - 2;  // U+2018-201D, U+300C-300F
  return std::string_view::npos;
}

// A Latin letter or digit ends at `end` / starts at `pos` (ASCII, or a
// two-byte character, U+0080-07FF, as count_quotes reads words).
bool letter_ends(std::string_view text, std::size_t begin, std::size_t end) {
  const auto last = static_cast<unsigned char>(text[end - 1]);
  if (last < 0x80) return is_latin_word_byte(static_cast<char>(last));
  return end >= begin + 2 && last < 0xC0 && static_cast<unsigned char>(text[end - 2]) >= 0xC3 &&
         static_cast<unsigned char>(text[end - 2]) < 0xE0;
}
bool letter_starts(std::string_view text, std::size_t pos) {
  const auto byte = static_cast<unsigned char>(text[pos]);
  return byte < 0x80 ? is_latin_word_byte(static_cast<char>(byte)) : byte >= 0xC3 && byte < 0xE0;
}

}  // namespace

std::uint8_t quote_marks_of(std::string_view text, Span span) {
  std::uint8_t marks = 0;
  std::size_t pos = span.begin;
  while (pos < span.end && (text[pos] == ' ' || text[pos] == '\t' || text[pos] == '\n' || text[pos] == '\r')) ++pos;
  if (pos >= span.end) return 0;
  std::size_t after = pos;
  const char32_t first = utf8::next(text, after);
  if (first == 0x201C || first == 0x2018 || first == 0x300C || first == 0x300E ||
      ((first == '\'' || first == '"') && after < span.end && text[after] != ' ' && text[after] != '\t'))
    marks |= kQuoteLeads;
  else
    return marks;  // (what the last mark follows matters only after a leading quotation)
  // The last quotation mark, read back byte by byte: ' or ’ between letters is an apostrophe.
  for (std::size_t end = span.end; end > span.begin; --end) {
    const std::size_t start = quote_mark_start(text, span.begin, end - 1);
    if (start == std::string_view::npos) continue;
    const bool apostrophe = (text[end - 1] == '\'' || text[end - 1] == '\x99') && start > span.begin && end < span.end &&
                            letter_ends(text, span.begin, start) && letter_starts(text, end);
    if (apostrophe) {
      end = start + 1;
      continue;
    }
    // The mark before it but spaces and other quotation marks.
    std::size_t before = start;
    while (before > span.begin) {
      const std::size_t mark = quote_mark_start(text, span.begin, before - 1);
      if (mark != std::string_view::npos) before = mark;
      else if (text[before - 1] == ' ') --before;
      else break;
    }
    if (before > span.begin && (text[before - 1] == '?' || (before >= span.begin + 3 && text.substr(before - 3, 3) == "\xEF\xBC\x9F")))
      marks |= kQuoteAsks;  // ? ？
    break;
  }
  return marks;
}

void mark_quote_turn(SentenceFeatures& sentence, std::uint8_t marks) {
  std::uint8_t turn = marks & (kQuoteLeads | kQuoteAsks);
  if ((turn & kQuoteLeads) && sentence.quote_marks >= 2 && sentence.quote_opens == 0 && sentence.quote_closes == 0 &&
      !(sentence.ending & kEndingQuoted))
    turn |= kQuoteAttributed;
  sentence.quote_turn = turn;
}

std::uint8_t quote_states(const std::vector<SentenceFeatures>& side, std::size_t begin, std::size_t end) {
  if (begin >= end) return 1;  // no quotation, read either way
  const bool goes_on_before = quote_may_continue(side, begin);  // the first mark may continue a quotation
  const bool goes_on_after = quote_may_continue(side, end);     // the last sentence's quotation may stay open
  std::uint8_t states = 0;
  for (int before = 0; before <= (goes_on_before ? 1 : 0); ++before)
    for (int after = 0; after <= (goes_on_after ? 1 : 0); ++after) {
      int closes = 0, opens = 0;
      for (std::size_t k = begin; k < end; ++k) {
        int own_closes = side[k].quote_closes, own_opens = side[k].quote_opens;
        // The opening mark read as the quotation before going on: it opens
        // nothing, and the mark that closed it closes that one.
        if (k == begin && before) own_opens > 0 ? --own_opens : ++own_closes;
        if (k + 1 == end && after) ++own_opens;
        const int matched = std::min(opens, own_closes);
        closes += own_closes - matched;
        opens += own_opens - matched;
      }
      states |= static_cast<std::uint8_t>(1u << ((closes > 0 ? kStateCloses : 0) | (opens > 0 ? kStateOpens : 0)));
    }
  return states;
}

}  // namespace tc
