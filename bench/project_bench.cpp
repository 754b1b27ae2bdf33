// Project benchmark: how long finding the pairs of a large docs tree takes,
// so that planning a run stays a small part of checking it. Pairs a listing
// of 40,000 generated paths (Hugo, Docusaurus and sibling layouts, with
// missing and orphan pages and unrelated files) with the default conventions
// (180 rules) and with one config rule, and walks a generated tree of 10,000
// files written under the system's temporary directory.
//
// Tree throughput: a Hugo tree of N article pairs (default 1,000; first
// argument) made from the MAC-Dev chapters and the VIS-Dev leaflets in
// ../shared/corpora (relative to the source tree; said so and skipped when
// absent) is checked the way `transcheck check` does it (one session, the
// project's jobs, results in order) with -j 1, the reference, and -j 2. Each
// run is a child process, so its wall time and peak memory are its own.
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "engine/parallel.h"
#include "engine/session.h"
#include "project/config.h"
#include "project/conventions.h"
#include "project/pairing.h"
#include "project/project_run.h"
#include "project/run_settings.h"
#include "project/walk.h"
#include "rules/registry.h"

namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

std::vector<std::string> generated_listing(std::size_t pages) {
  std::vector<std::string> files;
  for (std::size_t i = 0; i < pages; ++i) {
    const std::string section = "section" + std::to_string(i % 40) + "/sub" + std::to_string(i % 7);
    const std::string page = "page-" + std::to_string(i);
    switch (i % 4) {
      case 0:  // Hugo
        files.push_back("content/zh-cn/" + section + "/" + page + ".md");
        if (i % 50 != 0) files.push_back("content/en/" + section + "/" + page + ".md");
        break;
      case 1:  // Docusaurus
        files.push_back("i18n/zh-Hans/docusaurus-plugin-content-docs/current/" + section + "/" + page + ".md");
        files.push_back("docs/" + section + "/" + page + ".md");
        break;
      case 2:  // siblings
        files.push_back("components/" + section + "/" + page + ".zh-CN.md");
        files.push_back("components/" + section + "/" + page + ".en-US.md");
        break;
      default:  // unrelated files
        files.push_back("static/img/" + section + "/" + page + ".png");
        files.push_back("src/" + section + "/" + page + ".ts");
        break;
    }
  }
  return files;
}

namespace fs = std::filesystem;

