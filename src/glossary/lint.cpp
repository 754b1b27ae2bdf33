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

// The hash of an English key as a FlatMap key.
std::uint64_t key_hash(const std::string& key) {
  return FlatMap::key_of(std::hash<std::string>{}(key));
}

void check_forbidden(const GlossaryEntry& entry, std::size_t line, std::vector<GlossaryProblem>& out) {
  if (entry.forbidden.empty()) return;
  // Keyed once, so a row of thousands of renderings stays linear: the first
  // accepted rendering (en, then the variants) of each key, found through the
  // key's hash and told apart from another key of the same hash by its text.
  auto accepted = [&](std::uint32_t i) -> const std::string& { return i == 0 ? entry.en : entry.variants[i - 1]; };
  const auto count = static_cast<std::uint32_t>(entry.variants.size() + 1);
  FlatMap first_by_hash;
  std::unordered_map<std::string, std::uint32_t> collided;
  for (std::uint32_t i = entry.en.empty() ? 1 : 0; i < count; ++i) {
    std::string key = english_key(accepted(i));
    bool inserted = false;
    const std::uint32_t first = first_by_hash.insert(key_hash(key), i, inserted);
    if (!inserted && english_key(accepted(first)) != key) collided.try_emplace(std::move(key), i);
  }
  for (const std::string& forbidden : entry.forbidden) {
    const std::string key = english_key(forbidden);
    const std::uint32_t first = first_by_hash.find(key_hash(key));
    if (first == FlatMap::kNoValue) continue;
    const std::string* rendering = &accepted(first);
    if (english_key(*rendering) != key) {
      const auto found = collided.find(key);
      if (found == collided.end()) continue;
      rendering = &accepted(found->second);
    }
    out.push_back({line, "forbidden rendering " + quoted(forbidden) + " is also accepted (" + quoted(*rendering) + ")", false});
  }
}

// A row a key was first seen in: its line and its English rendering.
struct Seen {
  std::size_t line;
  std::string_view en;
};

// The first row each Chinese key was seen in. Keyed by the key's hash in a
// flat map, with the key and the row's rendering kept in one string (the
// entries are not held: lint reads them one at a time): a string map held a
// node of some 90 bytes for every form of a large glossary. A different key
// with the same hash is kept apart by its text.
class FirstRows {
 public:
  // The row key was first seen in, or none: then the row at line, whose
  // rendering is en, becomes the first.
  std::optional<Seen> find_or_add(const std::string& key, std::size_t line, std::string_view en) {
    const std::uint64_t hash = key_hash(key);
    bool inserted = false;
    const std::uint32_t index = by_hash_.insert(hash, static_cast<std::uint32_t>(firsts_.size()), inserted);
    if (inserted) {
      firsts_.push_back(keep(key, line, en));
      return std::nullopt;
    }
    const First& first = firsts_[index];
    if (key_of(first) == key) return seen(first);
    const auto [it, added] = collided_.try_emplace(key, First{});
    if (added) {
      it->second = keep(key, line, en);
      return std::nullopt;
    }
    return seen(it->second);
  }

 private:
  struct First {
    std::size_t at = 0;  // of the key in texts_, the rendering after it
    std::uint32_t key_size = 0;
    std::uint32_t en_size = 0;
    std::size_t line = 0;
  };
  First keep(std::string_view key, std::size_t line, std::string_view en) {
    First first{texts_.size(), static_cast<std::uint32_t>(key.size()), static_cast<std::uint32_t>(en.size()), line};
    texts_.append(key);
    texts_.append(en);
    return first;
  }
  std::string_view key_of(const First& first) const { return std::string_view(texts_).substr(first.at, first.key_size); }
  Seen seen(const First& first) const {
    return {first.line, std::string_view(texts_).substr(first.at + first.key_size, first.en_size)};
  }
  FlatMap by_hash_;
  std::vector<First> firsts_;
  std::string texts_;
  std::unordered_map<std::string, First> collided_;
};

// Lints entries one at a time, in file order.
class Linter {
 public:
  explicit Linter(std::vector<GlossaryProblem>& problems) : problems_(problems), normaliser_({}) {}

  void add(const GlossaryEntry& entry, std::size_t line) {
    std::vector<GlossaryProblem>& problems = problems_;
    check_cells(entry, line, problems);
    check_forbidden(entry, line, problems);
    const std::string en_key = english_key(entry.en);
    auto compare = [&](const Seen& seen, const std::string& what) {
      if (english_key(seen.en) == en_key)
        problems.push_back({line, "duplicate entry for " + quoted(what) + " (first on line " + std::to_string(seen.line) + ")", false});
      else
        problems.push_back({line, "conflicting entry: " + quoted(what) + " is " + quoted(entry.en) + " here but " +
                                      quoted(std::string(seen.en)) + " on line " + std::to_string(seen.line),
                            false});
    };
    std::unordered_set<std::string> keys;
    for (const std::string& zh : entry.zh) {
      std::string key = normaliser_.chinese_key(zh);
      if (!keys.insert(key).second) {
        problems.push_back({line, quoted(zh) + " is listed twice in the row", false});
        continue;
      }
      if (const std::optional<Seen> seen = by_chinese_.find_or_add(key, line, entry.en)) compare(*seen, zh);
    }
    if (entry.zh.empty() && !entry.en.empty()) {
      // The key is the rendering's: an earlier row with it is a duplicate.
      const auto [it, inserted] = by_house_rendering_.try_emplace(en_key, line);
      if (!inserted) compare(Seen{it->second, entry.en}, entry.en);
    }
  }

 private:
  std::vector<GlossaryProblem>& problems_;
  // The index is only borrowed for its Chinese normalisation (full-width, Traditional).
  const TermIndex normaliser_;
  FirstRows by_chinese_;
  std::unordered_map<std::string, std::size_t> by_house_rendering_;  // line of the first row
};

void sort_by_line(std::vector<GlossaryProblem>& problems) {
  std::stable_sort(problems.begin(), problems.end(),
                   [](const GlossaryProblem& a, const GlossaryProblem& b) { return a.line < b.line; });
}

}  // namespace

std::vector<GlossaryProblem> lint_glossary(const GlossaryFile& file) {
  std::vector<GlossaryProblem> problems = file.problems;
  Linter linter(problems);
  for (std::size_t i = 0; i < file.entries.size(); ++i) linter.add(file.entries[i], file.lines[i]);
  sort_by_line(problems);
  return problems;
}

std::vector<GlossaryProblem> lint_glossary(const std::string& path, std::string_view bytes) {
  // The entries' problems are found as they are read, and go after the
  // file's own (which parse_glossary gives when it ends), as for a parsed file.
  std::vector<GlossaryProblem> entry_problems;
  Linter linter(entry_problems);
  GlossaryFile file = parse_glossary(path, bytes, [&](GlossaryEntry&& entry, std::size_t line) {
    const GlossaryEntry taken = std::move(entry);  // freed once linted
    linter.add(taken, line);
  });
  std::vector<GlossaryProblem> problems = std::move(file.problems);
  problems.insert(problems.end(), std::make_move_iterator(entry_problems.begin()),
                  std::make_move_iterator(entry_problems.end()));
  sort_by_line(problems);
  return problems;
}

}  // namespace tc
