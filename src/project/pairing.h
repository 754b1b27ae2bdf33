#pragma once
// Which file translates which: a pair rule is two globs, and a source file and
// a target file pair when their wildcards captured the same values. So
// `content/zh-cn/**` <-> `content/en/**`, `components/**/index.zh-CN.md` <->
// `components/**/index.en-US.md` and `i18n/zh-Hans/.../current/**/*.md` <->
// `docs/**/*.md` all work with the one rule. Pure: the files come in as a list.
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "project/glob.h"

namespace tc {

struct PairRule {
  Glob source;
  Glob target;  // same wildcard_count() as source (parse_project_config checks)
  std::optional<std::string> source_lang;  // as written; nullopt: the project's
  std::optional<std::string> target_lang;
};

struct FilePair {
  std::string source;
  std::string target;
  std::size_t rule = 0;  // index into the rules given to pair_files
  auto operator<=>(const FilePair&) const = default;
};

struct Pairing {
  std::vector<FilePair> pairs;                 // sorted by source, then target
  std::vector<std::string> unpaired_sources;   // a source glob matched, no translation found: structure/missing-translation
  std::vector<std::string> unpaired_targets;   // a target glob matched, no source found (info)
};

// Pairs files (paths relative to the project root, `/`-separated). Rules are
// tried in order and a file paired by an earlier rule is not offered to later
// ones; within a rule a file is paired at most once. A file that some rule
// matched but none paired is unpaired. Files no rule matches are left out.
// The result is sorted and does not depend on the order of files.
Pairing pair_files(const std::vector<std::string>& files, const std::vector<PairRule>& rules);

// The files that match one of globs, sorted, excluding those in skip (sorted).
std::vector<std::string> select_files(const std::vector<std::string>& files, const std::vector<Glob>& globs,
                                      const std::vector<std::string>& skip = {});

}  // namespace tc
