#include "rules/alignment/carry_over.h"

#include <algorithm>
#include <cstdint>
#include <cstring>

#include "core/alignment.h"
#include "core/byte_lanes.h"
#include "text/ascii.h"
#include "rules/alignment/pair_text.h"

namespace tc {
namespace {

bool is_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_word_byte(char c) { return is_letter(c) || (c >= '0' && c <= '9'); }

// A token without English affixes: the all-lower-case hyphen parts at either
// end go (anti-SARS-CoV-2 -> SARS-CoV-2, ACE2-expressing -> ACE2, beta-CoVs -> CoVs).
std::string_view english_core(std::string_view word) {
  auto all_lower = [](std::string_view part) {
    return !part.empty() && std::all_of(part.begin(), part.end(), [](char c) { return c >= 'a' && c <= 'z'; });
  };
  for (auto dash = word.find('-'); dash != std::string_view::npos && all_lower(word.substr(0, dash)); dash = word.find('-'))
    word.remove_prefix(dash + 1);
  for (auto dash = word.rfind('-'); dash != std::string_view::npos && all_lower(word.substr(dash + 1)); dash = word.rfind('-'))
    word.remove_suffix(word.size() - dash);
  return word;
}

// Gene- and virus-like: a capital right after a lower-case letter (mRNA, CoV).
bool has_inner_capital(std::string_view word) {
  for (std::size_t k = 1; k < word.size(); ++k)
    if (word[k] >= 'A' && word[k] <= 'Z' && word[k - 1] >= 'a' && word[k - 1] <= 'z') return true;
  return false;
}

// Its bytes in the document's text: 8 bytes, not a span and a copy of the
// word (48), for each Latin word of a long Chinese unit.
struct Token {
  Span32 span;
};

// Tokens that must survive translation as they are: in Chinese text, every
// Latin word of two or more characters (Treg, MDSC, PD-1); in English text,
// only gene-like names (see english_core and has_inner_capital).
// Reference markers like [1] or [2,3] on both.
std::vector<Token> carry_tokens(const Document& doc, Span span) {
  std::vector<Token> tokens;
  const std::string_view text = doc.text;
  std::size_t pos = span.begin;
  while (pos < span.end) {
    const char c = text[pos];
    // Only an ASCII byte starts a token: eight bytes none of which is ASCII
    // (most of a Chinese side) are passed over at once.
    if (static_cast<unsigned char>(c) >= 0x80 && span.end - pos >= 8) {
      std::uint64_t word = 0;
      std::memcpy(&word, text.data() + pos, sizeof word);
      if ((word & kHighBits) == kHighBits) {
        pos += 8;
        continue;
      }
    }
    if (c == '[' ) {
      std::size_t end = pos + 1;
      while (end < span.end && ((text[end] >= '0' && text[end] <= '9') || text[end] == ',' || text[end] == '-' || text[end] == ' ')) ++end;
      if (end < span.end && text[end] == ']' && end > pos + 1) {
        tokens.push_back({Span{pos, end + 1}});
        pos = end + 1;
        continue;
      }
    }
    if (!is_word_byte(c) || (pos > span.begin && is_word_byte(text[pos - 1]))) {
      ++pos;
      continue;
    }
    std::size_t end = pos;
    while (end < span.end && (is_word_byte(text[end]) ||
                              ((text[end] == '-' || text[end] == '+') && end + 1 < span.end && is_word_byte(text[end + 1])) ||
                              (text[end] == '+' && end > pos)))
      ++end;
    const std::string_view word = text.substr(pos, end - pos);
    pos = end;
    // One pass over the word for what the tests below ask.
    bool letters = false, digits = false, inner_capital = false;
    for (std::size_t k = 0; k < word.size(); ++k) {
      const char ch = word[k];
      letters = letters || is_letter(ch);
      digits = digits || (ch >= '0' && ch <= '9');
      inner_capital = inner_capital || (k > 0 && ch >= 'A' && ch <= 'Z' && word[k - 1] >= 'a' && word[k - 1] <= 'z');
    }
    // Plain numbers and numbers with units (3K, 5mg) are number-mismatch's business.
    if (!letters || (word[0] >= '0' && word[0] <= '9')) continue;
    if (doc.lang == Lang::zh) {
      if (word.size() >= 2) tokens.push_back({Span{static_cast<std::size_t>(word.data() - text.data()), end}});
      continue;
    }
    // English: only gene-, drug- and virus-like names (digits or mixed case),
    // without English affixes ("anti-SARS-CoV-2" keeps SARS-CoV-2). All-capital
    // acronyms (WHO, CDC, UNESCO) are usually translated into Chinese names.
    // A word with neither a digit nor a capital after a lowercase letter has
    // no such core (most words): it is not taken apart.
    if (!digits && !inner_capital) continue;
    const std::string_view core = english_core(word);
    const bool core_digits = std::any_of(core.begin(), core.end(), [](char ch) { return ch >= '0' && ch <= '9'; });
    const bool core_letters = std::any_of(core.begin(), core.end(), is_letter);
    if (core_letters && (core_digits || has_inner_capital(core)))
      tokens.push_back({Span{static_cast<std::size_t>(core.data() - text.data()), static_cast<std::size_t>(core.data() - text.data()) + core.size()}});
  }
  return tokens;
}

bool contains_word(std::string_view text, std::string_view token);

// "GPs" and "LRTIs" are kept in Chinese as GP and LRTI.
bool contains_token(std::string_view text, std::string_view token) {
  if (contains_word(text, token)) return true;
  const bool acronym_plural = token.size() >= 3 && token.back() == 's' && token[token.size() - 2] >= 'A' &&
                              token[token.size() - 2] <= 'Z';
  return acronym_plural && contains_word(text, token.substr(0, token.size() - 1));
}

bool contains_word(std::string_view text, std::string_view token) {
  // Whole-word, case-insensitive for words (Treg / TREG), exact for markers.
  for (std::size_t at = 0; at + token.size() <= text.size(); ++at) {
    bool same = true;
    for (std::size_t k = 0; k < token.size() && same; ++k) same = to_lower_ascii(text[at + k]) == to_lower_ascii(token[k]);
    if (!same) continue;
    const bool starts = at == 0 || !is_word_byte(text[at - 1]) || token.front() == '[';
    const std::size_t after = at + token.size();
    const bool ends = after >= text.size() || !is_word_byte(text[after]) || token.back() == ']';
    if (starts && ends) return true;
  }
  return false;
}

// A quarter or fiscal year the Chinese translation names in its own words:
// Q3 as 第三季度 (or 三季度), FY2027 and FY27 as 2027财年 (财政年度).
bool calendar_period_rendered(std::string_view token, std::string_view target_text) {
  auto all_digits = [](std::string_view digits) {
    return !digits.empty() && std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; });
  };
  if (token.size() == 2 && token[0] == 'Q' && token[1] >= '1' && token[1] <= '4')
    return target_text.find("\xE5\xAD\xA3\xE5\xBA\xA6") != std::string_view::npos;  // 季度
  if ((token.size() == 4 || token.size() == 6) && token.starts_with("FY") && all_digits(token.substr(2)))
    return target_text.find("\xE8\xB4\xA2\xE5\xB9\xB4") != std::string_view::npos ||  // 财年
           target_text.find("\xE8\xB2\xA1\xE5\xB9\xB4") != std::string_view::npos ||  // 財年
           target_text.find("\xE8\xB4\xA2\xE6\x94\xBF\xE5\xB9\xB4\xE5\xBA\xA6") != std::string_view::npos ||  // 财政年度
           target_text.find("財政年度") != std::string_view::npos;
  return false;
}

}  // namespace

