// Build tools: a generated file appears only once complete.
#pragma once

#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <string_view>

namespace tc::tools {

// Writes `output` through `output.partial`, renamed into place once `write`
// returns true and the stream holds no error: an interrupted or failed build
// step leaves no half file behind. On failure says so on stderr, naming
// `tool`, and returns false.
inline bool write_atomically(std::string_view tool, const std::filesystem::path& output, std::ios::openmode mode,
                             const std::function<bool(std::ostream&)>& write) {
  std::filesystem::create_directories(output.parent_path());
  const std::filesystem::path partial = output.string() + ".partial";
  {
    std::ofstream out(partial, mode | std::ios::trunc);
    const bool complete = write(out);
    out.flush();
    if (!out || !complete) {
      std::cerr << tool << ": cannot write " << partial.string() << "\n";
      return false;
    }
  }
  std::filesystem::rename(partial, output);
  return true;
}

}  // namespace tc::tools
