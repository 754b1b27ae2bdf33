// `transcheck check --lines`: pairs streamed on standard input, one JSON line
// of findings per input line, in order. The fixtures in tests/cli/lines hold
// each input with its exact expected output (*.out).
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "support/cli_fixture.h"

namespace tc::test {
namespace {

namespace fs = std::filesystem;

class CheckLines : public BinaryTest {
 protected:
  static fs::path fixture(const std::string& name) { return fs::path(TRANSCHECK_SOURCE_DIR) / "tests/cli/lines" / name; }
  CommandResult check_lines(const std::string& input_path, const std::string& options = "") {
    return run("check --lines " + options + " < " + input_path);
  }
};

std::size_t count_lines(const std::string& text) { return static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')); }

TEST_F(CheckLines, JsonLinesGiveTheExpectedFindingsLineByLine) {
  const CommandResult r = check_lines(fixture("pairs.jsonl").string());
  EXPECT_EQ(r.out, read_all(fixture("pairs.jsonl.out"))) << r.err;
  EXPECT_EQ(r.exit_code, 1) << "line 3 has an error finding (12% became 21%)";
  EXPECT_EQ(r.err, "");
}

TEST_F(CheckLines, BadLinesAreReportedWithTheirNumberAndTheRunGoesOn) {
  const CommandResult r = check_lines(fixture("bad.jsonl").string());
  EXPECT_EQ(r.out, read_all(fixture("bad.jsonl.out")));
  EXPECT_EQ(r.exit_code, 2);
  for (const char* expected : {"<stdin>:2: not valid JSON (column 49", "<stdin>:3: empty line",
                               "<stdin>:4: not a JSON object", "<stdin>:5: \"id\" is not a string or a number",
                               "<stdin>:6: \"source\" is not a string"})
    EXPECT_NE(r.err.find(expected), std::string::npos) << expected << "\n" << r.err;
  EXPECT_EQ(r.err.find("<stdin>:7"), std::string::npos) << "line 7 is a good pair: " << r.err;
}

TEST_F(CheckLines, TsvWithAndWithoutIdsIsDetectedFromTheFirstLine) {
  const CommandResult r = check_lines(fixture("pairs.tsv").string());
  EXPECT_EQ(r.out, read_all(fixture("pairs.tsv.out")));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("<stdin>:3: expected 2 tab-separated fields"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("<stdin>:5: expected 2 tab-separated fields (source, target) or 3 (id, source, target), found 4"),
            std::string::npos)
      << r.err;
}

TEST_F(CheckLines, TheFormatCanBeForced) {
  // A TSV source that starts with "{" would look like JSON Lines.
  const auto input = write("brace.tsv", "{1} 个剂量\t{1} dose\n");
  const CommandResult detected = check_lines(input.string());
  EXPECT_EQ(detected.exit_code, 2);
  EXPECT_NE(detected.out.find("\"error\":\"not valid JSON"), std::string::npos) << detected.out;
  const CommandResult forced = check_lines(input.string(), "--lines-format tsv");
  EXPECT_EQ(forced.exit_code, 0) << forced.out << forced.err;
  EXPECT_EQ(forced.out, "{\"line\":1,\"findings\":[]}\n");
  EXPECT_EQ(run("check --lines --lines-format csv < " + input.string()).exit_code, 2);
}

TEST_F(CheckLines, OrderAndFindingsAreTheSameOnSeveralThreads) {
  // Enough lines for several batches of two threads (64 lines a thread a batch).
  const std::string one = read_all(fixture("pairs.jsonl"));
  std::string many;
  for (int copy = 0; copy < 40; ++copy) many += one;
  const auto input = write("many.jsonl", many);
  const CommandResult serial = check_lines(input.string(), "-j 1");
  const CommandResult parallel = check_lines(input.string(), "-j 2");
  EXPECT_EQ(serial.exit_code, 1);
  EXPECT_EQ(parallel.exit_code, 1);
  ASSERT_EQ(count_lines(serial.out), 40 * count_lines(one));
  EXPECT_EQ(parallel.out, serial.out);
  std::istringstream lines(serial.out);
  std::string line;
  for (std::size_t expected = 1; std::getline(lines, line); ++expected)
    ASSERT_EQ(nlohmann::json::parse(line).at("line"), expected) << line;
}

TEST_F(CheckLines, ALineOverTheSizeLimitIsAnErrorAndTheNextLinesAreChecked) {
  const std::string long_target(300, 'x');
  const auto input = write("long.tsv", "化疗\tchemotherapy\n化疗\t" + long_target + "\n化疗\tchemotherapy\n");
  const CommandResult r = check_lines(input.string(), "--max-input-size 100");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.out,
            "{\"line\":1,\"findings\":[]}\n"
            "{\"line\":2,\"error\":\"longer than the --max-input-size limit of 100 bytes\"}\n"
            "{\"line\":3,\"findings\":[]}\n");
  EXPECT_NE(r.err.find("<stdin>:2: longer than the --max-input-size limit"), std::string::npos) << r.err;
}

TEST_F(CheckLines, FilesAndOtherReportFormatsAreRefused) {
  const auto input = write("one.tsv", "化疗\tchemotherapy\n");
  EXPECT_EQ(run("check --lines " + input.string()).exit_code, 2);
  EXPECT_EQ(run("check --lines --format sarif < " + input.string()).exit_code, 2);
  const CommandResult empty = run("check --lines < /dev/null");
  EXPECT_EQ(empty.exit_code, 0);
  EXPECT_EQ(empty.out, "");
}

}  // namespace
}  // namespace tc::test
