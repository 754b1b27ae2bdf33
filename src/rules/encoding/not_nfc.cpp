#include "rules/encoding/not_nfc.h"

#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/stringpiece.h>
#include <unicode/uchar.h>

#include <algorithm>
#include <cstdint>
#include <optional>
#include <vector>

#include "rules/code_point_events.h"
#include "rules/encoding/code_point_scan.h"

namespace tc {

const RuleInfo& NotNfc::info() const {
  static const RuleInfo kInfo{
      "encoding/not-nfc", Severity::warning, RuleScope::document, RuleLanguage::any, true,
      "Text not in Unicode Normalization Form C (decomposed accents and the like)",
      R"(## What it does
Flags stretches of prose that Unicode Normalization Form C (NFC) would
change: a letter followed by a combining accent that has a precomposed form
("e" + U+0301 instead of "é"), combining marks in non-canonical order, Hangul
spelled with conjoining jamo, and the few characters NFC always replaces
(U+212B ANGSTROM SIGN becomes "Å", CJK compatibility ideographs such as
U+F900 become their unified form). The fix is the NFC form of the stretch.

Compatibility characters that NFC keeps (full-width letters, ligatures such
as "ﬁ", superscripts, "µ") are not flagged: that is NFKC's business and
changes meaning. Code in Markdown is not checked.

## Why it matters
Text that looks the same but is stored differently breaks search,
spell checking, terminology matching and diffs: "café" typed on one system
does not match "café" pasted from another. macOS file names and some PDF
extractors produce the decomposed form.

## Example
`cafe` + U+0301 is flagged at column 4 ("not in NFC: U+0065 U+0301 should be
U+00E9") with the fix "é".

## Options
None.)"};
  return kInfo;
}

namespace {

const icu::Normalizer2& nfc() {
  UErrorCode status = U_ZERO_ERROR;
  static const icu::Normalizer2* instance = icu::Normalizer2::getNFCInstance(status);
  return *instance;
}

// Code points that can make text non-NFC: NFC_Quick_Check is No or Maybe,
// or a non-zero combining class (marks that may be out of canonical order).
bool may_break_nfc(char32_t cp) {
  const auto c = static_cast<UChar32>(cp);
  return u_getIntPropertyValue(c, UCHAR_NFC_QUICK_CHECK) != UNORM_YES || u_getCombiningClass(c) != 0;
}

// Built once; its per-block summary skips ASCII, Latin-1, Han and the other
// blocks without triggers without decoding them.
const encoding::BmpSet& triggers() {
  static const encoding::BmpSet kSet(may_break_nfc);
  return kSet;
}

bool is_trigger(char32_t cp) {
  if (cp < 0x10000) return triggers().contains(cp);
  return cp != utf8::kInvalid && may_break_nfc(cp);
}

bool boundary_before(char32_t cp) {
  return cp == utf8::kInvalid || nfc().hasBoundaryBefore(static_cast<UChar32>(cp));
}

// Segments longer than this (far beyond Unicode's stream-safe limit of 30
// combining marks) are put in canonical order before ICU sees them.
constexpr std::size_t kLongSegmentBytes = 256;

// The segment with every run of combining marks stably sorted by combining
// class: a canonically equivalent string, so its NFC is the segment's NFC.
// ICU reorders marks by insertion, which is quadratic in the run's length
// ("Zalgo" text with thousands of stacked marks); a sort is not.
std::string in_canonical_order(std::string_view segment) {
  struct Mark {
    std::uint8_t combining_class;
    std::size_t begin, end;
  };
  std::string out;
  out.reserve(segment.size());
  std::vector<Mark> run;
  auto flush = [&] {
    std::stable_sort(run.begin(), run.end(),
                     [](const Mark& a, const Mark& b) { return a.combining_class < b.combining_class; });
    for (const Mark& m : run) out.append(segment.substr(m.begin, m.end - m.begin));
    run.clear();
  };
  std::size_t pos = 0;
  while (pos < segment.size()) {
    const std::size_t begin = pos;
    const char32_t cp = utf8::next(segment, pos);
    const std::uint8_t combining_class = cp == utf8::kInvalid ? 0 : u_getCombiningClass(static_cast<UChar32>(cp));
    if (combining_class == 0) {
      flush();
      out.append(segment.substr(begin, pos - begin));
    } else {
      run.push_back({combining_class, begin, pos});
    }
  }
  flush();
  return out;
}

// The NFC form of the segment when it differs from the segment, else nullopt.
std::optional<std::string> nfc_if_changed(std::string_view segment) {
  UErrorCode status = U_ZERO_ERROR;
  std::string normalized;
  icu::StringByteSink<std::string> sink(&normalized);
  if (segment.size() > kLongSegmentBytes) {
    const std::string ordered = in_canonical_order(segment);
    nfc().normalizeUTF8(0, icu::StringPiece(ordered.data(), static_cast<int32_t>(ordered.size())), sink, nullptr, status);
  } else {
    const icu::StringPiece piece(segment.data(), static_cast<int32_t>(segment.size()));
    if (nfc().isNormalizedUTF8(piece, status) || U_FAILURE(status)) return std::nullopt;
    nfc().normalizeUTF8(0, piece, sink, nullptr, status);
  }
  if (U_FAILURE(status) || normalized == segment) return std::nullopt;
  return normalized;
}

}  // namespace

bool may_change_under_nfc(char32_t cp) { return is_trigger(cp); }

void NotNfc::check(const CheckContext& context, FindingSink& out) const {
  const Document& doc = context.doc;
  const std::string_view prose = doc.prose();
  EventWalk walk(context, code_point_class::kNfcTrigger, /*prose_only=*/true);
  std::size_t pos = 0;
  std::size_t reported_end = 0;
  while (const text::ClassEvent* event = walk.next(pos)) {
    pos = event->begin;
    const std::size_t after = event->end();
    // The normalization segment: back to a code point with a boundary before
    // it, forward to the next one that is not itself a trigger.
    std::size_t begin = pos;
    for (int steps = 0; steps < 32 && begin > reported_end && !boundary_before(utf8::at(prose, begin)); ++steps) {
      std::size_t probe = begin;
      if (utf8::previous(prose, probe) == utf8::kInvalid || prose[probe] == kMaskByte) break;
      begin = probe;
    }
    std::size_t end = after;
    while (end < prose.size()) {
      std::size_t probe = end;
      const char32_t c = utf8::next(prose, probe);
      if (c == utf8::kInvalid || (!is_trigger(c) && boundary_before(c))) break;
      end = probe;
    }
    const std::string_view segment = prose.substr(begin, end - begin);
    if (std::optional<std::string> normalized = nfc_if_changed(segment)) {
      Finding f = make_finding(doc, {begin, end},
                               "not in NFC: " + encoding::list_code_points(segment) + " should be " +
                                   encoding::list_code_points(*normalized));
      f.fix = std::move(*normalized);
      out.push_back(std::move(f));
      reported_end = end;
    }
    pos = end;
  }
}

}  // namespace tc
