#include "formats/furniture.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>
#include <map>
#include <cstring>
#include <string>

#include "core/byte_lanes.h"
#include "core/language.h"
#include "core/utf8.h"
#include "text/byte_skip.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace tc {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

std::string lower_ascii(std::string_view text) {
  // (ASCII letters only, as std::tolower in the C locale the program runs
  // in, without a call per byte.)
  std::string out(text);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  return out;
}

// Hands the words of text (separated by ASCII white space or U+3000) to
// take in order, until it returns false; false then. Not listed first: a
// line of a file full of numbers may hold a million of them.
template <typename Take>
bool each_word(std::string_view text, Take&& take) {
  std::size_t pos = 0;
  while (pos < text.size()) {
    while (pos < text.size() && (std::isspace(static_cast<unsigned char>(text[pos])) || text.compare(pos, 3, "\xE3\x80\x80") == 0))
      pos += std::isspace(static_cast<unsigned char>(text[pos])) ? 1 : 3;
    std::size_t end = pos;
    while (end < text.size() && !std::isspace(static_cast<unsigned char>(text[end])) && text.compare(end, 3, "\xE3\x80\x80") != 0)
      ++end;
    if (end > pos && !take(text.substr(pos, end - pos))) return false;
    pos = end;
  }
  return true;
}

// Words separated by ASCII white space or U+3000.
std::vector<std::string_view> words_of(std::string_view text) {
  std::vector<std::string_view> words;
  each_word(text, [&](std::string_view word) {
    words.push_back(word);
    return true;
  });
  return words;
}

// The ASCII digits of text, eight bytes at a time: a byte's high bit ends
// set in `digits` when its low seven bits lie in '0'..'9' (the adds cannot
// carry into the next byte once each byte's high bit is cleared) and its own
// high bit is clear.
std::size_t count_digits(std::string_view text) {
  std::size_t count = 0, pos = 0;
  for (; text.size() - pos >= 8; pos += 8) {
    std::uint64_t word = 0;
    std::memcpy(&word, text.data() + pos, sizeof word);
    count += static_cast<std::size_t>(count_high_bits(ascii_digit_lanes(word)));
  }
  for (; pos < text.size(); ++pos) count += is_digit(text[pos]);
  return count;
}

// Groups of digits separated by / - or . ("1/31/2025" has three).
std::size_t digit_groups(std::string_view word) {
  std::size_t groups = 0;
  for (std::size_t i = 0; i < word.size(); ++i)
    if (is_digit(word[i]) && (i == 0 || !is_digit(word[i - 1]))) ++groups;
  return groups;
}

// "1/31/2025", "2025-01-31", "31.01.2025", with optional brackets.
bool is_date_word(std::string_view word) {
  while (!word.empty() && (word.front() == '(' || word.front() == '[')) word.remove_prefix(1);
  while (!word.empty() && (word.back() == ')' || word.back() == ']' || word.back() == ',')) word.remove_suffix(1);
  if (word.empty() || !is_digit(word.front()) || !is_digit(word.back())) return false;
  char separator = 0;
  for (char c : word) {
    if (is_digit(c)) continue;
    if (c != '/' && c != '-' && c != '.') return false;
    if (separator && c != separator) return false;
    separator = c;
  }
  return separator && digit_groups(word) == 3;
}

bool is_month(std::string_view lower) {
  static constexpr std::string_view kMonths[] = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "sept",
                                                 "oct", "nov", "dec"};
  while (!lower.empty() && (lower.back() == '.' || lower.back() == ',')) lower.remove_suffix(1);
  if (lower.size() > 3) {
    static constexpr std::string_view kLong[] = {"january", "february", "march",     "april",   "june",    "july",
                                                 "august",  "september", "october", "november", "december"};
    return std::find(std::begin(kLong), std::end(kLong), lower) != std::end(kLong) ||
           std::find(std::begin(kMonths), std::end(kMonths), lower) != std::end(kMonths);
  }
  return std::find(std::begin(kMonths), std::end(kMonths), lower) != std::end(kMonths);
}

