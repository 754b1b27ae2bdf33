// The finding that counts what --max-findings-per-rule left out, through the
// rest of the pipeline: suppressions, the baseline, the totals of the
// reports, and fix.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "support/cli_fixture.h"

namespace tc::test {
namespace {

using nlohmann::json;

class FindingCap : public BinaryTest {};

// Four repeated words (warnings with a safe fix): with a limit of 2, the two
// on the first line of repeats are kept and the count sits on the next one.
const std::string kFourRepeats = "We saw the the nurse. We saw the the patient.\n";
const std::string kTwoMoreRepeats = "We saw the the doctor. We saw the the child.\n";
const std::string kDisableNextLine = "<!-- transcheck-disable-next-line typography/repeated-word -->\n";

TEST_F(FindingCap, ALineSuppressionDoesNotRemoveTheCountOfLeftOutFindings) {
  // Every finding shown is on a suppressed line, the count too; the left-out
  // ones it stands for are anywhere in the file, so it stays and the gate fails.
  const auto path = write("lines.md", kDisableNextLine + kFourRepeats + kDisableNextLine + kTwoMoreRepeats);
  const CommandResult r = run("check --lang en --max-findings-per-rule 2 --fail-on warning " + path.string());
  EXPECT_EQ(r.exit_code, 1) << r.out << r.err;
  EXPECT_NE(r.out.find("lines.md:4:8: warning: 2 more findings of this rule in this file were left out"), std::string::npos)
      << r.out;
  EXPECT_EQ(r.out.find("silences nothing"), std::string::npos) << r.out;
  // Without the limit both suppressions silence their lines' findings.
  EXPECT_EQ(run("check --lang en --max-findings-per-rule 0 --fail-on warning " + path.string()).exit_code, 0);
}

TEST_F(FindingCap, AFileWideSuppressionOfTheRuleRemovesTheCount) {
  const auto path = write("file.md", "<!-- transcheck-disable-file typography/repeated-word -->\n" + kFourRepeats + kTwoMoreRepeats);
  const CommandResult r = run("check --lang en --max-findings-per-rule 2 --fail-on info " + path.string());
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_NE(r.out.find("no findings"), std::string::npos) << r.out;
}

TEST_F(FindingCap, ASuppressionOfOnlyLeftOutFindingsIsNotReportedAsUnused) {
  // The count is on line 2; the suppression covers line 4, whose finding was left out.
  const auto path = write("unused.md", kFourRepeats + "We saw the the doctor.\n" + kDisableNextLine + "We saw the the child.\n");
  const CommandResult r = run("check --lang en --max-findings-per-rule 2 --fail-on never " + path.string());
  EXPECT_NE(r.out.find("unused.md:2:8: warning: 2 more findings"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("silences nothing"), std::string::npos) << r.out;
  // A suppression of another rule is still unused.
  const auto other = write("other.md", kFourRepeats + kTwoMoreRepeats +
                                           "<!-- transcheck-disable-next-line typography/missing-space -->\nDone.\n");
  EXPECT_NE(run("check --lang en --max-findings-per-rule 2 --fail-on never " + other.string()).out.find("silences nothing"),
            std::string::npos);
}

TEST_F(FindingCap, TheBaselineNeverHidesTheCount) {
  const auto path = write("base.md", kFourRepeats + kTwoMoreRepeats);
  const std::string baseline = (dir_ / "baseline.json").string();
  // A baseline of all four findings: the count's fingerprint is not the
  // first left-out finding's, and the count is reported even so.
  const CommandResult all = run("check --lang en --max-findings-per-rule 0 --format json --fail-on never " + path.string());
  const json uncapped = json::parse(all.out)["findings"];
  ASSERT_EQ(uncapped.size(), 4u) << all.out;
  ASSERT_EQ(run("check --lang en --max-findings-per-rule 0 --write-baseline " + baseline + " " + path.string()).exit_code, 0);
  const CommandResult capped =
      run("check --lang en --max-findings-per-rule 2 --fail-on warning --format json --baseline " + baseline + " " + path.string());
  EXPECT_EQ(capped.exit_code, 1) << capped.out << capped.err;
  const json findings = json::parse(capped.out)["findings"];
  ASSERT_EQ(findings.size(), 1u) << capped.out;
  EXPECT_EQ(findings[0]["omitted"], 2);
  EXPECT_NE(findings[0]["fingerprint"], uncapped[2]["fingerprint"]);

  // Writing a baseline while findings were left out says so, and records only the kept ones.
  const CommandResult written = run("check --lang en --max-findings-per-rule 2 --write-baseline " + baseline + " " + path.string());
  EXPECT_EQ(written.exit_code, 0) << written.err;
  EXPECT_NE(written.err.find("wrote 2 findings"), std::string::npos) << written.err;
  EXPECT_NE(written.err.find("warning: 1 finding only count what --max-findings-per-rule left out"), std::string::npos)
      << written.err;
  EXPECT_EQ(run("check --lang en --max-findings-per-rule 0 --write-baseline " + baseline + " " + path.string())
                .err.find("left out"),
            std::string::npos);
}

TEST_F(FindingCap, TotalsCountTheLeftOutFindingsAndTheCountSaysHowMany) {
  const auto path = write("totals.md", kFourRepeats + kTwoMoreRepeats);
  const std::string capped = "check --lang en --max-findings-per-rule 2 --fail-on never ";
  const CommandResult text = run(capped + path.string());
  EXPECT_NE(text.out.find("most findings: typography/repeated-word (4)"), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("0 errors, 4 warnings, 0 info in 1 file"), std::string::npos) << text.out;

  const json report = json::parse(run(capped + "--format json " + path.string()).out);
  ASSERT_EQ(report["findings"].size(), 3u) << report.dump(2);
  EXPECT_FALSE(report["findings"][0].contains("omitted"));
  EXPECT_EQ(report["findings"][2]["omitted"], 2);
  EXPECT_EQ(report["summary"]["warning"], 4);
  EXPECT_EQ(report["summary"]["rules"]["typography/repeated-word"], 4);

  const json sarif = json::parse(run(capped + "--format sarif " + path.string()).out);
  const json& results = sarif["runs"][0]["results"];
  ASSERT_EQ(results.size(), 3u);
  EXPECT_FALSE(results[0].contains("properties"));
  EXPECT_EQ(results[2]["properties"]["omitted"], 2);
}

TEST_F(FindingCap, FixSaysWhenTheLimitLeftFixableFindingsForAnotherRun) {
  std::string text;
  for (int i = 0; i < 10005; ++i) text += "We saw the the nurse.\n";
  const auto path = write("many.txt", text);
  const CommandResult first = run("fix --lang en " + path.string());
  EXPECT_EQ(first.exit_code, 0) << first.err;
  EXPECT_NE(first.err.find("fixed 10000 findings in 1 file\n"), std::string::npos) << first.err;
  EXPECT_NE(first.err.find("5 more findings of the rules fixed were left out"), std::string::npos) << first.err;
  EXPECT_NE(first.err.find("run fix again"), std::string::npos) << first.err;
  const CommandResult second = run("fix --lang en " + path.string());
  EXPECT_NE(second.err.find("fixed 5 findings in 1 file\n"), std::string::npos) << second.err;
  EXPECT_EQ(second.err.find("run fix again"), std::string::npos) << second.err;
}

}  // namespace
}  // namespace tc::test
