// The layers of src/ include one way: core <- text <- formats, segment,
// align, glossary <- rules <- engine <- report, project <- app. The four middle
// directories may include each other, but no directory include may close a
// cycle. This test reads every #include "dir/..." under src/ and fails on a
// lower layer including a higher one, on a cycle, and on a directory that is
// not placed in the order yet.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace {

const std::map<std::string, int>& layers() {
  static const std::map<std::string, int> kLayers{
      {"core", 0},  {"text", 1},  {"formats", 2}, {"segment", 2}, {"align", 2},
      {"glossary", 2}, {"rules", 3}, {"engine", 4}, {"report", 5},  {"project", 5}, {"app", 6}};
  return kLayers;
}

struct Include {
  std::string file;  // path under src/, e.g. "core/document.h"
  std::string target;  // the included path, e.g. "formats/load.h"
};

std::string top_directory(const std::string& path) { return path.substr(0, path.find('/')); }

// Everything wrong with these includes, one message each.
std::vector<std::string> layering_problems(const std::vector<Include>& includes) {
  std::vector<std::string> problems;
  std::map<std::string, std::set<std::string>> edges;
  for (const Include& include : includes) {
    const std::string from = top_directory(include.file);
    const std::string to = top_directory(include.target);
    for (const std::string& dir : {from, to})
      if (!layers().count(dir)) problems.push_back(include.file + ": directory '" + dir + "' has no layer");
    if (!layers().count(from) || !layers().count(to) || from == to) continue;
    if (layers().at(to) > layers().at(from))
      problems.push_back(include.file + " includes " + include.target + ": " + from + " is below " + to);
    edges[from].insert(to);
  }
  // Directory cycles, by depth-first search.
  std::map<std::string, int> state;  // 0 unvisited, 1 on the stack, 2 done
  std::vector<std::string> stack;
  std::function<void(const std::string&)> visit = [&](const std::string& dir) {
    state[dir] = 1;
    stack.push_back(dir);
    for (const std::string& next : edges[dir]) {
      if (state[next] == 1) {
        std::string cycle;
        for (auto it = std::find(stack.begin(), stack.end(), next); it != stack.end(); ++it) cycle += *it + " -> ";
        problems.push_back("include cycle: " + cycle + next);
      } else if (state[next] == 0) {
        visit(next);
      }
    }
    stack.pop_back();
    state[dir] = 2;
  };
  for (const auto& [dir, targets] : edges)
    if (state[dir] == 0) visit(dir);
  return problems;
}

std::vector<Include> includes_under(const std::filesystem::path& src) {
  std::vector<Include> includes;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(src)) {
    const std::string extension = entry.path().extension().string();
    if (!entry.is_regular_file() || (extension != ".h" && extension != ".cpp")) continue;
    const std::string file = std::filesystem::relative(entry.path(), src).generic_string();
    std::ifstream in(entry.path());
    std::string line;
    while (std::getline(in, line)) {
      const std::string directive = "#include \"";
      const std::size_t at = line.find(directive);
      if (at == std::string::npos || line.find_first_not_of(" \t") != at) continue;
      const std::size_t begin = at + directive.size();
      const std::size_t end = line.find('"', begin);
      const std::string target = line.substr(begin, end - begin);
      // Paths relative to the file (data tables pulled in with "../") are not layers.
      if (target.find('/') != std::string::npos && target[0] != '.') includes.push_back({file, target});
    }
  }
  return includes;
}

TEST(Layering, TheCheckSeesUpwardIncludesCyclesAndUnplacedDirectories) {
  EXPECT_TRUE(layering_problems({{"rules/a.cpp", "core/b.h"}, {"align/x.cpp", "glossary/y.h"}}).empty());
  EXPECT_EQ(layering_problems({{"core/document.cpp", "formats/load.h"}}).size(), 1u);
  const auto cycle = layering_problems({{"align/x.cpp", "segment/y.h"}, {"segment/y.cpp", "align/x.h"}});
  ASSERT_EQ(cycle.size(), 1u);
  EXPECT_NE(cycle[0].find("cycle"), std::string::npos);
  EXPECT_EQ(layering_problems({{"util/x.cpp", "core/y.h"}}).size(), 1u);
}

TEST(Layering, SourceTreeIncludesOneWayWithoutCycles) {
  const std::vector<Include> includes = includes_under(std::filesystem::path(TRANSCHECK_SOURCE_DIR) / "src");
  ASSERT_GT(includes.size(), 100u);
  for (const std::string& problem : layering_problems(includes)) ADD_FAILURE() << problem;
}

}  // namespace
