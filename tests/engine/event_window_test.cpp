// A long document's rules run in lockstep over windows of the shared scan's
// events (rules/code_point_events.h): wherever the windows fall, the
// findings must be those of the rules run one after another over the whole
// document's events, in the same order. Windows of a few bytes and events
// put the runs that rules join or pair (byte order marks read as
// Windows-1252, double-encoded mojibake with C1 controls, bidi embeddings and
// their pops) across many window edges.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "engine/check.h"
#include "formats/load.h"
#include "rules/registry.h"
#include "support/test_support.h"

namespace tc {
namespace {

std::string repeat(const std::string& piece, std::size_t times) {
  std::string out;
  for (std::size_t i = 0; i < times; ++i) out += piece;
  return out;
}

// What a report shows of a finding.
struct Shown {
  std::string rule;
  std::size_t begin = 0, end = 0;
  std::string message;
  std::string fix;
  Severity severity = Severity::info;
  std::size_t omitted = 0;
  friend bool operator==(const Shown&, const Shown&) = default;
};

std::ostream& operator<<(std::ostream& os, const Shown& s) {
  return os << s.rule << " [" << s.begin << ", " << s.end << ") " << s.message << " fix=" << s.fix;
}

std::vector<Shown> shown(const Document& doc, const EventWindowing& windowing, std::size_t max_findings = 0) {
  const RuleList rules = all_rules();
  CheckOptions options;
  options.event_windowing = windowing;
  options.max_findings_per_rule = max_findings;
  std::vector<Shown> out;
  for (const Finding& f : check_document(doc, rules, options))
    out.push_back({f.rule, f.span.begin, f.span.end, f.message, fix_replacement(f).value_or("-"), f.severity, f.omitted});
  return out;
}

EventWindowing whole() {
  EventWindowing windowing;
  windowing.chunk_bytes = 0;  // rules one after another, the whole document's events
  return windowing;
}

EventWindowing small(std::size_t chunk_bytes, std::size_t window_events) {
  EventWindowing windowing;
  windowing.chunk_bytes = chunk_bytes;
  windowing.window_events = window_events;
  windowing.bytes_per_event = 0;
  return windowing;
}

bool has(const std::vector<Shown>& findings, const std::string& rule, std::size_t begin, std::size_t end) {
  for (const Shown& s : findings)
    if (s.rule == rule && s.begin == begin && s.end == end) return true;
  return false;
}

const std::string kBoms = repeat("\xC3\xAF\xC2\xBB\xC2\xBF", 30);  // "ï»¿" thirty times
const std::string kDoubleC1 = repeat("\xC3\x83\xC2\x83\xC3\x83\xC2\xA9 \xC2\x81\xC2\x9D", 20);

std::string english_text() {
  return "x " + kBoms + " end\n" + "The caf\xC3\x83\xC2\xA9 is open daily.\n" +
         "A \xE2\x80\xAAhidden\xE2\x80\xAC text \xE2\x80\xAE and \x07 bell \xC2\x92 quote.\n" + kDoubleC1 + "\n" +
         "Zero\xE2\x80\x8Bwidth, no\xC2\xA0" "break, \xEF\xBF\xBD lost, " + "\xD0\xB0pple &amp; \\n done.\n";
}

TEST(EventWindows, RunsAcrossWindowEdgesGiveTheSameFindingsAtTheSamePlaces) {
  const std::string text = english_text();
  const Document doc = test::make_doc(text, Lang::en);
  const std::vector<Shown> expected = shown(doc, whole());
  // The joined and paired runs, where the text has them.
  const std::size_t boms = text.find(kBoms);
  EXPECT_TRUE(has(expected, "encoding/mojibake", boms, boms + kBoms.size()));
  const std::size_t cafe = text.find("\xC3\x83\xC2\xA9");
  EXPECT_TRUE(has(expected, "encoding/mojibake", cafe, cafe + 4));
  const std::size_t embedding = text.find("\xE2\x80\xAA"), pop = text.find("\xE2\x80\xAC");
  EXPECT_TRUE(has(expected, "encoding/bidi-control", embedding, embedding + 3));
  EXPECT_TRUE(has(expected, "encoding/bidi-control", pop, pop + 3));
  const std::size_t bell = text.find('\x07');
  EXPECT_TRUE(has(expected, "encoding/control-character", bell, bell + 1));
  for (const std::size_t chunk : {1, 5, 13, 40})
    for (const std::size_t window : {1, 5, 33}) {
      if (chunk == 1 && window > 1) continue;
      const std::vector<Shown> windowed = shown(doc, small(chunk, window));
      ASSERT_EQ(windowed, expected) << "chunk " << chunk << ", window " << window;
    }
}

TEST(EventWindows, ChineseAndMarkdownGiveTheSameFindings) {
  const std::string zh = repeat("\xE9\x94\x9F\xE6\x96\xA4\xE6\x8B\xB7", 12) + "\xE3\x80\x82\n" +  // 锟斤拷 twelve times
                         "\xE8\xBF\x99\xE6\x98\xAF\xE4\xB8\xAD\xE6\x96\x87,\xE5\x8F\xB0\xE7\x81\xA3\xE3\x80\x82\n" +
                         "\xE9\x88\xA5\xE6\xAA\x9B \xE2\x80\x9C\xE5\xA5\xBD\xE2\x80\x9D \xC3\x83\xC2\xA9 " + kBoms + "\n";
  const Document chinese = test::make_doc(zh, Lang::zh);
  const std::string md = "# Title\n\n`" + kBoms + "` and " + kBoms + "\n\n```\n\x07 \xC3\x83\xC2\xA9\n```\n\n" +
                         english_text() + "\n[link](https://example.org/caf\xC3\x83\xC2\xA9) " + kDoubleC1 + "\n";
  const Document markdown = make_document("doc.md", md, Lang::en);
  ASSERT_FALSE(markdown.masked.empty());
  for (const Document* doc : {&chinese, &markdown}) {
    const std::vector<Shown> expected = shown(*doc, whole());
    EXPECT_FALSE(expected.empty());
    for (const std::size_t chunk : {1, 7, 16})
      for (const std::size_t window : {3, 20}) {
        ASSERT_EQ(shown(*doc, small(chunk, window)), expected) << doc->path << ": chunk " << chunk << ", window " << window;
      }
  }
}

// The findings kept under --max-findings-per-rule are the first each rule
// emits, and the count of the rest stands at the first left out.
TEST(EventWindows, CappedFindingsAreTheSame) {
  const Document doc = test::make_doc(repeat(english_text(), 20), Lang::en);
  const std::vector<Shown> expected = shown(doc, whole(), 7);
  bool omitted = false;
  for (const Shown& s : expected) omitted = omitted || s.omitted > 0;
  EXPECT_TRUE(omitted);
  EXPECT_EQ(shown(doc, small(64, 16), 7), expected);
}

}  // namespace
}  // namespace tc
