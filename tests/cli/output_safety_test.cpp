// `-o` must never destroy what the user owns, and a report that could not be
// written in full is an error (exit 2 with the system's reason), never a
// silent success.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>

#include "support/cli_fixture.h"

namespace tc::test {
namespace {

namespace fs = std::filesystem;

class OutputSafety : public BinaryTest {
 protected:
  void SetUp() override {
    BinaryTest::SetUp();
    source_ = write("a.zh.txt", "化疗会引起骨髓抑制，发生率为44.2%。\n");
    target_ = write("a.en.txt", "Chemotherapy causes myelosuppression, with an incidence of 42.4%.\n");
    glossary_ = write("g.tsv", "zh\ten\n骨髓抑制\tmyelosuppression\n");
  }
  std::string pair() const { return "check " + source_.string() + " " + target_.string(); }
  fs::path source_, target_, glossary_;
};

TEST_F(OutputSafety, AnInputIsNeverOverwritten) {
  const std::string original = read_all(target_);
  for (const fs::path& input : {source_, target_, glossary_}) {
    const std::string before = read_all(input);
    const CommandResult r = run(pair() + " --glossary " + glossary_.string() + " -o " + input.string());
    EXPECT_EQ(r.exit_code, 2) << input;
    EXPECT_NE(r.err.find("is one of the inputs"), std::string::npos) << r.err;
    EXPECT_EQ(read_all(input), before) << input;
  }
  // The same file under another name (a hard link) is still the input.
  fs::create_hard_link(target_, dir_ / "alias.txt");
  EXPECT_EQ(run(pair() + " -o " + (dir_ / "alias.txt").string()).exit_code, 2);
  const CommandResult align = run("align " + source_.string() + " " + target_.string() + " -o " + target_.string());
  EXPECT_EQ(align.exit_code, 2) << align.err;
  EXPECT_EQ(read_all(target_), original);
}

// What a run reads besides the files named on the command line: the project
// file, the glossaries of `check --lines`, and standard input redirected from
// the target itself.
TEST_F(OutputSafety, TheProjectFileGlossariesAndStandardInputAreInputsToo) {
  write("p/zh/a.md", "患者接受了化疗。\n");
  write("p/en/a.md", "The patient received chemotherapy.\n");
  const std::string config = "[[pairs]]\nsource = \"zh/**/*.md\"\ntarget = \"en/**/*.md\"\n";
  const fs::path project = write("p/transcheck.toml", config);
  for (const std::string& target : {std::string("transcheck.toml"), (dir_ / "p/transcheck.toml").string()}) {
    const CommandResult r = run_in(dir_ / "p", "check -o " + target);
    EXPECT_EQ(r.exit_code, 2) << target;
    EXPECT_NE(r.err.find("is one of the inputs"), std::string::npos) << r.err;
    EXPECT_EQ(read_all(project), config);
  }
  const CommandResult lines_config = run_in(dir_ / "p", "check --lines -o transcheck.toml </dev/null");
  EXPECT_EQ(lines_config.exit_code, 2) << lines_config.err;
  EXPECT_EQ(read_all(project), config);

  const std::string glossary = read_all(glossary_);
  const fs::path lines = write("pairs.tsv", "化疗\tchemo\n");
  const CommandResult lines_glossary =
      run("check --lines --glossary " + glossary_.string() + " -o " + glossary_.string() + " <" + lines.string());
  EXPECT_EQ(lines_glossary.exit_code, 2) << lines_glossary.err;
  EXPECT_EQ(read_all(glossary_), glossary);

  const CommandResult lines_stdin = run("check --lines -o " + lines.string() + " <" + lines.string());
  EXPECT_EQ(lines_stdin.exit_code, 2) << lines_stdin.err;
  EXPECT_NE(lines_stdin.err.find("is one of the inputs (standard input)"), std::string::npos) << lines_stdin.err;
  EXPECT_EQ(read_all(lines), "化疗\tchemo\n");

  const std::string text = read_all(target_);
  const CommandResult document_stdin = run("check --lang en - -o " + target_.string() + " <" + target_.string());
  EXPECT_EQ(document_stdin.exit_code, 2) << document_stdin.err;
  EXPECT_EQ(read_all(target_), text);
}

TEST_F(OutputSafety, DevicesAndFifosAreRefused) {
  ASSERT_EQ(::mkfifo((dir_ / "fifo").c_str(), 0600), 0);
  const CommandResult fifo = run(pair() + " -o " + (dir_ / "fifo").string());
  EXPECT_EQ(fifo.exit_code, 2);
  EXPECT_NE(fifo.err.find("not a regular file"), std::string::npos) << fifo.err;
  // Through a link to a device: the device is refused, and the link is kept.
  fs::create_symlink("/dev/null", dir_ / "null-link");
  const CommandResult device = run(pair() + " -o " + (dir_ / "null-link").string());
  EXPECT_EQ(device.exit_code, 2);
  EXPECT_TRUE(fs::is_symlink(dir_ / "null-link"));
  EXPECT_TRUE(fs::is_character_file("/dev/null"));
}

TEST_F(OutputSafety, StdoutNamesWriteToTheStream) {
  for (const char* name : {"-", "/dev/stdout"}) {
    const CommandResult r = run(pair() + " --fail-on never -o " + name);
    EXPECT_EQ(r.exit_code, 0) << name << r.err;
    EXPECT_NE(r.out.find("42.4%"), std::string::npos) << name;
  }
}

TEST_F(OutputSafety, ASymlinkTargetIsUpdatedAndItsModeKept) {
  const fs::path report = write("report.txt", "old\n");
  ASSERT_EQ(::chmod(report.c_str(), 0600), 0);
  fs::create_symlink("report.txt", dir_ / "link.txt");
  const CommandResult r = run(pair() + " --fail-on never -o " + (dir_ / "link.txt").string());
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(fs::is_symlink(dir_ / "link.txt"));
  EXPECT_NE(read_all(report).find("42.4%"), std::string::npos);
  struct stat st {};
  ASSERT_EQ(::stat(report.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 07777, 0600u);
  for (const auto& entry : fs::directory_iterator(dir_))
    EXPECT_EQ(entry.path().filename().string().find(".transcheck-"), std::string::npos) << entry.path();
}

TEST_F(OutputSafety, AFullDiskOnStdoutIsAnErrorWithTheReason) {
  if (!fs::exists("/dev/full")) GTEST_SKIP() << "no /dev/full";
  for (const std::string& command : {pair() + " --fail-on never", pair(), std::string("rules"),
                                     "align " + source_.string() + " " + target_.string(), std::string("--help"),
                                     std::string("--version"), std::string("check --help")}) {
    const CommandResult r = run(command + " >/dev/full");
    EXPECT_EQ(r.exit_code, 2) << command;
    EXPECT_NE(r.err.find("No space left on device"), std::string::npos) << command << ": " << r.err;
  }
}

// Updating a baseline in place is the one input a run may write: the
// baseline is read in full first and replaced atomically. -o naming it, and
// --write-baseline naming another input, are still refused.
TEST_F(OutputSafety, ABaselineIsUpdatedInPlaceButNoOtherInputIsWritten) {
  const std::string baseline = (dir_ / "baseline.json").string();
  ASSERT_EQ(run(pair() + " --write-baseline " + baseline).exit_code, 0);
  write("a.en.txt", "Chemotherapy causes myelosuppression, with an incidence of 40.1%.\n");
  EXPECT_EQ(run(pair() + " --baseline " + baseline).exit_code, 1);  // the new number is not in it

  const CommandResult updated = run(pair() + " --baseline " + baseline + " --write-baseline " + baseline);
  EXPECT_EQ(updated.exit_code, 0) << updated.err;
  EXPECT_NE(updated.err.find("transcheck: wrote "), std::string::npos) << updated.err;
  EXPECT_EQ(run(pair() + " --baseline " + baseline).exit_code, 0);
  for (const auto& entry : fs::directory_iterator(dir_))
    EXPECT_EQ(entry.path().filename().string().find(".transcheck-"), std::string::npos) << entry.path();

  const std::string before = read_all(baseline);
  const CommandResult over = run(pair() + " --baseline " + baseline + " -o " + baseline);
  EXPECT_EQ(over.exit_code, 2);
  EXPECT_NE(over.err.find("is one of the inputs"), std::string::npos) << over.err;
  EXPECT_EQ(read_all(baseline), before);

  const std::string glossary_before = read_all(glossary_);
  const CommandResult other = run(pair() + " --glossary " + glossary_.string() + " --baseline " + baseline +
                                  " --write-baseline " + glossary_.string());
  EXPECT_EQ(other.exit_code, 2);
  EXPECT_NE(other.err.find("is one of the inputs"), std::string::npos) << other.err;
  EXPECT_EQ(read_all(glossary_), glossary_before);
}

}  // namespace
}  // namespace tc::test
