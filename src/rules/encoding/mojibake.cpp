#include "rules/encoding/mojibake.h"

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
  // The shared scan's candidates are walked as the scan needs them, not
  // listed first: a file of mojibake has one every two bytes.
  class WalkCursor final : public mojibake::StartCursor {
   public:
    WalkCursor(const CheckContext& context, std::size_t end)
        : walk_(context, code_point_class::kLatinImage, /*prose_only=*/true), end_(end) {}
    std::size_t next(std::size_t pos) override {
      while (const text::ClassEvent* event = walk_.next(pos)) {
        if (!passes_by(*event)) {
          last_ = event;
          return event->begin;
        }
        pos = event->end();
      }
      return end_;
    }
    void restart() override {
      walk_.restart();
      last_ = nullptr;
      passable_ = Passable::none;
    }
    void pass_by(Passable passable) override { passable_ = passable; }
    // A prose event's bytes are prose: its code point is what decoding prose there gives.
    bool known_code_point(char32_t& cp, std::size_t& end) const override {
      if (!last_) return false;
      cp = last_->cp;
      end = last_->end();
      return true;
    }

   private:
    // Most candidates of Chinese text are curly quotes and dashes before Han
    // or a line end; looking at each read the text again, a cache miss each.
    bool passes_by(const text::ClassEvent& event) const {
      const char32_t cp = event.cp;
      switch (passable_) {
        case Passable::none: return false;
        case Passable::before_non_image:
          return (event.classes & code_point_class::kBeforeNonImage) != 0 && !(cp >= 0x80 && cp <= 0x9F);
        case Passable::non_leads: return !(cp >= 0xE2 && cp <= 0xEF);
      }
      return false;
    }

    EventWalk walk_;
    std::size_t end_;
    const text::ClassEvent* last_ = nullptr;  // the candidate returned last
    Passable passable_ = Passable::none;
  };
  WalkCursor candidates(context, context.doc.prose().size());
  std::vector<mojibake::Hit> hits = mojibake::find_latin_mojibake(context.doc.prose(), candidates);
  // GBK read as Windows-1252 ("¡°ÄãºÃ¡±") can hold a UTF-8-looking pair
  // ("Ã¡"): encoding/mojibake-cjk explains the whole span, so it is not
  // reported twice. The Chinese-side scan runs only when there is a hit.
  if (!hits.empty()) {
    std::vector<mojibake::Hit> gbk_latin;
    for (mojibake::Hit& cjk : mojibake::find_cjk_mojibake(context.doc.prose()))
      if (cjk.how == mojibake::kGbkReadAsWindows1252) gbk_latin.push_back(std::move(cjk));
    std::size_t next = 0;
    std::erase_if(hits, [&](const mojibake::Hit& hit) {
      while (next < gbk_latin.size() && gbk_latin[next].end <= hit.begin) ++next;
      return next < gbk_latin.size() && gbk_latin[next].begin <= hit.begin && hit.end <= gbk_latin[next].end;
    });
  }
  report(context.doc, std::move(hits), out);
}

}  // namespace tc
