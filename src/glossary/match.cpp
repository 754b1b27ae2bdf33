#include "glossary/match.h"

#include <unicode/normalizer2.h>
#include <unicode/translit.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <array>
#include <unordered_map>
#include <utility>

#include "core/utf8.h"
#include "glossary/flat_map.h"

namespace tc {
namespace {

constexpr std::uint32_t kNoNode = 0xFFFFFFFFu;
constexpr std::uint32_t kNoExact = 0xFFFFFFFFu;

struct Payload {
  std::uint32_t entry = 0;
  std::uint16_t form = 0;
  TermSide side = TermSide::zh;
  std::uint32_t exact = kNoExact;  // index into Impl::exact_tokens for case-sensitive renderings
};

// A trie whose edges live in one hash map keyed by (node, symbol): compact,
// fast to build for 100k entries, and one lookup per step when matching.
class Trie {
 public:
  std::uint32_t child(std::uint32_t node, std::uint32_t symbol) const {
    if (node == 0) return symbol < root_.size() ? root_[symbol] : (symbol < kDirectRoot ? kNoNode : edges_.find(key(0, symbol)));
    return edges_.find(key(node, symbol));
  }
  std::uint32_t add_child(std::uint32_t node, std::uint32_t symbol) {
    if (node == 0 && symbol < kDirectRoot) {  // the root is hit at every text position: an array, not a probe
      if (symbol >= root_.size()) root_.resize(symbol + 1, kNoNode);
      if (root_[symbol] == kNoNode) root_[symbol] = node_count_++;
      return root_[symbol];
    }
    bool inserted = false;
    const std::uint32_t child = edges_.insert(key(node, symbol), node_count_, inserted);
    if (inserted) ++node_count_;
    return child;
  }
  void add_payload(std::uint32_t node, const Payload& payload) { pending_.emplace_back(node, payload); }
  // Groups payloads by node; call once after the last add.
  void finish() {
    std::stable_sort(pending_.begin(), pending_.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    first_.assign(node_count_ + 1, 0);
    for (const auto& [node, payload] : pending_) ++first_[node + 1];
    for (std::size_t i = 1; i < first_.size(); ++i) first_[i] += first_[i - 1];
    payloads_.reserve(pending_.size());
    for (const auto& item : pending_) payloads_.push_back(item.second);
    pending_.clear();
    pending_.shrink_to_fit();
  }
  std::pair<const Payload*, const Payload*> payloads(std::uint32_t node) const {
    return {payloads_.data() + first_[node], payloads_.data() + first_[node + 1]};
  }
  void reserve(std::size_t edges) { edges_.reserve(edges); }

 private:
  static std::uint64_t key(std::uint32_t node, std::uint32_t symbol) {
    return (static_cast<std::uint64_t>(node) << 32) | symbol;
  }
  static constexpr std::uint32_t kDirectRoot = 1u << 18;
  std::vector<std::uint32_t> root_;  // children of the root by symbol, for symbols below kDirectRoot
  FlatMap edges_;
  std::uint32_t node_count_ = 1;  // node 0 is the root
  std::vector<std::pair<std::uint32_t, Payload>> pending_;
  std::vector<std::uint32_t> first_;
  std::vector<Payload> payloads_;
};

bool is_ascii_alnum(char32_t c) { return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z'); }
bool is_han(char32_t c) {
  return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x20000 && c <= 0x3134F);
}

// Folds Chinese text one code point at a time so every output code point
// keeps the byte span of the input code point it came from.
constexpr char32_t kHanTableFirst = 0x3400;
constexpr char32_t kHanTableLast = 0x9FFF;

// Traditional->Simplified for every BMP Han character, built once per index
// so that folding a document is a table lookup, not an ICU call per character.
// 0 marks a character whose folding is not a single code point.
std::vector<char32_t> simplified_han_table(const icu::Transliterator* to_simplified) {
  std::vector<char32_t> table;
  if (!to_simplified) return table;
  table.resize(kHanTableLast - kHanTableFirst + 1, 0);
  for (char32_t cp = kHanTableFirst; cp <= kHanTableLast; ++cp) {
    icu::UnicodeString text(static_cast<UChar32>(cp));
    to_simplified->transliterate(text);
    if (text.length() > 0 && text.countChar32() == 1) table[cp - kHanTableFirst] = static_cast<char32_t>(text.char32At(0));
  }
  return table;
}

class ChineseFolder {
 public:
  ChineseFolder(const icu::Transliterator* to_simplified, const std::vector<char32_t>* han_table, bool fold_traditional)
      : to_simplified_(fold_traditional ? to_simplified : nullptr), han_table_(han_table) {
    UErrorCode status = U_ZERO_ERROR;
    nfkc_ = icu::Normalizer2::getNFKCInstance(status);
    if (U_FAILURE(status)) nfkc_ = nullptr;
  }

