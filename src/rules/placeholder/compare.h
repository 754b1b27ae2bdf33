#pragma once
// Placeholders of a source piece and its translation compared as multisets
// of keys, for the placeholder/ rules.
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "core/rule.h"
#include "rules/unit_pairs.h"
#include "text/placeholders.h"

namespace tc {

// Indices into the compared lists, not copies of the placeholders: a unit of
// placeholders none of which match held every one twice.
struct PlaceholderDifference {
  std::vector<std::uint32_t> missing;  // into the source's list: not in the target, in text order
  std::vector<std::uint32_t> extra;    // into the target's list: not in the source, in text order
};

// Compares the placeholders in_source of the source document and in_target of
// the target (as find_placeholders gives them) that keep() selects, among
// those the documents' readers masked as not prose: in a plain-text article
// "&nbsp;" or "{x}" is text (leftover damage at most, which encoding/ rules
// report), in PO, XLIFF, HTML it is markup.
PlaceholderDifference compare_placeholders(const Document& source, const std::vector<Placeholder>& in_source,
                                           const Document& target, const std::vector<Placeholder>& in_target,
                                           const std::function<bool(const Placeholder&)>& keep);

// A piece pair with the placeholders find_placeholders gives each side.
struct PairPlaceholders {
  UnitPair pair;
  std::vector<Placeholder> source;
  std::vector<Placeholder> target;
};

// unit_pairs(context) with their placeholders, found once per job and shared
// by the placeholder/ rules (in the job's memo; without one, in storage).
const std::vector<PairPlaceholders>& pair_placeholders(const CheckContext& context,
                                                       std::vector<PairPlaceholders>& storage);

// compare_placeholders on a pair whose placeholders are found already.
PlaceholderDifference compare_placeholders(const Document& source, const Document& target, const PairPlaceholders& found,
                                           const std::function<bool(const Placeholder&)>& keep);

// Reports a difference of found: one finding per missing placeholder (on the
// whole target piece) and per extra one (on the placeholder), naming it by
// what (e.g. "placeholder", "tag").
void report_placeholder_difference(const Rule& rule, const CheckContext& context, const PairPlaceholders& found,
                                   const PlaceholderDifference& difference, std::string_view what,
                                   FindingSink& out);

}  // namespace tc
