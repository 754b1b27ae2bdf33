#pragma once
// A terminology glossary. Loaded by glossary/load.h; its term index (built
// once, on first use) is matched through glossary/match.h.
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
  // Where it came from: the file, one string shared by the file's entries
  // (a string per entry was a fifth of a large glossary's memory), and the line.
  std::shared_ptr<const std::string> origin_file;
  std::size_t origin_line = 0;

  // "file:line" it came from.
  std::string origin() const;

  // Accepted English renderings: en first, then the variants.
  std::vector<std::string> accepted() const;
};

class TermIndex;  // glossary/match.h

class Glossary {
 public:
  std::vector<GlossaryEntry> entries;

  // Asks for the term index over entries; load_glossaries() calls it. Call it
  // again after changing entries. Matching an unindexed glossary finds nothing.
  void build_index();
  // Null until build_index(). The index is built on the first call (once,
  // thread-safe), so a run whose rules match no terms does not pay for it.
  // Shared so that copies of a glossary share it.
  const TermIndex* index() const;

 private:
  struct LazyIndex;
  std::shared_ptr<LazyIndex> index_;
};

}  // namespace tc
