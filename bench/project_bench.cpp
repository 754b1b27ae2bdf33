// Project benchmark: how long finding the pairs of a large docs tree takes,
// so that planning a run stays a small part of checking it. Pairs a listing
// of 40,000 generated paths (Hugo, Docusaurus and sibling layouts, with
// missing and orphan pages and unrelated files) with the default conventions
// (180 rules) and with one config rule, and walks a generated tree of 10,000
// files written under the system's temporary directory.
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "project/conventions.h"
#include "project/pairing.h"
#include "project/walk.h"

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

}  // namespace

int main() {
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

  namespace fs = std::filesystem;
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
  return 0;
}
