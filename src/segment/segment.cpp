#include "segment/segment.h"
#include "core/slack.h"

#include <unicode/brkiter.h>
#include <unicode/utext.h>

#include <algorithm>
#include <array>
#include <memory>
#include <string_view>

#include "core/error.h"
#include "core/utf8.h"
#include "text/chinese_fold.h"
#include "text/byte_skip.h"

namespace tc {
namespace {

bool is_space_byte(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

bool is_unicode_space(char32_t cp) {
  return cp == 0x3000 || cp == 0x00A0 || cp == 0x2028 || cp == 0x2029 || (cp >= 0x2000 && cp <= 0x200B) ||
         cp == 0xFEFF;
}

// Shrinks span to exclude surrounding ASCII and Unicode white space.
Span trim(std::string_view text, Span span) {
  while (span.begin < span.end) {
    if (is_space_byte(text[span.begin])) { ++span.begin; continue; }
    std::size_t pos = span.begin;
    const char32_t cp = utf8::next(text, pos);
    if (cp == utf8::kInvalid || !is_unicode_space(cp) || pos > span.end) break;
    span.begin = pos;
  }
  while (span.end > span.begin) {
    if (is_space_byte(text[span.end - 1])) { --span.end; continue; }
    std::size_t pos = span.end;
    const char32_t cp = utf8::previous(text, pos);
    if (cp == utf8::kInvalid || !is_unicode_space(cp) || pos < span.begin) break;
    span.end = pos;
  }
  return span;
}

void push_trimmed(std::string_view text, Span span, std::vector<Span>& out) {
  span = trim(text, span);
  if (!span.empty()) out.push_back(span);
}

bool is_chinese_terminal(char32_t cp) {
  return cp == U'。' || cp == U'！' || cp == U'？' || cp == U'；' || cp == U'!' || cp == U'?' || cp == U'｡';
}

// Closing quotes and brackets that stay with the sentence they close.
bool is_closing(char32_t cp) {
  switch (cp) {
    case U'”': case U'’': case U'」': case U'』': case U'）': case U')': case U'】': case U'》': case U'〉':
    case U'"': case U'\'': case U'］': case U']': case U'〕': case U'〗': case U'﹂': case U'﹄':
      return true;
    default:
      return false;
  }
}

// A verb of speech that is the end of a word of another sense: 知道 (know),
// 味道, 街道, 频道, 小说 (novel), 据说, 听说 (it is said) end a sentence of
// their own (“……。”这一点谁都知道。), not an attribution.
bool ends_word_of_other_sense(char32_t before, char32_t verb) {
  constexpr std::u32string_view kBeforeDao = U"知味街频通轨渠报难地隧跑管赤车行";
  constexpr std::u32string_view kBeforeShuo = U"小据听传学虽假是";
  constexpr std::u32string_view kBeforeWen = U"学疑顾访";
  const std::u32string_view before_list = verb == U'道' ? kBeforeDao : verb == U'说' ? kBeforeShuo : verb == U'问' ? kBeforeWen : std::u32string_view();
  return before != 0 && before_list.find(before) != std::u32string_view::npos;
}

// A quotation's closing mark followed by a short attribution that ends
// there: “……。”她说。 or “……？”周明问， (a name or pronoun, maybe an adverb,
// then a verb of speech, then 。，！？). Like “…,” she said in English, the
// attribution belongs to the quoted sentence, so no sentence ends before it.
// Before ： the verb opens the next quotation instead, and a sentence:
// “……。”老王道：“……”.
bool attribution_follows(std::string_view text, std::size_t pos, std::size_t end) {
  constexpr int kMaxSpeaker = 8;  // Han characters before the verb
  int han = 0;
  char32_t previous = 0, before_previous = 0;
  while (pos < end && (text[pos] == ' ' || text[pos] == '\t')) ++pos;  // “……？” 汪淼问。
  while (pos < end && han <= kMaxSpeaker + 1) {
    // (Traditional characters read as Simplified: 他說, 小說, 沒.)
    const char32_t cp = simplified_character(utf8::next(text, pos));
    if (cp == U'。' || cp == U'，' || cp == U'：' || cp == U'！' || cp == U'？') {
      if (han < 2) return false;  // the verb alone (“……。”说完) is no attribution
      if (cp == U'：') return false;  // “……。”老王道：“…… opens the next quotation
      switch (previous) {
        case U'说': case U'问': case U'道': case U'喊': case U'叫': case U'嚷': case U'叹':
          return !ends_word_of_other_sense(before_previous, previous);
        default:
          return false;
      }
    }
    if (cp < 0x4E00 || cp > 0x9FFF) return false;
    if (cp == U'没' || cp == U'不' || cp == U'未') return false;  // 她没有说。 tells, it does not attribute
    ++han;
    before_previous = previous;
    previous = cp;
  }
  return false;
}

// Words after which a period does not end an English sentence.
bool is_abbreviation(std::string_view word) {
  static const std::array<std::string_view, 48> kAbbreviations = {
      "Dr", "Mr", "Mrs", "Ms", "Prof", "Sr", "Jr", "St", "Mt", "Gen", "Col", "Capt", "Lt", "Sgt", "Rev",
      "Fig", "Figs", "fig", "figs", "Eq", "eq", "No", "no", "Nos", "Vol", "vol", "pp", "p", "cf", "vs", "etc",
      "approx", "al", "Inc", "Ltd", "Co", "Corp", "Dept", "Univ", "Jan", "Feb", "Mar", "Apr", "Aug", "Sep",
      "Sept", "Oct", "Nov"};
  return std::find(kAbbreviations.begin(), kAbbreviations.end(), word) != kAbbreviations.end() || word == "Dec" ||
         word == "ca" || word == "Ref" || word == "Refs" || word == "Tab";
}

bool is_ascii_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_ascii_digit(char c) { return c >= '0' && c <= '9'; }

// '…!' he cried. / "Why?" she asked: a ! or ? that closes a quotation, then a
// lower-case word. ICU breaks after ! and ? whatever follows (only a period
// waits for the next word's case), but the lower-case word goes on the
// sentence, as an attribution does after “……！”他喊道。
bool attribution_after_exclamation(std::string_view text, std::size_t sentence_begin, std::size_t end, std::size_t at) {
  std::size_t mark = end;
  bool quoted = false;
  while (mark > sentence_begin) {
    if (text[mark - 1] == '"' || text[mark - 1] == '\'') {
      --mark, quoted = true;
    } else if (mark - sentence_begin >= 3 && text.substr(mark - 3, 3) == "\u2019") {
      mark -= 3, quoted = true;  // ’
    } else if (mark - sentence_begin >= 3 && text.substr(mark - 3, 3) == "\u201D") {
      mark -= 3, quoted = true;  // ”
    } else {
      break;
    }
  }
  if (!quoted || mark == sentence_begin || (text[mark - 1] != '!' && text[mark - 1] != '?')) return false;
  std::size_t next = at;
  while (next < text.size() && is_space_byte(text[next])) ++next;
  return next < text.size() && text[next] >= 'a' && text[next] <= 'z';
}

// True when a break ICU placed at `at` (start of the next sentence) follows a
// period that does not end a sentence: abbreviations, initials and dotted
// abbreviations (U.S., e.g.), or a numbered list marker at the paragraph start.
bool is_false_break(std::string_view text, std::size_t sentence_begin, std::size_t at) {
  std::size_t end = at;
  while (end > sentence_begin && is_space_byte(text[end - 1])) --end;
  if (attribution_after_exclamation(text, sentence_begin, end, at)) return true;
  // Closing quotes or brackets after the period mean the sentence did end.
  if (end == sentence_begin || text[end - 1] != '.') return false;
  if (end >= 3 && text.substr(end - 3, 3) == "...") return false;  // an ellipsis ends a sentence only before a capital; ICU decides
  std::size_t word_begin = end - 1;
  while (word_begin > sentence_begin && (is_ascii_alpha(text[word_begin - 1]) || text[word_begin - 1] == '.'))
    --word_begin;
  const std::string_view word = text.substr(word_begin, end - 1 - word_begin);
  // Numbered list marker: "1." or "12." alone at the start of the sentence.
  std::size_t digits_begin = end - 1;
  while (digits_begin > sentence_begin && is_ascii_digit(text[digits_begin - 1])) --digits_begin;
  if (digits_begin < end - 1 && digits_begin == sentence_begin && end - 1 - digits_begin <= 3) return true;
  if (word.empty()) return false;
  if (word_begin > sentence_begin && !is_space_byte(text[word_begin - 1]) && text[word_begin - 1] != '(' &&
      text[word_begin - 1] != '"')
    return false;
  if (word.find('.') != std::string_view::npos) {
    // "e.g", "i.e", "U.S": dotted abbreviation. Ends a sentence only before a capitalised word.
    std::size_t next = at;
    while (next < text.size() && is_space_byte(text[next])) ++next;
    const bool next_lower = next < text.size() && text[next] >= 'a' && text[next] <= 'z';
    return next_lower || word == "e.g" || word == "i.e";
  }
  if (word.size() == 1 && word[0] >= 'A' && word[0] <= 'Z') return true;  // an initial: "J. Smith"
  if (word == "al" || word == "etc") {
    // "et al." and "etc." end a sentence only before a capitalised word.
    std::size_t next = at;
    while (next < text.size() && is_space_byte(text[next])) ++next;
    return next < text.size() && !(text[next] >= 'A' && text[next] <= 'Z');
  }
  return is_abbreviation(word);
}

}  // namespace

namespace {

// The sentence spans inside text[span] (offsets into text), one paragraph, appended to out.
void append_chinese_sentences(std::string_view text, Span span, std::vector<Span>& out) {
  std::size_t begin = span.begin;
  std::size_t pos = span.begin;
  while (pos < span.end) {
    // Only a character that starts with one of these bytes can end a
    // sentence (! ? and the leads of 。！？；｡…): the others are passed over
    // 16 bytes at a time, undecoded (a lead byte always starts a character,
    // even in broken UTF-8, so the characters looked at are the same).
    pos = text::find_any_byte<'!', '?', 0xE2, 0xE3, 0xEF>(text, pos, span.end);
    if (pos >= span.end) break;
    const std::size_t here = pos;
    const char32_t cp = utf8::next(text, pos);
    bool ends = is_chinese_terminal(cp);
    if (cp == U'…') {
      // "……" (two ellipsis characters) ends a sentence; a single one does not.
      std::size_t after = pos;
      if (after < span.end && utf8::at(text, after) == U'…') {
        utf8::next(text, after);
        pos = after;
        ends = true;
      }
    }
    if (cp == '!' || cp == '?') {
      // ASCII marks end a sentence only between Chinese text, not inside Latin runs like "Yahoo!".
      std::size_t before = here;
      const char32_t previous = before > span.begin ? utf8::previous(text, before) : 0;
      ends = previous >= 0x2E80;
    }
    if (!ends) continue;
    // Further marks and closing quotes or brackets stay with the sentence.
    bool quote_closed = false;
    while (pos < span.end) {
      std::size_t after = pos;
      const char32_t next = utf8::next(text, after);
      if (is_closing(next) || is_chinese_terminal(next) || next == U'…') {
        pos = after;
        quote_closed = next == U'”' || next == U'」' || next == U'』';
      } else {
        break;
      }
    }
    if (quote_closed && attribution_follows(text, pos, span.end)) continue;
    push_trimmed(text, {begin, pos}, out);
    begin = pos;
  }
  push_trimmed(text, {begin, span.end}, out);
}

void append_english_sentences(std::string_view text, Span span, std::vector<Span>& out) {
  // ICU breaks a sentence only after a terminator (. ! ? and non-ASCII ones)
  // or a separator (line breaks are spaces here): ASCII text without . ! ?
  // is one sentence, found without ICU (most short messages of a catalog).
  // So is ASCII text whose only terminators end it ("File not found.",
  // "Continue? [y/N] ", "done.)\n"): marks, then closing quotes and brackets,
  // then spaces, where ICU's one break is the end of the text (rules SB9-SB11).
  const std::string_view content = text.substr(span.begin, span.size());
  std::size_t body = content.size();
  while (body > 0 && (content[body - 1] == ' ' || content[body - 1] == '\t' || content[body - 1] == '\n' ||
                      content[body - 1] == '\r'))
    --body;
  while (body > 0 && (content[body - 1] == '"' || content[body - 1] == '\'' || content[body - 1] == ')' ||
                      content[body - 1] == ']'))
    --body;
  while (body > 0 && (content[body - 1] == '.' || content[body - 1] == '!' || content[body - 1] == '?')) --body;
  if (std::none_of(content.begin(), content.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; }) &&
      std::none_of(content.begin(), content.begin() + static_cast<std::ptrdiff_t>(body),
                   [](char c) { return c == '.' || c == '!' || c == '?'; })) {
    push_trimmed(text, span, out);
    return;
  }
  UErrorCode status = U_ZERO_ERROR;
  // One iterator per thread: creating it loads ICU rules and is not cheap.
  thread_local std::unique_ptr<icu::BreakIterator> iterator(
      icu::BreakIterator::createSentenceInstance(icu::Locale::getUS(), status));
  if (!iterator || U_FAILURE(status)) {
    push_trimmed(text, span, out);
    return;
  }
  // Line breaks inside a paragraph are wrapping, but ICU always breaks at
  // them: give it a copy where they are spaces (same byte offsets).
  std::string flat(text.substr(span.begin, span.size()));
  std::replace_if(flat.begin(), flat.end(), [](char c) { return c == '\n' || c == '\r'; }, ' ');
  UText* utext = utext_openUTF8(nullptr, flat.data(), static_cast<int64_t>(flat.size()), &status);
  if (U_FAILURE(status)) {
    push_trimmed(text, span, out);
    return;
  }
  iterator->setText(utext, status);
  std::size_t begin = span.begin;
  for (int32_t boundary = iterator->next(); boundary != icu::BreakIterator::DONE; boundary = iterator->next()) {
    const std::size_t at = span.begin + static_cast<std::size_t>(boundary);
    if (at >= span.end) break;
    if (is_false_break(text, begin, at)) continue;
    push_trimmed(text, {begin, at}, out);
    begin = at;
  }
  push_trimmed(text, {begin, span.end}, out);
  utext_close(utext);
}

// The index of the first block of block b's paragraph, given that of block
// b - 1 (`before`). In plain text a paragraph ends at a blank line; the lines
// inside it (a heading, list items, short lines) are blocks of their own, but
// a sentence pair that crosses them is no paragraph jump for the aligner (a
// PDF line break often cuts a translated sentence).
std::size_t paragraph_start(const Document& doc, std::size_t b, std::size_t before) {
  return b > 0 && doc.blocks[b].continues_paragraph ? before : b;
}

}  // namespace

std::vector<Sentence> segment_document(const Document& doc, const SegmentOptions& options) {
  std::vector<Sentence> sentences;
  const std::string_view text = doc.text;
  // Sentences hold 32-bit offsets (see Sentence); no input file comes near.
  if (text.size() > UINT32_MAX) throw InputError(doc.path, "too large to align (4 GB or more of text)");
  if (options.segmented) {
    std::size_t block = 0;
    std::size_t paragraph = 0;  // of `block`
    for (std::size_t line = 0; line < doc.lines.line_count(); ++line) {
      const Span span = trim(text, doc.lines.line_span(line, text));
      if (span.empty()) continue;
      while (block + 1 < doc.blocks.size() && doc.blocks[block].span().end <= span.begin)
        ++block, paragraph = paragraph_start(doc, block, paragraph);
      sentences.push_back({span, static_cast<std::uint32_t>(paragraph)});
    }
    return sentences;
  }
  const bool chinese = doc.lang == Lang::zh;
  // Most blocks are a sentence or more.
  sentences.reserve(doc.blocks.size());
  std::vector<Span> spans;  // one block's sentences, the buffer reused
  std::size_t paragraph = 0;  // of block b
  for (std::size_t b = 0; b < doc.blocks.size(); ++b) {
    paragraph = paragraph_start(doc, b, paragraph);
    const Block& block = doc.blocks[b];
    // Code, page furniture and text kept as it is on purpose are not sentences to align.
    if (block.kind == BlockKind::code || block.kind == BlockKind::blank || block.kind == BlockKind::furniture ||
        block.kept != KeptKind::none)
      continue;
    const Span content = block.content().empty() ? block.span() : block.content();
    spans.clear();
    if (block.kind == BlockKind::heading) push_trimmed(text, content, spans);
    else if (chinese) append_chinese_sentences(text, content, spans);
    else append_english_sentences(text, content, spans);
    for (const Span& span : spans) sentences.push_back({span, static_cast<std::uint32_t>(paragraph)});
  }
  // The sentences live as long as the pair is checked: what doubling left unused is given back.
  give_back_slack(sentences);
  return sentences;
}

}  // namespace tc