// "12", "Page 2", "Page 2 of 4", "- 3 -", "2/4", "第 3 页", "第3页 共4页", "第3页，共4页".
bool is_page_number(std::string_view line) {
  // (The digits counted below are ASCII bytes: most lines fail here, before any copy.)
  if (const std::size_t ascii_digits = count_digits(line); ascii_digits == 0 || ascii_digits > 6) return false;
  std::string rest;
  std::size_t pos = 0, digits = 0, groups = 0;
  bool in_digits = false;
  // ， and 、 part a page from the page count only beside 页 (第1页，共2页): a
  // line of two numbers so parted ("3，4", "5、6") is body text.
  const bool page_word = line.find("页") != std::string_view::npos || line.find("頁") != std::string_view::npos;
  while (pos < line.size()) {
    const std::size_t here = pos;
    const char32_t cp = utf8::next(line, pos);
    const bool digit = cp >= '0' && cp <= '9';
    if (digit) {
      ++digits;
      if (!in_digits) ++groups;
    }
    in_digits = digit;
    if (digit || cp == ' ' || cp == '/' || cp == '-' || cp == '|' || cp == '(' || cp == ')' || cp == U'–' ||
        cp == U'—' || cp == U'第' || cp == U'页' || cp == U'頁' || cp == U'共' || (page_word && (cp == U'，' || cp == U'、')) || cp == 0x3000)
      rest += ' ';
    else
      rest.append(line.substr(here, pos - here));
  }
  if (digits == 0 || digits > 6 || groups > 2) return false;
  return each_word(rest, [](std::string_view word) {
    const std::string lower = lower_ascii(word);
    return lower == "page" || lower == "p." || lower == "pg." || lower == "pg" || lower == "of";
  });
}

// "1/31/2025", "Rev. 2025-01-31", "Updated: March 3, 2024".
bool is_date_stamp(std::string_view line) {
  // A date word and a year both hold digits.
  if (count_digits(line) == 0) return false;
  bool date = false, month = false, year = false;
  const bool all_stamp_words = each_word(line, [&](std::string_view word) {
    const std::string lower = lower_ascii(word);
    if (is_date_word(word)) {
      date = true;
      return true;
    }
    if (is_month(lower)) {
      month = true;
      return true;
    }
    std::string_view bare = word;
    while (!bare.empty() && (bare.back() == ',' || bare.back() == '.' || bare.back() == ':')) bare.remove_suffix(1);
    if (!bare.empty() && count_digits(bare) == bare.size() && bare.size() <= 4) {
      year = year || bare.size() == 4;
      return true;
    }
    static constexpr std::string_view kStampWords[] = {"rev.", "rev", "revised", "revised:", "updated", "updated:",
                                                        "edition", "effective", "issued", "date:", "version"};
    return std::find(std::begin(kStampWords), std::end(kStampWords), lower) != std::end(kStampWords);
  });
  return all_stamp_words && (date || (month && year));
}

// A short line that is no sentence: furniture is a label, not prose
// (a sentence that mentions "CFR" or "No. 5" is body text).
bool is_label_line(std::string_view line) {
  if (line.size() > 60 || line.empty()) return false;
  std::size_t pos = line.size();
  const char32_t last = utf8::previous(line, pos);
  return last != '.' && last != '!' && last != '?' && last != U'。' && last != U'！' && last != U'？' &&
         line.find("\xE3\x80\x82") == std::string_view::npos &&  // 。
         line.find("\xEF\xBC\x8C") == std::string_view::npos;    // ，
}

