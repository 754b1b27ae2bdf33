#pragma once
// What the throughput benches share: the texts they time (the development
// corpora's published prose, one language at a time, repeated to a size)
// and the reference the issue asks for beside every figure, a plain C++
// UTF-8 validation loop over the same bytes.
#include <algorithm>
#include <cstddef>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace bench {

inline std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

// The reference loop (Unicode Table 3-7, one byte at a time), timed over the
// same bytes in the same run, so a ratio to it means something on a busy machine.
inline bool plain_utf8_valid(std::string_view text) {
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size();
  std::size_t i = 0;
  while (i < n) {
    const unsigned lead = p[i];
    if (lead < 0x80) { ++i; continue; }
    std::size_t length = 0;
    unsigned lo = 0x80, hi = 0xBF;
    if (lead >= 0xC2 && lead <= 0xDF) length = 2;
    else if (lead >= 0xE0 && lead <= 0xEF) { length = 3; if (lead == 0xE0) lo = 0xA0; if (lead == 0xED) hi = 0x9F; }
    else if (lead >= 0xF0 && lead <= 0xF4) { length = 4; if (lead == 0xF0) lo = 0x90; if (lead == 0xF4) hi = 0x8F; }
    else return false;
    if (i + length > n || p[i + 1] < lo || p[i + 1] > hi) return false;
    for (std::size_t k = 2; k < length; ++k)
      if ((p[i + k] & 0xC0) != 0x80) return false;
    i += length;
  }
  return true;
}

// The published texts of the development corpora on one side ("zh" or "en":
// the mac-dev chapters and the vis-dev leaflets), repeated to `megabytes`:
// real prose with its real character mix. Empty when the corpora are absent.
inline std::string corpus_text(const std::filesystem::path& corpora, const std::string& side, std::size_t megabytes) {
  namespace fs = std::filesystem;
  std::vector<fs::path> paths;
  if (fs::exists(corpora / "mac-dev" / side))
    for (const auto& entry : fs::directory_iterator(corpora / "mac-dev" / side))
      if (entry.is_regular_file() && !entry.path().has_extension()) paths.push_back(entry.path());
  if (fs::exists(corpora / "vis-dev"))
    for (const auto& entry : fs::directory_iterator(corpora / "vis-dev"))
      if (entry.path().string().ends_with("." + side + ".txt")) paths.push_back(entry.path());
  std::sort(paths.begin(), paths.end());
  std::string one;
  for (const auto& path : paths) one += read_file(path) + "\n\n";
  if (one.empty()) return one;
  const std::size_t target = megabytes * 1024 * 1024;
  std::string text;
  text.reserve(target + one.size());
  while (text.size() < target) text += one;
  return text;
}

}  // namespace bench
