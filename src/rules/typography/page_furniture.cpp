#include "rules/typography/page_furniture.h"

#include <string>

#include "core/utf8.h"

namespace tc {
namespace {

std::string_view describe(FurnitureKind kind) {
  switch (kind) {
    case FurnitureKind::page_number: return "page number";
    case FurnitureKind::date_stamp: return "date stamp";
    case FurnitureKind::legal_citation: return "legal citation";
    case FurnitureKind::catalogue_code: return "catalogue code";
    case FurnitureKind::running_header: return "running header or footer";
    case FurnitureKind::repeated_line: return "line repeated on several pages";
    case FurnitureKind::none: break;
  }
  return "page furniture";
}

// The line, shortened to about 60 code points.
std::string shortened(std::string_view text) {
  std::string out;
  std::size_t pos = 0, count = 0;
  while (pos < text.size()) {
    const std::size_t here = pos;
    utf8::next(text, pos);
    if (++count > 60) {
      out += "…";
      break;
    }
    out.append(text.substr(here, pos - here));
  }
  return out;
}

}  // namespace

const RuleInfo& PageFurniture::info() const {
  static const RuleInfo kInfo{
      "typography/page-furniture", Severity::info, RuleScope::document, RuleLanguage::any, true,
      "Page furniture of a printed original left in the text (running header, page number, code)",
      R"doc(## What it does
Reports, once each, the lines of a plain-text document that are page
furniture of the printed original the text was extracted from: page numbers
("Page 2 of 4", "第 3 页"), date stamps ("1/31/2025"), legal citations
("42 U.S.C. § 300aa-26"), catalogue codes ("No. 080801 Rev. 7/24"), running
headers and footers (a line that carries an edition date in brackets, such
as "Leaflet – Simplified Chinese (8/6/21)") and short lines repeated at least
a page apart. These lines are kept out of every check that compares the
source with its translation: they are not aligned, and their numbers are not
compared.

## Why it matters
Furniture extracted from a PDF lands in the middle of the body text. It is
not part of the article, so it should be deleted, and left in place it would
be glued to body sentences and compared as if it were one.

## Example
A line `Hepatitis leaflet – Simplified Chinese (3/2/22)` between two
paragraphs is reported as a running header or footer.

## Options
None.)doc"};
  return kInfo;
}

void PageFurniture::check(const CheckContext& context, FindingSink& out) const {
  const Document& doc = context.doc;
  for (const Block& block : doc.blocks) {
    if (block.kind != BlockKind::furniture) continue;
    const std::string_view line(doc.text.data() + block.content().begin, block.content().size());
    out.push_back(make_finding(doc, block.content(),
                               "page furniture (" + std::string(describe(block.furniture)) + "): \"" + shortened(line) +
                                   "\"; delete it from the body text"));
  }
}

}  // namespace tc
