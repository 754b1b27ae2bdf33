#pragma once
// Shared by the project-layer tests: a scratch directory per test, and the
// pairs of a Pairing as "source <-> target" lines.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "project/pairing.h"

namespace tc::test {

class ScratchTree : public testing::Test {
 protected:
  void SetUp() override {
    const auto* info = testing::UnitTest::GetInstance()->current_test_info();
    root_ = std::filesystem::temp_directory_path() / ("transcheck-" + std::string(info->test_suite_name()) + "-" +
                                                      std::to_string(::getpid()) + "-" + info->name());
    std::filesystem::remove_all(root_);
    std::filesystem::create_directories(root_);
  }
  void TearDown() override { std::filesystem::remove_all(root_); }
  // Writes a file (and its directories) below the root.
  void write(const std::string& relative, const std::string& text = "text\n") {
    std::filesystem::create_directories((root_ / relative).parent_path());
    std::ofstream(root_ / relative) << text;
  }
  std::filesystem::path root_;
};

inline std::vector<std::string> pair_names(const Pairing& pairing) {
  std::vector<std::string> names;
  for (const auto& pair : pairing.pairs) names.push_back(pair.source + " <-> " + pair.target);
  return names;
}

}  // namespace tc::test
