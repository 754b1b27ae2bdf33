#include "rules/typography/text.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <iterator>

#include "core/utf8.h"

namespace tc::typography {

bool is_unicode_letter(char32_t cp) {
  if (cp < 0x80) return is_letter(static_cast<char>(cp));
  if (cp == utf8::kInvalid) return false;
  return u_isalpha(static_cast<UChar32>(cp));
}

bool letter_before(std::string_view text, std::size_t pos) {
  if (pos == 0) return false;
  if (!is_non_ascii(text[pos - 1])) return is_letter(text[pos - 1]);
  return is_unicode_letter(utf8::previous(text, pos));
}

bool letter_at(std::string_view text, std::size_t pos) {
  if (pos >= text.size()) return false;
  if (!is_non_ascii(text[pos])) return is_letter(text[pos]);
  return is_unicode_letter(utf8::at(text, pos));
}

std::size_t letters_end(std::string_view text, std::size_t pos) {
  while (pos < text.size() && is_letter(text[pos])) ++pos;
  return pos;
}

std::size_t letters_begin(std::string_view text, std::size_t pos) {
  while (pos > 0 && is_letter(text[pos - 1])) --pos;
  return pos;
}

std::vector<Block> prose_blocks(const Document& doc) {
  std::vector<Block> blocks;
  for (const Block& block : doc.blocks)
    if (block.kind != BlockKind::code && block.kind != BlockKind::blank && block.kind != BlockKind::furniture &&
        !block.content().empty())
      blocks.push_back(block);
  return blocks;
}

std::vector<Span> third_language_spans(const Document& doc) {
  std::vector<Span> spans;
  for (const Block& block : doc.blocks)
    if (block.kept == KeptKind::third_language) spans.push_back(block.content());
  return spans;
}

bool inside_any(const std::vector<Span>& spans, std::size_t offset) {
  const auto it = std::upper_bound(spans.begin(), spans.end(), offset,
                                   [](std::size_t at, const Span& span) { return at < span.end; });
  return it != spans.end() && it->begin <= offset;
}

std::vector<std::string> split_trimmed(std::string_view text, char separator) {
  std::vector<std::string> items;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t bar = text.find(separator, start);
    if (bar == std::string_view::npos) bar = text.size();
    std::string_view item = text.substr(start, bar - start);
    while (!item.empty() && is_space(item.front())) item.remove_prefix(1);
    while (!item.empty() && is_space(item.back())) item.remove_suffix(1);
    if (!item.empty()) items.emplace_back(item);
    start = bar + 1;
  }
  return items;
}

namespace {

// A word of seven bytes at most as one number: its bytes, and its length in the top byte.
constexpr std::uint64_t word_key(std::string_view word) {
  std::uint64_t key = static_cast<std::uint64_t>(word.size()) << 56;
  for (std::size_t i = 0; i < word.size() && i < 7; ++i)
    key |= static_cast<std::uint64_t>(static_cast<unsigned char>(word[i])) << (8 * i);
  return key;
}

}  // namespace

bool is_function_word(std::string_view lower) {
  static constexpr std::string_view kWords[] = {
      "a",    "an",    "the",   "to",    "of",   "in",    "on",   "at",   "by",    "for",   "with",  "from",
      "into", "as",    "and",   "or",    "but",  "nor",   "if",   "than", "then",  "that",  "this",  "these",
      "those", "it",   "its",   "he",    "she",  "we",    "they", "you",  "i",     "me",    "him",   "us",
      "them", "his",   "their", "our",   "your", "my",    "is",   "are",  "was",   "were",  "be",    "been",
      "has",  "have",  "had",   "will",  "would", "can",  "could", "should", "may", "might", "must", "not",
      "there", "which", "who",  "whom",  "whose", "what", "when", "where", "about"};
  // Each word (seven bytes at most) as one number: its bytes and its length;
  // a word is looked for among the sorted numbers, no string compared.
  static constexpr auto kKeys = [] {
    std::array<std::uint64_t, std::size(kWords)> keys{};
    for (std::size_t i = 0; i < keys.size(); ++i) keys[i] = word_key(kWords[i]);
    std::sort(keys.begin(), keys.end());
    return keys;
  }();
  return lower.size() <= 7 && std::binary_search(kKeys.begin(), kKeys.end(), word_key(lower));
}

}  // namespace tc::typography
