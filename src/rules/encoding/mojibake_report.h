#pragma once
// Shared reporting of the two mojibake rules: one finding per hit, with the
// recovered text as the fix when there is one.
#include <string_view>
#include <vector>

#include "core/rule.h"
#include "core/utf8.h"
#include "rules/code_point_events.h"
#include "rules/encoding/mojibake_scan.h"

namespace tc {

namespace mojibake {
// A span standing exactly between quotation marks is quoted, as in a
// sentence about mojibake ("such as “Ã©” for “é”"), not garble.
inline bool is_quoted(std::string_view text, std::size_t begin, std::size_t end) {
  if (begin == 0 || end >= text.size()) return false;
  std::size_t before_pos = begin;
  const char32_t open = utf8::previous(text, before_pos);
  const char32_t close = utf8::at(text, end);
  switch (open) {
    case U'“': return close == U'”';
    case U'‘': return close == U'’';
    case U'「': return close == U'」';
    case U'『': return close == U'』';
    case U'«': return close == U'»';
    case U'"': case U'\'': case U'`': return close == open;
    default: return false;
  }
}
}  // namespace mojibake

// The starts of the shared scan's events of some classes, read as a
// mojibake scan needs them instead of listed first (in a file of mojibake
// every other character is one).
class EventStarts final : public mojibake::StartCursor {
 public:
  EventStarts(const CheckContext& context, std::uint32_t classes)
      : walk_(context, classes, /*prose_only=*/true), end_(context.doc.prose().size()) {}
  std::size_t next(std::size_t pos) override {
    const text::ClassEvent* event = walk_.next(pos);
    return event ? event->begin : end_;
  }
  void restart() override { walk_.restart(); }

 private:
  EventWalk walk_;
  std::size_t end_;
};

class MojibakeRuleBase : public Rule {
 protected:
  void report(const Document& doc, std::vector<mojibake::Hit> hits, FindingSink& out) const {
    for (mojibake::Hit& hit : hits) report_one(doc, std::move(hit), out);
  }
  void report_one(const Document& doc, mojibake::Hit&& hit, FindingSink& out) const {
    if (mojibake::is_quoted(doc.text, hit.begin, hit.end)) return;
    const std::string_view written = std::string_view(doc.text).substr(hit.begin, hit.end - hit.begin);
    Finding finding = make_finding(doc, {hit.begin, hit.end}, mojibake::message_for(hit, written));
    // Recovered exactly: a safe fix (a BOM image's fix removes it).
    if (hit.recovered) finding.fix = Fix({Edit{kFindingSpan, std::move(*hit.recovered)}}, Applicability::safe);
    out.push_back(std::move(finding));
  }
};

}  // namespace tc
