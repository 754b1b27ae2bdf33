// The `transcheck align` command, run as a process.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

namespace {

namespace fs = std::filesystem;

struct CommandRun {
  int status = -1;
  std::string output;
};

CommandRun run_align(const std::string& arguments) {
  const std::string command = std::string(TRANSCHECK_BINARY) + " align " + arguments + " 2>&1";
  CommandRun result;
  FILE* pipe = popen(command.c_str(), "r");
  if (!pipe) return result;
  char buffer[4096];
  std::size_t n;
  while ((n = fread(buffer, 1, sizeof buffer, pipe)) > 0) result.output.append(buffer, n);
  const int status = pclose(pipe);
  result.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return result;
}

class AlignCommand : public testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("transcheck_align_" + std::to_string(::getpid()));
    fs::create_directories(dir_);
    write("a.zh.txt", "我喜欢苹果。医生在医院工作，每天晚上回家吃饭。\n\n天气很冷。\n");
    write("a.en.txt", "I like apples. The doctor works in the hospital. Every evening he goes home to eat.\n\nThe weather is cold.\n");
  }
  void TearDown() override { fs::remove_all(dir_); }
  void write(const std::string& name, const std::string& text) { std::ofstream(dir_ / name, std::ios::binary) << text; }
  std::string path(const std::string& name) const { return (dir_ / name).string(); }
  fs::path dir_;
};

TEST_F(AlignCommand, BeadsFormat) {
  const CommandRun r = run_align("--format beads " + path("a.zh.txt") + " " + path("a.en.txt"));
  EXPECT_EQ(r.status, 0) << r.output;
  EXPECT_EQ(r.output, "[0]:[0]\n[1]:[1,2]\n[2]:[3]\n");
}

TEST_F(AlignCommand, JsonPairsWithPositions) {
  const CommandRun r = run_align("--format json " + path("a.zh.txt") + " " + path("a.en.txt"));
  ASSERT_EQ(r.status, 0) << r.output;
  const auto json = nlohmann::json::parse(r.output);
  ASSERT_EQ(json["pairs"].size(), 3u);
  const auto& pair = json["pairs"][1];
  EXPECT_EQ(pair["type"], "1-2");
  EXPECT_EQ(pair["source"][0]["text"], "医生在医院工作，每天晚上回家吃饭。");
  EXPECT_EQ(pair["source"][0]["line"], 1);
  EXPECT_EQ(pair["source"][0]["column"], 7);
  EXPECT_EQ(pair["target"][1]["text"], "Every evening he goes home to eat.");
  EXPECT_EQ(json["pairs"][2]["target"][0]["line"], 3);
  EXPECT_GT(pair["score"].get<double>(), 0.0);
}

TEST_F(AlignCommand, TsvAndTextAndSegmented) {
  const CommandRun tsv = run_align("--format tsv " + path("a.zh.txt") + " " + path("a.en.txt"));
  EXPECT_NE(tsv.output.find("天气很冷。\tThe weather is cold.\n"), std::string::npos) << tsv.output;
  const CommandRun text = run_align(path("a.zh.txt") + " " + path("a.en.txt"));
  EXPECT_NE(text.output.find("--- 1-2"), std::string::npos) << text.output;
  const CommandRun segmented = run_align("--segmented --format beads " + path("a.zh.txt") + " " + path("a.en.txt"));
  EXPECT_EQ(segmented.output, "[0]:[0]\n[1]:[1]\n");
}

TEST_F(AlignCommand, WritesOutputFile) {
  const CommandRun r = run_align("--format beads -o " + path("out.txt") + " " + path("a.zh.txt") + " " + path("a.en.txt"));
  EXPECT_EQ(r.status, 0) << r.output;
  std::ifstream in(path("out.txt"));
  std::string first;
  std::getline(in, first);
  EXPECT_EQ(first, "[0]:[0]");
}

TEST_F(AlignCommand, MissingFileIsAnInputError) {
  const CommandRun r = run_align(path("nope.zh.txt") + " " + path("a.en.txt"));
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.output.find("nope.zh.txt"), std::string::npos) << r.output;
}

TEST_F(AlignCommand, UnknownFormatIsAUsageError) {
  const CommandRun r = run_align("--format xml " + path("a.zh.txt") + " " + path("a.en.txt"));
  EXPECT_NE(r.status, 0);
  EXPECT_NE(r.output.find("--format"), std::string::npos) << r.output;
}

}  // namespace
