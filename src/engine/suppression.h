#pragma once
// Inline suppressions: comments in a document that silence findings of named
// rules, in the comment syntax of the document's format (Markdown and HTML:
// <!-- ... -->; plain text has none):
//   <!-- transcheck-disable-next-line RULE[, RULE] -- reason -->  the next line
//   <!-- transcheck-disable RULE --> ... <!-- transcheck-enable RULE -->  a range
//   <!-- transcheck-disable-file RULE -->  the whole file
// RULE is a rule id, a family or "all"; with no RULE, all rules. Text after
// " -- " is the reason, for people. A disable without its enable runs to the
// end of the file.
#include <string>
#include <vector>

#include "core/document.h"
#include "core/finding.h"
#include "core/rule.h"

namespace tc {

inline constexpr const char* kUnusedSuppressionRule = "structure/unused-suppression";

struct Suppression {
  enum class Kind { next_line, range, file };
  Kind kind = Kind::next_line;
  const Document* document = nullptr;
  Span comment;                     // the comment, delimiters included
  std::vector<std::string> rules;   // as written; empty: all rules
  std::vector<std::string> unknown; // names that are no rule or family
  Span covered;                     // the bytes whose findings it silences
  bool used = false;
};

// The suppression comments of doc, in document order. Only comments that
// begin a line and are markup count: one shown in prose, in inline code or in
// a code block is an example, not a directive.
std::vector<Suppression> find_suppressions(const Document& doc, const RuleList& rules);

// Drops the findings a suppression covers and marks those suppressions used;
// returns how many were dropped. A count of left-out findings
// (Finding::counts_omitted) goes only by a file-wide suppression of its rule,
// and marks every suppression of its rule in its document used.
std::size_t apply_suppressions(std::vector<Finding>& findings, std::vector<Suppression>& suppressions);

// An info finding for each suppression that silenced nothing or names an
// unknown rule, so suppressions do not rot.
std::vector<Finding> unused_suppression_findings(const std::vector<Suppression>& suppressions);

}  // namespace tc
