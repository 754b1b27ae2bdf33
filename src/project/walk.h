#pragma once
// Listing the files of a project tree: the one place in the project layer
// that reads directories. The checks never do I/O.
#include <filesystem>
#include <string>
#include <vector>

#include "project/glob.h"

namespace tc {

struct WalkOptions {
  // Paths (relative to the root) to leave out; a directory that one of them
  // names, or whose whole contents one covers (`drafts/**`), is not entered.
  std::vector<Glob> exclude;
  // Entries whose name starts with `.` (.git, .github, .DS_Store) are skipped
  // unless this is set.
  bool include_hidden = false;
};

struct WalkProblem {
  std::string path;    // relative to the root
  std::string reason;  // from the system, e.g. "Permission denied"
};

struct WalkResult {
  std::vector<std::string> files;       // regular files, relative to the root, `/`-separated, sorted
  std::vector<WalkProblem> problems;    // directories that could not be read and links that lead
                                        // nowhere (dangling, or a loop of links), sorted by path
};

// Lists the regular files under root. Symbolic links are followed, but a
// directory already being walked (a link loop) is not entered again, and
// FIFOs, sockets and devices are skipped without being opened. A link that
// leads to no file (dangling, or links that point at each other) is a
// problem, not a file. Throws
// std::filesystem::filesystem_error when root itself cannot be read.
WalkResult list_project_files(const std::filesystem::path& root, const WalkOptions& options);

}  // namespace tc
