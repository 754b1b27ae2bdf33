#include "project/project.h"

#include <algorithm>

#include "project/conventions.h"

namespace tc {
namespace {

std::vector<Glob> globs_of(const std::vector<ConfigGlob>& entries) {
  std::vector<Glob> globs;
  globs.reserve(entries.size());
  for (const auto& entry : entries) globs.push_back(entry.glob);
  return globs;
}

std::optional<std::string> value_of(const std::optional<ConfigString>& entry) {
  if (!entry) return std::nullopt;
  return entry->value;
}

}  // namespace

std::vector<PairRule> project_pair_rules(const ProjectConfig& config) {
  if (config.pairs.empty()) {
    const auto source = config.source_lang ? parse_language(config.source_lang->value) : std::nullopt;
    return default_pair_rules(source ? source->lang : Lang::zh);
  }
  std::vector<PairRule> rules;
  rules.reserve(config.pairs.size());
  for (const auto& spec : config.pairs)
    rules.push_back({spec.source.glob, spec.target.glob, value_of(spec.source_lang), value_of(spec.target_lang)});
  return rules;
}

ProjectFiles plan_project(const std::vector<std::string>& files, const std::vector<PairRule>& rules,
                          const std::vector<Glob>& single_files) {
  ProjectFiles plan;
  plan.pairing = pair_files(files, rules);
  std::vector<std::string> paired;
  for (const auto& pair : plan.pairing.pairs) {
    paired.push_back(pair.source);
    paired.push_back(pair.target);
  }
  std::sort(paired.begin(), paired.end());
  plan.singles = select_files(files, single_files, paired);
  return plan;
}

ProjectFiles collect_project(const ProjectConfig& config) {
  WalkOptions options;
  options.exclude = globs_of(config.exclude);
  // The config file sits in the root; "" is the working directory.
  const std::filesystem::path root = config.root.empty() ? std::filesystem::path(".") : config.root;
  WalkResult walk = list_project_files(root, options);
  ProjectFiles plan = plan_project(walk.files, project_pair_rules(config), globs_of(config.files));
  plan.root = config.root;
  plan.problems = std::move(walk.problems);
  return plan;
}

ProjectFiles collect_directory(const std::filesystem::path& directory, Lang source_lang) {
  WalkResult walk = list_project_files(directory, {});
  ProjectFiles plan = plan_project(walk.files, default_pair_rules(source_lang), {});
  plan.root = directory;
  plan.problems = std::move(walk.problems);
  return plan;
}

std::vector<const PathOverride*> overrides_for(const ProjectConfig& config, std::string_view path) {
  std::vector<const PathOverride*> matching;
  for (const auto& entry : config.overrides)
    if (override_applies(entry, path)) matching.push_back(&entry);
  return matching;
}

bool override_applies(const PathOverride& entry, std::string_view path) {
  return std::any_of(entry.paths.begin(), entry.paths.end(),
                     [&](const ConfigGlob& glob) { return glob.glob.matches(path); });
}

}  // namespace tc
