#pragma once
// Finding glossary terms in text. The TermIndex is built once per Glossary
// (Glossary::build_index) and holds two tries: one over normalised Chinese
// code points, one over canonical English tokens. A search walks the trie
// from each start position, so its cost depends on the text and on the
// longest term, never on how many entries the glossary holds.
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/document.h"
#include "glossary/glossary.h"
#include "text/english_terms.h"  // english_key, for the callers that compare renderings

namespace tc {

enum class TermSide : std::uint8_t {
  zh,         // a Chinese form (GlossaryEntry::zh)
  accepted,   // an accepted English rendering (en or a variant)
  forbidden,  // a forbidden English rendering
};

struct TermMatch {
  Span span;                   // bytes in the searched text
  std::uint32_t entry = 0;     // index into Glossary::entries
  std::uint32_t rendering = 0; // same value for the same normalised form, whichever entry lists it
  std::uint16_t form = 0;      // zh: index into zh; accepted: 0 = en, i = variants[i - 1]; forbidden: index
  TermSide side = TermSide::zh;
};

inline constexpr std::size_t kNoMatchLimit = static_cast<std::size_t>(-1);

// The most term matches kept for one document (each side of a pair): real
// text holds far fewer than one per eight bytes (medical Chinese against the
// bundled glossary: one per 24 bytes), but a repetitive text against nested
// forms ("a", "a a", "a a a", ...) or a form many entries share has one per
// start, form and entry, and the rules' work and memory grow with them.
// Matching stops there, and the terminology rules say where.
inline constexpr std::size_t term_match_limit(std::size_t text_bytes) { return 65536 + text_bytes / 8; }

// A long text is searched a chunk at a time (cut at a line or word start, or
// between two Chinese characters), each chunk with the next kTermOverlapBytes,
// which hold the rest of any term starting in it: the search's token and
// folded-text arrays (tens of bytes a character) stay a chunk long, not the
// document's.
inline constexpr std::size_t kTermChunkBytes = 1 << 16;
inline constexpr std::size_t kTermOverlapBytes = 4096;

class TermIndex {
 public:
  explicit TermIndex(const GlossaryEntries& entries);
  ~TermIndex();
  TermIndex(const TermIndex&) = delete;
  TermIndex& operator=(const TermIndex&) = delete;

  // Every occurrence of a Chinese form in text[range], nested ones included,
  // ordered by start then longest first. Text is compared after NFKC, width
  // and ASCII case folding, and (fold_traditional) Traditional->Simplified.
  // At most limit matches: the search stops at the limit-th (see
  // term_match_limit). chunk_bytes: see kTermChunkBytes (tests set it small).
  std::vector<TermMatch> find_chinese(std::string_view text, Span range, bool fold_traditional = true,
                                      std::size_t limit = kNoMatchLimit,
                                      std::size_t chunk_bytes = kTermChunkBytes) const;
  // Every occurrence of an accepted or forbidden English rendering, token by
  // token: case-insensitive unless the entry is case-sensitive, plurals and
  // possessives, hyphen or space, UK or US spelling. "X (Y)" where X and Y
  // both render the same entry is one match. At most limit matches, as above.
  std::vector<TermMatch> find_english(std::string_view text, Span range, std::size_t limit = kNoMatchLimit,
                                      std::size_t chunk_bytes = kTermChunkBytes) const;
  // The normalised form of a Chinese term as the index compares it (Simplified).
  std::string chinese_key(std::string_view term) const;

 private:
  // The searches over one chunk (its whole range).
  std::vector<TermMatch> find_chinese_in(std::string_view text, Span range, bool fold_traditional,
                                         std::size_t limit) const;
  // absorbed: where to put the "(Y)" matches that "X (Y)" took in, if wanted.
  std::vector<TermMatch> find_english_in(std::string_view text, Span range, std::size_t limit,
                                         std::vector<TermMatch>* absorbed = nullptr) const;

  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Convenience over glossary.index(); empty when the glossary has no index.
std::vector<TermMatch> find_chinese_terms(const Glossary& glossary, std::string_view text, Span range,
                                          bool fold_traditional = true, std::size_t limit = kNoMatchLimit);
std::vector<TermMatch> find_english_terms(const Glossary& glossary, std::string_view text, Span range,
                                          std::size_t limit = kNoMatchLimit);

// The leftmost-longest, non-overlapping matches among `matches` (so 自身免疫力
// wins over 自身免疫), in text order.
std::vector<TermMatch> longest_matches(std::vector<TermMatch> matches);

// Whether a longer match of one side covers a span (it is nested in it),
// answered by binary search: the rules ask it of every match of a bead.
class LongerMatches {
 public:
  LongerMatches(const std::vector<TermMatch>& matches, TermSide side);
  // True when some match of the side covers span and is longer.
  bool cover(Span span) const;

 private:
  std::vector<Span> spans_;          // by begin, then end descending
  std::vector<std::size_t> max_end_;  // [k]: the furthest end among spans_[0, k)
};

}  // namespace tc
