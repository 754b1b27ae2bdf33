#pragma once
// Shared reporting of the two mojibake rules: one finding per hit, with the
// recovered text as the fix when there is one.
#include <string_view>
#include <vector>

#include "core/rule.h"
#include "core/utf8.h"
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

class MojibakeRuleBase : public Rule {
 protected:
  void report(const Document& doc, std::vector<mojibake::Hit> hits, FindingSink& out) const {
    for (mojibake::Hit& hit : hits) {
      if (mojibake::is_quoted(doc.text, hit.begin, hit.end)) continue;
      const std::string_view written = std::string_view(doc.text).substr(hit.begin, hit.end - hit.begin);
      Finding finding = make_finding(doc, {hit.begin, hit.end}, mojibake::message_for(hit, written));
      // Recovered exactly: a safe fix (a BOM image's fix removes it).
      if (hit.recovered) finding.fix = Fix({Edit{kFindingSpan, std::move(*hit.recovered)}}, Applicability::safe);
      out.push_back(std::move(finding));
    }
  }
};

}  // namespace tc
