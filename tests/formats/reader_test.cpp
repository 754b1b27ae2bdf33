#include <gtest/gtest.h>
#include <algorithm>

#include <unicode/unistr.h>

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

// Text encoded with ICU's converter, as another program would have saved it.
std::string encoded(const std::string& utf8, const char* encoding) {
  const icu::UnicodeString text = icu::UnicodeString::fromUTF8(utf8);
  std::string out(static_cast<std::size_t>(text.length()) * 4 + 16, '\0');
  const int32_t n = text.extract(0, text.length(), out.data(), static_cast<uint32_t>(out.size()), encoding);
  out.resize(static_cast<std::size_t>(n));
  return out;
}

std::string error_of(const std::string& name, const std::string& bytes) {
  try {
    document_from_bytes(name, bytes, {});
  } catch (const InputError& e) {
    return e.what();
  }
  return "no error";
}

TEST(Reader, WideUnicodeIsToldApartWithAndWithoutAByteOrderMark) {
  const std::string text = "Vaccines protect children. 疫苗保护儿童。\n";
  EXPECT_NE(error_of("a.txt", encoded("\xEF\xBB\xBF" + text, "UTF-32LE")).find("file is UTF-32LE (byte-order mark"),
            std::string::npos);
  EXPECT_NE(error_of("a.txt", encoded("\xEF\xBB\xBF" + text, "UTF-32BE")).find("file is UTF-32BE (byte-order mark"),
            std::string::npos);
  for (const char* name : {"UTF-16LE", "UTF-16BE", "UTF-32LE", "UTF-32BE"}) {
    const std::string message = error_of("a.txt", encoded(text, name));
    EXPECT_NE(message.find("file is " + std::string(name) + " without a byte-order mark"), std::string::npos)
        << name << ": " << message;
  }
  // Advice that works: the named converter decodes it.
  LoadOptions options;
  options.encoding = "utf-16le";
  EXPECT_EQ(document_from_bytes("a.txt", encoded(text, "UTF-16LE"), options).text, text);
  // Real binary data stays binary.
  EXPECT_NE(error_of("x.bin", std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16)).find("binary file"), std::string::npos);
}

TEST(Reader, JapaneseAndKoreanEncodingsAreNotCalledChinese) {
  std::string japanese, korean;
  for (int i = 0; i < 6; ++i) {
    japanese += "これは日本語で書かれた説明書です。ワクチンを受けた後、少し熱が出ることがあります。\n";
    korean += "이 안내문은 한국어로 작성되었습니다. 백신을 맞은 후에 열이 날 수 있습니다.\n";
  }
  EXPECT_EQ(document_from_bytes("ja.txt", encoded(japanese, "Shift_JIS"), {}).suspected_encodings, (std::vector<std::string>{"Shift_JIS"}));
  EXPECT_EQ(document_from_bytes("ko.txt", encoded(korean, "EUC-KR"), {}).suspected_encodings, (std::vector<std::string>{"EUC-KR"}));
}

TEST(Reader, AShortLineTheDetectorCannotPlaceNamesBothCandidates) {
  // Eight Japanese characters in Shift_JIS also decode as GBK, and score alike:
  // naming only the Chinese reading would be wrong advice.
  const std::vector<std::string> suspected =
      document_from_bytes("ja.txt", encoded("日本語のテキスト\n", "Shift_JIS"), {}).suspected_encodings;
  EXPECT_EQ(suspected, (std::vector<std::string>{"GB18030", "Shift_JIS"}));
  // Longer Chinese text is placed alone.
  std::string chinese;
  for (int i = 0; i < 5; ++i) chinese += "化疗真的能治愈癌症吗？\n";
  EXPECT_EQ(document_from_bytes("zh.txt", encoded(chinese, "GB18030"), {}).suspected_encodings, (std::vector<std::string>{"GB18030"}));
}

