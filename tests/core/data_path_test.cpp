#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "core/data_path.h"

namespace tc {
namespace {

namespace fs = std::filesystem;

TEST(DataPath, AnInstalledBinaryFindsShareBesideItsBinDirectory) {
  EXPECT_EQ(installed_data_dir("/opt/transcheck/bin/transcheck"), fs::path("/opt/transcheck/share/transcheck"));
  EXPECT_EQ(installed_data_dir("/usr/bin/transcheck"), fs::path("/usr/share/transcheck"));
}

TEST(DataPath, TheRunningProgramIsKnown) {
  const auto executable = running_executable();
  ASSERT_TRUE(executable);
  EXPECT_EQ(executable->filename(), "transcheck_tests");
  EXPECT_TRUE(fs::equivalent(*executable, "/proc/self/exe"));
}

TEST(DataPath, TheInstallationComesBeforeTheSourceTreeAndTheEnvironmentFirst) {
  ::unsetenv("TRANSCHECK_DATA_DIR");
  auto roots = data_search_path();
  ASSERT_GE(roots.size(), 3u);
  EXPECT_EQ(roots[0], installed_data_dir(*running_executable()));
  EXPECT_EQ(roots[1], fs::path(TRANSCHECK_BUILD_DATA_DIR));
  EXPECT_EQ(roots[2], fs::path(TRANSCHECK_DATA_DIR));
  ::setenv("TRANSCHECK_DATA_DIR", "/somewhere/else", 1);
  roots = data_search_path();
  ::unsetenv("TRANSCHECK_DATA_DIR");
  EXPECT_EQ(roots[0], fs::path("/somewhere/else"));
}

TEST(DataPath, AFileIsTakenFromTheFirstRootThatHasIt) {
  const fs::path scratch = fs::temp_directory_path() / ("transcheck-data-path-" + std::to_string(::getpid()));
  fs::remove_all(scratch);
  // An installation unpacked anywhere: PREFIX/bin/transcheck and PREFIX/share/transcheck/...
  const fs::path prefix = scratch / "prefix";
  fs::create_directories(prefix / "bin");
  fs::create_directories(prefix / "share/transcheck/cedict");
  std::ofstream(prefix / "share/transcheck/cedict/cedict.tsv") << "中\t\tmiddle\n";
  fs::create_directories(scratch / "empty/cedict/cedict.tsv");  // a directory, not the file
  const std::vector<fs::path> roots{scratch / "empty", installed_data_dir(prefix / "bin/transcheck")};
  const auto found = find_file_in(roots, "cedict/cedict.tsv");
  ASSERT_TRUE(found);
  EXPECT_TRUE(fs::equivalent(*found, prefix / "share/transcheck/cedict/cedict.tsv"));
  EXPECT_FALSE(find_file_in(roots, "cedict/missing.tsv"));
  EXPECT_FALSE(find_file_in({}, "cedict/cedict.tsv"));
  fs::remove_all(scratch);
}

}  // namespace
}  // namespace tc
