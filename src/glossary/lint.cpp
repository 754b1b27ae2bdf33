#include "glossary/lint.h"

#include <algorithm>
#include <unordered_map>

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
  const std::vector<std::string> accepted = entry.accepted();
  for (const std::string& forbidden : entry.forbidden) {
    const std::string key = english_key(forbidden);
    for (const std::string& rendering : accepted)
      if (english_key(rendering) == key)
        out.push_back({line, "forbidden rendering " + quoted(forbidden) + " is also accepted (" + quoted(rendering) + ")", false});
  }
}

struct Seen {
  std::size_t line;
  std::size_t entry;
};

}  // namespace

std::vector<GlossaryProblem> lint_glossary(const GlossaryFile& file) {
  std::vector<GlossaryProblem> problems = file.problems;
  // The index is only borrowed for its Chinese normalisation (full-width, Traditional).
  const TermIndex normaliser({});
  std::unordered_map<std::string, Seen> by_chinese;
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
    std::vector<std::string> keys;
    for (const std::string& zh : entry.zh) {
      std::string key = normaliser.chinese_key(zh);
      if (std::find(keys.begin(), keys.end(), key) != keys.end()) {
        problems.push_back({line, quoted(zh) + " is listed twice in the row", false});
        continue;
      }
      keys.push_back(key);
      const auto [it, inserted] = by_chinese.try_emplace(key, Seen{line, i});
      if (!inserted) compare(it->second, zh);
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
