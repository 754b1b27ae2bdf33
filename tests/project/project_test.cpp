#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "project/project.h"
#include "support/scratch_tree.h"

namespace tc {
namespace {

namespace fs = std::filesystem;
using Strings = std::vector<std::string>;
using test::pair_names;

class Project : public test::ScratchTree {};

TEST_F(Project, ConfigPairsExcludesAndSingleFiles) {
  write("transcheck.toml", R"(exclude = ["content/*/drafts"]
files = ["blog/**/*.md"]
[[pairs]]
source = "content/zh-cn/**/*.md"
target = "content/en/**/*.md"
[[pairs]]
source = "components/**/index.zh-CN.md"
target = "components/**/index.en-US.md"
)");
  write("content/zh-cn/post/a.md");
  write("content/en/post/a.md");
  write("content/zh-cn/post/missing.md");
  write("content/en/orphan.md");
  write("content/zh-cn/drafts/x.md");
  write("content/en/drafts/x.md");
  write("components/button/index.zh-CN.md");
  write("components/button/index.en-US.md");
  write("blog/2024/news.md");
  write("guide.zh.md");  // the default conventions do not apply when [[pairs]] is given
  write("guide.en.md");
  const ProjectConfig config = load_project_config(root_ / "transcheck.toml");
  const ProjectFiles plan = collect_project(config);
  EXPECT_EQ(plan.root, root_);
  EXPECT_EQ(pair_names(plan.pairing), (Strings{"components/button/index.zh-CN.md <-> components/button/index.en-US.md",
                                               "content/zh-cn/post/a.md <-> content/en/post/a.md"}));
  EXPECT_EQ(plan.pairing.unpaired_sources, Strings{"content/zh-cn/post/missing.md"});
  EXPECT_EQ(plan.pairing.unpaired_targets, Strings{"content/en/orphan.md"});
  EXPECT_EQ(plan.singles, Strings{"blog/2024/news.md"});
  EXPECT_TRUE(plan.problems.empty());
}

TEST_F(Project, WithoutPairsTheConventionsFollowTheSourceLanguage) {
  write("transcheck.toml", "source-lang = \"en-US\"\ntarget-lang = \"zh\"\n");
  write("en/a.md");
  write("zh/a.md");
  write("en/b.md");
  const ProjectFiles plan = collect_project(load_project_config(root_ / "transcheck.toml"));
  EXPECT_EQ(pair_names(plan.pairing), Strings{"en/a.md <-> zh/a.md"});
  EXPECT_EQ(plan.pairing.unpaired_sources, Strings{"en/b.md"});
}

TEST_F(Project, ADirectoryWithoutConfigUsesTheDefaultConventions) {
  write("docs/zh/intro.md");
  write("docs/en/intro.md");
  write("docs/faq.zh-CN.md");
  write("docs/faq.en-US.md");
  write("docs/zh/extra.md");
  const ProjectFiles plan = collect_directory(root_ / "docs", Lang::zh);
  EXPECT_EQ(plan.root, root_ / "docs");
  EXPECT_EQ(pair_names(plan.pairing), (Strings{"faq.zh-CN.md <-> faq.en-US.md", "zh/intro.md <-> en/intro.md"}));
  EXPECT_EQ(plan.pairing.unpaired_sources, Strings{"zh/extra.md"});
}

TEST(PlanProject, SingleFilesLeaveOutThoseInAPair) {
  const Strings files{"zh/a.md", "en/a.md", "notes/n.md"};
  const std::vector<PairRule> rules{{Glob("zh/*.md"), Glob("en/*.md"), std::nullopt, std::nullopt}};
  const ProjectFiles plan = plan_project(files, rules, {Glob("**/*.md")});
  EXPECT_EQ(plan.singles, Strings{"notes/n.md"});
}

TEST(ProjectPairRules, KeepTheLanguagesOfEachPair) {
  const ProjectConfig config = parse_project_config(
      "[[pairs]]\nsource = \"zh/**\"\ntarget = \"en/**\"\nsource-lang = \"zh-Hant\"\n", "transcheck.toml");
  const auto rules = project_pair_rules(config);
  ASSERT_EQ(rules.size(), 1u);
  EXPECT_EQ(rules[0].source_lang, "zh-Hant");
  EXPECT_FALSE(rules[0].target_lang);
  EXPECT_EQ(rules[0].source.pattern(), "zh/**");
}

TEST(OverridesFor, MatchingEntriesInFileOrder) {
  const ProjectConfig config = parse_project_config(R"([[overrides]]
paths = ["content/**/legal/**"]
disable = ["alignment/length-ratio"]
[[overrides]]
paths = ["blog/**", "content/zh-cn/**"]
disable = ["typography"]
)",
                                                    "transcheck.toml");
  const auto both = overrides_for(config, "content/zh-cn/legal/terms.md");
  ASSERT_EQ(both.size(), 2u);
  EXPECT_EQ(both[0], &config.overrides[0]);
  EXPECT_EQ(both[1], &config.overrides[1]);
  EXPECT_EQ(overrides_for(config, "blog/a.md").size(), 1u);
  EXPECT_TRUE(overrides_for(config, "content/en/a.md").empty());
}

}  // namespace
}  // namespace tc
