#include "glossary/lint.h"

#include <algorithm>
#include <cstdint>
#include <functional>
#include <optional>
#include <unordered_map>
#include <unordered_set>

#include "core/flat_map.h"
#include "glossary/match.h"

namespace tc {
namespace {

std::string quoted(const std::string& s) { return "'" + s + "'"; }

void check_cells(const GlossaryEntry& entry, std::size_t line, std::vector<GlossaryProblem>& out) {
  if (entry.zh.empty() && entry.en.empty() && entry.forbidden.empty()) {
    out.push_back({line, "empty row: no zh, en or forbidden cell", false});
    return;
  }
  if (entry.en.empty() && !entry.zh.empty()) out.push_back({line, "empty 'en' cell for " + quoted(entry.zh.front()), false});
  if (entry.zh.empty() && entry.forbidden.empty())
    out.push_back({line, "empty 'zh' cell and no forbidden rendering: the row checks nothing", false});
}

void check_forbidden(const GlossaryEntry& entry, std::size_t line, std::vector<GlossaryProblem>& out) {
  // Keyed once, so a row of thousands of renderings stays linear.
  std::unordered_map<std::string, const std::string*> accepted_by_key;
  const std::vector<std::string> accepted = entry.accepted();
  for (const std::string& rendering : accepted) accepted_by_key.try_emplace(english_key(rendering), &rendering);
  for (const std::string& forbidden : entry.forbidden) {
    const auto found = accepted_by_key.find(english_key(forbidden));
    if (found != accepted_by_key.end())
      out.push_back({line, "forbidden rendering " + quoted(forbidden) + " is also accepted (" + quoted(*found->second) + ")", false});
  }
}

struct Seen {
  std::size_t line;
  std::size_t entry;
};

// The first row each Chinese key was seen in. Keyed by the key's hash in a
// flat map, the key itself recomputed from that row on a hit (duplicates are
// rare): a string map held a node of some 90 bytes for every form of a large
// glossary. A different key with the same hash is kept apart by its text.
class FirstRows {
 public:
  FirstRows(const GlossaryFile& file, const TermIndex& normaliser) : file_(file), normaliser_(normaliser) {}
  // The row key was first seen in, or none: then `here` (item `item` of its
  // zh cell) becomes the first.
  std::optional<Seen> find_or_add(const std::string& key, Seen here, std::size_t item) {
    std::uint64_t hash = std::hash<std::string>{}(key);
    if (hash == FlatMap::kEmptyKey) --hash;
    bool inserted = false;
    const std::uint32_t index = by_hash_.insert(hash, static_cast<std::uint32_t>(firsts_.size()), inserted);
    if (inserted) {
      firsts_.push_back({here, item});
      return std::nullopt;
    }
    const First& first = firsts_[index];
    if (normaliser_.chinese_key(file_.entries[first.seen.entry].zh[first.item]) == key) return first.seen;
    const auto [it, added] = collided_.try_emplace(key, here);
    if (added) return std::nullopt;
    return it->second;
  }

 private:
  struct First {
    Seen seen;
    std::size_t item;
  };
  const GlossaryFile& file_;
  const TermIndex& normaliser_;
  FlatMap by_hash_;
  std::vector<First> firsts_;
  std::unordered_map<std::string, Seen> collided_;
};

}  // namespace

std::vector<GlossaryProblem> lint_glossary(const GlossaryFile& file) {
  std::vector<GlossaryProblem> problems = file.problems;
  // The index is only borrowed for its Chinese normalisation (full-width, Traditional).
  const TermIndex normaliser({});
  FirstRows by_chinese(file, normaliser);
  std::unordered_map<std::string, Seen> by_house_rendering;
  for (std::size_t i = 0; i < file.entries.size(); ++i) {
    const GlossaryEntry& entry = file.entries[i];
    const std::size_t line = file.lines[i];
    check_cells(entry, line, problems);
    check_forbidden(entry, line, problems);
    const std::string en_key = english_key(entry.en);
    auto compare = [&](const Seen& seen, const std::string& what) {
      const GlossaryEntry& earlier = file.entries[seen.entry];
      if (english_key(earlier.en) == en_key)
        problems.push_back({line, "duplicate entry for " + quoted(what) + " (first on line " + std::to_string(seen.line) + ")", false});
      else
        problems.push_back({line, "conflicting entry: " + quoted(what) + " is " + quoted(entry.en) + " here but " +
                                      quoted(earlier.en) + " on line " + std::to_string(seen.line),
                            false});
    };
    std::unordered_set<std::string> keys;
    for (std::size_t item = 0; item < entry.zh.size(); ++item) {
      const std::string& zh = entry.zh[item];
      std::string key = normaliser.chinese_key(zh);
      if (!keys.insert(key).second) {
        problems.push_back({line, quoted(zh) + " is listed twice in the row", false});
        continue;
      }
      if (const std::optional<Seen> seen = by_chinese.find_or_add(key, Seen{line, i}, item)) compare(*seen, zh);
    }
    if (entry.zh.empty() && !entry.en.empty()) {
      const auto [it, inserted] = by_house_rendering.try_emplace(en_key, Seen{line, i});
      if (!inserted) compare(it->second, entry.en);
    }
  }
  std::stable_sort(problems.begin(), problems.end(),
                   [](const GlossaryProblem& a, const GlossaryProblem& b) { return a.line < b.line; });
  return problems;
}

}  // namespace tc
