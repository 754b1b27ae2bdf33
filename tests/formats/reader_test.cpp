#include <gtest/gtest.h>

#include "formats/load.h"
#include "formats/reader.h"

namespace tc {
namespace {

TEST(Reader, StripsUtf8BomAndKeepsItsLengthForOffsets) {
  const Document doc = document_from_bytes("a.txt", "\xEF\xBB\xBFHello\n", {});
  EXPECT_EQ(doc.text, "Hello\n");
  EXPECT_EQ(doc.bom_bytes, 3u);
  EXPECT_EQ(doc.position(0).column, 1u);
}

TEST(Reader, RejectsBinaryFilesNamingTheOffset) {
  try {
    document_from_bytes("img.png", std::string("PNG\0\0data", 9), {});
    FAIL() << "expected InputError";
  } catch (const InputError& e) {
    EXPECT_EQ(e.path(), "img.png");
    EXPECT_NE(std::string(e.what()).find("NUL byte at byte offset 3"), std::string::npos) << e.what();
  }
}

TEST(Reader, Utf16IsNamedNotTreatedAsBinaryGarbage) {
  try {
    document_from_bytes("u16.txt", std::string("\xFF\xFEH\0i\0", 6), {});
    FAIL() << "expected InputError";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("UTF-16"), std::string::npos) << e.what();
  }
  LoadOptions options;
  options.encoding = "UTF-16";
  EXPECT_EQ(document_from_bytes("u16.txt", std::string("\xFF\xFEH\0i\0", 6), options).text, "Hi");
}

TEST(Reader, DecodesLegacyEncodingsOnRequest) {
  LoadOptions options;
  options.encoding = "gb18030";
  // 中文 in GBK is D6 D0 CE C4.
  const Document doc = document_from_bytes("gbk.txt", "\xD6\xD0\xCE\xC4 ok\n", options);
  EXPECT_EQ(doc.text, "中文 ok\n");
  EXPECT_EQ(doc.lang, Lang::zh);
  EXPECT_EQ(doc.position(7).column, 4u);
}

TEST(Reader, UnknownEncodingIsAnInputError) {
  LoadOptions options;
  options.encoding = "klingon-8";
  EXPECT_THROW(document_from_bytes("a.txt", "abc", options), InputError);
}

TEST(Reader, InvalidBytesInALegacyDecodeNameTheOffset) {
  LoadOptions options;
  options.encoding = "Big5";
  try {
    document_from_bytes("b5.txt", "ok \xA4", options);  // a lead byte cut off at the end
    FAIL() << "expected InputError";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("byte offset 3"), std::string::npos) << e.what();
  }
}

TEST(Reader, SuspectsGbkWhenAFileIsNotUtf8) {
  // A GBK-encoded Chinese paragraph: valid GB18030, far from valid UTF-8.
  std::string gbk;
  const char* phrase = "\xBB\xAF\xC1\xC6\xD5\xE6\xB5\xC4\xC4\xDC\xD6\xCE\xD3\xFA\xB0\xA9\xD6\xA2\xC2\xF0\xA3\xBF";  // 化疗真的能治愈癌症吗？
  for (int i = 0; i < 20; ++i) gbk += phrase;
  const Document doc = document_from_bytes("old.txt", gbk, {});
  EXPECT_EQ(doc.suspected_encoding, "GB18030");
}

TEST(Reader, AFewBadBytesInUtf8AreNotALegacyEncoding) {
  const Document doc = document_from_bytes("a.txt", "Mostly fine text with caf\xE9 in it.\n", {});
  EXPECT_TRUE(doc.suspected_encoding.empty());
  EXPECT_EQ(doc.text, "Mostly fine text with caf\xE9 in it.\n");  // never silently replaced
}

TEST(Reader, MissingFilesAndDirectoriesAreInputErrors) {
  EXPECT_THROW(read_file_bytes("/nonexistent/transcheck/file.txt"), InputError);
  EXPECT_THROW(read_file_bytes("/"), InputError);
}

}  // namespace
}  // namespace tc

namespace tc {
namespace {

TEST(Reader, ShortGbkTextIsCalledGbkNotShiftJis) {
  // 中文文本需要转换 in GBK: one short line.
  const Document doc = document_from_bytes("short.txt", "\xD6\xD0\xCE\xC4\xCE\xC4\xB1\xBE\xD0\xE8\xD2\xAA\xD7\xAA\xBB\xBB\n", {});
  EXPECT_EQ(doc.suspected_encoding, "GB18030");
}

TEST(Reader, Big5TextIsCalledBig5) {
  // 繁體中文的健康資訊。 in Big5, repeated; these bytes are also valid GBK, so the detector ranking decides.
  std::string big5;
  for (int i = 0; i < 20; ++i) big5 += "\xC1\x63\xC5\xE9\xA4\xA4\xA4\xE5\xAA\xBA\xB0\xB7\xB1\x64\xB8\xEA\xB0\x54\xA1\x43";  // 繁體中文的健康資訊。
  const Document doc = document_from_bytes("big5.txt", big5, {});
  EXPECT_EQ(doc.suspected_encoding, "Big5");
}

}  // namespace
}  // namespace tc