std::string read_text(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

struct Article {
  std::string zh, en;
};

// The MAC-Dev chapters and the VIS-Dev leaflets as (Chinese, English) pairs.
std::vector<Article> corpus_articles(const fs::path& corpora) {
  std::vector<Article> articles;
  const fs::path mac = corpora / "mac-dev";
  for (int i = 1; i <= 99; ++i) {
    char name[8];
    std::snprintf(name, sizeof name, "%03d", i);
    if (fs::exists(mac / "zh" / name) && fs::exists(mac / "en" / name))
      articles.push_back({read_text(mac / "zh" / name), read_text(mac / "en" / name)});
  }
  const fs::path vis = corpora / "vis-dev";
  if (fs::is_directory(vis))
    for (const auto& entry : fs::directory_iterator(vis)) {
      const std::string name = entry.path().filename().string();
      if (!name.ends_with(".zh.txt")) continue;
      const fs::path en = vis / (name.substr(0, name.size() - 7) + ".en.txt");
      if (fs::exists(en)) articles.push_back({read_text(entry.path()), read_text(en)});
    }
  return articles;
}

// A Hugo tree of `pairs` article pairs with its transcheck.toml; returns its size in bytes.
std::size_t write_tree(const fs::path& root, const std::vector<Article>& articles, std::size_t pairs) {
  std::size_t bytes = 0;
  fs::create_directories(root);
  std::ofstream(root / "transcheck.toml") << "[[pairs]]\nsource = \"content/zh-cn/**/*.txt\"\n"
                                             "target = \"content/en/**/*.txt\"\n";
  for (std::size_t i = 0; i < pairs; ++i) {
    const Article& article = articles[i % articles.size()];
    const std::string relative = "section" + std::to_string(i % 20) + "/article-" + std::to_string(i) + ".txt";
    for (const auto& [side, text] : {std::pair{"zh-cn", &article.zh}, std::pair{"en", &article.en}}) {
      const fs::path path = root / "content" / side / relative;
      fs::create_directories(path.parent_path());
      std::ofstream(path, std::ios::binary) << *text;
      bytes += text->size();
    }
  }
  return bytes;
}

struct TreeRun {
  double wall = 0;       // seconds
  double cpu = 0;        // user + system seconds of the child (wall alone hides a loaded machine)
  long peak_kib = 0;     // maximum resident set size of the child
  std::size_t findings = 0;
  bool ok = false;
};

// Checks the project at root with `threads` workers in a child process.
TreeRun check_tree(const fs::path& root, unsigned threads) {
  int channel[2];
  if (::pipe(channel) != 0) return {};
  const auto start = Clock::now();
  const pid_t child = ::fork();
  if (child == 0) {
    ::close(channel[0]);
    const tc::ProjectConfig project = tc::load_project_config(root / "transcheck.toml");
    const tc::RuleList rules = tc::all_rules();
    tc::RunConfig config;
    tc::apply_project_config(project, rules, config);
    tc::CheckSession session(config);
    const tc::ProjectFiles files = tc::collect_project(project);
    const auto pair_rules = tc::project_pair_rules(project);
    const tc::ProjectRun run =
        tc::plan_project_run(files, pair_rules, &project, root, config, [](tc::RunConfig&) {}, session);
    std::size_t findings = 0;
    tc::run_jobs(session, run.jobs, threads, [&](std::size_t, tc::JobResult& result) { findings += result.findings.size(); });
    const std::string report = std::to_string(findings);
    if (::write(channel[1], report.data(), report.size()) < 0) _exit(1);
    _exit(0);
  }
  ::close(channel[1]);
  char buffer[32] = {};
  const ssize_t n = ::read(channel[0], buffer, sizeof buffer - 1);
  ::close(channel[0]);
  int status = 0;
  struct rusage usage {};
  ::wait4(child, &status, 0, &usage);
  TreeRun result;
  result.wall = seconds_since(start);
  result.peak_kib = usage.ru_maxrss;
  result.cpu = static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
               static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
  result.ok = WIFEXITED(status) && WEXITSTATUS(status) == 0 && n > 0;
  if (result.ok) result.findings = std::stoul(std::string(buffer, static_cast<std::size_t>(n)));
  return result;
}

void tree_throughput(std::size_t pairs) {
  // The corpora sit beside the repository: ../shared/corpora from the source tree.
  const fs::path corpora = fs::path(TRANSCHECK_DATA_DIR).parent_path().parent_path() / "shared" / "corpora";
  const std::vector<Article> articles = corpus_articles(corpora);
  if (articles.empty()) {
    std::printf("tree throughput: skipped, no MAC-Dev or VIS-Dev texts under %s\n", corpora.string().c_str());
    return;
  }
  const fs::path root = fs::temp_directory_path() / ("transcheck-tree-bench-" + std::to_string(::getpid()));
  fs::remove_all(root);
  const std::size_t bytes = write_tree(root, articles, pairs);
  std::printf("tree: %zu article pairs (%zu distinct: MAC-Dev chapters and VIS-Dev leaflets), %.1f MB\n", pairs,
              articles.size(), static_cast<double>(bytes) / 1e6);
  const TreeRun reference = check_tree(root, 1);
  for (const unsigned threads : {1u, 2u}) {
    const TreeRun run = threads == 1 ? reference : check_tree(root, threads);
    if (!run.ok) {
      std::printf("  -j %u: the run failed\n", threads);
      continue;
    }
    std::printf("  -j %u: %.1f s wall, %.1f s CPU (%.0f ms per pair), %.1f pairs/s, %.2f MB/s, peak memory %.0f MB, %zu findings%s\n",
                threads, run.wall, run.cpu, 1000.0 * run.cpu / static_cast<double>(pairs), static_cast<double>(pairs) / run.wall, static_cast<double>(bytes) / 1e6 / run.wall,
                static_cast<double>(run.peak_kib) / 1024.0, run.findings,
                threads == 1 ? " (reference)"
                             : (", " + std::to_string(reference.wall / run.wall).substr(0, 4) + "x the reference").c_str());
  }
  fs::remove_all(root);
}

}  // namespace

int main(int argc, char** argv) {
  std::setvbuf(stdout, nullptr, _IOLBF, 0);  // each figure as soon as it is measured
  const std::size_t tree_pairs = argc > 1 ? std::stoul(argv[1]) : 1000;
  const std::vector<std::string> files = generated_listing(20000);
  std::printf("listing: %zu paths\n", files.size());

  const auto rules = tc::default_pair_rules(tc::Lang::zh);
  auto start = Clock::now();
  const tc::Pairing by_convention = tc::pair_files(files, rules);
  std::printf("default conventions (%zu rules): %zu pairs, %zu unpaired sources, %zu unpaired targets in %.3f s\n",
              rules.size(), by_convention.pairs.size(), by_convention.unpaired_sources.size(),
              by_convention.unpaired_targets.size(), seconds_since(start));

  const std::vector<tc::PairRule> config_rule{
      {tc::Glob("content/zh-cn/**/*.md"), tc::Glob("content/en/**/*.md"), std::nullopt, std::nullopt}};
  start = Clock::now();
  const tc::Pairing by_config = tc::pair_files(files, config_rule);
  std::printf("one config rule: %zu pairs, %zu unpaired sources in %.3f s\n", by_config.pairs.size(),
              by_config.unpaired_sources.size(), seconds_since(start));

  const fs::path root = fs::temp_directory_path() / ("transcheck-project-bench-" + std::to_string(::getpid()));
  fs::remove_all(root);
  for (std::size_t i = 0; i < 10000 && i < files.size(); ++i) {
    const fs::path path = root / files[i];
    fs::create_directories(path.parent_path());
    std::ofstream(path) << "x\n";
  }
  start = Clock::now();
  const tc::WalkResult walk = tc::list_project_files(root, {});
  const double walk_seconds = seconds_since(start);
  start = Clock::now();
  const tc::Pairing walked = tc::pair_files(walk.files, rules);
  std::printf("walk of a 10,000-file tree: %zu files in %.3f s; paired in %.3f s (%zu pairs)\n", walk.files.size(),
              walk_seconds, seconds_since(start), walked.pairs.size());
  fs::remove_all(root);

  tree_throughput(tree_pairs);
  return 0;
}
