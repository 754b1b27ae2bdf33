#include "glossary/match.h"

#include <algorithm>
#include <mutex>
#include <utility>

#include "core/utf8.h"
#include "core/flat_map.h"
#include "glossary/load.h"
#include "glossary/trie.h"
#include "text/ascii.h"
#include "text/chinese_fold.h"

namespace tc {
namespace {

using glossary_index::kNoNode;
constexpr std::uint32_t kNoExact = 0xFFFFFFFFu;

// What a node of the English trie holds for each rendering ending there.
struct Payload {
  std::uint32_t entry = 0;
  std::uint16_t form = 0;
  TermSide side = TermSide::zh;
  std::uint32_t exact = kNoExact;  // index into Impl::exact_tokens for case-sensitive renderings
};

// The Chinese trie's: the side is always zh and the form is never
// case-sensitive, so 8 bytes, not 12 (a payload a form of the glossary).
struct ChinesePayload {
  std::uint32_t entry = 0;
  std::uint16_t form = 0;
};

using Trie = glossary_index::Trie<Payload>;
using ChineseTrie = glossary_index::Trie<ChinesePayload>;

}  // namespace

// ---- the index --------------------------------------------------------------

struct TermIndex::Impl {
  ChineseTrie chinese;
  Trie english;
  // Token -> id, keyed by the token's 64-bit hash: no string copies, and a
  // collision among a few million tokens is vanishingly unlikely (~1e-7).
  FlatMap token_ids;
  std::uint32_t token_count = 0;
  std::vector<TermToken> tokens;  // scratch for add_english
  std::vector<std::vector<std::string>> exact_tokens;  // per case-sensitive rendering: surface token or ""
  TraditionalToSimplified to_simplified;

  static std::uint64_t token_hash(std::string_view key) {
    return FlatMap::key_of(std::hash<std::string_view>{}(key));
  }
  std::uint32_t token_id(std::string_view key) {
    bool inserted = false;
    const std::uint32_t id = token_ids.insert(token_hash(key), token_count, inserted);
    if (inserted) ++token_count;
    return id;
  }
  std::uint32_t find_token(std::string_view key) const { return token_ids.find(token_hash(key)); }

