#include "rules/encoding/private_use.h"

#include "rules/code_point_events.h"
#include "rules/encoding/code_point_scan.h"

namespace tc {

const RuleInfo& PrivateUse::info() const {
  static const RuleInfo kInfo{
      "encoding/private-use", Severity::warning, RuleScope::document, RuleLanguage::any, true,
      "Private-use code points, whose meaning depends on a font or a vendor",
      R"(## What it does
Flags private-use code points in prose: U+E000–U+F8FF in the Basic
Multilingual Plane and the supplementary private-use planes 15 and 16
(U+F0000–U+10FFFD). A run of them is one finding. Code in Markdown is not
checked.

## Why it matters
Unicode gives these code points no meaning: what they show depends on the
font. In documents they are icon-font glyphs copied from web pages, symbols
from PDF extraction with a custom font, or characters that old GBK/GB18030
converters mapped to the private-use area (some rare Han characters and
radicals). A reader without that font sees an empty box or a wrong symbol.

## Example
`Call us ` + U+E0B0 + ` today` is flagged at column 9 ("private-use
character U+E0B0"). There is no fix: the intended character has to be
looked up in the source.

## Options
None.)"};
  return kInfo;
}

namespace {

bool is_private_use(char32_t cp) {
  return (cp >= 0xE000 && cp <= 0xF8FF) || (cp >= 0xF0000 && cp <= 0xFFFFD) || (cp >= 0x100000 && cp <= 0x10FFFD);
}

}  // namespace

bool is_private_use_character(char32_t cp) { return is_private_use(cp); }

void PrivateUse::check(const CheckContext& context, FindingSink& out) const {
  const Document& doc = context.doc;
  const std::string_view prose = doc.prose();
  EventWalk walk(context, code_point_class::kPrivateUse, /*prose_only=*/true);
  std::size_t pos = 0;
  while (const text::ClassEvent* event = walk.next(pos)) {
    pos = event->begin;
    const char32_t cp = event->cp;
    std::size_t count = 0;
    const std::size_t end = encoding::run_end(prose, pos, is_private_use, &count);
    const std::string first = utf8::code_point_name(cp);
    std::string message = count == 1 ? "private-use character " + first
                                     : std::to_string(count) + " private-use characters starting with " + first;
    out.push_back(make_finding(doc, {pos, end}, message + "; its meaning depends on the font"));
    pos = end;
  }
}

}  // namespace tc