// "42 U.S.C. § 300aa-26", "45 CFR 46.116".
bool is_legal_citation(std::string_view line) {
  if (count_digits(line) == 0 || !is_label_line(line)) return false;
  const auto words = words_of(line);
  if (words.empty() || words.size() > 10) return false;
  if (line.find("U.S.C.") != std::string_view::npos || line.find("C.F.R.") != std::string_view::npos ||
      line.find("\xC2\xA7") != std::string_view::npos)  // §
    return true;
  // "45 CFR 46": the code between a title number and a section number.
  for (std::size_t i = 1; i + 1 < words.size(); ++i)
    if ((words[i] == "USC" || words[i] == "CFR") && is_digit(words[i - 1].front()) && is_digit(words[i + 1].front()))
      return true;
  return false;
}

// "No. 080801 Rev. 7/24", "Item #P4072", "CS 321629-A": mostly codes and numbers.
bool is_catalogue_code(std::string_view line) {
  if (!is_label_line(line)) return false;
  const auto words = words_of(line);
  if (words.empty() || words.size() > 10) return false;
  static constexpr std::string_view kMarkers[] = {"no.", "no", "rev.", "rev", "cat.", "item", "form", "pub.",
                                                  "publication", "ref.", "cs", "#"};
  bool marker = false;
  std::size_t codes = 0;
  for (std::size_t i = 0; i < words.size(); ++i) {
    const std::string lower = lower_ascii(words[i]);
    const bool is_marker = std::find(std::begin(kMarkers), std::end(kMarkers), lower) != std::end(kMarkers);
    const bool next_is_code = i + 1 < words.size() && (is_digit(words[i + 1].front()) || words[i + 1].front() == '#');
    if (is_marker && next_is_code) marker = true;
    if (is_marker || count_digits(words[i]) > 0 || words[i].front() == '#') ++codes;
  }
  return marker && codes * 2 >= words.size() + 1;
}

// A line that names an edition date in brackets, "(8/6/21)", and is no sentence.
bool is_running_header(std::string_view line) {
  if (line.size() > 200) return false;
  const char last = line.back();
  if (last == '.' || line.ends_with("\xE3\x80\x82")) return false;  // 。
  if (line.find_first_of("([") == std::string_view::npos) return false;  // no bracketed word
  for (std::string_view word : words_of(line))
    if ((word.front() == '(' || word.front() == '[') && is_date_word(word) &&
        (word.back() == ')' || word.back() == ']'))
      return true;
  return false;
}

// Could this line be a running header or footer repeated on several pages?
bool may_repeat_as_furniture(std::string_view line) {
  if (line.size() > 100 || line.size() < 2) return false;
  // A sentence closed inside quotes or brackets (dialogue: “好。”) ends with its mark before them.
  std::size_t pos = line.size();
  char32_t last = utf8::previous(line, pos);
  while (pos > 0 && (last == U'”' || last == U'’' || last == U'」' || last == U'』' || last == U'）' || last == ')' ||
                     last == '"' || last == '\''))
    last = utf8::previous(line, pos);
  return last != '.' && last != '!' && last != '?' && last != ':' && last != ';' && last != U'。' && last != U'！' &&
         last != U'？' && last != U'：' && last != U'；';
}

// A line in lower case without a trailing bracketed remark: a running head
// is "Leaflet", "Leaflet (Interim)" or "LEAFLET (continued)" on other pages.
std::string running_head_key(std::string_view line) {
  if (!line.empty() && line.back() == ')') {
    const std::size_t open = line.rfind('(');
    if (open != std::string_view::npos && open > 0) line = line.substr(0, open);
    while (!line.empty() && line.back() == ' ') line.remove_suffix(1);
  }
  return lower_ascii(line);
}

// Page furniture that identifies a document: a citation, code, date stamp or page number.
bool is_identifying(FurnitureKind kind) {
  return kind == FurnitureKind::page_number || kind == FurnitureKind::date_stamp ||
         kind == FurnitureKind::legal_citation || kind == FurnitureKind::catalogue_code;
}

