#include "rules/typography/repeated_punctuation.h"

#include <array>

#include "text/byte_skip.h"

#include "rules/typography/text.h"

namespace tc {
namespace {

using namespace typography;

// Marks that are never written twice in a row: ASCII , ; and the full-width ，、；：
constexpr std::array<std::string_view, 6> kNeverDoubled{",", ";", "\xEF\xBC\x8C", "\xE3\x80\x81", "\xEF\xBC\x9B",
                                                        "\xEF\xBC\x9A"};
constexpr std::string_view kIdeographicStop = "\xE3\x80\x82";  // 。

// The bytes a mark the check looks at begins with: '.', ',', ';' and the
// lead bytes of the Chinese marks; the check passes over every other byte
// (most bytes of Chinese text).
constexpr std::array<bool, 256> kOpensMark = [] {
  std::array<bool, 256> opens{};
  opens[static_cast<unsigned char>('.')] = true;
  opens[static_cast<unsigned char>(kIdeographicStop[0])] = true;
  for (std::string_view mark : kNeverDoubled) opens[static_cast<unsigned char>(mark[0])] = true;
  return opens;
}();

// Whether mark is at prose[pos] (pos <= size), compared byte by byte here:
// a mark is one to three bytes, and a memcmp call each was most of this
// check's time on Chinese text.
bool mark_at(std::string_view prose, std::size_t pos, std::string_view mark) {
  if (prose.size() - pos < mark.size()) return false;
  for (std::size_t k = 0; k < mark.size(); ++k)
    if (prose[pos + k] != mark[k]) return false;
  return true;
}

std::size_t run_end(std::string_view prose, std::size_t pos, std::string_view mark) {
  while (mark_at(prose, pos, mark)) pos += mark.size();
  return pos;
}

}  // namespace

const RuleInfo& RepeatedPunctuation::info() const {
  static constexpr OptionSpec kOptions[] = {
      {"ellipsis", OptionType::text, "...", "the fix offered for a run of periods in English: `...` or `…`"},
  };
  static const RuleInfo kInfo{
      "typography/repeated-punctuation", Severity::warning, RuleScope::document, RuleLanguage::any, true,
      "Doubled commas or semicolons, and runs of periods that are not an ellipsis",
      R"doc(## What it does
Flags punctuation that is never repeated: `,,`, `;;`, `，，`, `、、`, `；；`,
`：：` and exactly two ideographic full stops `。。` (fix: one mark). In
English text it also flags runs of five or more periods ("arose......") and
two periods after a word ("end.."), which are neither a period nor an
ellipsis; the fix for a long run is the ellipsis in the configured style.
Three or four periods (an ellipsis, and an ellipsis that ends a sentence),
`…`, `?!`, `!!` and `??` are left alone, and so are the six-dot `......`
ellipses common in Chinese web text (`……` is the standard form there, but
flagging them is noise on real Chinese text).

## Why it matters
Doubled marks are typing or pasting slips. A run of six dots is the Chinese
ellipsis (……) carried over into English, where it should be "…" or "...".

## Example
`However, problems arose......` is flagged at `......`, fix `...`.)doc", /*explains_its_span=*/false, /*reads_undecoded=*/false, kOptions};
  return kInfo;
}

void RepeatedPunctuation::check(const CheckContext& context, FindingSink& out) const {
  const std::string_view prose = context.doc.prose();
  const bool english = context.doc.lang == Lang::en;
  const std::string ellipsis(context.options.text("typography/repeated-punctuation.ellipsis"));
  std::size_t pos = 0;
  while (pos < prose.size()) {
    // The bytes of kOpensMark, 16 at a time.
    pos = text::find_any_byte<'.', ',', ';', 0xE3, 0xEF>(prose, pos, prose.size());
    if (pos >= prose.size()) break;
    const char c = prose[pos];
    if (!kOpensMark[static_cast<unsigned char>(c)]) {
      ++pos;
      continue;
    }
    if (c == '.') {
      const std::size_t end = run_end(prose, pos, ".");
      const std::size_t dots = end - pos;
      const bool after_word = pos > 0 && (is_alnum(prose[pos - 1]) || letter_before(prose, pos));
      const bool ends_there = end >= prose.size() || is_space(prose[end]);
      if (english && dots >= 5) {  // four dots: an ellipsis that ends a sentence
        Finding finding = make_finding(context.doc, {pos, end}, std::to_string(dots) + " periods in a row");
        finding.fix = ellipsis;
        out.push_back(std::move(finding));
      } else if (english && dots == 2 && after_word && ends_there) {
        out.push_back(make_finding(context.doc, {pos, end}, "two periods in a row"));
      }
      pos = end;
      continue;
    }
    bool matched = false;
    for (std::string_view mark : kNeverDoubled) {
      if (!mark_at(prose, pos, mark)) continue;
      const std::size_t end = run_end(prose, pos, mark);
      if (end - pos > mark.size()) {
        Finding finding = make_finding(context.doc, {pos, end}, "repeated " + std::string(mark));
        finding.fix = std::string(mark);
        out.push_back(std::move(finding));
      }
      pos = end;
      matched = true;
      break;
    }
    if (matched) continue;
    if (mark_at(prose, pos, kIdeographicStop)) {
      const std::size_t end = run_end(prose, pos, kIdeographicStop);
      if (end - pos == 2 * kIdeographicStop.size()) {
        Finding finding = make_finding(context.doc, {pos, end}, "repeated 。");
        finding.fix = std::string(kIdeographicStop);
        out.push_back(std::move(finding));
      }
      pos = end;
      continue;
    }
    ++pos;
  }
}

}  // namespace tc
