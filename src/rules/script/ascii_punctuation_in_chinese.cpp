#include "rules/script/ascii_punctuation_in_chinese.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <utility>
#include <vector>

#include "core/utf8.h"
#include "rules/code_point_events.h"
#include "rules/script/script_chars.h"
#include "text/byte_skip.h"

namespace tc {
namespace {

std::string_view fullwidth_form(char c) {
  switch (c) {
    case ',': return "\uFF0C";
    case '.': return "\u3002";
    case ':': return "\uFF1A";
    case ';': return "\uFF1B";
    case '?': return "\uFF1F";
    case '!': return "\uFF01";
    case '(': return "\uFF08";
    case ')': return "\uFF09";
    default: return {};
  }
}

// Closing marks of Chinese text after which a clause mark is still Chinese: 他说“好”,
bool is_chinese_closer(char32_t cp) {
  return cp == 0x201D || cp == 0x2019 || cp == 0x300D || cp == 0x300F || cp == 0x300B || cp == 0xFF09;
}

// Opening marks that may follow a Chinese clause mark: 他说:“好”
bool is_chinese_opener(char32_t cp) {
  return cp == 0x201C || cp == 0x2018 || cp == 0x300C || cp == 0x300E || cp == 0x300A || cp == 0xFF08;
}

bool is_line_end(char c) { return c == '\n' || c == '\r'; }

// What follows a clause mark at pos: Chinese text, the end of the line, or something else.
bool chinese_continues_after(std::string_view text, std::size_t pos) {
  while (pos < text.size() && (text[pos] == ' ' || text[pos] == '\t')) ++pos;
  if (pos >= text.size() || is_line_end(text[pos])) return true;
  const char32_t next = utf8::at(text, pos);
  return is_han_or_ideographic_mark(next) || is_chinese_opener(next);
}

bool chinese_before(std::string_view text, std::size_t pos) {
  if (pos == 0) return false;
  const char32_t previous = utf8::previous(text, pos);
  return is_han_or_ideographic_mark(previous) || is_chinese_closer(previous);
}

// Parentheses and Han characters of the rest of a line, gathered in one pass
// when its first "(" is met: scanning to the line end from every "(" (and
// through the content of every nesting level) is quadratic on a long line of
// unclosed or deeply nested parentheses. The Han characters are gathered
// only when a long content is asked about: short ones (most of them) are
// read directly, which costs no more than their length.
class LineParens {
 public:
  // Prepares the line part from pos, the offset of a "(", unless done already.
  void prepare(std::string_view text, std::size_t pos) {
    if (pos < end_) return;
    from_ = pos;
    // The line end and the parentheses are found 16 bytes at a time: a
    // line of Chinese prose is some hundreds of bytes.
    end_ = text::find_any_byte<'\n', '\r'>(text, pos, text.size());
    pairs_.clear();
    han_.clear();
    han_gathered_ = false;
    open_.clear();
    for (std::size_t i = pos; (i = text::find_any_byte<'(', ')'>(text, i, end_)) < end_; ++i) {
      if (text[i] == '(') {
        open_.push_back(i);
      } else if (!open_.empty()) {
        pairs_.emplace_back(open_.back(), i);
        open_.pop_back();
      }
    }
    std::sort(pairs_.begin(), pairs_.end());
  }

  // The matching ")" of the "(" at open on the same line, or npos.
  std::size_t matching(std::size_t open) const {
    const auto it = std::lower_bound(pairs_.begin(), pairs_.end(), std::make_pair(open, std::size_t{0}));
    return it != pairs_.end() && it->first == open ? it->second : std::string_view::npos;
  }

  // Whether a Han character starts in [begin, end), inside the prepared part
  // (begin is not inside a code point).
  bool han_between(std::string_view text, std::size_t begin, std::size_t end) {
    if (end - begin <= kReadDirectly) return first_han(text.substr(0, end), begin) != std::string_view::npos;
    if (!han_gathered_) {
      const std::string_view rest = text.substr(0, end_);
      for (std::size_t at = from_; (at = first_han(rest, at)) != std::string_view::npos;) {
        han_.push_back(at);
        at = next_after(rest, at);
      }
      han_gathered_ = true;
    }
    const auto it = std::lower_bound(han_.begin(), han_.end(), begin);
    return it != han_.end() && *it < end;
  }

 private:
  static constexpr std::size_t kReadDirectly = 64;  // bytes

  // The start of the first Han character of text from pos, or npos.
  static std::size_t first_han(std::string_view text, std::size_t pos) {
    std::size_t start = 0;
    char32_t cp = 0;
    while (script::next_wide(text, pos, start, cp))
      if (is_han_or_ideographic_mark(cp)) return start;
    return std::string_view::npos;
  }
  // Where decoding goes on after the code point that starts at start.
  static std::size_t next_after(std::string_view text, std::size_t start) {
    std::size_t pos = start, found = 0;
    char32_t cp = 0;
    script::next_wide(text, pos, found, cp);
    return pos;
  }