// The short lines at the very end (or start) of a document around a
// citation, code or date stamp are the last (or first) page's colophon:
// "Leaflet title / Vaccine name / 42 U.S.C. § … / 1/31/2025 / OFFICE USE ONLY".
void mark_edge_furniture(std::string_view text, std::vector<Block>& blocks) {
  auto is_short_line = [&](const Block& block) {
    if (block.kind == BlockKind::furniture || block.kind == BlockKind::blank) return true;
    if (block.kind == BlockKind::code || block.kind == BlockKind::list_item || block.content().empty()) return false;
    const std::string_view line = text.substr(block.content().begin, block.content().size());
    return line.size() <= 60 && line.find('\n') == std::string_view::npos && may_repeat_as_furniture(line);
  };
  auto mark_run = [&](std::size_t begin, std::size_t end) {  // [begin, end)
    bool identifying = false;
    for (std::size_t b = begin; b < end; ++b) identifying = identifying || is_identifying(blocks[b].furniture);
    if (!identifying) return;
    for (std::size_t b = begin; b < end; ++b) {
      if (blocks[b].kind == BlockKind::furniture || blocks[b].kind == BlockKind::blank) continue;
      blocks[b].kind = BlockKind::furniture;
      blocks[b].furniture = FurnitureKind::running_header;
    }
  };
  std::size_t end_run = blocks.size();
  while (end_run > 0 && is_short_line(blocks[end_run - 1])) --end_run;
  // Only a few lines, after some body text.
  constexpr std::size_t kMaxLines = 8;
  if (end_run > 0 && blocks.size() - end_run <= kMaxLines) mark_run(end_run, blocks.size());
  std::size_t start_run = 0;
  while (start_run < end_run && is_short_line(blocks[start_run])) ++start_run;
  // (A first page's header ends at its page number or stamp: the short lines
  // after it are the body's first headings, "1. Name of the medicine".)
  std::size_t header_end = 0;
  for (std::size_t b = 0; b < start_run; ++b)
    if (is_identifying(blocks[b].furniture)) header_end = b + 1;
  if (start_run < end_run && start_run <= kMaxLines) mark_run(0, header_end);
}

}  // namespace

