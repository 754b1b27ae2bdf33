#include "rules/encoding/legacy_encoding.h"

#include "core/utf8.h"
#include "formats/reader.h"

namespace tc {

const RuleInfo& LegacyEncoding::info() const {
  static const RuleInfo kInfo{
      "encoding/legacy-encoding", Severity::error, RuleScope::document, RuleLanguage::any, true,
      "File is not UTF-8 but reads as a legacy encoding (GB18030, Big5, ...)",
      R"(## What it does
When a file is not valid UTF-8 but decodes cleanly as a legacy Chinese
encoding (GB18030/GBK or Big5, found with ICU's charset detector and a strict
conversion), reports that once, naming the probable encoding, instead of one
invalid-UTF-8 finding per character. No other rule runs on such a file.
Shift_JIS, EUC-JP and EUC-KR are told apart from Chinese by the detector's
confidence; when it cannot tell (a short line scores alike), both candidates
are named, the Chinese one first.

## Why it matters
Publishing pipelines expect UTF-8. A GBK file checked as UTF-8 yields
thousands of meaningless findings; the fix is to convert the file or to say
which encoding it is in.

## Example
A Chinese article saved by an old editor as GBK: `中文` is the bytes
`D6 D0 CE C4`. Re-run with `--encoding gb18030`, or convert with
`iconv -f GB18030 -t UTF-8`.

## Options
None; `--encoding NAME` decodes the file instead.)",
      /*explains_its_span=*/false, /*reads_undecoded=*/true};
  return kInfo;
}

void LegacyEncoding::check(const CheckContext& context, FindingSink& out) const {
  const Document& doc = context.doc;
  if (doc.suspected_encodings.empty()) return;
  const std::size_t first = utf8::first_invalid(doc.text);
  const std::size_t begin = first == std::string_view::npos ? 0 : first;
  std::size_t end = begin;
  if (end < doc.text.size()) utf8::next(doc.text, end);
  // Several candidates ("GB18030 or Shift_JIS") when the detector could not tell them apart.
  const std::string advice = "re-run with " + encoding_advice(doc.suspected_encodings) + " or convert it to UTF-8";
  Finding f = make_finding(doc, {begin, end},
                           "file is not UTF-8; it looks like " + list_encodings(doc.suspected_encodings) + " (first non-UTF-8 byte at offset " +
                               std::to_string(begin + doc.bom_bytes) + "); " + advice);
  out.push_back(std::move(f));
}

}  // namespace tc
