// The Markdown reader against CommonMark: examples in the style of the
// spec's, written for these tests. Code spans and blocks, HTML blocks and
// inline HTML, link destinations and titles, autolinks and link reference
// definitions are never prose; link text and image descriptions are.
#include <gtest/gtest.h>

#include "support/test_support.h"

namespace tc {
namespace {

// The prose with every masked byte shown as '#'.
std::string masked(std::string text) {
  const Document doc = test::make_doc(std::move(text), Lang::en, "spec.md");
  std::string view(doc.prose());
  for (char& c : view)
    if (c == kMaskByte) c = '#';
  return view;
}

const Block* block_at(const Document& doc, std::size_t offset) {
  for (const Block& block : doc.blocks)
    if (block.span().begin <= offset && offset < block.span().end) return &block;
  return nullptr;
}

TEST(CommonMark, CodeSpansAreNotProse) {
  EXPECT_EQ(masked("Use `x = 1` here.\n"), "Use ####### here.\n");
  EXPECT_EQ(masked("a `` b`c `` d\n"), "a ######### d\n");
  EXPECT_EQ(masked("a ` b ` c\n"), "a ##### c\n");
  // A backslash before the first backtick escapes it; the rest open a span.
  EXPECT_EQ(masked("\\```a`` b\n"), "\\`##### b\n");
  // Unmatched runs are literal text.
  EXPECT_EQ(masked("x ``a` y\n"), "x ``a` y\n");
}

TEST(CommonMark, IndentedAndFencedCodeBlocksAreNotProse) {
  const std::string text = "Para.\n\n    indented code\n\n~~~ python\nprint(1)\n~~~\nAfter.\n";
  EXPECT_EQ(masked(text), "Para.\n\n#################\n\n##########\n########\n###\nAfter.\n");
  const Document doc = test::make_doc(text, Lang::en, "spec.md");
  const Block* indented = block_at(doc, text.find("indented"));
  ASSERT_NE(indented, nullptr);
  EXPECT_EQ(indented->kind, BlockKind::code);
  const Block* fenced = block_at(doc, text.find("print"));
  ASSERT_NE(fenced, nullptr);
  EXPECT_EQ(fenced->kind, BlockKind::code);
  EXPECT_EQ(fenced->span(), (Span{text.find("~~~"), text.rfind("~~~") + 3}));
}

TEST(CommonMark, IndentedLinesInsideAParagraphAreProse) {
  EXPECT_EQ(masked("A paragraph\n    continues here.\n"), "A paragraph\n    continues here.\n");
}

TEST(CommonMark, HtmlBlocksAndInlineHtmlAreNotProse) {
  EXPECT_EQ(masked("<div>\nInside html\n</div>\n\nText.\n"), "#####\n###########\n######\n\nText.\n");
  EXPECT_EQ(masked("a <span class=\"x\">b</span> c\n"), "a ################b####### c\n");
  EXPECT_EQ(masked("a <!-- b --> c\n"), "a ########## c\n");
  // An inline comment may span lines.
  EXPECT_EQ(masked("a <!-- b\nc --> d\n"), "a ######\n##### d\n");
}

TEST(CommonMark, LinkDestinationsAndTitlesAreNotProseButLinkTextIs) {
  EXPECT_EQ(masked("[reads well](/url \"title\") more\n"), "[reads well]############## more\n");
  EXPECT_EQ(masked("[t](<a b>) x\n"), "[t]####### x\n");
  EXPECT_EQ(masked("[t](/u 'single') x\n"), "[t]############# x\n");
  EXPECT_EQ(masked("[t](/u (parens)) x\n"), "[t]############# x\n");
  EXPECT_EQ(masked("[*em* text](/u) x\n"), "[*em* text]#### x\n");
  // An image's '!' is markup too; its description is prose.
  EXPECT_EQ(masked("![A chart](c.png) x\n"), "#[A chart]####### x\n");
  // Not a link: a space between the brackets and the parenthesis.
  EXPECT_EQ(masked("[a] (b)\n"), "[a] (b)\n");
}

TEST(CommonMark, AutolinksAreNotProse) {
  EXPECT_EQ(masked("Mail <https://example.org/a> now\n"), "Mail ####################### now\n");
  EXPECT_EQ(masked("Write <foo@bar.example> now\n"), "Write ################# now\n");
}

TEST(CommonMark, LinkReferenceDefinitionsAreNotProse) {
  EXPECT_EQ(masked("[ref]: https://x.org \"T\"\n\nSee [ref].\n"), "########################\n\nSee [ref].\n");
}

TEST(CommonMark, EntitiesStayProseForTheEntityCheck) {
  EXPECT_EQ(masked("AT&amp;T\n"), "AT&amp;T\n");
}

TEST(CommonMark, BlocksFollowTheStructure) {
  const std::string text = "Title\n=====\n\n> quoted\n> more\n\n- one\n- two\n\n***\n";
  const Document doc = test::make_doc(text, Lang::en, "spec.md");
  ASSERT_EQ(doc.blocks.size(), 4u);
  EXPECT_EQ(doc.blocks[0].kind, BlockKind::heading);
  EXPECT_EQ(doc.blocks[0].heading_level, 1);
  EXPECT_EQ(doc.blocks[1].kind, BlockKind::blockquote);
  EXPECT_EQ(doc.text.substr(doc.blocks[1].content().begin, doc.blocks[1].content().size()), "quoted\n> more");
  EXPECT_EQ(doc.blocks[2].kind, BlockKind::list_item);
  EXPECT_EQ(doc.blocks[3].kind, BlockKind::list_item);
  EXPECT_EQ(masked(text), "Title\n#####\n\n##quoted\n##more\n\n##one\n##two\n\n###\n");
}

TEST(CommonMark, ClosingHashesOfAHeadingAreNotContent) {
  const Document doc = test::make_doc("## Part two ##\n", Lang::en, "spec.md");
  ASSERT_EQ(doc.blocks.size(), 1u);
  EXPECT_EQ(doc.text.substr(doc.blocks[0].content().begin, doc.blocks[0].content().size()), "Part two");
  EXPECT_EQ(masked("## Part two ##\n"), "###Part two###\n");
}

}  // namespace
}  // namespace tc
