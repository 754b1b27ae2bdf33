#pragma once
// Numbers in Chinese and English text, normalised to values so both sides
// compare: 44.2% = 百分之四十四点二, 三分之一 = 1/3 = "a third", 2万 = 20,000,
// 四 = 4 = "four", full-width digits = ASCII digits.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/document.h"

namespace tc {

// A mention's bytes in the text the scan was given (absolute offsets), as
// 32-bit offsets: a file full of numbers holds a mention every few bytes.
// The scans look at no text of 4 GiB or more (no input limit lets one in).
struct MentionSpan {
  std::uint32_t begin = 0;
  std::uint32_t end = 0;  // exclusive
  MentionSpan() = default;
  MentionSpan(std::size_t begin, std::size_t end)
      : begin(static_cast<std::uint32_t>(begin)), end(static_cast<std::uint32_t>(end)) {}
  MentionSpan(Span span) : MentionSpan(span.begin, span.end) {}  // NOLINT: implicit on purpose
  operator Span() const { return {begin, end}; }                  // NOLINT
  std::size_t size() const { return end - begin; }
};

struct NumberMention {
  MentionSpan span;
  double value = 0.0;  // 44.2 for "44.2%"; 0.3333 for "a third"
  bool percent = false;
  bool fraction = false;
  bool spelled = false;  // written in words or Chinese numerals, not digits
  // True when the mention is weak evidence: 一 / 两 / "one" / "a third" can be
  // ordinary words ("一样", "one of them").
  bool weak = false;
  // Written in words and counting something: followed by a measure word or a
  // unit noun (两年, 第三剂, 一次 / "three years", "second dose", "twice"), so
  // strong enough to report, unlike a lone "one" or 一些.
  bool counted = false;
  // A word that stands for a number only in how Chinese renders it ("both"
  // 两者, "single-byte" 单字节, 双 "double", "tenths of" 0.1): weak, and no
  // number at all for the aligner, which reads it as the word it is.
  bool rendering = false;
  // After the flags, so that they share one word: a file full of numbers
  // holds a mention every few bytes (24 bytes, not 32 with a double here).
  // The value was multiplied by 10 to this power (万 4, 亿 8, "million" 6).
  std::uint8_t scale_power = 0;
  // The 万 / 亿 / "million" the value was multiplied by.
  double scale() const;
};
static_assert(sizeof(NumberMention) <= 24);

// Mentions inside text[span], in order. List and section numbering ("1.",
// "2)", "（一）", "一、" at the start of a line, 第一部分, 第二章) is not a quantity
// and is left out; the list numbers go to *numbering when it is given.
std::vector<NumberMention> find_chinese_numbers(std::string_view text, Span span,
                                                std::vector<NumberMention>* numbering = nullptr);
std::vector<NumberMention> find_english_numbers(std::string_view text, Span span,
                                                std::vector<NumberMention>* numbering = nullptr);

// Digits that end a name rather than count something: the 1 of ARG1, FILE1,
// g1, COMMANDS-2, and of a Chinese rendering of such a name (表达式1, 参数-2)
// when nothing Chinese follows (so 等待3秒 and 1999年 are quantities). The
// Latin ones are never mentions; the Chinese ones are, and name_index_after_word()
// tells them apart so a pair can match 表达式1 against EXPR1.
std::vector<double> find_name_indexes(std::string_view text, Span span);
bool name_index_after_word(std::string_view text, Span span, const NumberMention& mention);

// True when two values are the same number (tolerant of rounding in the last digit of a fraction).
bool same_number(double a, double b);

// Display form: "44.2%", "20000", "0.333".
std::string format_number(const NumberMention& mention);

}  // namespace tc
