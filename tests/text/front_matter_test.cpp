#include <gtest/gtest.h>

#include <string>

#include "text/front_matter.h"

namespace tc {
namespace {

TEST(FrontMatter, YamlBlockAtTheStartEndsAfterItsClosingLine) {
  const std::string text = "---\ntitle: 化疗与免疫\ntags: [肿瘤, 免疫]\n---\n# 化疗\n正文。\n";
  const auto front = find_front_matter(text);
  ASSERT_TRUE(front);
  EXPECT_EQ(front->syntax, FrontMatterSyntax::yaml);
  EXPECT_EQ(text.substr(front->span.begin, front->span.size()), "---\ntitle: 化疗与免疫\ntags: [肿瘤, 免疫]\n---\n");
  EXPECT_EQ(text.substr(front->content.begin, front->content.size()), "title: 化疗与免疫\ntags: [肿瘤, 免疫]\n");
}

TEST(FrontMatter, TomlBlockWithPlusFences) {
  const std::string text = "+++\ntitle = \"Chemotherapy\"\n[params]\nslug = \"chemo\"\n+++\nBody text.\n";
  const auto front = find_front_matter(text);
  ASSERT_TRUE(front);
  EXPECT_EQ(front->syntax, FrontMatterSyntax::toml);
  EXPECT_EQ(text.substr(front->span.end), "Body text.\n");
}

TEST(FrontMatter, CrlfTrailingSpacesDotsAndTheEndOfTheText) {
  const std::string crlf = "--- \r\ndate: 2024-05-01\r\n---\t\r\nText";
  const auto front = find_front_matter(crlf);
  ASSERT_TRUE(front);
  EXPECT_EQ(crlf.substr(front->span.end), "Text");
  const std::string dots = "---\nlayout: post\n...\nText";
  ASSERT_TRUE(find_front_matter(dots));
  EXPECT_EQ(dots.substr(find_front_matter(dots)->span.end), "Text");
  const std::string at_end = "---\nlayout: post\n---";
  ASSERT_TRUE(find_front_matter(at_end));
  EXPECT_EQ(find_front_matter(at_end)->span.end, at_end.size());
  const std::string empty = "---\n---\nText";
  ASSERT_TRUE(find_front_matter(empty));
  EXPECT_TRUE(find_front_matter(empty)->content.empty());
}

TEST(FrontMatter, CommentsAndBlankLinesBeforeTheFirstKey) {
  const std::string text = "---\n# generated\n\nlayout: post\n---\nText";
  EXPECT_TRUE(find_front_matter(text));
  EXPECT_TRUE(find_front_matter("---\nsidebar_position: 2\n---\n"));
  EXPECT_TRUE(find_front_matter("---\n\"og:title\": 化疗\n---\n"));
  EXPECT_TRUE(find_front_matter("---\nslug:\n  - chemo\n---\n"));
  EXPECT_TRUE(find_front_matter("---\n标题: 化疗\n---\n"));
}

TEST(FrontMatter, OnlyAtTheVeryStart) {
  EXPECT_FALSE(find_front_matter("\n---\ntitle: x\n---\nText"));
  EXPECT_FALSE(find_front_matter("Text\n---\ntitle: x\n---\n"));
  EXPECT_FALSE(find_front_matter(" ---\ntitle: x\n---\n"));
}

TEST(FrontMatter, ThematicBreaksAroundProseAreNotFrontMatter) {
  // A page may open with a rule and have another later: its prose stays checked.
  EXPECT_FALSE(find_front_matter("---\n\nThe results: all patients improved.\n\n---\n"));
  EXPECT_FALSE(find_front_matter("---\n化疗后白细胞减少：常见。\n---\n"));
  EXPECT_FALSE(find_front_matter("+++\nPlus signs, not TOML.\n+++\n"));
}

TEST(FrontMatter, UnclosedOrMalformedFencesAreNotFrontMatter) {
  EXPECT_FALSE(find_front_matter("---\ntitle: x\nText without an end\n"));
  EXPECT_FALSE(find_front_matter("----\ntitle: x\n----\n"));
  EXPECT_FALSE(find_front_matter("---\ntitle: x\n+++\n"));
  EXPECT_FALSE(find_front_matter("+++\ntitle = 1\n---\n"));
  EXPECT_FALSE(find_front_matter("---"));
  EXPECT_FALSE(find_front_matter(""));
}

}  // namespace
}  // namespace tc