  // Appends the folded form of cp to out.
  void fold(char32_t cp, std::u32string& out) {
    if (cp < 0x80) {  // ASCII fast path
      out += static_cast<char32_t>(cp >= 'A' && cp <= 'Z' ? cp + 32 : cp);
      return;
    }
    if (cp >= 0xFF01 && cp <= 0xFF5E) {  // full-width ASCII
      fold(cp - 0xFEE0, out);
      return;
    }
    if (cp == 0x3000) {
      out += U' ';
      return;
    }
    if (cp == utf8::kInvalid) {
      out += U'\uFFFD';
      return;
    }
    if (is_han(cp)) {
      if (!to_simplified_) {
        out += cp;
        return;
      }
      if (han_table_ && cp >= kHanTableFirst && cp <= kHanTableLast && !han_table_->empty()) {
        const char32_t simplified = (*han_table_)[cp - kHanTableFirst];
        if (simplified != 0) {
          out += simplified;
          return;
        }
      }
    }
    const auto cached = cache_.find(cp);
    if (cached != cache_.end()) {
      out += cached->second;
      return;
    }
    std::u32string folded = slow_fold(cp);
    out += folded;
    cache_.emplace(cp, std::move(folded));
  }

 private:
  std::u32string slow_fold(char32_t cp) const {
    icu::UnicodeString text(static_cast<UChar32>(cp));
    if (nfkc_ && !nfkc_->isInert(static_cast<UChar32>(cp))) {
      UErrorCode status = U_ZERO_ERROR;
      icu::UnicodeString normalized = nfkc_->normalize(text, status);
      if (U_SUCCESS(status)) text = normalized;
    }
    if (to_simplified_) to_simplified_->transliterate(text);
    std::u32string out;
    for (int32_t i = 0; i < text.length();) {
      const UChar32 c = text.char32At(i);
      out += static_cast<char32_t>(c >= 'A' && c <= 'Z' ? c + 32 : c);
      i += U16_LENGTH(c);
    }
    return out;
  }

