#include "rules/alignment/number_equivalences.h"

#include <algorithm>
#include <cctype>
#include <initializer_list>
#include <string>

#include "core/utf8.h"
#include "text/ascii.h"
#include "text/han.h"

namespace tc::alignment_rules {
namespace {

// Where lower (lower-cased) holds word as a whole word from `from` on, or npos.
std::size_t find_word(std::string_view lower, std::string_view word, std::size_t from = 0) {
  for (std::size_t at = lower.find(word, from); at != std::string_view::npos; at = lower.find(word, at + 1)) {
    const std::size_t end = at + word.size();
    if ((at == 0 || !std::isalpha(static_cast<unsigned char>(lower[at - 1]))) &&
        (end >= lower.size() || !std::isalpha(static_cast<unsigned char>(lower[end]))))
      return at;
  }
  return std::string_view::npos;
}

// The word (letters, or a run of digits) after position `end` of lower, past spaces.
std::string_view word_after(std::string_view lower, std::size_t end) {
  while (end < lower.size() && lower[end] == ' ') ++end;
  std::size_t stop = end;
  const bool digits = stop < lower.size() && std::isdigit(static_cast<unsigned char>(lower[stop]));
  while (stop < lower.size() && (digits ? std::isdigit(static_cast<unsigned char>(lower[stop]))
                                        : std::isalpha(static_cast<unsigned char>(lower[stop]))))
    ++stop;
  return lower.substr(end, stop - end);
}

// Whether lower holds `first` followed by one of `seconds` as the next word.
bool has_word_then(std::string_view lower, std::string_view first, std::initializer_list<std::string_view> seconds) {
  for (std::size_t at = find_word(lower, first); at != std::string_view::npos; at = find_word(lower, first, at + 1)) {
    const std::string_view next = word_after(lower, at + first.size());
    if (std::find(seconds.begin(), seconds.end(), next) != seconds.end()) return true;
  }
  return false;
}

struct EmergencyNumber {
  std::string_view digits;
  int country;
};
constexpr EmergencyNumber kEmergencyNumbers[] = {
    {"911", 1},                                            // North America
    {"999", 2}, {"112", 2}, {"111", 2},                    // United Kingdom (112 Europe-wide)
    {"000", 3},                                            // Australia
    {"110", 4}, {"119", 4}, {"120", 4}, {"122", 4},        // China (kChina)
};
int emergency_country(std::string_view digits) {
  for (const EmergencyNumber& e : kEmergencyNumbers)
    if (e.digits == digits) return e.country;
  return 0;
}
constexpr int kChina = 4;

// A Chinese service number stands for another country's one number only
// where the Chinese text names its service: 120 (medical) always, 119 fire
// (火, 消防), 110 police (警), 122 road accidents (交通, 事故). (如果胸痛，请拨打119
// against "call 911" is the wrong service.)
bool chinese_service_named(std::string_view digits, std::string_view zh_text) {
  auto has = [&](std::string_view w) { return zh_text.find(w) != std::string_view::npos; };
  if (digits == "120") return true;
  if (digits == "119") return has("\xE7\x81\xAB") || has("\xE6\xB6\x88\xE9\x98\xB2");  // 火 消防
  if (digits == "110") return has("\xE8\xAD\xA6");                                        // 警
  if (digits == "122") return has("\xE4\xBA\xA4\xE9\x80\x9A") || has("\xE4\xBA\x8B\xE6\x95\x85");  // 交通 事故
  return false;
}

}  // namespace

std::vector<DigitRatio> digit_ratios(std::string_view text, std::span<const NumberMention> numbers) {
  std::vector<DigitRatio> ratios;
  for (std::size_t i = 0; i + 1 < numbers.size(); ++i) {
    const NumberMention& a = numbers[i];
    const NumberMention& b = numbers[i + 1];
    if (a.spelled || b.spelled || a.percent || b.percent || a.fraction || b.fraction || b.value == 0) continue;
    if (b.span().begin < a.span().end || b.span().begin - a.span().end > 12) continue;
    std::string between = to_lower_ascii(text.substr(a.span().end, b.span().begin - a.span().end));
    if (between != " in " && between != " in every " && between != " out of ") continue;
    NumberMention fraction{{a.span().begin, b.span().end}, a.value / b.value, false, true, false, false};
    ratios.push_back({i, i + 1, fraction});
  }
  return ratios;
}

// An estimate of two neighbouring numerals (三四天 3 or 4, 七八个 7 or 8,
// 二三十 20 or 30, 十五六 15 or 16, 三五天 3 to 5): its two ends; {0, 0}
// when the mention is none. English names both ("three or four days").
std::pair<double, double> estimate_ends(const Document& doc, const NumberMention& n) {
  if (doc.lang != Lang::zh || !n.spelled || n.percent || n.fraction) return {0, 0};
  static constexpr std::u32string_view kDigits = U"零一二三四五六七八九";
  std::u32string chars;
  for (std::size_t pos = n.span().begin; pos < n.span().end;) chars += utf8::next(doc.text, pos);
  auto digit = [](char32_t c) -> int {
    if (c == U'两' || c == U'兩') return 2;
    const std::size_t at = kDigits.find(c);
    return at == std::u32string_view::npos ? -1 : static_cast<int>(at);
  };
  auto unit = [](char32_t c) -> double {
    return c == U'十' ? 10 : c == U'百' ? 100 : c == U'千' ? 1000 : c == U'万' || c == U'萬' ? 10000 : 0;
  };
  // The whole mention is the estimate: XY (三四), 十XY (十五六), N十XY (四十五六)
  // or XY and a unit (二三十, 三四百). Two neighbouring numerals inside a
  // longer number (二〇二三, 一九八九: a year) are no estimate.
  const std::size_t size = chars.size();
  std::size_t i = 0;  // where XY starts
  if (size == 3 && chars[0] == U'十') i = 1;
  else if (size == 4 && digit(chars[0]) > 0 && chars[1] == U'十') i = 2;
  else if (size != 2 && !(size == 3 && unit(chars[2]) > 0)) return {0, 0};
  const int low = digit(chars[i]), high = digit(chars[i + 1]);
  if (low < 1 || high < 1 || !(high == low + 1 || (low == 3 && high == 5))) return {0, 0};
  if (i == 1) return {10.0 + low, 10.0 + high};
  if (i == 2) return {digit(chars[0]) * 10.0 + low, digit(chars[0]) * 10.0 + high};
  if (size == 3) return {low * unit(chars[2]), high * unit(chars[2])};
  return {static_cast<double>(low), static_cast<double>(high)};
}

namespace {

// A verb of rising (提高, 增加, 加快, 快, 多, ...), with its 了 and an
// estimate (约, 近), ends right before pos: 提高了|一倍, 加快了约|2倍.
bool rises_before(std::string_view text, std::size_t pos) {
  std::string_view before = text.substr(0, pos);
  if (before.ends_with("大约") || before.ends_with("将近") || before.ends_with("大約") || before.ends_with("將近")) before.remove_suffix(6);
  else if (before.ends_with("约") || before.ends_with("約") || before.ends_with("近")) before.remove_suffix(3);
  if (before.ends_with("\xE4\xBA\x86")) before.remove_suffix(3);  // 了
  static constexpr std::string_view kRises[] = {
      "\xE6\x8F\x90\xE9\xAB\x98",  // 提高
      "\xE5\xA2\x9E\xE5\x8A\xA0",  // 增加
      "\xE5\xA2\x9E\xE9\x95\xBF",  // 增长
      "\xE4\xB8\x8A\xE5\x8D\x87",  // 上升
      "\xE6\x89\xA9\xE5\xA4\xA7",  // 扩大
      "\xE5\x8A\xA0\xE5\xBF\xAB",  // 加快
      "\xE9\xAB\x98\xE5\x87\xBA",  // 高出
      "\xE5\xA4\x9A\xE5\x87\xBA",  // 多出
      "\xE5\xBF\xAB",                  // 快
      "\xE5\xA4\x9A",                  // 多
      "增長", "擴大",                   // (Traditional, where it differs)
  };
  return std::any_of(std::begin(kRises), std::end(kRises), [&](std::string_view verb) { return before.ends_with(verb); });
}

// 民国 or 民國: the years of the Republic of China count from 1912.
bool is_republic_era(std::string_view two_characters) {
  return two_characters == "\xE6\xB0\x91\xE5\x9B\xBD" || two_characters == "\xE6\xB0\x91\xE5\x9C\x8B";
}

// The word after pos (past one space) compares: "as" (twice as fast), "more",
// or a comparative in -er (faster, higher, larger).
bool comparative_after(std::string_view text, std::size_t pos, std::size_t end) {
  if (pos >= end || text[pos] != ' ') return false;
  std::size_t word_end = ++pos;
  while (word_end < end && std::isalpha(static_cast<unsigned char>(text[word_end]))) ++word_end;
  const std::string word = to_lower_ascii(text.substr(pos, word_end - pos));
  return word == "as" || word == "more" || (word.size() > 3 && word.ends_with("er"));
}

}  // namespace

// Values a side states in words that hold a number without writing it,
// matched by the other side's numbers but never reported themselves:
// 半年 "six months", 半小时 "30 minutes", 半个月 "two weeks", 千分之一 "1 in
// 1,000"; "a decade" 十年 ("four decades" 四十年), "in triplicate" 一式三份,
// 八十年代 "the 1980s", 民国二十六年 "1937", "midnight" 午夜12点, "noon" 中午12点,
// "half an hour" 半小时,
// "tripled" 三倍 or 增加了两倍 (grew by twice itself), and the other way
// 提高了一倍 "twice as fast".
// other_lower: the other side's text, lower-cased (a value that needs a unit
// there to mean the same, two of 半个月 "two weeks", is implied only then).
std::vector<NumberMention> implied_numbers(const Document& doc, Span span, std::span<const NumberMention> numbers,
                                           std::string_view other_lower) {
  std::vector<NumberMention> implied;
  auto add = [&](Span at, double value) { implied.push_back({at, value, false, false, true, true}); };
  const std::string_view text = doc.text;
  if (doc.lang == Lang::zh) {
    for (const NumberMention& n : numbers) {
      if (const auto [low, high] = estimate_ends(doc, n); low > 0) add(n.span(), low), add(n.span(), high);
      // 千分之一 = 0.001 ("1 in 1,000"), 万分之五 = 0.0005: the numerator is
      // the mention, its denominator the word before it.
      if (n.span().begin >= 9 && !n.percent && !n.fraction) {
        const std::string_view before = text.substr(n.span().begin - 9, 9);
        if (before == "\xE5\x8D\x83\xE5\x88\x86\xE4\xB9\x8B") add(n.span(), n.value / 1000);        // 千分之
        else if (before == "万分之" || before == "萬分之") add(n.span(), n.value / 10000);
      }
      // 民国二十六年 (民國113年): a year of the Republic, 1911 + N ("1937").
      if (n.span().begin >= 6 && text.substr(n.span().end, 3) == "\xE5\xB9\xB4" && !n.percent && !n.fraction &&  // 年
          n.value >= 1 && n.value < 200 && is_republic_era(text.substr(n.span().begin - 6, 6)))
        add(n.span(), 1911 + n.value);
      // 八十年代 and 上世纪八十年代: "the 1980s" (本世纪二十年代: "the 2020s").
      if (text.substr(n.span().end, 6) == "\xE5\xB9\xB4\xE4\xBB\xA3" && n.value >= 10 && n.value <= 90 &&  // 年代
          static_cast<int>(n.value) % 10 == 0 && n.value == static_cast<int>(n.value) && !n.percent && !n.fraction)
        add(n.span(), 1900 + n.value), add(n.span(), 2000 + n.value);
      // 提高了一倍 "twice as fast", 增加了两倍 "three times as many": a rise by
      // N times (N倍 after a verb of rising) is N + 1 times the old value.
      if (n.span().end + 3 <= span.end && text.substr(n.span().end, 3) == "\xE5\x80\x8D" && rises_before(text, n.span().begin))  // 倍
        add(n.span(), n.value + 1);
      if (text.substr(n.span().begin, n.span().size()) != "\xE5\x8D\x8A") continue;  // 半
      std::string_view after = text.substr(n.span().end, std::min<std::size_t>(span.end - n.span().end, 9));
      if (after.starts_with("个") || after.starts_with("個")) after.remove_prefix(3);
      if (after.starts_with("\xE5\xB9\xB4")) add(n.span(), 6);  // 年: six months
      else if (after.starts_with("小时") || after.starts_with("钟头") || after.starts_with("小時") || after.starts_with("鐘頭"))
        add(n.span(), 30);  // 30 minutes
      else if (after.starts_with("\xE6\x9C\x88")) {  // 月: 15 days, or two weeks
        add(n.span(), 15);
        if (find_word(other_lower, "weeks") != std::string_view::npos) add(n.span(), 2);
      }
    }
    // 中午 and 正午 "12 noon", 午夜 and 半夜 "12 midnight" (0:00, 24:00).
    for (std::size_t at = text.find("\xE5\x8D\x88", span.begin); at < span.end; at = text.find("\xE5\x8D\x88", at + 3)) {  // 午
      if (at < span.begin + 3) continue;
      const std::string_view before = text.substr(at - 3, 3);
      const Span word{at - 3, at + 3};
      if (before == "\xE4\xB8\xAD" || before == "\xE6\xAD\xA3") add(word, 12);  // 中午, 正午
    }
    for (std::size_t at = text.find("\xE5\xA4\x9C", span.begin); at < span.end; at = text.find("\xE5\xA4\x9C", at + 3)) {  // 夜
      if (at < span.begin + 3) continue;
      const std::string_view before = text.substr(at - 3, 3);
      const Span word{at - 3, at + 3};
      if (before == "\xE5\x8D\x88" || before == "\xE5\x8D\x8A") add(word, 12), add(word, 0), add(word, 24);  // 午夜, 半夜
    }
    return implied;
  }
  // 1937 against 民国二十六年 (where the other side counts years of the Republic).
  if (other_lower.find("\xE6\xB0\x91\xE5\x9B\xBD") != std::string_view::npos ||  // 民国
      other_lower.find("\xE6\xB0\x91\xE5\x9C\x8B") != std::string_view::npos)    // 民國
    for (const NumberMention& n : numbers)
      if (n.value >= 1912 && n.value < 2111 && n.value == static_cast<int>(n.value) && !n.percent && !n.fraction)
        add(n.span(), n.value - 1911);
  // "the 1980s" 八十年代 (where the other side says 年代): the decade in the century.
  if (other_lower.find("\xE5\xB9\xB4\xE4\xBB\xA3") != std::string_view::npos)
    for (const NumberMention& n : numbers)
      if (n.span().end < span.end && text[n.span().end] == 's' && n.value >= 1900 && n.value < 2100 &&
          n.value == static_cast<int>(n.value) && static_cast<int>(n.value) % 10 == 0 && static_cast<int>(n.value) % 100 != 0 && !n.percent && !n.fraction)
        add(n.span(), static_cast<int>(n.value) % 100);
  // English: whole words, compared without case. Most words start with
  // another letter than these words do, and are passed over at that.
  auto is = [](std::string_view word, std::string_view lower) { return equal_ignoring_ascii_case(word, lower); };
  std::size_t pos = span.begin;
  std::string_view previous;
  while (pos < span.end) {
    if (!std::isalpha(static_cast<unsigned char>(text[pos]))) {
      ++pos;
      continue;
    }
    std::size_t end = pos;
    while (end < span.end && std::isalpha(static_cast<unsigned char>(text[end]))) ++end;
    const std::string_view word = text.substr(pos, end - pos);
    const Span at{pos, end};
    const char first = static_cast<char>(std::tolower(static_cast<unsigned char>(word[0])));
    if (first == 'd' && (is(word, "decade") || is(word, "decades"))) {
      add(at, 10);
      // "four decades" 四十年: the count before it, times ten.
      for (const NumberMention& n : numbers)
        if (n.span().end <= pos && n.span().end + 2 >= pos && !n.percent && !n.fraction) add(at, n.value * 10);
    }
    else if (first == 't' && is(word, "triplicate")) add(at, 3);
    else if (first == 'd' && is(word, "duplicate") && is(previous, "in")) add(at, 2);
    else if (first == 'f' && (is(word, "fortnight") || is(word, "fortnights"))) {  // 14 days, or two weeks
      add(at, 14);
      if (other_lower.find("\xE5\x91\xA8") != std::string_view::npos || other_lower.find("\xE6\x98\x9F\xE6\x9C\x9F") != std::string_view::npos)
        add(at, 2);  // 周, 星期
    }
    // "twice as fast" 提高了一倍, "three times as many" 增加了两倍: Chinese
    // may say by how many times the value rose (only where it says 倍).
    else if (first == 't' && (is(word, "twice") || is(word, "times")) && comparative_after(text, end, span.end) &&
             other_lower.find("\xE5\x80\x8D") != std::string_view::npos) {  // 倍
      if (is(word, "twice")) add(at, 1);
      for (const NumberMention& n : numbers)
        if (is(word, "times") && n.span().end <= pos && n.span().end + 2 >= pos && !n.percent && !n.fraction && n.value > 1)
          add(at, n.value - 1);
    }
    // "tripled" against 增加了两倍 (grew by two times) as well as 三倍.
    else if (first == 'd' && is(word, "doubled")) add(at, 2), add(at, 1);
    else if (first == 't' && is(word, "tripled")) add(at, 3), add(at, 2);
    else if (first == 'q' && is(word, "quadrupled")) add(at, 4), add(at, 3);
    // "midnight" 午夜12点 (零点, 24点), "noon" 中午12点.
    else if (first == 'm' && is(word, "midnight")) add(at, 12), add(at, 0), add(at, 24);
    else if ((first == 'n' && is(word, "noon")) || (first == 'm' && is(word, "midday"))) add(at, 12);
    else if (first == 'y' && is(word, "year") && is(previous, "half")) add(at, 6);
    else if (first == 'h' && is(word, "hour") && is(previous, "half")) add(at, 30);
    if (!is(word, "a") && !is(word, "an")) previous = word;
    pos = end;
  }
  return implied;
}

// 第二天, 第二年: "the next day", "the following year". A Chinese ordinal two
// before a unit of time says "next" when the other side says so of the same
// unit: next/following day (or tomorrow), week, month, year.
bool second_meaning_next(const Document& doc, const NumberMention& n, const Document& other, Span other_span) {
  if (doc.lang != Lang::zh || n.value != 2 || n.percent || n.fraction) return false;
  const std::string_view text = doc.text;
  if (n.span().begin < 3 || text.substr(n.span().begin - 3, 3) != "\xE7\xAC\xAC") return false;  // 第
  const std::string_view after = text.substr(n.span().end, std::min<std::size_t>(text.size() - n.span().end, 9));
  const std::string other_text = to_lower_ascii(std::string_view(other.text).substr(other_span.begin, other_span.size()));
  const auto next = [&](std::initializer_list<std::string_view> units) {
    return has_word_then(other_text, "next", units) || has_word_then(other_text, "following", units);
  };
  if (after.starts_with("\xE5\xA4\xA9") || after.starts_with("\xE6\x97\xA5")) {  // 天 日
    // 第二天早上 (上午, 清晨, 一早) "the next morning", which English may say as "until morning".
    const std::string_view rest = after.substr(3);
    const bool morning = rest.starts_with("\xE6\x97\xA9") || rest.starts_with("\xE4\xB8\x8A\xE5\x8D\x88") ||
                         rest.starts_with("\xE6\xB8\x85\xE6\x99\xA8") || rest.starts_with("\xE4\xB8\x80\xE6\x97\xA9");
    if (morning && (has_word_then(other_text, "until", {"morning"}) || has_word_then(other_text, "till", {"morning"}) ||
                    next({"morning"}) || has_word_then(other_text, "tomorrow", {"morning"})))
      return true;
    // "the day after (the operation)", "tomorrow"; "the day after tomorrow" is 后天, not 第二天.
    bool day_after = false;
    for (std::size_t at = find_word(other_text, "day"); at != std::string_view::npos && !day_after;
         at = find_word(other_text, "day", at + 1))
      day_after = word_after(other_text, at + 3) == "after" &&
                  word_after(other_text, other_text.find("after", at + 3) + 5) != "tomorrow";
    const std::size_t tomorrow = find_word(other_text, "tomorrow");
    const bool after_tomorrow = tomorrow != std::string_view::npos && tomorrow >= 6 &&
                                std::string_view(other_text).substr(0, tomorrow).ends_with("after ");
    return next({"day"}) || (tomorrow != std::string_view::npos && !after_tomorrow) || day_after;
  }
  if (after.starts_with("\xE6\x99\x9A") || after.starts_with("\xE5\xA4\x9C"))  // 晚 夜
    return next({"night", "evening"}) || has_word_then(other_text, "tomorrow", {"night", "evening"});
  if (after.starts_with("\xE5\xB9\xB4")) return next({"year"});                                          // 年
  if (after.starts_with("周") || after.starts_with("週") || after.starts_with("个星") || after.starts_with("個星"))
    return next({"week"});                                                                            // 个星期
  if (after.starts_with("个月") || after.starts_with("個月")) return next({"month"});
  return false;
}

// 两次服药间隔至少4小时, 两剂之间间隔: 两 before an interval (间隔) in its
// clause counts the two events the interval lies between, which English
// says without two ("at least 4 hours apart"), as 两…之间 is "between".
bool two_around_interval(const Document& doc, const NumberMention& n, Span span) {
  if (doc.lang != Lang::zh || n.value != 2 || n.percent || n.fraction) return false;
  const std::string_view text = doc.text;
  if (const std::string_view two = text.substr(n.span().begin, n.span().size()); two != "两" && two != "兩") return false;
  // Two events (两次, 两剂, 两针), not two units of time (两小时的间隔: the interval's length).
  const std::string_view counter = text.substr(n.span().end, std::min<std::size_t>(text.size() - n.span().end, 3));
  static constexpr std::string_view kEvents[] = {"次", "剂", "针", "片", "顿", "餐", "粒", "袋", "劑", "針", "頓"};
  if (std::find(std::begin(kEvents), std::end(kEvents), counter) == std::end(kEvents)) return false;
  const std::string_view rest = text.substr(n.span().end, std::min<std::size_t>(span.end - n.span().end, 36));
  std::size_t clause = rest.size();
  for (std::string_view stop : {"\xEF\xBC\x8C", "\xE3\x80\x82", "\xEF\xBC\x9B", "\xEF\xBC\x9A", "\xE3\x80\x81", ",", ";", "\n"})
    clause = std::min(clause, rest.find(stop));  // ，。；：、
  return rest.substr(0, clause).find("间隔") != std::string_view::npos || rest.substr(0, clause).find("間隔") != std::string_view::npos;
}

// 每6～8小时1次, 每12小时1次: "once" per period, which English says with
// "every" alone ("every 6 to 8 hours"). A one before 次 whose clause has 每
// is implied by "every" (or "each") on the other side.
bool once_per_every(const Document& doc, const NumberMention& n, Span span, const Document& other, Span other_span) {
  if (doc.lang != Lang::zh || n.value != 1 || n.percent || n.fraction) return false;
  const std::string_view text = doc.text;
  if (!text.substr(n.span().end).starts_with("\xE6\xAC\xA1")) return false;  // 次
  // Back to the clause's start: 每 must be in it.
  std::string_view before = text.substr(span.begin, n.span().begin - span.begin);
  for (std::string_view stop : {"\xEF\xBC\x8C", "\xE3\x80\x82", "\xEF\xBC\x9B", "\xEF\xBC\x9A", ",", ";"}) {  // ，。；：
    const std::size_t at = before.rfind(stop);
    if (at != std::string_view::npos) before.remove_prefix(at + stop.size());
  }
  if (before.find("\xE6\xAF\x8F") == std::string_view::npos) return false;  // 每
  // "every 8 hours", "each day", "every other day": every or each before a
  // number or a period ("each time" is not once a period).
  const std::string other_text = to_lower_ascii(std::string_view(other.text).substr(other_span.begin, other_span.size()));
  for (std::string_view word : {"every", "each"}) {
    for (std::size_t at = find_word(other_text, word); at != std::string_view::npos; at = find_word(other_text, word, at + 1)) {
      const std::string_view next = word_after(other_text, at + word.size());
      static constexpr std::string_view kPeriods[] = {"hour", "hours", "day", "days", "week", "weeks", "month", "months",
                                                      "year", "morning", "evening", "night", "meal", "other", "two",
                                                      "three", "four", "five", "six", "eight", "twelve", "few"};
      if (!next.empty() && (std::isdigit(static_cast<unsigned char>(next[0])) ||
                            std::find(std::begin(kPeriods), std::end(kPeriods), next) != std::end(kPeriods)))
        return true;
    }
  }
  return false;
}

// 三番五次, 七上八下, 三长两短, 三天两头, 三言两语: a four-character idiom
// with numerals says "again and again", "restless", "misfortune", not a
// count, and English renders it freely. The idioms are listed: the same shape
// is also a real count or date (三岁两个月, 两片一次, 三月五日).
bool in_numeral_idiom(const Document& doc, const NumberMention& n) {
  if (doc.lang != Lang::zh || !n.spelled || n.percent || n.fraction) return false;
  static constexpr std::string_view kIdioms[] = {
      "三番五次", "三天两头", "十有九次", "十有八九", "十之八九", "七上八下", "三长两短", "三言两语", "三心二意",
      "三三两两", "三五成群", "接二连三", "一五一十", "一清二楚", "一干二净", "独一无二", "九死一生", "四面八方",
      "五颜六色", "五花八门", "七嘴八舌", "七手八脚", "七零八落", "横七竖八", "乱七八糟", "四分五裂", "千方百计",
      "千千万万", "千变万化", "千军万马", "万无一失", "一举两得", "一石二鸟", "三令五申", "丢三落四", "说三道四",
      "颠三倒四", "不三不四", "低三下四", "朝三暮四", "半斤八两", "百发百中", "十全十美", "一心一意", "两全其美",
  };
  const std::string_view text = doc.text;
  // An idiom holding the mention: it starts at most nine bytes (three characters) before it.
  const std::size_t from = n.span().begin >= 9 ? n.span().begin - 9 : 0;
  const std::string_view around = text.substr(from, n.span().end + 9 - from);
  for (const std::string_view idiom : kIdioms)
    for (std::size_t at = around.find(idiom); at != std::string_view::npos; at = around.find(idiom, at + 1))
      if (from + at <= n.span().begin && from + at + idiom.size() >= n.span().end) return true;
  return false;
}

// "6.片厂", "1.少数病人…": a number at the start of a line followed by a full
// stop and Chinese text at once numbers a heading or a list item, as "1. " does
// (which the mentions leave out already); Chinese often writes it without the space.
bool numbering_before_chinese(const Document& doc, const NumberMention& n) {
  if (n.spelled || n.percent || n.fraction) return false;
  const std::string_view text = doc.text;
  std::size_t begin = n.span().begin;
  while (begin > 0 && (text[begin - 1] == ' ' || text[begin - 1] == '\t')) --begin;
  if (begin > 0 && text[begin - 1] != '\n') return false;
  std::string_view after = text.substr(n.span().end, 6);
  if (after.starts_with(".")) after.remove_prefix(1);
  else if (after.starts_with("\xEF\xBC\x8E")) after.remove_prefix(3);  // ．
  else return false;
  if (after.size() < 3) return false;
  const auto lead = static_cast<unsigned char>(after[0]);
  return lead >= 0xE4 && lead <= 0xE9 && utf8::three_bytes_at(after, 0) && is_han(utf8::three_byte_code_point(after, 0));
}

// "listed in section 6" against 第6节所列: Chinese numbers sections and
// chapters with 第 (第6节, 第六章, 第二部分), which is numbering, not a
// quantity, and left out of its mentions; the English number after
// "section", "chapter", "part"… is the same numbering when the Chinese side
// has it so.
bool section_number_on_chinese_side(const Document& doc, const NumberMention& n, const Document& other, Span other_span) {
  if (doc.lang != Lang::en || other.lang != Lang::zh || n.spelled || n.percent || n.fraction) return false;
  const std::string_view text = doc.text;
  std::size_t end = n.span().begin;
  while (end > 0 && text[end - 1] == ' ') --end;
  std::size_t begin = end;
  while (begin > 0 && std::isalpha(static_cast<unsigned char>(text[begin - 1]))) --begin;
  if (begin == end) return false;
  const std::string word = to_lower_ascii(text.substr(begin, end - begin));
  static constexpr std::string_view kSectionWords[] = {"section", "sections", "chapter", "chapters", "part", "parts",
                                                       "step", "steps", "article", "articles", "clause", "lesson", "unit", "volume"};
  if (std::find(std::begin(kSectionWords), std::end(kSectionWords), word) == std::end(kSectionWords)) return false;
  // 第 then the number in digits or a Chinese numeral, then a word that numbers a part.
  const std::string_view other_text = std::string_view(other.text).substr(other_span.begin, other_span.size());
  constexpr std::string_view kOrdinal = "\xE7\xAC\xAC";  // 第
  for (std::size_t at = other_text.find(kOrdinal); at != std::string_view::npos; at = other_text.find(kOrdinal, at + 1)) {
    const std::size_t number_begin = at + kOrdinal.size();
    for (std::size_t number_end = number_begin + 1; number_end <= other_text.size() && number_end <= number_begin + 12; ++number_end) {
      if (!chinese_section_word_at(other_text, number_end)) continue;
      // The number alone, read without the 第 and the section word around it.
      const std::string number(other_text.substr(number_begin, number_end - number_begin));
      const auto values = find_chinese_numbers(number, {0, number.size()});
      if (values.size() == 1 && values[0].span().begin == 0 && values[0].span().end == number.size() &&
          same_number(values[0].value, n.value))
        return true;
      break;
    }
  }
  return false;
}

// "call 9-1-1" against 拨打急救电话 (or 拨打120): an emergency number after a
// verb of calling is localised, not translated, when the other side names an
// emergency service by a word for it or by another country's number. One
// country's number against another of the same country (火警 119 against
// "call 120") is a real change.
bool localised_emergency_number(const Document& doc, const NumberMention& n, const Document& other, Span other_span) {
  const std::string_view text = doc.text;
  std::size_t begin = n.span().begin, end = n.span().end;
  auto digit = [&](std::size_t at) { return at < text.size() && text[at] >= '0' && text[at] <= '9'; };
  while (begin >= 2 && text[begin - 1] == '-' && digit(begin - 2)) begin -= 2;  // 9-1-1
  while (begin >= 1 && digit(begin - 1)) --begin;
  while (end + 1 < text.size() && text[end] == '-' && digit(end + 1)) end += 2;
  while (digit(end)) ++end;
  std::string number;
  for (std::size_t i = begin; i < end; ++i)
    if (text[i] != '-') number += text[i];
  const int country = emergency_country(number);
  if (country == 0) return false;
  const std::string before = to_lower_ascii(text.substr(begin >= 16 ? begin - 16 : 0, begin >= 16 ? 16 : begin));
  static constexpr std::string_view kCalls[] = {"call", "dial", "phone", "ring", "\xE6\x8B\xA8\xE6\x89\x93",  // 拨打
                                                "\xE8\x87\xB4\xE7\x94\xB5", "\xE6\x8B\xA8"};             // 致电 拨
  auto trimmed = std::string_view(before);
  while (!trimmed.empty() && trimmed.back() == ' ') trimmed.remove_suffix(1);
  if (std::none_of(std::begin(kCalls), std::end(kCalls), [&](std::string_view verb) { return trimmed.ends_with(verb); }))
    return false;
  // The other side's emergency numbers (digits standing alone, 9-1-1 read as 911).
  const std::string other_text = to_lower_ascii(std::string_view(other.text).substr(other_span.begin, other_span.size()));
  // Chinese text the number stands in: its clause (back to 。 or a line start, at most 60 bytes).
  std::string_view clause = text.substr(begin >= 60 ? begin - 60 : 0, begin >= 60 ? 60 : begin);
  for (std::string_view stop : {"\xE3\x80\x82", "\n"})  // 。
    if (const std::size_t at = clause.rfind(stop); at != std::string_view::npos) clause.remove_prefix(at + stop.size());
  bool same_country = false, other_country = false;
  for (std::size_t at = 0; at < other_text.size();) {
    if (!std::isdigit(static_cast<unsigned char>(other_text[at]))) {
      ++at;
      continue;
    }
    std::string digits;
    std::size_t stop = at;
    while (stop < other_text.size() && (std::isdigit(static_cast<unsigned char>(other_text[stop])) ||
                                        (other_text[stop] == '-' && stop + 1 < other_text.size() &&
                                         std::isdigit(static_cast<unsigned char>(other_text[stop + 1])))))
      if (other_text[stop++] != '-') digits += other_text[stop - 1];
    if (const int c = emergency_country(digits); c == country) same_country = true;
    else if (c != 0 && (country == kChina ? chinese_service_named(number, clause) : c != kChina || chinese_service_named(digits, other_text)))
      other_country = true;
    at = stop;
  }
  if (same_country) return false;
  if (other_country) return true;
  static constexpr std::string_view kWords[] = {"emergency", "ambulance", "\xE6\x80\xA5\xE6\x95\x91",  // 急救
                                                "\xE7\xB4\xA7\xE6\x80\xA5", "\xE6\x8A\xA5\xE8\xAD\xA6"};  // 紧急 报警
  return std::any_of(std::begin(kWords), std::end(kWords), [&](std::string_view w) { return other_text.find(w) != std::string::npos; });
}

}  // namespace tc::alignment_rules
