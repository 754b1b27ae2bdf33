#include "rules/alignment/number_mismatch.h"
#include "core/slack.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdint>
#include <optional>
#include <span>

#include "align/align.h"
#include "core/alignment.h"
#include "text/ascii.h"
#include "text/numbers.h"
#include "rules/alignment/number_equivalences.h"
#include "rules/alignment/pair_text.h"

namespace tc {
namespace {

using alignment_rules::DigitRatio;
using alignment_rules::digit_ratios;
using alignment_rules::estimate_ends;
using alignment_rules::implied_numbers;
using alignment_rules::in_numeral_idiom;
using alignment_rules::localised_emergency_number;
using alignment_rules::numbering_before_chinese;
using alignment_rules::section_number_on_chinese_side;
using alignment_rules::once_per_every;
using alignment_rules::second_meaning_next;
using alignment_rules::two_around_interval;

std::vector<NumberMention> numbers_in(const Document& doc, Span span, std::vector<NumberMention>* numbering) {
  return doc.lang == Lang::zh ? find_chinese_numbers(doc.text, span, numbering) : find_english_numbers(doc.text, span, numbering);
}

// Numbers inside reference markers ([3], [2,5-7]) are citations, which
// alignment/carry-over checks; they are not quantities.
// A marker is short: the scan stops after kMaxMarker bytes, or a list of
// thousands of numbers ("1, 2, 3, …") would be rescanned for each of them.
bool in_reference_marker(std::string_view text, Span span) {
  constexpr std::size_t kMaxMarker = 40;
  auto marker_char = [](char c) { return (c >= '0' && c <= '9') || c == ',' || c == '-' || c == ' '; };
  std::size_t before = span.begin;
  const std::size_t floor = span.begin > kMaxMarker ? span.begin - kMaxMarker : 0;
  while (before > floor && marker_char(text[before - 1])) --before;
  std::size_t after = span.end;
  const std::size_t ceiling = std::min(text.size(), span.end + kMaxMarker);
  while (after < ceiling && marker_char(text[after])) ++after;
  return before > 0 && text[before - 1] == '[' && after < text.size() && text[after] == ']';
}

// One side's numbers, sorted for lookup. Comparing every number with every
// other makes a pair full of numbers quadratic; same_number() is a closeness
// test, so the sorted neighbours of the value sought are the only candidates.
class NumberSet {
 public:
  // numbers and more: the values a side implies without writing them as one number.
  NumberSet(std::span<const NumberMention> numbers, std::span<const NumberMention> more) {
    // Sorted and made unique whenever full, then grown only if that left it
    // over half full: a repeat of a few numbers (a file of them has a
    // mention every few bytes) takes the room of its distinct values, not
    // of every mention.
    auto add = [](std::vector<double>& values, double value) {
      if (values.size() == values.capacity() && values.size() >= kCompactFrom) {
        compact(values);
        if (values.size() > values.capacity() / 2) values.reserve(2 * values.capacity());
      }
      values.push_back(value);
    };
    for (const NumberMention& n : numbers) add(n.percent ? percent_ : plain_, n.value);
    for (const NumberMention& n : more) add(n.percent ? percent_ : plain_, n.value);
    for (std::vector<double>* values : {&percent_, &plain_}) {
      compact(*values);
      give_back_slack(*values);
    }
  }

  // The same number, or 44% against 0.44 across percent and plain.
  bool matches(const NumberMention& number) const {
    const double v = number.value;
    auto same = [v](double other) { return same_number(v, other); };
    if (any_near(percent_, v, same) || any_near(plain_, v, same)) return true;
    const std::vector<double>& other_kind = number.percent ? plain_ : percent_;
    return any_near(other_kind, v / 100, [v](double other) { return same_number(v, other * 100); }) ||
           any_near(other_kind, v * 100, [v](double other) { return same_number(v * 100, other); });
  }

