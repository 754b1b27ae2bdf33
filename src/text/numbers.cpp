#include "text/numbers.h"
#include "core/byte_lanes.h"
#include "core/flat_map.h"
#include "core/slack.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <iterator>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <optional>
#include <string_view>
#include <stdexcept>

#include "core/utf8.h"
#include "text/han.h"

namespace tc {
namespace {

constexpr int chinese_digit(char32_t cp) {
  switch (cp) {
    case U'零': case U'〇': return 0;
    case U'一': return 1;
    case U'二': case U'两': case U'兩': return 2;
    case U'三': return 3;
    case U'四': return 4;
    case U'五': return 5;
    case U'六': return 6;
    case U'七': return 7;
    case U'八': return 8;
    case U'九': return 9;
    default: return -1;
  }
}

// 双 (a pair) and 腊 (of 腊月), Simplified or Traditional.
constexpr bool is_pair(char32_t cp) { return cp == U'双' || cp == U'雙'; }
constexpr bool is_la(char32_t cp) { return cp == U'腊' || cp == U'臘'; }
// 两 (two, and the tael), Simplified or Traditional.
constexpr bool is_liang(char32_t cp) { return cp == U'两' || cp == U'兩'; }

constexpr double chinese_unit(char32_t cp) {
  switch (cp) {
    case U'十': return 10;
    case U'百': return 100;
    case U'千': return 1000;
    case U'万': case U'萬': return 1e4;
    case U'亿': case U'億': return 1e8;
    default: return 0;
  }
}

// The characters of U+4000-U+9FFF (three bytes led by E4-E9) that
// find_chinese_numbers stops at: a numeral, 十, 百, 半, 双, or 腊 and 正 (腊月,
// 正月: lunar months), and the Traditional 兩 雙 臘; a bit each, so
// that the other Han characters are passed over by one look-up, not two
// switches and three comparisons. They are listed (the numerals of
// chinese_digit but 〇, U+3007, which is led by E3), each checked when the
// table is made; testing every character there exceeded clang's constexpr
// step limit.
struct ChineseNumberStarts {
  static constexpr char32_t kFirst = 0x4000, kLast = 0x9FFF;
  static constexpr std::u32string_view kStarts = U"零一二两兩三四五六七八九十百半双雙腊臘正";
  std::uint64_t bits[(kLast - kFirst + 1) / 64] = {};
  constexpr ChineseNumberStarts() {
    for (const char32_t cp : kStarts) {
      if (cp < kFirst || cp > kLast || !(chinese_digit(cp) >= 0 || chinese_unit(cp) == 10 || cp == U'百' || cp == U'半' || is_pair(cp) ||
            is_la(cp) || cp == U'正'))
        throw "not a character find_chinese_numbers stops at";
      bits[(cp - kFirst) / 64] |= std::uint64_t{1} << ((cp - kFirst) % 64);
    }
  }
  // cp in U+4000-U+9FFF.
  constexpr bool has(char32_t cp) const { return bits[(cp - kFirst) / 64] >> ((cp - kFirst) % 64) & 1; }
};
constexpr ChineseNumberStarts kStartsChineseNumber;

// The powers of ten a value is scaled by: 百 千 万 亿, "hundred" to "billion".
constexpr double kPowersOfTen[] = {1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9};

// The power of ten scale is (one of kPowersOfTen).
std::uint8_t power_of_ten(double scale) {
  std::size_t power = 0;
  while (power + 1 < std::size(kPowersOfTen) && kPowersOfTen[power] < scale) ++power;
  return static_cast<std::uint8_t>(power);
}

int ascii_digit(char32_t cp) {
  if (cp >= '0' && cp <= '9') return static_cast<int>(cp - '0');
  if (cp >= U'０' && cp <= U'９') return static_cast<int>(cp - U'０');
  return -1;
}

struct Cursor {
  std::string_view text;
  std::size_t end;
  char32_t peek(std::size_t pos) const { return pos < end ? utf8::at(text, pos) : 0; }
  std::size_t after(std::size_t pos) const {
    utf8::next(text, pos);
    return pos;
  }
};

// Parses a run of Chinese numerals starting at pos ("四十四点二", "三万五千",
// "二〇一九"); returns the value and moves pos past it, or nullopt.
std::optional<double> parse_chinese_numeral(const Cursor& c, std::size_t& pos, bool* approximate = nullptr) {
  std::size_t p = pos;
  double total = 0, section = 0, digit = -1;
  bool any = false, had_unit = false;
  std::string plain_digits;  // "二〇一九" read digit by digit
  while (p < c.end) {
    const char32_t cp = c.peek(p);
    const int d = chinese_digit(cp);
    const double unit = chinese_unit(cp);
    if (d >= 0 && digit >= 0 && d == digit + 1 && plain_digits.empty()) {
      // 一两, 七八, 十七八: "one or two", "seventeen or eighteen", an estimate.
      if (approximate) *approximate = true;
      p = c.after(p);
      continue;
    }
    if (d >= 0 && digit >= 0 && is_liang(cp)) {  // 三两: three taels (两 the unit of weight)
      const std::size_t unit_end = c.after(p);
      const double value = total + section + digit;
      pos = unit_end;
      return value;
    }
    if (d >= 0) {
      if (digit >= 0 && !had_unit) plain_digits += static_cast<char>('0' + static_cast<int>(digit));
      digit = d;
      any = true;
    } else if (unit == 10 || unit == 100 || unit == 1000) {
      section += (digit < 0 ? 1 : digit) * unit;
      digit = -1;
      any = had_unit = true;
    } else if (unit >= 1e4) {
      if (!any) break;
      section += digit < 0 ? 0 : digit;
      total = (total + section) * unit;
      section = 0;
      digit = -1;
      had_unit = true;
    } else {
      break;
    }
    p = c.after(p);
  }
  if (!any) return std::nullopt;
  double value;
  if (!plain_digits.empty() && !had_unit) {
    plain_digits += static_cast<char>('0' + static_cast<int>(digit));
    value = std::strtod(plain_digits.c_str(), nullptr);
  } else {
    value = total + section + (digit < 0 ? 0 : digit);
  }
  // Decimal part: 点 (點) followed by digits read one by one.
  if ((c.peek(p) == U'点' || c.peek(p) == U'點') && chinese_digit(c.peek(c.after(p))) >= 0) {
    std::size_t q = c.after(p);
    double scale = 0.1;
    while (q < c.end && chinese_digit(c.peek(q)) >= 0) {
      value += chinese_digit(c.peek(q)) * scale;
      scale /= 10;
      q = c.after(q);
    }
    p = q;
  }
  pos = p;
  return value;
}

// ".02" in "P = .02", "P < .001" (the style of medical journals): a decimal
// point that starts the number, after a space, a comparison or a bracket (not
// after a word or a digit: "end.5", "1..5"). ASCII digits only.
bool leading_point_decimal(std::string_view text, std::size_t span_begin, std::size_t start, std::size_t end) {
  if (start <= span_begin || text[start - 1] != '.') return false;
  if (start - 1 > span_begin && std::string_view(" =<>([").find(text[start - 1 - 1]) == std::string_view::npos) return false;
  for (std::size_t i = start; i < end; ++i)
    if (text[i] < '0' || text[i] > '9') return false;
  return true;
}

double as_fraction_digits(double value, std::size_t digits) {
  while (digits-- > 0) value /= 10;
  return value;
}

// Parses digits (ASCII or full-width) with thousands separators and a decimal point.
std::optional<double> parse_digits(const Cursor& c, std::size_t& pos) {
  std::size_t p = pos;
  std::string digits;
  while (p < c.end) {
    const char32_t cp = c.peek(p);
    const int d = ascii_digit(cp);
    if (d >= 0) {
      digits += static_cast<char>('0' + d);
    } else if ((cp == ',' || cp == U'，') && !digits.empty() && ascii_digit(c.peek(c.after(p))) >= 0 && cp == ',') {
      // thousands separator: skip
    } else if ((cp == '.' || cp == U'．') && !digits.empty() && ascii_digit(c.peek(c.after(p))) >= 0 &&
               digits.find('.') == std::string::npos) {
      digits += '.';
    } else {
      break;
    }
    p = c.after(p);
  }
  if (digits.empty()) return std::nullopt;
  pos = p;
  return std::strtod(digits.c_str(), nullptr);
}

// (A capital ORed with 0x20 is its lowercase letter, and no other byte becomes a letter so.)
bool is_ascii_letter(char c) { return static_cast<unsigned char>((static_cast<unsigned char>(c) | 0x20) - 'a') < 26; }

// "2/3" at the digits just read (value, ending at p): a fraction, and p moves
// past its denominator; 1968/69 and 24/7 are none. Both languages write it so.
bool read_slash_fraction(const Cursor& c, std::size_t& p, double& value) {
  if (p + 1 >= c.end || c.text[p] != '/' || c.text[p + 1] < '1' || c.text[p + 1] > '9') return false;
  std::size_t q = p + 1;
  const auto denominator = parse_digits(c, q);
  if (!denominator || *denominator == 0 || *denominator > 100 || value >= *denominator) return false;
  value /= *denominator;
  p = q;
  return true;
}

// True when the letters that end just before `end` (a hyphen or the digits
// themselves) make the digits part of a name: CD8, p53, COVID-19, IL-6,
// SARS-CoV-2. A lower-case word of two or more letters does not: in
// "mid-1960s" or a mistyped "as42.4%" the digits are a number.
bool names_before(std::string_view text, std::size_t begin, std::size_t end) {
  std::size_t k = end;
  bool capital = false;
  while (k > begin && is_ascii_letter(text[k - 1])) capital |= text[--k] <= 'Z';
  return k < end && (capital || end - k == 1);
}

// The end of a fiscal year's digits after "FY" (FY2027, FY27) that start at
// digits; digits when there are none such ("FY" alone, FYI, a longer word).
std::size_t fiscal_year_end(std::string_view text, Span span, std::size_t digits) {
  if (digits < span.begin + 2 || text.substr(digits - 2, 2) != "FY") return digits;
  if (digits >= span.begin + 3 && is_ascii_letter(text[digits - 3])) return digits;
  std::size_t end = digits;
  while (end < span.end && text[end] >= '0' && text[end] <= '9') ++end;
  if (end < span.end && is_ascii_letter(text[end])) return digits;
  return end - digits == 2 || end - digits == 4 ? end : digits;
}

// Digits of an HTML character reference (&#8217;) are not a number.
bool in_character_reference(std::string_view text, std::size_t begin, std::size_t digits) {
  return digits >= begin + 2 && text[digits - 1] == '#' && text[digits - 2] == '&';
}

// The text between two mentions, without spaces.
std::string_view between(std::string_view text, std::size_t from, std::size_t to) {
  while (from < to && text[from] == ' ') ++from;
  while (to > from && text[to - 1] == ' ') --to;
  return text.substr(from, to - from);
}

bool starts_after_spaces(std::string_view text, std::size_t from, std::string_view word) {
  while (from < text.size() && text[from] == ' ') ++from;
  return text.substr(from, word.size()) == word;
}

// Only spaces or tabs between the start of the line and pos.
bool at_line_start(std::string_view text, std::size_t pos) {
  while (pos > 0 && (text[pos - 1] == ' ' || text[pos - 1] == '\t')) --pos;
  return pos == 0 || text[pos - 1] == '\n' || text[pos - 1] == '\r';
}

// "1. Why get vaccinated?", "2) ", "3、", "（一）", "(二)", "一、" at the start
// of a line: list numbering, not a quantity.
bool list_numbering(std::string_view text, std::size_t begin, std::size_t end) {
  const std::string_view after = text.substr(end, 4);
  if (after.starts_with("\xE3\x80\x81")) return at_line_start(text, begin);  // 、
  if ((after.starts_with(". ") || after.starts_with(") ") || after.starts_with(".\t")) && at_line_start(text, begin))
    return true;
  const bool open_before = (begin >= 3 && text.substr(begin - 3, 3) == "\xEF\xBC\x88") ||  // （
                           (begin >= 1 && text[begin - 1] == '(');
  const bool close_after = after.starts_with("\xEF\xBC\x89") || after.starts_with(")");
  const std::size_t open = begin >= 3 && text.substr(begin - 3, 3) == "\xEF\xBC\x88" ? begin - 3 : begin - 1;
  return open_before && close_after && at_line_start(text, open);
}

// Measure words after a Chinese numeral that make it a count: 两年, 三剂, 一次, 两倍.
std::size_t chinese_measure(std::string_view text, std::size_t pos) {
  static constexpr std::string_view kMeasures[] = {
      "个月", "小时", "分钟", "星期", "毫克", "毫升", "微克", "公斤", "千克", "厘米", "年", "岁", "月", "周", "天", "日",
      "秒", "剂", "次", "针", "倍", "种", "名", "例", "项", "份", "粒", "片", "支", "瓶", "盒", "克", "期", "类", "组", "代", "胎",
      // The same in Traditional characters where they differ.
      "個月", "小時", "分鐘", "釐米", "歲", "週", "劑", "針", "種", "項", "類", "組"};
  while (pos < text.size() && text[pos] == ' ') ++pos;
  // Every measure is three bytes or more: only those whose first three bytes
  // are the text's are compared further (in the list's order, as before).
  if (text.size() - pos < 3) return 0;
  for (std::string_view measure : kMeasures)
    if (measure[0] == text[pos] && measure[1] == text[pos + 1] && measure[2] == text[pos + 2] &&
        text.substr(pos, measure.size()) == measure) {
      // 一次性 is "disposable": 性 after the measure makes a new word. (个 is left out:
      // 两个字 is "the word", 三个人 often "the three of them".)
      if (text.substr(pos + measure.size(), 3) == "\xE6\x80\xA7") return 0;  // 性
      return measure.size();
    }
  return 0;
}

// "2.6 至 3.2 万": the scale of a range's upper end applies to its lower end
// (26,000 to 32,000); "20 世纪 30 年代" (世紀 in Traditional) is the 1930s.
void join_chinese_ranges_and_decades(std::string_view text, std::vector<NumberMention>& mentions) {
  for (std::size_t k = 1; k < mentions.size(); ++k) {
    NumberMention& low = mentions[k - 1];
    NumberMention& high = mentions[k];
    const std::string_view gap = between(text, low.span().end, high.span().begin);
    if (high.scale_power > 0 && low.scale_power == 0 && (gap == "至" || gap == "到" || gap == "-" || gap == "～" || gap == "~" || gap == "—")) {
      low.value *= high.scale();
      low.scale_power = high.scale_power;
    }
    if ((gap == "世纪" || gap == "世紀") && starts_after_spaces(text, high.span().end, "年代") && low.value >= 1 && low.value <= 21 &&
        high.value < 100) {
      low.value = (low.value - 1) * 100 + high.value;
      low.set_end(high.span().end);
      low.weak = false;
      mentions.erase(mentions.begin() + static_cast<std::ptrdiff_t>(k));
      --k;
    }
  }
}

// A date "12/31/99" or "3/5/2021" (month/day/year, as US English writes
// it) at text[begin]: its month, day and year (99 is 1999) appended to out,
// as 1999年12月31日 gives them; returns its end, or begin when it is none.
std::size_t read_slash_date(std::string_view text, std::size_t begin, std::size_t end, std::vector<NumberMention>& out) {
  // 14.10.2026, as much of Europe writes a date: day, month and a year of four digits.
  const bool dotted = begin + 2 < end && (text[begin + 1] == '.' || text[begin + 2] == '.');
  const char separator = dotted ? '.' : '/';
  std::size_t parts[3][2];  // [begin, end) of month, day, year (dotted: day, month, year)
  std::size_t p = begin;
  for (int k = 0; k < 3; ++k) {
    if (k > 0 && (p >= end || text[p++] != separator)) return begin;
    parts[k][0] = p;
    while (p < end && text[p] >= '0' && text[p] <= '9') ++p;
    parts[k][1] = p;
  }
  auto length = [&](int k) { return parts[k][1] - parts[k][0]; };
  auto number = [&](int k) { return std::strtod(std::string(text.substr(parts[k][0], length(k))).c_str(), nullptr); };
  if (length(0) < 1 || length(0) > 2 || length(1) < 1 || length(1) > 2 || (length(2) != 2 && length(2) != 4)) return begin;
  if (dotted && length(2) != 4) return begin;  // 1.4.2 and 3.10.12 are versions
  if (p < end && ((text[p] >= '0' && text[p] <= '9') || text[p] == '/' ||
                  (text[p] == '.' && p + 1 < end && text[p + 1] >= '0' && text[p + 1] <= '9')))
    return begin;
  const double month = number(dotted ? 1 : 0), day = number(dotted ? 0 : 1);
  double year = number(2);
  if (month < 1 || month > 12 || day < 1 || day > 31) return begin;
  if (length(2) == 2) year += year >= 50 ? 1900 : 2000;
  const double values[3] = {dotted ? day : month, dotted ? month : day, year};  // in the order written
  for (int k = 0; k < 3; ++k) out.push_back({{parts[k][0], parts[k][1]}, values[k], false, false, false, false});
  return p;
}

// "2010–11" and "1968/69" end in the year 2011 and 1969, as "2010-2011" writes it.
void complete_year_ranges(std::string_view text, std::vector<NumberMention>& mentions) {
  for (std::size_t k = 1; k < mentions.size(); ++k) {
    const NumberMention& first = mentions[k - 1];
    NumberMention& second = mentions[k];
    const std::string_view gap = text.substr(first.span().end, second.span().begin - first.span().end);
    const bool year = !first.spelled && first.value >= 1800 && first.value < 2100 && first.value == std::floor(first.value);
    if (!year || second.spelled || second.span().size() != 2 || !(gap == "-" || gap == "\xE2\x80\x93" || gap == "/")) continue;
    const double century = std::floor(first.value / 100) * 100;
    if (century + second.value > first.value) second.value += century;
  }
}

}  // namespace

bool same_number(double a, double b) {
  const double scale = std::max({1.0, std::fabs(a), std::fabs(b)});
  if (std::fabs(a - b) <= 1e-9 * scale) return true;
  // 1/3 written as 0.33 or 33.3%: equal to two significant digits.
  return std::fabs(a) < 1 && std::fabs(b) < 1 && std::fabs(a - b) < 0.006;
}

std::string format_number(const NumberMention& mention) {
  char buffer[64];
  if (mention.value == std::floor(mention.value) && std::fabs(mention.value) < 1e15)
    std::snprintf(buffer, sizeof buffer, "%.0f", mention.value);
  else
    std::snprintf(buffer, sizeof buffer, "%.4g", mention.value);
  std::string out = buffer;
  if (mention.percent) out += "%";
  return out;
}

namespace {

// 之间 ("between") closes the phrase that starts at pos, before the clause ends.
bool between_follows(std::string_view text, std::size_t pos, std::size_t end) {
  const std::string_view rest = text.substr(pos, std::min<std::size_t>(end - pos, 48));
  std::size_t clause = rest.size();
  for (std::string_view stop : {"，", "。", "；", "：", "、", ",", ";", "\n"}) clause = std::min(clause, rest.find(stop));
  return rest.substr(0, clause).find("之间") != std::string_view::npos || rest.substr(0, clause).find("之間") != std::string_view::npos;
}

}  // namespace

namespace {
// A sentence full of numbers has a mention every few bytes: what doubling
// left unused is given back while the mentions are compared (small lists,
// the common case, are left alone).
void give_back_unused(std::vector<NumberMention>& mentions) {
  if (mentions.size() > 1024) give_back_slack(mentions);
}

// Leaves out the mentions longer than NumberMention::kMaxSize (no one
// writes a number of 2 MiB; the span could not be kept).
void drop_too_long(std::vector<NumberMention>& mentions) {
  std::erase_if(mentions, [](const NumberMention& m) { return m.too_long(); });
}

// Spans this long have their list of mentions sized before the search:
// growing by doubling held up to three times the mentions while it moved
// them (the other side's mentions are held meanwhile).
constexpr std::size_t kSizeMentionsFrom = std::size_t{1} << 16;

// The places in span a mention may start, at least as many as the mentions
// (chinese: also the numerals and 半 双; English number words are not counted).
std::size_t mention_starts(std::string_view text, Span span, bool chinese) {
  const Cursor c{text, span.end};
  std::size_t count = 0;
  bool in_digits = false;
  for (std::size_t pos = span.begin; pos < span.end;) {
    const auto lead = static_cast<unsigned char>(text[pos]);
    if (lead < 0x80) {
      const bool digit = lead >= '0' && lead <= '9';
      if (digit && !in_digits) ++count;
      in_digits = digit;
      ++pos;
      continue;
    }
    const char32_t cp = c.peek(pos);
    const bool digit = ascii_digit(cp) >= 0;
    if ((digit && !in_digits) ||
        (chinese && (chinese_digit(cp) >= 0 || chinese_unit(cp) != 0 || cp == U'半' || is_pair(cp))))
      ++count;
    in_digits = digit;
    pos = c.after(pos);
  }
  return count;
}
}  // namespace

double NumberMention::scale() const { return kPowersOfTen[scale_power]; }

bool chinese_section_word_at(std::string_view text, std::size_t pos) {
  static constexpr std::string_view kSections[] = {"部分", "章", "节", "節", "条", "條", "款", "篇", "卷", "单元", "單元", "课", "課", "步"};
  for (std::string_view section : kSections)
    if (text.substr(pos, section.size()) == section) return true;
  return false;
}

std::vector<NumberMention> find_chinese_numbers(std::string_view text, Span span, std::vector<NumberMention>* numbering) {
  std::vector<NumberMention> out;
  if (text.size() > UINT32_MAX) return out;  // mentions keep 32-bit offsets
  if (span.size() >= kSizeMentionsFrom) out.reserve(mention_starts(text, span, true));
  const Cursor c{text, span.end};
  std::size_t pos = span.begin;
  while (pos < span.end) {
    // What no case below acts on is passed over undecoded: an ASCII byte
    // other than a digit, and a well-formed Han character (lead byte E4-E9)
    // that is no numeral, 十, 百, 半, 双, 腊 or 正.
    const auto lead = static_cast<unsigned char>(text[pos]);
    if (lead < 0x80) {
      if (lead < '0' || lead > '9') {
        ++pos;
        continue;
      }
    } else if (lead >= 0xE4 && lead <= 0xE9 && utf8::three_bytes_at(text, pos)) {
      const char32_t han = utf8::three_byte_code_point(text, pos);
      if (!kStartsChineseNumber.has(han)) {
        pos += 3;
        continue;
      }
    }
    const std::size_t start = pos;
    const char32_t cp = c.peek(pos);
    // 百分之四十四点二 / 百分之44.2
    if (cp == U'百' && text.substr(pos, 9) == "百分之") {
      std::size_t p = pos + 9;
      auto value = parse_chinese_numeral(c, p);
      if (!value) value = parse_digits(c, p);
      if (value) {
        out.push_back({{start, p}, *value, true, false, true, false});
        pos = p;
        continue;
      }
    }
    std::optional<double> value;
    bool spelled = false, approximate = false;
    double scale = 1;
    std::size_t p = pos;
    std::size_t point_start = start;  // before the digits of ".02"
    if (ascii_digit(cp) >= 0) {
      // Digits inside a Latin token (PD-1, COVID-19, CD8) are names, not quantities.
      const bool after_letter = start > span.begin && is_ascii_letter(text[start - 1]) && names_before(text, span.begin, start);
      const bool after_dash = start > span.begin + 1 && text[start - 1] == '-' && names_before(text, span.begin, start - 1);
      if (after_letter || after_dash || in_character_reference(text, span.begin, start)) {
        while (p < span.end && ascii_digit(c.peek(p)) >= 0) p = c.after(p);
        pos = p;
        continue;
      }
      value = parse_digits(c, p);
      if (value && leading_point_decimal(text, span.begin, start, p)) {  // P = .02
        value = as_fraction_digits(*value, p - start);
        point_start = start - 1;
      }
      // 2万, 3.5亿, and "10 万" with a space as some translators write it
      std::size_t q = p;
      while (q < span.end && text[q] == ' ') ++q;
      const double unit = chinese_unit(c.peek(q));
      if (value && unit >= 1e4) {
        *value *= unit;
        p = c.after(q);
        scale = unit;
      }
    } else if (chinese_digit(cp) >= 0 || chinese_unit(cp) == 10) {
      value = parse_chinese_numeral(c, p, &approximate);
      spelled = true;
    }
    if (!value) {
      // 半 (half) and 一半: weak, but they match "half" on the other side.
      if (cp == U'半') out.push_back({{start, c.after(pos)}, 0.5, false, true, true, true});
      // 腊月 and 正月, the twelfth and the first month of the lunar year: weak,
      // but they match "the twelfth month" or "the first month" on the other side.
      if ((is_la(cp) || cp == U'正') && c.after(pos) < span.end && c.peek(c.after(pos)) == U'月')
        out.push_back({{start, c.after(c.after(pos))}, is_la(cp) ? 12.0 : 1.0, false, false, true, true});
      // 双 (a pair, "double"): weak, but 双字节 matches "2-byte".
      if (is_pair(cp)) {
        NumberMention pair{{start, c.after(pos)}, 2, false, false, true, true};
        pair.rendering = true;
        out.push_back(pair);
      }
      pos = c.after(pos);
      continue;
    }
    const bool ordinal = start >= 3 && text.substr(start - 3, 3) == "\xE7\xAC\xAC";  // 第
    if ((ordinal && chinese_section_word_at(text, p)) || list_numbering(text, start, p)) {
      if (numbering && !ordinal) numbering->push_back({{start, p}, *value, false, false, spelled, false});
      pos = p;
      continue;
    }
    if (spelled && *value == 1 && c.peek(p) == U'半') {  // 一半: half
      out.push_back({{start, c.after(p)}, 0.5, false, true, true, false});
      pos = c.after(p);
      continue;
    }
    NumberMention mention{{point_start, p}, *value, false, false, spelled, false};
    if (!spelled && read_slash_fraction(c, p, mention.value)) mention.fraction = true, mention.set_end(p);
    // X分之Y: a fraction.
    if (text.substr(p, 6) == "分之") {
      std::size_t q = p + 6;
      auto numerator = parse_chinese_numeral(c, q);
      if (!numerator) numerator = parse_digits(c, q);
      if (numerator && *value != 0) {
        mention = {{start, q}, *numerator / *value, false, true, spelled, false};
        p = q;
      }
    }
    const char32_t next = c.peek(p);
    if (next == '%' || next == U'％') {
      mention.percent = true;
      p = c.after(p);
      mention.set_end(p);
    }
    // Lone small numerals are usually words (一样, 一下, 两人 "a couple"), a
    // lone 十 or 百 is usually an intensifier (十分 "very"), and 七八 is an estimate.
    if (spelled && !mention.fraction && !mention.percent && (mention.span().size() == 3 || approximate))
      mention.weak = mention.weak || mention.value <= 2 || approximate || chinese_unit(cp) != 0;
    // 两年, 第三剂, 两倍: a count, strong unless it is one (一个 is often just "a").
    if (spelled && !approximate && !mention.fraction && !mention.percent && chinese_measure(text, p) > 0) {
      mention.counted = true;
      mention.weak = mention.value <= 1;
    }
    // 两次修改之间, 两者之间: "between (successive) changes", which English
    // often says without two ("the days before the next change"): weak, like
    // "between" on the English side.
    if (spelled && is_liang(cp) && mention.value == 2 && between_follows(text, p, span.end)) {
      mention.weak = true;
      mention.rendering = true;
    }
    mention.scale_power = power_of_ten(scale);
    out.push_back(mention);
    pos = p;
  }
  join_chinese_ranges_and_decades(text, out);
  complete_year_ranges(text, out);
  drop_too_long(out);
  if (numbering) drop_too_long(*numbering);
  give_back_unused(out);
  return out;
}

namespace {

struct NumberWord {
  std::string_view word;
  double value;
  bool scale;
};

constexpr NumberWord kNumberWords[] = {
    {"zero", 0, false},      {"one", 1, false},       {"two", 2, false},         {"three", 3, false},
    {"four", 4, false},      {"five", 5, false},      {"six", 6, false},         {"seven", 7, false},
    {"eight", 8, false},     {"nine", 9, false},      {"ten", 10, false},        {"eleven", 11, false},
    {"twelve", 12, false},   {"thirteen", 13, false}, {"fourteen", 14, false},   {"fifteen", 15, false},
    {"sixteen", 16, false},  {"seventeen", 17, false}, {"eighteen", 18, false},  {"nineteen", 19, false},
    {"twenty", 20, false},   {"thirty", 30, false},   {"forty", 40, false},      {"fifty", 50, false},
    {"sixty", 60, false},    {"seventy", 70, false},  {"eighty", 80, false},     {"ninety", 90, false},
    {"hundred", 100, true},  {"thousand", 1e3, true}, {"million", 1e6, true},    {"billion", 1e9, true},
    {"dozen", 12, false}};

// A scale word's value is kept as its power of ten (NumberMention::scale_power):
// one not in kPowersOfTen (a "trillion", 1e12) would silently be kept as 1e9.
constexpr bool scale_words_are_powers_of_ten() {
  for (const NumberWord& entry : kNumberWords) {
    if (!entry.scale) continue;
    bool listed = false;
    for (const double power : kPowersOfTen) listed = listed || power == entry.value;
    if (!listed) return false;
  }
  return true;
}
static_assert(scale_words_are_powers_of_ten());

const NumberWord* number_word(std::string_view word) {
  // Most words asked about are no number: a length and first-letter test
  // turns them away before the list is walked.
  constexpr std::uint32_t kFirstLetters = [] {
    std::uint32_t letters = 0;
    for (const char c : std::string_view("zotfsenhmbd")) letters |= 1u << (c - 'a');
    return letters;
  }();
  if (word.size() < 3 || word.size() > 9 || word[0] < 'a' || word[0] > 'z' || !(kFirstLetters >> (word[0] - 'a') & 1u))
    return nullptr;
  for (const auto& entry : kNumberWords)
    if (entry.word[0] == word[0] && entry.word == word) return &entry;
  return nullptr;
}

// Month names, so 3月5日 and "March 5" agree.
constexpr std::string_view kMonths[] = {"january", "february", "march",     "april",   "may",      "june",
                                        "july",    "august",   "september", "october", "november", "december"};

int month_number(std::string_view word) {
  for (int k = 0; k < 12; ++k)
    if (word == kMonths[k] || (word.size() == 3 && kMonths[k].substr(0, 3) == word && word != "may" && word != "mar"))
      return k + 1;
  if (word == "sept") return 9;
  return 0;
}

// Nouns that make a number word before them a count: "three years", "second dose".
bool unit_noun(std::string_view word) {
  static constexpr std::string_view kUnits[] = {
      "dose",  "shot",   "injection", "year",  "month",   "week",   "day",     "hour",  "minute", "time",
      "type",  "kind",   "vaccine",   "patient", "people", "child", "children", "adult", "case",  "tablet",
      "pill",  "cycle",  "course",    "visit", "birthday", "strain", "disease", "infant", "baby",
      "babies", "person", "persons", "woman", "women", "men", "parent", "sibling", "brother", "sister", "drop"};
  for (std::string_view unit : kUnits)
    if (word == unit || (word.size() == unit.size() + 1 && word.back() == 's' && word.starts_with(unit))) return true;
  return false;
}

struct WordValue {
  std::string_view word;
  double value;
};

constexpr WordValue kNumeralRenderings[] = {
    {"zeros", 0},   {"zeroes", 0},  {"zeroth", 0},    {"single", 1},    {"primary", 1}, {"both", 2},   {"between", 2},
    {"secondary", 2}, {"double", 2}, {"dual", 2},     {"tertiary", 3},  {"triple", 3},
    {"clear", 0},   {"clears", 0},  {"cleared", 0}};  // "clear a bit" = 置 0

double numeral_rendering(std::string_view word) {
  for (const auto& [name, value] : kNumeralRenderings)
    if (word == name) return value;
  return -1;
}

constexpr WordValue kFractionWords[] = {{"half", 2},    {"third", 3},    {"thirds", 3}, {"quarter", 4},
                                        {"quarters", 4}, {"fourth", 4},   {"fourths", 4}, {"fifth", 5},
                                        {"fifths", 5},  {"tenth", 10},   {"tenths", 10}};

double fraction_word(std::string_view word) {
  for (const auto& [name, value] : kFractionWords)
    if (word == name) return value;
  return 0;
}

constexpr WordValue kIrregularOrdinals[] = {{"first", 1}, {"second", 2}, {"third", 3}, {"fifth", 5},
                                            {"eighth", 8}, {"ninth", 9}, {"twelfth", 12}};

// "fifteenth" = 15, "twenty-first" = 21, "first" = 1 ("a third" as a fraction is handled before).
double ordinal_word(std::string_view word) {
  std::string_view head, tail = word;
  if (const auto dash = word.find('-'); dash != std::string_view::npos) head = word.substr(0, dash), tail = word.substr(dash + 1);
  double base = 0;
  if (!head.empty()) {
    const NumberWord* tens = number_word(head);
    if (!tens || tens->scale || tens->value < 20) return 0;
    base = tens->value;
  }
  for (const auto& [name, value] : kIrregularOrdinals)
    if (tail == name) return base + value;
  if (tail.size() > 4 && tail.substr(tail.size() - 4) == "ieth") {  // twentieth
    const NumberWord* n = number_word(std::string(tail.substr(0, tail.size() - 4)) + "y");
    return n && !n->scale ? base + n->value : 0;
  }
  if (tail.size() > 2 && tail.substr(tail.size() - 2) == "th") {
    const NumberWord* n = number_word(tail.substr(0, tail.size() - 2));
    return n && (n->value >= 4 || n->scale) ? base + n->value : 0;
  }
  return 0;
}

// The words (or parts before a hyphen) that the number-word pass below can
// act on: every word of its lists and the ordinals made from number words. A
// word outside it is skipped without walking the lists (most English words).
// A word is looked up as two numbers (its bytes lowercased, and its length)
// through a FlatMap of their hash: no string is made nor hashed byte by byte
// (this set was looked up for most words of an English text, "the" and
// "that" among them, when only a word's first letter and length filtered).
class CountingWords {
 public:
  CountingWords() {
    for (std::string_view word : {"twice", "thrice", "once", "half", "sept"}) add(word);
    for (const NumberWord& n : kNumberWords) {
      add(n.word);
      add(std::string(n.word) + "th");                                                   // sixth, hundredth
      if (n.word.ends_with('y')) add(std::string(n.word.substr(0, n.word.size() - 1)) + "ieth");  // twentieth
    }
    for (std::string_view month : kMonths) add(month), add(month.substr(0, 3));
    for (const WordValue& entry : kNumeralRenderings) add(entry.word);
    for (const WordValue& entry : kIrregularOrdinals) add(entry.word);
    for (const WordValue& entry : kFractionWords) add(entry.word);
  }

