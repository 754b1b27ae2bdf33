#pragma once
// What a run over a project checks: the pairs, the unpaired files and the
// single documents, from a config file or from the default conventions.
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "core/language.h"
#include "project/config.h"
#include "project/pairing.h"
#include "project/walk.h"

namespace tc {

struct ProjectFiles {
  std::filesystem::path root;         // the paths below are relative to it
  Pairing pairing;
  std::vector<std::string> singles;   // matched by `files`, not part of a pair; sorted
  std::vector<WalkProblem> problems;  // directories that could not be read
};

// The config's [[pairs]] as rules, or the default conventions when it has none
// (sources in its source-lang, Chinese when unset).
std::vector<PairRule> project_pair_rules(const ProjectConfig& config);

// Pure: pairs files by rules and picks the single documents.
ProjectFiles plan_project(const std::vector<std::string>& files, const std::vector<PairRule>& rules,
                          const std::vector<Glob>& single_files);

// Walks the config's root (leaving out its `exclude`) and plans the run.
ProjectFiles collect_project(const ProjectConfig& config);

// `transcheck check DIR` without a config: the default conventions over DIR.
ProjectFiles collect_directory(const std::filesystem::path& directory, Lang source_lang);

// The [[overrides]] whose paths match path (relative to the root), in file
// order: their settings apply after [rules]. For a pair, those of the source
// and then those of the target apply.
std::vector<const PathOverride*> overrides_for(const ProjectConfig& config, std::string_view path);

// True when one of the override's paths matches path.
bool override_applies(const PathOverride& entry, std::string_view path);

}  // namespace tc