 private:
  static constexpr std::size_t kCompactFrom = 1024;
  static void compact(std::vector<double>& values) {
    std::sort(values.begin(), values.end());
    values.erase(std::unique(values.begin(), values.end()), values.end());
  }
  template <typename Same>
  static bool any_near(const std::vector<double>& values, double key, Same same) {
    const auto at = static_cast<std::size_t>(std::lower_bound(values.begin(), values.end(), key) - values.begin());
    for (std::size_t i = at >= 2 ? at - 2 : 0; i < std::min(values.size(), at + 2); ++i)
      if (same(values[i])) return true;
    return false;
  }
  std::vector<double> percent_;
  std::vector<double> plain_;
};

// A digit-written, strong mention: what a changed repeat is looked for among.
bool counts_as_digit(const NumberMention& n) { return !n.spelled && !n.weak && !n.percent && !std::isnan(n.value); }

// The distinct values of the digit-written, strong mentions, ascending, and
// how many mentions have each. Sorted arrays, not a list searched for each
// mention (a sentence of 100,000 distinct numbers took 17 s) nor a map of
// vectors (a node and a vector per value: a hundred bytes a number). Made
// from the mentions' indices sorted by value (32-bit: the caller makes none
// for a text of 4 GiB or more), given back when made: one side's at a time.
class DigitCounts {
 public:
  explicit DigitCounts(std::span<const NumberMention> numbers) {
    std::vector<std::uint32_t> order;
    order.reserve(static_cast<std::size_t>(std::count_if(numbers.begin(), numbers.end(), counts_as_digit)));
    for (std::size_t i = 0; i < numbers.size(); ++i)
      if (counts_as_digit(numbers[i])) order.push_back(static_cast<std::uint32_t>(i));
    std::sort(order.begin(), order.end(),
              [&](std::uint32_t a, std::uint32_t b) { return numbers[a].value < numbers[b].value; });
    for (const std::uint32_t i : order) {
      const double value = numbers[i].value;
      if (values_.empty() || values_.back() < value) {
        values_.push_back(value);
        counts_.push_back(0);
      }
      ++counts_.back();
    }
  }
  std::size_t size() const { return values_.size(); }
  double value(std::size_t i) const { return values_[i]; }
  std::size_t count_at(std::size_t i) const { return counts_[i]; }
  std::size_t count(double value) const {
    const auto it = std::lower_bound(values_.begin(), values_.end(), value);
    return it != values_.end() && !(value < *it) ? counts_[static_cast<std::size_t>(it - values_.begin())] : 0;
  }

 private:
  std::vector<double> values_;
  std::vector<std::uint32_t> counts_;
};

// The offsets of the digit-written, strong mentions of one value, in the
// mentions' order, read one at a time (not listed: the changed value of a
// long repeat has a mention every few bytes).
class OffsetsOf {
 public:
  OffsetsOf(std::span<const NumberMention> numbers, double value) : numbers_(numbers), value_(value) { seek(0); }
  std::size_t offset() const { return numbers_[at_].span().begin; }
  void next() { seek(at_ + 1); }

