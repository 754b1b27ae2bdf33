#include "rules/typography/missing_space.h"

#include <algorithm>
#include <array>

#include "rules/typography/text.h"

namespace tc {
namespace {

using namespace typography;

// A place where a space is missing: text[left_begin, at) and text[at, right_end)
// are the two things glued together.
struct Gap {
  std::size_t left_begin;
  std::size_t at;
  std::size_t right_end;
};

bool is_unit(std::string_view word) {
  static constexpr std::string_view kUnits[] = {
      "mg",  "kg",  "g",   "mcg", "ml",   "mL",   "l",   "L",   "cm",   "mm",   "km",   "m",   "nm",
      "min", "mins", "sec", "secs", "h",  "hr",   "hrs", "ms",   "lb",   "lbs",  "oz",  "ft",
      "in",  "mph", "kph", "bpm", "mmHg", "kcal", "cal", "kb",  "KB",   "mb",   "MB",   "GB",  "TB",
      "Hz",  "kHz", "MHz", "GHz", "px",   "pt",   "dpi", "mAh", "mol",  "mmol", "IU",   "am",  "pm"};
  return std::find(std::begin(kUnits), std::end(kUnits), word) != std::end(kUnits);
}

bool is_file_extension_or_domain(std::string_view word) {
  static constexpr std::string_view kEndings[] = {
      "pdf", "doc", "docx", "txt", "md",  "html", "htm", "xml", "json", "csv", "xls", "xlsx",
      "ppt", "pptx", "png", "jpg", "jpeg", "gif", "svg", "mp3", "mp4",  "zip", "exe", "js",
      "py",  "cpp", "php", "com", "org",  "net", "gov", "edu", "io",   "cn",  "uk",  "tmx", "git"};
  const std::string lower = to_lower_ascii(word);
  return std::find(std::begin(kEndings), std::end(kEndings), lower) != std::end(kEndings);
}

bool all_lower(std::string_view word) {
  return std::all_of(word.begin(), word.end(), [](char c) { return is_lower(c); });
}

// Start of the number that ends at end ("44.2", "1/3", "1,000").
std::size_t number_begin(std::string_view text, std::size_t end) {
  std::size_t pos = end;
  while (pos > 0) {
    if (is_digit(text[pos - 1])) --pos;
    else if (pos >= 2 && (text[pos - 1] == '.' || text[pos - 1] == ',' || text[pos - 1] == '/') && is_digit(text[pos - 2]) &&
             pos < end)
      --pos;
    else break;
  }
  return pos;
}

// End of the number that starts at begin, with a trailing percent sign.
std::size_t number_end(std::string_view text, std::size_t begin) {
  std::size_t pos = begin;
  while (pos < text.size()) {
    if (is_digit(text[pos])) ++pos;
    else if ((text[pos] == '.' || text[pos] == ',' || text[pos] == '/') && pos + 1 < text.size() && is_digit(text[pos + 1]))
      ++pos;
    else break;
  }
  if (pos < text.size() && text[pos] == '%') ++pos;
  return pos;
}

class GapFinder {
 public:
  GapFinder(std::string_view prose, WordOracle& words, bool flag_units) : prose_(prose), words_(words), flag_units_(flag_units) {}

  std::vector<Gap> find() {
    // Every test below needs a letter or a digit at i or right before it.
    static const std::array<bool, 256> kAlnum = [] {
      std::array<bool, 256> alnum{};
      for (int c = 0; c < 256; ++c) alnum[static_cast<std::size_t>(c)] = is_alnum(static_cast<char>(c));
      return alnum;
    }();
    std::vector<Gap> gaps;
    for (std::size_t i = 1; i < prose_.size(); ++i) {
      const char c = prose_[i];
      const char before = prose_[i - 1];
      if (!kAlnum[static_cast<unsigned char>(before)]) continue;
      // A letter after a letter (most of any text) is no gap either.
      if (is_letter(before) && is_letter(c)) continue;
      if (is_digit(c) && is_letter(before)) word_then_number(i, gaps);
      else if (is_letter(c) && is_digit(before)) number_then_word(i, gaps);
      else if ((c == '.' || c == '!' || c == '?') && i + 1 < prose_.size() && is_letter(prose_[i + 1]) && is_letter(before))
        sentence_then_word(i, gaps);
      else if ((c == ',' || c == ';') && i + 1 < prose_.size() && is_alnum(prose_[i + 1]) && is_letter(before))
        comma_then_word(i, gaps);
    }
    return gaps;
  }

