#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "engine/session.h"
#include "glossary/glossary.h"
#include "rules/registry.h"
#include "rules/terminology/pair_terms.h"
#include "support/test_support.h"

namespace tc {
namespace {

namespace fs = std::filesystem;

class Session : public testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("transcheck-session-" + std::to_string(::getpid()));
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::string write(const std::string& name, const std::string& text) {
    const fs::path path = dir_ / name;
    std::ofstream(path, std::ios::binary) << text;
    return path.string();
  }
  fs::path dir_;
};

TEST_F(Session, PairJobKeepsItsDocumentsFindingsAndAlignment) {
  const std::string zh = write("a.zh.txt", "患者的发生率高达44.2%。\n化疗后需要休息。\n");
  const std::string en = write("a.en.txt", "The incidence in patients is as high as 42.4%.\nRest is needed after chemotherapy.\n");
  const CheckSession session(RunConfig{});
  const JobResult result = session.run(pair_job(zh, en));
  ASSERT_FALSE(result.error);
  ASSERT_EQ(result.documents.size(), 2u);
  ASSERT_TRUE(result.alignment.has_value());
  EXPECT_EQ(result.alignment->source_sentences.size(), 2u);
  EXPECT_EQ(result.alignment->beads.size(), 2u);
  bool number_mismatch = false;
  for (const Finding& f : result.findings) {
    EXPECT_TRUE(f.document == &result.documents[0] || f.document == &result.documents[1]);
    number_mismatch |= f.rule == "alignment/number-mismatch";
  }
  EXPECT_TRUE(number_mismatch);
}

TEST_F(Session, UnreadableInputIsAnErrorOfItsJobOnly) {
  RunConfig config;
  config.document_language = parse_language("en");
  const std::string good = write("good.txt", "The caf\xE9 is open.\n");
  const std::string missing = (dir_ / "missing.txt").string();
  const CheckSession session(config);
  const auto jobs = plan_jobs(session.config(), {good, missing, good});
  ASSERT_EQ(jobs.size(), 3u);
  std::vector<JobResult> results;
  for (const Job& job : jobs) results.push_back(session.run(job));
  EXPECT_FALSE(results[0].error);
  EXPECT_EQ(results[0].findings.size(), 1u);
  ASSERT_TRUE(results[1].error);
  EXPECT_EQ(results[1].error->path, missing);
  EXPECT_NE(results[1].error->message.find("missing.txt: no such file"), std::string::npos) << results[1].error->message;
  EXPECT_TRUE(results[1].documents.empty());
  EXPECT_FALSE(results[2].error);
  EXPECT_EQ(results[2].findings.size(), 1u);
}

TEST_F(Session, BadConfigurationFailsWhenTheSessionIsMade) {
  RunConfig unknown_rule;
  unknown_rule.selection.enable("nosuch/rule");
  EXPECT_THROW(CheckSession{unknown_rule}, ConfigError);
  RunConfig bad_value;
  bad_value.settings.set("alignment/length-ratio.factor", "abc");
  EXPECT_THROW(CheckSession{bad_value}, ConfigError);
}

TEST_F(Session, AlignRunsNoRulesButKeepsTheAlignment) {
  const std::string zh = write("b.zh.txt", "化疗后需要休息。\n");
  const std::string en = write("b.en.txt", "Rest is needed after chemotherapy.\n");
  const CheckSession session(RunConfig{});
  const JobResult result = session.align(pair_job(zh, en));
  ASSERT_FALSE(result.error);
  ASSERT_TRUE(result.alignment.has_value());
  EXPECT_EQ(result.alignment->beads.size(), 1u);
  EXPECT_TRUE(result.findings.empty());
}

TEST(JobMemo, TerminologyRulesShareOneTermComputationPerPair) {
  const Document source = test::make_doc("化疗后需要休息。\n", Lang::zh, "a.zh.txt");
  const Document target = test::make_doc("Rest is needed after chemo.\n", Lang::en, "a.en.txt");
  Glossary glossary;
  const Alignment alignment = align_documents(source, target, {});
  const RuleOptions options = resolve_options(all_rules(), {});
  JobMemo memo;
  const CheckContext context{target, &source, &target, &alignment, &glossary, options, Role::target, &memo};
  const PairTerms& first = shared_pair_terms(context, "terminology/missing-term.fold-traditional");
  const PairTerms& second = shared_pair_terms(context, "terminology/forbidden-term.fold-traditional");
  const PairTerms& third = shared_pair_terms(context, "terminology/inconsistent-term.fold-traditional");
  EXPECT_EQ(&first, &second);
  EXPECT_EQ(&first, &third);
  JobMemo other_job;
  const CheckContext next{target, &source, &target, &alignment, &glossary, options, Role::target, &other_job};
  EXPECT_NE(&shared_pair_terms(next, "terminology/missing-term.fold-traditional"), &first);
}

}  // namespace
}  // namespace tc
