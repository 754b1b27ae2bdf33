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

// A number found in a text. 16 bytes: a file full of numbers holds a
// mention every few bytes, so the value is the one word and its place and
// flags share the other (the offsets are 32-bit: the scans look at no text
// of 4 GiB or more, which no input limit lets in; a mention is under 2 MiB,
// and a longer one, a run of digits no one writes, is left out).
struct NumberMention {
  static constexpr std::size_t kMaxSize = (std::size_t{1} << 21) - 1;
  NumberMention() : percent(false), fraction(false), spelled(false), weak(false), counted(false), rendering(false) {}
  NumberMention(Span span, double value, bool percent, bool fraction, bool spelled, bool weak)
      : value(value), percent(percent), fraction(fraction), spelled(spelled), weak(weak), counted(false), rendering(false) {
    set_span(span);
  }
  // Bytes in the text the scan was given (absolute offsets).
  Span span() const { return {begin_, std::size_t{begin_} + size_}; }
  void set_span(Span span) {
    begin_ = static_cast<std::uint32_t>(span.begin);
    set_end(span.end);
  }
  void set_end(std::size_t end) {
    const std::size_t size = end - begin_;
    too_long_ = size > kMaxSize;
    size_ = too_long_ ? 0 : size;
  }
  // Longer than kMaxSize: the finding functions leave it out.
  bool too_long() const { return too_long_; }

  double value = 0.0;  // 44.2 for "44.2%"; 0.3333 for "a third"

 private:
  std::uint64_t begin_ : 32 = 0;
  std::uint64_t size_ : 21 = 0;
  std::uint64_t too_long_ : 1 = 0;

 public:
  bool percent : 1;
  bool fraction : 1;
  bool spelled : 1;  // written in words or Chinese numerals, not digits
  // True when the mention is weak evidence: 一 / 两 / "one" / "a third" can be
  // ordinary words ("一样", "one of them").
  bool weak : 1;
  // Written in words and counting something: followed by a measure word or a
  // unit noun (两年, 第三剂, 一次 / "three years", "second dose", "twice"), so
  // strong enough to report, unlike a lone "one" or 一些.
  bool counted : 1;
  // A word that stands for a number only in how Chinese renders it ("both"
  // 两者, "single-byte" 单字节, 双 "double", "tenths of" 0.1): weak, and no
  // number at all for the aligner, which reads it as the word it is.
  bool rendering : 1;
  // The value was multiplied by 10 to this power (万 4, 亿 8, "million" 6;
  // at most 9, kPowersOfTen in numbers.cpp).
  std::uint8_t scale_power : 4 = 0;
  // The 万 / 亿 / "million" the value was multiplied by.
  double scale() const;
};
static_assert(sizeof(NumberMention) == 16);

// Mentions inside text[span], in order. List and section numbering ("1.",
// "2)", "（一）", "一、" at the start of a line, 第一部分, 第二章) is not a quantity
// and is left out; the list numbers go to *numbering when it is given.
std::vector<NumberMention> find_chinese_numbers(std::string_view text, Span span,
                                                std::vector<NumberMention>* numbering = nullptr);

// Whether a word that numbers a part of a text (部分, 章, 节, 条, 单元, ...)
// starts at text[pos]: after 第 and a number, section numbering (第三节),
// which find_chinese_numbers leaves out.
bool chinese_section_word_at(std::string_view text, std::size_t pos);
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
