#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "project/conventions.h"
#include "support/scratch_tree.h"

namespace tc {
namespace {

using Strings = std::vector<std::string>;
using test::pair_names;

TEST(DefaultPairRules, EverySourceAndTargetCaptureAlike) {
  for (const Lang lang : {Lang::zh, Lang::en})
    for (const auto& rule : default_pair_rules(lang))
      EXPECT_EQ(rule.source.wildcard_count(), rule.target.wildcard_count()) << rule.source.pattern();
}

TEST(DefaultPairRules, SiblingsThatDifferByALanguageSuffix) {
  const Strings files{"guide/intro.zh.md",   "guide/intro.en.md",   "components/button/index.zh-CN.md",
                      "components/button/index.en-US.md", "notes.zh-Hans.txt", "notes.en.txt",
                      "faq.zh_CN.markdown", "faq.en_US.markdown", "README.md", "logo.zh.png", "logo.en.png"};
  const auto pairing = pair_files(files, default_pair_rules(Lang::zh));
  EXPECT_EQ(pair_names(pairing), (Strings{"components/button/index.zh-CN.md <-> components/button/index.en-US.md",
                                          "faq.zh_CN.markdown <-> faq.en_US.markdown",
                                          "guide/intro.zh.md <-> guide/intro.en.md", "notes.zh-Hans.txt <-> notes.en.txt"}));
  EXPECT_TRUE(pairing.unpaired_sources.empty());
  EXPECT_TRUE(pairing.unpaired_targets.empty());
}

TEST(DefaultPairRules, ParallelLanguageDirectoriesAtAnyDepth) {
  const Strings files{"content/zh-cn/post/a.md", "content/en/post/a.md", "zh/guide/intro.md", "en/guide/intro.md",
                      "zh/guide/only-in-chinese.md", "en/guide/only-in-english.md", "zh/img/diagram.svg",
                      "en/img/diagram.svg"};
  const auto pairing = pair_files(files, default_pair_rules(Lang::zh));
  EXPECT_EQ(pair_names(pairing), (Strings{"content/zh-cn/post/a.md <-> content/en/post/a.md",
                                          "zh/guide/intro.md <-> en/guide/intro.md"}));
  EXPECT_EQ(pairing.unpaired_sources, Strings{"zh/guide/only-in-chinese.md"});
  EXPECT_EQ(pairing.unpaired_targets, Strings{"en/guide/only-in-english.md"});
}

TEST(DefaultPairRules, DocusaurusLayout) {
  const Strings files{"i18n/zh-Hans/docusaurus-plugin-content-docs/current/guide/setup.md", "docs/guide/setup.md",
                      "i18n/zh-Hans/docusaurus-plugin-content-blog/2024-01-02-release.md",
                      "blog/2024-01-02-release.md"};
  const auto pairing = pair_files(files, default_pair_rules(Lang::zh));
  EXPECT_EQ(pair_names(pairing),
            (Strings{"i18n/zh-Hans/docusaurus-plugin-content-blog/2024-01-02-release.md <-> blog/2024-01-02-release.md",
                     "i18n/zh-Hans/docusaurus-plugin-content-docs/current/guide/setup.md <-> docs/guide/setup.md"}));
}

TEST(DefaultPairRules, TheSameSpellingStyleWinsWhenThereAreTwoCandidates) {
  const auto pairing =
      pair_files({"a.zh-CN.md", "a.en.md", "a.en-US.md", "b.zh.md", "b.en.md", "b.en-US.md"}, default_pair_rules(Lang::zh));
  EXPECT_EQ(pair_names(pairing), (Strings{"a.zh-CN.md <-> a.en-US.md", "b.zh.md <-> b.en.md"}));
  EXPECT_EQ(pairing.unpaired_targets, (Strings{"a.en.md", "b.en-US.md"}));
}

TEST(DefaultPairRules, EnglishSourcesWhenTheSourceLanguageIsEnglish) {
  const auto pairing = pair_files({"intro.en.md", "intro.zh.md", "zh/a.md", "en/a.md", "en/b.md"},
                                  default_pair_rules(Lang::en));
  EXPECT_EQ(pair_names(pairing), (Strings{"en/a.md <-> zh/a.md", "intro.en.md <-> intro.zh.md"}));
  EXPECT_EQ(pairing.unpaired_sources, Strings{"en/b.md"});
}

}  // namespace
}  // namespace tc
