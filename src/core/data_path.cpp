#include "core/data_path.h"

#include <cstdlib>
#include <system_error>

namespace tc {
namespace fs = std::filesystem;

fs::path installed_data_dir(const fs::path& executable) {
  return executable.parent_path().parent_path() / "share" / "transcheck";
}

std::optional<fs::path> running_executable() {
  std::error_code error;
  fs::path path = fs::read_symlink("/proc/self/exe", error);
  if (error || path.empty()) return std::nullopt;
  return path;
}

std::vector<fs::path> data_search_path() {
  std::vector<fs::path> roots;
  if (const char* env = std::getenv("TRANSCHECK_DATA_DIR"); env && *env) roots.emplace_back(env);
  if (const auto executable = running_executable()) roots.push_back(installed_data_dir(*executable));
#ifdef TRANSCHECK_BUILD_DATA_DIR
  roots.emplace_back(TRANSCHECK_BUILD_DATA_DIR);  // what the build made (the lexicon index)
#endif
#ifdef TRANSCHECK_DATA_DIR
  roots.emplace_back(TRANSCHECK_DATA_DIR);
#endif
#ifdef TRANSCHECK_INSTALL_DATA_DIR
  roots.emplace_back(TRANSCHECK_INSTALL_DATA_DIR);
#endif
  return roots;
}

std::optional<std::string> find_file_in(const std::vector<fs::path>& roots, std::string_view relative) {
  for (const auto& root : roots) {
    std::error_code error;
    const fs::path candidate = root / relative;
    if (fs::is_regular_file(candidate, error)) return candidate.string();
  }
  return std::nullopt;
}

}  // namespace tc
