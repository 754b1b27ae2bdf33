#include "rules/script/confusable.h"

#include <unicode/uchar.h>
#include <unicode/uspoof.h>

#include <memory>

#include "core/utf8.h"
#include "rules/code_point_events.h"
#include "rules/script/script_chars.h"

namespace tc {
namespace {

using script::is_latin_letter;

constexpr bool is_greek_letter(char32_t cp) {
  return (cp >= 0x370 && cp <= 0x3FF) || (cp >= 0x1F00 && cp <= 0x1FFF);
}
constexpr bool is_cyrillic_letter(char32_t cp) { return cp >= 0x400 && cp <= 0x52F; }
constexpr bool is_combining_mark(char32_t cp) { return cp >= 0x300 && cp <= 0x36F; }

bool is_word_letter(char32_t cp) {
  if (is_latin_letter(cp) || is_combining_mark(cp)) return true;
  return (is_greek_letter(cp) || is_cyrillic_letter(cp)) && u_isalpha(static_cast<UChar32>(cp));
}

// Lowercase Greek letters that science attaches to Latin names: TNFα,
// γδT, μg, IFNγ. At the edge of a word they are not look-alikes.
bool is_scientific_greek(char32_t cp) {
  switch (cp) {
    case U'α': case U'β': case U'γ': case U'δ': case U'ε': case U'ζ': case U'η': case U'θ': case U'κ':
    case U'λ': case U'μ': case U'ξ': case U'π': case U'σ': case U'τ': case U'φ': case U'χ': case U'ψ':
    case U'ω':
      return true;
    default:
      return false;
  }
}

struct SpoofCheckerCloser {
  void operator()(USpoofChecker* checker) const { uspoof_close(checker); }
};
using SpoofChecker = std::unique_ptr<USpoofChecker, SpoofCheckerCloser>;

SpoofChecker open_checker() {
  UErrorCode status = U_ZERO_ERROR;
  SpoofChecker checker(uspoof_open(&status));
  if (U_FAILURE(status)) return nullptr;
  uspoof_setChecks(checker.get(), USPOOF_RESTRICTION_LEVEL, &status);
  uspoof_setRestrictionLevel(checker.get(), USPOOF_HIGHLY_RESTRICTIVE);
  return U_FAILURE(status) ? nullptr : std::move(checker);
}

// True when ICU finds the word mixes scripts that a single word should not mix.
bool mixes_scripts(USpoofChecker* checker, std::string_view word) {
  UErrorCode status = U_ZERO_ERROR;
  const int32_t result =
      uspoof_check2UTF8(checker, word.data(), static_cast<int32_t>(word.size()), nullptr, &status);
  return U_SUCCESS(status) && (result & USPOOF_RESTRICTION_LEVEL) != 0;
}

// The Latin letter a look-alike stands for, per ICU's confusable skeleton,
// or 0 when the skeleton is not a single ASCII letter.
char latin_skeleton(USpoofChecker* checker, char32_t cp) {
  const std::string letter = utf8::encode(cp);
  char buffer[16];
  UErrorCode status = U_ZERO_ERROR;
  const int32_t length =
      uspoof_getSkeletonUTF8(checker, 0, letter.data(), static_cast<int32_t>(letter.size()), buffer, sizeof buffer, &status);
  if (U_FAILURE(status) || length != 1 || !script::is_ascii_letter(buffer[0])) return 0;
  // The skeleton folds case-insensitively only for some letters; keep the look-alike's case.
  const bool upper = u_isupper(static_cast<UChar32>(cp));
  const char lower = static_cast<char>(buffer[0] | 0x20);
  return upper ? static_cast<char>(lower - 'a' + 'A') : buffer[0];
}

struct WordLetter {
  std::size_t begin;
  std::size_t end;
  char32_t cp;
};

}  // namespace

const RuleInfo& Confusable::info() const {
  static const RuleInfo kInfo{
      "script/confusable", Severity::error, RuleScope::document, RuleLanguage::any, true,
      "Words that mix Latin with look-alike Cyrillic or Greek letters",
      R"doc(## What it does
Flags words whose letters mix the Latin alphabet with Cyrillic or Greek
letters, such as "сhemotherapy" written with a Cyrillic "с" (U+0441). ICU's
spoof checker (restriction level "highly restrictive") decides that a word
mixes scripts; its confusable skeleton gives the Latin letter each look-alike
stands for. The fix is the word with the look-alikes replaced, offered when
every one of them has a single Latin twin.

Only words containing a Greek or Cyrillic letter next to Latin letters are
examined, so ordinary text costs nothing. Greek used in science is not
flagged: a Greek letter that forms its own part of a term (α-synuclein,
β-blocker, TNF-α, γδ T cells) or sits at the start or end of a word
(TNFα, μg) is fine, except for letters that are look-alikes rather than
symbols: a letter whose confusable skeleton is a Latin letter and that is
not one of the Greek letters science uses (ο omicron, ν, ι, υ, ρ and
capitals such as Α or Ρ; Δ in ΔF508 is fine). The micro sign µ,
Pinyin tone marks and accented Latin letters (café) are Latin or common
characters and never flagged.

## Why it matters
Look-alike letters come from copy-pasting, OCR and keyboard-layout slips.
They look right but break search, spell checking, terminology checks and
hyphenation, and in links they are a security risk.

## Example
`сhemotherapy` (Cyrillic с) is flagged with the fix `chemotherapy`.

## Options
None.)doc"};
  return kInfo;
}

// U+0340-U+053F: the only code points that can start a Greek or Cyrillic
// letter in the blocks checked here (Greek Extended is reached from a word
// found through them).
bool may_start_confusable(char32_t cp) { return cp >= 0x340 && cp <= 0x53F; }

void Confusable::check(const CheckContext& context, FindingSink& out) const {
  const std::string_view text = context.doc.prose();
  SpoofChecker checker;  // opened on the first candidate word
  std::vector<WordLetter> letters;
  std::size_t pos = 0;
  EventWalk walk(context, code_point_class::kGreekCyrillic, /*prose_only=*/true);
  while (const text::ClassEvent* event = walk.next(pos)) {
    pos = event->begin;
    const std::size_t probe = event->end();
    const char32_t trigger = event->cp;
    if (!(is_greek_letter(trigger) || is_cyrillic_letter(trigger)) || !is_word_letter(trigger)) {
      pos = probe;
      continue;
    }
    // The word around the trigger: letters only, so α-synuclein is two words.
    std::size_t begin = pos;
    while (begin > 0) {
      std::size_t back = begin;
      if (!is_word_letter(utf8::previous(text, back))) break;
      begin = back;
    }
    letters.clear();
    std::size_t end = begin;
    bool has_latin = false;
    while (end < text.size()) {
      std::size_t next = end;
      const char32_t cp = utf8::next(text, next);
      if (!is_word_letter(cp)) break;
      letters.push_back({end, next, cp});
      has_latin |= is_latin_letter(cp);
      end = next;
    }
    pos = end;
    if (!has_latin) continue;
    const std::string_view word = text.substr(begin, end - begin);
    if (!checker) checker = open_checker();
    if (!checker || !mixes_scripts(checker.get(), word)) continue;

    // Which of the non-Latin letters are look-alikes.
    std::size_t first_latin = letters.size();
    std::size_t last_latin = 0;
    for (std::size_t i = 0; i < letters.size(); ++i) {
      if (!is_latin_letter(letters[i].cp)) continue;
      first_latin = std::min(first_latin, i);
      last_latin = i;
    }
    std::string fix;
    bool fixable = true;
    bool has_cyrillic = false;
    bool has_greek = false;
    const WordLetter* first_lookalike = nullptr;
    char first_twin = 0;
    for (std::size_t i = 0; i < letters.size(); ++i) {
      const WordLetter& letter = letters[i];
      const std::string_view bytes = text.substr(letter.begin, letter.end - letter.begin);
      const bool latin = is_latin_letter(letter.cp) || is_combining_mark(letter.cp);
      const char twin = latin ? 0 : latin_skeleton(checker.get(), letter.cp);
      bool lookalike = false;
      if (is_cyrillic_letter(letter.cp)) {
        lookalike = true;  // English science never glues Cyrillic to Latin
      } else if (is_greek_letter(letter.cp)) {
        // Inside a Latin word any Greek letter is a slip; at its edge only a
        // letter with a Latin twin that science does not use (ο, ν, Α, Ρ).
        const bool inside = i > first_latin && i < last_latin;
        lookalike = inside || (twin != 0 && !is_scientific_greek(letter.cp));
      }
      if (!lookalike) {
        fix += bytes;
        continue;
      }
      (is_cyrillic_letter(letter.cp) ? has_cyrillic : has_greek) = true;
      if (!first_lookalike) {
        first_lookalike = &letter;
        first_twin = twin;
      }
      if (twin) fix += twin;
      else fixable = false;
    }
    if (!first_lookalike) continue;

    const std::string_view scripts = has_cyrillic && has_greek ? "Cyrillic and Greek" : has_cyrillic ? "Cyrillic" : "Greek";
    // Built by appending: GCC 12 misreports chains of operator+ (-Wrestrict).
    std::string message = "\"";
    message += script::excerpt(word, 40);
    message += "\" mixes Latin and ";
    message += scripts;
    message += " letters (\"";
    message += text.substr(first_lookalike->begin, first_lookalike->end - first_lookalike->begin);
    message += "\" ";
    message += utf8::code_point_name(first_lookalike->cp);
    if (first_twin) {
      message += " looks like \"";
      message += first_twin;
      message += '"';
    }
    message += ')';
    Finding finding = make_finding(context.doc, {begin, end}, std::move(message));
    if (fixable) finding.fix = std::move(fix);
    out.push_back(std::move(finding));
  }
}

}  // namespace tc
