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

std::vector<std::string> keys_at(const std::string& text, Span span) {
  std::vector<std::string> out;
  for (const auto& p : find_placeholders(text, span))
    out.push_back(std::to_string(p.span.begin) + "-" + std::to_string(p.span.end) + " " + p.key);
  return out;
}

// Braces are matched once for the span: runs of unmatched or nested '{' (each
// searched to the end for its match, quadratic before) still give the
// placeholders their matches make.
TEST(Placeholders, RunsOfBracesFindTheGroupsTheirMatchesMake) {
  const std::string run(20000, '{');
  const std::string text = run + "{name} %{count} ${user} {{title}} {n, plural, one {# day} other {# days}}";
  const std::size_t at = run.size();
  EXPECT_EQ(keys_at(text, {0, text.size()}),
            (std::vector<std::string>{std::to_string(at) + "-" + std::to_string(at + 6) + " {name}",
                                      std::to_string(at + 7) + "-" + std::to_string(at + 15) + " %{count}",
                                      std::to_string(at + 16) + "-" + std::to_string(at + 23) + " ${user}",
                                      std::to_string(at + 24) + "-" + std::to_string(at + 33) + " {{title}}",
                                      std::to_string(at + 34) + "-" + std::to_string(text.size()) + " {n,plural}"}));
  // Nested groups: the outer one is no placeholder, the inner ones are.
  EXPECT_EQ(keys_at("{{{a}} {b}}", {0, 11}), (std::vector<std::string>{"1-6 {{a}}", "7-10 {b}"}));
  // A span inside the text: braces before it do not match the span's.
  const std::string inside = "{ x {a} }";
  EXPECT_EQ(keys_at(inside, {2, inside.size()}), (std::vector<std::string>{"4-7 {a}"}));
  EXPECT_TRUE(keys_at(std::string(5000, '}') + std::string(5000, '{'), {0, 10000}).empty());
}

}  // namespace
}  // namespace tc::test
