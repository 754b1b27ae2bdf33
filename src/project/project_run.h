#pragma once
// From a planned project (project.h) to the engine's jobs: one pair job per
// pair, one document job per single file and per file without its
// counterpart (structure/missing-translation, structure/orphan-translation),
// each with its [[pairs]] languages and its [[overrides]] rule settings.
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "core/rule.h"
#include "engine/run_config.h"
#include "engine/session.h"
#include "project/config.h"
#include "project/project.h"

namespace tc {

struct ProjectRun {
  std::vector<Job> jobs;  // ordered by their first path
  std::size_t pairs = 0;
  std::size_t singles = 0;
  std::size_t unpaired_sources = 0;  // sources without their translation
  std::size_t unpaired_targets = 0;  // translations without their source
};

// The jobs for files. shown_root is how the project root is written in the
// paths people see (relative to the working directory: "." or "../.."); the
// jobs' project_paths stay relative to the root. config: the project file,
// or null for `check DIR` without one. Each distinct set of matching
// [[overrides]] becomes one session variant (added to session): file_base
// (the file's settings) plus the overrides, then finish (the command line's
// flags, which win over the file).
ProjectRun plan_project_run(const ProjectFiles& files, const std::vector<PairRule>& pair_rules,
                            const ProjectConfig* config, const std::filesystem::path& shown_root,
                            const RunConfig& file_base, const std::function<void(RunConfig&)>& finish,
                            CheckSession& session);

// Keeps the files below dir (relative to the root, `/`-separated; "" or "."
// keeps all): `transcheck check DIR` inside a project.
void keep_files_under(ProjectFiles& files, const std::string& dir);

}  // namespace tc
