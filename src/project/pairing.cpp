#include "project/pairing.h"

#include <algorithm>
#include <map>
#include <string_view>

namespace tc {
namespace {

using Captures = std::vector<std::string>;

std::vector<std::string> sorted_unique(std::vector<std::string> files) {
  std::sort(files.begin(), files.end());
  files.erase(std::unique(files.begin(), files.end()), files.end());
  return files;
}

struct GlobMatch {
  std::size_t file;  // index into the sorted files
  Captures captures;
};

// The files each glob matches, computed once per distinct pattern: the
// default conventions repeat each glob in several rules.
class MatchCache {
 public:
  explicit MatchCache(const std::vector<std::string>& files) : files_(files) {}
  const std::vector<GlobMatch>& matches(const Glob& glob) {
    auto [entry, inserted] = cache_.try_emplace(glob.pattern());
    if (inserted)
      for (std::size_t i = 0; i < files_.size(); ++i)
        if (const auto captures = glob.match(files_[i]))
          entry->second.push_back({i, Captures(captures->begin(), captures->end())});
    return entry->second;
  }

 private:
  const std::vector<std::string>& files_;
  std::map<std::string, std::vector<GlobMatch>, std::less<>> cache_;
};

// A glob's files not yet paired, by what its wildcards captured. A capture
// tuple and the glob's fixed text spell the path, so each names one file.
std::map<Captures, std::size_t> by_captures(const std::vector<GlobMatch>& matches, const std::vector<char>& paired) {
  std::map<Captures, std::size_t> found;
  for (const auto& match : matches)
    if (!paired[match.file]) found.emplace(match.captures, match.file);
  return found;
}

}  // namespace

Pairing pair_files(const std::vector<std::string>& files_in, const std::vector<PairRule>& rules) {
  const std::vector<std::string> files = sorted_unique(files_in);
  MatchCache cache(files);
  Pairing result;
  std::vector<char> paired(files.size(), 0);
  std::vector<char> seen_as_source(files.size(), 0);
  std::vector<char> seen_as_target(files.size(), 0);
  for (std::size_t index = 0; index < rules.size(); ++index) {
    const auto sources = by_captures(cache.matches(rules[index].source), paired);
    const auto targets = by_captures(cache.matches(rules[index].target), paired);
    for (const auto& [captures, source] : sources) {
      seen_as_source[source] = 1;
      const auto target = targets.find(captures);
      // A file both globs match (`**` <-> `**`) would pair with itself.
      if (target == targets.end() || target->second == source || paired[target->second]) continue;
      result.pairs.push_back({files[source], files[target->second], index});
      paired[source] = 1;
      paired[target->second] = 1;
    }
    for (const auto& [captures, target] : targets) seen_as_target[target] = 1;
  }
  for (std::size_t i = 0; i < files.size(); ++i) {
    if (paired[i]) continue;
    if (seen_as_source[i]) result.unpaired_sources.push_back(files[i]);
    else if (seen_as_target[i]) result.unpaired_targets.push_back(files[i]);
  }
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
