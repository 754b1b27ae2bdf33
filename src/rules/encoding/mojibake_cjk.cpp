#include "rules/encoding/mojibake_cjk.h"

#include "rules/encoding/mojibake_scan.h"

namespace tc {

const RuleInfo& MojibakeCjk::info() const {
  static const RuleInfo kInfo{
      "encoding/mojibake-cjk", Severity::error, RuleScope::document, RuleLanguage::any, true,
      "Mojibake from the Chinese side: UTF-8 read as GBK, GBK read as Latin-1, Big5/GBK mix-ups, 锟斤拷",
      R"(## What it does
Flags garble made by Chinese legacy encodings, which Latin-oriented tools
such as ftfy do not detect (the id says `cjk` because the wrong decoder, or
the right one, was a Chinese double-byte code page):

- **UTF-8 read as GBK**: "don鈥檛" for "don’t", "鐢变簬杩欎釜" for "由于这个".
  The span's GBK bytes must be well-formed UTF-8. Decoders differ on a
  bad byte: Windows and Java write "?" and swallow the next ASCII byte
  ("60鈥?5%" for "60–95%"), Python writes "�"; both are detected, without
  a fix since a byte is lost.
- **GBK read as Latin-1 / Windows-1252**: "ÖÐÎÄ" for "中文".
- **Big5 read as GBK** and **GBK read as Big5**.
- **Fill patterns**: "锟斤拷" (U+FFFD replacement characters shown as GBK)
  and runs of at least three "烫" or "屯" (0xCC / 0xCD bytes of
  uninitialised memory in MSVC debug builds). One "烫", as in "烫伤", is a
  word and never flagged.

Real Chinese is told from garble by character frequency: garble is made
mostly of characters outside the 3755 common characters of GB2312 level 1,
of kana, Greek or private-use characters, while the recovered text must be
mostly common characters and typographic punctuation. Short spans need more
evidence (a punctuation mark, or garble glued to Latin letters).

The fix is the recovered text when the span decodes cleanly.

## Why it matters
A Chinese or English page that went through a GBK-only tool shows "鈥檛"
or "锟斤拷" to every reader, and the original characters cannot be seen
until someone recovers them.

## Example
`It doesn鈥檛 work.` is flagged with the fix `’t`; `锟斤拷锟斤拷` is flagged
without a fix; `烫伤后要用冷水冲洗` is not flagged.

## Options
None.)",
      /*explains_its_span=*/true};
  return kInfo;
}

void MojibakeCjk::check(const CheckContext& context, std::vector<Finding>& out) const {
  report(context.doc, mojibake::find_cjk_mojibake(context.doc.prose()), out);
}

}  // namespace tc
