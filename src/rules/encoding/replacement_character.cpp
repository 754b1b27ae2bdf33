#include "rules/encoding/replacement_character.h"

#include "rules/encoding/code_point_scan.h"

namespace tc {

const RuleInfo& ReplacementCharacter::info() const {
  static const RuleInfo kInfo{
      "encoding/replacement-character", Severity::error, RuleScope::document, RuleLanguage::any, true,
      "U+FFFD replacement characters: text lost in a failed conversion",
      R"(## What it does
Flags U+FFFD REPLACEMENT CHARACTER ("�"). A run of them ("���") is one
finding. The whole file is checked, code and URLs included.

## Why it matters
A decoder writes U+FFFD when it meets bytes it cannot convert, so each one
stands for a character that is gone: the text has to be restored from the
source, not guessed. It often appears where Chinese characters or curly
quotes went through a conversion that did not support them.

## Example
`The patient�s temperature was 38 �C.` has two findings: the lost
apostrophe at column 12 and the lost degree sign at column 34.

## Options
None. There is no fix: the original character cannot be recovered from "�".)"};
  return kInfo;
}

void ReplacementCharacter::check(const CheckContext& context, std::vector<Finding>& out) const {
  // U+FFFD is EF BF BD; 0xEF also leads the full-width forms of Chinese punctuation.
  static constexpr encoding::ByteSet kLead{0xEF};
  const std::string_view text = context.doc.text;
  std::size_t pos = 0;
  auto matches = [](char32_t cp, std::size_t, std::size_t) { return cp == 0xFFFD; };
  while ((pos = encoding::find_code_point(text, pos, kLead, matches)) < text.size()) {
    std::size_t count = 0;
    const std::size_t end = encoding::run_end(text, pos, [](char32_t c) { return c == 0xFFFD; }, &count);
    const std::string message = count == 1 ? std::string("replacement character U+FFFD: a character was lost in a failed conversion")
                                           : std::to_string(count) +
                                                 " replacement characters U+FFFD: characters were lost in a failed conversion";
    out.push_back(make_finding(context.doc, {pos, end}, message));
    pos = end;
  }
}

}  // namespace tc
