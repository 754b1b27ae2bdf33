#include "support/cli_fixture.h"

#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <sstream>

namespace tc::test {

namespace fs = std::filesystem;

std::string read_all(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

void BinaryTest::SetUp() {
  const auto* info = testing::UnitTest::GetInstance()->current_test_info();
  dir_ = fs::temp_directory_path() /
         ("transcheck-" + std::string(info->test_suite_name()) + "-" + std::to_string(::getpid()) + "-" + info->name());
  fs::create_directories(dir_);
}

void BinaryTest::TearDown() { fs::remove_all(dir_); }

fs::path BinaryTest::write(const std::string& name, const std::string& bytes) {
  const fs::path path = dir_ / name;
  fs::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << bytes;
  return path;
}

CommandResult BinaryTest::run(const std::string& args) { return run_in(TRANSCHECK_SOURCE_DIR, args); }

CommandResult BinaryTest::run_in(const fs::path& cwd, const std::string& args) {
  const fs::path err = dir_ / "stderr.txt";
  // A run that hangs is killed after 120 s and exits 124, which fails the
  // tests' exit-code assertions: hangs are caught without timing anything.
  const std::string command = "cd '" + cwd.string() + "' && timeout 120 " + TRANSCHECK_BINARY +
                              " </dev/null " + args + " 2>" + err.string();
  CommandResult result;
  FILE* pipe = popen(command.c_str(), "r");
  char buffer[4096];
  std::size_t n;
  while ((n = fread(buffer, 1, sizeof buffer, pipe)) > 0) result.out.append(buffer, n);
  const int status = pclose(pipe);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  result.err = read_all(err);
  return result;
}

}  // namespace tc::test