void mark_page_furniture(std::string_view text, std::vector<Block>& blocks) {
  struct Candidate {
    std::size_t block;
    std::size_t line;  // 0-based line number of the block
  };
  std::map<std::string, std::vector<Candidate>> repeats;     // by the line with its digits as '#'
  std::map<std::string, std::vector<Candidate>> same_words;  // by the line in lower case
  std::size_t line = 0, counted_to = 0;
  for (std::size_t b = 0; b < blocks.size(); ++b) {
    Block& block = blocks[b];
    line += text::count_byte<'\n'>(text, counted_to, block.span().begin);
    counted_to = block.span().begin;
    if (block.kind == BlockKind::code || block.kind == BlockKind::blank || block.content().empty()) continue;
    const std::string_view content = text.substr(block.content().begin, block.content().size());
    const std::string_view whole = text.substr(block.span().begin, block.span().size());
    if (whole.find('\n') != std::string_view::npos || whole.find('\r') != std::string_view::npos) continue;
    FurnitureKind kind = FurnitureKind::none;
    // Page numbers, date stamps, citations and bracketed edition dates all
    // hold a digit: most lines are counted once, not tested four times.
    const bool digits = count_digits(whole) != 0;
    if (digits && is_page_number(whole)) kind = FurnitureKind::page_number;
    else if (digits && is_date_stamp(whole)) kind = FurnitureKind::date_stamp;
    else if (digits && is_legal_citation(whole)) kind = FurnitureKind::legal_citation;
    else if (is_catalogue_code(whole)) kind = FurnitureKind::catalogue_code;
    else if (digits && is_running_header(content)) kind = FurnitureKind::running_header;
    if (kind != FurnitureKind::none) {
      block.kind = BlockKind::furniture;
      block.furniture = kind;
      continue;
    }
    if (!may_repeat_as_furniture(content)) continue;
    std::string key(content);
    for (char& c : key)
      if (is_digit(c)) c = '#';
    repeats[key].push_back({b, line});
    same_words[running_head_key(content)].push_back({b, line});
  }
  // Far apart: at least a page's worth of lines between occurrences (a list
  // of "Dose 1", "Dose 2" is not furniture).
  constexpr std::size_t kPageLines = 8;
  auto mark_if_apart = [&](const std::vector<Candidate>& found) {
    for (std::size_t k = 1; k < found.size(); ++k)
      if (found[k].line < found[k - 1].line + kPageLines) return;
    for (const Candidate& c : found) {
      if (blocks[c.block].kind == BlockKind::furniture) continue;
      blocks[c.block].kind = BlockKind::furniture;
      blocks[c.block].furniture = FurnitureKind::repeated_line;
    }
  };
  for (const auto& [key, found] : repeats) {
    if (found.size() < 2) continue;
    const bool numbered = key.find('#') != std::string::npos;
    if (numbered || found.size() >= 3) mark_if_apart(found);
  }
  // A line in capitals repeated elsewhere in another case is a running head
  // ("VACCINE LEAFLET" on the first page, "Vaccine Leaflet" on the last).
  for (const auto& [key, found] : same_words) {
    if (found.size() < 2) continue;
    const bool capitals = std::any_of(found.begin(), found.end(), [&](const Candidate& c) {
      const Span content = blocks[c.block].content();
      const std::string_view line = text.substr(content.begin, content.size());
      return std::none_of(line.begin(), line.end(), [](char ch) { return ch >= 'a' && ch <= 'z'; }) &&
             std::count_if(line.begin(), line.end(), [](char ch) { return ch >= 'A' && ch <= 'Z'; }) >= 4;
    });
    if (capitals) mark_if_apart(found);
  }
  mark_edge_furniture(text, blocks);
}

namespace {

// A word of at most 8 bytes packed into a number (its bytes, the first
// lowest: distinct words, distinct numbers; 0 is no word).
constexpr std::uint64_t packed_word(std::string_view word) {
  std::uint64_t key = 0;
  for (std::size_t k = 0; k < word.size(); ++k) key |= std::uint64_t{static_cast<unsigned char>(word[k])} << (8 * k);
  return key;
}

// The function words is_third_language counts, by packed word: a table a
// word finds its slot in by one multiplication, each listed word alone in
// its slot (checked when the table is made), so that a lookup is a load and
// a comparison (two binary searches on every short word of every Latin
// block were most of this scan).
struct FunctionWordTable {
  enum Kind : std::uint8_t { none, english, other };
  static constexpr unsigned kSlotBits = 10;
  static constexpr std::uint64_t kMultiplier = 0x361ffb9e4f5d8fd3ull;  // no two listed words share a slot
  std::array<std::uint64_t, std::size_t{1} << kSlotBits> keys{};
  std::array<std::uint8_t, std::size_t{1} << kSlotBits> kinds{};
  static constexpr std::size_t slot_of(std::uint64_t key) { return static_cast<std::size_t>((key * kMultiplier) >> (64 - kSlotBits)); }
  constexpr void add(std::string_view word, Kind kind) {
    if (word.empty() || word.size() > sizeof(std::uint64_t)) throw "a listed word is empty or longer than 8 bytes";
    const std::uint64_t key = packed_word(word);
    const std::size_t slot = slot_of(key);
    if (keys[slot] != 0) throw "two listed words share a slot: pick another multiplier";
    keys[slot] = key;
    kinds[slot] = kind;
  }
  // The kind of a packed word (0, a word too long to pack, is none: its
  // slot holds 0 only when empty, and an empty slot's kind is none).
  Kind kind_of(std::uint64_t key) const {
    const std::size_t slot = slot_of(key);
    return keys[slot] == key ? static_cast<Kind>(kinds[slot]) : none;
  }
};

}  // namespace

