// HTML pages: prose from the DOM at its place in the file.
#include <gtest/gtest.h>

#include "formats/html.h"

namespace tc {
namespace {

std::string prose_of(std::string_view text, const Layout& layout, const Block& block) {
  std::string out;
  for (std::size_t i = block.span().begin; i < block.span().end; ++i)
    if (layout.masked[i] != kMaskByte) out += text[i];
  return out;
}

TEST(HtmlReader, ProseTitleAltAndDescriptionAreTextScriptsAndCodeAreNot) {
  const std::string page =
      "<!DOCTYPE html><html><head><title>Flu vaccine</title>\n"
      "<meta name=\"description\" content=\"Who should get it\"><style>p{color:red}</style>\n"
      "<script>var dose = 2;</script></head><body>\n"
      "<h2>Before the dose</h2>\n"
      "<p>Tell the nurse about <b>allergies</b> &amp; fevers.<img src=\"a.png\" alt=\"A nurse\"></p>\n"
      "<pre>code block</pre><p>Run <code>flu --check</code> now.</p>\n"
      "</body></html>\n";
  const Layout layout = read_html(page);
  std::vector<std::string> texts;
  for (const Block& block : layout.blocks) texts.push_back(prose_of(page, layout, block));
  // Tags and entities inside a block are masked, so they are absent from its prose.
  const std::vector<std::string> expected = {"Flu vaccine", "Who should get it", "Before the dose",
                                             "Tell the nurse about allergies  fevers.", "A nurse", "Run  now."};
  EXPECT_EQ(texts, expected);
  EXPECT_EQ(layout.blocks[2].kind, BlockKind::heading);
  EXPECT_EQ(layout.blocks[2].heading_level, 2);
  EXPECT_EQ(page.substr(layout.blocks[2].span().begin, 15), "Before the dose");
  EXPECT_EQ(layout.masked.find("dose = 2"), std::string::npos);
  EXPECT_EQ(layout.masked.find("code block"), std::string::npos);
  EXPECT_EQ(layout.masked.find("flu --check"), std::string::npos);
  EXPECT_EQ(layout.masked.find("&amp;"), std::string::npos);
}

TEST(HtmlReader, DeepNestingIsRefusedAtTheElementTooDeep) {
  std::string page = "<html><body>";
  for (int i = 0; i < 500; ++i) page += "<div>";
  page += "Deep text.";
  const Layout layout = read_html(page);
  ASSERT_FALSE(layout.blocks.empty());
  EXPECT_EQ(page.substr(layout.blocks.back().span().begin, 10), "Deep text.");
  for (int i = 0; i < 20000; ++i) page += "<span>";
  try {
    read_html(page);
    ADD_FAILURE() << "a page nested 20,000 deep was parsed";
  } catch (const FormatError& e) {
    EXPECT_EQ(page.substr(e.offset(), 6), "<span>");
  }
}

}  // namespace
}  // namespace tc
