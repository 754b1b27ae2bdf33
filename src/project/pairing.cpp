#include "project/pairing.h"

#include <algorithm>
#include <map>
#include <set>
#include <string_view>

namespace tc {
namespace {

using Captures = std::vector<std::string>;

std::vector<std::string> sorted_unique(std::vector<std::string> files) {
  std::sort(files.begin(), files.end());
  files.erase(std::unique(files.begin(), files.end()), files.end());
  return files;
}

// The files a glob matches, by what its wildcards captured. A capture tuple
// and the glob's fixed text spell the path, so each tuple names one file.
std::map<Captures, std::string> by_captures(const Glob& glob, const std::vector<std::string>& files,
                                            const std::set<std::string, std::less<>>& taken) {
  std::map<Captures, std::string> found;
  for (const auto& file : files) {
    if (taken.contains(file)) continue;
    const auto captures = glob.match(file);
    if (!captures) continue;
    found.emplace(Captures(captures->begin(), captures->end()), file);
  }
  return found;
}

}  // namespace

Pairing pair_files(const std::vector<std::string>& files_in, const std::vector<PairRule>& rules) {
  const std::vector<std::string> files = sorted_unique(files_in);
  Pairing result;
  std::set<std::string, std::less<>> paired;
  std::set<std::string, std::less<>> seen_as_source;
  std::set<std::string, std::less<>> seen_as_target;
  for (std::size_t index = 0; index < rules.size(); ++index) {
    const auto sources = by_captures(rules[index].source, files, paired);
    const auto targets = by_captures(rules[index].target, files, paired);
    for (const auto& [captures, source] : sources) {
      seen_as_source.insert(source);
      const auto target = targets.find(captures);
      // A file both globs match (`**` <-> `**`) would pair with itself.
      if (target == targets.end() || target->second == source) continue;
      if (paired.contains(target->second)) continue;
      result.pairs.push_back({source, target->second, index});
      paired.insert(source);
      paired.insert(target->second);
    }
    for (const auto& [captures, target] : targets) seen_as_target.insert(target);
  }
  for (const auto& file : seen_as_source)
    if (!paired.contains(file)) result.unpaired_sources.push_back(file);
  for (const auto& file : seen_as_target)
    if (!paired.contains(file) && !seen_as_source.contains(file)) result.unpaired_targets.push_back(file);
  std::sort(result.pairs.begin(), result.pairs.end());
  return result;
}

std::vector<std::string> select_files(const std::vector<std::string>& files, const std::vector<Glob>& globs,
                                      const std::vector<std::string>& skip) {
  std::vector<std::string> selected;
  for (const auto& file : sorted_unique(files)) {
    if (std::binary_search(skip.begin(), skip.end(), file)) continue;
    if (std::any_of(globs.begin(), globs.end(), [&](const Glob& glob) { return glob.matches(file); }))
      selected.push_back(file);
  }
  return selected;
}

}  // namespace tc