  // True when word, or its part before the first hyphen, may be acted on.
  bool may_count(std::string_view word) const {
    if (contains(word)) return true;
    const auto dash = word.find('-');
    return dash != std::string_view::npos && contains(word.substr(0, dash));
  }

  // may_count() on raw lowercased (raw: ASCII letters and hyphens, starting
  // with a letter; dash: its first hyphen, or npos), looked up only when its
  // first two letters and its length, or those of its part before a hyphen,
  // are a listed word's.
  bool may_count_raw(std::string_view raw, std::size_t dash) const {
    const bool whole = may_be_listed(raw);
    const bool head = dash != std::string_view::npos && may_be_listed(raw.substr(0, dash));
    return (whole && listed(raw)) || (head && listed(raw.substr(0, dash)));
  }

 private:
  // A word of up to kLongest bytes, ASCII capitals lowered: its first eight
  // bytes, and the next ones with the length in the top byte.
  struct Key {
    std::uint64_t low = 0, high = 0;
    bool operator==(const Key&) const = default;
  };
  static constexpr std::size_t kLongest = 15;
  static Key key_of(std::string_view word) {
    Key key;
    for (std::size_t k = 0; k < word.size(); ++k) {
      unsigned char c = static_cast<unsigned char>(word[k]);
      if (c >= 'A' && c <= 'Z') c = static_cast<unsigned char>(c + 32);
      (k < 8 ? key.low : key.high) |= std::uint64_t{c} << (8 * (k & 7));
    }
    key.high |= std::uint64_t{word.size()} << 56;
    return key;
  }
  static std::uint64_t hash_of(const Key& key) {
    return FlatMap::key_of((key.low * 0x9E3779B97F4A7C15ull) ^ (key.high * 0xC2B2AE3D27D4EB4Full));
  }
  // The lengths of the listed words that start with a word's first two
  // letters, by those letters in either case (a listed word has three or
  // more): "the" and "that" are no "two", "ten", "three" or "thirty".
  std::uint32_t& lengths_of(std::string_view word) { return lengths_[static_cast<unsigned char>(word[0]) & 31][static_cast<unsigned char>(word[1]) & 31]; }
  // False when word (letters and hyphens, any case, not empty) is surely not listed.
  bool may_be_listed(std::string_view word) const {
    return word.size() >= 3 && word.size() <= kLongest &&
           (lengths_[static_cast<unsigned char>(word[0]) & 31][static_cast<unsigned char>(word[1]) & 31] >> word.size() & 1u);
  }
  void add(std::string_view word) {
    if (word.size() > kLongest || word.size() < 3) throw std::logic_error("a counting word is too long for its key, or too short");
    lengths_of(word) |= 1u << word.size();
    const Key key = key_of(word);
    bool inserted = false;
    const std::uint32_t at = index_.insert(hash_of(key), static_cast<std::uint32_t>(keys_.size()), inserted);
    if (inserted) keys_.push_back(key);
    else if (!(keys_[at] == key)) throw std::logic_error("two counting words share a hash");
    // (else listed twice: "third", "fifth")
  }
  // Whether word (any case) is listed: the key its hash leads to is compared.
  bool listed(std::string_view word) const {
    if (word.size() > kLongest) return false;
    const Key key = key_of(word);
    const std::uint32_t at = index_.find(hash_of(key));
    return at != FlatMap::kNoValue && keys_[at] == key;
  }
  bool contains(std::string_view word) const { return may_be_listed(word) && listed(word); }
  FlatMap index_;          // a key's hash -> its place in keys_
  std::vector<Key> keys_;
  std::uint32_t lengths_[32][32] = {};  // by first and second letter (their low five bits): a bit per length
};

// Each English word (letters and hyphens) of text[span], lowercased: views
// into text[span] lowercased at once (a string a word took an allocation for
// each longer one), made when read from 8 bytes a word, its place (a list of
// a span and a view took 32, in a long unit of words 5 bytes a byte of text).
class EnglishWords {
 public:
  struct Word {
    Span span;
    std::string_view lower;
  };
  EnglishWords() = default;
  EnglishWords(std::string_view text, Span span) : begin_(span.begin) {
    lowered_.assign(text.substr(span.begin, span.size()));
    for (char& c : lowered_)
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
    std::size_t pos = span.begin;
    while (pos < span.end) {
      if (!is_ascii_letter(text[pos])) {
        ++pos;
        continue;
      }
      std::size_t end = pos;
      while (end < span.end && (is_ascii_letter(text[end]) || text[end] == '-')) ++end;
      places_.push_back(Span{pos, end});
      pos = end;
    }
  }
  std::size_t size() const { return places_.size(); }
  Word operator[](std::size_t i) const {
    const Span place = places_[i];
    return {place, std::string_view(lowered_).substr(place.begin - begin_, place.size())};
  }