const RuleInfo& CarryOver::info() const {
  static const RuleInfo kInfo{
      "alignment/carry-over", Severity::warning, RuleScope::pair, RuleLanguage::any, true,
      "Abbreviation, gene or drug name, or reference marker missing from the translation",
      R"(## What it does
Finds the tokens of each source sentence that a translation normally keeps as
they are: Latin-script words inside Chinese text (Treg, MDSC, PD-1, IL-6),
gene-, drug- and virus-like names inside English text (names with digits or
mixed case: CD8+, p53, mRNA, SARS-CoV-2, with English affixes such as anti-
or -related removed; all-capital acronyms such as WHO or UK are usually
translated, so they are not checked; "CoVs" is satisfied by CoV), and reference markers such as `[1]` or `[2,3]`. Each one
that does not appear in the aligned target sentences is reported. A quarter
or fiscal year that a Chinese translation names in its own words (Q3 as
第三季度, FY2027 as 2027财年) is not missing.

## Why it matters
A dropped reference marker breaks the citation; a dropped or mistyped gene or
drug name changes the science.

## Example
Source `Treg细胞抑制免疫反应[3]。` Target `Regulatory cells suppress immune responses.`
reports both `Treg` and `[3]`.

## Options
None.)"};
  return kInfo;
}

void CarryOver::check(const CheckContext& context, FindingSink& out) const {
  const auto pair = alignment_rules::pair_of(context);
  if (!pair) return;
  // Named references, not a structured binding: clang 14 cannot capture bindings in lambdas.
  const Alignment& alignment = pair->alignment;
  const Document& source = pair->source;
  const Document& target = pair->target;
  alignment_rules::for_each_paired(alignment, [&](Span source_span, Span target_span) {
    const std::string_view target_text(target.text.data() + target_span.begin, target_span.size());
    for (const Token& token : carry_tokens(source, source_span)) {
      if (source.is_masked(token.span.begin)) continue;  // code and URLs are not prose
      const std::string_view token_text = std::string_view(source.text).substr(token.span.begin, token.span.size());
      if (contains_token(target_text, token_text)) continue;
      if (target.lang == Lang::zh && calendar_period_rendered(token_text, target_text)) continue;
      std::string message = "'";
      message.append(token_text).append("' is missing from the translation: \"");
      message.append(alignment_rules::quote(target, target_span, 50)).append("\"");
      Finding finding = make_finding(source, token.span, std::move(message));
      finding.counterpart = alignment_rules::counterpart(target, target_span);
      out.push_back(std::move(finding));
    }
  });
}

}  // namespace tc
