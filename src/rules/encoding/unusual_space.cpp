#include "rules/encoding/unusual_space.h"

#include <algorithm>
#include <cstdlib>

#include "rules/code_point_events.h"
#include "rules/encoding/code_point_scan.h"

namespace tc {

const RuleInfo& UnusualSpace::info() const {
  static constexpr OptionSpec kOptions[] = {
      {"allow", OptionType::list, "", "code points that are wanted, written `U+00A0` or `00A0`, e.g. `U+202F` before units"},
  };
  static const RuleInfo kInfo{
      "encoding/unusual-space", Severity::info, RuleScope::document, RuleLanguage::any, true,
      "Non-breaking and other unusual space characters in prose",
      R"(## What it does
Flags space characters other than the ASCII space in prose: U+00A0 NO-BREAK
SPACE, U+1680 OGHAM SPACE MARK, U+2000–U+200A (en quad to hair space),
U+202F NARROW NO-BREAK SPACE, U+205F MEDIUM MATHEMATICAL SPACE and U+3000
IDEOGRAPHIC SPACE. A run of them is one finding, with a fix of as many ASCII
spaces.

In Chinese documents U+3000 at the start of a line is the traditional
paragraph indent and is not reported; elsewhere in a Chinese line it is
reported without a fix, because a full-width gap between Han characters is
sometimes deliberate. Code in Markdown is not checked.

## Why it matters
They look like ordinary spaces but are not: they defeat search and
"find and replace", word counts and terminology checks, and they stop line
breaking, so a long run of NBSPs can push text out of its box. They usually
come from HTML (`&nbsp;`), Word, or copying Chinese text into English.

## Example
`5` + U+00A0 + `mg` is flagged at column 2 ("no-break space U+00A0") with
the fix " ".)", /*explains_its_span=*/false, /*reads_undecoded=*/false, kOptions};
  return kInfo;
}

bool is_unusual_space(char32_t cp) {
  return cp == 0x00A0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x202F || cp == 0x205F ||
         cp == 0x3000;
}

namespace {

std::string_view space_name(char32_t cp) {
  switch (cp) {
    case 0x00A0: return "no-break space";
    case 0x202F: return "narrow no-break space";
    case 0x3000: return "ideographic (full-width) space";
    case 0x2002: return "en space";
    case 0x2003: return "em space";
    case 0x2009: return "thin space";
    case 0x200A: return "hair space";
    default: return "unusual space";
  }
}

std::vector<char32_t> allowed_spaces(const RuleOptions& options) {
  std::vector<char32_t> allowed;
  for (std::string item : options.list("encoding/unusual-space.allow")) {
    if (item.size() > 2 && (item[0] == 'U' || item[0] == 'u') && item[1] == '+') item.erase(0, 2);
    char* end = nullptr;
    const unsigned long value = std::strtoul(item.c_str(), &end, 16);
    if (end && *end == '\0' && !item.empty()) allowed.push_back(static_cast<char32_t>(value));
  }
  return allowed;
}

bool at_line_start(std::string_view text, std::size_t pos) {
  // Only other ideographic spaces may come before it on the line.
  while (pos >= 3 && text.compare(pos - 3, 3, "\xE3\x80\x80") == 0) pos -= 3;
  return pos == 0 || text[pos - 1] == '\n' || text[pos - 1] == '\r';
}

}  // namespace

void UnusualSpace::check(const CheckContext& context, FindingSink& out) const {
  const Document& doc = context.doc;
  const std::string_view prose = doc.prose();
  const std::vector<char32_t> allowed = allowed_spaces(context.options);
  auto reported = [&](char32_t cp) {
    return is_unusual_space(cp) && std::find(allowed.begin(), allowed.end(), cp) == allowed.end();
  };
  const bool chinese = doc.lang == Lang::zh;
  EventWalk walk(context, code_point_class::kUnusualSpace, /*prose_only=*/true);
  std::size_t pos = 0;
  while (const text::ClassEvent* event = walk.next(pos)) {
    const char32_t cp = event->cp;
    if (!reported(cp)) {
      pos = event->end();
      continue;
    }
    pos = event->begin;
    std::size_t count = 0;
    std::size_t end = encoding::run_end(prose, pos, reported, &count);
    // Web pages pad with "\u00A0 \u00A0 " runs: one finding for the whole run.
    for (;;) {
      std::size_t next = end;
      while (next < prose.size() && (prose[next] == ' ' || prose[next] == '\t')) ++next;
      if (next == end || next >= prose.size() || !reported(utf8::at(prose, next))) break;
      std::size_t more = 0;
      end = encoding::run_end(prose, next, reported, &more);
      count += more;
    }
    const bool ideographic_only = std::string_view(prose).substr(pos, end - pos).find_first_not_of("\xE3\x80") ==
                                      std::string_view::npos;  // every byte is E3/80: only U+3000
    if (chinese && ideographic_only && at_line_start(prose, pos)) {
      pos = end;
      continue;
    }
    std::string message = std::string(space_name(cp)) + ' ' + utf8::code_point_name(cp);
    if (count > 1) message = std::to_string(count) + " unusual spaces starting with " + message;
    Finding f = make_finding(doc, {pos, end}, std::move(message));
    if (!(chinese && cp == 0x3000)) {
      std::string fix;
      for (std::size_t i = pos; i < end;) {
        const std::size_t start = i;
        const char32_t c = utf8::next(prose, i);
        if (reported(c)) fix += ' ';
        else fix.append(prose, start, i - start);
      }
      f.fix = std::move(fix);
    }
    out.push_back(std::move(f));
    pos = end;
  }
}

}  // namespace tc
