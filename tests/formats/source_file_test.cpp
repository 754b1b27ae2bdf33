// Documents read from a file keep the file and a map from their text back
// to its bytes, so that a finding (and later a fix) lands on the right byte
// even when the file was decoded from a legacy encoding.
#include <gtest/gtest.h>

#include <string>

#include "formats/load.h"
#include "support/test_support.h"

namespace tc {
namespace {

// "中文𠀀 the the é\r\nabc" in GB18030: 中 and 文 are two bytes, 𠀀 four, é two.
const std::string kGb18030 = "\xD6\xD0\xCE\xC4\x95\x32\x82\x36 the the \xA8\xA6\r\nabc";

Document load_gb18030(const std::string& bytes) {
  LoadOptions options;
  options.encoding = "gb18030";
  options.language = LanguageTag{Lang::en, ChineseScript::unspecified};
  return document_from_bytes("leaflet.txt", bytes, options);
}

TEST(SourceFile, AFindingInGb18030TextMapsToItsFileBytes) {
  const Document doc = load_gb18030(kGb18030);
  ASSERT_EQ(doc.text, "中文𠀀 the the é\r\nabc");
  const std::vector<Finding> findings = test::findings_of("typography/repeated-word", doc);
  ASSERT_EQ(findings.size(), 1u);
  const Span in_file = doc.source_map.file_span(findings[0].span);
  const std::string_view file_bytes = doc.source->bytes;
  EXPECT_EQ(in_file.begin, kGb18030.find("the the"));
  EXPECT_EQ(file_bytes.substr(in_file.begin, in_file.size()), "the the");
  EXPECT_EQ(doc.source_map.file_offset(doc.text.find("é")), kGb18030.find("\xA8\xA6"));
  EXPECT_EQ(doc.source_map.file_offset(doc.text.find("abc")), kGb18030.find("abc"));
  EXPECT_EQ(doc.source_map.file_offset(doc.text.size()), kGb18030.size());
  // Lines and columns stay those of the decoded text: é is column 13.
  EXPECT_EQ(doc.position(doc.text.find("é")).column, 13u);
}

TEST(SourceFile, AGb18030ByteOrderMarkIsSkipped) {
  const Document doc = load_gb18030("\x84\x31\x95\x33" + kGb18030);
  ASSERT_EQ(doc.text.rfind("中", 0), 0u);
  EXPECT_EQ(doc.source->bom_bytes, 4u);
  EXPECT_EQ(doc.source_map.file_offset(0), 4u);
  EXPECT_EQ(doc.source_map.file_offset(doc.text.find("abc")), 4 + kGb18030.find("abc"));
}

TEST(SourceFile, Utf8TextMapsToItselfAfterTheBom) {
  const std::string bytes = "\xEF\xBB\xBFOne line.\nTwo lines.\n";
  const Document doc = document_from_bytes("a.txt", bytes, LoadOptions{});
  EXPECT_EQ(doc.source->bytes, bytes);
  EXPECT_EQ(doc.source->encoding, "UTF-8");
  EXPECT_EQ(doc.source->bom_bytes, 3u);
  EXPECT_EQ(doc.source->lines.line_count(), 3u);
  EXPECT_EQ(doc.source_map.file_offset(doc.text.find("Two")), bytes.find("Two"));
  const Document plain = document_from_bytes("b.txt", "No mark.", LoadOptions{});
  EXPECT_TRUE(plain.source_map.is_identity());
}

TEST(SourceFile, APlainUtf8FileIsHeldOnceAsItsText) {
  const Document plain = document_from_bytes("b.txt", "No mark.\nTwo lines.", LoadOptions{});
  ASSERT_TRUE(plain.source);
  EXPECT_TRUE(plain.source->bytes_are_text);
  EXPECT_TRUE(plain.source->bytes.empty());
  EXPECT_EQ(plain.file_bytes(), "No mark.\nTwo lines.");
  EXPECT_EQ(plain.position(plain.text.find("Two")).line, 2u);
  // With a mark the file's bytes differ from the text and are kept.
  const Document marked = document_from_bytes("c.txt", "\xEF\xBB\xBFNo mark.", LoadOptions{});
  EXPECT_FALSE(marked.source->bytes_are_text);
  EXPECT_EQ(marked.file_bytes(), "\xEF\xBB\xBFNo mark.");
}

}  // namespace
}  // namespace tc
