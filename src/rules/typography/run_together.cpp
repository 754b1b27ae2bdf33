#include "rules/typography/run_together.h"

#include <algorithm>
#include <array>

#include "core/utf8.h"
#include "rules/typography/text.h"
#include "rules/unit_pairs.h"

namespace tc {
namespace {

using namespace typography;

constexpr std::size_t kMinLength = 5;   // shorter tokens split into too many pairs of short words
constexpr std::size_t kMaxLength = 60;  // longer runs of letters are not words (and splitting them is quadratic)
constexpr std::size_t kMinPart = 4;        // a part of a two-word split, unless a function word ("in|ode")
constexpr std::size_t kMinThreePart = 4;   // a part of a three-word split
constexpr std::size_t kMinContentPart = 5;     // a content word of a two-word split ...
constexpr std::size_t kMinShortContentPart = 4;  // ... or this, in a token of kLongToken letters or more
constexpr std::size_t kLongToken = 11;
constexpr std::size_t kLongPartner = 7;  // a three-letter content word joins only a word this long
constexpr std::size_t kMinStemBeforeParticiple = 7;  // "illness|lasting", not "crowd|sourced"

enum class Shape { lowercase, capitalized, camel, other };

// "cellsto": lowercase; "Cellsto": capitalized; "toThere": lowercase (2+),
// then one capital, then lowercase (2+).
Shape shape_of(std::string_view token, std::size_t& camel_at) {
  std::size_t i = 0;
  while (i < token.size() && is_lower(token[i])) ++i;
  if (i == token.size()) return Shape::lowercase;
  if (i == 0 && is_upper(token[0])) {
    std::size_t rest = 1;
    while (rest < token.size() && is_lower(token[rest])) ++rest;
    return rest == token.size() ? Shape::capitalized : Shape::other;
  }
  if (i < 2 || !is_upper(token[i])) return Shape::other;
  camel_at = i++;
  while (i < token.size() && is_lower(token[i])) ++i;
  return i == token.size() && token.size() - camel_at >= 3 ? Shape::camel : Shape::other;
}

// The token starts a sentence: nothing but spaces since the start of the
// text or a line, or since a sentence-ending mark.
bool starts_sentence(std::string_view prose, std::size_t begin) {
  std::size_t pos = begin;
  while (pos > 0 && is_blank(prose[pos - 1])) --pos;
  if (pos == 0 || prose[pos - 1] == '\n' || prose[pos - 1] == '\r') return true;
  return pos < begin && (prose[pos - 1] == '.' || prose[pos - 1] == '!' || prose[pos - 1] == '?');
}

// Bytes around a letter run that mean it is part of something else: an
// identifier, a number, a file name, a contraction or a non-English word.
bool glued_to_other_text(std::string_view prose, std::size_t begin, std::size_t end) {
  auto bad_neighbour = [](char c) {
    return is_digit(c) || c == '_' || c == '@' || c == '/' || c == '\\' || c == '\'' || c == '#' || c == '&' || c == '-' ||
           c == kMaskByte;
  };
  if (begin > 0 && bad_neighbour(prose[begin - 1])) return true;
  if (end < prose.size() && bad_neighbour(prose[end])) return true;
  if (letter_before(prose, begin) || letter_at(prose, end)) return true;
  // A dot joined to a letter on either side: file name, domain or "increases.can" (missing-space's case).
  if (begin > 1 && prose[begin - 1] == '.' && is_alnum(prose[begin - 2])) return true;
  if (end + 1 < prose.size() && prose[end] == '.' && is_alnum(prose[end + 1])) return true;
  // ’ (U+2019) right before or after: a contraction or possessive.
  if (end + 2 < prose.size() && prose.compare(end, 3, "\xE2\x80\x99") == 0) return true;
  if (begin >= 3 && prose.compare(begin - 3, 3, "\xE2\x80\x99") == 0) return true;
  return false;
}

// Prefixes that form real words with any word after them ("interspecies",
// "polyprotein", "nanoparticles"): a split after one of them is not a lost space.
bool is_prefix(std::string_view part) {
  static constexpr std::array<std::string_view, 58> kPrefixes{
      "anti", "auto", "bio", "co", "counter", "cyber", "de", "dis", "eco", "electro", "endo", "epi", "exo", "extra",
      "fibro", "geo", "hetero", "homo", "hyper", "hypo", "immuno", "infra", "inter", "intra", "kilo", "macro", "mega",
      "meta", "micro", "milli", "mini", "mis", "mono", "multi", "myo", "nano", "neo", "neuro", "non", "over", "para",
      "poly", "post", "pre", "pro", "pseudo", "re", "semi", "sub", "super", "tele", "trans", "tri", "ultra", "un",
      "under", "up", "out"};
  static constexpr std::array<std::string_view, 6> kGreekLetters{"alpha", "beta", "gamma", "delta", "omega", "kappa"};
  return std::find(kPrefixes.begin(), kPrefixes.end(), part) != kPrefixes.end() ||
         std::find(kGreekLetters.begin(), kGreekLetters.end(), part) != kGreekLetters.end();
}

// Suffixes that are words too and form words with any stem before them
// ("epidemiologic|ally", "clock|wise", "friend|ship"): a split before one of
// them is a derived word Hunspell lacks, not a lost space.
bool is_suffix_word(std::string_view part) {
  static constexpr std::array<std::string_view, 11> kSuffixes{"ally", "less", "like", "wise", "ship", "hood",
                                                              "ward", "wards", "fold", "proof", "wide"};
  return std::find(kSuffixes.begin(), kSuffixes.end(), part) != kSuffixes.end();
}

// British spellings Hunspell's en_US list lacks ("labour", "metres",
// "programme", "organisation"): the token is a word when its American form is.
bool american_form_known(std::string_view token, WordOracle& words) {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 14> kRewrites{{
      {"wards", "ward"},
      {"our", "or"}, {"isation", "ization"}, {"ise", "ize"}, {"ising", "izing"}, {"yse", "yze"}, {"tre", "ter"},
      {"lled", "led"}, {"lling", "ling"}, {"ller", "ler"}, {"mme", "m"}, {"ence", "ense"}, {"gement", "gment"},
      {"ae", "e"}}};
  for (const auto& [british, american] : kRewrites) {
    for (std::size_t at = token.find(british); at != std::string_view::npos; at = token.find(british, at + 1)) {
      std::string candidate(token);
      candidate.replace(at, british.size(), american);
      if (words.known(candidate)) return true;
    }
  }
  return false;
}

// Words that behave like function words when a space is lost: determiners,
// quantifiers and auxiliaries ("for one", "another dose", "did not").
bool is_function_like(std::string_view part) {
  static constexpr std::array<std::string_view, 23> kWords{"one",  "two",  "all",  "any",     "each",  "some",  "both",
                                                           "few",  "many", "much", "such",    "only",  "also",  "very",
                                                           "most", "own",  "another", "other", "every", "do", "did",
                                                           "does", "until"};
  return is_function_word(part) || std::find(kWords.begin(), kWords.end(), part) != kWords.end();
}

// Whether a split into these parts is a lost space rather than a compound or derived word.
bool plausible_split(std::string_view split) {
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  while (start <= split.size()) {
    std::size_t space = split.find(' ', start);
    if (space == std::string_view::npos) space = split.size();
    parts.push_back(split.substr(start, space - start));
    start = space + 1;
  }
  // A prefix joins the word after it ("under|go"), not a function word ("under|the").
  if (is_prefix(parts.front()) && !(parts.size() == 2 && is_function_word(parts.back()))) return false;
  if (is_suffix_word(parts.back())) return false;
  for (std::string_view part : parts)
    if (is_function_like(part)) return true;
  // Two content words: only long ones (closed compounds such as "lockdown" and
  // "facemask" join short words), and not a short noun + participle ("crowdsourced").
  const std::size_t letters = split.size() - (parts.size() - 1);
  const std::size_t shortest = letters >= kLongToken ? kMinShortContentPart : kMinContentPart;
  // A three-letter word beside a long one ("flu vaccine", "age seventeen").
  const bool short_beside_long = parts.size() == 2 && std::min(parts[0].size(), parts[1].size()) == 3 &&
                                 std::max(parts[0].size(), parts[1].size()) >= kLongPartner;
  for (std::string_view part : parts)
    if (part.size() < shortest && !short_beside_long) return false;
  const std::string_view last = parts.back();
  return (!last.ends_with("ing") && !last.ends_with("ed")) || parts.front().size() >= kMinStemBeforeParticiple;
}

// The splits of token into two known words (each of at least kMinPart letters,
// or a function word such as "to"), or failing that into three known words of
// at least kMinThreePart letters, that pass plausible_split.
std::vector<std::string> plausible_splits(std::string_view token, WordOracle& words, bool short_words_allowed) {
  std::vector<std::string> splits;
  auto usable = [&](std::string_view part) {
    return part.size() >= kMinPart ? words.known(part) : part.size() >= 2 && is_function_word(part);
  };
  // A function-like word next to a function word ("for one", "did not");
  // "std|in", "add|on" are not splits. Failing any such split, a known
  // three-letter word next to a function-like one of three letters or more
  // ("many flu"; not "std|in", "add|on", "in|ode") and
  // a function-like word next to any word ("any vaccine", "adults do"), which
  // would otherwise compete with "to the" in "tothe" (tot|he).
  auto usable_beside = [&](std::string_view part, std::string_view other, bool short_words) {
    return usable(part) || (is_function_word(other) && is_function_like(part)) ||
           (short_words && part.size() == 3 && other.size() >= 3 && is_function_like(other) && words.known(part)) ||
           (short_words && part.size() == 3 && other.size() >= kLongPartner && usable(other) && words.known(part)) ||
           (short_words && is_function_like(part) && usable(other));
  };
  auto keep = [&](std::string split) {
    if (plausible_split(split)) splits.push_back(std::move(split));
  };
  for (const bool short_words : {false, short_words_allowed}) {
    for (std::size_t i = 2; i + 2 <= token.size(); ++i) {
      const std::string_view left = token.substr(0, i), right = token.substr(i);
      if (usable_beside(left, right, short_words) && usable_beside(right, left, short_words))
        keep(std::string(left) + ' ' + std::string(right));
    }
    if (!splits.empty()) return splits;
  }
  if (token.size() < 3 * kMinThreePart + 2) return splits;
  // Three words ("allowimmunecells"): only long parts, where chance splits are rare.
  for (std::size_t i = kMinThreePart; i + 2 * kMinThreePart <= token.size(); ++i) {
    if (!words.known(token.substr(0, i))) continue;
    for (std::size_t j = i + kMinThreePart; j + kMinThreePart <= token.size(); ++j)
      if (words.known(token.substr(i, j - i)) && words.known(token.substr(j)))
        keep(std::string(token.substr(0, i)) + ' ' + std::string(token.substr(i, j - i)) + ' ' +
             std::string(token.substr(j)));
  }
  return splits;
}

// The one split to offer: the only plausible one, or Hunspell's first
// suggestion when it is one of several (suggest() is slow, so it is asked
// only then).
// The split to offer; certain when it is the only plausible one (a safe fix),
// not when Hunspell's suggestion chose among several (an unsafe one).
struct Split {
  std::string text;
  bool certain = false;
};

Split best_split(std::string_view token, WordOracle& words, bool short_words_allowed) {
  const std::vector<std::string> splits = plausible_splits(token, words, short_words_allowed);
  if (splits.size() == 1) return {splits.front(), true};
  if (splits.empty()) return {};
  // Function words only ("they are" rather than "the yare"), when just one split is so made.
  auto function_words_only = [](const std::string& split) {
    std::size_t start = 0;
    for (std::size_t space = split.find(' '); ; space = split.find(' ', start)) {
      const std::string_view part = std::string_view(split).substr(start, space == std::string::npos ? std::string::npos : space - start);
      if (!is_function_like(part)) return false;
      if (space == std::string::npos) return true;
      start = space + 1;
    }
  };
  if (std::count_if(splits.begin(), splits.end(), function_words_only) == 1)
    return {*std::find_if(splits.begin(), splits.end(), function_words_only), false};
  const std::string& suggestion = words.first_suggestion(token);
  return std::find(splits.begin(), splits.end(), suggestion) != splits.end() ? Split{suggestion, false} : Split{};
}

// True when text holds word as a word of its own (no ASCII letter either side).
bool holds_word(std::string_view text, std::string_view word) {
  for (std::size_t at = text.find(word); at != std::string_view::npos; at = text.find(word, at + 1)) {
    const std::size_t end = at + word.size();
    const auto letter = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
    if ((at == 0 || !letter(text[at - 1])) && (end == text.size() || !letter(text[end]))) return true;
  }
  return false;
}

// "an" comes before a vowel sound: a split that puts it before a consonant
// ("xanth an" in "xanthan gum", "an vaccine") is no lost space. next: the
// first letter after the token (0 if none), for a split that ends in "an".
// Only a lower-case consonant counts: a capital may start an acronym read
// with a vowel sound ("an MRI", "an NSAID").
bool article_fits(std::string_view split, char next) {
  auto consonant = [](char c) {
    return c >= 'a' && c <= 'z' && c != 'a' && c != 'e' && c != 'i' && c != 'o' && c != 'u' && c != 'h';
  };
  std::size_t start = 0;
  for (std::size_t space = split.find(' '); ; space = split.find(' ', start)) {
    const std::string_view part = split.substr(start, space == std::string_view::npos ? std::string_view::npos : space - start);
    const bool an = part == "an" || part == "An";
    if (space == std::string_view::npos) return !(an && consonant(next));
    if (an && consonant(split[space + 1])) return false;
    start = space + 1;
  }
}

}  // namespace

const RuleInfo& RunTogetherWords::info() const {
  static const RuleInfo kInfo{
      "typography/run-together", Severity::warning, RuleScope::document, RuleLanguage::en, true,
      "Two or three English words written without a space",
      R"doc(## What it does
Flags a token that is not an English word but splits into two or three known
words ("commonmyelosuppression", "cellsto", "survivedevelop"), and a token
that switches from lowercase to a capital mid-word when both halves are words
and one of them is a function word ("toThere"; identifiers such as
"newNormal" are left alone). The word list is Hunspell's en_US dictionary
plus the medical list en_med_glut (about 90,000 medical words) and every
English term of the loaded glossary. The fix is the split form when there is exactly one (a safe
fix), or when Hunspell's own first suggestion is one of several (an unsafe fix: `fix --unsafe`).

In a translation file (PO, XLIFF, TMX), a token that the other side of its
unit keeps as it is ("readonly", "sizeof" left in the Chinese message) is a
name, not words run together.

A split must look like a lost space, not like a word Hunspell lacks: a split
after a prefix (inter|species, nano|particles, re|purposing) is ignored, and
so are British spellings whose American form is known (labour, metres,
programme, onwards). Unless one part is a function word ("cells to", "of
the", "for one", "another dose", "did not", "adults do", "wait until":
"one", "two", "all", "any", "each", "some", "both", "few", "many", "much",
"such", "only", "also", "very", "most", "own", "another", "other", "every",
"do", "did", "does" and "until" count as function words here), both
parts must have five or more letters ("cancer cells", "chemo drugs"; four
in a token of eleven or more: "care provider") and the last must not end in
-ing or -ed unless the first has seven or more letters ("illness lasting"),
since two short content words are often a closed compound (lockdown,
facemask, crowdsourced). A split after "under" and the like is kept before a
function word ("under the"), and a split before a suffix that is a word too
(epidemiologic|ally, clock|wise, friend|ship) is ignored. Failing any other
split, a known three-letter word next to a function-like word of three
letters or more ("many flu") or next to a word of seven or more ("flu
vaccine") is one; "std|in" and "add|on" are not. Of several
splits, the only one made of function words wins ("they are", not "the
yare"). There is no cap on the length of the whole token below 60 letters.
Three-word splits need parts of four or more letters. A split that puts "an"
before a lower-case consonant ("xanth an" in "xanthan gum") is none ("foran
MRI" still is).

Only all-lowercase tokens, lowercase-then-Capitalized tokens and, at the start
of a sentence, Capitalized tokens of five or more letters are examined:
capitalized words elsewhere are usually names, and all-capital or mixed forms
are usually acronyms and identifiers (iPhone, mRNA, McDonald).
Tokens touching digits, `_`, `/`, `@`, hyphens, apostrophes or a dot-joined
word (CD8, p53, H2O, COVID-19, co-ordinated, report.pdf) are skipped; glued
numbers and dots are typography/missing-space's job. A line in a third
language ("Hojas de información … en muchos otros idiomas") is not read.

The dictionaries are read from `$TRANSCHECK_HUNSPELL_DIR` or
/usr/share/hunspell (en_US.aff, en_US.dic, en_med_glut.dic) the first time
the rule runs. When they are missing the rule reports nothing and says so
once on stderr.

## Why it matters
Text pasted from web pages and PDF extraction loses spaces at line and tag
boundaries. Spell checkers that stop at the first unknown word do not say
where the space belongs.

## Example
`such as the commonmyelosuppression` is flagged, fix `common myelosuppression`;
`allow immune cells toThere is` is flagged, fix `to There`.

## Options
None. Add domain words through a glossary (`--glossary`): its English terms count as words.)doc"};
  return kInfo;
}

void RunTogetherWords::check(const CheckContext& context, FindingSink& out) const {
  WordOracle words(*lexicon_, context.glossary);
  if (!words.available()) return;
  const std::string_view prose = context.doc.prose();
  const std::vector<Span> foreign = third_language_spans(context.doc);
  for_each_letter_run(prose, [&](std::size_t begin, std::size_t end) {
    if (inside_any(foreign, begin)) return;  // "idiomas" is Spanish, not "idiom as"
    if (end - begin < kMinLength || end - begin > kMaxLength || glued_to_other_text(prose, begin, end)) return;
    const std::string_view token = prose.substr(begin, end - begin);
    std::size_t camel_at = 0;
    const Shape shape = shape_of(token, camel_at);
    if (shape == Shape::other || words.known(token)) return;
    // A token the other side of a translation file's unit keeps as it is
    // ("readonly", "sizeof", "itstool" in the Chinese message) is a name.
    if (holds_word(unit_counterpart_text(context, {begin, end}), token)) return;
    // A capitalized token is checked only at the start of a sentence, where
    // "Cellsto" is a lowercase word; elsewhere it is usually a name.
    if (shape == Shape::capitalized && !starts_sentence(prose, begin)) return;
    Split split;
    if (shape == Shape::camel) {
      const std::string_view left = token.substr(0, camel_at);
      const std::string_view right = token.substr(camel_at);
      // Only with a function word on one side: "toThere", not identifiers such as "newNormal".
      const bool function_side = is_function_word(left) || is_function_word(to_lower_ascii(right));
      if (function_side && words.known(left) && words.known(right)) split = {std::string(left) + ' ' + std::string(right), true};
    } else if (shape == Shape::capitalized) {
      const std::string lower = to_lower_ascii(token);
      // A capitalized word is often a name: "Agathe" is not "Aga the".
      split = best_split(lower, words, false);
      if (!split.text.empty() && american_form_known(lower, words)) split = {};
      if (!split.text.empty()) split.text[0] = token[0];
    } else {
      split = best_split(token, words, true);
      if (!split.text.empty() && american_form_known(token, words)) split = {};
    }
    if (split.text.empty()) return;
    std::size_t after = end;
    while (after < prose.size() && is_blank(prose[after])) ++after;
    if (!article_fits(split.text, after < prose.size() ? prose[after] : '\0')) return;
    Finding finding = make_finding(context.doc, {begin, end},
                                   "words run together: \"" + std::string(token) + "\" (\"" + split.text + "\")");
    finding.fix = split.certain ? Fix(split.text) : unsafe_fix(split.text);
    out.push_back(std::move(finding));
  });
}

}  // namespace tc
