#include "project/project_run.h"

#include <algorithm>
#include <map>

#include "formats/load.h"
#include "project/run_settings.h"

namespace tc {
namespace {

namespace fs = std::filesystem;

std::string shown_path(const fs::path& shown_root, const std::string& relative) {
  if (relative.empty()) return relative;
  if (shown_root.empty() || shown_root == ".") return relative;
  return (shown_root / relative).lexically_normal().generic_string();
}

std::optional<LanguageTag> rule_language(const std::optional<std::string>& written, const char* key) {
  if (!written) return std::nullopt;
  return parse_language_option(*written, key);
}

// The counterpart path the first rule whose `from` side matches path expects.
struct Expected {
  std::string path;
  const PairRule* rule = nullptr;
};
Expected expected_counterpart(const std::string& path, const std::vector<PairRule>& rules, bool from_source) {
  for (const PairRule& rule : rules) {
    const Glob& from = from_source ? rule.source : rule.target;
    const Glob& to = from_source ? rule.target : rule.source;
    if (const auto captures = from.match(path)) return {to.expand(*captures), &rule};
  }
  return {};
}

bool is_under(const std::string& path, const std::string& dir) {
  if (dir.empty() || dir == ".") return true;
  return path.size() > dir.size() && path.compare(0, dir.size(), dir) == 0 && path[dir.size()] == '/';
}

}  // namespace

void keep_files_under(ProjectFiles& files, const std::string& dir) {
  auto outside = [&](const std::string& path) { return !is_under(path, dir); };
  std::erase_if(files.pairing.pairs, [&](const FilePair& pair) { return outside(pair.source) && outside(pair.target); });
  std::erase_if(files.pairing.unpaired_sources, outside);
  std::erase_if(files.pairing.unpaired_targets, outside);
  std::erase_if(files.singles, outside);
}

ProjectRun plan_project_run(const ProjectFiles& files, const std::vector<PairRule>& pair_rules,
                            const ProjectConfig* config, const fs::path& shown_root, const RunConfig& file_base,
                            const std::function<void(RunConfig&)>& finish, CheckSession& session) {
  const RunConfig& base = session.config();
  ProjectRun run;
  const RuleList& rules = session.rules();
  std::map<std::vector<std::size_t>, std::size_t> variants;  // matching overrides -> session variant
  auto variant_for = [&](const std::vector<std::string>& paths) -> std::size_t {
    if (!config || config->overrides.empty()) return 0;
    std::vector<std::size_t> matching;
    for (std::size_t i = 0; i < config->overrides.size(); ++i)
      if (std::any_of(paths.begin(), paths.end(), [&](const std::string& p) { return override_applies(config->overrides[i], p); }))
        matching.push_back(i);
    if (matching.empty()) return 0;
    if (const auto it = variants.find(matching); it != variants.end()) return it->second;
    const std::vector<std::string_view> views(paths.begin(), paths.end());
    RunConfig variant_config = run_config_for(file_base, *config, views, rules);
    finish(variant_config);
    const std::size_t variant = session.add_variant(variant_config);
    variants.emplace(matching, variant);
    return variant;
  };
  auto document_job = [&](const std::string& path) {
    Job job;
    job.kind = Job::Kind::document;
    job.paths = {shown_path(shown_root, path)};
    job.project_paths = {path};
    job.variant = variant_for(job.project_paths);
    return job;
  };

  for (const FilePair& pair : files.pairing.pairs) {
    Job job;
    job.kind = Job::Kind::pair;
    job.paths = {shown_path(shown_root, pair.source), shown_path(shown_root, pair.target)};
    job.project_paths = {pair.source, pair.target};
    if (pair.rule < pair_rules.size()) {
      job.source_language = rule_language(pair_rules[pair.rule].source_lang, "source-lang");
      job.target_language = rule_language(pair_rules[pair.rule].target_lang, "target-lang");
    }
    job.variant = variant_for(job.project_paths);
    run.jobs.push_back(std::move(job));
    ++run.pairs;
  }
  // A file without its counterpart is checked alone, in its side's language,
  // and names the path where the counterpart was expected.
  auto add_unpaired = [&](const std::string& path, bool is_source) {
    Job job = document_job(path);
    const Expected expected = expected_counterpart(path, pair_rules, is_source);
    job.missing = MissingCounterpart{is_source ? Role::source : Role::target, shown_path(shown_root, expected.path)};
    if (expected.rule)
      job.source_language = is_source ? rule_language(expected.rule->source_lang, "source-lang")
                                      : rule_language(expected.rule->target_lang, "target-lang");
    if (!job.source_language) job.source_language = is_source ? base.source_language : base.target_language;
    run.jobs.push_back(std::move(job));
    ++(is_source ? run.unpaired_sources : run.unpaired_targets);
  };
  for (const std::string& path : files.pairing.unpaired_sources) add_unpaired(path, true);
  for (const std::string& path : files.pairing.unpaired_targets) add_unpaired(path, false);
  // A translation file (PO, XLIFF, TMX) is its own pair: its units.
  for (const std::string& path : files.singles) {
    Job job = document_job(path);
    if (is_bilingual_path(path)) job.kind = Job::Kind::bitext;
    run.jobs.push_back(std::move(job));
    ++run.singles;
  }
  std::stable_sort(run.jobs.begin(), run.jobs.end(),
                   [](const Job& a, const Job& b) { return a.project_paths.front() < b.project_paths.front(); });
  return run;
}

}  // namespace tc
