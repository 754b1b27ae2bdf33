#include "app/output.h"

#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <random>

#include "read/reader.h"

namespace tc::app {

void write_output(const std::string& path, const std::function<void(std::ostream&)>& write) {
  if (path.empty() || path == "-") {
    write(std::cout);
    std::cout.flush();
    return;
  }
  namespace fs = std::filesystem;
  const fs::path target(path);
  if (fs::is_directory(target)) throw InputError(path, "is a directory; cannot write the report there");
  std::random_device random;
  const fs::path temporary = target.parent_path() / (".transcheck-" + std::to_string(random()) + ".tmp");
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    if (!out) throw InputError(path, "cannot write the report (directory missing or not writable)");
    write(out);
    out.flush();
    if (!out) {
      std::error_code ignored;
      fs::remove(temporary, ignored);
      throw InputError(path, "write error");
    }
  }
  std::error_code ec;
  fs::rename(temporary, target, ec);
  if (ec) {
    fs::remove(temporary, ec);
    throw InputError(path, "cannot replace the file: " + ec.message());
  }
}

bool stdout_is_terminal() { return isatty(STDOUT_FILENO) != 0; }

}  // namespace tc::app