bool is_third_language(std::string_view text) {
  static constexpr std::string_view kEnglish[] = {
      "the", "and", "of",  "to",  "in",   "is",   "are",  "for", "with", "on",   "at",    "by",  "from", "this",
      "that", "be", "or",  "as",  "an",   "it",   "you",  "your", "can", "not",  "was",   "have", "has", "will"};
  static constexpr std::string_view kOther[] = {
      // Spanish
      "el", "la", "los", "las", "del", "y", "en", "por", "para", "con", "una", "es", "está", "están", "que",
      "sobre", "muchos", "otros", "otras", "su", "sus", "al", "lo", "como", "más", "también", "puede",
      // French
      "le", "les", "des", "du", "et", "est", "sont", "pour", "dans", "une", "sur", "avec", "au", "aux", "ce",
      "cette", "qui", "pas", "vous", "nous", "être",
      // German
      "der", "die", "das", "und", "ist", "sind", "mit", "für", "von", "zu", "den", "dem", "nicht", "auf", "ein",
      "eine", "sie", "wir", "auch",
      // Portuguese and Italian
      "os", "do", "da", "dos", "não", "em", "um", "uma", "são", "il", "di", "che", "gli", "della", "per", "sono",
      "non", "de"};
  static constexpr FunctionWordTable kTable = [] {
    FunctionWordTable table;
    for (std::string_view w : kEnglish) table.add(w, FunctionWordTable::english);
    for (std::string_view w : kOther) table.add(w, FunctionWordTable::other);
    return table;
  }();
  std::size_t english = 0, other = 0, words = 0;
  std::size_t pos = 0;
  while (pos < text.size()) {
    // Eight ASCII bytes at a time: the non-letters before a word are passed
    // over, and a word that ends inside them at an ASCII non-letter is packed
    // at once (its bytes ORed with 0x20, as pack() below does one at a time).
    // A byte is a letter when, ORed with 0x20, it lies in 'a'..'z'.
    if (text.size() - pos >= 8) {
      std::uint64_t word = 0;
      std::memcpy(&word, text.data() + pos, sizeof word);
      if ((word & kHighBits) == 0) {
        const std::uint64_t folded = word | 0x2020202020202020ULL;
        const std::uint64_t letters = (folded + 0x1F1F1F1F1F1F1F1FULL) & ~(folded + 0x0505050505050505ULL) & kHighBits;
        if (letters == 0) {
          pos += 8;
          continue;
        }
        if ((letters & 0x80) == 0) {  // a non-letter first: on to the first letter
          pos += static_cast<std::size_t>(__builtin_ctzll(letters)) / 8;
          continue;
        }
        if (const std::uint64_t others = ~letters & kHighBits; others != 0) {
          // A word of fewer than eight letters, then a non-letter.
          const auto length = static_cast<unsigned>(__builtin_ctzll(others)) / 8;
          const std::uint64_t bytes = (std::uint64_t{1} << (8 * length)) - 1;
          const FunctionWordTable::Kind kind = kTable.kind_of(folded & bytes);
          ++words;
          english += kind == FunctionWordTable::english;
          other += kind == FunctionWordTable::other;
          pos += length;
          continue;
        }
      }
    }
    // Words of Latin letters (with accents); anything else separates them.
    // A word's bytes are packed as it is read, ASCII capitals lowered
    // (accented capitals are left as they are: function words are lower
    // case in running text); `shift` past 64 marks a word too long to pack.
    const std::size_t begin = pos;
    std::uint64_t key = 0;
    unsigned shift = 0;
    auto pack = [&](unsigned char byte) {
      if (shift < 64) key |= std::uint64_t{byte} << shift;
      shift += 8;
    };
    while (pos < text.size()) {
      const unsigned char byte = static_cast<unsigned char>(text[pos]);
      if (byte < 0x80) {  // ASCII (most of a Latin text): no decoding
        if (!((byte >= 'a' && byte <= 'z') || (byte >= 'A' && byte <= 'Z'))) break;
        pack(static_cast<unsigned char>(byte | 0x20));  // a letter's lower case
        ++pos;
        continue;
      }
      std::size_t next = pos;
      const char32_t cp = utf8::next(text, next);
      const bool letter = (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= 0xC0 && cp <= 0x24F && cp != 0xD7 && cp != 0xF7);
      if (!letter) break;
      for (; pos < next; ++pos) pack(static_cast<unsigned char>(text[pos]));
    }
    if (pos == begin) {
      utf8::next(text, pos);
      continue;
    }
    ++words;
    const FunctionWordTable::Kind kind = kTable.kind_of(shift <= 64 ? key : 0);
    english += kind == FunctionWordTable::english;
    other += kind == FunctionWordTable::other;
  }
  // Function words are dense in running text of any language: a handful
  // scattered through a long English block (names, borrowed words) is not Spanish.
  return words >= 5 && other >= 3 && other >= 2 * english + 2 && other * 8 >= words;
}

