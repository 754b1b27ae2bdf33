#pragma once
// A terminology glossary. Loaded by glossary/load.h; its term index (built
// once, at load) is matched through glossary/match.h.
#include <memory>
#include <string>
#include <vector>

namespace tc {

struct GlossaryEntry {
  std::vector<std::string> zh;         // Chinese forms; empty: a house-style entry (forbidden anywhere)
  std::string en;                      // preferred English
  std::vector<std::string> variants;   // other accepted English renderings
  std::vector<std::string> forbidden;  // renderings that must not be used
  std::string note;
  bool case_sensitive = false;
  std::string origin;                  // "file:line" it came from

  // Accepted English renderings: en first, then the variants.
  std::vector<std::string> accepted() const;
};

class TermIndex;  // glossary/match.h

class Glossary {
 public:
  std::vector<GlossaryEntry> entries;

  // Builds the term index over entries; load_glossaries() calls it. Call it
  // again after changing entries. Matching an unindexed glossary finds nothing.
  void build_index();
  // Null until build_index(). Shared so that copies of a glossary share it.
  const TermIndex* index() const { return index_.get(); }

 private:
  std::shared_ptr<const TermIndex> index_;
};

}  // namespace tc
