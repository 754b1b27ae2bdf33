#include "rules/alignment/structure.h"

#include "rules/alignment/pair_text.h"

namespace tc {
namespace {

std::vector<const Block*> blocks_of(const Document& doc, BlockKind kind) {
  std::vector<const Block*> out;
  for (const auto& block : doc.blocks)
    if (block.kind == kind) out.push_back(&block);
  return out;
}

}  // namespace

const RuleInfo& Structure::info() const {
  static const RuleInfo kInfo{
      "alignment/structure", Severity::warning, RuleScope::pair, RuleLanguage::any, true,
      "Markdown headings or list items differ between source and translation",
      R"(## What it does
For Markdown documents, compares the headings (their number and levels, in
order) and the number of list items of the source and the translation.

## Why it matters
A heading that became a paragraph, a level that changed, or a list item that
was merged into its neighbour breaks the document's navigation and often
hides an omission.

## Example
Source `## 方法` and target `### Methods` is reported as a heading level
change; a source list of 4 items translated as 3 is reported.

## Options
None.)"};
  return kInfo;
}

void Structure::check(const CheckContext& context, FindingSink& out) const {
  if (!context.source || !context.target) return;
  const Document& source = *context.source;
  const Document& target = *context.target;
  if (!source.format.marks_headings || !target.format.marks_headings) return;
  const auto source_headings = blocks_of(source, BlockKind::heading);
  const auto target_headings = blocks_of(target, BlockKind::heading);
  const std::size_t common = std::min(source_headings.size(), target_headings.size());
  for (std::size_t k = 0; k < common; ++k) {
    const Block& s = *source_headings[k];
    const Block& t = *target_headings[k];
    if (s.heading_level == t.heading_level) continue;
    Finding finding = make_finding(target, t.span(),
                                   "heading level " + std::to_string(t.heading_level) + " where the source has level " +
                                       std::to_string(s.heading_level) + ": \"" +
                                       alignment_rules::quote(source, s.content(), 40) + "\"");
    finding.counterpart = alignment_rules::counterpart(source, s.span());
    out.push_back(std::move(finding));
  }
  if (source_headings.size() != target_headings.size()) {
    const bool more_in_source = source_headings.size() > target_headings.size();
    const Block* first_extra = more_in_source ? source_headings[common] : target_headings[common];
    Finding finding = make_finding(more_in_source ? target : target,
                                   more_in_source ? (common ? target_headings[common - 1]->span() : Span{0, 0}) : first_extra->span(),
                                   "the source has " + std::to_string(source_headings.size()) +
                                       " headings and the translation " + std::to_string(target_headings.size()) +
                                       (more_in_source ? "; first missing: \"" + alignment_rules::quote(source, first_extra->content(), 40) + "\""
                                                       : ""));
    if (more_in_source) finding.counterpart = alignment_rules::counterpart(source, first_extra->span());
    out.push_back(std::move(finding));
  }
  const auto source_items = blocks_of(source, BlockKind::list_item);
  const auto target_items = blocks_of(target, BlockKind::list_item);
  if (source_items.size() != target_items.size()) {
    const Span at = target_items.empty() ? Span{0, 0} : target_items.front()->span();
    Finding finding = make_finding(target, at,
                                   "the source has " + std::to_string(source_items.size()) +
                                       " list items and the translation " + std::to_string(target_items.size()));
    if (!source_items.empty()) finding.counterpart = alignment_rules::counterpart(source, source_items.front()->span());
    out.push_back(std::move(finding));
  }
}

}  // namespace tc
