#pragma once
// A test fixture that runs the built transcheck binary in a scratch
// directory: shared by the CLI and robustness tests.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

namespace tc::test {

struct CommandResult {
  int exit_code = -1;  // 124: killed by the time limit (a hang)
  std::string out;
  std::string err;
};

std::string read_all(const std::filesystem::path& path);

class BinaryTest : public testing::Test {
 protected:
  void SetUp() override;
  void TearDown() override;
  // Writes bytes to a file in the scratch directory (making its directories)
  // and returns its path.
  std::filesystem::path write(const std::string& name, const std::string& bytes);
  // Runs `transcheck ARGS` from the source tree, stdin from /dev/null (ARGS
  // may redirect it), under a 120 s limit.
  CommandResult run(const std::string& args);
  // The same from another working directory.
  CommandResult run_in(const std::filesystem::path& cwd, const std::string& args);

  std::filesystem::path dir_;
};

}  // namespace tc::test
