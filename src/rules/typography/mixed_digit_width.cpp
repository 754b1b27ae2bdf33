#include "rules/typography/mixed_digit_width.h"

#include "text/byte_skip.h"

#include "core/utf8.h"
#include "rules/typography/text.h"

namespace tc {
namespace {

using namespace typography;

struct DigitRun {
  std::size_t begin;
  std::size_t end;
  bool full_width;
};

bool is_full_width_digit(char32_t cp) { return cp >= U'\uFF10' && cp <= U'\uFF19'; }

// The run with its digits converted to the other width.
std::string convert(std::string_view digits, bool to_ascii) {
  std::string converted;
  std::size_t pos = 0;
  while (pos < digits.size()) {
    const char32_t cp = utf8::next(digits, pos);
    utf8::append(converted, to_ascii ? cp - 0xFF10 + U'0' : cp - U'0' + 0xFF10);
  }
  return converted;
}

// Hands each run of digits of prose to take, in order.
template <typename Take>
void for_each_digit_run(std::string_view prose, Take&& take) {
  std::size_t pos = 0;
  while (pos < prose.size()) {
    // Digits and the first byte of a full-width one; nothing else is looked at.
    pos = text::find_any_byte<'0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 0xEF>(prose, pos, prose.size());
    if (pos >= prose.size()) break;
    if (is_digit(prose[pos])) {
      const std::size_t begin = pos;
      while (pos < prose.size() && is_digit(prose[pos])) ++pos;
      take(DigitRun{begin, pos, false});
      continue;
    }
    if (prose[pos] != '\xEF') {
      ++pos;
      continue;
    }
    const std::size_t begin = pos;
    std::size_t end = pos;
    while (end < prose.size() && is_full_width_digit(utf8::at(prose, end))) utf8::next(prose, end);
    if (end == begin) {
      ++pos;
      continue;
    }
    take(DigitRun{begin, end, true});
    pos = end;
  }
}

}  // namespace

const RuleInfo& MixedDigitWidth::info() const {
  static const RuleInfo kInfo{
      "typography/mixed-digit-width", Severity::warning, RuleScope::document, RuleLanguage::zh, true,
      "Full-width (０-９) and half-width (0-9) digits mixed in one document",
      R"doc(## What it does
Counts the runs of full-width digits (０１２...) and of ASCII digits in the
prose of a Chinese document. When both occur, every run of the less common
width is flagged (on a tie, the full-width ones), with the other width as
the fix.

## Why it matters
Chinese house styles use one width for numbers, almost always half-width.
Mixed widths come from text pasted out of different sources or typed with an
input method in full-width mode, and they break search and number parsing.

## Example
In a document with `2026年5月` elsewhere, `第３章` is flagged at `３`, fix `3`.

## Options
None.)doc"};
  return kInfo;
}

void MixedDigitWidth::check(const CheckContext& context, FindingSink& out) const {
  const std::string_view prose = context.doc.prose();
  // Counted first, then read again for the flagged width: a document of
  // numbers has a run every few bytes, and a list of them took three times
  // its size (the usual document, of one width, is read once).
  std::size_t full_width_runs = 0, ascii_runs = 0;
  for_each_digit_run(prose, [&](const DigitRun& run) { ++(run.full_width ? full_width_runs : ascii_runs); });
  if (full_width_runs == 0 || ascii_runs == 0) return;
  const bool flag_full_width = full_width_runs <= ascii_runs;
  for_each_digit_run(prose, [&](const DigitRun& run) {
    if (run.full_width != flag_full_width) return;
    const std::string_view digits = prose.substr(run.begin, run.end - run.begin);
    Finding finding = make_finding(
        context.doc, {run.begin, run.end},
        std::string(flag_full_width ? "full-width" : "half-width") + " digits \"" + std::string(digits) +
            "\" in a document that mostly uses " + (flag_full_width ? "half-width" : "full-width") + " digits (" +
            std::to_string(flag_full_width ? ascii_runs : full_width_runs) + " vs " +
            std::to_string(flag_full_width ? full_width_runs : ascii_runs) + ")");
    finding.fix = convert(digits, flag_full_width);
    out.push_back(std::move(finding));
  });
}

}  // namespace tc
