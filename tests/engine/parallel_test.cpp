#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include <unistd.h>

#include "engine/parallel.h"
#include "report/printers.h"

namespace tc {
namespace {

namespace fs = std::filesystem;

TEST(RunJobs, ResultsComeBackInJobOrderWhateverTheThreads) {
  const fs::path dir = fs::temp_directory_path() / ("transcheck-parallel-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  std::vector<Job> jobs;
  for (int i = 0; i < 24; ++i) {
    const fs::path path = dir / ("f" + std::to_string(i) + ".txt");
    // Files of very different lengths, so they finish out of order.
    std::ofstream(path) << std::string(static_cast<std::size_t>((24 - i) * 200), ' ') << "We saw the the patient " << i << ".\n";
    jobs.push_back(document_job(path.string()));
  }
  jobs.push_back(document_job((dir / "missing.txt").string()));
  RunConfig config;
  config.document_language = LanguageTag{Lang::en};
  const CheckSession session(config);
  auto collect = [&](unsigned threads) {
    std::vector<std::string> out;
    run_jobs(session, jobs, threads, [&](std::size_t index, JobResult& result) {
      out.push_back(std::to_string(index) + (result.error ? " error" : ""));
      for (const Finding& f : result.findings) out.push_back(headline(f));
    });
    return out;
  };
  const auto one = collect(1);
  ASSERT_EQ(one.size(), 24u * 2 + 1);
  EXPECT_EQ(one.back(), "24 error");
  EXPECT_EQ(collect(3), one);
  EXPECT_EQ(collect(0), one);
  fs::remove_all(dir);
}

}  // namespace
}  // namespace tc
