#include <gtest/gtest.h>

#include "engine/check.h"
#include "report/printers.h"

namespace tc {
namespace {

Finding error_in(const Document& doc, std::size_t at) {
  Finding f;
  f.rule = "encoding/invalid-utf8";
  f.severity = Severity::error;
  f.document = &doc;
  f.span = {at, at + 1};
  return f;
}

// A bilingual file (TMX, XLIFF) is two documents of one path: the summary's
// "errors in" names the file once, with the errors of both, however its
// findings alternate between the sides.
TEST(FindingTallyTest, BilingualFileIsOneEntryOfErrorsInItsTwoDocuments) {
  JobResult job;
  job.documents.resize(2);
  job.documents[0].path = job.documents[1].path = "memory.tmx";
  job.documents[0].text = job.documents[1].text = "abc";
  const Document& source = job.documents[0];
  const Document& target = job.documents[1];
  job.findings = {error_in(source, 0), error_in(target, 0), error_in(target, 1), error_in(source, 2)};
  FindingTally tally;
  tally.add(job);
  ASSERT_EQ(tally.errors_per_file.size(), 1u);
  EXPECT_EQ(tally.errors_per_file[0], (std::pair<std::string, std::size_t>{"memory.tmx", 4}));
  EXPECT_EQ(tally.files, 1u);
}

TEST(FindingTallyTest, PairOfFilesIsTwoEntriesInReportOrder) {
  JobResult job;
  job.documents.resize(2);
  job.documents[0].path = "a.zh.txt";
  job.documents[1].path = "a.en.txt";
  job.findings = {error_in(job.documents[0], 0), error_in(job.documents[1], 0), error_in(job.documents[1], 1)};
  FindingTally tally;
  tally.add(job);
  ASSERT_EQ(tally.errors_per_file.size(), 2u);
  EXPECT_EQ(tally.errors_per_file[0], (std::pair<std::string, std::size_t>{"a.zh.txt", 1}));
  EXPECT_EQ(tally.errors_per_file[1], (std::pair<std::string, std::size_t>{"a.en.txt", 2}));
  EXPECT_EQ(tally.files, 2u);
}

}  // namespace
}  // namespace tc
