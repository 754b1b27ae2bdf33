// Reading glossary files: TSV/CSV quoting, TBX-Basic and TBX-Core, JSON,
// overriding, and errors that name file and line.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "glossary/load.h"
#include "glossary/match.h"
#include "formats/reader.h"
#include "support/test_support.h"

namespace tc::test {
namespace {

using Strings = std::vector<std::string>;

std::string data(const std::string& name) { return source_path("tests/glossary/data/" + name); }

// The message load_glossaries throws for a file, or "" when it loads.
std::string load_error(const std::string& name) {
  try {
    load_glossaries({data(name)});
  } catch (const InputError& e) {
    const std::string message = e.what();
    return message.substr(message.rfind('/') + 1);
  }
  return "";
}

TEST(GlossaryLoad, CsvQuotingAndMultipleValues) {
  const Glossary g = load_glossaries({data("good.csv")});
  ASSERT_EQ(g.entries.size(), 2u);
  EXPECT_EQ(g.entries[0].variants, (Strings{"bone marrow suppression", "marrow suppression"}));
  EXPECT_EQ(g.entries[1].zh, (Strings{"肿瘤", "瘤"}));
  EXPECT_EQ(g.entries[1].origin(), data("good.csv") + ":3");
  ASSERT_NE(g.index(), nullptr);
}

// A cell of more than a few items is merged through a set of views: short
// items (stored in place) must stay equal to themselves while the cell is
// compacted. They were kept every one, and 100,000 of them took minutes.
TEST(GlossaryLoad, RepeatedShortItemsOfALongCellAreMerged) {
  const auto path = std::filesystem::temp_directory_path() / ("transcheck-merge-" + std::to_string(::getpid()) + ".tsv");
  std::string variants;
  for (int i = 0; i < 12; ++i) variants += std::string(i ? "|" : "") + (i % 3 == 0 ? "chemo" : i % 3 == 1 ? "a much longer variant name" : "CT");
  std::ofstream(path) << "zh\ten\tvariants\n化疗\tchemotherapy\t" << variants << "\n";
  const Glossary g = load_glossaries({path.string()});
  std::filesystem::remove(path);
  ASSERT_EQ(g.entries.size(), 1u);
  EXPECT_EQ(g.entries[0].variants, (Strings{"chemo", "a much longer variant name", "CT"}));
}

TEST(GlossaryLoad, ErrorsNameFileAndLine) {
  EXPECT_EQ(load_error("unterminated.tsv"), "unterminated.tsv:2: unterminated quote");
  EXPECT_EQ(load_error("stray_quote.csv"),
            "stray_quote.csv:3: quote inside an unquoted cell (quote the whole cell and double the quote)");
  EXPECT_EQ(load_error("bad_header.tsv"),
            "bad_header.tsv:1: unknown column 'colour' (expected zh, en, variants, forbidden, note, case)");
  EXPECT_EQ(load_error("bad_type.json"), "bad_type.json:1: \"en\" must be a string");
  EXPECT_EQ(load_error("broken.tbx").substr(0, 27), "broken.tbx:2: malformed XML");
  EXPECT_THROW(load_glossaries({data("missing.tsv")}), InputError);
}

TEST(GlossaryLoad, TbxBasic) {
  const Glossary g = load_glossaries({data("basic.tbx")});
  ASSERT_EQ(g.entries.size(), 2u);
  EXPECT_EQ(g.entries[0].zh, Strings{"骨髓抑制"});
  EXPECT_EQ(g.entries[0].en, "myelosuppression");
  EXPECT_EQ(g.entries[0].variants, Strings{"bone marrow suppression"});
  EXPECT_EQ(g.entries[0].forbidden, Strings{"marrow depression"});
  EXPECT_EQ(g.entries[0].note, "Reduced bone marrow activity");
  EXPECT_EQ(g.entries[0].origin(), data("basic.tbx") + ":9");
  EXPECT_EQ(g.entries[1].en, "NK cell");
  EXPECT_TRUE(g.entries[1].case_sensitive);  // termType abbreviation
  // Traditional zh form matches Simplified text.
  const std::string text = "自然杀伤细胞";
  EXPECT_EQ(find_chinese_terms(g, text, {0, text.size()}).size(), 1u);
}

TEST(GlossaryLoad, TbxCore) {
  const Glossary g = load_glossaries({data("core.tbx")});
  ASSERT_EQ(g.entries.size(), 1u);
  EXPECT_EQ(g.entries[0].zh, (Strings{"化疗", "化学治疗"}));
  EXPECT_EQ(g.entries[0].en, "chemotherapy");
}

TEST(GlossaryLoad, Json) {
  const Glossary g = load_glossaries({data("sample.json")});
  ASSERT_EQ(g.entries.size(), 2u);
  EXPECT_EQ(g.entries[0].forbidden, (Strings{"revenue", "income"}));
  EXPECT_EQ(g.entries[0].origin(), data("sample.json") + ":3");
  EXPECT_EQ(g.entries[1].zh, Strings{"白血病"});
  EXPECT_EQ(g.entries[1].origin(), data("sample.json") + ":9");
}

TEST(GlossaryLoad, LaterFilesOverrideEarlierEntries) {
  const Glossary g = load_glossaries({data("good.csv"), data("override.tsv")});
  ASSERT_EQ(g.entries.size(), 2u);
  EXPECT_EQ(g.entries[0].zh, (Strings{"肿瘤", "瘤"}));
  EXPECT_EQ(g.entries[1].en, "bone marrow suppression");
  EXPECT_TRUE(g.entries[1].variants.empty());
}

TEST(GlossaryLoad, EmptyItemsAreDroppedKeepingTheOthersInOrder) {
  const GlossaryFile file =
      parse_glossary("items.tsv", "zh\ten\tvariants\tforbidden\n甲| |乙|\tA\t|b||c\t | \n丙\tC\t\tx\n");
  ASSERT_EQ(file.entries.size(), 2u);
  EXPECT_EQ(file.entries[0].zh, (Strings{"甲", "乙"}));
  EXPECT_EQ(file.entries[0].variants, (Strings{"b", "c"}));
  EXPECT_TRUE(file.entries[0].forbidden.empty());
  EXPECT_EQ(file.entries[1].zh, Strings{"丙"});
  EXPECT_EQ(file.entries[1].forbidden, Strings{"x"});
  // The empty items are still reported, each cell once, on the entry's line.
  std::vector<std::string> empty_item_cells;
  for (const GlossaryProblem& problem : file.problems) {
    EXPECT_EQ(problem.line, 2u);
    EXPECT_FALSE(problem.fatal);
    empty_item_cells.push_back(problem.message.substr(0, problem.message.find(" cell")));
  }
  EXPECT_EQ(empty_item_cells, (Strings{"empty item in the 'zh'", "empty item in the 'variants'", "empty item in the 'forbidden'"}));
}

}  // namespace
}  // namespace tc::test
