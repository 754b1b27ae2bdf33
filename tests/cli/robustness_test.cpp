// End-to-end robustness: hostile inputs end with findings or a clear error
// and exit 2, never a crash, a hang or a quadratic blow-up.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "support/cli_fixture.h"
#include "support/test_support.h"

namespace tc::test {
namespace {

namespace fs = std::filesystem;

class Robustness : public BinaryTest {};

TEST_F(Robustness, DeeplyNestedTbxGlossaryIsAnErrorNotACrash) {
  const auto glossary = write("deep.tbx", "<martif>" + repeat("<x>", 200000) + repeat("</x>", 200000) + "</martif>");
  const auto zh = write("a.zh.txt", "患者接受了化疗。\n");
  const auto en = write("a.en.txt", "The patient received chemotherapy.\n");
  const CommandResult r = run("check " + zh.string() + " " + en.string() + " --glossary " + glossary.string());
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_NE(r.err.find("deep.tbx: no termEntry or conceptEntry elements"), std::string::npos) << r.err;
  EXPECT_EQ(run("glossary lint " + glossary.string()).exit_code, 1);
}

TEST_F(Robustness, GlossaryWithoutExtensionIsAClearError) {
  const auto glossary = write("terms", "zh\ten\n化疗\tchemotherapy\n");
  const auto zh = write("a.zh.txt", "患者接受了化疗。\n");
  const auto en = write("a.en.txt", "The patient received chemotherapy.\n");
  const CommandResult r = run("check " + zh.string() + " " + en.string() + " --glossary " + glossary.string());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("terms: no file extension to tell the glossary format"), std::string::npos) << r.err;
}

TEST_F(Robustness, HostileMarkdownLinesFinishQuickly) {
  const auto links = write("links.md", repeat("[a](", 150000) + "\n");
  const auto comments = write("comments.md", repeat("a <!--\n", 150000));
  for (const auto& path : {links, comments}) {
    const CommandResult r = run("check --lang en --format json " + path.string());
    EXPECT_LT(r.exit_code, 2) << path << r.err;
    EXPECT_NO_THROW(EXPECT_FALSE(nlohmann::json::parse(r.out).is_discarded())) << path;
  }
}

TEST_F(Robustness, StackedCombiningMarksFinishQuickly) {
  const auto path = write("zalgo.txt", "a" + repeat("\u0301\u0308\u0323", 100000) + "\n");
  const CommandResult r = run("check --lang en --format sarif " + path.string());
  EXPECT_EQ(r.exit_code, 0) << r.err;  // one warning: not in NFC
  EXPECT_NE(r.out.find("encoding/not-nfc"), std::string::npos);
}

TEST_F(Robustness, AlignJsonColumnsOnOneLongLine) {
  // Columns are now counted on from the previous sentence, not from the line start.
  const auto zh = write("a.zh.txt", repeat("患者接受了治疗。", 3000) + "\n");
  const auto en = write("a.en.txt", repeat("The patient was treated. ", 3000) + "\n");
  const CommandResult r = run("align --format json " + zh.string() + " " + en.string());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto report = nlohmann::json::parse(r.out);
  const auto& last = report["pairs"].back()["source"].back();
  EXPECT_EQ(last["line"], 1);
  EXPECT_EQ(last["column"], 1 + 8 * 2999);
}

TEST_F(Robustness, AlignPrintsTheUnitsOfABilingualFile) {
  const auto po = write("clinic.po", "msgid \"\"\nmsgstr \"Language: zh_CN\\n\"\n\n"
                                     "msgid \"Rest. Drink water.\"\nmsgstr \"休息。多喝水。\"\n\n"
                                     "msgid \"Call your doctor.\"\nmsgstr \"请联系医生。\"\n");
  const CommandResult r = run("align --format json " + po.string());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto report = nlohmann::json::parse(r.out);
  ASSERT_EQ(report["pairs"].size(), 2u);  // one bead per unit, its sentences together
  EXPECT_EQ(report["pairs"][0]["source"].size(), 2u);
  EXPECT_EQ(report["pairs"][1]["target"][0]["line"], 8);  // the msgstr line
  const auto zh = write("b.zh.txt", "休息。\n");
  EXPECT_EQ(run("align " + zh.string()).exit_code, 2);  // a plain document needs its translation
}

TEST_F(Robustness, HostileTranslationFilesAreErrorsNamingFileAndPosition) {
  const auto xxe = write("xxe.xlf", "<?xml version=\"1.0\"?>\n<!DOCTYPE xliff [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n"
                                    "<xliff version=\"1.2\"><file><body><trans-unit id=\"1\"><source>&x;</source>"
                                    "</trans-unit></body></file></xliff>\n");
  CommandResult r = run("check " + xxe.string());
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_NE(r.err.find("xxe.xlf: 2:1: the document type declares entities"), std::string::npos) << r.err;
  const auto cut = write("cut.po", "msgid \"Rest\"\nmsgstr \"休息\"\n\nmsgid \"Drink \\q water\"\n");
  r = run("check " + cut.string());
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_NE(r.err.find("cut.po: 4:14: unknown escape \\q"), std::string::npos) << r.err;
  const auto deep = write("deep.tmx", "<tmx version=\"1.4\"><body><tu><tuv xml:lang=\"en\"><seg>" + repeat("<hi>", 100000) + "x" +
                                          repeat("</hi>", 100000) + "</seg></tuv></tu></body></tmx>");
  r = run("check " + deep.string());
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_NE(r.err.find("deep.tmx: 1:"), std::string::npos) << r.err;
}

TEST_F(Robustness, APoFileIsCheckedUnitByUnit) {
  const auto po = write("clinic.po", "msgid \"\"\nmsgstr \"\"\n\"Language: zh_CN\\n\"\n\n"
                                     "#, c-format\nmsgid \"Take %d tablets every 8 hours.\"\nmsgstr \"每 6 小时服用 %d 片。\"\n");
  const CommandResult r = run("check --no-color " + po.string());
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_NE(r.out.find("clinic.po:7:11: error: number 8 in the source became 6 in the translation"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("in 1 file"), std::string::npos) << r.out;
}

}  // namespace
}  // namespace tc::test
