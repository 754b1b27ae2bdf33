#include "rules/alignment/length_ratio.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string_view>
#include <utility>
#include <vector>

#include "core/alignment.h"
#include "core/byte_lanes.h"
#include "core/utf8.h"
#include "rules/alignment/pair_text.h"

namespace tc {
namespace {

// Length in code points without white space: comparable across scripts once
// scaled by the document's own ratio.
double length_of(const Document& doc, Span span) {
  std::size_t count = 0, pos = span.begin;
  const auto* bytes = reinterpret_cast<const unsigned char*>(doc.text.data());
  while (pos < span.end) {
    // A well-formed three-byte character (as utf8::next reads one: leads
    // E1-EC and EE-EF), most of a Chinese side, counts unless it is U+3000
    // (E3 80 80), without decoding it.
    if (const unsigned char lead = bytes[pos]; lead >= 0xE1 && lead != 0xED && lead <= 0xEF && utf8::three_bytes_at(doc.text, pos)) {
      count += !(lead == 0xE3 && bytes[pos + 1] == 0x80 && bytes[pos + 2] == 0x80);
      pos += 3;
      continue;
    }
    // Eight ASCII bytes at a time: all count but the spaces, tabs and line breaks.
    if (span.end - pos >= 8) {
      std::uint64_t word = 0;
      std::memcpy(&word, doc.text.data() + pos, sizeof word);
      constexpr std::uint64_t kHigh = 0x8080808080808080ULL, kOnes = 0x0101010101010101ULL;
      if ((word & kHigh) == 0) {
        // A byte equal to c: (b ^ c) is zero, so adding 0x7F leaves its high bit clear (b < 0x80).
        auto equal_to = [&](char c) { return ~((word ^ (kOnes * static_cast<unsigned char>(c))) + 0x7F7F7F7F7F7F7F7FULL) & kHigh; };
        const std::uint64_t blanks = equal_to(' ') | equal_to('\n') | equal_to('\r') | equal_to('\t');
        count += 8 - static_cast<std::size_t>(count_high_bits(blanks));
        pos += 8;
        continue;
      }
    }
    const unsigned char byte = static_cast<unsigned char>(doc.text[pos]);
    if (byte < 0x80) {  // ASCII, most of an English side: no decoding
      ++pos;
      if (byte != ' ' && byte != '\n' && byte != '\r' && byte != '\t') ++count;
      continue;
    }
    const char32_t cp = utf8::next(doc.text, pos);
    if (cp != ' ' && cp != '\n' && cp != '\r' && cp != '\t' && cp != 0x3000) ++count;
  }
  return static_cast<double>(count);
}

// A bracket's content is a gloss (a term, an acronym, "also called GBS"):
// at most kMaxGlossWords words. A longer one ("nor ride a bicycle or scooter,
// nor use any power tools") is a passage of the sentence a translation can drop.
bool is_gloss(std::string_view inside) {
  constexpr std::size_t kMaxGlossWords = 3;
  std::size_t words = 0;
  bool in_word = false;
  for (const char c : inside) {
    const bool blank = c == ' ' || c == '\t' || c == '\n' || c == '\r';
    if (!blank && !in_word && ++words > kMaxGlossWords) return false;
    in_word = !blank;
  }
  return words > 0;
}

// The length of the source's bracketed glosses ("(hypoglycaemia)", "(FBC)",
// "(also called GBS)") when the translation has no bracket at all: it folded
// them into its own term (低血糖 is the technical word), it did not lose
// them. Zero when the translation has a bracket or the source has none.
double folded_glosses(const Document& source, Span source_span, const Document& target, Span target_span) {
  constexpr std::size_t kMaxGloss = 80;  // bytes: a gloss, not a bracketed passage
  const std::string_view target_text = std::string_view(target.text).substr(target_span.begin, target_span.size());
  if (target_text.find('(') != std::string_view::npos || target_text.find("\xEF\xBC\x88") != std::string_view::npos)  // （
    return 0;
  const std::string_view text = source.text;
  double folded = 0;
  for (std::size_t open = text.find('(', source_span.begin); open < source_span.end; open = text.find('(', open + 1)) {
    const std::size_t close = text.find(')', open);
    if (close == std::string_view::npos || close >= source_span.end || close - open > kMaxGloss) continue;
    if (!is_gloss(text.substr(open + 1, close - open - 1))) continue;
    folded += length_of(source, {open, close + 1});
  }
  return folded;
}

}  // namespace

const RuleInfo& LengthRatio::info() const {
  static constexpr OptionSpec kOptions[] = {
      {"factor", OptionType::number, "3", "how many times smaller or larger than predicted a pair may be (at least 1.1); raise it for literary text"},
      {"min-length", OptionType::number, "15", "pairs are not checked when the source sentence, or the translation the ratio predicts for it, is shorter than this many characters"},
  };
  static const RuleInfo kInfo{
      "alignment/length-ratio", Severity::warning, RuleScope::pair, RuleLanguage::any, true,
      "Aligned translation far shorter or longer than the document's own ratio predicts",
      R"(## What it does
Measures the length ratio of the whole translation to the whole source, then
reports aligned sentence pairs whose own ratio is more than `factor` times
smaller or larger than that. Only pairs of a useful length are checked:
the source sentence and the translation the ratio predicts for it must both
reach `min-length` characters, so an English heading of three words
(`Eating and drinking`, some six Chinese characters predicted, `饮食`) is
not, while a Chinese source of 15 characters (some 40 English) is. A short bracketed gloss in the source, at most three words
(`Low blood sugar (hypoglycaemia)` against `低血糖`, `(FBC)`), does not count
when the translation has no bracket at all: it folded the gloss into its term.
A longer bracketed passage still counts.

## Why it matters
A translation that stops half way through a sentence (a truncated segment, a
lost line after a tag) is still aligned with its source, so only its length
gives it away.

## Example
Source `该研究纳入了来自三家医院的四百名患者，随访时间为两年。`
Target `The study enrolled patients.` in a document whose English is usually
2.5 times as long as the Chinese is reported as about a quarter of the
expected length. Free renderings of dialogue ("韦小宝道：…" as a bare quote)
can fall below a third too; raise `factor` for literary text.)", /*explains_its_span=*/false, /*reads_undecoded=*/false, kOptions};
  return kInfo;
}

void LengthRatio::check(const CheckContext& context, FindingSink& out) const {
  const auto pair = alignment_rules::pair_of(context);
  if (!pair) return;
  // Named references, not a structured binding: clang 14 cannot capture bindings in lambdas.
  const Alignment& alignment = pair->alignment;
  const Document& source = pair->source;
  const Document& target = pair->target;
  const double factor = std::max(1.1, context.options.number("alignment/length-ratio.factor"));
  const double min_length = context.options.number("alignment/length-ratio.min-length");
  double source_total = 0, target_total = 0;
  std::vector<std::pair<double, double>> lengths;  // per pair, in order, for the second walk
  alignment_rules::for_each_paired(alignment, [&](Span source_span, Span target_span) {
    lengths.emplace_back(length_of(source, source_span), length_of(target, target_span));
    source_total += lengths.back().first;
    target_total += lengths.back().second;
  });
  // A ratio needs a few pairs to mean anything.
  if (lengths.size() < 3 || source_total <= 0 || target_total <= 0) return;
  const double ratio = target_total / source_total;
  std::size_t pair_index = 0;
  alignment_rules::for_each_paired(alignment, [&](Span source_span, Span target_span) {
    const auto [source_length, target_length] = lengths[pair_index++];
    // Too short for a ratio to mean anything on either side: an English
    // source of 15 letters is three words ("Eating and drinking"), whose
    // translation the ratio puts at five or six characters (饮食 is two).
    if (std::min(source_length, source_length * ratio) < min_length) return;
    // A gloss the translation folded into its term is no length it lost.
    const double folded = folded_glosses(source, source_span, target, target_span);
    const double expected = (source_length - folded > 0 ? source_length - folded : source_length) * ratio;
    const double share = target_length / expected;
    if (share * factor >= 1 && share <= factor) return;
    char percent[32];
    std::snprintf(percent, sizeof percent, "%.0f%%", share * 100);
    Finding finding = make_finding(target, target_span,
                                   std::string("translation is ") + percent +
                                       " of the length the document's ratio predicts" +
                                       (share < 1 ? " (truncated?)" : "") + "; source: \"" +
                                       alignment_rules::quote(source, source_span, 40) + "\"");
    finding.counterpart = alignment_rules::counterpart(source, source_span);
    out.push_back(std::move(finding));
  });
}

}  // namespace tc
