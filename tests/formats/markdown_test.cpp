#include <gtest/gtest.h>


#include "formats/format_reader.h"
#include "formats/markdown.h"
#include "support/test_support.h"

namespace tc {
namespace {

std::string masked_view(const Document& doc) {
  std::string view(doc.prose());
  for (char& c : view)
    if (c == kMaskByte) c = '#';
  return view;
}

TEST(Markdown, MasksCodeUrlsCommentsAndMarkersButKeepsOffsets) {
  const std::string text =
      "# Title\n"
      "\n"
      "Prose with `code` and a [link](https://x.org/y) here.\n"
      "\n"
      "```\n"
      "int 中文 = 1;\n"
      "```\n"
      "\n"
      "    indented code\n"
      "\n"
      "<!-- hidden\n"
      "comment -->\n"
      "- item one\n";
  const Document doc = test::make_doc(text, Lang::en, "a.md");
  ASSERT_EQ(doc.prose().size(), text.size());
  const std::string view = masked_view(doc);
  EXPECT_EQ(view.substr(0, 8), "##Title\n");
  EXPECT_NE(view.find("Prose with ###### and a [link]################# here."), std::string::npos) << view;
  EXPECT_EQ(view.find("int"), std::string::npos);
  EXPECT_EQ(view.find("indented"), std::string::npos);
  EXPECT_EQ(view.find("hidden"), std::string::npos);
  EXPECT_NE(view.find("##item one"), std::string::npos);
}

TEST(Markdown, AnImagesBangIsMarkupItsBracketsStayAsALinksDo) {
  EXPECT_EQ(masked_view(test::make_doc("![Dialog](a.png)\n\nSee ![x](b.png) and *![y][r]*!\n\n[r]: c.png\n", Lang::en, "a.md")),
            "#[Dialog]#######\n\nSee #[x]####### and *#[y][r]*!\n\n##########\n");
}

TEST(Markdown, DirectiveFencesOfDocumentationSitesAreMarkup) {
  // Docusaurus/VitePress admonitions and Pandoc fenced divs; a title stays prose.
  const std::string text =
      "::: tip Note\nPress Esc.\n:::\n\n:::note[Title]\nBody.\n:::\n\n::: {.warning}\nMind.\n:::\n\n"
      "```\n:::tip\n```\n\nRatio 2:1 and a::: b.\n";
  const Document doc = test::make_doc(text, Lang::en, "a.md");
  EXPECT_EQ(masked_view(doc),
            "########Note\nPress Esc.\n###\n\n########Title#\nBody.\n###\n\n##############\nMind.\n###\n\n"
            "###\n######\n###\n\nRatio 2:1 and a::: b.\n");
  // A bare fence no longer joins the paragraph inside; a titled one keeps its title with it.
  ASSERT_GE(doc.blocks.size(), 3u);
  EXPECT_EQ(doc.text.substr(doc.blocks[1].content().begin, doc.blocks[1].content().size()), ":::note[Title]\nBody.");
  EXPECT_EQ(doc.text.substr(doc.blocks[2].content().begin, doc.blocks[2].content().size()), "Mind.");
}

TEST(Markdown, BlocksCarryKindsAndHeadingLevels) {
  const Document doc = test::make_doc("## Part\n\nPara one\ncontinues.\n\n1. first\n2. second\n", Lang::en, "a.md");
  ASSERT_EQ(doc.blocks.size(), 4u);
  EXPECT_EQ(doc.blocks[0].kind, BlockKind::heading);
  EXPECT_EQ(doc.blocks[0].heading_level, 2);
  EXPECT_EQ(doc.text.substr(doc.blocks[0].content().begin, doc.blocks[0].content().size()), "Part");
  EXPECT_EQ(doc.blocks[1].kind, BlockKind::paragraph);
  EXPECT_EQ(doc.text.substr(doc.blocks[1].content().begin, doc.blocks[1].content().size()), "Para one\ncontinues.");
  EXPECT_EQ(doc.blocks[2].kind, BlockKind::list_item);
  EXPECT_EQ(doc.text.substr(doc.blocks[2].content().begin, doc.blocks[2].content().size()), "first");
  EXPECT_EQ(doc.blocks[3].kind, BlockKind::list_item);
}

TEST(Markdown, UnclosedFenceRunsToTheEnd) {
  const Document doc = test::make_doc("Text.\n\n```\ncode 中\n", Lang::en, "a.md");
  EXPECT_TRUE(doc.is_masked(doc.text.find("code")));
  EXPECT_FALSE(doc.is_masked(0));
}

TEST(Markdown, RecognisesMarkdownExtensions) {
  const ReaderList readers = all_format_readers();
  EXPECT_EQ(reader_for_path(readers, "a/b/Article.MD").format.name, "markdown");
  EXPECT_EQ(reader_for_path(readers, "x.markdown").format.name, "markdown");
  EXPECT_EQ(reader_for_path(readers, "x.txt").format.name, "text");
  EXPECT_EQ(reader_for_path(readers, "md").format.name, "text");
  EXPECT_EQ(reader_for_path(readers, "notes.md/readme").format.name, "text");
}

// Hostile Markdown: inline scans that once restarted from every opener and
// went quadratic on long lines. Each input here took tens of seconds or
// minutes before; the masks must stay what the per-opener scan produced.

using test::repeat;

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
  doc = test::make_doc(text, Lang::en, "a.md");
  EXPECT_EQ(masked_view(doc).find('#'), std::string::npos);
}

TEST(MarkdownHostile, InlineCommentsCloseAsCommonMarkSays) {
  EXPECT_EQ(masked_view(test::make_doc("a <!-- b\nc --> d\n", Lang::en, "a.md")), "a ######\n##### d\n");
  EXPECT_EQ(masked_view(test::make_doc("a <!-- b --> c\n", Lang::en, "a.md")), "a ########## c\n");
}

TEST(MarkdownHostile, ManyUnclosedInlineCommentsStayLinear) {
  const std::string text = repeat("a <!--\n", 200000);
  Document doc;
  doc = test::make_doc(text, Lang::en, "a.md");
  // None closes, so none is a comment (CommonMark): all of it is text.
  EXPECT_EQ(masked_view(doc).find('#'), std::string::npos);
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
  doc = test::make_doc(text, Lang::en, "a.md");
  EXPECT_EQ(masked_view(doc).find('#'), std::string::npos);
}

}  // namespace
}  // namespace tc