  const icu::Transliterator* to_simplified_;
  const std::vector<char32_t>* han_table_;
  const icu::Normalizer2* nfkc_ = nullptr;
  std::unordered_map<char32_t, std::u32string> cache_;
};

// Chinese text puts spaces around Latin words or not ("胸部 X 光" and "胸部X光"):
// a space next to a CJK character does not count. keep[i] says whether
// folded[i] stays.
bool is_cjk(char32_t c) { return c >= 0x2E80 && !(c >= 0xFF01 && c <= 0xFF5E); }

template <typename Drop>
void drop_spaces_next_to_cjk(std::u32string& folded, Drop&& on_drop) {
  std::size_t out = 0;
  // The end of the current run of spaces, found once per run: rescanning it
  // from every space is quadratic (a million NBSPs hung the check).
  std::size_t run_end = 0;
  bool cjk_after = false;
  for (std::size_t i = 0; i < folded.size(); ++i) {
    const char32_t c = folded[i];
    if (c == U' ') {
      const bool cjk_before = out > 0 && is_cjk(folded[out - 1]);
      if (i >= run_end) {
        run_end = i;
        while (run_end < folded.size() && folded[run_end] == U' ') ++run_end;
        cjk_after = run_end < folded.size() && is_cjk(folded[run_end]);
      }
      if (cjk_before || cjk_after) {
        on_drop(i);
        continue;
      }
    }
    on_drop(std::string::npos);  // kept: tells the caller to move index i to out
    folded[out++] = c;
  }
  folded.resize(out);
}

// ---- English tokens -------------------------------------------------------

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

struct Token {
  Span span;              // bytes, possessive included
  std::string key;        // lower case, canonical spelling, possessive removed
  bool hyphen_joined;     // attached by a hyphen to the previous token (T-cell, non-small)
  bool continues;         // only spaces or hyphens since the previous token, so a term may span both
  bool aside = false;     // inside a parenthesised abbreviation: "natural killer (NK) cells"
};

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
  if (c < 0x80) out += static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
  else utf8::append(out, static_cast<char32_t>(u_foldCase(static_cast<UChar32>(c), U_FOLD_CASE_DEFAULT)));
}

// Splits text[range] into word tokens.
void tokenize(std::string_view text, Span range, std::vector<Token>& tokens) {
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
    Token token;
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

std::vector<Token> tokenize(std::string_view text, Span range) {
  std::vector<Token> tokens;
  tokenize(text, range, tokens);
  return tokens;
}

}  // namespace

// ---- the index --------------------------------------------------------------

struct TermIndex::Impl {
  Trie chinese;
  Trie english;
  // Token -> id, keyed by the token's 64-bit hash: no string copies, and a
  // collision among a few million tokens is vanishingly unlikely (~1e-7).
  FlatMap token_ids;
  std::uint32_t token_count = 0;
  std::vector<Token> tokens;  // scratch for add_english
  std::vector<std::vector<std::string>> exact_tokens;  // per case-sensitive rendering: surface token or ""
  std::unique_ptr<icu::Transliterator> to_simplified;
  std::vector<char32_t> han_table;  // see simplified_han_table

  static std::uint64_t token_hash(std::string_view key) {
    const std::uint64_t h = std::hash<std::string_view>{}(key);
    return h == FlatMap::kEmptyKey ? h - 1 : h;
  }
  std::uint32_t token_id(std::string_view key) {
    bool inserted = false;
    const std::uint32_t id = token_ids.insert(token_hash(key), token_count, inserted);
    if (inserted) ++token_count;
    return id;
  }
  std::uint32_t find_token(std::string_view key) const { return token_ids.find(token_hash(key)); }

  void add_chinese(ChineseFolder& folder, std::u32string& buffer, std::string_view form, const Payload& payload) {
    buffer.clear();
    std::size_t pos = 0;
    while (pos < form.size()) folder.fold(utf8::next(form, pos), buffer);
    drop_spaces_next_to_cjk(buffer, [](std::size_t) {});
    while (!buffer.empty() && buffer.back() == U' ') buffer.pop_back();
    if (buffer.empty()) return;
    std::uint32_t node = 0;
    for (char32_t c : buffer) node = chinese.add_child(node, static_cast<std::uint32_t>(c));
    chinese.add_payload(node, payload);
  }

  // "regulatory T cell (Treg)" is two renderings of one form: the phrase and its abbreviation.
  void add_rendering(std::string_view form, bool case_sensitive, const Payload& payload) {
    std::string_view trimmed = form;
    while (!trimmed.empty() && trimmed.back() == ' ') trimmed.remove_suffix(1);
    const auto open = trimmed.rfind('(');
    if (trimmed.size() > 3 && trimmed.back() == ')' && open != std::string_view::npos && open > 0) {
      const std::string_view inner = trimmed.substr(open + 1, trimmed.size() - open - 2);
      if (!inner.empty() && inner.find(' ') == std::string_view::npos) {
        add_english(trimmed.substr(0, open), case_sensitive, payload);
        add_english(inner, case_sensitive, payload);
        return;
      }
    }
    add_english(form, case_sensitive, payload);
  }

