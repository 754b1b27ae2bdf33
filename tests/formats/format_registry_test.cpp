// A new format is one reader plus one registry line: this file defines a
// reader for a made-up format and shows that loading picks it by extension.
#include <gtest/gtest.h>

#include "formats/format_reader.h"
#include "formats/load.h"

namespace tc {
namespace {

// The made-up format: one paragraph per line; lines starting with ';' are
// comments, not prose.
Layout read_test_format(std::string_view text) {
  Layout layout;
  layout.masked.assign(text);
  for_each_line(text, [&](const Line& line) {
    if (line.end > line.begin && text[line.begin] == ';') {
      for (std::size_t i = line.begin; i < line.end; ++i) layout.masked[i] = kMaskByte;
      return;
    }
    if (line.end > line.begin) {
      Block block;
      block.set_span({line.begin, line.end});
      block.set_content({line.begin, line.end});
      layout.blocks.push_back(block);
    }
  });
  return layout;
}

FormatReader test_format_reader() {
  FormatReader reader;
  reader.format.name = "test-lines";
  reader.format.comment = {";", ""};
  reader.extensions = {"tst"};
  reader.read = read_test_format;
  return reader;
}

TEST(FormatRegistry, ANewReaderIsUsedForItsExtension) {
  ReaderList readers = all_format_readers();
  readers.push_back(test_format_reader());  // the one registry line
  LoadOptions options;
  options.readers = &readers;
  const Document doc = document_from_bytes("notes.TST", "; a comment\nFirst line.\nSecond line.\n", options);
  EXPECT_EQ(doc.format.name, "test-lines");
  EXPECT_EQ(doc.format.comment.open, ";");
  ASSERT_EQ(doc.blocks.size(), 2u);
  EXPECT_EQ(doc.text.substr(doc.blocks[1].content().begin, doc.blocks[1].content().size()), "Second line.");
  EXPECT_TRUE(doc.is_masked(2));
  EXPECT_FALSE(doc.is_masked(doc.text.find("First")));
}

TEST(FormatRegistry, WithoutTheReaderTheSameFileIsPlainText) {
  const Document doc = document_from_bytes("notes.tst", "; a comment\nFirst line.\n", LoadOptions{});
  EXPECT_EQ(doc.format.name, "text");
  EXPECT_FALSE(doc.is_masked(2));
  // The comment line is prose there: the first block starts with it.
  ASSERT_FALSE(doc.blocks.empty());
  EXPECT_EQ(doc.blocks[0].span().begin, 0u);
}

TEST(FormatRegistry, EachShippedReaderDeclaresItsFormat) {
  const ReaderList readers = all_format_readers();
  const FormatReader& markdown = reader_for_path(readers, "a.md");
  EXPECT_EQ(markdown.format.comment.open, "<!--");
  EXPECT_EQ(markdown.format.comment.close, "-->");
  EXPECT_TRUE(markdown.format.marks_headings);
  EXPECT_TRUE(markdown.format.backslash_escapes);
  EXPECT_FALSE(markdown.format.bilingual);
  EXPECT_EQ(markdown.format.escape("a & b"), "a & b");
  const FormatReader& plain = reader_for_path(readers, "a.txt");
  EXPECT_TRUE(plain.format.comment.open.empty());
  EXPECT_FALSE(plain.format.marks_headings);
  EXPECT_FALSE(plain.format.backslash_escapes);
  EXPECT_EQ(plain.format.escape("x < y"), "x < y");
}

TEST(FormatRegistry, EveryExtensionBelongsToOneReader) {
  const ReaderList readers = all_format_readers();
  for (const FormatReader& reader : readers)
    for (std::string_view extension : reader.extensions)
      EXPECT_EQ(&reader_for_path(readers, "x." + std::string(extension)), &reader) << extension;
}

}  // namespace
}  // namespace tc
