#include "rules/typography/unbalanced_quote.h"

#include "text/byte_skip.h"

#include <array>
#include <optional>

#include "core/utf8.h"
#include "rules/typography/text.h"

namespace tc {
namespace {

using namespace typography;

struct Pair {
  char32_t open;
  char32_t close;
  bool quote;  // quotes may continue into the next paragraph; brackets may not
};

// Index 0 is the double quote; ASCII " is mapped onto it by guessing its direction.
constexpr std::array<Pair, 9> kPairs{{{U'\u201C', U'\u201D', true},
                                      {U'\u300C', U'\u300D', true},   // 「」
                                      {U'\u300E', U'\u300F', true},   // 『』
                                      {U'(', U')', false},
                                      {U'[', U']', false},
                                      {U'\uFF08', U'\uFF09', false},  // （）
                                      {U'\u3010', U'\u3011', false},  // 【】
                                      {U'\u300A', U'\u300B', false},  // 《》
                                      {U'\u3008', U'\u3009', false}}};  // 〈〉

enum class Side { open, close };

struct Mark {
  std::size_t pair;
  Side side;
  std::size_t begin;
  std::size_t end;
};

bool opens_context(char32_t cp) {
  return cp == utf8::kInvalid || cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '(' || cp == '[' ||
         cp == '{' || cp == U'\u2014' || cp == U'\u2013' || cp == '-' || cp == U'\u3000';
}

bool closes_context(char32_t cp) {
  return cp == utf8::kInvalid || cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '.' || cp == ',' ||
         cp == ';' || cp == ':' || cp == '!' || cp == '?' || cp == ')' || cp == ']' || cp == '}' || cp == U'\u2014' ||
         cp == U'\u2013' || cp == '-' || cp == U'\u2026' || cp == U'\u3000';
}

// Code point before begin and at end, kInvalid at the edges of the text.
char32_t before(std::string_view text, std::size_t begin) {
  if (begin == 0) return utf8::kInvalid;
  return utf8::previous(text, begin);
}

// Emoticons ":)", ";(", ":-)" are not brackets.
bool emoticon(std::string_view prose, std::size_t pos) {
  return pos > 0 && (prose[pos - 1] == ':' || prose[pos - 1] == ';' || (prose[pos - 1] == '-' && pos > 1 && prose[pos - 2] == ':'));
}

// An unmatched ")" after one to three letters or digits that start a word is
// an enumeration marker: "1) first", "a) second", "iv) fourth".
bool list_marker(std::string_view prose, std::size_t pos) {
  if (prose[pos] != ')') return false;
  std::size_t start = pos;
  while (start > 0 && pos - start < 4 && is_alnum(prose[start - 1])) --start;
  if (start == pos || pos - start > 3) return false;
  return start == 0 || is_space(prose[start - 1]);
}

class MarkScanner {
 public:
  explicit MarkScanner(std::string_view prose) : prose_(prose) {}

  // The marks of prose[begin, end). ASCII " gets its side from its neighbours,
  // or from whether a double quote is open when they do not tell.
  std::vector<Mark> scan(std::size_t begin, std::size_t end) const {
    std::vector<Mark> marks;
    int open_double = 0;
    std::size_t pos = begin;
    while (pos < end) {
      // Only a quote, a bracket or the first byte of a non-ASCII mark (see below) is looked at.
      pos = text::find_any_byte<'"', '(', ')', '[', ']', 0xE2, 0xE3, 0xEF>(prose_, pos, end);
      if (pos >= end) break;
      const char c = prose_[pos];
      if (c == '"' && open_double == 0 && pos > begin && is_digit(prose_[pos - 1])) {
        ++pos;  // an inch mark: a 27" screen
        continue;
      }
      if (c == '"') {
        std::size_t last = pos + 1;
        while (last < end && prose_[last] == '"') ++last;  // "" counts once (typography/doubled-quote reports it)
        const bool open_ctx = opens_context(before(prose_, pos));
        const bool close_ctx = closes_context(last < prose_.size() ? utf8::at(prose_, last) : utf8::kInvalid);
        Side side = open_ctx == close_ctx ? (open_double > 0 ? Side::close : Side::open)
                                          : (open_ctx ? Side::open : Side::close);
        open_double += side == Side::open ? 1 : (open_double > 0 ? -1 : 0);
        marks.push_back({0, side, pos, last});
        pos = last;
        continue;
      }
      if (!is_non_ascii(c) && c != '(' && c != ')' && c != '[' && c != ']') {
        ++pos;
        continue;
      }
      // The non-ASCII marks start with E2 (“ ”), E3 (「」『』【】《》〈〉) or EF
      // (（）); any other byte (a Han character's, a continuation) is none,
      // and no mark's first byte is ever inside another character.
      const auto lead = static_cast<unsigned char>(c);
      if (lead >= 0x80 && lead != 0xE2 && lead != 0xE3 && lead != 0xEF) {
        ++pos;
        continue;
      }
      const std::size_t start = pos;
      const char32_t cp = utf8::next(prose_, pos);
      for (std::size_t i = 0; i < kPairs.size(); ++i) {
        if (cp != kPairs[i].open && cp != kPairs[i].close) continue;
        if (cp < 0x80 && emoticon(prose_, start)) break;
        const Side side = cp == kPairs[i].open ? Side::open : Side::close;
        if (i == 0) open_double += side == Side::open ? 1 : (open_double > 0 ? -1 : 0);
        marks.push_back({i, side, start, pos});
        break;
      }
    }
    return marks;
  }

