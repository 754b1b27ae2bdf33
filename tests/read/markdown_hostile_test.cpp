// Hostile Markdown: inline scans that once restarted from every opener and
// went quadratic on long lines. Each input here took tens of seconds or
// minutes before; the masks must stay what the per-opener scan produced.
#include <gtest/gtest.h>

#include <chrono>
#include <string>

#include "read/markdown.h"
#include "support/test_support.h"

namespace tc {
namespace {

std::string masked_view(const Document& doc) {
  std::string view(doc.prose());
  for (char& c : view)
    if (c == kMaskByte) c = '#';
  return view;
}

std::string repeat(std::string_view piece, std::size_t times) {
  std::string out;
  out.reserve(piece.size() * times);
  for (std::size_t i = 0; i < times; ++i) out += piece;
  return out;
}

// Reading a document must take well under this even in a sanitizer build;
// the quadratic scans took minutes on these sizes.
constexpr auto kBudget = std::chrono::seconds(5);

template <typename F>
std::chrono::steady_clock::duration timed(F&& f) {
  const auto start = std::chrono::steady_clock::now();
  f();
  return std::chrono::steady_clock::now() - start;
}

TEST(MarkdownHostile, LinkTargetsMatchTheirOwnParenthesis) {
  EXPECT_EQ(masked_view(test::make_doc("see [a](x) and [b](y (z)) end\n", Lang::en, "a.md")),
            "see [a]### and [b]####### end\n");
  // An unclosed target does not hide a later, closed one.
  EXPECT_EQ(masked_view(test::make_doc("[a](b [c](d) e\n", Lang::en, "a.md")), "[a](b [c]### e\n");
  EXPECT_EQ(masked_view(test::make_doc("[a](b (c) d\n", Lang::en, "a.md")), "[a](b (c) d\n");
}

TEST(MarkdownHostile, ManyUnclosedLinkTargetsOnOneLineStayLinear) {
  const std::string text = repeat("[a](", 200000) + "\n";
  Document doc;
  EXPECT_LT(timed([&] { doc = test::make_doc(text, Lang::en, "a.md"); }), kBudget);
  EXPECT_EQ(masked_view(doc).find('#'), std::string::npos);
}

TEST(MarkdownHostile, InlineCommentEndsAtItsLine) {
  EXPECT_EQ(masked_view(test::make_doc("a <!-- b\nc --> d\n", Lang::en, "a.md")), "a ######\nc --> d\n");
  EXPECT_EQ(masked_view(test::make_doc("a <!-- b --> c\n", Lang::en, "a.md")), "a ########## c\n");
}

TEST(MarkdownHostile, ManyUnclosedInlineCommentsStayLinear) {
  const std::string text = repeat("a <!--\n", 200000);
  Document doc;
  EXPECT_LT(timed([&] { doc = test::make_doc(text, Lang::en, "a.md"); }), kBudget);
  EXPECT_EQ(masked_view(doc).substr(0, 14), "a ####\na ####\n");
}

TEST(MarkdownHostile, CodeSpansCloseOnARunOfTheSameLength) {
  EXPECT_EQ(masked_view(test::make_doc("x ``a`b`` y `c` z\n", Lang::en, "a.md")), "x ####### y ### z\n");
  EXPECT_EQ(masked_view(test::make_doc("x ``a` y\n", Lang::en, "a.md")), "x ``a` y\n");
  EXPECT_EQ(masked_view(test::make_doc("\\```a`` b\n", Lang::en, "a.md")), "\\`##### b\n");
}

TEST(MarkdownHostile, UnmatchedBacktickRunsOfManyLengthsStayLinear) {
  // Runs of 1, 2, 3, ... backticks, none closed: every opener used to scan to the line end.
  std::string text;
  for (std::size_t length = 1; text.size() < 3'000'000; ++length) text += std::string(length, '`') + "x";
  text += "\n";
  Document doc;
  EXPECT_LT(timed([&] { doc = test::make_doc(text, Lang::en, "a.md"); }), kBudget);
  EXPECT_EQ(masked_view(doc).find('#'), std::string::npos);
}

}  // namespace
}  // namespace tc
