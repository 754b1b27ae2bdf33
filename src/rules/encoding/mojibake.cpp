#include "rules/encoding/mojibake.h"

#include <optional>
#include <vector>

#include "rules/code_point_events.h"
#include "rules/encoding/mojibake_scan.h"

namespace tc {

const RuleInfo& Mojibake::info() const {
  static const RuleInfo kInfo{
      "encoding/mojibake", Severity::error, RuleScope::document, RuleLanguage::any, true,
      "UTF-8 text that was read as Windows-1252, Latin-1 or another single-byte code page",
      R"(## What it does
Flags mojibake made when UTF-8 text was decoded as a single-byte code page
and saved again: Windows-1252 / ISO-8859-1 ("Ã©" for "é", "â€™" for "’",
"ç®€ä½“ä¸­æ–‡" for "简体中文"), Windows-1250, ISO-8859-2, Windows-1251
("вЂ™"), Windows-1257, MacRoman ("wei√ü") and IBM437, including text that
went through this twice or three times ("Ã¢â‚¬â„¢").

Detection is structural, not a list of strings: the characters' bytes in
the code page must form a well-formed UTF-8 sequence (lead byte, then the
right number of continuation bytes). Because legitimate text sometimes forms
such sequences too ("JOSÉ’s", "10 Å—", "“×”"), each candidate is weighed:
what it decodes to (letters of a real script, common characters), whether
it is glued inside a word ("cafÃ©", "HÃ´tel"), whether it holds C1 controls
or sits next to other candidates. Only well-supported spans are reported;
once a paragraph has such a span, its weaker candidates in the same code
page are reported too (a paragraph is usually misread as a whole): any on
the same line, and on the paragraph's other lines only those that already
have some evidence and decode to a Latin-1 letter or symbol. Mojibake
elsewhere in a file never makes plain text on another line a finding.

A lone C1 control character (U+0080-U+009F) that Windows-1252 gives a
meaning ("\u0092" for "’") is also reported: Windows-1252 text read as
ISO-8859-1.

UTF-8 read as ISO-8859-1 with the C1 control bytes (80-9F) then dropped or
not shown is reported too: Chinese turns into lead images with too few
continuation images ("å®æ¤" for "宝椅"), and an apostrophe in an English
contraction into a bare "â" ("donât"). The message counts the lost bytes
and gives what could be recovered.

A UTF-8 byte order mark read as Windows-1252 ("ï»¿" before a column name)
is reported with a fix that removes it.

Legitimate text is left alone: mojibake quoted in a sentence about it
("such as “Ã©” for “é”"), box-drawing line art, Cyrillic words written
in camel case, Romanian "â" ("câinele").

When the span decodes cleanly, the finding's fix is the recovered text.
When a byte was lost (the decoder put "?", "�" or a plain space where a
byte had no character), the span is still reported, without a fix.

## Why it matters
Readers see "cafÃ©" and "donâ€™t" in the published text; search engines
index the garble. It comes from a file saved in one encoding and opened in
another, often by a CMS, a spreadsheet or an e-mail client.

## Example
`The cafÃ© is openâ€”daily.` is flagged twice, with the fixes `é` and `—`.
`Zhōngguó, café, naïve, µg, 37 °C, ±, ©, “quoted”` is not flagged.

## Options
None.)",
      /*explains_its_span=*/true};
  return kInfo;
}

void Mojibake::check(const CheckContext& context, FindingSink& out) const {
  EventStarts candidates(context, code_point_class::kLatinImage);
  // GBK read as Windows-1252 ("¡°ÄãºÃ¡±") can hold a UTF-8-looking pair
  // ("Ã¡"): encoding/mojibake-cjk explains the whole span, so it is not
  // reported twice. The Chinese-side scan runs only when there is a hit.
  // The hits are reported as the scan hands them over, not held in a list.
  std::optional<std::vector<Span>> gbk_latin;
  std::size_t next = 0;
  mojibake::for_each_latin_mojibake(context.doc.prose(), candidates, [&](mojibake::Hit&& hit) {
    if (!gbk_latin) {
      gbk_latin.emplace();
      for (const mojibake::Hit& cjk : mojibake::find_cjk_mojibake(context.doc.prose()))
        if (cjk.how == mojibake::kGbkReadAsWindows1252) gbk_latin->push_back({cjk.begin, cjk.end});
    }
    while (next < gbk_latin->size() && (*gbk_latin)[next].end <= hit.begin) ++next;
    if (next < gbk_latin->size() && (*gbk_latin)[next].begin <= hit.begin && hit.end <= (*gbk_latin)[next].end) return;
    report_one(context.doc, std::move(hit), out);
  });
}

}  // namespace tc