 private:
  std::size_t begin_ = 0;
  std::string lowered_;
  std::vector<Span32> places_;
};

}  // namespace

std::vector<NumberMention> find_english_numbers(std::string_view text, Span span, std::vector<NumberMention>* numbering) {
  std::vector<NumberMention> out;
  if (text.size() > UINT32_MAX) return out;  // mentions keep 32-bit offsets
  if (span.size() >= kSizeMentionsFrom) {
    // Number words are rare beside digits: some room is left for them.
    const std::size_t digits = mention_starts(text, span, false);
    out.reserve(digits + digits / 8 + 64);
  }
  const Cursor c{text, span.end};
  // Digits.
  std::size_t pos = span.begin;
  while (pos < span.end) {
    // Eight ASCII bytes without a digit at a time (most of an English text).
    if (span.end - pos >= 8) {
      std::uint64_t word = 0;
      std::memcpy(&word, text.data() + pos, sizeof word);
      if ((word & kHighBits) == 0 && ascii_digit_lanes(word) == 0) {
        pos += 8;
        continue;
      }
    }
    const char ch = text[pos];
    if (!(ch >= '0' && ch <= '9') && !(static_cast<unsigned char>(ch) == 0xEF && ascii_digit(c.peek(pos)) >= 0)) {
      ++pos;
      continue;
    }
    const std::size_t start = pos;
    // Digits right after a letter, or after a hyphen after a letter, name
    // something (CD8, COVID-19, IL-6); after a digit and a hyphen they end a range (2019-2020).
    const bool after_letter = start > span.begin && is_ascii_letter(text[start - 1]) && names_before(text, span.begin, start);
    const bool after_dash = start > span.begin + 1 && text[start - 1] == '-' && names_before(text, span.begin, start - 1);
    if (const std::size_t year_end = fiscal_year_end(text, span, start); year_end != start) {
      // FY2027, FY27: a fiscal year (2027财年), not a name.
      std::size_t p = start;
      const double digits = *parse_digits(c, p);
      out.push_back({{start, year_end}, year_end - start == 2 ? 2000 + digits : digits, false, false, false, false});
      pos = year_end;
      continue;
    }
    if (text.substr(start, 4) == "24/7" && (start + 4 >= span.end || ascii_digit(c.peek(start + 4)) < 0) &&
        (start == span.begin || ascii_digit(c.peek(start - 1)) < 0)) {
      // "24/7": round the clock (全天候), no quantity; weak, it still matches 24 and 7.
      out.push_back({{start, start + 2}, 24, false, false, false, true});
      out.push_back({{start + 3, start + 4}, 7, false, false, false, true});
      pos = start + 4;
      continue;
    }
    if (after_letter || after_dash || in_character_reference(text, span.begin, start)) {
      // COVID-19, CD8, and PD-１ with full-width digits (the byte test alone
      // never moved past one: the scan stopped there for good).
      while (pos < span.end && ascii_digit(c.peek(pos)) >= 0) pos = c.after(pos);
      continue;
    }
    std::size_t p = pos;
    auto value = parse_digits(c, p);
    if (!value) {
      pos = c.after(pos);
      continue;
    }
    std::size_t point_start = start;  // before the digits of ".02"
    if (leading_point_decimal(text, span.begin, start, p)) {  // P = .02
      value = as_fraction_digits(*value, p - start);
      point_start = start - 1;
    }
    if (list_numbering(text, start, p)) {
      if (numbering) numbering->push_back({{start, p}, *value, false, false, false, false});
      pos = p;
      continue;
    }
    if (const std::size_t date_end = read_slash_date(text, start, span.end, out); date_end != start) {
      pos = date_end;
      continue;
    }
    NumberMention mention{{point_start, p}, *value, false, false, false, false};
    mention.fraction = read_slash_fraction(c, p, mention.value);
    std::size_t q = p;
    while (q < span.end && text[q] == ' ') ++q;
    if (q < span.end && text[q] == '%') {
      mention.percent = true;
      p = q + 1;
    } else if (text.substr(q, 7) == "percent" || text.substr(q, 8) == "per cent") {
      mention.percent = true;
      p = q + (text[q + 3] == ' ' ? 8 : 7);
    } else {
      // "20 thousand", "2 million"
      std::size_t w = q;
      while (w < span.end && is_ascii_letter(text[w])) ++w;
      const NumberWord* word = number_word(std::string(text.substr(q, w - q)));
      if (word && word->scale && w > q) {
        mention.value *= word->value;
        mention.scale_power = power_of_ten(word->value);
        p = w;
      }
    }
    mention.set_end(p);
    out.push_back(mention);
    pos = p;
  }
  // Number words: "twenty-five", "two hundred", "a third", "one in every two".
  static const CountingWords kCounting;
  // Most text has no word the pass acts on: then it needs no list of words.
  bool counting = false;
  {
    std::size_t pos = span.begin;
    while (!counting && pos < span.end) {
      if (!is_ascii_letter(text[pos])) {
        ++pos;
        continue;
      }
      std::size_t end = pos + 1, dash = std::string_view::npos;
      for (; end < span.end; ++end) {
        if (is_ascii_letter(text[end])) continue;
        if (text[end] != '-') break;
        if (dash == std::string_view::npos) dash = end - pos;
      }
      counting = kCounting.may_count_raw(text.substr(pos, end - pos), dash);
      pos = end;
    }
  }
  const EnglishWords words = counting ? EnglishWords(text, span) : EnglishWords();
  auto unit_follows = [&](std::size_t i) { return i + 1 < words.size() && unit_noun(words[i + 1].lower); };
  for (std::size_t i = 0; i < words.size(); ++i) {
    const std::string_view w = words[i].lower;
    if (!kCounting.may_count(w)) continue;
    // "twice", "thrice": counts; "once" is as often "as soon as", so only when it matches.
    if (w == "twice" || w == "thrice" || w == "once") {
      NumberMention mention{words[i].span, w == "once" ? 1.0 : w == "twice" ? 2.0 : 3.0, false, false, true, w == "once"};
      mention.counted = w != "once";
      out.push_back(mention);
      continue;
    }
    // Words Chinese often renders with a numeral: "leading zeros" (前导 0),
    // "zeroth" (第 0 个), "single-byte" (单字节, 1), "both" (两者), "between"
    // (两…之间), "secondary cases" (二代病例), "double", "clear a bit" (置 0): weak, they count only when they match.
    if (const double value = numeral_rendering(std::string_view(w).substr(0, w.find('-'))); value >= 0) {
      NumberMention mention{words[i].span, value, false, false, true, true};
      mention.rendering = true;
      out.push_back(mention);
      continue;
    }
    // "third dose", "fourth year": ordinals, not fractions.
    if (const double ordinal = ordinal_word(w); ordinal > 2 && fraction_word(w) != 0 && unit_follows(i)) {
      NumberMention mention{words[i].span, ordinal, false, false, true, false};
      mention.counted = true;
      out.push_back(mention);
      continue;
    }
    // "half of the women" = 一半; other halves are weak.
    if (w == "half" && (i == 0 || (words[i - 1].lower != "a" && words[i - 1].lower != "one"))) {
      const bool of_follows = i + 1 < words.size() && words[i + 1].lower == "of";
      out.push_back({words[i].span, 0.5, false, true, true, !of_follows});
      continue;
    }
    // A month counts when it matches a Chinese 3月, but is never reported missing.
    if (const int month = month_number(w); month != 0 && text[words[i].span.begin] >= 'A' && text[words[i].span.begin] <= 'Z') {
      out.push_back({words[i].span, static_cast<double>(month), false, false, true, true});
      continue;
    }
    if (const double denominator = fraction_word(w); denominator != 0) {
      double numerator = 0;
      std::size_t first = i;
      if (i > 0 && (words[i - 1].lower == "a" || words[i - 1].lower == "one")) numerator = 1, first = i - 1;
      else if (i > 0 && number_word(words[i - 1].lower)) numerator = number_word(words[i - 1].lower)->value, first = i - 1;
      // "a third of" is a fraction; "a third species" is an ordinal: weak.
      const bool of_follows = i + 1 < words.size() && words[i + 1].lower == "of";
      if (numerator != 0 && (w != "half" || first < i))
        out.push_back({{words[first].span.begin, words[i].span.end}, numerator / denominator, false, true, true,
                       w == "half" || w == "quarter" || !of_follows});
      // "N tenths of a second" (N * 0.1 秒): the unit itself, weak.
      else if (numerator == 0 && w.back() == 's' && of_follows) {
        NumberMention unit{words[i].span, 1 / denominator, false, true, true, true};
        unit.rendering = true;
        out.push_back(unit);
      }
      continue;
    }
    // "a million", "a hundred", "a dozen"
    if (const NumberWord* scale = number_word(w);
        scale && (scale->scale || w == "dozen") && i > 0 && (words[i - 1].lower == "a" || words[i - 1].lower == "one")) {
      out.push_back({{words[i - 1].span.begin, words[i].span.end}, scale->value, false, false, true, false});
      continue;
    }
    if (const double ordinal = ordinal_word(w); ordinal != 0) {
      // "second dose" counts; "first" alone is often "at first", "first of all".
      NumberMention mention{words[i].span, ordinal, false, false, true, ordinal <= 2};
      if (unit_follows(i)) mention.counted = true, mention.weak = ordinal <= 1;
      out.push_back(mention);
      continue;
    }
    std::string_view head = w;
    std::string_view tail;
    if (const auto dash = head.find('-'); dash != std::string_view::npos) tail = head.substr(dash + 1), head = head.substr(0, dash);
    const NumberWord* word = number_word(head);
    if (!word || word->scale) continue;
    double value = word->value;
    if (!tail.empty()) {
      // "twenty-five"; "Three-K" is three of something.
      const NumberWord* unit = number_word(tail);
      if (unit && !unit->scale && unit->value < 10) value += unit->value;
      else if (unit) continue;
    }
    std::size_t last = i;
    // "one in every two", "one in two"
    if (i + 2 < words.size() && words[i + 1].lower == "in") {
      std::size_t k = i + 2;
      if (words[k].lower == "every" && k + 1 < words.size()) ++k;
      if (const NumberWord* denominator = number_word(words[k].lower); denominator && denominator->value > 0) {
        out.push_back({{words[i].span.begin, words[k].span.end}, value / denominator->value, false, true, true, false});
        i = k;
        continue;
      }
    }
    while (last + 1 < words.size()) {
      const NumberWord* scale = number_word(words[last + 1].lower);
      if (!scale || !scale->scale) break;
      value *= scale->value;
      ++last;
    }
    NumberMention mention{{words[i].span.begin, words[last].span.end}, value, false, false, true, value <= 1};
    mention.counted = unit_follows(last) && value > 1;
    std::size_t q = mention.span().end;
    while (q < span.end && text[q] == ' ') ++q;
    if (text.substr(q, 7) == "percent") mention.percent = true, mention.set_end(q + 7);
    out.push_back(mention);
    i = last;
  }
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.span().begin < b.span().begin; });
  complete_year_ranges(text, out);
  // "26 to 32 thousand": the upper end's scale applies to the lower end.
  for (std::size_t k = 1; k < out.size(); ++k) {
    const std::string_view gap = between(text, out[k - 1].span().end, out[k].span().begin);
    if (out[k].scale_power > 0 && out[k - 1].scale_power == 0 && (gap == "to" || gap == "-" || gap == "and" || gap == "or")) {
      out[k - 1].value *= out[k].scale();
      out[k - 1].scale_power = out[k].scale_power;
    }
  }
  drop_too_long(out);
  if (numbering) drop_too_long(*numbering);
  give_back_unused(out);
  return out;
}

