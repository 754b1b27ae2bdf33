#pragma once
// Shared reporting of the two mojibake rules: one finding per hit, with the
// recovered text as the fix when there is one.
#include <vector>

#include "core/rule.h"
#include "rules/encoding/mojibake_scan.h"

namespace tc {

class MojibakeRuleBase : public Rule {
 protected:
  void report(const Document& doc, std::vector<mojibake::Hit> hits, std::vector<Finding>& out) const {
    for (mojibake::Hit& hit : hits) {
      const std::string_view written = std::string_view(doc.text).substr(hit.begin, hit.end - hit.begin);
      Finding finding = make_finding(doc, {hit.begin, hit.end}, mojibake::message_for(hit, written));
      finding.fix = std::move(hit.recovered);
      out.push_back(std::move(finding));
    }
  }
};

}  // namespace tc
