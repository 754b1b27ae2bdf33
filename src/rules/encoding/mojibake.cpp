#include "rules/encoding/mojibake.h"

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
page are reported too (a paragraph is usually misread as a whole).

A lone C1 control character (U+0080-U+009F) that Windows-1252 gives a
meaning ("\u0092" for "’") is also reported: Windows-1252 text read as
ISO-8859-1.

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

void Mojibake::check(const CheckContext& context, std::vector<Finding>& out) const {
  report(context.doc, mojibake::find_latin_mojibake(context.doc.prose()), out);
}

}  // namespace tc
