#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <string>
#include <vector>

#include "project/pairing.h"
#include "support/scratch_tree.h"

namespace tc {
namespace {

using Strings = std::vector<std::string>;
using test::pair_names;

PairRule rule(const char* source, const char* target) { return {Glob(source), Glob(target), std::nullopt, std::nullopt}; }

TEST(PairFiles, HugoContentDirectories) {
  const Strings files{"content/zh-cn/post/a.md", "content/en/post/a.md", "content/zh-cn/post/b.md",
                      "content/en/about.md",     "content/zh-cn/_index.md", "content/en/_index.md",
                      "static/logo.png"};
  const auto pairing = pair_files(files, {rule("content/zh-cn/**", "content/en/**")});
  EXPECT_EQ(pair_names(pairing), (Strings{"content/zh-cn/_index.md <-> content/en/_index.md",
                                          "content/zh-cn/post/a.md <-> content/en/post/a.md"}));
  EXPECT_EQ(pairing.unpaired_sources, Strings{"content/zh-cn/post/b.md"});
  EXPECT_EQ(pairing.unpaired_targets, Strings{"content/en/about.md"});
}

TEST(PairFiles, ComponentsWithLanguageInTheFileName) {
  const Strings files{"components/button/index.zh-CN.md", "components/button/index.en-US.md",
                      "components/index.zh-CN.md",        "components/index.en-US.md",
                      "components/form/demo/basic.md",    "components/table/index.zh-CN.md"};
  const auto pairing =
      pair_files(files, {rule("components/**/index.zh-CN.md", "components/**/index.en-US.md")});
  EXPECT_EQ(pair_names(pairing),
            (Strings{"components/button/index.zh-CN.md <-> components/button/index.en-US.md",
                     "components/index.zh-CN.md <-> components/index.en-US.md"}));
  EXPECT_EQ(pairing.unpaired_sources, Strings{"components/table/index.zh-CN.md"});
  EXPECT_TRUE(pairing.unpaired_targets.empty());
}

TEST(PairFiles, DocusaurusTranslationTreeAgainstDocs) {
  const std::string zh = "i18n/zh-Hans/docusaurus-plugin-content-docs/current/";
  const Strings files{zh + "intro.md", zh + "guide/setup.md", "docs/intro.md", "docs/guide/setup.md",
                      "docs/guide/deploy.md", zh + "guide/setup.png"};
  const auto pairing = pair_files(
      files, {rule("i18n/zh-Hans/docusaurus-plugin-content-docs/current/**/*.md", "docs/**/*.md")});
  EXPECT_EQ(pair_names(pairing), (Strings{zh + "guide/setup.md <-> docs/guide/setup.md",
                                          zh + "intro.md <-> docs/intro.md"}));
  EXPECT_TRUE(pairing.unpaired_sources.empty());
  EXPECT_EQ(pairing.unpaired_targets, Strings{"docs/guide/deploy.md"});
}

TEST(PairFiles, CapturesMustAllBeEqualNotJustTheLast) {
  // Same file name in different directories does not pair.
  const auto pairing = pair_files({"zh/a/intro.md", "en/b/intro.md"}, {rule("zh/**/*.md", "en/**/*.md")});
  EXPECT_TRUE(pairing.pairs.empty());
  EXPECT_EQ(pairing.unpaired_sources, Strings{"zh/a/intro.md"});
  EXPECT_EQ(pairing.unpaired_targets, Strings{"en/b/intro.md"});
}

TEST(PairFiles, ChineseFileNamesPairByTheirCapturedText) {
  const auto pairing = pair_files({"zh/指南/安装.md", "en/指南/安装.md"}, {rule("zh/**/*.md", "en/**/*.md")});
  EXPECT_EQ(pair_names(pairing), Strings{"zh/指南/安装.md <-> en/指南/安装.md"});
}

TEST(PairFiles, OrderOfTheFileListDoesNotMatter) {
  Strings files;
  for (int i = 0; i < 30; ++i) {
    files.push_back("zh/p" + std::to_string(i) + ".md");
    if (i % 3) files.push_back("en/p" + std::to_string(i) + ".md");
    if (i % 5 == 0) files.push_back("en/orphan" + std::to_string(i) + ".md");
  }
  const std::vector<PairRule> rules{rule("zh/*.md", "en/*.md")};
  const auto expected = pair_files(files, rules);
  EXPECT_EQ(expected.pairs.size(), 20u);
  EXPECT_EQ(expected.unpaired_sources.size(), 10u);
  EXPECT_EQ(expected.unpaired_targets.size(), 6u);
  EXPECT_TRUE(std::is_sorted(expected.pairs.begin(), expected.pairs.end()));
  EXPECT_TRUE(std::is_sorted(expected.unpaired_sources.begin(), expected.unpaired_sources.end()));
  std::mt19937 random(7);
  for (int round = 0; round < 5; ++round) {
    std::shuffle(files.begin(), files.end(), random);
    const auto shuffled = pair_files(files, rules);
    EXPECT_EQ(shuffled.pairs, expected.pairs);
    EXPECT_EQ(shuffled.unpaired_sources, expected.unpaired_sources);
    EXPECT_EQ(shuffled.unpaired_targets, expected.unpaired_targets);
  }
}

TEST(PairFiles, AnEarlierRuleKeepsItsFiles) {
  const Strings files{"a.zh.md", "a.en.md", "a.en-US.md", "b.zh.md", "b.en-US.md"};
  const auto pairing = pair_files(files, {rule("*.zh.md", "*.en.md"), rule("*.zh.md", "*.en-US.md")});
  EXPECT_EQ(pair_names(pairing), (Strings{"a.zh.md <-> a.en.md", "b.zh.md <-> b.en-US.md"}));
  EXPECT_EQ(pairing.pairs[0].rule, 0u);
  EXPECT_EQ(pairing.pairs[1].rule, 1u);
  // b.zh.md found no partner under the first rule but did under the second: not unpaired.
  EXPECT_TRUE(pairing.unpaired_sources.empty());
  EXPECT_EQ(pairing.unpaired_targets, Strings{"a.en-US.md"});
}

TEST(PairFiles, AFileIsNeverItsOwnTranslation) {
  const auto pairing = pair_files({"docs/a.md"}, {rule("docs/**", "docs/**")});
  EXPECT_TRUE(pairing.pairs.empty());
  EXPECT_EQ(pairing.unpaired_sources, Strings{"docs/a.md"});
  EXPECT_TRUE(pairing.unpaired_targets.empty());
}

TEST(PairFiles, DuplicatePathsInTheInputCountOnce) {
  const auto pairing = pair_files({"zh/a.md", "en/a.md", "zh/a.md"}, {rule("zh/*.md", "en/*.md")});
  EXPECT_EQ(pairing.pairs.size(), 1u);
}

TEST(SelectFiles, MatchesGlobsAndSkipsTheGivenFiles) {
  const Strings files{"blog/b.md", "blog/a.md", "docs/c.md", "blog/x/d.md"};
  EXPECT_EQ(select_files(files, {Glob("blog/**/*.md")}, {"blog/b.md"}), (Strings{"blog/a.md", "blog/x/d.md"}));
  EXPECT_TRUE(select_files(files, {}).empty());
}

}  // namespace
}  // namespace tc
