#include <gtest/gtest.h>

#include <sstream>
#include <string>

#include "project/config.h"
#include "project/starter_config.h"

namespace tc {
namespace {

// The starter text with every example line (`#` followed directly by TOML) enabled.
std::string with_examples_enabled(std::string_view text) {
  std::istringstream lines{std::string(text)};
  std::string enabled;
  for (std::string line; std::getline(lines, line);) {
    if (line.size() > 1 && line[0] == '#' && line[1] != ' ') line.erase(0, 1);
    enabled += line + '\n';
  }
  return enabled;
}

TEST(StarterConfig, IsAValidConfigAsWritten) {
  const ProjectConfig config = parse_project_config(starter_config_text(), "transcheck.toml");
  ASSERT_TRUE(config.source_lang && config.target_lang);
  EXPECT_EQ(config.source_lang->value, "zh");
  EXPECT_EQ(config.target_lang->value, "en");
  EXPECT_TRUE(config.pairs.empty());  // the default conventions apply until pairs are written
  EXPECT_TRUE(config.rules.empty());
}

TEST(StarterConfig, EveryExampleIsValidWhenEnabled) {
  const ProjectConfig config = parse_project_config(with_examples_enabled(starter_config_text()), "transcheck.toml");
  EXPECT_EQ(config.glossaries.size(), 1u);
  EXPECT_EQ(config.exclude.size(), 2u);
  EXPECT_EQ(config.files.size(), 1u);
  EXPECT_EQ(config.pairs.size(), 3u);
  EXPECT_EQ(config.rules.enable.size(), 1u);
  EXPECT_EQ(config.rules.disable.size(), 1u);
  EXPECT_EQ(config.rules.severity.size(), 1u);
  EXPECT_EQ(config.rules.options.size(), 1u);
  ASSERT_EQ(config.overrides.size(), 1u);
  EXPECT_EQ(config.overrides[0].rules.disable.size(), 1u);
}

}  // namespace
}  // namespace tc