 private:
  // A lowercase word of 2+ letters, not inside an identifier ("as" in "as44.2%", not "p" in "p53").
  bool plain_word_ending_at(std::size_t end, std::size_t& begin) {
    begin = letters_begin(prose_, end);
    if (end - begin < 2 || letter_before(prose_, begin)) return false;
    if (begin > 0 && (is_digit(prose_[begin - 1]) || prose_[begin - 1] == '_' || prose_[begin - 1] == '-' ||
                      prose_[begin - 1] == '.' || prose_[begin - 1] == '@' || prose_[begin - 1] == '/'))
      return false;
    const std::string_view word = prose_.substr(begin, end - begin);
    return all_lower(word) && words_.known(word);
  }

  void word_then_number(std::size_t at, std::vector<Gap>& gaps) {
    std::size_t begin = 0;
    if (!plain_word_ending_at(at, begin)) return;
    // The whole alphanumeric token may itself be a word ("4th" style forms Hunspell knows).
    std::size_t end = at;
    while (end < prose_.size() && is_alnum(prose_[end]) && end - begin <= kLongestWord) ++end;
    if (words_.known(prose_.substr(begin, end - begin))) return;
    // Words before digits are mostly names of genes, products and users
    // (orf8, pp1a, win32, power8, cola119): only a function word glued to a
    // number ("as44.2%"), or a word glued to a number glued to a word
    // ("undergoing4courses"), is a lost space.
    const std::string_view word = prose_.substr(begin, at - begin);
    const std::size_t number = number_end(prose_, at);
    const std::size_t after = letters_end(prose_, number);
    const bool word_follows = after - number >= 3 && words_.known(prose_.substr(number, after - number));
    if (number < prose_.size() && is_letter(prose_[number]) && !word_follows) return;  // orf3b, pp1ab
    if (!is_function_word(word) && !word_follows) return;
    gaps.push_back({begin, at, number});
  }

  void number_then_word(std::size_t at, std::vector<Gap>& gaps) {
    const std::size_t end = letters_end(prose_, at);
    if (letter_at(prose_, end)) return;
    if (end < prose_.size() && (is_digit(prose_[end]) || prose_[end] == '_')) return;
    const std::size_t begin = number_begin(prose_, at);
    if (begin > 0 && is_letter(prose_[begin - 1])) {
      // Letters before the number too: only a plain word makes this glued text, not an identifier (H2O, CD8a).
      std::size_t word_begin = 0;
      if (!plain_word_ending_at(begin, word_begin)) return;
    }
    if (begin > 0 && (prose_[begin - 1] == '_' || prose_[begin - 1] == '.')) return;
    const std::string_view word = prose_.substr(at, end - at);
    if (is_unit(word)) {
      if (flag_units_) gaps.push_back({begin, at, end});
      return;
    }
    if (word.size() < 3 || !words_.known(word)) return;  // 4th, 1990s, 3D, 2x
    gaps.push_back({begin, at, end});
  }

  void sentence_then_word(std::size_t dot, std::vector<Gap>& gaps) {
    std::size_t begin = 0;
    if (!plain_word_ending_at(dot, begin)) return;
    const std::size_t right_begin = dot + 1;
    const std::size_t right_end = letters_end(prose_, right_begin);
    if (right_end - right_begin < 2 || letter_at(prose_, right_end)) return;
    if (right_end < prose_.size()) {
      const char next = prose_[right_end];
      if (is_digit(next) || next == '_' || next == '(' || next == '@' || next == '/') return;  // code, paths
      if (next == '.' && right_end + 1 < prose_.size() && is_alnum(prose_[right_end + 1])) return;  // a.b.c
    }
    const std::string_view right = prose_.substr(right_begin, right_end - right_begin);
    if (is_file_extension_or_domain(right) || !words_.known(right)) return;
    gaps.push_back({begin, right_begin, right_end});
  }

