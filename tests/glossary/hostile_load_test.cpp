// Hostile glossary files: deep XML nesting must not overflow the stack, a
// large TBX must load in linear time, and the errors still name the file.
#include <gtest/gtest.h>


#include "glossary/load.h"
#include "glossary/match.h"
#include "support/test_support.h"

namespace tc {
namespace {

using test::repeat;

std::string tbx_entry(const std::string& zh, const std::string& en) {
  return "<termEntry><langSet xml:lang=\"zh\"><tig><term>" + zh + "</term></tig></langSet><langSet xml:lang=\"en\"><tig><term>" +
         en + "</term></tig></langSet></termEntry>\n";
}

TEST(GlossaryHostile, DeeplyNestedTbxIsNotATbxGlossary) {
  const std::string text = "<martif>" + repeat("<x>", 200000) + repeat("</x>", 200000) + "</martif>";
  const GlossaryFile file = parse_glossary("deep.tbx", text);
  ASSERT_EQ(file.problems.size(), 1u);
  EXPECT_EQ(file.problems[0].message, "no termEntry or conceptEntry elements: not a TBX glossary");
  EXPECT_TRUE(file.entries.empty());
}

TEST(GlossaryHostile, DeeplyNestedTermTextIsRead) {
  const std::string text = "<martif><body>" + tbx_entry(repeat("<hi>", 100000) + "癌症" + repeat("</hi>", 100000), "cancer") +
                           tbx_entry("化疗", "<x><y>chemo</y>therapy</x>") + "</body></martif>";
  const GlossaryFile file = parse_glossary("deep.tbx", text);
  EXPECT_TRUE(file.problems.empty());
  ASSERT_EQ(file.entries.size(), 2u);
  EXPECT_EQ(file.entries[0].zh, std::vector<std::string>{"癌症"});
  EXPECT_EQ(file.entries[0].en, "cancer");
  EXPECT_EQ(file.entries[1].en, "chemotherapy");
  EXPECT_EQ(file.lines, (std::vector<std::size_t>{1, 2}));
}

// The reader keeps an element's first text as the element's value (not a
// node of its own): text before, inside and after inline elements, and
// CDATA, still come in document order.
TEST(GlossaryHostile, TextAroundInlineElementsIsReadInOrder) {
  const std::string text = "<martif><body><termEntry><descrip>A <hi>live</hi>, <![CDATA[& safe]]> one</descrip>"
                           "<langSet xml:lang=\"zh\"><tig><term>疫<hi>苗</hi></term></tig></langSet>"
                           "<langSet xml:lang=\"en\"><tig><term>vac<hi>ci</hi>ne</term></tig>"
                           "<tig><term><b>sh</b>ot <![CDATA[jab]]></term></tig></langSet></termEntry></body></martif>";
  const GlossaryFile file = parse_glossary("inline.tbx", text);
  EXPECT_TRUE(file.problems.empty());
  ASSERT_EQ(file.entries.size(), 1u);
  EXPECT_EQ(file.entries[0].zh, std::vector<std::string>{"疫苗"});
  EXPECT_EQ(file.entries[0].en, "vaccine");
  EXPECT_EQ(file.entries[0].variants, std::vector<std::string>{"shot jab"});
  EXPECT_EQ(file.entries[0].note, "A live, & safe one");
}

// The entries of a TSV are sized at once from its records: lines that are
// blank (spaces too), comments or inside a quoted cell are no records. Sized
// from its lines, a file of blank lines asked for some 170 bytes a line
// (1 GiB of " \n" would have asked for some 90 GB, and thrown bad_alloc).
TEST(GlossaryHostile, BlankAndQuotedLinesDoNotSizeTheEntries) {
  const std::string text = "zh\ten\tnote\n" + repeat(" \n", 100000) + repeat("  # comment\n", 1000) +
                           "肿瘤\ttumor\t\"" + repeat("line\n", 100000) + "\"\n" + repeat("\t\n", 1000) + "白血病\tleukemia\t\n";
  const GlossaryFile file = parse_glossary("blank.tsv", text);
  EXPECT_TRUE(file.problems.empty());
  ASSERT_EQ(file.entries.size(), 2u);
  EXPECT_EQ(file.lines, (std::vector<std::size_t>{101002, 202003}));
  EXPECT_EQ(file.entries.capacity(), 2u);
  EXPECT_EQ(file.lines.capacity(), 2u);
}

TEST(GlossaryHostile, LargeTbxLoadsInLinearTimeWithLineNumbers) {
  // 80 000 entries, one a line: counting lines from the file start for each
  // entry took minutes.
  std::string text = "<?xml version=\"1.0\"?>\n<martif type=\"TBX\"><text><body>\n";
  constexpr std::size_t kEntries = 80000;
  for (std::size_t i = 0; i < kEntries; ++i) text += tbx_entry("词" + std::to_string(i), "word" + std::to_string(i));
  text += "</body></text></martif>\n";
  const GlossaryFile file = parse_glossary("big.tbx", text);
  ASSERT_EQ(file.entries.size(), kEntries);
  EXPECT_EQ(file.lines.front(), 3u);
  EXPECT_EQ(file.lines.back(), kEntries + 2);
  EXPECT_EQ(file.entries.back().origin(), "big.tbx:" + std::to_string(kEntries + 2));
}

TEST(GlossaryHostile, ANumberTooLargeForADoubleIsAnErrorAtItsLine) {
  // Found by the glossary fuzzer: nlohmann throws out_of_range, not parse_error.
  const GlossaryFile file = parse_glossary("big.json", "[\n{\"zh\": \"癌症\", \"en\": \"cancer\",\n \"x\": 660000000000e615063730}]");
  ASSERT_EQ(file.problems.size(), 1u);
  EXPECT_TRUE(file.problems[0].fatal);
  EXPECT_EQ(file.problems[0].line, 3u);
  EXPECT_NE(file.problems[0].message.find("number overflow"), std::string::npos) << file.problems[0].message;
}

TEST(GlossaryHostile, AFileWithoutExtensionIsRefusedClearly) {
  const GlossaryFile file = parse_glossary("terms", "zh\ten\n癌症\tcancer\n");
  ASSERT_EQ(file.problems.size(), 1u);
  EXPECT_TRUE(file.problems[0].fatal);
  EXPECT_EQ(file.problems[0].message, "no file extension to tell the glossary format (use .tsv, .csv, .tbx or .json)");
}

}  // namespace
}  // namespace tc

