// Limits, reasons and terminal safety: every input ends in bounded time and
// memory with an error that names the file and the real reason, and nothing
// from an input (file names, cells, document text) reaches the terminal raw.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "support/cli_fixture.h"
#include "support/test_support.h"

namespace tc::test {
namespace {

namespace fs = std::filesystem;

class Reliability : public BinaryTest {
 protected:
  void SetUp() override {
    BinaryTest::SetUp();
    zh_ = write("a.zh.txt", "患者接受了化疗。\n");
    en_ = write("a.en.txt", "The patient received chemotherapy.\n");
  }
  std::string pair() const { return "check " + zh_.string() + " " + en_.string(); }
  fs::path zh_, en_;
};

bool has_raw_escape(const std::string& text) { return text.find('\x1b') != std::string::npos || text.find('\x07') != std::string::npos; }

TEST_F(Reliability, AFileOverTheInputLimitIsRefusedNamingTheLimit) {
  const fs::path big = write("big.en.txt", repeat("The patient received chemotherapy. ", 100));
  const CommandResult r = run("check --lang en --max-input-size 1K " + big.string());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("big.en.txt: larger than the input limit of 1 KiB (--max-input-size)"), std::string::npos) << r.err;
  // Under a limit it fits, it is checked.
  EXPECT_LT(run("check --lang en --max-input-size 64K " + big.string()).exit_code, 2);
  // The limit applies to glossaries too.
  const fs::path glossary = write("g.tsv", "zh\ten\n" + repeat("化疗\tchemotherapy\n", 200));
  const CommandResult g = run(pair() + " --max-input-size 1K --glossary " + glossary.string());
  EXPECT_EQ(g.exit_code, 2);
  EXPECT_NE(g.err.find("g.tsv: larger than the input limit"), std::string::npos) << g.err;
}

TEST_F(Reliability, BadLimitsAreUsageErrors) {
  for (const char* value : {"abc", "0", "3G", "12Q", "-5"}) {
    const CommandResult r = run(pair() + " --max-input-size " + value);
    EXPECT_EQ(r.exit_code, 2) << value;
    EXPECT_NE(r.err.find("--max-input-size"), std::string::npos) << value << r.err;
  }
}

TEST_F(Reliability, EndlessStreamsStopAtTheLimit) {
  const CommandResult device = run("check --lang en --max-input-size 256K /dev/zero");
  EXPECT_EQ(device.exit_code, 2);
  EXPECT_NE(device.err.find("/dev/zero: larger than the input limit of 256 KiB"), std::string::npos) << device.err;
  const CommandResult input = run("check --lang en --max-input-size 256K - </dev/zero");
  EXPECT_EQ(input.exit_code, 2);
  EXPECT_NE(input.err.find("<stdin>: larger than the input limit"), std::string::npos) << input.err;
}

TEST_F(Reliability, AFifoWithoutAWriterIsAnErrorNotAHang) {
  const fs::path fifo = dir_ / "pipe.en.txt";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  const CommandResult r = run("check --lang en " + fifo.string());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("pipe.en.txt: named pipe: nothing was written to it"), std::string::npos) << r.err;
}

TEST_F(Reliability, FileSystemErrorsCarryTheSystemsReason) {
  fs::create_symlink("loop-b.txt", dir_ / "loop-a.txt");
  fs::create_symlink("loop-a.txt", dir_ / "loop-b.txt");
  const CommandResult loop = run("check --lang en " + (dir_ / "loop-a.txt").string());
  EXPECT_EQ(loop.exit_code, 2);
  EXPECT_NE(loop.err.find("Too many levels of symbolic links"), std::string::npos) << loop.err;

  const CommandResult long_name = run("check --lang en " + (dir_ / std::string(300, 'n')).string() + ".txt");
  EXPECT_EQ(long_name.exit_code, 2);
  EXPECT_NE(long_name.err.find("File name too long"), std::string::npos) << long_name.err;

  const CommandResult missing = run("check --lang en " + (dir_ / "absent.txt").string());
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_NE(missing.err.find("absent.txt: no such file"), std::string::npos) << missing.err;
}