  void comma_then_word(std::size_t comma, std::vector<Gap>& gaps) {
    const std::size_t begin = letters_begin(prose_, comma);
    if (begin > 0 && prose_[begin - 1] == '&') return;  // an HTML entity such as &gt;
    if (!is_lower(prose_[comma - 1])) return;             // NULL,NULL: code or a list of constants
    if (comma - begin < 2 || letter_before(prose_, begin) || !words_.known(prose_.substr(begin, comma - begin))) return;
    const std::size_t right_begin = comma + 1;
    std::size_t right_end = 0;
    if (is_digit(prose_[right_begin])) {
      right_end = number_end(prose_, right_begin);
    } else {
      right_end = letters_end(prose_, right_begin);
      if (right_end - right_begin < 2 || letter_at(prose_, right_end) ||
          !words_.known(prose_.substr(right_begin, right_end - right_begin)))
        return;
    }
    gaps.push_back({begin, right_begin, right_end});
  }

  std::string_view prose_;
  WordOracle& words_;
  bool flag_units_;
};

}  // namespace

const RuleInfo& MissingSpace::info() const {
  static constexpr OptionSpec kOptions[] = {
      {"attached-units", OptionType::choice, "allow", "whether a number written right before a unit (5mg, 10kg, 30min) is accepted (a common house style) or flagged", "allow|flag"},
  };
  static const RuleInfo kInfo{
      "typography/missing-space", Severity::warning, RuleScope::document, RuleLanguage::en, true,
      "A missing space between a word and a number or after punctuation",
      R"doc(## What it does
Flags English words glued to numbers ("as high as44.2%", "about1/3patients",
"undergoing4courses") and words glued to the next word over sentence
punctuation or a comma ("increases.can", "revenue,4Stopping"). One finding
covers one glued stretch; its fix inserts the missing spaces ("as 44.2%").

Both sides must be real words (Hunspell en_US + medical list + glossary
terms), so these stay clean: decimals (3.14), thousands (1,000), fractions,
abbreviations (e.g., i.e., U.S.), URLs and e-mail addresses (masked), file
names and domains (report.pdf, example.com), version numbers (v2.0),
ordinals (4th, 22nd), decades (1990s) and identifiers such as CD8, H2O, p53,
mRNA, IL-6 and COVID-19.

## Why it matters
Spaces get lost when text is copied out of web pages, PDFs and machine
translation output; the result looks broken in print and confuses search and
hyphenation.

## Example
`as high as44.2%` is flagged, fix `as high as 44.2%` (the span is `as44.2%`,
the fix `as 44.2%`).)doc", /*explains_its_span=*/false, /*reads_undecoded=*/false, kOptions};
  return kInfo;
}

void MissingSpace::check(const CheckContext& context, FindingSink& out) const {
  WordOracle words(*lexicon_, context.glossary);
  if (!words.available()) return;
  const std::string_view prose = context.doc.prose();
  const bool flag_units = context.options.text("typography/missing-space.attached-units") == "flag";
  std::vector<Gap> gaps = GapFinder(prose, words, flag_units).find();
  std::sort(gaps.begin(), gaps.end(), [](const Gap& a, const Gap& b) { return a.at < b.at; });
  std::size_t i = 0;
  while (i < gaps.size()) {
    // Gaps whose glued parts overlap ("about1/3patients") become one finding.
    std::size_t begin = gaps[i].left_begin;
    std::size_t end = gaps[i].right_end;
    std::vector<std::size_t> cuts{gaps[i].at};
    std::size_t j = i + 1;
    while (j < gaps.size() && gaps[j].left_begin < end) {
      begin = std::min(begin, gaps[j].left_begin);
      end = std::max(end, gaps[j].right_end);
      cuts.push_back(gaps[j].at);
      ++j;
    }
    std::string fixed;
    std::size_t from = begin;
    for (std::size_t cut : cuts) {
      fixed.append(context.doc.text, from, cut - from);
      fixed += ' ';
      from = cut;
    }
    fixed.append(context.doc.text, from, end - from);
    const std::string glued = context.doc.text.substr(begin, end - begin);
    Finding finding = make_finding(context.doc, {begin, end}, "missing space in \"" + glued + "\" (\"" + fixed + "\")");
    finding.fix = fixed;
    out.push_back(std::move(finding));
    i = j;
  }
}

}  // namespace tc
