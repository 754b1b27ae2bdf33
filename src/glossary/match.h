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

class TermIndex {
 public:
  explicit TermIndex(const std::vector<GlossaryEntry>& entries);
  ~TermIndex();
  TermIndex(const TermIndex&) = delete;
  TermIndex& operator=(const TermIndex&) = delete;

  // Every occurrence of a Chinese form in text[range], nested ones included,
  // ordered by start then longest first. Text is compared after NFKC, width
  // and ASCII case folding, and (fold_traditional) Traditional->Simplified.
  std::vector<TermMatch> find_chinese(std::string_view text, Span range, bool fold_traditional = true) const;
  // Every occurrence of an accepted or forbidden English rendering, token by
  // token: case-insensitive unless the entry is case-sensitive, plurals and
  // possessives, hyphen or space, UK or US spelling. "X (Y)" where X and Y
  // both render the same entry is one match.
  std::vector<TermMatch> find_english(std::string_view text, Span range) const;
  // The normalised form of a Chinese term as the index compares it (Simplified).
  std::string chinese_key(std::string_view term) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Convenience over glossary.index(); empty when the glossary has no index.
std::vector<TermMatch> find_chinese_terms(const Glossary& glossary, std::string_view text, Span range,
                                          bool fold_traditional = true);
std::vector<TermMatch> find_english_terms(const Glossary& glossary, std::string_view text, Span range);

// The leftmost-longest, non-overlapping matches among `matches` (so 自身免疫力
// wins over 自身免疫), in text order.
std::vector<TermMatch> longest_matches(std::vector<TermMatch> matches);

// True when some match in `matches` of side `side` covers `span` and is longer.
bool covered_by_longer(const std::vector<TermMatch>& matches, Span span, TermSide side);

}  // namespace tc
