#pragma once
// What alignment/number-mismatch counts as the same number said another way:
// ratios of digits against Chinese fractions, numbers implied by words,
// estimates, numeral idioms, 第二天 as "the next day", list numbering written
// against Chinese text, localised emergency numbers. Each is narrow on
// purpose (tests/rules/alignment/number-mismatch/recall_*.case: real changes
// that must still fire).
#include <cstddef>
#include <span>
#include <string_view>
#include <utility>
#include <vector>

#include "core/document.h"
#include "core/span.h"
#include "text/numbers.h"

namespace tc::alignment_rules {

// Two digit mentions that are one ratio: "1 in 10", "1 in every 5", "3 out
// of 4" (English writes a frequency so, Chinese as a fraction: 十分之一).
struct DigitRatio {
  std::size_t first = 0, second = 0;  // the mentions' indices
  NumberMention fraction;             // numerator / denominator, over both
};
std::vector<DigitRatio> digit_ratios(std::string_view text, std::span<const NumberMention> numbers);

// An estimate of two neighbouring numerals (三四天, 二三十, 十八九): its two ends, {0, 0} when none.
std::pair<double, double> estimate_ends(const Document& doc, const NumberMention& n);

// Values a side states in words without writing them as a number (半年 6, "a
// decade" 10, 千分之一 0.001, an estimate's ends), matched but never reported.
// other_lower: the other side's bead text, lower-cased.
std::vector<NumberMention> implied_numbers(const Document& doc, Span span, std::span<const NumberMention> numbers,
                                           std::string_view other_lower);

// 第二天/第二周/第二年 said "next" or "following" of the same unit on the other side.
bool second_meaning_next(const Document& doc, const NumberMention& n, const Document& other, Span other_span);

// 两 counting the events an interval lies between (两次服药间隔至少4小时).
bool two_around_interval(const Document& doc, const NumberMention& n, Span span);

// 每…1次: "every 8 hours" on the other side.
bool once_per_every(const Document& doc, const NumberMention& n, Span span, const Document& other, Span other_span);

// A numeral inside a listed four-character idiom (三番五次).
bool in_numeral_idiom(const Document& doc, const NumberMention& n);

// A number at a line's start numbering a heading or an item written against Chinese text ("6.片厂").
bool numbering_before_chinese(const Document& doc, const NumberMention& n);

// "section 6" against 第6节: a section number the Chinese side writes as
// numbering (第六章, 第6节), which its mentions leave out.
bool section_number_on_chinese_side(const Document& doc, const NumberMention& n, const Document& other, Span other_span);

// An emergency number after a verb of calling, localised on the other side.
bool localised_emergency_number(const Document& doc, const NumberMention& n, const Document& other, Span other_span);

}  // namespace tc::alignment_rules
