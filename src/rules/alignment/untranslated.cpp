#include "rules/alignment/untranslated.h"

#include <algorithm>
#include <cstdlib>
#include <string>
#include <vector>

#include "core/alignment.h"
#include "rules/alignment/pair_text.h"

namespace tc {
namespace {

bool is_ascii_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

std::string lower_ascii(std::string_view text) {
  std::string out(text);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  return out;
}

// word, ASCII letters lowercased, is lower (itself lowercase).
bool equals_lower(std::string_view word, std::string_view lower) {
  if (word.size() != lower.size()) return false;
  for (std::size_t i = 0; i < word.size(); ++i)
    if ((word[i] >= 'A' && word[i] <= 'Z' ? static_cast<char>(word[i] + 32) : word[i]) != lower[i]) return false;
  return true;
}

void blank(std::string& text, std::size_t begin, std::size_t end) {
  for (std::size_t i = begin; i < end; ++i) text[i] = ' ';
}

// Blanks the protected phrases (ASCII case ignored, whole words).
void blank_protected(std::string& text, const std::vector<std::string>& phrases) {
  if (phrases.empty()) return;
  const std::string lower = lower_ascii(text);
  for (const std::string& phrase : phrases) {
    const std::string needle = lower_ascii(phrase);
    for (std::size_t at = lower.find(needle); at != std::string::npos; at = lower.find(needle, at + 1)) {
      const std::size_t end = at + needle.size();
      const bool starts = at == 0 || !is_ascii_letter(lower[at - 1]);
      const bool ends = end >= lower.size() || !is_ascii_letter(lower[end]);
      if (starts && ends) blank(text, at, end);
    }
  }
}

// Blanks names kept in English inside a Chinese sentence: runs of two or
// more capitalised words, with "of", "and", "for", "the" between them
// ("Vaccine Adverse Event Reporting System", "Centers for Disease Control
// and Prevention").
struct NameWord {
  std::size_t begin, end;
  bool capital, link;
};

// words: a buffer the caller keeps from one sentence to the next.
void blank_names(std::string& text, std::vector<NameWord>& words) {
  words.clear();
  for (std::size_t i = 0; i < text.size();) {
    if (!is_ascii_letter(text[i])) {
      ++i;
      continue;
    }
    std::size_t e = i;
    while (e < text.size() && (is_ascii_letter(text[e]) || text[e] == '.' || text[e] == '-')) ++e;
    const std::string_view word = std::string_view(text).substr(i, e - i);
    const bool link = equals_lower(word, "of") || equals_lower(word, "and") || equals_lower(word, "for") ||
                      equals_lower(word, "the") || equals_lower(word, "on") || equals_lower(word, "in");
    words.push_back({i, e, text[i] >= 'A' && text[i] <= 'Z', link});
    i = e;
  }
  // Words of a run are separated by spaces only.
  std::size_t k = 0;
  while (k < words.size()) {
    if (!words[k].capital) {
      ++k;
      continue;
    }
    std::size_t last = k, capitals = 1, j = k + 1;
    for (; j < words.size(); ++j) {
      const std::string_view gap = std::string_view(text).substr(words[j - 1].end, words[j].begin - words[j - 1].end);
      if (gap.find_first_not_of(' ') != std::string_view::npos || gap.empty()) break;
      if (words[j].capital) last = j, ++capitals;
      else if (!words[j].link) break;
    }
    if (capitals >= 2) blank(text, words[k].begin, words[last].end);
    k = last + 1;
  }
}

// True when the Latin text has an English function word of its own (letters
// only, not inside an option, path or identifier such as --add-to-archive):
// an English sentence has them, a list of kept command names, options and
// flags ("fdatasync 失败", "cooked 同 brkint ignpar istrip") has none.
bool has_english_function_word(std::string_view text) {
  static constexpr std::string_view kFunctionWords[] = {
      "the", "a", "an", "of", "to", "in", "on", "at", "by", "for", "from", "with", "and", "or", "not", "is",
      "are", "was", "were", "be", "been", "it", "this", "that", "these", "those", "you", "your", "we", "they",
      "can", "could", "will", "would", "should", "may", "must", "has", "have", "had", "do", "does", "if", "when"};
  // Tokens are runs of ASCII between spaces and non-ASCII (Chinese) text; a
  // word is a token of letters only once its quotes and punctuation are trimmed.
  auto token_char = [](char c) { return c != ' ' && c != '\t' && c != '\n' && c != '\r' && static_cast<unsigned char>(c) < 0x80; };
  for (std::size_t i = 0; i < text.size();) {
    if (!token_char(text[i])) {
      ++i;
      continue;
    }
    std::size_t end = i;
    while (end < text.size() && token_char(text[end])) ++end;
    std::size_t begin = i;
    while (begin < end && std::string_view("(\"'").find(text[begin]) != std::string_view::npos) ++begin;
    std::size_t last = end;
    while (last > begin && std::string_view(",.;:!?)\"'").find(text[last - 1]) != std::string_view::npos) --last;
    i = end;
    // An all-capital word is a metavariable (WHEN, FILE), not the word.
    if (begin == last || !std::all_of(text.begin() + begin, text.begin() + last, is_ascii_letter) ||
        (last - begin > 1 && std::none_of(text.begin() + begin, text.begin() + last, [](char c) { return c >= 'a'; })))
      continue;
    const std::string word = lower_ascii(text.substr(begin, last - begin));
    for (std::string_view function_word : kFunctionWords)
      if (word == function_word) return true;
  }
  return false;
}

// Signs of a command line or program output: a shell prompt ("$ ") at the
// start, an option (-v, --version), a path (/usr, ~/x, ./x), a backslash, an
// underscore or KEY=VALUE in a word. (Not a slash inside a word: "EU/EEA".)
bool looks_like_code(std::string_view text) {
  std::size_t start = 0;
  while (start < text.size() && (text[start] == ' ' || text[start] == '\t')) ++start;
  if (text.substr(start, 2) == "$ " || text.substr(start, 2) == "% ") return true;
  for (std::size_t i = start; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\\' || c == '_' || c == '=') return true;
    const bool token_start = i == 0 || text[i - 1] == ' ' || text[i - 1] == '\t' || text[i - 1] == '\n';
    if (!token_start) continue;
    const std::string_view rest = text.substr(i, 3);
    if (c == '-' && rest.size() > 1 && (rest[1] == '-' || is_ascii_letter(rest[1]))) return true;
    if (c == '/' || rest.starts_with("~/") || rest.starts_with("./") || rest == "../") return true;
  }
  return false;
}

}  // namespace

const RuleInfo& Untranslated::info() const {
  static constexpr OptionSpec kOptions[] = {
      {"min-letters", OptionType::integer, "4", "ignore sentences with fewer letters than this (names, codes, \"OK\")"},
      {"protected", OptionType::list, "",
       "phrases that stay as they are in a translation (product names, slogans); their letters are not counted"},
  };
  static const RuleInfo kInfo{
      "alignment/untranslated", Severity::error, RuleScope::pair, RuleLanguage::any, true,
      "Translation sentence left in the source language",
      R"(## What it does
Reports a target sentence that is identical to the source sentence it is
aligned with, or whose letters are still mostly in the source language's
script (Chinese characters in an English translation, or an English sentence
in a Chinese translation). A Chinese character counts as three Latin letters,
so Chinese sentences that keep English terms (COVID-19, SARS-CoV-2) pass;
and a Chinese sentence that keeps option, command or function names
(`fsync 失败`, `raw 同 -ignbrk -brkint`) is reported only when the English
left in it has words of its own (the, of, is, for…), as does a message of a
translation file with no Chinese at all (`close：%s`); a unit of a
translation file copied whole is unit/same-as-source's;
URLs, e-mail addresses and code do not count (and in an English source, a
copied sentence with no English word of its own that shows a shell prompt,
an option, a path, a backslash, an underscore or `KEY=VALUE`,
`$ notekit --version`, is a command line or its output), and neither do names kept in
English inside a Chinese sentence (two or more capitalised words, such as
"Centers for Disease Control and Prevention"). Text kept as it is on
purpose is never compared: a unit of a translation file whose notes say
"Do not translate" (XLIFF `<note>`, PO `#.`), page furniture, copyright lines, a notice about
the translation or a line naming a language ("This translation is out of
date…", "Simplified Chinese"), a line that is only a capitalised name (one
word in lower case may stand between its capitalised words, and a bar or
dash may part a title from its subtitle), and a
line in a third language (see `transcheck explain typography/page-furniture`).

## Why it matters
Untranslated segments slip through when a CAT tool copies the source into an
empty target, or when part of a file was never sent for translation.

## Example
Source `患者出现发热。` Target `患者出现发热。` is reported.)", /*explains_its_span=*/false, /*reads_undecoded=*/false, kOptions};
  return kInfo;
}

void Untranslated::check(const CheckContext& context, FindingSink& out) const {
  const auto pair = alignment_rules::pair_of(context);
  if (!pair) return;
  // Named references, not a structured binding: clang 14 cannot capture bindings in lambdas.
  const Alignment& alignment = pair->alignment;
  const Document& source = pair->source;
  const Document& target = pair->target;
  if (source.lang == target.lang || source.lang == Lang::unknown) return;
  const auto min_letters = static_cast<std::size_t>(
      std::max<std::int64_t>(0, context.options.integer("alignment/untranslated.min-letters")));
  const std::vector<std::string>& protected_phrases = context.options.list("alignment/untranslated.protected");
  std::string prose;                 // each sentence's prose, the buffer reused
  std::vector<NameWord> name_words;  // blank_names' words, likewise
  alignment_rules::for_each_paired_bead(alignment, [&](const Bead& bead, Span source_span, Span /*target_span*/) {
    const std::string_view source_text(source.text.data() + source_span.begin, source_span.size());
    for (const std::size_t t : bead.target) {
      const Span span = alignment.target_sentences[t].span;
      const std::string_view text(target.text.data() + span.begin, span.size());
      // Letters of prose only (URLs and code are masked); a Han character
      // carries about as much as three Latin letters, as in dominant_language().
      prose.assign(target.prose().substr(span.begin, span.size()));
      blank_protected(prose, protected_phrases);
      if (source.lang == Lang::en) blank_names(prose, name_words);
      const ScriptCounts counts = count_scripts(prose);
      const std::size_t letters = counts.han + counts.latin + counts.other;
      if (letters < min_letters) continue;
      const double han = 3.0 * static_cast<double>(counts.han), latin = static_cast<double>(counts.latin);
      const bool in_source_script = source.lang == Lang::zh ? han > latin : latin > han;
      // A unit of a translation file whose notes ask to keep it as it is.
      const BitextUnit* unit = context.units ? unit_holding(*context.units, span, &BitextUnit::target) : nullptr;
      if (unit && notes_keep_source(*unit)) continue;
      std::string message;
      if (source_text.find(text) != std::string_view::npos) {
        // In a translation file a unit copied whole is unit/same-as-source's,
        // and a copied sentence with no English word of its own is a kept
        // name, synopsis or code ("shift [n]", "waitpid").
        if (unit) {
          const std::string_view unit_source(source.text.data() + unit->source.begin, unit->source.size());
          const std::string_view unit_target(target.text.data() + unit->target.begin, unit->target.size());
          if (unit_source == unit_target || (source.lang == Lang::en && !has_english_function_word(prose))) continue;
        } else if (source.lang == Lang::en && !has_english_function_word(prose) &&
                   looks_like_code(target.prose().substr(span.begin, span.size()))) {  // before names were blanked
          // A command line or its output, kept as it is ("$ notekit --version").
          continue;
        }
        message = "sentence is the same as the source";
      } else if (in_source_script &&
                 !(source.lang == Lang::en && (counts.han > 0 || context.units) && !has_english_function_word(prose))) {
        // A Chinese sentence that keeps option and command names (--no-http-keep-alive
        // 禁用 HTTP keep-alive) is translated: English left in it has its function
        // words. So has an English message of a translation file; "passwd：%s" is code.
        message = std::string("sentence is still mostly in ") + (source.lang == Lang::zh ? "Chinese" : "English");
      } else {
        continue;
      }
      Finding finding = make_finding(target, span, message + ": \"" + alignment_rules::quote(target, span, 40) + "\"");
      finding.counterpart = alignment_rules::counterpart(source, source_span);
      out.push_back(std::move(finding));
    }
  });
}

}  // namespace tc
