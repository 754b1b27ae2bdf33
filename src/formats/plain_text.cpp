#include "formats/plain_text.h"
#include "core/slack.h"

#include "formats/furniture.h"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstring>

#include "core/byte_lanes.h"
#include "core/language.h"
#include "core/utf8.h"
#include "text/byte_skip.h"
#include "text/urls.h"

namespace tc {
namespace {

bool is_blank(std::string_view line) {
  for (char c : line)
    if (c != ' ' && c != '\t' && c != '\r' && c != '\n') return false;
  return true;
}

bool is_inline_space(char32_t cp) { return cp == ' ' || cp == '\t' || cp == 0x3000 || cp == 0x00A0; }
bool is_ascii_digit(char32_t cp) { return cp >= '0' && cp <= '9'; }
bool is_lower_latin(char32_t cp) { return (cp >= 'a' && cp <= 'z') || (cp >= 0xDF && cp <= 0xFF && cp != 0xF7); }
bool is_upper_latin(char32_t cp) { return (cp >= 'A' && cp <= 'Z') || (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7); }
bool is_wide(char32_t cp) { return cp >= 0x1100 && (cp <= 0x115F || (cp >= 0x2E80 && cp <= 0xA4CF) || (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) || (cp >= 0xFFE0 && cp <= 0xFFE6) || cp >= 0x20000); }

Span trim_line(std::string_view text, Span span) {
  while (span.begin < span.end) {
    std::size_t pos = span.begin;
    if (!is_inline_space(utf8::next(text, pos)) || pos > span.end) break;
    span.begin = pos;
  }
  while (span.end > span.begin) {
    std::size_t pos = span.end;
    const char32_t cp = utf8::previous(text, pos);
    if (!(is_inline_space(cp) || cp == '\r' || cp == '\n') || pos < span.begin) break;
    span.end = pos;
  }
  return span;
}

// Display width in columns: East Asian wide characters count two. Counted
// only up to `cap` (the result is then `cap`): every caller compares it with a
// width well below a long line's, and a paragraph of one line is most of a file.
std::size_t display_width(std::string_view text, Span span, std::size_t cap) {
  std::size_t width = 0, pos = span.begin;
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  while (pos < span.end && width < cap) {
    // A well-formed three-byte character led by E3-E9 (U+3000-U+9FFF: CJK
    // punctuation, kana, Han) is wide, without decoding it.
    if (const unsigned char lead = bytes[pos]; lead >= 0xE3 && lead <= 0xE9 && utf8::three_bytes_at(text, pos)) {
      width += 2, pos += 3;
      continue;
    }
    // Eight ASCII bytes at a time (a column each), where the span has them.
    if (span.end - pos >= 8) {
      std::uint64_t word;
      std::memcpy(&word, text.data() + pos, sizeof word);
      if ((word & kHighBits) == 0) {
        width += 8, pos += 8;
        continue;
      }
    }
    width += is_wide(utf8::next(text, pos)) ? 2 : 1;
  }
  return std::min(width, cap);
}

bool ends_sentence(char32_t cp) {
  switch (cp) {
    case '.': case '!': case '?': case ':': case ';': case U'。': case U'！': case U'？': case U'：': case U'；':
    case U'…': case U'｡':
      return true;
    default:
      return false;
  }
}

bool is_closing_mark(char32_t cp) {
  switch (cp) {
    case ')': case ']': case '"': case '\'': case U'）': case U'」': case U'』': case U'”': case U'’': case U'》':
    case U'】': case U'〕':
      return true;
    default:
      return false;
  }
}

// Marks that cannot start a line of their own: the line continues the one before.
bool continues_line(char32_t cp) {
  switch (cp) {
    case ',': case ';': case ':': case '.': case '!': case '?': case '%': case ')': case ']':
    case U'，': case U'、': case U'。': case U'；': case U'：': case U'！': case U'？': case U'）': case U'」':
    case U'』': case U'”': case U'》': case U'】': case U'…':
      return true;
    default:
      return false;
  }
}

// Marks after which a line cannot end a block: the sentence goes on.
bool leaves_open(char32_t cp) {
  switch (cp) {
    case ',': case '-': case '/': case '&': case '(': case '[': case U'，': case U'、': case U'（': case U'「':
    case U'“': case U'《': case U'‘': case U'–': case U'—':
      return true;
    default:
      return false;
  }
}

bool is_english_connective(std::string_view word) {
  static constexpr std::string_view kWords[] = {
      "a",    "an",   "the",  "and",  "or",   "but",  "nor",  "of",    "to",   "in",   "on",    "at",   "by",
      "for",  "with", "from", "into", "as",   "than", "that", "which", "who",  "whom", "whose", "if",   "is",
      "are",  "was",  "were", "be",   "been", "has",  "have", "had",   "will", "can",  "may",   "your", "their",
      "its",  "our",  "his",  "her",  "this", "these", "those", "such", "not", "also", "about", "after", "before"};
  std::string lower(word);
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return std::find(std::begin(kWords), std::end(kWords), lower) != std::end(kWords);
}

// The last word of a line, when it is ASCII letters.
std::string_view last_word(std::string_view text, Span span) {
  std::size_t b = span.end;
  while (b > span.begin && std::isalpha(static_cast<unsigned char>(text[b - 1]))) --b;
  if (b > span.begin && !std::isspace(static_cast<unsigned char>(text[b - 1]))) return {};
  return text.substr(b, span.end - b);
}

// Round brackets and quotation marks left open by the lines of a block so
// far: a quotation or a gloss goes on to the next line. Counted line by line
// as the block grows. Only the bytes that can start a counted mark are
// stopped at (ASCII ( ) " and the leads of （）“”「」『』), 16 bytes at a time:
// every other character is passed over undecoded (a lead byte is never
// inside another character's bytes, even where the UTF-8 is broken).
struct OpenMarks {
  int brackets = 0, quotes = 0, straight = 0;
  void add(std::string_view text, Span span) {
    const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
    std::size_t pos = text::find_any_byte<'(', ')', '"', 0xE2, 0xE3, 0xEF>(text, span.begin, span.end);
    while (pos < span.end) {
      const unsigned char lead = bytes[pos];
      // The mark a three-byte character at pos is (its code point), 0 for none.
      const char32_t cp = lead < 0x80                       ? lead
                          : utf8::three_bytes_at(text, pos) ? utf8::three_byte_code_point(text, pos)
                                                            : 0;
      if (cp == '(' || cp == U'（') ++brackets;
      else if ((cp == ')' || cp == U'）') && brackets > 0) --brackets;
      else if (cp == U'“' || cp == U'「' || cp == U'『') ++quotes;
      else if ((cp == U'”' || cp == U'」' || cp == U'』') && quotes > 0) --quotes;
      else if (cp == '"') ++straight;
      pos = text::find_any_byte<'(', ')', '"', 0xE2, 0xE3, 0xEF>(text, pos + 1, span.end);
    }
  }
  bool open() const { return brackets > 0 || quotes > 0 || straight % 2 == 1; }
};

// True when a sentence ends inside the line, before its last character: a
// line of running prose that was cut at the page width, not a heading.
bool has_inner_sentence_end(std::string_view text, Span span) {
  std::size_t pos = span.begin;
  while (pos < span.end) {
    const char32_t cp = utf8::next(text, pos);
    if (cp != U'。' && cp != U'！' && cp != U'？' && cp != '.' && cp != '!' && cp != '?') continue;
    if (pos >= span.end) return false;
    const char32_t after = utf8::at(text, pos);
    if (cp >= 0x80 || after == ' ') {
      // "e.g. " and "U.S. " are not sentence ends: require a word of two letters before an ASCII period.
      if (cp == '.' && (pos < 3 + span.begin || !std::isalpha(static_cast<unsigned char>(text[pos - 2])) ||
                        !std::isalpha(static_cast<unsigned char>(text[pos - 3]))))
        continue;
      return true;
    }
  }
  return false;
}

// A run of four spaces or more inside a line: columns laid out by a PDF
// extraction (a table row, a footer "第1页，共3页        PL 12345/0067"),
// whose width says nothing of wrapping.
bool has_column_gap(std::string_view text, Span span) {
  return text.substr(span.begin, span.size()).find("    ") != std::string_view::npos;
}

// A comma, an enumeration comma or a dash inside the line: a clause, not a title.
bool has_clause_mark(std::string_view text, Span span) {
  const std::string_view line = text.substr(span.begin, span.size());
  return line.find(", ") != std::string_view::npos || line.find("，") != std::string_view::npos ||
         line.find("、") != std::string_view::npos || line.find("——") != std::string_view::npos;
}

bool is_chinese_numeral(char32_t cp) {
  return cp == U'一' || cp == U'二' || cp == U'三' || cp == U'四' || cp == U'五' || cp == U'六' || cp == U'七' ||
         cp == U'八' || cp == U'九' || cp == U'十';
}

}  // namespace

ListMarker list_marker(std::string_view text, Span line) {
  ListMarker marker;
  std::size_t pos = line.begin;
  if (pos >= line.end) return marker;
  const char32_t first = utf8::next(text, pos);
  auto finish = [&](bool numbered, bool needs_space) {
    std::size_t content = pos;
    bool spaced = false;
    while (content < line.end) {
      std::size_t after = content;
      if (!is_inline_space(utf8::next(text, after))) break;
      content = after;
      spaced = true;
    }
    if (needs_space && !spaced && content < line.end) return;
    marker.found = true;
    marker.numbered = numbered;
    marker.content_begin = content;
  };
  switch (first) {
    case '-': case '*': case '+':
      finish(false, true);
      return marker;
    case U'•': case U'●': case U'▪': case U'◦': case U'○': case U'■': case U'□': case U'◆': case U'◇': case U'➢':
    case U'►': case U'‣': case U'–': case U'—': case U'·':
      finish(false, first == U'–' || first == U'—' || first == U'·');
      return marker;
    default:
      break;
  }
  // "1." "12)" "1、" "(1)" "（1）" "（一）" "一、" "a)"
  std::size_t p = line.begin;
  const char32_t open = utf8::at(text, p);
  const bool bracketed = open == '(' || open == U'（';
  if (bracketed) utf8::next(text, p);
  std::size_t digits = 0, numerals = 0, letters = 0;
  while (p < line.end) {
    std::size_t q = p;
    const char32_t cp = utf8::next(text, q);
    if (is_ascii_digit(cp) && numerals == 0 && letters == 0) ++digits;
    else if (is_chinese_numeral(cp) && digits == 0 && letters == 0) ++numerals;
    else if (cp >= 'a' && cp <= 'z' && digits == 0 && numerals == 0 && letters == 0 && !bracketed) ++letters;
    else break;
    p = q;
  }
  if (digits + numerals + letters == 0 || digits > 2 || numerals > 3 || p >= line.end) return marker;
  pos = p;
  const char32_t close = utf8::next(text, pos);
  if (bracketed) {
    if (close == ')' || close == U'）') finish(true, false);
    return marker;
  }
  if (letters) {
    if (close == ')') finish(true, true);
    return marker;
  }
  if (close == U'、' || close == U'．') finish(true, false);
  else if (digits && (close == '.' || close == ')')) finish(true, true);
  return marker;
}

namespace {

// A line of plain text: its bytes without the terminator, and its text
// without the spaces around it (empty when the line is blank).
struct TextLine {
  Span line;
  Span trimmed;
};

template <typename Visit>
void for_each_text_line(std::string_view text, Visit&& visit) {
  for_each_line(text, [&](const Line& line) {
    const Span whole{line.begin, line.end};
    const Span trimmed = is_blank(text.substr(whole.begin, whole.size())) ? Span{whole.begin, whole.begin} : trim_line(text, whole);
    visit(TextLine{whole, trimmed});
  });
}

// The non-blank lines, and the width a hard-wrapped text is wrapped at (0
// when it is not): most of its lines are near one width, and a line that
// reaches it was cut by the wrapping, whatever it ends with. The width at
// nine tenths of the non-blank lines, counted in a histogram (only widths
// 60-130 can be the answer), not a list of every line's width: a file of
// short lines has one every two bytes.
struct LineWidths {
  std::size_t wrap_width = 0;
  std::size_t non_blank_lines = 0;
};

LineWidths line_widths(std::string_view text) {
  constexpr std::size_t kNarrowest = 60, kWidest = 130;
  // [0]: narrower than kNarrowest; [w - kNarrowest + 1]: width w; last: wider than kWidest.
  std::size_t counts[kWidest - kNarrowest + 3] = {};
  std::size_t non_blank_lines = 0;
  for_each_text_line(text, [&](const TextLine& line) {
    if (line.trimmed.empty()) return;
    ++non_blank_lines;
    const std::size_t width = display_width(text, line.trimmed, kWidest + 1);
    ++counts[width < kNarrowest ? 0 : width - kNarrowest + 1];
  });
  LineWidths widths;
  widths.non_blank_lines = non_blank_lines;
  if (non_blank_lines < 5) return widths;
  const std::size_t rank = non_blank_lines * 9 / 10;  // 0-based, in ascending order of width
  std::size_t below = 0, bucket = 0;
  while (below + counts[bucket] <= rank) below += counts[bucket++];
  if (bucket != 0 && bucket != std::size(counts) - 1) widths.wrap_width = bucket - 1 + kNarrowest;
  return widths;
}

}  // namespace

std::vector<Block> plain_text_blocks(std::string_view text) {
  const LineWidths widths = line_widths(text);
  const std::size_t wrap_width = widths.wrap_width;
  // 1 for a line mostly in Chinese, 0 mostly in Latin letters, -1 too few letters to tell.
  auto han_dominant = [&](Span s) {
    const ScriptCounts counts = count_scripts(text.substr(s.begin, s.size()));
    if (counts.han + counts.latin < 2) return -1;
    return 3 * counts.han > counts.latin ? 1 : 0;
  };
  auto last_of = [&](Span s) { std::size_t p = s.end; return utf8::previous(text, p); };
  auto first_of = [&](Span s) { return utf8::at(text, s.begin); };
  // The mark a line ends with, looking through closing quotes and brackets
  // (“……。” and (see above.) end with the full stop inside).
  auto end_mark_of = [&](Span s) {
    std::size_t p = s.end;
    char32_t mark = utf8::previous(text, p);
    while (is_closing_mark(mark) && p > s.begin) mark = utf8::previous(text, p);
    return mark;
  };
  // A short line like a heading: a question ("为何接种疫苗？") or a line
  // with no sentence end ("Side effects", 《三体》); not a quoted sentence
  // alone on its line (“你去哪儿？” is dialogue).
  auto heading_like = [&](Span s) {
    const char32_t mark = end_mark_of(s);
    if (mark != last_of(s)) return !ends_sentence(mark);
    return mark == '?' || mark == U'？' || !ends_sentence(mark);
  };
  // Does line `next` continue the block whose last line is `line`?
  auto continues = [&](Span line, Span next, const OpenMarks& marks) {
    if (list_marker(text, next).found) return false;
    const ListMarker own = list_marker(text, line);
    if (own.found && own.content_begin >= line.end) return true;  // a marker alone on its line
    const char32_t last = last_of(line);
    const char32_t first = first_of(next);
    if (is_lower_latin(first) || continues_line(first) || marks.open()) return true;
    if (ends_sentence(end_mark_of(line))) return false;
    // A switch between Chinese and English lines starts a new block (a
    // notice kept in English above its translation).
    const int line_script = han_dominant(line), next_script = han_dominant(next);
    if (line_script >= 0 && next_script >= 0 && line_script != next_script) return false;
    // A line laid out in columns (a table row, a padded footer) is no wrapped prose.
    if (has_column_gap(text, line)) return false;
    if (leaves_open(last)) return true;
    const std::string_view word = last_word(text, line);
    if (!word.empty() && is_english_connective(word)) return true;
    if (wrap_width && display_width(text, line, wrap_width) * 5 >= wrap_width * 4) return true;
    // (Compared with 40 and 12 below.)
    const std::size_t next_width = display_width(text, next, 41);
    // A short heading-like line ("为何接种疫苗？") starts a block of its own.
    const bool next_heading = next_width <= 40 && heading_like(next);
    if (has_inner_sentence_end(text, line) && !is_upper_latin(first) && !next_heading) return true;
    // A clause cut before its last word or two ("…孕妇不应接种" / "MMR 疫苗").
    return next_width <= 12 && !ends_sentence(end_mark_of(next)) && has_clause_mark(text, line);
  };

  // The lines are read one at a time, not held: a block needs its first
  // and last lines and whether a blank line came before it.
  // At most one block per non-blank line (pages reserved and never
  // written are not resident); what wrapped lines leave unused is given back
  // at the end.
  std::vector<Block> blocks;
  blocks.reserve(widths.non_blank_lines);
  auto add_block = [&](const TextLine& first, const TextLine& last, bool single_line, bool continues_paragraph) {
    Block block;
    block.set_span({first.line.begin, last.line.end});
    block.continues_paragraph = continues_paragraph;
    block.set_content({first.trimmed.begin, last.trimmed.end});
    const ListMarker marker = list_marker(text, first.trimmed);
    if (marker.found) {
      block.kind = BlockKind::list_item;
      block.set_content({std::min(marker.content_begin, block.content().end), block.content().end});
    }
    // A single short line that does not end a sentence is a heading ("Why
    // get vaccinated?", "1. 为何接种疫苗？"); a numbered one keeps its number out of the text.
    if (single_line && (!marker.found || marker.numbered) && heading_like(last.trimmed) &&
        !leaves_open(last_of(last.trimmed)) && display_width(text, block.content(), 81) <= 80) {
      block.kind = BlockKind::heading;
      block.heading_level = 1;
    }
    blocks.push_back(block);
  };
  // The block being read: its first and last lines, how many lines after
  // its first, and the brackets and quotes its lines left open.
  bool in_block = false, block_continues_paragraph = false;
  TextLine first{}, last{};
  std::size_t more_lines = 0;
  OpenMarks marks;
  auto start_block = [&](const TextLine& line, bool continues_paragraph) {
    in_block = true;
    block_continues_paragraph = continues_paragraph;
    first = last = line;
    more_lines = 0;
    marks = OpenMarks{};
    marks.add(text, line.trimmed);
  };
  for_each_text_line(text, [&](const TextLine& line) {
    if (line.trimmed.empty()) {
      if (in_block) add_block(first, last, more_lines == 0, block_continues_paragraph);
      in_block = false;
      return;
    }
    if (!in_block) {
      start_block(line, false);
      return;
    }
    // A quotation left open for many lines is a slip, not one long block.
    constexpr std::size_t kMaxQuotedLines = 12;
    if (more_lines >= kMaxQuotedLines && marks.open()) marks = OpenMarks{};
    if (continues(last.trimmed, line.trimmed, marks)) {
      marks.add(text, line.trimmed);
      last = line;
      ++more_lines;
      return;
    }
    add_block(first, last, more_lines == 0, block_continues_paragraph);
    start_block(line, true);  // no blank line between them
  });
  if (in_block) add_block(first, last, more_lines == 0, block_continues_paragraph);
  give_back_slack(blocks);
  return blocks;
}

FormatReader plain_text_reader() {
  FormatReader reader;
  reader.format.name = "text";
  reader.extensions = {"txt", "text"};
  reader.read = [](std::string_view text) {
    Layout layout{plain_text_blocks(text), {}};
    mark_page_furniture(text, layout.blocks);
    return layout;
  };
  return reader;
}

bool mask_urls(std::string_view text, std::string& masked) {
  bool any = false;
  auto mask = [&](std::size_t b, std::size_t e) {
    if (masked.empty()) masked.assign(text);
    for (std::size_t i = b; i < e; ++i)
      if (masked[i] != '\n' && masked[i] != '\r') masked[i] = kMaskByte;
    any = true;
  };
  for (const Span url : find_urls(text)) mask(url.begin, url.end);
  // Bare host names with a common top-level domain ("cdc.gov/flu",
  // "wwww.cdc.gov" mistyped): not prose either.
  static constexpr std::string_view kDomains[] = {".gov", ".org", ".com", ".net", ".edu", ".int"};
  auto host_byte = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-'; };
  for (const std::string_view domain : kDomains) {
    for (std::size_t at = text.find(domain); at != std::string_view::npos; at = text.find(domain, at + 1)) {
      const std::size_t after = at + domain.size();
      if (after < text.size() && std::isalnum(static_cast<unsigned char>(text[after]))) continue;
      if (at == 0 || !std::isalnum(static_cast<unsigned char>(text[at - 1]))) continue;
      if (!masked.empty() && masked[at] == kMaskByte) continue;
      std::size_t b = at;
      // Never back over a host already masked: "a.gov.gov.gov…" stays linear.
      while (b > 0 && host_byte(text[b - 1]) && (masked.empty() || masked[b - 1] != kMaskByte)) --b;
      std::size_t e = after;
      if (e < text.size() && text[e] == '/') {
        while (e < text.size() && is_url_byte(static_cast<unsigned char>(text[e]))) ++e;
        while (e > after && std::strchr(".,;:!?')", text[e - 1])) --e;
      }
      mask(b, e);
    }
  }
  // E-mail addresses: local@domain.tld
  std::size_t pos = 0;
  while ((pos = text.find('@', pos)) != std::string_view::npos) {
    std::size_t b = pos;
    while (b > 0 && (std::isalnum(static_cast<unsigned char>(text[b - 1])) || std::strchr("._%+-", text[b - 1]))) --b;
    std::size_t e = pos + 1;
    while (e < text.size() && (std::isalnum(static_cast<unsigned char>(text[e])) || text[e] == '.' || text[e] == '-')) ++e;
    while (e > pos + 1 && text[e - 1] == '.') --e;
    const std::string_view domain = text.substr(pos + 1, e - pos - 1);
    if (b < pos && domain.find('.') != std::string_view::npos) mask(b, e);
    pos = e;
  }
  return any;
}

}  // namespace tc