 private:
  std::string_view prose_;
};

bool at_line_start(std::string_view prose, std::size_t pos) {
  while (pos > 0 && is_blank(prose[pos - 1])) --pos;
  return pos == 0 || prose[pos - 1] == '\n' || prose[pos - 1] == '\r';
}

}  // namespace

const RuleInfo& UnbalancedQuote::info() const {
  static const RuleInfo kInfo{
      "typography/unbalanced-quote", Severity::warning, RuleScope::document, RuleLanguage::any, true,
      "A quotation mark or bracket that is opened and never closed, or closed and never opened",
      R"doc(## What it does
Pairs quotation marks and brackets within each paragraph: “ ”, ASCII ",
「 」, 『 』, ( ), [ ], （ ）, 【 】, 《 》 and 〈 〉. It flags an opening mark
still open at the end of its paragraph and a closing mark with nothing to
close. The side of an ASCII " is read from its neighbours (a space before
it opens, a space or punctuation after it closes); doubled quotes count once,
and a " right after a digit with no quote open is an inch mark (a 27" screen).
Single quotes are not checked: ’ is also the apostrophe.

Quotation continued into the next paragraph is allowed, following the English
(and Chinese) convention: a paragraph of dialogue that does not close its
quote is fine when the next paragraph starts with an opening quote. The same
holds for a new line inside one paragraph that starts with an opening quote
(text with one paragraph per line and no blank lines). Elsewhere quotes may
nest (“...“...”...”, common in Chinese text).
Enumeration markers with no opening bracket ("1) first, a) second") and
emoticons (":)") are not brackets.

## Why it matters
A lost quotation mark changes who says what; a lost bracket leaves a
parenthesis running to the end of the page. Both are common when text is
pasted in pieces.

## Example
`these traitors send secret messages: “Don't attack, we are one of your own.`
followed by a blank line is flagged at the “.

## Options
None.)doc"};
  return kInfo;
}

void UnbalancedQuote::check(const CheckContext& context, FindingSink& out) const {
  const std::string_view prose = context.doc.prose();
  const std::vector<Block> blocks = prose_blocks(context.doc);
  const MarkScanner scanner(prose);
  std::vector<Mark> next_marks;
  for (std::size_t b = 0; b < blocks.size(); ++b) {
    const std::vector<Mark> marks = b == 0 ? scanner.scan(blocks[b].content().begin, blocks[b].content().end) : next_marks;
    next_marks = b + 1 < blocks.size() ? scanner.scan(blocks[b + 1].content().begin, blocks[b + 1].content().end)
                                       : std::vector<Mark>{};
    auto glyph_of = [&](const Mark& mark) {  // a doubled "" is shown once
      return std::string(prose.substr(mark.begin, prose[mark.begin] == '"' ? 1 : mark.end - mark.begin));
    };
    std::array<std::vector<Mark>, kPairs.size()> open;
    for (const Mark& mark : marks) {
      std::vector<Mark>& stack = open[mark.pair];
      if (mark.side == Side::open) {
        // A new line opening a quote while one is open continues the dialogue
        // (the earlier paragraph's quote is left open by convention); elsewhere
        // quotes may nest (“...“...”...”, common in Chinese).
        if (kPairs[mark.pair].quote && !stack.empty() && at_line_start(prose, mark.begin) &&
            context.doc.lines.line_of(stack.back().begin) < context.doc.lines.line_of(mark.begin))
          stack.pop_back();
        stack.push_back(mark);
      } else if (!stack.empty()) {
        stack.pop_back();
      } else if (!list_marker(prose, mark.begin)) {
        out.push_back(make_finding(context.doc, {mark.begin, mark.end}, "closing " + glyph_of(mark) + " has no opening mark"));
      }
    }
    const bool next_opens_quote = !next_marks.empty() && next_marks.front().begin == blocks[b + 1].content().begin &&
                                  next_marks.front().side == Side::open;
    for (std::size_t i = 0; i < kPairs.size(); ++i) {
      for (const Mark& mark : open[i]) {
        if (kPairs[i].quote && next_opens_quote && next_marks.front().pair == i) continue;  // dialogue continues
        out.push_back(make_finding(context.doc, {mark.begin, mark.end},
                                   "opening " + glyph_of(mark) + " is never closed in this paragraph"));
      }
    }
  }
}

}  // namespace tc