// A file name that retitles the terminal (OSC 0) and rings the bell.
constexpr const char* kHostileName = "evil\x1b]0;owned\x07.en.txt";

TEST_F(Reliability, FileNamesNeverReachTheTerminalRaw) {
  const fs::path path = write(kHostileName, "The the patient received chemotherapy.\n");
  const std::string quoted = "'" + path.string() + "'";
  for (const char* format : {"text", "github", "junit"}) {
    const CommandResult r = run("check --lang en --fail-on warning --format " + std::string(format) + " " + quoted);
    EXPECT_EQ(r.exit_code, 1) << format << r.err;
    EXPECT_FALSE(has_raw_escape(r.out)) << format << r.out;
    EXPECT_NE(r.out.find("U+001B"), std::string::npos) << format << r.out;
  }
  // The JSON report keeps the real name, escaped the JSON way.
  const CommandResult json = run("check --lang en --format json " + quoted);
  EXPECT_EQ(nlohmann::json::parse(json.out)["findings"][0]["file"], path.string());
  // Error messages too.
  const CommandResult missing = run("check --lang en '" + (dir_ / "no\x1b[2Jsuch.txt").string() + "'");
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_FALSE(has_raw_escape(missing.err)) << missing.err;
  EXPECT_NE(missing.err.find("no<U+001B>[2Jsuch.txt: no such file"), std::string::npos) << missing.err;
}

TEST_F(Reliability, AlignmentOutputShowsControlsEscaped) {
  const fs::path zh = write("b.zh.txt", "患者接受了化疗。\x1b]0;owned\x07医生很满意。\n");
  const fs::path en = write("b.en.txt", "The patient received \xe2\x80\xae" "chemotherapy. The doctor was pleased.\n");
  for (const char* format : {"text", "tsv"}) {
    const CommandResult r = run("align --format " + std::string(format) + " " + zh.string() + " " + en.string());
    EXPECT_EQ(r.exit_code, 0) << format << r.err;
    EXPECT_FALSE(has_raw_escape(r.out)) << format << r.out;
    EXPECT_EQ(r.out.find("\xe2\x80\xae"), std::string::npos) << format;  // RIGHT-TO-LEFT OVERRIDE
    EXPECT_NE(r.out.find("<U+202E>"), std::string::npos) << format << r.out;
  }
}

TEST_F(Reliability, GlossaryCellsNeverReachTheTerminalRaw) {
  const fs::path glossary = write("g.tsv", "zh\ten\n化疗\t\n\x1b]0;owned\x07\t\n");
  const CommandResult r = run("glossary lint " + glossary.string());
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_FALSE(has_raw_escape(r.out)) << r.out;
  EXPECT_NE(r.out.find("<U+001B>"), std::string::npos) << r.out;
}

// The right-to-left override: an error of encoding/bidi-control.
constexpr const char* kOverride = "\xe2\x80\xae";

TEST_F(Reliability, TheTextSummaryNamesTheFilesWithErrorsEscaped) {
  const fs::path path = write(kHostileName, std::string("The patient received ") + kOverride + "chemotherapy.\n");
  const CommandResult r = run("check --lang en '" + path.string() + "'");
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_FALSE(has_raw_escape(r.out)) << r.out;
  EXPECT_NE(r.out.find("\nerrors in: " + (dir_ / "evil<U+001B>]0;owned<U+0007>.en.txt").string() + " (1)\n"), std::string::npos)
      << r.out;
}

