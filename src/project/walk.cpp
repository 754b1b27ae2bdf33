#include "project/walk.h"

#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <set>
#include <system_error>
#include <utility>

namespace tc {
namespace fs = std::filesystem;
namespace {

using DirectoryId = std::pair<dev_t, ino_t>;

struct PendingDirectory {
  fs::path path;
  std::string relative;  // "" for the root, else "a/b"
};

bool excluded_directory(const std::string& relative, const std::vector<Glob>& exclude) {
  return std::any_of(exclude.begin(), exclude.end(),
                     [&](const Glob& glob) { return glob.matches(relative) || glob.covers_directory(relative); });
}

}  // namespace

WalkResult list_project_files(const fs::path& root, const WalkOptions& options) {
  struct stat root_status {};
  if (::stat(root.c_str(), &root_status) != 0)
    throw fs::filesystem_error("cannot read directory", root, std::error_code(errno, std::generic_category()));
  if (!S_ISDIR(root_status.st_mode))
    throw fs::filesystem_error("cannot read directory", root, std::make_error_code(std::errc::not_a_directory));

  WalkResult result;
  // Each directory is walked once, by its device and inode: a symbolic link
  // back to an ancestor ends there instead of recursing forever.
  std::set<DirectoryId> walked{{root_status.st_dev, root_status.st_ino}};
  std::vector<PendingDirectory> pending{{root, ""}};
  while (!pending.empty()) {
    PendingDirectory directory = std::move(pending.back());
    pending.pop_back();
    std::error_code error;
    fs::directory_iterator entries(directory.path, error);
    if (error) {
      result.problems.push_back({directory.relative, error.message()});
      continue;
    }
    std::vector<std::string> names;
    for (; entries != fs::directory_iterator(); entries.increment(error)) {
      if (error) break;
      names.push_back(entries->path().filename().string());
    }
    if (error) result.problems.push_back({directory.relative, error.message()});
    // Sorted, so the walk (and which of two links to one directory is kept)
    // does not depend on the order the system lists entries in.
    std::sort(names.begin(), names.end());
    std::vector<PendingDirectory> subdirectories;
    for (const auto& name : names) {
      if (!options.include_hidden && name.starts_with('.')) continue;
      const fs::path path = directory.path / name;
      std::string relative = directory.relative.empty() ? name : directory.relative + '/' + name;
      struct stat status {};
      if (::stat(path.c_str(), &status) != 0) {
        // A dangling link or a loop of links (the entry itself exists): one
        // bad file, reported with the system's reason, unless excluded.
        // Excluded as a file or as a directory (it may have meant either).
        const std::error_code reason(errno, std::generic_category());
        if (!excluded_directory(relative, options.exclude)) result.problems.push_back({std::move(relative), reason.message()});
        continue;
      }
      if (S_ISDIR(status.st_mode)) {
        if (excluded_directory(relative, options.exclude)) continue;
        if (!walked.insert({status.st_dev, status.st_ino}).second) continue;
        subdirectories.push_back({path, std::move(relative)});
      } else if (S_ISREG(status.st_mode)) {
        const bool skip = std::any_of(options.exclude.begin(), options.exclude.end(),
                                      [&](const Glob& glob) { return glob.matches(relative); });
        if (!skip) result.files.push_back(std::move(relative));
      }
      // FIFOs, sockets and devices are not project files; opening a FIFO would block.
    }
    // Reversed onto the stack, so the first name is walked first.
    pending.insert(pending.end(), std::make_move_iterator(subdirectories.rbegin()),
                   std::make_move_iterator(subdirectories.rend()));
  }
  std::sort(result.files.begin(), result.files.end());
  std::sort(result.problems.begin(), result.problems.end(),
            [](const WalkProblem& a, const WalkProblem& b) { return a.path < b.path; });
  return result;
}

}  // namespace tc