namespace {

// Digits at [begin, end) glued to the word before them, directly or across a
// hyphen (or, after Chinese, a space): Latin letters (ARG1, g1, COMMANDS-2) or a Chinese word (表达式1)
// that is not itself a number or 第. A measure word or 个 after them makes
// them a quantity (等待3秒, 共 4 个).
bool glued_to_word(std::string_view text, Span span, std::size_t begin, std::size_t end) {
  std::size_t before = begin;
  if (before > span.begin + 1 && text[before - 1] == '-') --before;
  else if (before > span.begin + 3 && text[before - 1] == ' ' && static_cast<unsigned char>(text[before - 2]) >= 0x80) --before;  // 文件 1
  if (before <= span.begin) return false;
  if (is_ascii_letter(text[before - 1])) return true;
  std::size_t p = before;
  const char32_t previous = utf8::previous(text, p);
  if (p < span.begin || !is_han(previous) || previous == U'第' || chinese_digit(previous) >= 0 || chinese_unit(previous) != 0)
    return false;
  std::size_t after = end;
  while (after < span.end && text[after] == ' ') ++after;
  return chinese_measure(text, end) == 0 && text.substr(after, 3) != "\xE4\xB8\xAA" && text.substr(after, 3) != "\xE5\x80\x8B";  // 个 個
}

}  // namespace

std::vector<double> find_name_indexes(std::string_view text, Span span) {
  std::vector<double> out;
  for (std::size_t pos = span.begin; pos < span.end;) {
    if (text[pos] < '0' || text[pos] > '9') {
      ++pos;
      continue;
    }
    const std::size_t begin = pos;
    while (pos < span.end && text[pos] >= '0' && text[pos] <= '9') ++pos;
    if (glued_to_word(text, span, begin, pos)) out.push_back(std::strtod(std::string(text.substr(begin, pos - begin)).c_str(), nullptr));
  }
  return out;
}

bool name_index_after_word(std::string_view text, Span span, const NumberMention& mention) {
  return !mention.spelled && !mention.percent && !mention.fraction &&
         glued_to_word(text, span, mention.span().begin, mention.span().end);
}

}  // namespace tc