TEST_F(Reliability, UsageErrorsQuoteArgumentsEscaped) {
  const CommandResult option = run(pair() + " '--b\x1b]0;owned\x07'");
  EXPECT_EQ(option.exit_code, 2);
  EXPECT_EQ(option.err, "The following argument was not expected: --b<U+001B>]0;owned<U+0007>\n"
                        "Run with --help for more information.\n");
  const CommandResult extra = run("align " + zh_.string() + " " + en_.string() + " 'x\xe2\x80\xaey\xc2\x9b'");
  EXPECT_EQ(extra.exit_code, 2);
  EXPECT_EQ(extra.err, "The following argument was not expected: x<U+202E>y<U+009B>\nRun with --help for more information.\n");
}

// JSON escapes C0 controls itself; C1 and bidi controls, which nlohmann
// writes raw, are \u escapes too. The values read back are the real ones.
TEST_F(Reliability, JsonOutputsEscapeC1AndBidiControls) {
  const std::string name = std::string("c\xc2\x9b") + "31m" + kOverride + ".en.txt";
  const fs::path path = write(name, std::string("The patient received ") + kOverride + "chemotherapy.\n");
  const std::string quoted = "'" + path.string() + "'";
  for (const char* format : {"json", "sarif"}) {
    const CommandResult r = run("check --lang en --format " + std::string(format) + " " + quoted);
    EXPECT_EQ(r.exit_code, 1) << format << r.err;
    EXPECT_EQ(r.out.find(kOverride), std::string::npos) << format;
    EXPECT_EQ(r.out.find("\xc2\x9b"), std::string::npos) << format;
    const nlohmann::json report = nlohmann::json::parse(r.out);
    if (std::string(format) == "json") {
      EXPECT_NE(r.out.find("\"text\": \"\\u202e\""), std::string::npos) << r.out;
      EXPECT_EQ(report["findings"][0]["file"], path.string());
      EXPECT_EQ(report["findings"][0]["column"], 22);
      EXPECT_EQ(report["findings"][0]["text"], kOverride);
    } else {
      EXPECT_EQ(report["runs"][0]["results"][0]["message"]["text"], "bidirectional override U+202E RIGHT-TO-LEFT OVERRIDE");
    }
  }
  const fs::path zh = write("d.zh.txt", "患者接受了化疗。\xc2\x85医生很满意。\n");
  const CommandResult align = run("align --format json " + zh.string() + " " + quoted);
  EXPECT_EQ(align.exit_code, 0) << align.err;
  EXPECT_EQ(align.out.find("\xc2\x85"), std::string::npos);
  // NEL ends the first sentence; the second starts with it.
  EXPECT_NE(align.out.find("\"column\": 9,\n          \"index\": 1,\n          \"line\": 1,\n          \"text\": \"\\u0085医生很满意。\""),
            std::string::npos)
      << align.out;
  EXPECT_EQ(nlohmann::json::parse(align.out)["target"], path.string());
  const fs::path input = write("lines.jsonl", "{\"id\":\"a\xe2\x80\xae\",\"source\":\"患者接受了化疗。\","
                                             "\"target\":\"The patient received \xe2\x80\xae" "chemotherapy.\"}\n");
  const CommandResult lines = run("check --lines < " + input.string());
  EXPECT_EQ(lines.out.find(kOverride), std::string::npos) << lines.out;
  EXPECT_EQ(lines.out.rfind("{\"line\":1,\"id\":\"a\\u202e\",\"findings\":[", 0), 0u) << lines.out;
}

TEST_F(Reliability, DryRunDiffsShowControlsEscapedKeepingTabsAndLineEnds) {
  const fs::path path = write("d.en.txt", std::string("Keep\tthis tab. Te") + kOverride + "xt \x1b]0;owned\x07 here.\r\nSecond line.\r\n");
  const CommandResult r = run("fix --dry-run --lang en " + path.string());
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_FALSE(has_raw_escape(r.out)) << r.out;
  EXPECT_NE(r.out.find("@@ -1,2 +1,2 @@\n-Keep\tthis tab. Te<U+202E>xt <U+001B>]0;owned<U+0007> here.\r\n"
                       "+Keep\tthis tab. Text ]0;owned here.\r\n Second line.\r\n"),
            std::string::npos)
      << r.out;
}