  void add_chinese(ChineseFolder& folder, std::u32string& buffer, std::string_view form, const ChinesePayload& payload) {
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
    tokenize_terms(form, {0, form.size()}, tokens);  // reuses the buffer: no allocation per entry
    if (tokens.empty()) return;
    std::uint32_t node = 0;
    for (const TermToken& token : tokens) node = english.add_child(node, token_id(token.key));
    if (case_sensitive) {
      std::vector<std::string> exact;
      bool any_upper = false;
      for (const TermToken& token : tokens) {
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

// A form's index in its cell is 16-bit; parse_glossary refuses bigger cells.
constexpr std::size_t kMaxFormsPerCell = 0xFFFF;
static_assert(kMaxItemsPerCell < kMaxFormsPerCell);

TermIndex::TermIndex(const GlossaryEntries& entries) : impl_(std::make_unique<Impl>()) {
  // The tries grow as they fill: a guess of their size up front took several
  // times what a glossary of short or shared forms needs. Each is finished
  // before the next is filled, so that only one holds its payloads twice.
  // Entries built in code bypass the limits of parse_glossary: forms past the
  // 16-bit range are left out of the index rather than wrapping the counter.
  std::size_t chinese_forms = 0;
  std::size_t english_forms = 0;  // "X (Y)" adds one more: rare
  for (const GlossaryEntryView entry : entries) {
    chinese_forms += std::min<std::size_t>(entry.zh.size(), kMaxFormsPerCell);
    english_forms += 1 + std::min<std::size_t>(entry.variants.size(), kMaxFormsPerCell - 1) +
                     std::min<std::size_t>(entry.forbidden.size(), kMaxFormsPerCell);
  }
  impl_->chinese.reserve_payloads(chinese_forms);
  ChineseFolder folder(&impl_->to_simplified);
  std::u32string buffer;
  for (std::uint32_t e = 0; e < entries.size(); ++e) {
    const FormList zh = entries[e].zh;
    const std::size_t zh_forms = std::min<std::size_t>(zh.size(), kMaxFormsPerCell);
    for (std::size_t f = 0; f < zh_forms; ++f)
      impl_->add_chinese(folder, buffer, zh[f], {e, static_cast<std::uint16_t>(f)});
  }
  impl_->chinese.finish();
  impl_->english.reserve_payloads(english_forms);
  for (std::uint32_t e = 0; e < entries.size(); ++e) {
    const GlossaryEntryView entry = entries[e];
    const std::size_t variant_forms = std::min<std::size_t>(entry.variants.size(), kMaxFormsPerCell - 1);
    const std::size_t forbidden_forms = std::min<std::size_t>(entry.forbidden.size(), kMaxFormsPerCell);
    impl_->add_rendering(entry.en, entry.case_sensitive, {e, 0, TermSide::accepted, kNoExact});
    for (std::size_t f = 0; f < variant_forms; ++f)
      impl_->add_rendering(entry.variants[f], entry.case_sensitive,
                           {e, static_cast<std::uint16_t>(f + 1), TermSide::accepted, kNoExact});
    for (std::size_t f = 0; f < forbidden_forms; ++f)
      impl_->add_rendering(entry.forbidden[f], entry.case_sensitive,
                           {e, static_cast<std::uint16_t>(f), TermSide::forbidden, kNoExact});
  }
  impl_->english.finish();
}

TermIndex::~TermIndex() = default;

namespace {

bool by_start_then_longest(const TermMatch& a, const TermMatch& b) {
  if (a.span.begin != b.span.begin) return a.span.begin < b.span.begin;
  return a.span.end > b.span.end;
}

}  // namespace

std::vector<TermMatch> TermIndex::find_chinese_in(std::string_view text, Span range, bool fold_traditional,
                                                  std::size_t limit) const {
  std::vector<TermMatch> matches;
  if (range.end > text.size()) range.end = text.size();
  ChineseFolder folder(fold_traditional ? &impl_->to_simplified : nullptr);
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
  const ChineseTrie& trie = impl_->chinese;
  const std::size_t n = folded.size();
  for (std::size_t i = 0; i < n && matches.size() < limit; ++i) {
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
      for (const ChinesePayload* p = first; p != last && matches.size() < limit; ++p)
        matches.push_back({{begin[i], end[j]}, p->entry, node, p->form, TermSide::zh});
    }
  }
  std::stable_sort(matches.begin(), matches.end(), by_start_then_longest);
  return matches;
}

std::vector<TermMatch> TermIndex::find_english_in(std::string_view text, Span range, std::size_t limit,
                                                  std::vector<TermMatch>* absorbed_out) const {
  std::vector<TermMatch> matches;
  if (range.end > text.size()) range.end = text.size();
  const std::vector<TermToken> tokens = tokenize_terms(text, range);
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
      const TermToken& token = tokens[first_token + k];
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
  for (std::size_t i = 0; i < tokens.size() && matches.size() < limit; ++i) {
    if (i > 0 && tokens[i].hyphen_joined && is_meaning_prefix(tokens[i - 1].key)) continue;  // "small cell" in "non-small cell"
    stack.assign(1, {0, i});
    while (!stack.empty()) {
      const Frame frame = stack.back();
      stack.pop_back();
      const std::size_t t = frame.token;
      for (std::uint32_t c = candidate_first[t]; c < candidate_first[t + 1]; ++c) {
        const std::uint32_t node = trie.child(frame.node, candidate_ids[c]);
        if (node == kNoNode) continue;
        const auto [first, last] = trie.payloads(node);
        for (const Payload* p = first; p != last && matches.size() < limit; ++p)
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
  // the same entry in parentheses is one occurrence. The accepted matches by
  // start and entry, so that each finds its entry's matches at a start at once.
  std::vector<std::uint32_t> accepted;
  for (std::size_t m = 0; m < matches.size(); ++m)
    if (matches[m].side == TermSide::accepted) accepted.push_back(static_cast<std::uint32_t>(m));
  const auto start_entry = [&](std::uint32_t m) { return std::pair(matches[m].span.begin, matches[m].entry); };
  std::stable_sort(accepted.begin(), accepted.end(),
                   [&](std::uint32_t a, std::uint32_t b) { return start_entry(a) < start_entry(b); });
  std::vector<bool> absorbed(matches.size(), false);
  for (std::size_t m = 0; m < matches.size(); ++m) {
    if (absorbed[m] || matches[m].side != TermSide::accepted) continue;
    std::size_t pos = matches[m].span.end;
    while (pos < range.end && (text[pos] == ' ')) ++pos;
    std::size_t after = pos;
    const char32_t open = pos < range.end ? utf8::next(text, after) : 0;
    if (open != '(' && open != 0xFF08) continue;
    while (after < range.end && text[after] == ' ') ++after;
    const std::pair key(after, matches[m].entry);
    auto it = std::lower_bound(accepted.begin(), accepted.end(), key,
                               [&](std::uint32_t a, const auto& k) { return start_entry(a) < k; });
    for (; it != accepted.end() && start_entry(*it) == key; ++it) {
      const TermMatch& candidate = matches[*it];
      std::size_t close = candidate.span.end;
      while (close < range.end && text[close] == ' ') ++close;
      std::size_t past = close;
      const char32_t c = close < range.end ? utf8::next(text, past) : 0;
      if (c != ')' && c != 0xFF09) continue;
      absorbed[*it] = true;
      if (absorbed_out) absorbed_out->push_back(candidate);
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

namespace {

// Where the chunk from start ends, in the last half of chunk_bytes: at a line
// start, or else a word start, or else between two characters outside ASCII
// (Chinese); never next to a hyphen ("non-small") nor inside a Latin word, so
// that a chunk's first token is read as the whole text's would be there.
std::size_t chunk_end(std::string_view text, std::size_t start, std::size_t end, std::size_t chunk_bytes) {
  if (end - start <= chunk_bytes + kTermOverlapBytes) return end;
  const std::size_t target = start + chunk_bytes, earliest = start + chunk_bytes / 2 + 1;
  const auto byte = [&](std::size_t pos) { return static_cast<unsigned char>(text[pos]); };
  // A token after a hyphen is read as hyphened to the one before ("non-small").
  const auto next_to_hyphen = [&](std::size_t pos) {
    std::size_t before = pos;
    while (before > start && (text[before - 1] == ' ' || text[before - 1] == '\t' || text[before - 1] == '\n')) --before;
    return text[pos] == '-' || (before > start && text[before - 1] == '-');
  };
  for (const char after : {'\n', ' '})
    for (std::size_t pos = target; pos >= earliest; --pos)
      if (text[pos - 1] == after && !next_to_hyphen(pos)) return pos;
  for (std::size_t pos = target; pos >= earliest; --pos)
    if (byte(pos - 1) >= 0x80 && byte(pos) >= 0xC0 && !next_to_hyphen(pos)) return pos;
  for (std::size_t pos = target; pos >= earliest; --pos)
    if ((byte(pos) & 0xC0) != 0x80 && !next_to_hyphen(pos) &&
        !((is_ascii_alnum(byte(pos - 1)) || byte(pos - 1) >= 0x80) && is_ascii_alnum(byte(pos))))  // nor after ‐
      return pos;
  // None of those (half a chunk of one word): any character start.
  std::size_t pos = target;
  while ((byte(pos) & 0xC0) == 0x80) ++pos;
  return pos;
}

// The matches of search over range, chunk by chunk: each chunk is searched
// with the overlap after it, and keeps the matches that start in it. What a
// chunk's "X (Y)" took in past its end is not found again by the next one.
template <class Search>
std::vector<TermMatch> by_chunks(std::string_view text, Span range, std::size_t limit, std::size_t chunk_bytes,
                                 Search search) {
  if (range.end > text.size()) range.end = text.size();
  chunk_bytes = std::max<std::size_t>(chunk_bytes, 2);
  if (range.size() <= chunk_bytes + kTermOverlapBytes) return search(range, limit, nullptr);
  std::vector<TermMatch> matches, absorbed, taken;  // taken: absorbed by the chunk before, past its end
  const auto same = [](const TermMatch& a, const TermMatch& b) {
    return a.span == b.span && a.entry == b.entry && a.form == b.form && a.side == b.side;
  };
  for (std::size_t start = range.begin; start < range.end && matches.size() < limit;) {
    const std::size_t end = chunk_end(text, start, range.end, chunk_bytes);
    absorbed.clear();
    const std::vector<TermMatch> found =
        search(Span{start, std::min(range.end, end + kTermOverlapBytes)}, limit - matches.size(), &absorbed);
    for (const TermMatch& m : found) {
      if (m.span.begin >= end) break;  // found is in order of start
      if (std::any_of(taken.begin(), taken.end(), [&](const TermMatch& t) { return same(t, m); })) continue;
      matches.push_back(m);
    }
    taken.clear();
    for (const TermMatch& m : absorbed)
      if (m.span.begin >= end) taken.push_back(m);
    start = end;
  }
  return matches;
}

}  // namespace

std::vector<TermMatch> TermIndex::find_chinese(std::string_view text, Span range, bool fold_traditional,
                                               std::size_t limit, std::size_t chunk_bytes) const {
  return by_chunks(text, range, limit, chunk_bytes, [&](Span chunk, std::size_t left, std::vector<TermMatch>*) {
    return find_chinese_in(text, chunk, fold_traditional, left);
  });
}

std::vector<TermMatch> TermIndex::find_english(std::string_view text, Span range, std::size_t limit,
                                               std::size_t chunk_bytes) const {
  return by_chunks(text, range, limit, chunk_bytes, [&](Span chunk, std::size_t left, std::vector<TermMatch>* absorbed) {
    return find_english_in(text, chunk, left, absorbed);
  });
}

std::vector<TermMatch> find_chinese_terms(const Glossary& glossary, std::string_view text, Span range,
                                          bool fold_traditional, std::size_t limit) {
  if (!glossary.index()) return {};
  return glossary.index()->find_chinese(text, range, fold_traditional, limit);
}

std::vector<TermMatch> find_english_terms(const Glossary& glossary, std::string_view text, Span range,
                                          std::size_t limit) {
  if (!glossary.index()) return {};
  return glossary.index()->find_english(text, range, limit);
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

LongerMatches::LongerMatches(const std::vector<TermMatch>& matches, TermSide side) {
  for (const TermMatch& m : matches)
    if (m.side == side) spans_.push_back(m.span);
  std::sort(spans_.begin(), spans_.end(), [](Span a, Span b) { return a.begin != b.begin ? a.begin < b.begin : a.end > b.end; });
  max_end_.resize(spans_.size() + 1, 0);
  for (std::size_t k = 0; k < spans_.size(); ++k) max_end_[k + 1] = std::max(max_end_[k], spans_[k].end);
}

bool LongerMatches::cover(Span span) const {
  const auto first_here = std::lower_bound(spans_.begin(), spans_.end(), span.begin,
                                           [](Span s, std::size_t begin) { return s.begin < begin; });
  const std::size_t before = static_cast<std::size_t>(first_here - spans_.begin());
  // One starting earlier reaching as far is longer; of those starting here, the longest comes first.
  if (max_end_[before] >= span.end && before > 0) return true;
  return first_here != spans_.end() && first_here->begin == span.begin && first_here->end > span.end;
}

std::string TermIndex::chinese_key(std::string_view term) const {
  ChineseFolder folder(&impl_->to_simplified);
  std::u32string folded;
  for (std::size_t pos = 0; pos < term.size();) folder.fold(utf8::next(term, pos), folded);
  std::string out;
  for (char32_t c : folded) utf8::append(out, c);
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

// ---- Glossary's lazily built index ---------------------------------------------
// Defined beside the index so that the glossary itself needs nothing from it.

struct Glossary::LazyIndex {
  std::once_flag built;
  std::unique_ptr<const TermIndex> index;
  std::once_flag words_gathered;
  std::unique_ptr<const GlossaryWords> words;
};

void Glossary::build_index() { index_ = std::make_shared<LazyIndex>(); }

const TermIndex* Glossary::index() const {
  if (!index_) return nullptr;
  std::call_once(index_->built, [this] { index_->index = std::make_unique<const TermIndex>(entries); });
  return index_->index.get();
}

const GlossaryWords* Glossary::english_words() const {
  if (!index_) return nullptr;
  std::call_once(index_->words_gathered, [this] { index_->words = std::make_unique<const GlossaryWords>(entries); });
  return index_->words.get();
}

}  // namespace tc
