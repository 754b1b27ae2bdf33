// The HTML report: every finding highlighted with the JSON report's index,
// beads marked, several pairs in one page, and nothing from the input ever
// reaching the page as markup or script.
#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>

#include "engine/session.h"
#include "report/printers.h"
#include "support/html_text.h"
#include "support/scratch_tree.h"
#include "support/test_support.h"

namespace tc {
namespace {

namespace fs = std::filesystem;

class HtmlReport : public test::ScratchTree {
 protected:
  std::string write(const std::string& name, const std::string& text) {
    ScratchTree::write(name, text);
    return (root_ / name).string();
  }
  // Runs the jobs once and writes both reports from the same results.
  void render(const std::vector<Job>& jobs) {
    RunConfig config;
    config.keep_alignment = true;
    const CheckSession session(config);
    std::ostringstream html_out, json_out;
    ReportContext context;
    context.rules = &session.rules();
    const auto html_sink = make_report_sink("html", html_out, context);
    const auto json_sink = make_report_sink("json", json_out, context);
    html_sink->begin_run();
    json_sink->begin_run();
    for (const Job& job : jobs) {
      const JobResult result = session.run(job);
      beads_ += result.alignment ? result.alignment->beads.size() : 0;
      html_sink->job_result(result);
      json_sink->job_result(result);
    }
    html_sink->end_run({});
    json_sink->end_run({});
    html_ = html_out.str();
    json_ = nlohmann::json::parse(json_out.str());
  }
  // data-finding -> data-rule of every highlight (<mark>).
  std::multimap<std::size_t, std::string> marks() const {
    std::multimap<std::size_t, std::string> found;
    static const std::regex mark(R"re(<mark class="f s-(\w+)[^"]*" data-finding="(\d+)" data-rule="([^"]+)" data-severity="(\w+)")re");
    for (auto it = std::sregex_iterator(html_.begin(), html_.end(), mark); it != std::sregex_iterator(); ++it) {
      EXPECT_EQ((*it)[1], (*it)[4]);
      found.emplace(std::stoul((*it)[2]), (*it)[3]);
    }
    return found;
  }
  std::string page_text() const { return test::html_text(html_); }
  static std::size_t count(const std::string& text, const std::string& piece) {
    std::size_t n = 0;
    for (std::size_t at = text.find(piece); at != std::string::npos; at = text.find(piece, at + 1)) ++n;
    return n;
  }
  std::string html_;
  nlohmann::json json_;
  std::size_t beads_ = 0;
};

TEST_F(HtmlReport, EveryFindingOfTheJsonReportHasItsHighlightAtItsIndex) {
  const std::string zh = test::source_path("samples/exercise-recovery/article.zh.txt");
  const std::string en = test::source_path("samples/exercise-recovery/article.en.txt");
  render({{Job::Kind::pair, {zh, en}}});
  const auto found = marks();
  const auto& findings = json_["findings"];
  ASSERT_GT(findings.size(), 20u);
  for (std::size_t i = 0; i < findings.size(); ++i) {
    const auto range = found.equal_range(i);
    ASSERT_NE(range.first, range.second) << "no highlight for finding " << i << " " << findings[i]["rule"];
    for (auto it = range.first; it != range.second; ++it) EXPECT_EQ(it->second, findings[i]["rule"].get<std::string>());
    // ... and its entry in the findings list.
    EXPECT_NE(html_.find("<li data-finding=\"" + std::to_string(i) + "\" data-rule=\"" +
                         findings[i]["rule"].get<std::string>() + "\""),
              std::string::npos);
  }
  EXPECT_EQ(found.rbegin()->first, findings.size() - 1);
  // Marks nest: every opened mark is closed.
  EXPECT_EQ(count(html_, "<mark "), count(html_, "</mark>"));
}

TEST_F(HtmlReport, EachBeadIsOneRowWithBothSides) {
  const std::string zh = write("a.zh.txt", "化疗会引起骨髓抑制。\n\n患者需要休息。\n\n这一句没有翻译。\n");
  const std::string en = write("a.en.txt", "Chemotherapy can cause myelosuppression.\n\nPatients need rest.\n");
  render({{Job::Kind::pair, {zh, en}}});
  ASSERT_GE(beads_, 3u);
  EXPECT_EQ(count(html_, "class=\"row bead\" data-bead=\""), beads_);
  for (std::size_t k = 0; k < beads_; ++k) EXPECT_NE(html_.find("data-bead=\"" + std::to_string(k) + "\""), std::string::npos);
  // Both texts are on the page; the sentence left out stands against a gap.
  EXPECT_NE(html_.find("化疗会引起骨髓抑制。"), std::string::npos);
  EXPECT_NE(html_.find("Chemotherapy can cause myelosuppression."), std::string::npos);
  const std::size_t omitted = html_.find("这一句没有翻译。");
  ASSERT_NE(omitted, std::string::npos);
  EXPECT_EQ(html_.find("<div class=\"side tgt", omitted), html_.find("<div class=\"side tgt gap\"", omitted)) << html_;
}

TEST_F(HtmlReport, NothingFromTheInputIsMarkupOrScript) {
  const std::string zh = write("x.zh.md",
                                 "# 化疗后的饮食与运动\n\n请点击[这里](javascript:alert(1))查看化疗后的饮食建议和运动指导。"
                                 "<script>alert('zh')</script>\n\n患者在治疗期间需要充分休息，并保持规律的作息。\n");
  const std::string en = write(
      "x<b>.en.md",
      "# Title\n\nClick [here](javascript:alert(1)). <script>alert('en')</script> <img src=x onerror=alert(2)>\n\n"
      "Evil \u202Etxt.exe\u202C name and \u2066isolate\u2069 \"quoted\" & 'single' the the end.\n");
  render({{Job::Kind::pair, {zh, en}}});
  EXPECT_EQ(html_.find("class=\"input-error\""), std::string::npos);  // both texts were read and checked
  // One script element: the page's own, at the end.
  EXPECT_EQ(count(html_, "<script"), 1u);
  EXPECT_EQ(html_.find("<script>alert"), std::string::npos);
  EXPECT_EQ(html_.find("<img"), std::string::npos);
  EXPECT_EQ(html_.find("<b>"), std::string::npos);
  EXPECT_NE(page_text().find("<script>alert('en')</script>"), std::string::npos);
  // Every link of the page points inside it.
  static const std::regex href(R"re(href="([^"]*)")re");
  for (auto it = std::sregex_iterator(html_.begin(), html_.end(), href); it != std::sregex_iterator(); ++it)
    EXPECT_EQ((*it)[1].str().front(), '#') << (*it)[0];
  // Bidi controls never reach the page as characters: they are shown as text.
  for (const char* control : {"\u202E", "\u202C", "\u2066", "\u2069"}) EXPECT_EQ(html_.find(control), std::string::npos);
  EXPECT_NE(page_text().find("Evil <U+202E>txt.exe<U+202C> name"), std::string::npos) << page_text();
  // No network: no URL with a scheme anywhere in the page's own markup.
  EXPECT_EQ(html_.find("http://"), std::string::npos);
  EXPECT_EQ(html_.find("https://"), std::string::npos);
}

TEST_F(HtmlReport, SeveralPairsMakeOnePageWithAnIndexAndASectionEach) {
  const std::string zh1 = write("one.zh.txt", "患者的发生率高达44.2%。\n");
  const std::string en1 = write("one.en.txt", "The incidence in patients is as high as 42.4%.\n");
  const std::string zh2 = write("two.zh.txt", "化疗后需要休息。\n");
  const std::string en2 = write("two.en.txt", "Rest is needed after the the chemotherapy.\n");
  render({{Job::Kind::pair, {zh1, en1}}, {Job::Kind::pair, {zh2, en2}}});
  EXPECT_EQ(count(html_, "<html"), 1u);
  EXPECT_NE(html_.find("id=\"job-0\""), std::string::npos);
  EXPECT_NE(html_.find("id=\"job-1\""), std::string::npos);
  EXPECT_NE(html_.find("<nav id=\"index\">"), std::string::npos);
  EXPECT_NE(html_.find("href=\"#job-1\">" + zh2 + " ⇄ " + en2 + "</a>"), std::string::npos);
  // Indices run on across the pairs, as in the JSON report.
  const auto found = marks();
  const auto& findings = json_["findings"];
  ASSERT_GE(findings.size(), 2u);
  for (std::size_t i = 0; i < findings.size(); ++i) ASSERT_TRUE(found.contains(i)) << i;
  const std::size_t second = html_.find("id=\"job-1\"");
  const std::size_t doubled = html_.find("data-rule=\"typography/repeated-word\"");
  EXPECT_GT(doubled, second);
}

TEST_F(HtmlReport, OverlappingFindingsAreSplitAndStillNest) {
  JobResult result;
  result.documents.push_back(test::make_doc("alpha beta gamma delta", Lang::en, "o.txt"));
  const Document& doc = result.documents[0];
  auto add = [&](std::size_t begin, std::size_t end, Severity severity) {
    Finding f;
    f.rule = "typography/test";
    f.severity = severity;
    f.document = &doc;
    f.span = {begin, end};
    f.message = "m";
    result.findings.push_back(f);
  };
  add(0, 10, Severity::error);    // alpha beta
  add(6, 16, Severity::warning);  // beta gamma: overlaps the first
  add(11, 11, Severity::info);    // an empty span
  std::ostringstream out;
  const auto sink = make_html_sink(out, {});
  sink->begin_run();
  sink->job_result(result);
  sink->end_run({});
  html_ = out.str();
  const auto found = marks();
  for (std::size_t i = 0; i < 3; ++i) EXPECT_TRUE(found.contains(i)) << i;
  EXPECT_GE(found.count(1), 2u);  // split where the first mark closes
  EXPECT_EQ(count(html_, "<mark "), count(html_, "</mark>"));
  // Marks close in the order they were opened, innermost first.
  std::vector<int> depth;
  int level = 0;
  for (std::size_t at = 0; (at = html_.find("mark", at)) != std::string::npos; ++at) {
    if (html_.compare(at - 1, 5, "<mark") == 0) ++level;
    if (html_.compare(at - 2, 6, "</mark") == 0) --level;
    ASSERT_GE(level, 0);
  }
  EXPECT_EQ(level, 0);
  // Each id once.
  for (int i = 0; i < 3; ++i) EXPECT_EQ(count(html_, "id=\"f-" + std::to_string(i) + "\""), 1u);
}

}  // namespace
}  // namespace tc