  void add_english(std::string_view form, bool case_sensitive, Payload payload) {
    tokenize(form, {0, form.size()}, tokens);  // reuses the buffer: no allocation per entry
    if (tokens.empty()) return;
    std::uint32_t node = 0;
    for (const Token& token : tokens) node = english.add_child(node, token_id(token.key));
    if (case_sensitive) {
      std::vector<std::string> exact;
      bool any_upper = false;
      for (const Token& token : tokens) {
        std::string surface(form.substr(token.span.begin, token.span.size()));
        const bool upper = std::any_of(surface.begin(), surface.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
        any_upper = any_upper || upper;
        exact.push_back(upper ? std::move(surface) : std::string());
      }
      if (any_upper) {
        payload.exact = static_cast<std::uint32_t>(exact_tokens.size());
        exact_tokens.push_back(std::move(exact));
      }
    }
    english.add_payload(node, payload);
  }
};

TermIndex::TermIndex(const std::vector<GlossaryEntry>& entries) : impl_(std::make_unique<Impl>()) {
  UErrorCode status = U_ZERO_ERROR;
  impl_->to_simplified.reset(icu::Transliterator::createInstance("Hant-Hans", UTRANS_FORWARD, status));
  if (U_FAILURE(status)) impl_->to_simplified.reset();
  impl_->han_table = simplified_han_table(impl_->to_simplified.get());
  ChineseFolder folder(impl_->to_simplified.get(), &impl_->han_table, true);
  impl_->chinese.reserve(entries.size() * 4);
  impl_->english.reserve(entries.size() * 4);
  impl_->token_ids.reserve(entries.size());
  std::u32string buffer;
  for (std::uint32_t e = 0; e < entries.size(); ++e) {
    const GlossaryEntry& entry = entries[e];
    for (std::uint16_t f = 0; f < entry.zh.size(); ++f)
      impl_->add_chinese(folder, buffer, entry.zh[f], {e, f, TermSide::zh, kNoExact});
    impl_->add_rendering(entry.en, entry.case_sensitive, {e, 0, TermSide::accepted, kNoExact});
    for (std::uint16_t f = 0; f < entry.variants.size(); ++f)
      impl_->add_rendering(entry.variants[f], entry.case_sensitive,
                         {e, static_cast<std::uint16_t>(f + 1), TermSide::accepted, kNoExact});
    for (std::uint16_t f = 0; f < entry.forbidden.size(); ++f)
      impl_->add_rendering(entry.forbidden[f], entry.case_sensitive, {e, f, TermSide::forbidden, kNoExact});
  }
  impl_->chinese.finish();
  impl_->english.finish();
}

TermIndex::~TermIndex() = default;

namespace {

bool by_start_then_longest(const TermMatch& a, const TermMatch& b) {
  if (a.span.begin != b.span.begin) return a.span.begin < b.span.begin;
  return a.span.end > b.span.end;
}

}  // namespace

std::vector<TermMatch> TermIndex::find_chinese(std::string_view text, Span range, bool fold_traditional) const {
  std::vector<TermMatch> matches;
  if (range.end > text.size()) range.end = text.size();
  ChineseFolder folder(impl_->to_simplified.get(), &impl_->han_table, fold_traditional);
  std::u32string folded;
  std::vector<std::uint32_t> begin;  // per folded code point: byte span of its source code point
  std::vector<std::uint32_t> end;
  folded.reserve(range.size());
  begin.reserve(range.size());
  end.reserve(range.size());
  for (std::size_t pos = range.begin; pos < range.end;) {
    const std::size_t start = pos;
    const char32_t cp = utf8::next(text, pos);
    folder.fold(cp, folded);
    begin.resize(folded.size(), static_cast<std::uint32_t>(start));
    end.resize(folded.size(), static_cast<std::uint32_t>(pos));
  }
  {
    std::size_t read = 0;
    std::size_t write = 0;
    drop_spaces_next_to_cjk(folded, [&](std::size_t dropped) {
      if (dropped == std::string::npos) {
        begin[write] = begin[read];
        end[write] = end[read];
        ++write;
      }
      ++read;
    });
    begin.resize(write);
    end.resize(write);
  }
  const Trie& trie = impl_->chinese;
  const std::size_t n = folded.size();
  for (std::size_t i = 0; i < n; ++i) {
    // A form that starts with a Latin letter or digit must not start inside a Latin word (T细胞 in NKT细胞).
    const bool start_inside_word = i > 0 && is_ascii_alnum(folded[i]) && is_ascii_alnum(folded[i - 1]);
    if (start_inside_word) continue;
    std::uint32_t node = 0;
    for (std::size_t j = i; j < n; ++j) {
      node = trie.child(node, static_cast<std::uint32_t>(folded[j]));
      if (node == kNoNode) break;
      const auto [first, last] = trie.payloads(node);
      if (first == last) continue;
      if (j + 1 < n && is_ascii_alnum(folded[j]) && is_ascii_alnum(folded[j + 1])) continue;
      if (begin[i] == end[j]) continue;
      for (const Payload* p = first; p != last; ++p)
        matches.push_back({{begin[i], end[j]}, p->entry, node, p->form, p->side});
    }
  }
  std::stable_sort(matches.begin(), matches.end(), by_start_then_longest);
  return matches;
}

std::vector<TermMatch> TermIndex::find_english(std::string_view text, Span range) const {
  std::vector<TermMatch> matches;
  if (range.end > text.size()) range.end = text.size();
  const std::vector<Token> tokens = tokenize(text, range);
  // Glossary token ids each text token may stand for (flat, with offsets).
  std::vector<std::uint32_t> candidate_ids;
  std::vector<std::uint32_t> candidate_first(tokens.size() + 1, 0);
  std::vector<std::string> candidates;
  for (std::size_t t = 0; t < tokens.size(); ++t) {
    singular_candidates(tokens[t].key, candidates);
    for (const std::string& candidate : candidates) {
      const std::uint32_t id = impl_->find_token(candidate);
      if (id != kNoNode && std::find(candidate_ids.begin() + candidate_first[t], candidate_ids.end(), id) == candidate_ids.end())
        candidate_ids.push_back(id);
    }
    candidate_first[t + 1] = static_cast<std::uint32_t>(candidate_ids.size());
  }
  const Trie& trie = impl_->english;
  auto exact_ok = [&](const Payload& p, std::size_t first_token) {
    if (p.exact == kNoExact) return true;
    const auto& exact = impl_->exact_tokens[p.exact];
    for (std::size_t k = 0; k < exact.size(); ++k) {
      if (exact[k].empty()) continue;
      const Token& token = tokens[first_token + k];
      if (text.substr(token.span.begin, token.span.size()).substr(0, exact[k].size()) != exact[k]) return false;
    }
    return true;
  };
  // Depth-first over the candidates of each token; depth is bounded by the longest term.
  struct Frame {
    std::uint32_t node;
    std::size_t token;
  };
  std::vector<Frame> stack;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    if (tokens[i].hyphen_joined && is_meaning_prefix(tokens[i - 1].key)) continue;  // "small cell" in "non-small cell"
    stack.assign(1, {0, i});
    while (!stack.empty()) {
      const Frame frame = stack.back();
      stack.pop_back();
      const std::size_t t = frame.token;
      for (std::uint32_t c = candidate_first[t]; c < candidate_first[t + 1]; ++c) {
        const std::uint32_t node = trie.child(frame.node, candidate_ids[c]);
        if (node == kNoNode) continue;
        const auto [first, last] = trie.payloads(node);
        for (const Payload* p = first; p != last; ++p)
          if (exact_ok(*p, i))
            matches.push_back({{tokens[i].span.begin, tokens[t].span.end}, p->entry, node, p->form, p->side});
        // A term may not run out of a parenthesised abbreviation into the words after it.
        if (t + 1 < tokens.size() && tokens[t + 1].continues && tokens[t + 1].aside == tokens[t].aside)
          stack.push_back({node, t + 1});
        if (t + 1 < tokens.size() && tokens[t + 1].aside && !tokens[t].aside) {  // step over "(NK)"
          std::size_t u = t + 1;
          while (u < tokens.size() && tokens[u].aside) ++u;
          if (u < tokens.size() && tokens[u].continues) stack.push_back({node, u});
        }
      }
    }
  }
  std::stable_sort(matches.begin(), matches.end(), by_start_then_longest);