// A name with ill-formed UTF-8 made the baseline write throw (exit 2).
TEST_F(Reliability, BaselinesOfHostileNamesAreWrittenAndNamedEscaped) {
  const fs::path path = write("bad\xff.en.txt", std::string("The patient received ") + kOverride + "chemotherapy.\n");
  const fs::path baseline = dir_ / "b\x1b[2J.json";
  const std::string check = "check --lang en '" + path.string() + "' ";
  const CommandResult written = run(check + "--write-baseline '" + baseline.string() + "'");
  EXPECT_EQ(written.exit_code, 0) << written.err;
  EXPECT_FALSE(has_raw_escape(written.err)) << written.err;
  EXPECT_NE(written.err.find("transcheck: wrote 1 findings to " + (dir_ / "b<U+001B>[2J.json").string() + "\n"), std::string::npos)
      << written.err;
  EXPECT_NE(written.out.find("errors in: " + (dir_ / "bad<\\xFF>.en.txt").string() + " (1)\n"), std::string::npos) << written.out;
  const CommandResult checked = run(check + "--baseline '" + baseline.string() + "'");
  EXPECT_EQ(checked.exit_code, 0) << checked.err;
  EXPECT_NE(checked.out.find("1 baselined, 0 baseline entries fixed\n"), std::string::npos) << checked.out;
}

TEST_F(Reliability, InitNamesWhatItWroteEscaped) {
  const fs::path project = dir_ / "p\x1b]0;owned\x07";
  fs::create_directories(project);
  const CommandResult r = run("init '" + project.string() + "'");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_FALSE(has_raw_escape(r.err)) << r.err;
  EXPECT_EQ(r.err.rfind("transcheck: wrote " + (dir_ / "p<U+001B>]0;owned<U+0007>/transcheck.toml").string() + "\n", 0), 0u) << r.err;
}

TEST_F(Reliability, HugeGlossaryCellsAreRefusedQuickly) {
  // 70,000 items once wrapped a 16-bit counter in the term index: no end.
  std::string items;
  for (int i = 0; i < 70000; ++i) items += (i ? "|" : "") + std::string("term") + std::to_string(i);
  const fs::path wide = write("wide.tsv", "zh\ten\tvariants\n化疗\tchemotherapy\t" + items + "\n");
  const CommandResult r = run(pair() + " --glossary " + wide.string());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("wide.tsv:2: 'variants' cell has 70000 items; at most 1000 are allowed"), std::string::npos) << r.err;
  EXPECT_EQ(run("glossary lint " + wide.string()).exit_code, 1);

  const fs::path long_term = write("long.tsv", "zh\ten\n化疗\t" + repeat("chemo", 3200) + "\n");
  const CommandResult l = run(pair() + " --glossary " + long_term.string());
  EXPECT_EQ(l.exit_code, 2);
  EXPECT_NE(l.err.find("long.tsv:2: a term in the 'en' cell is 16000 characters long; at most 256"), std::string::npos)
      << l.err;
}

TEST_F(Reliability, RepeatedGlossaryItemsAreMergedAndStillWork) {
  const fs::path glossary = write("g.tsv", "zh\ten\tforbidden\n化疗\tchemotherapy\tchemical therapy|chemical therapy\n");
  const fs::path en = write("c.en.txt", "The patient received chemical therapy.\n");
  const CommandResult r = run("check " + zh_.string() + " " + en.string() + " --format json --glossary " + glossary.string());
  const auto report = nlohmann::json::parse(r.out);
  int forbidden = 0;
  for (const auto& f : report["findings"]) forbidden += f["rule"] == "terminology/forbidden-term";
  EXPECT_EQ(forbidden, 1) << r.out;
}