namespace {

bool contains_word(std::string_view lower, std::string_view word) {
  for (std::size_t at = lower.find(word); at != std::string_view::npos; at = lower.find(word, at + 1)) {
    const bool starts = at == 0 || !std::isalpha(static_cast<unsigned char>(lower[at - 1]));
    const std::size_t end = at + word.size();
    const bool ends = end >= lower.size() || !std::isalpha(static_cast<unsigned char>(lower[end]));
    if (starts && ends) return true;
  }
  return false;
}

// Whether text holds "gh" in any case: "copyright" and "all rights reserved"
// both do, and most lines do not (they are not lowercased into a copy then).
bool holds_gh(std::string_view text) {
  // Sixteen bytes at a time past the 'h's not after a 'g' (only G and g
  // are 'g' once ORed with 0x20, only H and h 'h'); a 'g' ending a block
  // carries into the next.
  std::size_t k = 0;
#if defined(__SSE2__)
  bool g_before = false;
  for (; text.size() - k >= 16; k += 16) {
    const __m128i folded = _mm_or_si128(_mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data() + k)), _mm_set1_epi8(0x20));
    const auto g = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(folded, _mm_set1_epi8('g'))));
    const auto h = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(folded, _mm_set1_epi8('h'))));
    if (((g << 1 | static_cast<unsigned>(g_before)) & h) != 0) return true;
    g_before = (g >> 15) != 0;
  }
  if (g_before && k < text.size() && (text[k] | 0x20) == 'h') return true;
#endif
  for (; k + 1 < text.size(); ++k)
    if ((text[k] | 0x20) == 'g' && (text[k + 1] | 0x20) == 'h') return true;
  return false;
}

bool is_copyright(std::string_view text) {
  if (text.find("\xC2\xA9") != std::string_view::npos ||  // ©
      text.find("版权所有") != std::string_view::npos || text.find("版權所有") != std::string_view::npos)
    return true;
  if (!holds_gh(text)) return false;
  const std::string lower = lower_ascii(text);
  return contains_word(lower, "copyright") || lower.find("all rights reserved") != std::string::npos;
}

// An English line about the translation itself or naming a language.
bool is_translation_notice(std::string_view text) {
  const std::string lower = lower_ascii(text);
  static constexpr std::string_view kWords[] = {"translation", "translated", "translator", "language", "languages",
                                                "chinese",     "english",    "spanish"};
  return std::any_of(std::begin(kWords), std::end(kWords), [&](std::string_view w) { return contains_word(lower, w); });
}

// A Chinese line about the translation itself or naming a language.
bool is_chinese_translation_notice(std::string_view text) {
  static constexpr std::string_view kWords[] = {"中文", "英文", "翻译", "翻譯", "译文", "譯文", "简体", "簡體", "繁体", "繁體", "语言", "語言"};
  return std::any_of(std::begin(kWords), std::end(kWords), [&](std::string_view w) { return text.find(w) != std::string_view::npos; });
}

