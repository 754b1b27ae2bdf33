#include "text/placeholders.h"

#include <gtest/gtest.h>

#include <string>

namespace tc::test {
namespace {

std::vector<std::string> urls_in(const std::string& text, Span span) {
  std::vector<std::string> out;
  for (const auto& p : find_placeholders(text, span))
    if (p.kind == PlaceholderKind::url) out.push_back(p.key);
  return out;
}

TEST(Placeholders, UrlOfTheSpanIsFoundWhateverComesBefore) {
  const std::string first = "Read the leaflet at www.example.org first. ";
  const std::string second = "Then see https://example.org/dose?x=1 (page 2).";
  const std::string text = first + second;
  EXPECT_EQ(urls_in(text, {first.size(), text.size()}), (std::vector<std::string>{"https://example.org/dose?x=1"}));
  EXPECT_EQ(urls_in(text, {0, first.size()}), (std::vector<std::string>{"www.example.org"}));
}

TEST(Placeholders, UrlStartingBeforeTheSpanIsNotItsOwn) {
  // A sentence break inside a URL (a segmenter splitting at its dot): the URL
  // belongs to the span where it starts, not to the piece after the break.
  const std::string text = "Go to https://example.org/a.Then rest.";
  const std::size_t cut = text.find("Then");
  EXPECT_TRUE(urls_in(text, {cut, text.size()}).empty());
  EXPECT_EQ(urls_in(text, {0, text.size()}).size(), 1u);
}

TEST(Placeholders, UrlAfterChineseTextWithoutSpaces) {
  const std::string text = "请阅读说明书。详情见https://example.org/zh页面。";
  const std::size_t second = text.find("详情");
  EXPECT_EQ(urls_in(text, {second, text.size()}), (std::vector<std::string>{"https://example.org/zh"}));
}

}  // namespace
}  // namespace tc::test
