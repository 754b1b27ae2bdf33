#include "rules/typography/paragraph_start.h"

#include <array>

#include "rules/typography/text.h"

namespace tc {
namespace {

using namespace typography;

// Marks that end or split a sentence and so cannot open a paragraph: , . ; : ! ? ， 。 ； ： ！ ？ 、
constexpr std::array<std::string_view, 13> kMarks{",", ".", ";", ":", "!", "?", "\xEF\xBC\x8C", "\xE3\x80\x82",
                                                  "\xEF\xBC\x9B", "\xEF\xBC\x9A", "\xEF\xBC\x81", "\xEF\xBC\x9F",
                                                  "\xE3\x80\x81"};

}  // namespace

const RuleInfo& ParagraphStart::info() const {
  static const RuleInfo kInfo{
      "typography/paragraph-start", Severity::warning, RuleScope::document, RuleLanguage::any, true,
      "A paragraph that starts with a punctuation mark",
      R"doc(## What it does
Flags a paragraph, heading or list item whose text starts with a comma,
period, semicolon, colon, question or exclamation mark, or their full-width
forms (， 。 ； ： ！ ？ 、), as in ". Traditional chemotherapy". An
ellipsis ("...", "…"), a decimal (".5") and a name such as ".NET" are fine.
There is no fix: the mark usually belongs to the end of the previous
paragraph, or should go.

## Why it matters
The mark was split off the end of the previous paragraph when the text was
reflowed or pasted; printed, it starts a line with punctuation.

## Example
A paragraph `. Traditional chemotherapy involves...` is flagged at the `.`.

## Options
None.)doc"};
  return kInfo;
}

void ParagraphStart::check(const CheckContext& context, FindingSink& out) const {
  if (context.doc.format.independent_blocks) return;  // a unit of a translation file continues no other
  const std::string_view prose = context.doc.prose();
  for (const Block& block : prose_blocks(context.doc)) {
    const std::size_t begin = block.content().begin;
    // Every mark starts with one of these bytes: most blocks are compared with none.
    if (begin >= prose.size()) continue;
    switch (static_cast<unsigned char>(prose[begin])) {
      case ',': case '.': case ';': case ':': case '!': case '?': case 0xEF: case 0xE3: break;
      default: continue;
    }
    for (std::string_view mark : kMarks) {
      if (prose.compare(begin, mark.size(), mark) != 0) continue;
      const std::size_t after = begin + mark.size();
      if (mark == "." && after < block.content().end && (prose[after] == '.' || is_alnum(prose[after]))) break;
      out.push_back(make_finding(context.doc, {begin, after}, "paragraph starts with \"" + std::string(mark) + "\""));
      break;
    }
  }
}

}  // namespace tc