namespace tc {
namespace {

TEST(GlossaryHostile, LoneCrLineEndsAreLineEnds) {
  const GlossaryFile file = parse_glossary("mac.tsv", "zh\ten\r癌症\tcancer\r化疗\tchemotherapy\r\n肿瘤\ttumour");
  EXPECT_TRUE(file.problems.empty());
  ASSERT_EQ(file.entries.size(), 3u);
  EXPECT_EQ(file.entries[1].zh, std::vector<std::string>{"化疗"});
  EXPECT_EQ(file.entries[1].en, "chemotherapy");
  EXPECT_EQ(file.lines, (std::vector<std::size_t>{2, 3, 4}));
}

}  // namespace
}  // namespace tc

namespace tc {
namespace {

TEST(GlossaryHostile, LongRunOfSpacesIsMatchedInLinearTime) {
  const Glossary g = load_glossaries({test::source_path("glossaries/medical.zh-en.tsv")});
  const std::string text = "化疗" + test::repeat("\u00A0", 300000) + "化疗 \u00A0 化疗\n";
  std::vector<TermMatch> matches;
  matches = find_chinese_terms(g, text, {0, text.size()});
  EXPECT_EQ(matches.size(), 3u);
}

// A cell over the item cap is refused before it is split: its entry is never
// built (each item a string of its own cost some 35 bytes per byte of cell),
// and the problem still names the line and the count.
TEST(GlossaryHostile, CrowdedCellIsRefusedWithoutBuildingItsEntry) {
  const std::string crowded = "v" + repeat("|v", 1000) + "| |";
  const std::vector<std::pair<std::string, std::string>> files{
      {"g.tsv", "zh\ten\tvariants\n化疗\tchemotherapy\t" + crowded + "\n癌症\tcancer\t\n"},
      {"g.json", "[{\"zh\": \"化疗\", \"en\": \"chemotherapy\", \"variants\": \"" + crowded +
                     "\"},\n{\"zh\": \"癌症\", \"en\": \"cancer\"}]"},
      {"a.json", "[{\"zh\": \"化疗\", \"en\": \"chemotherapy\", \"variants\": [\"v\"" + repeat(", \"v\"", 1000) +
                     ", \" \"]},\n{\"zh\": \"癌症\", \"en\": \"cancer\"}]"},
  };
  for (const auto& [path, text] : files) {
    const GlossaryFile file = parse_glossary(path, text);
    ASSERT_EQ(file.entries.size(), 1u) << path;
    EXPECT_EQ(file.entries[0].en, "cancer") << path;
    ASSERT_EQ(file.problems.size(), 1u) << path;
    EXPECT_EQ(file.problems[0].line, path == "g.tsv" ? 2u : 1u) << path;
    EXPECT_EQ(file.problems[0].message, "'variants' cell has 1001 items; at most 1000 are allowed") << path;
    EXPECT_TRUE(file.problems[0].fatal) << path;
  }
  // At the cap the cell is taken.
  std::string distinct = "w0";
  for (int i = 1; i < 1000; ++i) distinct += "|w" + std::to_string(i);
  const GlossaryFile full = parse_glossary("full.tsv", "zh\ten\tvariants\n化疗\tchemotherapy\t" + distinct + "\n");
  EXPECT_TRUE(full.problems.empty());
  ASSERT_EQ(full.entries.size(), 1u);
  EXPECT_EQ(full.entries[0].variants.size(), 1000u);
}

}  // namespace
}  // namespace tc