  std::size_t from_ = 0;  // start of the prepared line part
  std::size_t end_ = 0;   // end of the prepared line part
  std::vector<std::pair<std::size_t, std::size_t>> pairs_;
  std::vector<std::size_t> han_;  // starts of the Han characters of the part, once gathered
  std::vector<std::size_t> open_;  // "(" not yet closed while preparing (kept: one allocation, not one a line)
  bool han_gathered_ = false;
};

// "Food and Drug Administration (FDA，美国食品药品监督管理局)": the brackets
// belong to the English name before them and open on its abbreviation.
bool glosses_latin_name(std::string_view text, std::size_t open) {
  std::size_t before = open;
  while (before > 0 && text[before - 1] == ' ') --before;
  const bool latin_before = before > 0 && std::isalpha(static_cast<unsigned char>(text[before - 1]));
  const bool latin_inside = open + 1 < text.size() && std::isalpha(static_cast<unsigned char>(text[open + 1]));
  return latin_before && latin_inside;
}

}  // namespace

const RuleInfo& AsciiPunctuationInChinese::info() const {
  static const RuleInfo kInfo{
      "script/ascii-punctuation-in-chinese", Severity::warning, RuleScope::document, RuleLanguage::zh, true,
      "ASCII punctuation between Chinese characters",
      R"doc(## What it does
Flags the ASCII marks `, . : ; ? !` written after a Chinese character where
the clause goes on in Chinese or the line ends, and ASCII parentheses `( )`
that enclose Chinese text. The fix is the full-width mark: ，。：；？！（）.

House style (following GB/T 15834): Chinese prose takes full-width
punctuation. Half-width marks stay where they belong to numbers or Latin
text, so these are not flagged:
- decimals and times: 3.5、10:30 (the mark follows a digit);
- URLs, e-mail addresses and code (not prose);
- English phrases inside Chinese: "PD-1, PD-L1 and CTLA-4";
- an ellipsis written as "..." (a typography matter, not this rule's);
- parentheses around Latin text only: (DNA), (Treg), (PD-1);
- parentheses that follow an English name and open on Latin text, such as
  a gloss on a name kept in English: "Food and Drug Administration (FDA，美国食品药品监督管理局)".

## Why it matters
Half-width marks inside Chinese text look cramped, break line-breaking and
justification, and are a tell-tale sign of text typed with the input method
in the wrong mode or produced by machine translation.

## Example
`肿瘤细胞,免疫细胞` is flagged at "," with the fix "，";
`化疗(化学治疗)` is flagged at both parentheses.

## Options
None.)doc"};
  return kInfo;
}

bool is_ascii_clause_mark(char32_t cp) { return cp < 0x80 && !fullwidth_form(static_cast<char>(cp)).empty(); }

void AsciiPunctuationInChinese::check(const CheckContext& context, FindingSink& out) const {
  const std::string_view text = context.doc.prose();
  // Offsets of ")" already reported with their "(", so none is judged twice:
  // ascending, in a vector (a set allocated a node for each pair).
  std::vector<std::size_t> reported_closes;
  LineParens line_parens;
  EventWalk walk(context, code_point_class::kClauseMark, /*prose_only=*/true);
  // The finding at the mark c at offset at, its fix the full-width form. The
  // fix's one edit is made in place: a Fix built from a string copies its
  // edit out of an initializer list and is moved into the optional (some
  // 350 instructions of each of the thousands of findings of a Chinese book).
  auto report = [&](char c, std::size_t at) {
    const std::string_view wide = fullwidth_form(c);
    // Written once into room for all of it (a chain of + grew it three times).
    std::string message;
    message.reserve(40);
    message.append("ASCII \"").append(1, c).append("\" in Chinese text; use \"").append(wide).append("\"");
    Finding finding = make_finding(context.doc, {at, at + 1}, std::move(message));
    finding.fix.emplace().edits.emplace_back(Edit{kFindingSpan, std::string(wide)});
    out.push_back(std::move(finding));
  };
  std::size_t next = 0;
  while (const text::ClassEvent* event = walk.next(next)) {
    const std::size_t i = event->begin;
    next = i + 1;
    const char c = text[i];
    switch (c) {
      case ',': case '.': case ':': case ';': case '?': case '!': {
        if (c == '.' && ((i + 1 < text.size() && text[i + 1] == '.') || (i > 0 && text[i - 1] == '.'))) continue;
        if (!chinese_before(text, i) || !chinese_continues_after(text, i + 1)) continue;
        break;
      }
      case '(': {
        line_parens.prepare(text, i);
        const std::size_t close = line_parens.matching(i);
        if (close == std::string_view::npos) {
          if (!chinese_before(text, i) || !is_han_or_ideographic_mark(utf8::at(text, i + 1))) continue;
          break;
        }
        if (!line_parens.han_between(text, i + 1, close) || glosses_latin_name(text, i)) {
          next = close + 1;  // (DNA), (Treg): Latin in parentheses keeps half-width marks
          continue;
        }
        const auto at = std::lower_bound(reported_closes.begin(), reported_closes.end(), close);
        if (at == reported_closes.end() || *at != close) reported_closes.insert(at, close);
        report('(', i);
        report(')', close);
        continue;
      }
      case ')': {
        const auto reported = std::lower_bound(reported_closes.begin(), reported_closes.end(), i);
        if (reported != reported_closes.end() && *reported == i) {
          reported_closes.erase(reported);
          continue;
        }
        // An unmatched ")" after Chinese text.
        if (!chinese_before(text, i)) continue;
        break;
      }
      default: continue;
    }
    report(c, i);
  }
}

}  // namespace tc
