#include "rules/encoding/empty_file.h"

#include <unicode/uchar.h>

#include "core/utf8.h"

namespace tc {

const RuleInfo& EmptyFile::info() const {
  static const RuleInfo kInfo{
      "encoding/empty-file", Severity::warning, RuleScope::document, RuleLanguage::any, true,
      "File is empty or holds only white space",
      R"(## What it does
Flags a file with no text at all ("file is empty"), or with nothing but
white space: spaces, tabs, line breaks, and Unicode spaces such as U+00A0
NO-BREAK SPACE, U+3000 IDEOGRAPHIC SPACE and the zero-width U+200B and U+FEFF
("file holds only white space"). A byte-order mark alone counts as empty.

## Why it matters
An empty translation usually means an export or a copy step failed; in CI it
should not pass silently as "no findings".

## Example
A zero-byte `article.en.md`, or one holding only a few line breaks.

## Options
None.)"};
  return kInfo;
}

namespace {

bool is_blank(char32_t cp) {
  if (cp == utf8::kInvalid) return false;
  // Invisible characters that make a file look non-empty but show nothing.
  if (cp == 0x200B || cp == 0xFEFF || cp == 0x2060) return true;
  return u_isUWhiteSpace(static_cast<UChar32>(cp));
}

}  // namespace

void EmptyFile::check(const CheckContext& context, FindingSink& out) const {
  const std::string_view text = context.doc.text;
  std::size_t pos = 0;
  while (pos < text.size()) {  // stops at the first visible character, so cheap on real files
    if (!is_blank(utf8::next(text, pos))) return;
  }
  out.push_back(make_finding(context.doc, {0, 0}, text.empty() ? "file is empty" : "file holds only white space"));
}

}  // namespace tc
