#include "rules/typography/repeated_word.h"

#include <algorithm>
#include <array>

#include "rules/typography/english_words.h"
#include "rules/typography/text.h"

namespace tc {
namespace {

using namespace typography;

// Words that English repeats on purpose: grammar ("had had", "that that",
// "her her"), emphasis ("very very", "far far away") and interjections.
// "is is" only after "it" or "what": "what it is is unclear", "all it is is".
bool repeats_on_purpose(std::string_view lower, std::string_view word_before, std::string_view word_after) {
  static constexpr std::array<std::string_view, 52> kWords{
      "her",  "that", "do",    "bye",  "no",    "so",    "ha",   "well", "now",
      "there", "knock", "chop", "tut",  "yes",  "blah",  "night", "go",   "very", "far",
      "many", "long", "more",  "dum",   "tsk",  "boo",   "ho",    "hee",  "la",   "oh",
      "ah",   "come", "please", "never", "hush", "really", "yeah", "little", "right", "had",
      // adjectives of degree doubled in speech: "some heavy heavy weight"
      "big",  "small", "tiny", "heavy", "hot", "cold", "deep", "old", "bad", "fast", "slow", "high", "low"};
  if (lower == "is") return word_before == "it" || word_before == "what";
  // "There, there" consoles; "there there are" lost a word.
  if (lower == "there") {
    static constexpr std::array<std::string_view, 11> kVerbs{"is", "are", "was", "were", "will", "may", "might",
                                                            "can", "could", "has", "have"};
    if (std::find(kVerbs.begin(), kVerbs.end(), word_after) != kVerbs.end()) return false;
  }
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
spaces or one line break between them: "the the", "of of", "help help",
"tests tests". The fix keeps one. A capitalized pair ("Are Are" at the start
of a sentence) is flagged when the word is an English word in lower case
(Hunspell en_US and the glossary's English terms) or an abbreviation in
capitals ("MMR MMR", "VAERS VAERS"), so names ("Zhen Zhen", "Yao Yao") and
initials ("A A") are not.

Repetitions English makes on purpose are not flagged, nor runs of three or
more ("no no no", "tock tock tock"). The list is small: grammar ("had had",
"that that", "do do", "her her" as in "asked her her name", and "is is"
after "it" or "what": "what it is is unclear"), emphasis ("very
very", "really really", "far far away", "many many", "long long", "little
little", "more more", "never never", "right right") and interjections and
sounds ("bye bye", "no no", "yes yes", "ha ha", "oh oh", "well well", "now
now", "there there" (but not before a verb: "there there are"), "go go", "come come", "please please", "hush hush",
"knock knock", "night night", "blah blah" and the like), and a few
adjectives of degree doubled in speech ("big big", "tiny tiny", "heavy heavy",
"hot hot", "cold cold", "deep deep", "old old", "bad bad", "fast fast",
"slow slow", "high high", "low low", "small small"). Other doubled content
words ("help help", "tests tests", "patients patients") are slips.

## Why it matters
Doubled words are among the most common slips that survive editing, because
the eye skips the second one.

## Example
`the the immune system` is flagged, fix `the`.

## Options
None.)doc"};
  return kInfo;
}

void RepeatedWord::check(const CheckContext& context, FindingSink& out) const {
  const std::string_view prose = context.doc.prose();
  WordOracle words(*lexicon_, context.glossary);
  // A pair is judged by the word before it and the one after it: the last
  // four words are kept, not every word of the text (16 bytes a word, a
  // third of an English text's size, more while the list doubled).
  std::array<Word, 4> recent{};
  std::size_t seen = 0;  // words so far; word k is recent[k % 4]
  auto word = [&](std::size_t k) { return recent[k % recent.size()]; };
  auto same = [&](Word a, Word b) {
    if (a.end - a.begin != b.end - b.begin) return false;
    // Equal in lower case, byte by byte (no lowered copies: most pairs of
    // words of one length differ in their first byte or two).
    for (std::size_t k = 0; k < a.end - a.begin; ++k)
      if (to_lower_ascii(prose[a.begin + k]) != to_lower_ascii(prose[b.begin + k])) return false;
    std::size_t newlines = 0;
    for (std::size_t i = a.end; i < b.begin; ++i) {
      if (prose[i] == '\n') ++newlines;
      else if (!is_space(prose[i])) return false;
    }
    return newlines <= 1;
  };
  // Words i - 1 and i; has_next: word i + 1 has been seen.
  auto judge = [&](std::size_t i, bool has_next) {
    const Word first = word(i - 1);
    const Word second = word(i);
    if (!same(first, second)) return;
    if ((i >= 2 && same(word(i - 2), first)) || (has_next && same(second, word(i + 1)))) return;
    if (!standalone(prose, first) || !standalone(prose, second)) return;
    const std::string lower = to_lower_ascii(prose.substr(first.begin, first.end - first.begin));
    // A capitalized pair is a slip only when the word is an English word in
    // lower case ("Are Are" at a sentence start, "Vaccine Vaccine"), not a
    // name (Zhen Zhen, Yao Yao) or initials (A A).
    const std::string_view first_text = prose.substr(first.begin, first.end - first.begin);
    // An abbreviation in capitals (MMR, VAERS) is not a name that doubles (Zhen Zhen).
    const bool acronym = first_text.size() >= 2 && std::all_of(first_text.begin(), first_text.end(), is_upper);
    if (!is_lower(prose[second.begin]) &&
        (lower.size() < 2 || first_text != prose.substr(second.begin, second.end - second.begin) ||
         !(acronym || is_function_word(lower) || (words.available() && words.known(lower)))))
      return;
    const std::string before = i >= 2 ? to_lower_ascii(prose.substr(word(i - 2).begin, word(i - 2).end - word(i - 2).begin)) : "";
    const std::string after = has_next ? to_lower_ascii(prose.substr(word(i + 1).begin, word(i + 1).end - word(i + 1).begin)) : "";
    if (repeats_on_purpose(lower, before, after)) return;
    const std::string text(prose.substr(first.begin, first.end - first.begin));
    Finding finding = make_finding(context.doc, {first.begin, second.end}, "repeated word \"" + text + "\"");
    finding.fix = text;
    out.push_back(std::move(finding));
  };
  for_each_letter_run(prose, [&](std::size_t begin, std::size_t end) {
    recent[seen % recent.size()] = {begin, end};
    ++seen;
    if (seen >= 3) judge(seen - 2, true);
  });
  if (seen >= 2) judge(seen - 1, false);
}

}  // namespace tc