 private:
  void seek(std::size_t from) {
    for (at_ = from; at_ < numbers_.size(); ++at_)
      if (counts_as_digit(numbers_[at_]) && numbers_[at_].value == value_) return;
  }
  std::span<const NumberMention> numbers_;
  double value_;
  std::size_t at_ = 0;
};

// The range ("6–18", "4 to 6", "6 至 18") a mention is an end of, as its two values; {nan, nan} when none.
std::pair<double, double> range_of(const std::string& text, std::span<const NumberMention> numbers, std::size_t i) {
  auto joined = [&](std::size_t a, std::size_t b) {
    if (numbers[b].span().begin < numbers[a].span().end || numbers[b].span().begin - numbers[a].span().end > 5) return false;
    std::string between = text.substr(numbers[a].span().end, numbers[b].span().begin - numbers[a].span().end);
    std::erase(between, ' ');
    return between == "-" || between == "\xE2\x80\x93" || between == "~" || between == "to" || between == "\xE8\x87\xB3" ||
           between == "\xE5\x88\xB0";  // - – ~ to 至 到
  };
  if (i + 1 < numbers.size() && joined(i, i + 1)) return {numbers[i].value, numbers[i + 1].value};
  if (i > 0 && joined(i - 1, i)) return {numbers[i - 1].value, numbers[i].value};
  return {std::nan(""), std::nan("")};
}

// A digit changed into another number the sentence already holds ("4 doses
// at 2, 4 and 6 months" with one 4 written 6): the same numbers, but one
// value once fewer and another once more. The changed mention is, among the
// target's mentions of the surplus value not ending a range the source has
// too, the one left over when the others are matched in order to the
// source's mentions of that value by relative position.
struct ChangedRepeat {
  double was = 0, now = 0;
  std::size_t begin = 0;  // offset of the changed mention in the target
};
std::optional<ChangedRepeat> changed_repeat(const Document& source_doc, std::span<const NumberMention> source_numbers,
                                            Span source_span, const Document& target_doc,
                                            std::span<const NumberMention> target_numbers, Span target_span) {
  if (source_doc.text.size() > UINT32_MAX || target_doc.text.size() > UINT32_MAX) return std::nullopt;  // 32-bit offsets
  const DigitCounts source(source_numbers), target(target_numbers);
  ChangedRepeat change;
  std::size_t count = 0;  // the target's mentions of the surplus value
  int deficits = 0, surpluses = 0;
  for (std::size_t i = 0; i < source.size(); ++i) {
    const double value = source.value(i);
    const std::size_t in_source = source.count_at(i);
    const std::size_t in_target = target.count(value);
    if (in_target + 1 == in_source) ++deficits, change.was = value;
    else if (in_target != in_source && in_target != in_source + 1) return std::nullopt;
  }
  for (std::size_t i = 0; i < target.size(); ++i) {
    const double value = target.value(i);
    const std::size_t in_target = target.count_at(i);
    const std::size_t in_source = source.count(value);
    if (in_source + 1 == in_target && in_source > 0) {
      ++surpluses, change.now = value, count = in_target;
    } else if (in_source != in_target && in_source != in_target + 1) {
      return std::nullopt;
    }
  }
  if (deficits != 1 || surpluses != 1 || count == 0) return std::nullopt;
  // A mention that ends a range the source has too ("6–18" on both sides) is
  // not the changed one. The source's ranges are sorted once and each target
  // mention is looked up by its offset, so a repeat of thousands of mentions
  // is not rescanned for each of them.
  std::vector<std::pair<double, double>> source_ranges;
  for (std::size_t i = 0; i < source_numbers.size(); ++i) {
    const auto range = range_of(source_doc.text, source_numbers, i);
    if (!std::isnan(range.first)) source_ranges.push_back(range);
  }
  std::sort(source_ranges.begin(), source_ranges.end());
  // The first target mention at an offset: the mentions are in text order
  // unless list numbers were added after them; then an index of (offset,
  // mention) pairs, sorted, is made.
  auto by_begin = [](const NumberMention& a, const NumberMention& b) { return a.span().begin < b.span().begin; };
  const bool in_order = std::is_sorted(target_numbers.begin(), target_numbers.end(), by_begin);
  std::vector<std::pair<std::size_t, std::size_t>> target_index;
  if (!in_order) {
    target_index.reserve(target_numbers.size());
    for (std::size_t i = 0; i < target_numbers.size(); ++i) target_index.push_back({target_numbers[i].span().begin, i});
    std::sort(target_index.begin(), target_index.end());
  }
  auto first_mention_at = [&](std::size_t offset) -> std::optional<std::size_t> {
    if (in_order) {
      NumberMention key;
      key.set_span({offset, offset});
      const auto it = std::lower_bound(target_numbers.begin(), target_numbers.end(), key, by_begin);
      if (it == target_numbers.end() || it->span().begin != offset) return std::nullopt;
      return static_cast<std::size_t>(it - target_numbers.begin());
    }
    const auto it = std::lower_bound(target_index.begin(), target_index.end(), std::pair<std::size_t, std::size_t>{offset, 0});
    if (it == target_index.end() || it->first != offset) return std::nullopt;
    return it->second;
  };
  auto in_shared_range = [&](std::size_t offset) {
    const std::optional<std::size_t> at = first_mention_at(offset);
    if (!at) return false;
    const auto range = range_of(target_doc.text, target_numbers, *at);
    return !std::isnan(range.first) && std::binary_search(source_ranges.begin(), source_ranges.end(), range);
  };
  // Dropping target mention `drop` pairs the mentions before it with the
  // source's in order (t with t) and those after it one place back (t with
  // t - 1); the cost is the sum of their distances in relative position. Both
  // positions are put over the common denominator of the two spans' sizes, so
  // the sums are exact integers: prefix sums of the first difference and
  // suffix sums of the second give each candidate's cost at once, and equal
  // costs are equal (the first such candidate wins).
  using Wide = unsigned __int128;  // a distance is below 2^64; a sum of many is not
  const std::size_t target_scale = source_span.size() ? source_span.size() : 1;
  const std::size_t source_scale = target_span.size() ? target_span.size() : 1;
  auto scaled = [](std::size_t offset, Span span, std::size_t scale) -> Wide {
    return span.size() ? Wide(offset - span.begin) * scale : 0;
  };
  auto distance = [](Wide a, Wide b) { return a > b ? a - b : b - a; };
  // The surplus value's mentions in the target (count of them) and in the
  // source (one fewer), each side's read in order.
  Wide kept_after = 0;
  {
    OffsetsOf now_at(target_numbers, change.now), was_at(source_numbers, change.now);
    now_at.next();
    for (std::size_t t = 1; t < count; ++t, now_at.next(), was_at.next())
      kept_after += distance(scaled(now_at.offset(), target_span, target_scale), scaled(was_at.offset(), source_span, source_scale));
  }
  Wide kept_before = 0;
  std::optional<Wide> best_cost;
  OffsetsOf now_at(target_numbers, change.now), was_at(source_numbers, change.now);
  std::size_t previous_now = 0;  // the target's mention before drop
  for (std::size_t drop = 0; drop < count; ++drop, now_at.next()) {
    const std::size_t now = now_at.offset();
    if (drop > 0) {
      kept_before += distance(scaled(previous_now, target_span, target_scale), scaled(was_at.offset(), source_span, source_scale));
      kept_after -= distance(scaled(now, target_span, target_scale), scaled(was_at.offset(), source_span, source_scale));
      was_at.next();
    }
    previous_now = now;
    if (in_shared_range(now)) continue;
    const Wide cost = kept_before + kept_after;
    if (!best_cost || cost < *best_cost) best_cost = cost, change.begin = now;
  }
  if (!best_cost) return std::nullopt;
  return change;
}

// A Chinese count that sums up the list just before it in its clause ("A、B 和 C
// 三种检查", "甲和乙两种风格"): the number is the length of the list, which the
// English names item by item without a number ("the checks implied by A, B
// and C", "both X and Y styles"). Only a count of kinds or items, and only
// when the list joined by 、 and one 和/与/及/或 has exactly that many items.
bool sums_up_list_before(std::string_view text, Span span, const NumberMention& n) {
  if (!n.spelled || n.percent || n.fraction || n.value < 2 || n.value > 10) return false;
  static constexpr std::string_view kItemWords[] = {"种", "类", "项", "个", "者", "方面", "样", "部分", "種", "類", "項", "個", "樣"};
  const std::string_view numeral = text.substr(n.span().begin, n.span().size());
  const std::string_view after = text.substr(n.span().end, std::min<std::size_t>(span.end - n.span().end, 8));
  const bool counts_items = std::any_of(std::begin(kItemWords), std::end(kItemWords), [&](std::string_view w) {
    return after.starts_with(w) || numeral.ends_with(w);
  });
  if (!counts_items) return false;
  // Back to the clause's start: the list may run over a line break, not over ，。；：.
  std::string_view before = text.substr(span.begin, n.span().begin - span.begin);
  for (std::string_view stop : {"，", "。", "；", "：", "！", "？"}) {
    const std::size_t at = before.rfind(stop);
    if (at != std::string_view::npos) before.remove_prefix(at + stop.size());
  }
  auto count = [&](std::string_view word) {
    std::size_t found = 0;
    for (std::size_t at = before.find(word); at != std::string_view::npos; at = before.find(word, at + word.size())) ++found;
    return found;
  };
  const std::size_t joins = count("和") + count("与") + count("與") + count("及") + count("或");
  return joins == 1 && count("、") + 2 == static_cast<std::size_t>(n.value);
}

// "a second time", "a third attempt": an ordinal after the indefinite article
// says "another" (再次, 又一), not a place in a sequence, so a translation
// without the number is no omission. ("the second dose" keeps its number, and
// "a third" as a fraction is no ordinal.)
bool ordinal_meaning_another(std::string_view text, const NumberMention& n) {
  if (!n.spelled || n.fraction || n.percent) return false;
  static constexpr std::string_view kOrdinals[] = {"second", "third",   "fourth", "fifth", "sixth",
                                                   "seventh", "eighth", "ninth",  "tenth"};
  std::string word(text.substr(n.span().begin, n.span().size()));
  std::transform(word.begin(), word.end(), word.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (std::find(std::begin(kOrdinals), std::end(kOrdinals), word) == std::end(kOrdinals)) return false;
  const std::string_view before = text.substr(0, n.span().begin);
  if (!before.ends_with("a ") && !before.ends_with("A ")) return false;
  return before.size() == 2 || !std::isalpha(static_cast<unsigned char>(before[before.size() - 3]));
}

// A mention that is an end of a ratio whose value the other side has.
bool ratio_matched(std::span<const DigitRatio> ratios, std::size_t index, const NumberSet& other) {
  return std::any_of(ratios.begin(), ratios.end(), [&](const DigitRatio& r) {
    return (r.first == index || r.second == index) && other.matches(r.fraction);
  });
}

// An estimate (三五天) whose ends the other side names ("three to five days").
bool estimate_matched(const Document& doc, const NumberMention& n, const NumberSet& other) {
  const auto [low, high] = estimate_ends(doc, n);
  if (low <= 0) return false;
  NumberMention end = n;
  end.value = low;
  if (other.matches(end)) return true;
  end.value = high;
  return other.matches(end);
}

// The number as written, with its normalised value when that reads differently: 百分之四十四点二 (44.2%).
std::string quoted(const Document& doc, const NumberMention& number) {
  const std::string written = doc.text.substr(number.span().begin, number.span().size());
  const std::string value = format_number(number);
  return written == value ? written : written + " (" + value + ")";
}

// A long string of digits written in groups (a phone number): 020 8765 4321,
// 020-8765-4321, +86 (0)20 3456 7890. Its digits, joined, with the trunk
// prefix "(0)" left out.
struct DigitRun {
  Span span;
  std::string digits;
};

std::vector<DigitRun> digit_runs(std::string_view text, Span span) {
  constexpr std::size_t kMinDigits = 7;  // shorter runs are amounts, years, ranges
  auto is_digit = [](char c) { return c >= '0' && c <= '9'; };
  std::vector<DigitRun> runs;
  for (std::size_t pos = span.begin; pos < span.end;) {
    if (!is_digit(text[pos]) || (pos > span.begin && (is_digit(text[pos - 1]) || text[pos - 1] == '.'))) {
      ++pos;
      continue;
    }
    DigitRun run{{pos, pos}, {}};
    while (pos < span.end) {
      const char c = text[pos];
      if (is_digit(c)) {
        run.digits += c;
        run.span.end = ++pos;
      } else if (text.substr(pos, 3) == "(0)") {
        pos += 3;
      } else if ((c == ' ' || c == '-' || c == '(' || c == ')') && pos + 1 < span.end &&
                 (is_digit(text[pos + 1]) || text[pos + 1] == '(')) {
        ++pos;
      } else {
        break;
      }
    }
    if (pos < span.end && text[pos] == '.' && pos + 1 < span.end && is_digit(text[pos + 1])) continue;  // a decimal
    if (run.digits.size() >= kMinDigits) runs.push_back(std::move(run));
  }
  return runs;
}

// Drops the mentions of missing and extra that lie in a run of digits the
// other side writes with the same digits grouped otherwise.
void drop_regrouped_digits(std::string_view source_text, Span source_span, std::string_view target_text, Span target_span,
                           std::vector<const NumberMention*>& missing, std::vector<const NumberMention*>& extra) {
  const std::vector<DigitRun> source_runs = digit_runs(source_text, source_span);
  if (source_runs.empty()) return;
  const std::vector<DigitRun> target_runs = digit_runs(target_text, target_span);
  for (const DigitRun& from : source_runs)
    for (const DigitRun& to : target_runs) {
      if (from.digits != to.digits) continue;
      auto inside = [](const Span& run) {
        return [&run](const NumberMention* n) { return n->span().begin >= run.begin && n->span().end <= run.end; };
      };
      std::erase_if(missing, inside(from.span));
      std::erase_if(extra, inside(to.span));
    }
}

}  // namespace

const RuleInfo& NumberMismatch::info() const {
  static const RuleInfo kInfo{
      "alignment/number-mismatch", Severity::error, RuleScope::pair, RuleLanguage::any, true,
      "A number differs between a sentence and its translation",
      R"doc(## What it does
Compares the numbers of each aligned sentence pair after normalising both
sides: Chinese numerals with 万 and 亿 (2万 = 20,000), 百分之四十四点二 =
44.2%, 三分之一 = 1/3 = "a third", full-width digits, a decimal point that
starts a number after a space or comparison ("P = .02" = 0.02), dates
(10/14/2026, and 14.10.2026 as day, month and a four-digit year), and English number
words ("ten", "one in every two", "twenty-five"), ordinals and counts
("second", 第二, "twice", 两倍, 一次). A number written in digits on one side
that has no equal on the other side is reported with both values; a digit
on one side and a word on the other match (`2 doses` = 两剂). A digit
changed into a number the sentence already holds (`4 doses at 2 months, 4
months and 4–6 years` against `... 6–6 岁 ...`) leaves the same numbers on
both sides but one written once more and another once less: that is
reported too, at the mention without a counterpart (not an end of a range
the source has as well; else by its place in the sentence).

Numbers in words are reported when they count something: followed by a
measure word in Chinese (两年, 第三剂, 两倍, 三次) or a unit noun in English
("three years", "second dose"), and "twice". So "three years" against 两年,
"second dose" against 第一剂 and "twice" against 一次 are caught. Other
number words (一, "one", "half", 一些, 一般, 一起, 统一, 第一时间, "one of",
"at once", "no one", "first of all") count when they match but are never
reported, because they are usually ordinary words; a count of one (一个,
"one dose") is not reported either, since 一个 is also just "a". A Chinese
count of kinds or items that sums up the list just before it (`A、B 和 C
三种检查` for "the checks implied by A, B and C") is the list's length, not
a number the other side lacks, and nor is an ordinal after "a" that
means "another" ("a second time" against 再次). Digits written as a ratio
("1 in 10", "3 out of 4") match a Chinese fraction (十分之一); words that
imply a number match it (半年 "six months", 半小时 "30 minutes", 千分之一 "1
in 1,000", "a decade" 十年, "in triplicate" 一式三份, 八十年代 "the 1980s",
民国二十六年 (民國113年) "1937" ("2024"), "midnight" 午夜12点 and "noon"
中午12点 (and 午夜 "12 midnight"),
"tripled" 增加了两倍,
and a rise by N times after a verb of rising, N + 1 times the old value:
"twice as fast" 提高了一倍, "three times as many" 增加了两倍 (only where the
Chinese says 倍);
半个月 "two weeks" only when the other side says weeks); 第二天 is "the next day"
when the other side says next or following of the same unit (第二周 "the
following week", 第二天早上 "until morning"); and 两 with a count of events
before an interval in its clause (两次服药间隔至少4小时) counts the two events
around it ("4 hours apart"). A one before 次 in a clause with 每 (每8小时1次)
is "every 8 hours" when every or each comes before a number or a period.
An estimate of two neighbouring numerals (三四天, 二三十, 三五天, 十八九) matches
either end ("three or four days", "twenty or thirty", "three to five"); a
year (二〇二三) holds none. A numeral in a listed four-character idiom
(三番五次, 三天两头, 十有九次) is no count; the same shape elsewhere (三岁两个月,
两片一次, 三月五日) is.
An emergency number after a verb of calling ("call 9-1-1") is localised
when the other side names the service in words (拨打急救电话) or by another
country's number (拨打120; 119, 110 and 122 only where the Chinese names
fire, police or a road accident); 119 against 120 is a real change.

List and section numbering is not a quantity: "1." or "2)" or "3、" (or
"6." with Chinese right after it, "6.片厂") or
"（一）" at the start of a line, and 第一部分, 第二章, 第三节 (and so "section
3" or "chapter 2" against 第三节 or 第2章). In a unit of a
translation file that is numbered on both sides, the list numbers are
compared too ("(2)" against "(3)").

A long run of digits written in other groups on the other side, as phone
numbers are (`020 8765 4321` against `020-87654321`, `+86 (0)20 3456 7890`
against `+86 20 34567890`), is the same number when its digits are.

A number missing from a bead that a sentence right next to it holds, where
that sentence has no counterpart (the translation ended a sentence at ；
where the source went on, and the aligner kept the second part apart), is
not reported: alignment/addition or alignment/omission reports that part.

## Why it matters
A wrong dose, date, percentage or amount is a factual error that reads
perfectly well; reviewers miss it because they check the language, not the
figures.

## Example
Source `有效率为44.2%。` Target `The efficacy was 42.2%.` is reported as
`number 44.2% in the source became 42.2% in the translation`.

## Options
None.)doc"};
  return kInfo;
}

void NumberMismatch::check(const CheckContext& context, FindingSink& out) const {
  const auto pair = alignment_rules::pair_of(context);
  if (!pair) return;
  // Named references, not a structured binding: clang 14 cannot capture bindings in lambdas.
  const Alignment& alignment = pair->alignment;
  const Document& source = pair->source;
  const Document& target = pair->target;
  // The aligner's mentions of each sentence, when the engine kept them for
  // this alignment (kAlignmentNumbersKey): a side of one sentence has those
  // found over the same span, not looked for again.
  const AlignmentNumbers* kept = nullptr;
  if (context.memo && !context.units) {
    const auto& memo = context.memo->get<AlignmentNumbers>(kAlignmentNumbersKey, [] { return AlignmentNumbers{}; });
    if (memo.source.sentences() == alignment.source_sentences.size() &&
        memo.target.sentences() == alignment.target_sentences.size())
      kept = &memo;
  }
  // A side's mentions in a bead: the aligner's of its one sentence when it
  // kept them, viewed and not copied (a sentence of a million numbers held
  // them twice), else found again.
  struct BeadNumbers {
    bool from_aligner = false;
    std::span<const NumberMention> kept;  // the aligner's, when from_aligner
    std::vector<NumberMention> found;
  };
  auto numbers_of = [&](const Document& doc, Span span, const SentenceRun& sentences,
                        const SentenceNumbers* aligner, std::vector<NumberMention>* numbering) {
    BeadNumbers numbers;
    numbers.from_aligner = aligner && sentences.size() == 1;
    if (numbers.from_aligner) numbers.kept = aligner->of(sentences.front());
    else numbers.found = numbers_in(doc, span, numbering);
    return numbers;
  };
  // Digits the reader masked are no quantities: "%2$s" in a PO message, a
  // URL; nor are those in a reference marker. The kept mentions are copied
  // only when some of them are not quantities.
  auto quantities = [](const Document& doc, BeadNumbers& numbers) -> std::span<const NumberMention> {
    auto not_quantity = [&](const NumberMention& n) { return in_reference_marker(doc.text, n.span()) || doc.is_masked(n.span().begin); };
    if (numbers.from_aligner) {
      if (std::none_of(numbers.kept.begin(), numbers.kept.end(), not_quantity)) return numbers.kept;
      numbers.found.assign(numbers.kept.begin(), numbers.kept.end());
    }
    std::erase_if(numbers.found, not_quantity);
    return numbers.found;
  };
  alignment_rules::for_each_paired_bead(alignment, [&](const Bead& bead, Span source_span, Span target_span) {
    // A translation file's unit is one text: its list numbers ("(2) Extension of…")
    // are part of it, and both sides number the same item. (In a page the
    // aligner may pair a heading's number with another one; there they are left out.)
    std::vector<NumberMention> source_numbering, target_numbering;
    BeadNumbers source_mentions = numbers_of(source, source_span, bead.source, kept ? &kept->source : nullptr,
                                             context.units ? &source_numbering : nullptr);
    BeadNumbers target_mentions = numbers_of(target, target_span, bead.target, kept ? &kept->target : nullptr,
                                             context.units ? &target_numbering : nullptr);
    if (!source_numbering.empty() && !target_numbering.empty()) {
      // (Numbering is found only with the mentions, never beside kept ones.)
      source_mentions.found.insert(source_mentions.found.end(), source_numbering.begin(), source_numbering.end());
      target_mentions.found.insert(target_mentions.found.end(), target_numbering.begin(), target_numbering.end());
    }
    const std::span<const NumberMention> source_numbers = quantities(source, source_mentions);
    const std::span<const NumberMention> target_numbers = quantities(target, target_mentions);
    std::vector<const NumberMention*> missing, extra;
    // Each side's set holds its numbers, the ratios its digits make ("1 in
    // 10" = 0.1) and the numbers its words imply (半年 = 6 months); only the
    // numbers themselves are reported.
    const std::vector<DigitRatio> source_ratios = digit_ratios(source.text, source_numbers);
    const std::vector<DigitRatio> target_ratios = digit_ratios(target.text, target_numbers);
    auto implied = [](const Document& doc, Span span, std::span<const NumberMention> numbers, std::span<const DigitRatio> ratios,
                      const Document& other, Span other_span) {
      const std::string other_lower = to_lower_ascii(std::string_view(other.text).substr(other_span.begin, other_span.size()));
      std::vector<NumberMention> more = implied_numbers(doc, span, numbers, other_lower);
      for (const DigitRatio& r : ratios) more.push_back(r.fraction);
      return more;
    };
    // (Looked for only when the other side has a number its plain numbers
    // leave unmatched: most beads need no more.)
    auto unmatched = [](std::span<const NumberMention> numbers, const NumberSet& other, bool target_side) {
      return std::any_of(numbers.begin(), numbers.end(), [&](const NumberMention& n) {
        return !n.weak && (!target_side || !n.spelled || n.counted) && !other.matches(n);
      });
    };
    std::vector<NumberMention> source_more, target_more;
    if (!source_numbers.empty() || !target_numbers.empty()) {
      const NumberSet source_plain(source_numbers, {});
      const NumberSet target_plain(target_numbers, {});
      if (unmatched(target_numbers, source_plain, true)) source_more = implied(source, source_span, source_numbers, source_ratios, target, target_span);
      if (unmatched(source_numbers, target_plain, false)) target_more = implied(target, target_span, target_numbers, target_ratios, source, source_span);
    }
    const NumberSet source_set(source_numbers, source_more);
    const NumberSet target_set(target_numbers, target_more);
    // 表达式1 against EXPR1: digits ending a name on one side stand for the
    // name's digits on the other (the other side's names are read only for a
    // number that has no match), and so does the next name of a series both have.
    std::optional<std::vector<double>> source_names, target_names;
    auto names_other_side = [](const Document& doc, Span span, const NumberMention& n, const Document& other, Span other_span,
                               std::optional<std::vector<double>>& names) {
      if (!name_index_after_word(doc.text, span, n)) return false;
      if (!names) names = find_name_indexes(other.text, other_span);
      auto has = [](const std::vector<double>& values, double value) {
        return std::any_of(values.begin(), values.end(), [&](double v) { return same_number(v, value); });
      };
      if (has(*names, n.value)) return true;
      // One more example of a series both sides write (g1,g2,..,gN against
      // 组1,组2,组3,...,组N): the name before it is on both sides.
      return n.value >= 2 && has(*names, n.value - 1) && has(find_name_indexes(doc.text, span), n.value - 1);
    };
    for (std::size_t i = 0; i < source_numbers.size(); ++i) {
      const NumberMention& n = source_numbers[i];
      if (!n.weak && !target_set.matches(n) && !ratio_matched(source_ratios, i, target_set) &&
          !sums_up_list_before(source.text, source_span, n) && !second_meaning_next(source, n, target, target_span) &&
          !two_around_interval(source, n, source_span) && !localised_emergency_number(source, n, target, target_span) &&
          !once_per_every(source, n, source_span, target, target_span) && !in_numeral_idiom(source, n) &&
          !estimate_matched(source, n, target_set) && !numbering_before_chinese(source, n) &&
          !section_number_on_chinese_side(source, n, target, target_span) &&
          !names_other_side(source, source_span, n, target, target_span, target_names))
        missing.push_back(&n);
    }
    for (std::size_t i = 0; i < target_numbers.size(); ++i) {
      const NumberMention& n = target_numbers[i];
      if (!n.weak && (!n.spelled || n.counted) && !source_set.matches(n) && !ratio_matched(target_ratios, i, source_set) &&
          !sums_up_list_before(target.text, target_span, n) && !second_meaning_next(target, n, source, source_span) &&
          !two_around_interval(target, n, target_span) && !localised_emergency_number(target, n, source, source_span) &&
          !once_per_every(target, n, target_span, source, source_span) && !in_numeral_idiom(target, n) &&
          !estimate_matched(target, n, source_set) && !numbering_before_chinese(target, n) &&
          !section_number_on_chinese_side(target, n, source, source_span) &&
          !names_other_side(target, target_span, n, source, source_span, source_names))
        extra.push_back(&n);
    }
    // A number the aligner left in a sentence without counterpart right next
    // to the bead is not lost: the translation split the sentence there (a
    // Chinese sentence ended at ； where the English went on) and the aligner
    // kept the part apart, which alignment/addition or omission reports.
    auto in_unpaired_neighbour = [&](std::vector<const NumberMention*>& numbers, bool other_is_target) {
      if (numbers.empty()) return;
      const std::size_t index = static_cast<std::size_t>(&bead - alignment.beads.data());
      for (const std::size_t at : {index - 1, index + 1}) {  // index - 1 wraps past the end at 0
        if (at >= alignment.beads.size()) continue;
        const Bead& next = alignment.beads[at];
        const SentenceRun& mine = other_is_target ? next.source : next.target;
        const SentenceRun& theirs = other_is_target ? next.target : next.source;
        if (!mine.empty() || theirs.empty()) continue;
        const Document& doc = other_is_target ? target : source;
        const Span span = alignment_rules::side_span(other_is_target ? alignment.target_sentences : alignment.source_sentences, theirs);
        BeadNumbers found{false, {}, numbers_in(doc, span, nullptr)};
        const std::span<const NumberMention> there = quantities(doc, found);
        if (there.empty()) continue;
        const NumberSet set(there, {});
        std::erase_if(numbers, [&](const NumberMention* n) { return set.matches(*n); });
      }
    };
    in_unpaired_neighbour(missing, /*other_is_target=*/true);
    in_unpaired_neighbour(extra, /*other_is_target=*/false);
    // 020 8765 4321 against 020-87654321: the same phone number, grouped otherwise.
    if (!missing.empty() || !extra.empty()) drop_regrouped_digits(source.text, source_span, target.text, target_span, missing, extra);
    // One changed number on each side: report them as a pair, on the translation.
    if (missing.size() == 1 && extra.size() == 1) {
      Finding finding = make_finding(target, extra[0]->span(),
                                     "number " + quoted(source, *missing[0]) + " in the source became " +
                                         quoted(target, *extra[0]) + " in the translation");
      finding.counterpart = alignment_rules::counterpart(source, source_span);
      out.push_back(std::move(finding));
      return;
    }
    if (missing.empty() && extra.empty()) {
      if (const auto change = changed_repeat(source, source_numbers, source_span, target, target_numbers, target_span)) {
        const auto now = std::find_if(target_numbers.begin(), target_numbers.end(),
                                      [&](const NumberMention& n) { return n.span().begin == change->begin; });
        const auto was = std::find_if(source_numbers.begin(), source_numbers.end(), [&](const NumberMention& n) {
          return !n.spelled && !n.weak && !n.percent && n.value == change->was;
        });
        Finding finding = make_finding(target, now->span(),
                                       "number " + quoted(source, *was) + " in the source became " + quoted(target, *now) +
                                           " in the translation (" + quoted(target, *now) + " is written once more and " +
                                           quoted(source, *was) + " once less than in the source)");
        finding.counterpart = alignment_rules::counterpart(source, source_span);
        out.push_back(std::move(finding));
      }
      return;
    }
    for (const NumberMention* n : missing) {
      // Numbers in words are often rendered freely (三人 "a trio", 十八般武艺
      // "every martial art"): reported missing only as percentages, fractions
      // or counts ("three years", 两剂, "twice").
      if (n->spelled && !n->percent && !n->fraction && !n->counted) continue;
      if (ordinal_meaning_another(source.text, *n)) continue;
      Finding finding = make_finding(source, n->span(),
                                     "number " + quoted(source, *n) + " is not in the translation: \"" +
                                         alignment_rules::quote(target, target_span, 50) + "\"");
      finding.counterpart = alignment_rules::counterpart(target, target_span);
      out.push_back(std::move(finding));
    }
    for (const NumberMention* n : extra) {
      if (ordinal_meaning_another(target.text, *n)) continue;
      Finding finding = make_finding(target, n->span(),
                                     "number " + quoted(target, *n) + " is not in the source: \"" +
                                         alignment_rules::quote(source, source_span, 50) + "\"");
      finding.counterpart = alignment_rules::counterpart(source, source_span);
      out.push_back(std::move(finding));
    }
  });
}

}  // namespace tc