  // "regulatory T cells (Treg)": a rendering followed by another rendering of
  // the same entry in parentheses is one occurrence.
  std::vector<bool> absorbed(matches.size(), false);
  for (std::size_t m = 0; m < matches.size(); ++m) {
    if (absorbed[m] || matches[m].side != TermSide::accepted) continue;
    std::size_t pos = matches[m].span.end;
    while (pos < range.end && (text[pos] == ' ')) ++pos;
    std::size_t after = pos;
    const char32_t open = pos < range.end ? utf8::next(text, after) : 0;
    if (open != '(' && open != 0xFF08) continue;
    while (after < range.end && text[after] == ' ') ++after;
    const auto inner = std::lower_bound(matches.begin(), matches.end(), after,
                                        [](const TermMatch& x, std::size_t b) { return x.span.begin < b; });
    for (auto it = inner; it != matches.end() && it->span.begin == after; ++it) {
      if (it->entry != matches[m].entry || it->side != TermSide::accepted) continue;
      std::size_t close = it->span.end;
      while (close < range.end && text[close] == ' ') ++close;
      std::size_t past = close;
      const char32_t c = close < range.end ? utf8::next(text, past) : 0;
      if (c != ')' && c != 0xFF09) continue;
      absorbed[static_cast<std::size_t>(it - matches.begin())] = true;
      matches[m].span.end = past;
      break;
    }
  }
  std::vector<TermMatch> kept;
  kept.reserve(matches.size());
  for (std::size_t m = 0; m < matches.size(); ++m)
    if (!absorbed[m]) kept.push_back(matches[m]);
  std::stable_sort(kept.begin(), kept.end(), by_start_then_longest);
  return kept;
}

std::vector<TermMatch> find_chinese_terms(const Glossary& glossary, std::string_view text, Span range,
                                          bool fold_traditional) {
  if (!glossary.index()) return {};
  return glossary.index()->find_chinese(text, range, fold_traditional);
}

std::vector<TermMatch> find_english_terms(const Glossary& glossary, std::string_view text, Span range) {
  if (!glossary.index()) return {};
  return glossary.index()->find_english(text, range);
}

std::vector<TermMatch> longest_matches(std::vector<TermMatch> matches) {
  std::stable_sort(matches.begin(), matches.end(), by_start_then_longest);
  std::vector<TermMatch> kept;
  std::size_t covered_to = 0;
  for (const TermMatch& m : matches) {
    if (!kept.empty() && m.span.begin < covered_to) {
      // Same span as the kept match: another entry listing the same form.
      if (m.span == kept.back().span) kept.push_back(m);
      continue;
    }
    kept.push_back(m);
    covered_to = m.span.end;
  }
  return kept;
}

bool covered_by_longer(const std::vector<TermMatch>& matches, Span span, TermSide side) {
  return std::any_of(matches.begin(), matches.end(), [&](const TermMatch& m) {
    return m.side == side && m.span.begin <= span.begin && m.span.end >= span.end && m.span.size() > span.size();
  });
}

std::string english_key(std::string_view rendering) {
  std::string key;
  for (const Token& token : tokenize(rendering, {0, rendering.size()})) {
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

std::string TermIndex::chinese_key(std::string_view term) const {
  ChineseFolder folder(impl_->to_simplified.get(), &impl_->han_table, true);
  std::u32string folded;
  for (std::size_t pos = 0; pos < term.size();) folder.fold(utf8::next(term, pos), folded);
  std::string out;
  for (char32_t c : folded) utf8::append(out, c);
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

}  // namespace tc
