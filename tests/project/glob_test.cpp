#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "project/glob.h"

namespace tc {
namespace {

std::vector<std::string> captures(const std::string& pattern, const std::string& path) {
  const auto found = Glob(pattern).match(path);
  if (!found) return {"<no match>"};
  return std::vector<std::string>(found->begin(), found->end());
}

using Strings = std::vector<std::string>;
const Strings kNoMatch{"<no match>"};

TEST(Glob, StarStaysWithinOneDirectory) {
  EXPECT_EQ(captures("*.md", "intro.md"), Strings{"intro"});
  EXPECT_EQ(captures("*.md", "guide/intro.md"), kNoMatch);
  EXPECT_EQ(captures("docs/*.md", "docs/a.md"), Strings{"a"});
  EXPECT_EQ(captures("docs/*.md", "docs/a.txt"), kNoMatch);
  EXPECT_EQ(captures("docs/*.md", "docsx/a.md"), kNoMatch);
  EXPECT_EQ(captures("*", ""), Strings{""});
}

TEST(Glob, DoubleStarSegmentSpansZeroOrMoreDirectories) {
  EXPECT_EQ(captures("docs/**/*.md", "docs/a.md"), (Strings{"", "a"}));
  EXPECT_EQ(captures("docs/**/*.md", "docs/x/a.md"), (Strings{"x", "a"}));
  EXPECT_EQ(captures("docs/**/*.md", "docs/x/y/a.md"), (Strings{"x/y", "a"}));
  EXPECT_EQ(captures("**/*.md", "a.md"), (Strings{"", "a"}));
  EXPECT_EQ(captures("**/*.md", "a/b/c.md"), (Strings{"a/b", "c"}));
  EXPECT_EQ(captures("components/**/index.zh-CN.md", "components/button/index.zh-CN.md"), Strings{"button"});
  EXPECT_EQ(captures("components/**/index.zh-CN.md", "components/index.zh-CN.md"), Strings{""});
  EXPECT_EQ(captures("components/**/index.zh-CN.md", "components/button/index.en-US.md"), kNoMatch);
}

TEST(Glob, TrailingDoubleStarTakesEverythingBelow) {
  EXPECT_EQ(captures("content/zh-cn/**", "content/zh-cn/post/a.md"), Strings{"post/a.md"});
  EXPECT_EQ(captures("content/zh-cn/**", "content/zh-cn/a.md"), Strings{"a.md"});
  EXPECT_EQ(captures("content/zh-cn/**", "content/zh-cn"), kNoMatch);
  EXPECT_EQ(captures("content/zh-cn/**", "content/en/a.md"), kNoMatch);
  EXPECT_EQ(captures("**", "a/b/c"), Strings{"a/b/c"});
}

TEST(Glob, DoubleStarInsideASegmentIsAStar) {
  EXPECT_EQ(captures("a**b", "axyb"), Strings{"xy"});
  EXPECT_EQ(captures("a**b", "ax/yb"), kNoMatch);
  EXPECT_EQ(Glob("a**b").wildcard_count(), 1u);
}

TEST(Glob, QuestionMarkAndClassesMatchOneCodePoint) {
  EXPECT_EQ(captures("?.md", "中.md"), Strings{"中"});
  EXPECT_EQ(captures("?.md", "ab.md"), kNoMatch);
  EXPECT_EQ(captures("?", "/"), kNoMatch);
  EXPECT_EQ(captures("[ab].md", "b.md"), Strings{"b"});
  EXPECT_EQ(captures("[ab].md", "c.md"), kNoMatch);
  EXPECT_EQ(captures("[!ab].md", "c.md"), Strings{"c"});
  EXPECT_EQ(captures("[^ab].md", "a.md"), kNoMatch);
  EXPECT_EQ(captures("ch[0-9][0-9].txt", "ch07.txt"), (Strings{"0", "7"}));
  EXPECT_EQ(captures("[]].md", "].md"), Strings{"]"});
  EXPECT_EQ(captures("[中文].md", "文.md"), Strings{"文"});
}

TEST(Glob, BackslashMakesAWildcardLiteral) {
  EXPECT_EQ(captures("\\*.md", "*.md"), Strings{});
  EXPECT_EQ(captures("\\*.md", "a.md"), kNoMatch);
  EXPECT_EQ(Glob("\\*\\?.md").wildcard_count(), 0u);
}

TEST(Glob, LeadingSlashOrDotSlashIsDropped) {
  EXPECT_EQ(captures("./docs/*.md", "docs/a.md"), Strings{"a"});
  EXPECT_EQ(captures("/docs/*.md", "docs/a.md"), Strings{"a"});
}

TEST(Glob, AmbiguousStarsTakeTheShortestTextFromTheLeft) {
  EXPECT_EQ(captures("*-*.md", "a-b-c.md"), (Strings{"a", "b-c"}));
}

TEST(Glob, CountsEveryWildcard) {
  EXPECT_EQ(Glob("i18n/zh-Hans/docusaurus-plugin-content-docs/current/**/*.md").wildcard_count(), 2u);
  EXPECT_EQ(Glob("docs/**/*.md").wildcard_count(), 2u);
  EXPECT_EQ(Glob("content/en/**").wildcard_count(), 1u);
  EXPECT_EQ(Glob("a/[ab]?/*.md").wildcard_count(), 3u);
  EXPECT_EQ(Glob("README.md").wildcard_count(), 0u);
}

TEST(Glob, MalformedPatternsNameTheColumn) {
  try {
    Glob("docs/[ab.md");
    FAIL() << "no error";
  } catch (const GlobError& error) {
    EXPECT_EQ(error.column(), 6u);
    EXPECT_NE(std::string(error.what()).find("unclosed"), std::string::npos);
  }
  EXPECT_THROW(Glob("docs\\"), GlobError);
  EXPECT_THROW(Glob("[z-a]"), GlobError);
  try {
    Glob("文档/[ab");
    FAIL() << "no error";
  } catch (const GlobError& error) {
    EXPECT_EQ(error.column(), 4u);  // columns count code points
  }
}

TEST(Glob, ManyStarsOnALongNameFinishQuickly) {
  // Plain backtracking would try about 200^8 ways before failing.
  const std::string name(200, 'a');
  EXPECT_FALSE(Glob("*a*a*a*a*a*a*a*a*b").matches(name));
  EXPECT_TRUE(Glob("*a*a*a*a*a*a*a*a*").matches(name));
  EXPECT_FALSE(Glob("**/**/**/**/**/**/x").matches(std::string(100, '/') + "y"));
}

TEST(Glob, CoversADirectoryOnlyWhenEverythingBelowItMatches) {
  EXPECT_TRUE(Glob("drafts/**").covers_directory("drafts"));
  EXPECT_FALSE(Glob("drafts/**").covers_directory("drafts2"));
  EXPECT_FALSE(Glob("drafts/**").covers_directory("content/drafts"));
  EXPECT_TRUE(Glob("**/node_modules/**").covers_directory("node_modules"));
  EXPECT_TRUE(Glob("**/node_modules/**").covers_directory("web/app/node_modules"));
  EXPECT_FALSE(Glob("drafts/**/*.md").covers_directory("drafts"));
  EXPECT_FALSE(Glob("drafts").covers_directory("drafts"));
  EXPECT_TRUE(Glob("**").covers_directory("anything"));
}

TEST(Glob, ADirectoryGlobExcludesWhatIsInIt) {
  const std::vector<Glob> exclude{Glob("drafts"), Glob("**/*.tmp.md")};
  EXPECT_TRUE(matches_path_or_parent("drafts/a.md", exclude));
  EXPECT_TRUE(matches_path_or_parent("drafts/x/a.md", exclude));
  EXPECT_TRUE(matches_path_or_parent("docs/a.tmp.md", exclude));
  EXPECT_FALSE(matches_path_or_parent("docs/drafts.md", exclude));
  EXPECT_FALSE(matches_path_or_parent("content/drafts/a.md", exclude));
}

}  // namespace
}  // namespace tc
