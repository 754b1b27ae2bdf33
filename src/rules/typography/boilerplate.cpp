#include "rules/typography/boilerplate.h"

#include <array>

#include "rules/typography/text.h"

namespace tc {
namespace {

using namespace typography;

// The shipped list: data/boilerplate/phrases.txt is a raw string literal, so
// the data file is the single source and needs no build step.
constexpr std::string_view kShippedPhrases =
#include "../../../data/boilerplate/phrases.txt"
    ;

std::vector<std::string> shipped_phrases() {
  std::vector<std::string> phrases;
  for (const std::string& line : split_trimmed(kShippedPhrases, '\n'))
    if (line.front() != '#') phrases.push_back(to_lower_ascii(line));
  return phrases;
}

// Where the phrase ends, when prose at pos starts with it (ASCII case ignored)
// and it does not run on into a longer word.
std::size_t match_end(std::string_view prose, std::size_t pos, std::string_view lower_phrase) {
  if (prose.size() - pos < lower_phrase.size()) return 0;
  for (std::size_t i = 0; i < lower_phrase.size(); ++i) {
    char c = prose[pos + i];
    if (is_upper(c)) c = static_cast<char>(c - 'A' + 'a');
    if (c != lower_phrase[i]) return 0;
  }
  const std::size_t end = pos + lower_phrase.size();
  if (is_letter(lower_phrase.back()) && end < prose.size() && is_letter(prose[end])) return 0;
  return end;
}

}  // namespace

const RuleInfo& Boilerplate::info() const {
  static constexpr OptionSpec kOptions[] = {
      {"phrases", OptionType::list, "", "more phrases to flag, separated by `|`, e.g. `Read more|阅读原文`", {}, '|'},
  };
  static const RuleInfo kInfo{
      "typography/boilerplate", Severity::warning, RuleScope::document, RuleLanguage::any, true,
      "Leftover web page furniture such as \"Leave a Reply\" or 点击蓝字关注我们",
      R"doc(## What it does
Flags lines that start with a phrase from the shipped list of web page and
social-media furniture, in English and Chinese: "Click the blue text to
follow us", "点击蓝字关注我们", "Leave a Reply", "Related Post", "Your email
address will not be published", "点击查看往期精彩内容", "Click to view past
exciting content" and others. Matching ignores ASCII case and needs the
phrase at the start of a line (after spaces and Markdown heading, quote or
list markers), so the same words inside a sentence are not flagged.

The list is data/boilerplate/phrases.txt, compiled into the program (the file
is a C++ raw string literal, so it stays the only copy). There is no fix:
delete the line.

## Why it matters
Text copied from a blog or a WeChat article brings the page's buttons and
footers along; translated, they end up in print.

## Example
A line `Click the blue text to follow us` is flagged.)doc", /*explains_its_span=*/false, /*reads_undecoded=*/false, kOptions};
  return kInfo;
}

void Boilerplate::check(const CheckContext& context, FindingSink& out) const {
  static const std::vector<std::string> kShipped = shipped_phrases();
  // The bytes a shipped phrase starts with: a line starting otherwise is
  // not compared with each of them.
  static const std::array<bool, 256> kShippedFirst = [] {
    std::array<bool, 256> first{};
    for (const std::string& phrase : kShipped) first[static_cast<unsigned char>(phrase.front())] = true;
    return first;
  }();
  std::vector<std::string> extra;
  for (const std::string& phrase : context.options.list("typography/boilerplate.phrases"))
    extra.push_back(to_lower_ascii(phrase));
  const std::string_view prose = context.doc.prose();
  for (std::size_t line = 0; line < context.doc.lines.line_count(); ++line) {
    const std::size_t line_start = context.doc.lines.start(line);
    // Skip indentation (ASCII or ideographic spaces) and Markdown heading,
    // quote and list markers: "## Related Posts", "- Leave a Reply".
    std::size_t pos = line_start;
    while (pos < prose.size()) {
      if (is_blank(prose[pos]) || prose[pos] == kMaskByte || prose[pos] == '#' || prose[pos] == '>' ||
          ((prose[pos] == '-' || prose[pos] == '*' || prose[pos] == '+') && pos + 1 < prose.size() &&
           is_blank(prose[pos + 1])))
        ++pos;
      else if (prose.compare(pos, 3, "\xE3\x80\x80") == 0)
        pos += 3;
      else
        break;
    }
    if (pos >= prose.size() || prose[pos] == '\n' || prose[pos] == '\r') continue;
    auto report_first_match = [&](const std::vector<std::string>& phrases) {
      for (const std::string& phrase : phrases) {
        const std::size_t end = match_end(prose, pos, phrase);
        if (end == 0) continue;
        out.push_back(make_finding(context.doc, {pos, end},
                                   "leftover web boilerplate \"" + std::string(context.doc.text, pos, end - pos) + "\""));
        return true;
      }
      return false;
    };
    const char first = is_upper(prose[pos]) ? static_cast<char>(prose[pos] - 'A' + 'a') : prose[pos];
    const bool may_be_shipped = kShippedFirst[static_cast<unsigned char>(first)];
    if (!(may_be_shipped && report_first_match(kShipped))) report_first_match(extra);  // one finding per line
  }
}

}  // namespace tc