TEST(Reader, Gb18030BeyondGbkIsCalledGb18030) {
  // Four-byte sequences (an emoji, a Han character of Extension B) are
  // GB18030 only: the file was taken for damaged UTF-8.
  std::string chinese;
  for (int i = 0; i < 3; ++i) chinese += "请按时服药，每天三次。😀 𠀀\n";
  EXPECT_EQ(document_from_bytes("zh.txt", encoded(chinese, "GB18030"), {}).suspected_encodings, (std::vector<std::string>{"GB18030"}));
}

TEST(Reader, AShortKoreanLineIsAmongTheCandidates) {
  // Short EUC-KR Hangul decodes as GBK and EUC-JP too, all scored alike:
  // naming two of the other readings was wrong advice.
  for (const char* korean : {"감사합니다.\n", "서울역에서 만나요.\n", "약을 드세요. 하루 세 번.\n"}) {
    const std::vector<std::string> suspected = document_from_bytes("ko.txt", encoded(korean, "EUC-KR"), {}).suspected_encodings;
    const std::string listed = list_encodings(suspected);
    EXPECT_NE(std::find(suspected.begin(), suspected.end(), "EUC-KR"), suspected.end()) << korean << ": " << listed;
    EXPECT_GE(suspected.size(), 2u) << korean << ": " << listed;
  }
}

TEST(Reader, CandidateEncodingsAreListedAndAdvisedEachOnce) {
  EXPECT_EQ(list_encodings({"GB18030"}), "GB18030");
  EXPECT_EQ(list_encodings({"GB18030", "Shift_JIS"}), "GB18030 or Shift_JIS");
  EXPECT_EQ(list_encodings({"GB18030", "EUC-JP", "EUC-KR"}), "GB18030, EUC-JP or EUC-KR");
  EXPECT_EQ(encoding_advice({"GB18030"}), "--encoding GB18030");
  EXPECT_EQ(encoding_advice({"GB18030", "Shift_JIS"}),
            "--encoding GB18030 or --encoding Shift_JIS, whichever reads right,");
  EXPECT_EQ(encoding_advice({"GB18030", "EUC-JP", "EUC-KR"}),
            "--encoding GB18030, --encoding EUC-JP or --encoding EUC-KR, whichever reads right,");
  EXPECT_EQ(not_utf8_reason({"Big5"}), "is not UTF-8 (it reads as Big5); pass --encoding Big5 or convert it to UTF-8");
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
  EXPECT_EQ(doc.suspected_encodings, (std::vector<std::string>{"GB18030"}));
}

TEST(Reader, AFewBadBytesInUtf8AreNotALegacyEncoding) {
  const Document doc = document_from_bytes("a.txt", "Mostly fine text with caf\xE9 in it.\n", {});
  EXPECT_TRUE(doc.suspected_encodings.empty());
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

TEST(Reader, ShortGbkTextNamesGbkFirst) {
  // 中文文本需要转换 in GBK: one short line, which scores as EUC-KR just as
  // high (and reads as Hangul there); the Chinese reading is named first,
  // never another alone. Its Shift_JIS reading has no kana: not Japanese.
  const Document doc = document_from_bytes("short.txt", "\xD6\xD0\xCE\xC4\xCE\xC4\xB1\xBE\xD0\xE8\xD2\xAA\xD7\xAA\xBB\xBB\n", {});
  EXPECT_EQ(doc.suspected_encodings, (std::vector<std::string>{"GB18030", "EUC-KR"}));
}

TEST(Reader, Big5TextIsCalledBig5) {
  // 繁體中文的健康資訊。 in Big5, repeated; these bytes are also valid GBK, so the detector ranking decides.
  std::string big5;
  for (int i = 0; i < 20; ++i) big5 += "\xC1\x63\xC5\xE9\xA4\xA4\xA4\xE5\xAA\xBA\xB0\xB7\xB1\x64\xB8\xEA\xB0\x54\xA1\x43";  // 繁體中文的健康資訊。
  const Document doc = document_from_bytes("big5.txt", big5, {});
  EXPECT_EQ(doc.suspected_encodings, (std::vector<std::string>{"Big5"}));
}

}  // namespace
}  // namespace tc