// A short line of capitalised words: an agency, programme or product name
// ("U.S. Department of", "Centers for Disease Control and Prevention").
bool is_name_line(std::string_view text) {
  std::vector<std::string_view> words;  // up to 11: more is no name
  each_word(text, [&](std::string_view word) {
    words.push_back(word);
    return words.size() <= 10;
  });
  if (words.empty() || words.size() > 10) return false;
  const char last = text.back();
  if (last == '!' || last == '?' || last == ',' || last == ';' || last == ':') return false;
  static constexpr std::string_view kLinks[] = {"of", "and", "for", "the", "on", "in", "to", "by", "at", "&", "de", "a"};
  // Marks that part a title from its subtitle ("HPV Vaccine | Patient Leaflet").
  static constexpr std::string_view kSeparators[] = {"|", "\xC2\xB7", "\xE2\x80\x93", "\xE2\x80\x94", "\xE2\x97\x8F"};  // · – — ●
  std::size_t named = 0, lower_case = 0;
  bool last_lower = false;
  for (std::string_view word : words) {
    if (std::find(std::begin(kSeparators), std::end(kSeparators), word) != std::end(kSeparators)) continue;
    while (!word.empty() && (word.front() == '(' || word.front() == '"' || word.front() == '-')) word.remove_prefix(1);
    while (!word.empty() && (word.back() == ')' || word.back() == ',' || word.back() == '"')) word.remove_suffix(1);
    if (word.empty()) continue;
    if (std::find(std::begin(kLinks), std::end(kLinks), lower_ascii(word)) != std::end(kLinks)) continue;
    const char first = word.front();
    if (first >= 'A' && first <= 'Z') {
      // A sentence's last word ends with a period; a dotted abbreviation (U.S.) has more than one.
      if (word.back() == '.' && std::count(word.begin(), word.end(), '.') < 2) return false;
      ++named;
      last_lower = false;
      continue;
    }
    if (is_digit(first)) continue;
    // A name may hold one word in lower case between capitalised ones
    // ("Medicines and Healthcare products Regulatory Agency").
    if (first >= 'a' && first <= 'z' && named > 0 && ++lower_case == 1) {
      last_lower = true;
      continue;
    }
    return false;
  }
  return named > 0 && (lower_case == 0 || (named >= 3 && !last_lower));
}

}  // namespace

void mark_kept_text(std::string_view prose, Lang lang, std::vector<Block>& blocks) {
  // A copyright line or a notice about the translation is a line or two; a
  // longer block that mentions copyright or a language is body text to align.
  constexpr std::size_t kMaxNoticeBytes = 240;
  for (Block& block : blocks) {
    if (block.kind == BlockKind::code || block.kind == BlockKind::blank || block.kind == BlockKind::furniture ||
        block.content().empty())
      continue;
    const std::string_view content = prose.substr(block.content().begin, block.content().size());
    const ScriptCounts counts = count_scripts(content);
    const bool latin_line = counts.latin > 3 * counts.han;
    const bool han_line = 3 * counts.han > counts.latin;
    const bool notice_sized = content.size() <= kMaxNoticeBytes;
    if (notice_sized && is_copyright(content)) block.kept = KeptKind::copyright;
    else if (latin_line && is_third_language(content)) block.kept = KeptKind::third_language;
    else if (lang == Lang::zh && latin_line && notice_sized && is_translation_notice(content))
      block.kept = KeptKind::translation_notice;
    else if (lang == Lang::zh && latin_line && is_name_line(content)) block.kept = KeptKind::name;
    else if (lang == Lang::en && han_line && notice_sized && is_chinese_translation_notice(content))
      block.kept = KeptKind::translation_notice;
  }
}

}  // namespace tc
