#include "text/placeholders.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <random>
#include <string>

namespace tc::test {
namespace {

std::vector<std::string> urls_in(const std::string& text, Span span) {
  std::vector<std::string> out;
  for (const auto& p : find_placeholders(text, span))
    if (p.kind == PlaceholderKind::url) out.push_back(placeholder_key(text, p));
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
    out.push_back(std::to_string(p.span.begin) + "-" + std::to_string(p.span.end) + " " + placeholder_key(text, p));
  return out;
}

// A key is held inline when short and read again from the text when long and
// not the placeholder's own text: both give what the scan read.
TEST(Placeholders, KeysShortAndLongAreWhatTheScanRead) {
  const std::string text =
      "%1$s %s <g id=\"2\"> %2$-+#0'123456.789lld {itemsInTheBasket, plural, one {#} other {#}} "
      "{ itemsInTheBasket , number} ${ a_rather_long_name } {{ a_rather_long_name }} "
      "<x id=\"a-rather-long-identifier\"/> %1$<PRIu64> https://example.org/a/rather/long/path";
  std::vector<std::string> keys;
  for (const Placeholder& p : find_placeholders(text, {0, text.size()})) keys.push_back(placeholder_key(text, p));
  EXPECT_EQ(keys, (std::vector<std::string>{"%s", "%s", "<g#2>", "%-+#0'123456.789lld", "{itemsInTheBasket,plural}",
                                            "{itemsInTheBasket}", "${a_rather_long_name}", "{{a_rather_long_name}}",
                                            "<x#a-rather-long-identifier/>", "%<PRIu64>",
                                            "https://example.org/a/rather/long/path"}));
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

// What for_each_non_prose_placeholder masks, as a string: '*' where masked.
std::string masked_by(const std::string& text, Span span) {
  std::string shown = text;
  for_each_non_prose_placeholder(text, span, [&](Span s) {
    for (std::size_t i = s.begin; i < s.end; ++i) shown[i] = '*';
  });
  return shown;
}

// The same by the plain recursion (each branch scanned again at every
// level, quadratic when arguments nest deeply): the reference.
void mask_recursively(const std::string& text, Span span, std::string& shown) {
  for (const Placeholder& placeholder : find_placeholders(text, span)) {
    IcuArgument argument;
    if (placeholder.kind != PlaceholderKind::icu || !parse_icu_argument(text, placeholder.span, argument)) {
      for (std::size_t i = placeholder.span.begin; i < placeholder.span.end; ++i) shown[i] = '*';
      continue;
    }
    std::size_t from = placeholder.span.begin;
    for (const IcuArgument::Branch& branch : argument.branches) {
      for (std::size_t i = from; i < branch.body.begin; ++i) shown[i] = '*';
      for (std::size_t i = branch.body.begin; i < branch.body.end; ++i)
        if (text[i] == '#') shown[i] = '*';
      mask_recursively(text, branch.body, shown);
      from = branch.body.end;
    }
    for (std::size_t i = from; i < placeholder.span.end; ++i) shown[i] = '*';
  }
}

TEST(Placeholders, NestedIcuArgumentsMaskAllButTheirBranchTexts) {
  const std::string text = "x {n, plural, one{# a {v}} other{{g, select, f{b #} other{c https://e.org/#k}}}} y";
  const auto masked = [](std::size_t n) { return std::string(n, '*'); };
  // Heads, selectors and braces, '#', "{v}" and the URL are masked; " a ",
  // "b ", "c " are the branch texts.
  EXPECT_EQ(masked_by(text, {0, text.size()}), "x " + masked(17) + " a " + masked(25) + "b " + masked(9) + "c " + masked(20) + " y");
  // The inner argument alone: what lies outside the span is left alone.
  const std::size_t inner = text.find("{g,");
  EXPECT_EQ(masked_by(text, {inner, text.find("}}}} y") + 2}),
            "x {n, plural, one{# a {v}} other{" + masked(14) + "b " + masked(9) + "c " + masked(18) + "}} y");
}

TEST(Placeholders, NestedIcuMaskMatchesThePlainRecursion) {
  // Pieces that open, close and fill arguments, braces, URLs and '#', joined
  // at random: balanced or not, URLs running over branch ends, "{{", "%{".
  const std::vector<std::string> pieces = {"{n, plural, ", "one{", "other{", "=0{", "offset:1 ", "{s, select, ", "}", "}}",
                                           "#", " # ", "{v}", "{{w}}", "%{x}", "${y}", "%d", "<b>", "</b>", "&amp;",
                                           "see https://e.org/a", "www.e.org", "://", "](u)", "text ", "{", "中文"};
  std::mt19937 random(20261203);
  for (int round = 0; round < 3000; ++round) {
    std::string text;
    const std::size_t count = 1 + random() % 40;
    for (std::size_t k = 0; k < count; ++k) text += pieces[random() % pieces.size()];
    const std::size_t begin = random() % 4 == 0 ? random() % text.size() : 0;
    const Span span{begin, random() % 4 == 0 ? begin + random() % (text.size() - begin + 1) : text.size()};
    std::string expected = text;
    mask_recursively(text, span, expected);
    ASSERT_EQ(masked_by(text, span), expected) << text << " [" << span.begin << ", " << span.end << ")";
  }
}

// How a brace group's inside was classified by reading it whole: the reference.
std::string reference_key(std::string_view inside) {
  const auto trim = [](std::string_view t) {
    while (!t.empty() && std::string_view(" \t\n\r").find(t.front()) != std::string_view::npos) t.remove_prefix(1);
    while (!t.empty() && std::string_view(" \t\n\r").find(t.back()) != std::string_view::npos) t.remove_suffix(1);
    return t;
  };
  const auto is_name = [](std::string_view t) {
    return !t.empty() && std::all_of(t.begin(), t.end(), [](char c) {
      return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '.' || c == '-';
    });
  };
  const std::size_t comma = inside.find(',');
  if (comma == std::string_view::npos) {
    std::string_view name = trim(inside);
    name = name.substr(0, name.find_first_of("!:"));
    return is_name(name) ? "{" + std::string(name) + "}" : "";
  }
  const std::string_view name = trim(inside.substr(0, comma));
  if (!is_name(name)) return "";
  const std::size_t second = inside.find(',', comma + 1);
  const std::string_view type = trim(inside.substr(comma + 1, second == std::string_view::npos ? second : second - comma - 1));
  if (type == "plural" || type == "select" || type == "selectordinal") return "{" + std::string(name) + "," + std::string(type) + "}";
  for (const char* other : {"number", "date", "time", "spellout", "ordinal", "duration"})
    if (type == other) return "{" + std::string(name) + "}";
  return "";
}

TEST(Placeholders, BraceGroupsAreClassifiedAsReadingThemWholeDoes) {
  const std::vector<std::string> pieces = {"a", "b1", "x.y", " ", "\t", ",", ", ", "plural", "select", "selectordinal",
                                           "selectordinals", "number", "date", "!", "r", ":", ">10", "-", "中", "q w"};
  std::mt19937 random(31);
  std::size_t placeholders = 0;
  for (int round = 0; round < 20000; ++round) {
    std::string inside;
    const std::size_t count = random() % 8;
    for (std::size_t k = 0; k < count; ++k) inside += pieces[random() % pieces.size()];
    const std::string text = "{" + inside + "}";
    const std::vector<Placeholder> found = find_placeholders(text, {0, text.size()});
    const std::string key = found.size() == 1 && found[0].span.begin == 0 && found[0].span.end == text.size() ? placeholder_key(text, found[0]) : "";
    ASSERT_EQ(key, reference_key(inside)) << text;
    placeholders += !key.empty();
  }
  EXPECT_GT(placeholders, 1000u);  // the pieces make placeholders often, not only texts
}

// The ')' (and '>', spaces, line breaks) after each "](" or "%(" are found
// from positions listed once: a run of openers searched each to the end.
TEST(Placeholders, RunsOfLinkAndConversionOpenersFindTheirCloses) {
  const std::string text = "](](ab) x](a b) %(%(name)s %(n m)s %<PRI%<PRIu64> ](x\ny)";
  EXPECT_EQ(keys_at(text, {0, text.size()}), (std::vector<std::string>{"2-6 ](ab", "18-26 %(name)s", "40-49 %<PRIu64>"}));
  // The first ')' lies past the span: none within it.
  EXPECT_EQ(keys_at(text, {0, 5}), (std::vector<std::string>{}));
  EXPECT_TRUE(keys_at(std::string(20000, ']') + std::string(20000, '('), {0, 40000}).empty());
}

}  // namespace
}  // namespace tc::test
