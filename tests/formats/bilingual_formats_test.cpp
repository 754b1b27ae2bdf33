// The bilingual readers (PO, XLIFF 1.2 and 2.0, TMX, i18n JSON pairs): units,
// states, languages, and offsets that lead back to the file's bytes.
#include <gtest/gtest.h>

#include "core/error.h"
#include "formats/load.h"

namespace tc {
namespace {

std::string_view text_of(const Document& doc, Span span) { return std::string_view(doc.text).substr(span.begin, span.end - span.begin); }

// The file bytes a span of a side document maps back to.
std::string_view file_bytes(const Document& doc, Span span) {
  const Span file = doc.source_map.file_span(span);
  return std::string_view(doc.source->bytes).substr(file.begin, file.end - file.begin);
}

const char* const kPo =
    "# A catalog written for the tests.\n"
    "msgid \"\"\n"
    "msgstr \"\"\n"
    "\"Language: zh_CN\\n\"\n"
    "\"Plural-Forms: nplurals=1; plural=0;\\n\"\n"
    "\n"
    "#, c-format, fuzzy\n"
    "msgctxt \"dose\"\n"
    "msgid \"Take \\\"%d\\\" tablets\\n\"\n"
    "\"every day.\"\n"
    "msgstr \"每天服用“%d”片\\n\"\n"
    "\n"
    "msgid \"one vial\"\n"
    "msgid_plural \"%d vials\"\n"
    "msgstr[0] \"%d 瓶\"\n"
    "\n"
    "#~ msgid \"Gone\"\n"
    "#~ msgstr \"已删除\"\n";

TEST(PoReader, MessagesAreUnitsWithContextStateFlagsAndLanguage) {
  const Bitext bitext = bitext_from_bytes("app.po", kPo, {});
  ASSERT_EQ(bitext.units.size(), 2u);  // the header and the obsolete entry are no units
  EXPECT_EQ(bitext.target.lang, Lang::zh);
  EXPECT_EQ(bitext.source.lang, Lang::en);
  const BitextUnit& first = bitext.units[0];
  EXPECT_EQ(first.context, "dose");
  EXPECT_EQ(first.state, UnitState::needs_review);
  EXPECT_EQ(first.format_flags, std::vector<std::string>{"c-format"});
  EXPECT_EQ(text_of(bitext.source, first.source), "Take \"%d\" tablets\nevery day.");
  EXPECT_EQ(text_of(bitext.target, first.target), "每天服用“%d”片\n");
  // With one plural form, msgstr[0] translates msgid_plural.
  EXPECT_EQ(text_of(bitext.source, bitext.units[1].source), "%d vials");
  EXPECT_EQ(text_of(bitext.target, bitext.units[1].target), "%d 瓶");
}

TEST(PoReader, OffsetsLeadBackToTheFileAcrossEscapesAndContinuationLines) {
  const Bitext bitext = bitext_from_bytes("app.po", kPo, {});
  const Document& source = bitext.source;
  const std::size_t quote = source.text.find('"');
  EXPECT_EQ(file_bytes(source, {quote, quote + 1}), "\\\"");  // the escape, two bytes in the file
  const std::size_t every = source.text.find("every");
  EXPECT_EQ(file_bytes(source, {every, every + 5}), "every");
  EXPECT_EQ(source.position(every).line, 10u);
  EXPECT_EQ(source.position(every).column, 2u);
  const std::size_t percent = bitext.target.text.find("%d");
  EXPECT_EQ(bitext.target.position(percent).line, 11u);
  EXPECT_EQ(bitext.target.position(percent).column, 14u);
  EXPECT_TRUE(bitext.target.is_masked(percent));  // placeholders are not prose
}

TEST(PoReader, TwoPluralFormsPairTheSingularWithMsgid) {
  const Bitext bitext = bitext_from_bytes(
      "en.po", "msgid \"\"\nmsgstr \"\"\n\"Language: en_GB\\n\"\n\nmsgid \"one file\"\nmsgid_plural \"%d files\"\n"
               "msgstr[0] \"one file\"\nmsgstr[1] \"%d files\"\n", {});
  ASSERT_EQ(bitext.units.size(), 2u);
  EXPECT_EQ(text_of(bitext.source, bitext.units[0].source), "one file");
  EXPECT_EQ(text_of(bitext.source, bitext.units[1].source), "%d files");
}

void expect_refused(const std::string& path, const std::string& bytes, const std::string& where, const std::string& why) {
  try {
    bitext_from_bytes(path, bytes, {});
    ADD_FAILURE() << path << " was read";
  } catch (const InputError& e) {
    const std::string message = e.what();
    EXPECT_NE(message.find(path + ": " + where + ": "), std::string::npos) << message;
    EXPECT_NE(message.find(why), std::string::npos) << message;
  }
}

TEST(PoReader, BrokenFilesAreRefusedAtTheirPosition) {
  expect_refused("bad.po", "msgid \"a\\qb\"\nmsgstr \"x\"\n", "1:9", "unknown escape \\q");
  expect_refused("bad.po", "msgid \"open\nmsgstr \"x\"\n", "1:7", "not closed");
  expect_refused("cut.po", "msgid \"a\"\nmsgstr \"b\"\n\nmsgid \"cut short\"\n", "4:1", "no msgstr");
  expect_refused("bad.po", "msgid \"a\"\nmsgstr \"b\" junk\n", "2:12", "after the closing quote");
  expect_refused("bad.po", "hello\n", "1:1", "expected msgid");
}

const char* const kXliff12 =
    "<?xml version=\"1.0\"?>\n"
    "<xliff version=\"1.2\"><file source-language=\"en-US\" target-language=\"zh-CN\" original=\"a\"><body>\n"
    "<group id=\"g\"><trans-unit id=\"t1\" maxwidth=\"10\"><source>Rest &amp; drink <g id=\"1\">water</g>.</source>\n"
    "<target state=\"needs-review-translation\">休息&amp;喝<g id=\"1\">水</g>。</target></trans-unit></group>\n"
    "</body></file></xliff>\n";

TEST(XliffReader, Version12UnitsKeepTagsDecodeEntitiesAndMapBack) {
  const Bitext bitext = bitext_from_bytes("a.xlf", kXliff12, {});
  ASSERT_EQ(bitext.units.size(), 1u);
  const BitextUnit& unit = bitext.units[0];
  EXPECT_EQ(unit.id, "t1");
  EXPECT_EQ(unit.state, UnitState::needs_review);
  EXPECT_EQ(unit.max_length, std::optional<std::size_t>(10));
  EXPECT_EQ(text_of(bitext.source, unit.source), "Rest & drink <g id=\"1\">water</g>.");
  EXPECT_EQ(bitext.source.lang, Lang::en);
  EXPECT_EQ(bitext.target.lang, Lang::zh);
  const std::size_t amp = bitext.source.text.find('&');
  EXPECT_EQ(file_bytes(bitext.source, {amp, amp + 1}), "&amp;");
  const std::size_t water = bitext.source.text.find("water");
  EXPECT_EQ(file_bytes(bitext.source, {water, water + 5}), "water");
  EXPECT_EQ(bitext.source.position(water).line, 3u);
  EXPECT_TRUE(bitext.source.is_masked(bitext.source.text.find("<g")));
}

TEST(XliffReader, Version20SegmentsAndLanguages) {
  const Bitext bitext = bitext_from_bytes(
      "b.xliff",
      "<xliff version=\"2.0\" srcLang=\"zh-CN\" trgLang=\"en\"><file id=\"f\"><unit id=\"u\">"
      "<segment id=\"1\" state=\"initial\"><source>休息。</source></segment>"
      "<segment id=\"2\"><source>喝水。</source><target>Drink <ph id=\"1\"/>water.</target></segment>"
      "</unit></file></xliff>",
      {});
  ASSERT_EQ(bitext.units.size(), 2u);
  EXPECT_EQ(bitext.units[0].state, UnitState::needs_translation);
  EXPECT_TRUE(bitext.units[0].target.empty());
  EXPECT_EQ(bitext.units[1].id, "u/2");
  EXPECT_EQ(text_of(bitext.target, bitext.units[1].target), "Drink <ph id=\"1\"/>water.");
  EXPECT_EQ(bitext.source.lang, Lang::zh);
  EXPECT_EQ(bitext.target.lang, Lang::en);
}

TEST(BilingualReaders, NotesAreReadAsTheUnitsNotes) {
  const Bitext xliff12 = bitext_from_bytes(
      "n.xlf",
      "<xliff version=\"1.2\"><file source-language=\"en\" target-language=\"zh\"><body>"
      "<trans-unit id=\"a\"><source>Open</source><target>打开</target><note from=\"dev\">A menu item</note>"
      "<note>Max. &lt;10&gt; chars</note></trans-unit></body></file></xliff>",
      {});
  ASSERT_EQ(xliff12.units.size(), 1u);
  EXPECT_EQ(xliff12.units[0].notes, (std::vector<std::string>{"A menu item", "Max. <10> chars"}));
  const Bitext xliff20 = bitext_from_bytes(
      "n.xliff",
      "<xliff version=\"2.0\" srcLang=\"en\" trgLang=\"zh\"><file id=\"f\"><unit id=\"u\">"
      "<notes><note category=\"context\">Do not translate: a product name</note></notes>"
      "<segment><source>Hexo</source><target>Hexo</target></segment><segment><source>Run</source></segment>"
      "</unit></file></xliff>",
      {});
  ASSERT_EQ(xliff20.units.size(), 2u);
  EXPECT_EQ(xliff20.units[1].notes, (std::vector<std::string>{"Do not translate: a product name"}));
  EXPECT_TRUE(notes_keep_source(xliff20.units[0]));
  const Bitext po = bitext_from_bytes("n.po",
                                      "msgid \"\"\nmsgstr \"Language: zh_CN\\n\"\n\n"
                                      "#. TRANSLATORS: the name of the command;\n#. do not translate.\n# a translator's own comment\n"
                                      "msgid \"fsck\"\nmsgstr \"fsck\"\n",
                                      {});
  ASSERT_EQ(po.units.size(), 1u);
  EXPECT_EQ(po.units[0].notes, (std::vector<std::string>{" TRANSLATORS: the name of the command;  do not translate."}));
  EXPECT_TRUE(notes_keep_source(po.units[0]));
  BitextUnit indent;
  indent.notes = {"Indent with two spaces"};
  EXPECT_FALSE(notes_keep_source(indent));
}

TEST(TmxReader, TranslationUnitsPairTheSourceLanguageWithTheOther) {
  const Bitext bitext = bitext_from_bytes(
      "m.tmx",
      "<tmx version=\"1.4\"><header srclang=\"en\" segtype=\"sentence\"/><body>"
      "<tu tuid=\"7\"><tuv xml:lang=\"zh-CN\"><seg>发热三天。</seg></tuv><tuv xml:lang=\"EN-us\"><seg>Fever for 3 days.</seg></tuv></tu>"
      "</body></tmx>",
      {});
  ASSERT_EQ(bitext.units.size(), 1u);
  EXPECT_EQ(bitext.units[0].id, "7");
  EXPECT_EQ(text_of(bitext.source, bitext.units[0].source), "Fever for 3 days.");
  EXPECT_EQ(text_of(bitext.target, bitext.units[0].target), "发热三天。");
}

TEST(XmlReaders, EntityDeclarationsAreRefusedNamingFileAndPosition) {
  expect_refused("xxe.xlf",
                 "<?xml version=\"1.0\"?>\n<!DOCTYPE xliff [<!ENTITY secret SYSTEM \"file:///etc/passwd\">]>\n"
                 "<xliff version=\"1.2\"><file><body><trans-unit id=\"1\"><source>&secret;</source></trans-unit></body></file></xliff>\n",
                 "2:1", "declares entities");
  std::string laughs = "<?xml version=\"1.0\"?>\n<!DOCTYPE tmx [\n<!ENTITY lol \"lol\">\n";
  for (int i = 1; i < 10; ++i)
    laughs += "<!ENTITY lol" + std::to_string(i) + " \"&lol" + (i > 1 ? std::to_string(i - 1) : "") + ";&lol" +
              (i > 1 ? std::to_string(i - 1) : "") + ";\">\n";
  laughs += "]>\n<tmx version=\"1.4\"><body><tu><tuv xml:lang=\"en\"><seg>&lol9;</seg></tuv></tu></body></tmx>\n";
  expect_refused("laughs.tmx", laughs, "2:1", "declares entities");
  expect_refused("cut.xlf", "<xliff version=\"1.2\"><file><body><trans-unit id=\"1\"><source>Cut", "1:63", "malformed XML");
  std::string deep = "<xliff version=\"1.2\"><file><body><trans-unit id=\"1\"><source>";
  for (int i = 0; i < 5000; ++i) deep += "<g id=\"1\">";
  deep += "x";
  for (int i = 0; i < 5000; ++i) deep += "</g>";
  deep += "</source></trans-unit></body></file></xliff>";
  expect_refused("deep.xlf", deep, "1:701", "nested deeper");  // the 65th <g>
}

TEST(I18nJsonPair, UnitsPairByKeyPathWithPluralSuffixes) {
  const Bitext bitext = keyed_pair_from_bytes(
      "en.json", R"({"menu": {"open": "Open \"file\"", "items": ["First"]}, "dose_one": "one dose", "dose_other": "{{count}} doses"})",
      "zh.json", R"({"dose_other": "{{count}} 剂", "menu": {"items": ["第一"], "open": "打开“文件”"}})", {});
  ASSERT_EQ(bitext.units.size(), 4u);
  EXPECT_EQ(bitext.units[0].id, "menu.open");
  EXPECT_EQ(text_of(bitext.source, bitext.units[0].source), "Open \"file\"");
  EXPECT_EQ(text_of(bitext.target, bitext.units[0].target), "打开“文件”");
  EXPECT_EQ(bitext.units[1].id, "menu.items.0");
  EXPECT_EQ(text_of(bitext.target, bitext.units[1].target), "第一");
  EXPECT_EQ(text_of(bitext.target, bitext.units[2].target), "{{count}} 剂");  // dose_one takes dose_other
  const std::size_t quote = bitext.source.text.find('"');
  EXPECT_EQ(file_bytes(bitext.source, {quote, quote + 1}), "\\\"");
  EXPECT_EQ(bitext.target.source->path, "zh.json");
}

TEST(I18nJsonPair, BrokenAndDeepFilesAreRefused) {
  try {
    keyed_pair_from_bytes("en.json", "{\"a\": \"b\"}", "zh.json", "{\"a\": \"b\",\n \"c\": }", {});
    ADD_FAILURE();
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("zh.json: 2:"), std::string::npos) << e.what();
  }
  const std::string deep = std::string(100000, '[') + std::string(100000, ']');
  EXPECT_THROW(keyed_pair_from_bytes("en.json", "{}", "zh.json", deep, {}), InputError);
}

}  // namespace
}  // namespace tc
