#include "rules/alignment/carry_over.h"

#include "align/alignment.h"
#include "rules/alignment/pair_text.h"

namespace tc {
namespace {

bool is_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_word_byte(char c) { return is_letter(c) || (c >= '0' && c <= '9'); }

struct Token {
  Span span;
  std::string text;
};

// Tokens that must survive translation as they are: in Chinese text, every
// Latin word of two or more characters (Treg, MDSC, PD-1); in English text,
// only acronyms and gene-like names (two capitals, or letters with digits).
// Reference markers like [1] or [2,3] on both.
std::vector<Token> carry_tokens(const Document& doc, Span span) {
  std::vector<Token> tokens;
  const std::string_view text = doc.text;
  std::size_t pos = span.begin;
  while (pos < span.end) {
    const char c = text[pos];
    if (c == '[' ) {
      std::size_t end = pos + 1;
      while (end < span.end && ((text[end] >= '0' && text[end] <= '9') || text[end] == ',' || text[end] == '-' || text[end] == ' ')) ++end;
      if (end < span.end && text[end] == ']' && end > pos + 1) {
        tokens.push_back({{pos, end + 1}, std::string(text.substr(pos, end + 1 - pos))});
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
    std::size_t letters = 0, capitals = 0, digits = 0;
    for (char ch : word) {
      letters += is_letter(ch);
      capitals += ch >= 'A' && ch <= 'Z';
      digits += ch >= '0' && ch <= '9';
    }
    // Plain numbers and numbers with units (3K, 5mg) are number-mismatch's business.
    if (letters == 0 || (word[0] >= '0' && word[0] <= '9')) continue;
    // In English, two-letter acronyms (UK, EU, US) are routinely translated
    // (英国, 欧盟); keep names with digits, three or more capitals, or mixed case (mRNA).
    const bool mixed_case = capitals > 0 && capitals < letters && !(capitals == 1 && word[0] >= 'A' && word[0] <= 'Z');
    const bool keep = doc.lang == Lang::zh ? word.size() >= 2 : (capitals >= 3 || digits > 0 || mixed_case);
    if (keep) tokens.push_back({{static_cast<std::size_t>(word.data() - text.data()), end}, std::string(word)});
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
  auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; };
  for (std::size_t at = 0; at + token.size() <= text.size(); ++at) {
    bool same = true;
    for (std::size_t k = 0; k < token.size() && same; ++k) same = lower(text[at + k]) == lower(token[k]);
    if (!same) continue;
    const bool starts = at == 0 || !is_word_byte(text[at - 1]) || token.front() == '[';
    const std::size_t after = at + token.size();
    const bool ends = after >= text.size() || !is_word_byte(text[after]) || token.back() == ']';
    if (starts && ends) return true;
  }
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
acronyms of three or more capitals and gene-like names inside English text
(WHO, CD8+, p53, mRNA, SARS-CoV-2; two-letter acronyms such as UK are usually
translated, so they are not checked; "GPs" is satisfied by GP), and reference markers such as `[1]` or `[2,3]`. Each one
that does not appear in the aligned target sentences is reported.

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

void CarryOver::check(const CheckContext& context, std::vector<Finding>& out) const {
  if (!context.alignment || !context.source || !context.target) return;
  const Alignment& alignment = *context.alignment;
  const Document& source = *context.source;
  const Document& target = *context.target;
  alignment_rules::for_each_paired(alignment, [&](Span source_span, Span target_span) {
    const std::string_view target_text(target.text.data() + target_span.begin, target_span.size());
    for (const Token& token : carry_tokens(source, source_span)) {
      if (source.is_masked(token.span.begin)) continue;  // code and URLs are not prose
      if (contains_token(target_text, token.text)) continue;
      Finding finding = make_finding(source, token.span,
                                     "'" + token.text + "' is missing from the translation: \"" +
                                         alignment_rules::quote(target, target_span, 50) + "\"");
      finding.counterpart = alignment_rules::counterpart(target, target_span);
      out.push_back(std::move(finding));
    }
  });
}

}  // namespace tc
