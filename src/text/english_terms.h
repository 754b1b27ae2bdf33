#pragma once
// English words as terms compare them: tokens keyed in lower case with UK
// spellings mapped to US ones and possessives removed, and the base forms a
// token may stand for (plurals, -ed/-ing). Used by the glossary index and
// the terminology rules.
#include <string>
#include <string_view>
#include <vector>

#include "core/span.h"

namespace tc {

struct TermToken {
  Span span;              // bytes, possessive included
  std::string key;        // lower case, canonical spelling, possessive removed
  bool hyphen_joined;     // attached by a hyphen to the previous token (T-cell, non-small)
  bool continues;         // only spaces or hyphens since the previous token, so a term may span both
  bool aside = false;     // inside a parenthesised abbreviation: "natural killer (NK) cells"
};

// Splits text[range] into word tokens (reusing tokens' storage).
void tokenize_terms(std::string_view text, Span range, std::vector<TermToken>& tokens);
std::vector<TermToken> tokenize_terms(std::string_view text, Span range);

// Base forms a token key may stand for, itself first: singulars of nouns and
// the stems of -ed/-ing verb forms.
void singular_candidates(const std::string& key, std::vector<std::string>& out);

// Prefixes that change a term's meaning when hyphened to it ("non-small").
bool is_meaning_prefix(std::string_view word);

// The canonical key of an English rendering ("T-cells" -> "t cell",
// "tumours" -> "tumor"): equal keys match each other.
std::string english_key(std::string_view rendering);

}  // namespace tc
