// Time and size of the HTML report against the JSON report, written from the
// same job result in the same run (so the check itself is not counted): the
// largest mac-dev chapter pair, and a book-sized pair (the chapters repeated
// to about 1 MB a side, some 300 pages). Reads ../shared/corpora/mac-dev next
// to the source tree (or $TRANSCHECK_CORPORA) and says so when it is absent.
// bench/report_bench.sh adds the browser's load time and the `fix` figures.
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "engine/session.h"
#include "report/printers.h"

namespace fs = std::filesystem;
using namespace tc;

namespace {

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// Best of five: seconds to write the report, and its size.
std::pair<double, std::size_t> time_sink(std::string_view format, const JobResult& result, const ReportContext& context) {
  double best = 1e9;
  std::size_t size = 0;
  for (int round = 0; round < 5; ++round) {
    std::ostringstream out;
    const auto start = std::chrono::steady_clock::now();
    const auto sink = make_report_sink(format, out, context);
    sink->begin_run();
    sink->job_result(result);
    sink->end_run({});
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    best = std::min(best, seconds);
    size = out.str().size();
  }
  return {best, size};
}

void measure(const std::string& label, const fs::path& zh, const fs::path& en) {
  RunConfig config;
  config.keep_alignment = true;
  const CheckSession session(config);
  const auto start = std::chrono::steady_clock::now();
  const JobResult result = session.run({Job::Kind::pair, {zh.string(), en.string()}});
  const double check = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (result.error) {
    std::cout << label << ": " << result.error->message << '\n';
    return;
  }
  ReportContext context;
  context.rules = &session.rules();
  const auto [json_seconds, json_size] = time_sink("json", result, context);
  const auto [html_seconds, html_size] = time_sink("html", result, context);
  std::printf("%s: %zu + %zu bytes, %zu beads, %zu findings; check %.2f s\n", label.c_str(),
              result.documents[0].text.size(), result.documents[1].text.size(),
              result.alignment ? result.alignment->beads.size() : 0, result.findings.size(), check);
  std::printf("  json report: %8.1f ms %10zu bytes\n", json_seconds * 1000, json_size);
  std::printf("  html report: %8.1f ms %10zu bytes (%.1fx the time, %.1fx the size of JSON)\n", html_seconds * 1000,
              html_size, html_seconds / json_seconds, static_cast<double>(html_size) / static_cast<double>(json_size));
}

}  // namespace

int main() {
  const fs::path source_dir = fs::path(TRANSCHECK_DATA_DIR).parent_path();
  fs::path corpora = source_dir / ".." / "shared" / "corpora";
  if (const char* env = std::getenv("TRANSCHECK_CORPORA")) corpora = env;
  const fs::path mac = corpora / "mac-dev";
  if (!fs::is_directory(mac / "zh")) {
    std::cout << "corpus absent (" << mac.string() << "): no figures\n";
    return 0;
  }
  std::vector<std::string> chapters;
  for (const auto& entry : fs::directory_iterator(mac / "zh")) {
    const std::string name = entry.path().filename().string();
    if (name.find('.') == std::string::npos && fs::exists(mac / "en" / name)) chapters.push_back(name);
  }
  std::sort(chapters.begin(), chapters.end());
  if (chapters.empty()) {
    std::cout << "no chapter pairs in " << mac.string() << '\n';
    return 0;
  }
  const auto pair_size = [&](const std::string& name) { return fs::file_size(mac / "zh" / name) + fs::file_size(mac / "en" / name); };
  const std::string largest = *std::max_element(chapters.begin(), chapters.end(),
                                                [&](const auto& a, const auto& b) { return pair_size(a) < pair_size(b); });
  measure("mac-dev chapter " + largest, mac / "zh" / largest, mac / "en" / largest);

  // The book: every chapter in turn, again and again, to about 1 MB a side.
  const fs::path dir = fs::temp_directory_path() / ("html_report_bench-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  for (const char* side : {"zh", "en"}) {
    std::string book;
    while (book.size() < 1'000'000)
      for (const auto& name : chapters) book += read_file(mac / side / name) + "\n\n";
    std::ofstream(dir / (std::string("book.") + side + ".txt"), std::ios::binary) << book;
  }
  measure("book pair (~300 pages)", dir / "book.zh.txt", dir / "book.en.txt");
  fs::remove_all(dir);
  return 0;
}