TEST_F(Reliability, ManyTermsAndNotesUnderOneTbxParentLoadQuickly) {
  // Terms and their notes straight under one langSet: each term once read
  // every note of the parent.
  std::string body;
  for (int i = 0; i < 4000; ++i)
    body += "<term>term" + std::to_string(i) + "</term><termNote type=\"administrativeStatus\">admittedTerm-admn-sts</termNote>";
  const fs::path tbx = write("many.tbx", "<martif><text><body><termEntry><langSet xml:lang=\"zh\"><tig><term>化疗</term></tig></langSet>"
                                         "<langSet xml:lang=\"en\">" + body + "</langSet></termEntry></body></text></martif>");
  const CommandResult r = run(pair() + " --glossary " + tbx.string());
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_NE(r.err.find("'variants' cell has 3999 items; at most 1000"), std::string::npos) << r.err;
}

TEST_F(Reliability, QuadraticPatternsFinishQuickly) {
  // A URL followed by thousands of ")" and host names glued together.
  const fs::path urls = write("urls.en.txt", "See https://example.org/a" + repeat(")", 60000) + " and a" + repeat(".gov", 20000) + "\n");
  const CommandResult u = run("check --lang en --format json " + urls.string());
  EXPECT_LT(u.exit_code, 2) << u.err;
  // A pair full of numbers in one sentence each: every number matches.
  std::string zh = "数据：", en = "Data: ";
  for (int i = 0; i < 6000; ++i) {
    zh += std::to_string(i * 7) + "，";
    en += std::to_string(i * 7) + ", ";
  }
  const fs::path zh_path = write("n.zh.txt", zh + "。\n");
  const fs::path en_path = write("n.en.txt", en + "end.\n");
  const CommandResult n = run("check --select alignment/number-mismatch --format json " + zh_path.string() + " " + en_path.string());
  EXPECT_EQ(n.exit_code, 0) << n.err << n.out.substr(0, 500);
}

TEST_F(Reliability, AUnitRepeatingOnePlaceholderFinishesQuickly) {
  // Each placeholder of the translation matched the first left of its kind in
  // the source by erasing it from the front of a list: 256 KB took 2.9 s, a
  // 4 MB unit some 10 minutes (the run limit is 120 s).
  const fs::path zh = write("p.zh.json", "{\"k\":\"" + repeat("%1$s 和 ", 400000) + "\"}");
  const fs::path en = write("p.en.json", "{\"k\":\"" + repeat("%1$s and ", 400000) + "\"}");
  const CommandResult r = run("check --select placeholder --format json " + zh.string() + " " + en.string());
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(nlohmann::json::parse(r.out)["findings"].size(), 0u);
}

TEST_F(Reliability, AFileOfCrLineEndsIsReadInLinearTime) {
  // Classic Mac line ends, no '\n' anywhere: each line searched the rest of
  // the file for one. 1 MB took 6 s; 8 MB would take some 6 minutes (the run
  // limit is 120 s).
  const fs::path mac = write("mac.en.txt", repeat("a\r", 4 * 1024 * 1024));
  const CommandResult r = run("check --lang en --disable all " + mac.string());
  EXPECT_EQ(r.exit_code, 0) << r.err;
}

TEST_F(Reliability, ALineOfBidiControlsBetweenLettersFinishesQuickly) {
  // Each control between two letters is a run of its own, and each run read
  // its whole line for right-to-left letters: 256 KB took 14 s, 2 MB would
  // take some 15 minutes (the run limit is 120 s).
  const fs::path bidi = write("bidi.en.txt", repeat("a\u202E", 512 * 1024) + "\n");
  const CommandResult r = run("check --lang en --select encoding/bidi-control --format json " + bidi.string());
  EXPECT_EQ(r.exit_code, 1) << r.err;
}

}  // namespace
}  // namespace tc::test
