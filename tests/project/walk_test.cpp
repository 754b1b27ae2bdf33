#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "project/walk.h"
#include "support/scratch_tree.h"

namespace tc {
namespace {

namespace fs = std::filesystem;
using Strings = std::vector<std::string>;

class ListProjectFiles : public test::ScratchTree {};

TEST_F(ListProjectFiles, ListsRegularFilesSortedWithSlashes) {
  write("zh/b.md");
  write("zh/a/c.md");
  write("en/a/c.md");
  write("README.md");
  const auto result = list_project_files(root_, {});
  EXPECT_EQ(result.files, (Strings{"README.md", "en/a/c.md", "zh/a/c.md", "zh/b.md"}));
  EXPECT_TRUE(result.problems.empty());
}

TEST_F(ListProjectFiles, SkipsHiddenEntriesUnlessAsked) {
  write(".git/config");
  write(".github/workflows/ci.yml");
  write("docs/.draft.md");
  write("docs/a.md");
  EXPECT_EQ(list_project_files(root_, {}).files, Strings{"docs/a.md"});
  WalkOptions options;
  options.include_hidden = true;
  EXPECT_EQ(list_project_files(root_, options).files,
            (Strings{".git/config", ".github/workflows/ci.yml", "docs/.draft.md", "docs/a.md"}));
}

TEST_F(ListProjectFiles, ExcludedDirectoriesAreNotEntered) {
  write("node_modules/pkg/README.md");
  write("web/node_modules/pkg/README.md");
  write("drafts/a.md");
  write("docs/a.md");
  write("docs/a.tmp.md");
  WalkOptions options;
  options.exclude = {Glob("**/node_modules/**"), Glob("drafts"), Glob("**/*.tmp.md")};
  const auto result = list_project_files(root_, options);
  EXPECT_EQ(result.files, Strings{"docs/a.md"});
  EXPECT_TRUE(result.problems.empty());
}

TEST_F(ListProjectFiles, FifosAndSocketsAreSkippedWithoutBeingOpened) {
  write("docs/a.md");
  ASSERT_EQ(::mkfifo((root_ / "docs/pipe.md").c_str(), 0644), 0);
  // Opening the FIFO for reading would block this test forever.
  EXPECT_EQ(list_project_files(root_, {}).files, Strings{"docs/a.md"});
}

TEST_F(ListProjectFiles, SymlinkLoopsEndAndLinkedFilesAreListed) {
  write("docs/a.md");
  write("shared/b.md");
  fs::create_directory_symlink("..", root_ / "docs/up");            // loop back to the root
  fs::create_directory_symlink(root_ / "docs", root_ / "docs/self");  // loop to itself
  fs::create_symlink(root_ / "shared/b.md", root_ / "docs/b.md");
  fs::create_symlink(root_ / "missing.md", root_ / "docs/dangling.md");
  const auto result = list_project_files(root_, {});
  EXPECT_EQ(result.files, (Strings{"docs/a.md", "docs/b.md", "shared/b.md"}));
  // A directory reached again is no problem; the link to nothing is.
  ASSERT_EQ(result.problems.size(), 1u);
  EXPECT_EQ(result.problems[0].path, "docs/dangling.md");
}

TEST_F(ListProjectFiles, LinksThatLeadNowhereAreReportedWithTheirReason) {
  write("docs/a.md");
  fs::create_symlink("loop-b.md", root_ / "docs/loop-a.md");
  fs::create_symlink("loop-a.md", root_ / "docs/loop-b.md");
  fs::create_symlink("missing.md", root_ / "docs/dangling.md");
  fs::create_symlink("missing.md", root_ / "docs/excluded.md");
  fs::create_symlink("missing", root_ / "docs/drafts");
  WalkOptions options;
  options.exclude.push_back(Glob("docs/excluded.md"));
  options.exclude.push_back(Glob("docs/drafts/**"));
  const auto result = list_project_files(root_, options);
  EXPECT_EQ(result.files, Strings{"docs/a.md"});
  ASSERT_EQ(result.problems.size(), 3u);
  EXPECT_EQ(result.problems[0].path, "docs/dangling.md");
  EXPECT_EQ(result.problems[0].reason, "No such file or directory");
  EXPECT_EQ(result.problems[1].path, "docs/loop-a.md");
  EXPECT_EQ(result.problems[1].reason, "Too many levels of symbolic links");
  EXPECT_EQ(result.problems[2].path, "docs/loop-b.md");
}

TEST_F(ListProjectFiles, ALinkedDirectoryOutsideTheTreeIsWalkedOnce) {
  const fs::path outside = root_ / "outside";
  write("outside/x.md");
  fs::create_directories(root_ / "tree");
  fs::create_directory_symlink(outside, root_ / "tree/one");
  fs::create_directory_symlink(outside, root_ / "tree/two");
  EXPECT_EQ(list_project_files(root_ / "tree", {}).files, Strings{"one/x.md"});
}

TEST_F(ListProjectFiles, AMissingOrFileRootIsAnError) {
  EXPECT_THROW(list_project_files(root_ / "missing", {}), fs::filesystem_error);
  write("file.md");
  EXPECT_THROW(list_project_files(root_ / "file.md", {}), fs::filesystem_error);
}

}  // namespace
}  // namespace tc
