// Benchmark of UTF-8 validation (issue 12, "Encoding and script rules: at
// least 1 GB/s per core": simdutf-class validation reaches memory bandwidth).
// Over the same bytes, in one run, prints MB/s for:
//  - the plain reference loop (Unicode Table 3-7, one byte at a time: the one
//    encoding_bench prints beside its figures),
//  - utf8::first_invalid through each path this machine has (scalar, ssse3,
//    avx2) and as dispatched,
//  - two ceilings no validator can pass: a 64-bit XOR sum of the bytes and
//    memchr for a byte the text does not hold (0xFF never occurs in UTF-8).
// The methods are interleaved round by round and each figure is its best
// round (process CPU time), so a busy machine slows all of them alike.
// Usage: utf8_validation_bench [--corpora DIR] [--megabytes N] [--rounds N] [FILE...]
// Without files, the en and zh texts are built as encoding_bench builds them:
// the published mac-dev and vis-dev texts, each language repeated to N/2 MB
// (N = 40). DIR defaults to ../shared/corpora beside the source tree; a
// missing corpus is reported as "corpus absent".
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "core/utf8.h"
#include "core/utf8_validate.h"
#include "corpus_texts.h"

namespace fs = std::filesystem;
using namespace tc;

namespace {

using bench::corpus_text;
using bench::plain_utf8_valid;
using bench::read_file;

double cpu_seconds() {
  timespec now{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
  return static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) * 1e-9;
}

std::uint64_t xor_sum(std::string_view text) {
  std::uint64_t sum = 0;
  std::size_t i = 0;
  for (; i + 8 <= text.size(); i += 8) {
    std::uint64_t word;
    std::memcpy(&word, text.data() + i, sizeof word);
    sum ^= word;
  }
  for (; i < text.size(); ++i) sum ^= static_cast<unsigned char>(text[i]);
  return sum;
}

struct Method {
  std::string name;
  // Returns a value that depends on every byte read, so no pass is optimized away.
  std::function<std::uint64_t(std::string_view)> run;
  double best = 0;  // MB/s
  std::uint64_t result = 0;
};

void measure(const std::string& name, const std::string& text, int rounds) {
  std::vector<Method> methods;
  methods.push_back({"reference loop (Table 3-7, bytewise)",
                     [](std::string_view t) { return std::uint64_t{plain_utf8_valid(t)}; }});
  for (utf8::ValidationPath path : {utf8::ValidationPath::scalar, utf8::ValidationPath::ssse3,
                                    utf8::ValidationPath::avx2})
    if (utf8::path_available(path))
      methods.push_back({std::string("first_invalid, ") + utf8::path_name(path) + " path",
                         [path](std::string_view t) { return std::uint64_t{utf8::first_invalid_by(t, path)}; }});
  methods.push_back({std::string("first_invalid as dispatched (") + utf8::path_name(utf8::best_validation_path()) + ")",
                     [](std::string_view t) { return std::uint64_t{utf8::first_invalid(t)}; }});
  methods.push_back({"ceiling: 64-bit XOR sum", [](std::string_view t) { return xor_sum(t); }});
  methods.push_back({"ceiling: memchr of an absent byte", [](std::string_view t) {
                       return std::uint64_t{std::memchr(t.data(), 0xFF, t.size()) != nullptr};
                     }});
  const double megabytes = static_cast<double>(text.size()) / (1024.0 * 1024.0);
  for (int round = 0; round < rounds; ++round)
    for (Method& method : methods) {
      // Passes until 50 ms of CPU, so a round is long enough to time.
      const double start = cpu_seconds();
      int passes = 0;
      double seconds = 0;
      do {
        method.result = method.run(text);
        ++passes;
        seconds = cpu_seconds() - start;
      } while (seconds < 0.05);
      method.best = std::max(method.best, passes * megabytes / seconds);
    }
  const std::size_t first_invalid = utf8::first_invalid(text);
  std::printf("%s: %.1f MB, %s\n", name.c_str(), megabytes,
              first_invalid == std::string_view::npos ? "valid UTF-8"
                                                      : ("first invalid byte at " + std::to_string(first_invalid)).c_str());
  for (const Method& method : methods) std::printf("  %-44s %9.0f MB/s\n", method.name.c_str(), method.best);
}

}  // namespace

int main(int argc, char** argv) {
  fs::path corpora = fs::path(TRANSCHECK_SOURCE_DIR) / ".." / "shared" / "corpora";
  std::size_t megabytes = 40;
  int rounds = 5;
  std::vector<std::string> files;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--corpora" && i + 1 < argc) corpora = argv[++i];
    else if (arg == "--megabytes" && i + 1 < argc) megabytes = std::stoul(argv[++i]);
    else if (arg == "--rounds" && i + 1 < argc) rounds = std::stoi(argv[++i]);
    else if (arg.rfind("--", 0) != 0) files.push_back(arg);
    else {
      std::cerr << "usage: utf8_validation_bench [--corpora DIR] [--megabytes N] [--rounds N] [FILE...]\n";
      return 2;
    }
  }
  std::printf("best of %d interleaved rounds, process CPU time\n", rounds);
  if (!files.empty()) {
    for (const std::string& file : files) measure(file, read_file(file), rounds);
    return 0;
  }
  for (const std::string side : {"en", "zh"}) {
    const std::string text = corpus_text(corpora, side, megabytes / 2);
    if (text.empty()) {
      std::printf("%s: corpus absent (%s has no mac-dev or vis-dev texts)\n", side.c_str(), corpora.string().c_str());
      continue;
    }
    measure(side + " (mac-dev and vis-dev texts of " + corpora.string() + ", repeated)", text, rounds);
  }
  return 0;
}
