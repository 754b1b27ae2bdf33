#include "rules/typography/space_in_chinese_word.h"

#include <array>
#include <string>
#include <vector>

#include "align/lexicon.h"
#include "core/utf8.h"
#include "rules/typography/text.h"

namespace tc {
namespace {

using namespace typography;

constexpr std::size_t kReach = 3;  // Han characters looked at on each side of the space

// Byte offsets of up to kReach Han characters on one side of a gap: the
// starts of the characters before `pos` (nearest last), or the ends of the
// characters from `pos` on (nearest first).
// At most kReach offsets, in place (this runs at every space of the text).
class Offsets {
 public:
  std::size_t size() const { return count_; }
  bool empty() const { return count_ == 0; }
  std::size_t operator[](std::size_t i) const { return at_[i]; }
  void push_back(std::size_t offset) { at_[count_++] = offset; }
  void push_front(std::size_t offset) {
    for (std::size_t i = count_; i > 0; --i) at_[i] = at_[i - 1];
    at_[0] = offset;
    ++count_;
  }

 private:
  std::array<std::size_t, kReach> at_{};
  std::size_t count_ = 0;
};

Offsets han_starts_before(std::string_view prose, std::size_t pos) {
  Offsets starts;
  while (starts.size() < kReach && pos > 0 && is_non_ascii(prose[pos - 1])) {
    std::size_t start = pos;
    if (!is_han(utf8::previous(prose, start))) break;
    starts.push_front(start);
    pos = start;
  }
  return starts;
}

Offsets han_ends_from(std::string_view prose, std::size_t pos) {
  Offsets ends;
  while (ends.size() < kReach && pos < prose.size() && is_non_ascii(prose[pos])) {
    std::size_t end = pos;
    if (!is_han(utf8::next(prose, end))) break;
    ends.push_back(end);
    pos = end;
  }
  return ends;
}

}  // namespace

const RuleInfo& SpaceInChineseWord::info() const {
  static const RuleInfo kInfo{
      "typography/space-in-chinese-word", Severity::warning, RuleScope::document, RuleLanguage::zh, true,
      "A space splits a Chinese word",
      R"doc(## What it does
Flags spaces between two Chinese characters when joining them makes a word
and the space does not fall between two words: `腹 泻` (腹泻, diarrhoea),
`提 交时限` (提交), `麻 疹`, `免疫 力`. Up to three characters on each side of
the space are tried; the longest word across the space is the fix, with the
space removed. The words are the headwords of CC-CEDICT (the lexicon the
aligner uses, `cedict/cedict.tsv` in the data directory).

Not flagged: a space between two words (`中国 人民`, although 国人 is a word
too, because 中国 ends right before the space and 人民 starts right after
it), a space with nothing to join (`流鼻涕 和眼睛`), a space between Chinese
and Latin letters or digits (that is `typography/cjk-spacing`), and line
breaks. Without the lexicon the rule reports nothing.

## Why it matters
Text extracted from PDF files keeps the spaces where a line or a text box
was broken. Inside a word they read as a typo, break search and term
matching (the glossary cannot find `腹 泻`), and often survive into
published text because they are hard to see.

## Example
`它可导致耳部感染、腹 泻和肺炎。` is flagged at `腹 泻`, fix `腹泻`.

## Options
None.)doc"};
  return kInfo;
}

void SpaceInChineseWord::check(const CheckContext& context, FindingSink& out) const {
  const std::string_view prose = context.doc.prose();
  const Lexicon* lexicon = nullptr;
  auto known = [&](std::string_view word) { return static_cast<bool>(lexicon->find(word)); };
  for (std::size_t i = 0; i < prose.size(); ++i) {
    if (prose[i] != ' ' || (i > 0 && prose[i - 1] == ' ')) continue;
    std::size_t gap_end = i;
    while (gap_end < prose.size() && prose[gap_end] == ' ') ++gap_end;
    const Offsets left = han_starts_before(prose, i);
    if (left.empty()) continue;
    const Offsets right = han_ends_from(prose, gap_end);
    if (right.empty()) continue;
    if (!lexicon) {
      lexicon = &words_();
      if (lexicon->empty()) return;
    }
    auto left_text = [&](std::size_t k) { return prose.substr(left[left.size() - k], i - left[left.size() - k]); };
    auto right_text = [&](std::size_t k) { return prose.substr(gap_end, right[k - 1] - gap_end); };
    // A word ends right before the space and another starts right after it: two words.
    bool word_ends = false, word_starts = false;
    for (std::size_t k = 2; k <= left.size(); ++k) word_ends = word_ends || known(left_text(k));
    for (std::size_t k = 2; k <= right.size(); ++k) word_starts = word_starts || known(right_text(k));
    if (word_ends && word_starts) continue;
    // The longest word across the space.
    std::string best;
    std::size_t best_left = 0, best_right = 0;
    for (std::size_t a = 1; a <= left.size(); ++a)
      for (std::size_t b = 1; b <= right.size(); ++b) {
        std::string joined(left_text(a));
        joined += right_text(b);
        if (joined.size() > best.size() && known(joined)) best = std::move(joined), best_left = a, best_right = b;
      }
    if (best.empty()) continue;
    const Span span{left[left.size() - best_left], right[best_right - 1]};
    Finding finding = make_finding(context.doc, span,
                                   "space inside the word \"" + best + "\": \"" +
                                       std::string(prose.substr(span.begin, span.size())) + "\"");
    finding.fix = best;
    out.push_back(std::move(finding));
    i = gap_end - 1;
  }
}

}  // namespace tc
