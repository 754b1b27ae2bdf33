#include "text/english_terms.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <array>
#include <cctype>

#include "core/utf8.h"
#include "text/ascii.h"
#include "text/han.h"

namespace tc {
namespace {

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

void replace_suffix(std::string& s, std::size_t drop, std::string_view add) {
  s.resize(s.size() - drop);
  s += add;
}

void fold_ae_oe(std::string& w) {
  std::string out;
  out.reserve(w.size());
  for (std::size_t i = 0; i < w.size(); ++i) {
    if (i + 2 < w.size() && (w[i] == 'a' || w[i] == 'o') && w[i + 1] == 'e' && i > 0) {
      out += 'e';
      ++i;
      continue;
    }
    if (i == 0 && i + 2 < w.size() && w[0] == 'o' && w[1] == 'e') {  // oedema, oesophagus, oestrogen
      out += 'e';
      ++i;
      continue;
    }
    out += w[i];
  }
  w = std::move(out);
}

void canonical_suffix(std::string& w) {
  if (w.size() >= 6 && ends_with(w, "our")) replace_suffix(w, 3, "or");            // tumour, colour
  else if (w.size() >= 7 && ends_with(w, "ours")) replace_suffix(w, 4, "ors");
  // Plural forms are listed too: singulars are only guessed after this step.
  static const std::array<std::pair<std::string_view, std::string_view>, 18> kSuffixes{{
      {"isations", "izations"}, {"isation", "ization"}, {"ising", "izing"}, {"ised", "ized"}, {"ises", "izes"},
      {"isers", "izers"}, {"iser", "izer"}, {"ise", "ize"}, {"ysed", "yzed"}, {"ysing", "yzing"}, {"yses", "yzes"},
      {"yse", "yze"}, {"ogues", "ogs"}, {"ogue", "og"}, {"tres", "ters"}, {"tre", "ter"}, {"bres", "bers"},
      {"bre", "ber"}}};
  for (const auto& [uk, us] : kSuffixes) {
    if (w.size() >= uk.size() + 2 && ends_with(w, uk)) {
      replace_suffix(w, uk.size(), us);
      break;
    }
  }
  if (w.size() >= 6 && w.compare(0, 5, "sulph") == 0) w.replace(0, 5, "sulf");
}

// Maps UK spellings to US ones so both sides compare equal. Applied to
// glossary and text alike, so a rare collision (two words folding together)
// can only widen a match, never break one.
void canonical_spelling(std::string& w) {
  if (w.size() < 4) return;
  // ae/oe -> e inside a word: haematology, anaemia, leukaemia, oedema, diarrhoea, foetal.
  if (w.find("ae") != std::string::npos || w.find("oe") != std::string::npos) fold_ae_oe(w);
  canonical_suffix(w);
}

// Where a parenthesised abbreviation that starts at text[open] (just past
// the opening bracket) ends, past its closing bracket; npos when the
// brackets hold anything else. "(NK)", "(PD-L1)", "（CAR-T）".
std::size_t aside_end(std::string_view text, std::size_t open, std::size_t end) {
  std::size_t pos = open;
  bool letters = false;
  while (pos < end && pos - open <= 12) {
    const char c = text[pos];
    if (std::isalnum(static_cast<unsigned char>(c)) || (c == '-' && letters)) {
      letters = true;
      ++pos;
      continue;
    }
    if (!letters) return std::string_view::npos;
    if (c == ')') return pos + 1;
    if (text.substr(pos, 3) == "\xEF\xBC\x89") return pos + 3;  // ）
    return std::string_view::npos;
  }
  return std::string_view::npos;
}

bool is_word_code_point(char32_t c) {
  if (c < 0x80) return is_ascii_alnum(c);
  if (c == utf8::kInvalid || is_han(c)) return false;
  return u_isalnum(static_cast<UChar32>(c)) && !u_hasBinaryProperty(static_cast<UChar32>(c), UCHAR_IDEOGRAPHIC);
}

bool is_hyphen(char32_t c) { return c == '-' || c == 0x2010 || c == 0x2011; }
bool is_apostrophe(char32_t c) { return c == '\'' || c == 0x2019; }

void append_lower(std::string& out, char32_t c) {
  if (c < 0x80) out += to_lower_ascii(static_cast<char>(c));
  else utf8::append(out, static_cast<char32_t>(u_foldCase(static_cast<UChar32>(c), U_FOLD_CASE_DEFAULT)));
}

}  // namespace

// Base forms a token may stand for (itself first): singulars of nouns and the
// stems of -ed/-ing verb forms. Only forms that are glossary tokens are used,
// so extra guesses cost a lookup and nothing else.
void singular_candidates(const std::string& w, std::vector<std::string>& out) {
  out.clear();
  out.push_back(w);
  static const std::array<std::pair<std::string_view, std::string_view>, 8> kIrregular{{
      {"children", "child"}, {"women", "woman"}, {"men", "man"}, {"teeth", "tooth"}, {"feet", "foot"},
      {"mice", "mouse"}, {"lice", "louse"}, {"people", "person"}}};
  for (const auto& [plural, singular] : kIrregular)
    if (w == plural) out.emplace_back(singular);
  const std::size_t n = w.size();
  if (n > 4 && ends_with(w, "ies")) out.push_back(w.substr(0, n - 3) + "y");        // therapies
  if (n > 4 && ends_with(w, "ses")) out.push_back(w.substr(0, n - 3) + "sis");      // metastases
  if (n > 5 && ends_with(w, "ices")) {                                                // indices, apices
    out.push_back(w.substr(0, n - 4) + "ex");
    out.push_back(w.substr(0, n - 4) + "ix");
  }
  if (n > 3 && ends_with(w, "es")) out.push_back(w.substr(0, n - 2));                 // viruses, abscesses
  if (n > 2 && w.back() == 's' && !ends_with(w, "ss")) out.push_back(w.substr(0, n - 1));  // cells
  if (n > 3 && w.back() == 'a') out.push_back(w.substr(0, n - 1) + "um");            // bacteria
  if (n > 3 && w.back() == 'a') out.push_back(w.substr(0, n - 1) + "on");            // criteria
  if (n > 3 && w.back() == 'i') out.push_back(w.substr(0, n - 1) + "us");            // fungi
  if (n > 3 && ends_with(w, "ae")) out.push_back(w.substr(0, n - 1));                // vertebrae
  // Verb forms, so a glossary that lists "infect" or "recover" meets "infected", "recovering".
  for (const std::string_view ending : {std::string_view("ed"), std::string_view("ing")}) {
    if (n < ending.size() + 3 || !ends_with(w, ending)) continue;
    const std::string stem = w.substr(0, n - ending.size());
    out.push_back(stem);                                                             // infected
    out.push_back(stem + "e");                                                       // causing, used
    if (stem.size() > 3 && stem.back() == stem[stem.size() - 2]) out.push_back(stem.substr(0, stem.size() - 1));  // transmitted
    if (ending == "ed" && stem.back() == 'i') out.push_back(stem.substr(0, stem.size() - 1) + "y");  // studied
  }
}

// Prefixes that change a term's meaning when hyphened to it: "small cell
// lung cancer" is not inside "non-small cell lung cancer". After any other
// word a term may start past a hyphen ("SARS-CoV-2-infected", "T-cell").
bool is_meaning_prefix(std::string_view word) {
  static const std::array<std::string_view, 24> kPrefixes{
      "non", "anti", "pre", "post", "sub", "semi", "multi", "pseudo", "hypo", "hyper", "over", "under",
      "un", "de", "re", "co", "self", "inter", "intra", "extra", "ultra", "micro", "macro", "neo"};
  return std::find(kPrefixes.begin(), kPrefixes.end(), word) != kPrefixes.end();
}


// Splits text[range] into word tokens.
void tokenize_terms(std::string_view text, Span range, std::vector<TermToken>& tokens) {
  tokens.clear();
  std::size_t pos = range.begin;
  bool gap_continues = false;  // gap since the previous token holds only spaces and hyphens
  bool gap_hyphen = false;     // gap is exactly one hyphen
  std::size_t gap_length = 0;
  std::size_t aside_until = 0;        // end of the parenthesised abbreviation being read
  bool continues_before_aside = false;  // gap_continues when its bracket opened
  while (pos < range.end) {
    std::size_t next = pos;
    char32_t c = utf8::next(text, next);
    if ((c == '(' || c == 0xFF08) && aside_until <= pos) {
      const std::size_t close = aside_end(text, next, range.end);
      if (close != std::string_view::npos) {
        aside_until = close;
        continues_before_aside = gap_continues;
        gap_continues = false;  // the abbreviation does not continue the term before it...
        gap_hyphen = false;
        ++gap_length;
        pos = next;
        continue;
      }
    }
    if (aside_until > 0 && pos + 1 == aside_until && (c == ')')) {
      gap_continues = continues_before_aside;  // ...but the term may go on after it
      gap_hyphen = false;
      ++gap_length;
      pos = next;
      continue;
    }
    if (aside_until > 0 && next == aside_until && c == 0xFF09) {
      gap_continues = continues_before_aside;
      gap_hyphen = false;
      ++gap_length;
      pos = next;
      continue;
    }
    if (!is_word_code_point(c)) {
      // Spaces, hyphens and the + of "CD8+ T cell" may sit inside a term; other punctuation ends it.
      if (c == ' ' || c == 0xA0 || c == '\t' || c == '\n' || c == '\r' || c == '+') gap_hyphen = false;
      else if (is_hyphen(c)) gap_hyphen = gap_length == 0;
      else gap_continues = false, gap_hyphen = false;
      if (c == '\n' && gap_length > 0 && text[pos - 1] == '\n') gap_continues = false;  // blank line
      ++gap_length;
      pos = next;
      continue;
    }
    TermToken token;
    token.span.begin = pos;
    token.hyphen_joined = !tokens.empty() && gap_hyphen && gap_length == 1;
    token.continues = !tokens.empty() && gap_continues;
    token.aside = pos < aside_until;
    while (pos < range.end) {
      std::size_t after = pos;
      c = utf8::next(text, after);
      if (is_word_code_point(c)) {
        append_lower(token.key, c);
        pos = after;
        continue;
      }
      if (is_apostrophe(c) && after < range.end) {  // possessive 's, or an inner apostrophe
        std::size_t after_s = after;
        const char32_t s = utf8::next(text, after_s);
        if ((s == 's' || s == 'S') && (after_s >= range.end || !is_word_code_point(utf8::at(text, after_s)))) {
          pos = after_s;  // drop the possessive
        }
      }
      break;
    }
    token.span.end = pos;
    canonical_spelling(token.key);
    tokens.push_back(std::move(token));
    gap_continues = true;
    gap_hyphen = false;
    gap_length = 0;
  }
}

std::vector<TermToken> tokenize_terms(std::string_view text, Span range) {
  std::vector<TermToken> tokens;
  tokenize_terms(text, range, tokens);
  return tokens;
}

std::string english_key(std::string_view rendering) {
  std::string key;
  for (const TermToken& token : tokenize_terms(rendering, {0, rendering.size()})) {
    std::string word = token.key;
    if (word.size() > 4 && ends_with(word, "ies")) replace_suffix(word, 3, "y");
    else if (word.size() > 3 && word.back() == 's' && !ends_with(word, "ss") && !ends_with(word, "us") &&
             !ends_with(word, "is"))
      word.pop_back();
    if (!key.empty()) key += ' ';
    key += word;
  }
  return key;
}

}  // namespace tc
