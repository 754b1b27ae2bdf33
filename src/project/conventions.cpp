#include "project/conventions.h"

#include <algorithm>
#include <array>
#include <string>
#include <utility>

namespace tc {
namespace {

constexpr std::array<const char*, 6> kChineseNames{"zh", "zh-CN", "zh-cn", "zh_CN", "zh-Hans", "zh-hans"};
constexpr std::array<const char*, 4> kEnglishNames{"en", "en-US", "en-us", "en_US"};
constexpr std::array<const char*, 3> kExtensions{"md", "markdown", "txt"};

// Language-name pairs, those written in the same style first.
std::vector<std::pair<std::string, std::string>> name_pairs() {
  std::vector<std::pair<std::string, std::string>> pairs{
      {"zh", "en"}, {"zh-CN", "en-US"}, {"zh-cn", "en-us"}, {"zh_CN", "en_US"}, {"zh-Hans", "en"}, {"zh-hans", "en"}};
  for (const char* zh : kChineseNames)
    for (const char* en : kEnglishNames) {
      std::pair<std::string, std::string> candidate{zh, en};
      if (std::find(pairs.begin(), pairs.end(), candidate) == pairs.end()) pairs.push_back(std::move(candidate));
    }
  return pairs;
}

}  // namespace

std::vector<PairRule> default_pair_rules(Lang source_lang) {
  std::vector<std::pair<std::string, std::string>> globs;  // Chinese, English
  const auto pairs = name_pairs();
  for (const auto& [zh, en] : pairs)
    for (const char* ext : kExtensions)
      globs.emplace_back("**/*." + zh + "." + ext, "**/*." + en + "." + ext);
  for (const char* zh : kChineseNames)
    for (const char* section : {"docs", "blog"})
      for (const char* ext : kExtensions)
        globs.emplace_back(std::string("i18n/") + zh + "/docusaurus-plugin-content-" + section + "/" +
                               (std::string(section) == "docs" ? "current/" : "") + "**/*." + ext,
                           std::string(section) + "/**/*." + ext);
  for (const auto& [zh, en] : pairs)
    for (const char* ext : kExtensions)
      globs.emplace_back("**/" + zh + "/**/*." + ext, "**/" + en + "/**/*." + ext);

  std::vector<PairRule> rules;
  rules.reserve(globs.size());
  for (const auto& [zh, en] : globs) {
    const bool english_source = source_lang == Lang::en;
    rules.push_back({Glob(english_source ? en : zh), Glob(english_source ? zh : en), std::nullopt, std::nullopt});
  }
  return rules;
}

}  // namespace tc
