#include "rules/script/fullwidth_in_english.h"

#include "core/utf8.h"
#include "rules/code_point_events.h"
#include "rules/script/script_chars.h"

namespace tc {

const RuleInfo& FullwidthInEnglish::info() const {
  static const RuleInfo kInfo{
      "script/fullwidth-in-english", Severity::warning, RuleScope::document, RuleLanguage::en, true,
      "Full-width punctuation, letters or digits in English text",
      R"doc(## What it does
Flags full-width characters in English text: CJK punctuation
(，。：；！？（）【】「」、), full-width letters and digits (ＡＢＣ１２３) and the
ideographic space U+3000. Neighbouring full-width characters are one finding.
The fix is the ASCII form (the NFKC mapping), with English conventions for
the marks that have no ASCII twin: 。 becomes ".", 、 ",", 【】 "[]",
「」 “ ”, 『』 ‘ ’. The title marks 《》 and 〈〉 are flagged without a fix:
English sets titles in italics or quotes, a choice the editor makes.

Punctuation that touches Chinese characters belongs to that leftover Chinese
text and is reported with it by `script/han-in-english`, not here.

It is a warning, not an error: the text still reads correctly, but it looks
wrong (wide gaps, odd glyphs) and breaks search and spell checking.

## Why it matters
Translators working from Chinese often keep the source's punctuation, or an
input method in Chinese mode types "，" for ",". Full-width forms in English
set badly and defeat tools that look for ASCII punctuation.

## Example
`cells，which` is flagged at "，" with the fix ", " (a space is added before a
word, as English spacing needs); `ＣＤ８` gets the fix `CD8`.

## Options
None.)doc"};
  return kInfo;
}

void FullwidthInEnglish::check(const CheckContext& context, FindingSink& out) const {
  const std::string_view text = context.doc.prose();
  std::size_t pos = 0;
  bool open = false;  // a finding is being built in `finding`
  Finding finding;
  std::string fix;
  bool fixable = true;
  auto close = [&] {
    if (!open) return;
    const std::string_view span_text = std::string_view(context.doc.text).substr(
        finding.span.begin, finding.span.size());
    const bool single = utf8::count(span_text) == 1;
    finding.message = std::string(single ? "full-width \"" : "full-width characters \"") +
                      script::excerpt(span_text) + "\" in English text";
    if (fixable) {
      finding.message += "; use \"" + fix + "\"";
      // A full-width mark carries its own spacing: in English the word after
      // it needs a space (what typography/missing-space would ask next).
      const std::size_t after = finding.span.end;
      const char next = after < text.size() ? text[after] : ' ';
      const char last = fix.empty() ? ' ' : fix.back();
      const bool letter = (next >= 'a' && next <= 'z') || (next >= 'A' && next <= 'Z');
      const bool capital = next >= 'A' && next <= 'Z';
      if ((letter && (last == ',' || last == ';' || last == ':')) || (capital && (last == '.' || last == '?' || last == '!')))
        fix += ' ';
      finding.fix = fix;
    }
    out.push_back(std::move(finding));
    open = false;
  };
  std::size_t start = 0;
  char32_t cp = 0;
  // Only full-width characters are visited: a finding still open is closed
  // by the next one that does not continue it, or at the end.
  EventWalk walk(context, code_point_class::kFullwidth, /*prose_only=*/true);
  while (const text::ClassEvent* event = walk.next(pos)) {
    start = event->begin;
    cp = event->cp;
    pos = event->end();
    if (script::touches_cjk_letter(text, start, pos)) {
      close();
      continue;
    }
    if (!open || finding.span.end != start) {
      close();
      finding = make_finding(context.doc, {start, pos}, {});
      fix.clear();
      fixable = true;
      open = true;
    }
    finding.span.end = pos;
    if (const auto form = script::english_form(cp)) fix += *form;
    else fixable = false;
  }
  close();
}

}  // namespace tc
