#include "rules/encoding/mojibake_cjk.h"

#include "rules/code_point_events.h"
#include "rules/encoding/mojibake_scan.h"

namespace tc {

const RuleInfo& MojibakeCjk::info() const {
  static const RuleInfo kInfo{
      "encoding/mojibake-cjk", Severity::error, RuleScope::document, RuleLanguage::any, true,
      "Mojibake from the Chinese side: UTF-8 read as GBK, Big5/GBK/Shift-JIS mix-ups, GBK read as Latin-1, 问句码, 锟斤拷",
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
- **Big5 read as GBK** ("いゅ弧" for "中文說明"), **GBK read as Big5**
  ("爛僅笙昢惆豢" for "年度财务报告"), also with the Hong Kong supplement
  (Big5-HKSCS, Microsoft's cp951), and **Shift-JIS read as GBK**
  ("僼傽僀儖" for "ファイル"). A run is weighed both ways: the written text
  must be odd as Chinese (rare characters, kana that Japanese never writes
  so, such as "ゅ" after "い", private-use characters) and the original
  plain (common characters, punctuation, kana for Shift-JIS) by a clear
  margin. Runs of Greek, Cyrillic, pinyin letters or box drawing are words
  and line art, not garble.
- **GBK read as Latin-1 / Windows-1252**: "ÖÐÎÄ" for "中文", and short
  fragments standing alone: "£±" for "１", "¡°" for "“".
- **A UTF-8 byte order mark read as GBK** at the start of a line: "锘縤d"
  for "id" (the fix removes the mark), "锘?" when a byte was lost.
- **"?"-terminated 问句码**: UTF-8 read as GBK, saved, and read back as
  UTF-8. A run with an odd number of bytes loses its last character, and a
  "?" stands in its place ("请及时就? today"). The run before the "?" is
  intact Chinese with an even number of bytes and no question word (吗, 呢,
  什么, 是不是, ...); a paragraph with a run of odd length did not go
  through this, so its candidates are dropped. A "?" glued inside Chinese
  ("流??", "手册?二章") is reported without that condition.
- **Fill patterns**: "锟斤拷" (U+FFFD replacement characters shown as GBK)
  and runs of at least three "烫" or "屯" (0xCC / 0xCD bytes of
  uninitialised memory in MSVC debug builds). One "烫", as in "烫伤", is a
  word and never flagged.

Real Chinese is told from garble by character frequency: garble is made
mostly of characters outside the 3755 common characters of GB2312 level 1,
of kana, Greek or private-use characters, while the recovered text must be
mostly common characters and typographic punctuation. Short spans need more
evidence (a punctuation mark, or garble glued to Latin letters). Mojibake
standing exactly between quotation marks is quoted, as in a sentence about
mojibake, and is not reported.

The message names the codec chain. When the span decodes cleanly the
finding's fix is the recovered text (a safe fix); when a byte was lost the
message says what was lost and gives the part that could be recovered.

## Why it matters
A Chinese or English page that went through a GBK-only tool shows "鈥檛"
or "锟斤拷" to every reader, and the original characters cannot be seen
until someone recovers them.

## Example
`It doesn鈥檛 work.` is flagged with the fix `’t`; `Title: いゅ弧` with
"Big5 read as GBK" and the fix `中文說`; `锟斤拷锟斤拷` is flagged without a
fix; `烫伤后要用冷水冲洗`, `王锟` and `“锟斤拷” 是一种乱码` are not flagged.

## Options
None.)",
      /*explains_its_span=*/true};
  return kInfo;
}

void MojibakeCjk::check(const CheckContext& context, FindingSink& out) const {
  // Ill-formed bytes are read as characters with no GBK code: gates too.
  // The odd characters that open no gate tell which stretches are quiet.
  EventStarts gates(context, code_point_class::kCjkGate | code_point_class::kCjkOdd | code_point_class::kInvalid);
  report(context.doc, mojibake::find_cjk_mojibake(context.doc.prose(), gates), out);
}

}  // namespace tc
