#include <gtest/gtest.h>

#include "project/glob.h"
#include "project/project_run.h"
#include "rules/registry.h"

namespace tc {
namespace {

TEST(GlobExpand, CapturesFillTheOtherGlob) {
  const Glob source("content/zh-cn/**/*.md");
  const Glob target("content/en/**/*.md");
  const auto deep = source.match("content/zh-cn/post/2024/a.md");
  ASSERT_TRUE(deep);
  EXPECT_EQ(target.expand(*deep), "content/en/post/2024/a.md");
  const auto shallow = source.match("content/zh-cn/a.md");
  ASSERT_TRUE(shallow);
  EXPECT_EQ(target.expand(*shallow), "content/en/a.md");
  const Glob component("components/**/index.en-US.md");
  EXPECT_EQ(component.expand(*Glob("components/**/index.zh-CN.md").match("components/button/index.zh-CN.md")),
            "components/button/index.en-US.md");
}

ProjectFiles planned(const std::vector<std::string>& files, const std::vector<PairRule>& rules) {
  return plan_project(files, rules, {});
}

TEST(ProjectRun, PairsUnpairedFilesAndOverridesBecomeJobs) {
  const ProjectConfig config = parse_project_config(R"(
[[pairs]]
source = "zh/**/*.md"
target = "en/**/*.md"
target-lang = "en"

[[overrides]]
paths = ["en/legal/**"]
disable = ["typography"]
)", "transcheck.toml");
  const auto rules = project_pair_rules(config);
  const ProjectFiles files =
      planned({"zh/a.md", "en/a.md", "zh/legal/terms.md", "en/legal/terms.md", "zh/new.md", "en/old.md"}, rules);
  RunConfig base;
  CheckSession session(base);
  const ProjectRun run = plan_project_run(files, rules, &config, "site", base, [](RunConfig&) {}, session);
  ASSERT_EQ(run.jobs.size(), 4u);
  EXPECT_EQ(run.pairs, 2u);
  EXPECT_EQ(run.unpaired_sources, 1u);
  EXPECT_EQ(run.unpaired_targets, 1u);
  // Ordered by first path; paths shown below the root, project paths relative to it.
  EXPECT_EQ(run.jobs[0].paths, (std::vector<std::string>{"site/en/old.md"}));
  ASSERT_TRUE(run.jobs[0].missing);
  EXPECT_EQ(run.jobs[0].missing->side, Role::target);
  EXPECT_EQ(run.jobs[0].missing->expected, "site/zh/old.md");
  EXPECT_EQ(run.jobs[1].project_paths, (std::vector<std::string>{"zh/a.md", "en/a.md"}));
  EXPECT_EQ(run.jobs[1].variant, 0u);
  EXPECT_EQ(run.jobs[2].project_paths, (std::vector<std::string>{"zh/legal/terms.md", "en/legal/terms.md"}));
  EXPECT_NE(run.jobs[2].variant, 0u);  // its override has a rule runner of its own
  ASSERT_TRUE(run.jobs[3].missing);
  EXPECT_EQ(run.jobs[3].missing->side, Role::source);
  EXPECT_EQ(run.jobs[3].missing->expected, "site/en/new.md");
}

TEST(ProjectRun, KeepFilesUnderADirectory) {
  const auto rules = std::vector<PairRule>{{Glob("zh/**/*.md"), Glob("en/**/*.md"), std::nullopt, std::nullopt}};
  ProjectFiles files = planned({"zh/a/x.md", "en/a/x.md", "zh/b/y.md", "en/b/y.md", "zh/a/z.md"}, rules);
  keep_files_under(files, "zh/a");
  ASSERT_EQ(files.pairing.pairs.size(), 1u);
  EXPECT_EQ(files.pairing.pairs[0].source, "zh/a/x.md");
  EXPECT_EQ(files.pairing.unpaired_sources, (std::vector<std::string>{"zh/a/z.md"}));
}

}  // namespace
}  // namespace tc
