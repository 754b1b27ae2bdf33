#include "rules/typography/repeated_word.h"

#include <algorithm>
#include <array>

#include "rules/typography/text.h"

namespace tc {
namespace {

using namespace typography;

// Words that English repeats on purpose: grammar ("had had", "that that",
// "is is"), emphasis ("very very", "far far away") and interjections.
bool repeats_on_purpose(std::string_view lower) {
  static constexpr std::array<std::string_view, 40> kWords{
      "her",  "that", "is",    "do",    "bye",  "no",    "so",    "ha",   "well", "now",
      "there", "knock", "chop", "tut",  "yes",  "blah",  "night", "go",   "very", "far",
      "many", "long", "more",  "dum",   "tsk",  "boo",   "ho",    "hee",  "la",   "oh",
      "ah",   "come", "please", "never", "hush", "really", "yeah", "little", "right", "had"};
  return std::find(kWords.begin(), kWords.end(), lower) != kWords.end();
}

struct Word {
  std::size_t begin = 0;
  std::size_t end = 0;
};

// The word ends are clean: no apostrophe, hyphen or other script glued on.
bool standalone(std::string_view prose, Word w) {
  auto glue = [](char c) { return c == '\'' || c == '-' || c == '_' || is_digit(c) || c == '/' || c == kMaskByte; };
  if (w.begin > 0 && glue(prose[w.begin - 1])) return false;
  if (w.end < prose.size() && glue(prose[w.end])) return false;
  return !letter_before(prose, w.begin) && !letter_at(prose, w.end) && prose.compare(w.end, 3, "\xE2\x80\x99") != 0;
}

}  // namespace

const RuleInfo& RepeatedWord::info() const {
  static const RuleInfo kInfo{
      "typography/repeated-word", Severity::warning, RuleScope::document, RuleLanguage::en, true,
      "The same word twice in a row",
      R"doc(## What it does
Flags an English word followed by the same word (ignoring case) with only
spaces or one line break between them: "the the", "of of". The fix keeps one.
Repetitions English makes on purpose are not flagged: "had had", "that that",
"her her" ("asked her her name"),
"is is", "very very", "far far away", "bye bye", "no no", "ha ha" and similar,
nor runs of three or more ("no no no"), nor a capitalized second word (names
such as "Zhen Zhen", initials such as "A A"). Content words shorter than six
letters are doubled for emphasis in speech and fiction ("heavy heavy", "big
big"), so they are not flagged; function words ("the the", "of of", "is is"
aside) always are, and longer words ("patients patients") too.

## Why it matters
Doubled words are among the most common slips that survive editing, because
the eye skips the second one.

## Example
`the the immune system` is flagged, fix `the`.

## Options
None.)doc"};
  return kInfo;
}

void RepeatedWord::check(const CheckContext& context, std::vector<Finding>& out) const {
  const std::string_view prose = context.doc.prose();
  std::vector<Word> words;
  for_each_letter_run(prose, [&](std::size_t begin, std::size_t end) { words.push_back({begin, end}); });
  auto same = [&](Word a, Word b) {
    if (a.end - a.begin != b.end - b.begin) return false;
    if (to_lower_ascii(prose.substr(a.begin, a.end - a.begin)) != to_lower_ascii(prose.substr(b.begin, b.end - b.begin)))
      return false;
    std::size_t newlines = 0;
    for (std::size_t i = a.end; i < b.begin; ++i) {
      if (prose[i] == '\n') ++newlines;
      else if (!is_space(prose[i])) return false;
    }
    return newlines <= 1;
  };
  for (std::size_t i = 1; i < words.size(); ++i) {
    const Word first = words[i - 1];
    const Word second = words[i];
    if (!same(first, second)) continue;
    if ((i >= 2 && same(words[i - 2], first)) || (i + 1 < words.size() && same(second, words[i + 1]))) continue;
    if (!standalone(prose, first) || !standalone(prose, second)) continue;
    if (!is_lower(prose[second.begin])) continue;  // names (Zhen Zhen, Yao Yao) and initials (A A)
    const std::string lower = to_lower_ascii(prose.substr(first.begin, first.end - first.begin));
    if (repeats_on_purpose(lower)) continue;
    // Short content words are doubled for emphasis in speech and fiction
    // ("heavy heavy", "big big"); doubled function words are slips.
    if (lower.size() < 6 && !is_function_word(lower)) continue;
    const std::string word(prose.substr(first.begin, first.end - first.begin));
    Finding finding = make_finding(context.doc, {first.begin, second.end}, "repeated word \"" + word + "\"");
    finding.fix = word;
    out.push_back(std::move(finding));
  }
}

}  // namespace tc
