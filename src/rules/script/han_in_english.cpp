#include "rules/script/han_in_english.h"

#include <unicode/uchar.h>

#include "core/utf8.h"
#include "rules/code_point_events.h"
#include "rules/script/script_chars.h"

namespace tc {
namespace {

using script::is_cjk_letter;
using script::is_cjk_punctuation;
using script::is_latin_letter;

constexpr std::string_view kAllowParenthesized = "script/han-in-english.allow-parenthesized";
constexpr char32_t kIdeographicSpace = 0x3000;
// Longest stretch of ASCII digits, spaces and punctuation inside one leftover
// ("时间:2026-05-22 人气"): longer gaps start a new finding.
constexpr std::size_t kMaxAsciiGap = 24;

// The offset after a gap of ASCII digits, spaces and punctuation that starts
// at pos and is followed by a CJK letter on the same line; pos when there is
// no such gap.
std::size_t skip_ascii_gap(std::string_view text, std::size_t pos) {
  std::size_t end = pos;
  while (end < text.size() && end - pos <= kMaxAsciiGap) {
    const char c = text[end];
    if (static_cast<unsigned char>(c) >= 0x80) break;
    if (c == '\n' || c == '\r' || c == kMaskByte || script::is_ascii_letter(c)) return pos;
    ++end;
  }
  if (end == pos || end - pos > kMaxAsciiGap || end >= text.size()) return pos;
  std::size_t probe = end;
  return is_cjk_letter(script::next_code_point(text, probe)) ? end : pos;
}

bool is_open_paren(char32_t cp) { return cp == '(' || cp == 0xFF08; }
bool is_close_paren(char32_t cp) { return cp == ')' || cp == 0xFF09; }

// "Zhang Minghui (张明辉)": the CJK letters fill a pair of parentheses that
// follows a capitalised Latin word.
bool follows_romanised_name(std::string_view text, std::size_t begin, std::size_t end) {
  std::size_t pos = begin;
  if (pos == 0 || !is_open_paren(utf8::previous(text, pos))) return false;
  if (!is_close_paren(utf8::at(text, end))) return false;
  while (pos > 0 && text[pos - 1] == ' ') --pos;
  // Walk back over the word before the parenthesis to its first letter.
  char32_t first_letter = 0;
  while (pos > 0) {
    std::size_t probe = pos;
    const char32_t cp = utf8::previous(text, probe);
    if (is_latin_letter(cp)) first_letter = cp;
    else if (cp != '-' && cp != '\'') break;
    pos = probe;
  }
  return first_letter != 0 && u_isupper(static_cast<UChar32>(first_letter));
}

std::string_view script_name(bool has_kana, bool has_hangul) {
  if (has_hangul) return "Korean";
  if (has_kana) return "Japanese";
  return "Chinese";
}

}  // namespace

const RuleInfo& HanInEnglish::info() const {
  static constexpr OptionSpec kOptions[] = {
      {"allow-parenthesized", OptionType::boolean, "false", "accept Chinese in parentheses right after a romanised name: \"Zhang Minghui (张明辉)\""},
  };
  static const RuleInfo kInfo{
      "script/han-in-english", Severity::error, RuleScope::document, RuleLanguage::en, true,
      "Chinese, Japanese or Korean characters left in English text",
      R"doc(## What it does
Flags Han characters, kana and Hangul in English text. A run of CJK
characters, with the CJK punctuation between and right next to them, is one
finding; so is a leftover line whose CJK words are separated only by digits,
spaces and ASCII punctuation ("时间:2026-05-22 人气").

- **error** when the run is glued to Latin letters, as in "识别ing": a word
  was half translated.
- **warning** otherwise, e.g. a leftover line such as "时间:2026-05-22 人气:"
  or a lone "图片" (image caption placeholder).

When the English text is the source of a pair (an English original, or the
source side of a translation file), only the glued runs are reported: Chinese
standing apart in an original is the author's own citation
(`"scald" (烫伤)`, `(Chinese: 火眼)`), not a leftover of translating.

There is no automatic fix: the text needs translating.

## Why it matters
Untranslated words are the most visible defect of machine-assisted
translation. Readers of the English text cannot read them, and fonts without
CJK glyphs show them as boxes.

## Example
`which are essential for识别ing cancer cells` is an error on "识别";
a line holding only `图片` is a warning.)doc", /*explains_its_span=*/false, /*reads_undecoded=*/false, kOptions};
  return kInfo;
}

void HanInEnglish::check(const CheckContext& context, FindingSink& out) const {
  const std::string_view text = context.doc.prose();
  const bool allow_parenthesized = context.options.boolean(kAllowParenthesized);
  std::size_t pos = 0;
  std::size_t previous_end = 0;  // a run never reaches back into the previous finding
  std::size_t letters_begin = 0;
  char32_t first = 0;
  EventWalk walk(context, code_point_class::kCjkLetter, /*prose_only=*/true);
  while (const text::ClassEvent* event = walk.next(pos)) {
    letters_begin = event->begin;
    first = event->cp;
    pos = event->end();

    // Extend over CJK letters and the punctuation between them.
    bool has_kana = script::is_kana(first);
    bool has_hangul = script::is_hangul(first);
    std::size_t letters_end = pos;
    while (pos < text.size()) {
      std::size_t probe = pos;
      const char32_t cp = script::next_code_point(text, probe);
      if (is_cjk_letter(cp)) {
        has_kana |= script::is_kana(cp);
        has_hangul |= script::is_hangul(cp);
        letters_end = probe;
      } else if (!is_cjk_punctuation(cp)) {
        // A leftover line keeps its digits and ASCII marks: one finding.
        const std::size_t after_gap = skip_ascii_gap(text, pos);
        if (after_gap == pos) break;
        probe = after_gap;
      }
      pos = probe;
    }
    // Punctuation right next to the letters ("时间：") belongs to the run,
    // an ideographic space at its edge does not.
    std::size_t begin = letters_begin;
    while (begin > previous_end) {
      std::size_t probe = begin;
      const char32_t cp = utf8::previous(text, probe);
      if (!is_cjk_punctuation(cp) || cp == kIdeographicSpace) break;
      begin = probe;
    }
    std::size_t end = letters_end;
    while (end < text.size()) {
      std::size_t probe = end;
      const char32_t cp = utf8::next(text, probe);
      if (!is_cjk_punctuation(cp) || cp == kIdeographicSpace) break;
      end = probe;
    }
    pos = end;
    previous_end = end;

    if (allow_parenthesized && follows_romanised_name(text, letters_begin, letters_end)) continue;

    std::size_t before = letters_begin;
    const bool glued = (letters_begin > 0 && is_latin_letter(utf8::previous(text, before))) ||
                       is_latin_letter(utf8::at(text, letters_end));
    // Built by appending: GCC 12 misreports chains of operator+ (-Wrestrict).
    std::string message(script_name(has_kana, has_hangul));
    message += " \"";
    message += script::excerpt(std::string_view(context.doc.text).substr(begin, end - begin));
    message += glued ? "\" glued to a Latin word" : "\" left in English text";
    // An English original is no translation that left words behind: Chinese
    // standing apart in it is the author's citation ("scald" (烫伤), "Huo-Yan"
    // (Chinese: 火眼)). A word half in Chinese is damage on either side.
    if (!glued && context.role == Role::source) continue;
    Finding finding = make_finding(context.doc, {begin, end}, std::move(message));
    if (!glued) finding.severity = Severity::warning;
    out.push_back(std::move(finding));
  }
}

}  // namespace tc
