#include "rules/encoding/empty_file.h"

namespace tc {

const RuleInfo& EmptyFile::info() const {
  static const RuleInfo kInfo{
      "encoding/empty-file", Severity::warning, RuleScope::document, RuleLanguage::any, true,
      "File is empty or holds only white space",
      R"(## What it does
Flags a file with no text at all, or only spaces and line breaks.

## Why it matters
An empty translation usually means an export or a copy step failed; in CI it
should not pass silently as "no findings".

## Example
A zero-byte `article.en.md`.

## Options
None.)"};
  return kInfo;
}

void EmptyFile::check(const CheckContext& context, std::vector<Finding>& out) const {
  for (char c : context.doc.text)
    if (c != ' ' && c != '\t' && c != '\n' && c != '\r') return;
  out.push_back(make_finding(context.doc, {0, 0}, "file is empty"));
}

}  // namespace tc
