#pragma once
// Character classes and scanning helpers shared by the typography/ rules.
// Everything works on byte offsets into Document::prose(), where masked
// (non-prose) bytes are kMaskByte and act as separators.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/document.h"
#include "text/ascii.h"
#include "text/han.h"

namespace tc::typography {

inline bool is_lower(char c) { return c >= 'a' && c <= 'z'; }
inline bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
inline bool is_letter(char c) { return is_lower(c) || is_upper(c); }
inline bool is_digit(char c) { return c >= '0' && c <= '9'; }
inline bool is_alnum(char c) { return is_letter(c) || is_digit(c); }
inline bool is_blank(char c) { return c == ' ' || c == '\t'; }
inline bool is_space(char c) { return is_blank(c) || c == '\n' || c == '\r'; }
inline bool is_non_ascii(char c) { return static_cast<unsigned char>(c) >= 0x80; }

// Unicode letter (ICU); ASCII letters without an ICU call.
bool is_unicode_letter(char32_t cp);

// True when the code point just before / at pos is a letter of any script.
bool letter_before(std::string_view text, std::size_t pos);
bool letter_at(std::string_view text, std::size_t pos);

// End of the run of ASCII letters starting at pos / start of the one ending at pos.
std::size_t letters_end(std::string_view text, std::size_t pos);
std::size_t letters_begin(std::string_view text, std::size_t pos);

// Calls visit(begin, end) for every maximal run of ASCII letters in text.
template <typename Visit>
void for_each_letter_run(std::string_view text, Visit&& visit) {
  std::size_t pos = 0;
  while (pos < text.size()) {
    if (!is_letter(text[pos])) {
      ++pos;
      continue;
    }
    const std::size_t end = letters_end(text, pos);
    visit(pos, end);
    pos = end;
  }
}

// Content spans of the prose blocks (paragraphs, headings, list items, quotes),
// in document order; code and blank blocks are left out.
std::vector<Block> prose_blocks(const Document& doc);

// Contents of the blocks in a third language (neither English nor Chinese),
// in document order; English and Chinese word checks skip them.
std::vector<Span> third_language_spans(const Document& doc);

// True when offset lies inside one of spans (sorted, not overlapping).
bool inside_any(const std::vector<Span>& spans, std::size_t offset);

// Splits text at separator into trimmed, non-empty items.
std::vector<std::string> split_trimmed(std::string_view text, char separator);
// Splits a `|`-separated option value into trimmed, non-empty items.
inline std::vector<std::string> split_bars(std::string_view text) { return split_trimmed(text, '|'); }

// English articles, prepositions, conjunctions, pronouns and auxiliaries
// (lowercase): words that never form a compound and are never doubled on purpose.
bool is_function_word(std::string_view lower);

}  // namespace tc::typography
