#pragma once
// Where a rule puts its findings. A file of mojibake or control characters
// gives a finding every few bytes; kept, they take a hundred times the file's
// size. So the sink keeps at most `limit` findings of one rule in each
// document and only counts the rest, and finish() reports each document's
// count as one finding (Finding::omitted) at the left-out one that comes first
// in the text, at the highest severity among them (a gate still fails on what
// was left out). The kept ones are the first the rule emits, which for a rule
// that does not emit in order of position need not be the first in the text.
#include <cstddef>
#include <string_view>
#include <vector>

#include "core/finding.h"

namespace tc {

// The default of --max-findings-per-rule: far above what a real file gives
// (the most seen in the development corpora is under 1,000), low enough that a
// hostile file costs megabytes, not gigabytes.
inline constexpr std::size_t kDefaultMaxFindingsPerRule = 10000;

class FindingSink {
 public:
  // Appends to out. document: the one a finding without one is in.
  // limit: findings kept per document; 0 keeps all.
  FindingSink(std::vector<Finding>& out, const Document& document, std::size_t limit = 0)
      : out_(out), document_(document), limit_(limit) {}
  FindingSink(const FindingSink&) = delete;
  FindingSink& operator=(const FindingSink&) = delete;

  // Fills what the rule left unset (document, fix spans), then keeps or counts it.
  void push_back(Finding finding);
  // False when a finding in document (nullptr: the sink's) would only be
  // counted: a rule that gives many may then pass omit() its place and
  // severity instead of making its message and excerpts.
  bool keeps(const Document* document) const;
  // Counts a finding left out, as push_back does one past the limit.
  void omit(const Document* document, Span span, Severity severity);
  // Adds, for each document with findings left out, the finding that says
  // how many. rule_id: the rule whose findings went here.
  void finish(std::string_view rule_id);

 private:
  struct Tally {
    const Document* document = nullptr;
    std::size_t kept = 0;
    std::size_t omitted = 0;
    Severity severity = Severity::info;  // the highest among the omitted
    Span first_omitted;  // the left-out span that begins first
  };
  std::vector<Finding>& out_;
  const Document& document_;
  std::size_t limit_;
  std::vector<Tally> tallies_;  // one per document a finding was in (one or two)
  Tally& tally_of(const Document* document);
};

// The message of the finding that stands for `omitted` left-out findings.
std::string omitted_findings_message(std::size_t omitted, std::size_t limit);

}  // namespace tc
