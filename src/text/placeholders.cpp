#include "text/placeholders.h"

#include <algorithm>
#include <array>
#include <cstring>

#include "text/byte_skip.h"
#include "text/urls.h"

namespace tc {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_name_char(char c) { return is_alpha(c) || is_digit(c) || c == '_' || c == '.' || c == '-'; }
bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// A printf conversion at text[pos] == '%': its end, or pos when it is none.
// key receives the conversion without its position ("%1$s" -> "%s").
std::size_t read_printf(std::string_view text, std::size_t pos, std::size_t end, std::string& key) {
  std::size_t p = pos + 1;
  if (p >= end) return pos;
  if (text[p] == '%') {
    key = "%%";
    return p + 1;
  }
  key = "%";
  if (text[p] == '(') {  // Python: %(name)s
    const std::size_t close = text.find(')', p);
    if (close == std::string_view::npos || close >= end || close == p + 1) return pos;
    for (std::size_t i = p + 1; i < close; ++i)
      if (!is_name_char(text[i])) return pos;
    key += text.substr(p, close + 1 - p);
    p = close + 1;
  } else {
    std::size_t digits = p;
    while (digits < end && is_digit(text[digits])) ++digits;
    if (digits > p && digits < end && text[digits] == '$') p = digits + 1;  // a position: not part of the key
  }
  while (p < end && std::strchr("-+#0'", text[p])) key += text[p++];
  if (p < end && text[p] == '*') key += text[p++];
  while (p < end && is_digit(text[p])) key += text[p++];
  if (p < end && text[p] == '.') {
    key += text[p++];
    if (p < end && text[p] == '*') key += text[p++];
    while (p < end && is_digit(text[p])) key += text[p++];
  }
  while (p < end && std::strchr("hlLqjzt", text[p])) key += text[p++];
  // gettext's <inttypes.h> macros stand for the length and conversion: %<PRIdMAX>, %1$<PRIu64>.
  if (p + 4 < end && text.substr(p, 4) == "<PRI") {
    const std::size_t close = text.find('>', p);
    if (close == std::string_view::npos || close >= end) return pos;
    for (std::size_t i = p + 4; i < close; ++i)
      if (!is_alpha(text[i]) && !is_digit(text[i])) return pos;
    key += text.substr(p, close + 1 - p);
    return close + 1;
  }
  if (p >= end || !std::strchr("diouxXeEfFgGaAcspn", text[p])) return pos;
  key += text[p];
  return p + 1;
}

// The closing brace that matches text[open] == '{', or npos.
std::size_t matching_brace(std::string_view text, std::size_t open, std::size_t end) {
  int depth = 0;
  for (std::size_t i = open; i < end; ++i) {
    if (text[i] == '{') ++depth;
    else if (text[i] == '}' && --depth == 0) return i;
  }
  return std::string_view::npos;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

bool is_name(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), is_name_char);
}

// The brace group text[open..close]: a placeholder's kind and key, or false.
bool classify_braces(std::string_view text, std::size_t open, std::size_t close, PlaceholderKind& kind,
                     std::string& key) {
  const std::string_view inside = text.substr(open + 1, close - open - 1);
  const std::size_t comma = inside.find(',');
  if (comma == std::string_view::npos) {
    // {name}, {0}, Python {name!r:>10}
    std::string_view name = trim(inside);
    const std::size_t spec = name.find_first_of("!:");
    if (spec != std::string_view::npos) name = name.substr(0, spec);
    if (!is_name(name)) return false;
    kind = PlaceholderKind::brace;
    key = "{" + std::string(name) + "}";
    return true;
  }
  const std::string_view name = trim(inside.substr(0, comma));
  if (!is_name(name)) return false;
  const std::size_t second = inside.find(',', comma + 1);
  const std::string_view type = trim(inside.substr(comma + 1, second == std::string_view::npos ? std::string_view::npos : second - comma - 1));
  if (type == "plural" || type == "select" || type == "selectordinal") {
    kind = PlaceholderKind::icu;
    key = "{" + std::string(name) + "," + std::string(type) + "}";
    return true;
  }
  if (type == "number" || type == "date" || type == "time" || type == "spellout" || type == "ordinal" || type == "duration") {
    kind = PlaceholderKind::brace;
    key = "{" + std::string(name) + "}";
    return true;
  }
  return false;
}

// Inline element names of HTML, XLIFF 1.2/2.0 and TMX: only these make a
// "<name>" a tag, so "<FILE>" in a usage line stays words to translate.
bool is_markup_name(std::string_view name) {
  // Names that usage lines write as metavariables ("<link>", "<table>") are left out.
  static constexpr std::string_view kNames[] = {
      "a", "abbr", "b", "bdi", "bdo", "blockquote", "bpt", "br", "bx", "cite", "code", "cp", "dd", "del",
      "dfn", "div", "dl", "dt", "ec", "em", "ept", "ex", "g", "h1", "h2", "h3", "h4", "h5", "h6", "hi", "hr", "i",
      "img", "ins", "it", "kbd", "li", "mrk", "ol", "p", "pc", "ph", "pre", "q", "s", "sc", "span", "strike",
      "strong", "sub", "sup", "td", "th", "tr", "tt", "u", "ul", "ut", "wbr", "x"};
  return std::find(std::begin(kNames), std::end(kNames), name) != std::end(kNames);
}

// A tag at text[pos] == '<': its end, or pos when it is none.
std::size_t read_tag(std::string_view text, std::size_t pos, std::size_t end, std::string& key) {
  std::size_t p = pos + 1;
  const bool closing = p < end && text[p] == '/';
  if (closing) ++p;
  const std::size_t name_begin = p;
  while (p < end && (is_alpha(text[p]) || is_digit(text[p]))) ++p;
  const std::string_view name = text.substr(name_begin, p - name_begin);
  if (!is_markup_name(name) || p >= end || !(text[p] == '>' || text[p] == '/' || is_space(text[p]))) return pos;
  const std::size_t limit = std::min(end, pos + 1000);
  std::size_t close = p;
  char quote = 0;
  for (; close < limit; ++close) {
    const char c = text[close];
    if (quote) {
      if (c == quote) quote = 0;
    } else if (c == '"' || c == '\'') {
      quote = c;
    } else if (c == '>') {
      break;
    } else if (c == '<') {
      return pos;
    }
  }
  if (close >= limit) return pos;
  const std::string_view attributes = text.substr(p, close - p);
  std::string id;
  for (const std::string_view attribute : {"id=", "rid=", "i=", "x="}) {
    std::size_t at = attributes.find(attribute);
    while (at != std::string_view::npos && at > 0 && !is_space(attributes[at - 1])) at = attributes.find(attribute, at + 1);
    if (at == std::string_view::npos || at + attribute.size() >= attributes.size()) continue;
    const char q = attributes[at + attribute.size()];
    if (q != '"' && q != '\'') continue;
    const std::size_t value_end = attributes.find(q, at + attribute.size() + 1);
    if (value_end == std::string_view::npos) continue;
    id = std::string(attributes.substr(at + attribute.size() + 1, value_end - at - attribute.size() - 1));
    break;
  }
  const bool self_closing = !attributes.empty() && attributes.back() == '/';
  key = std::string("<") + (closing ? "/" : "") + std::string(name) + (id.empty() ? "" : "#" + id) + (self_closing ? "/" : "") + ">";
  return close + 1;
}

// A character entity at text[pos] == '&': its end, or pos.
std::size_t read_entity(std::string_view text, std::size_t pos, std::size_t end) {
  std::size_t p = pos + 1;
  if (p < end && text[p] == '#') {
    ++p;
    const bool hex = p < end && (text[p] == 'x' || text[p] == 'X');
    if (hex) ++p;
    const std::size_t digits = p;
    while (p < end && (is_digit(text[p]) || (hex && std::strchr("abcdefABCDEF", text[p])))) ++p;
    if (p == digits) return pos;
  } else {
    const std::size_t letters = p;
    while (p < end && (is_alpha(text[p]) || is_digit(text[p]))) ++p;
    if (p == letters || p - letters > 10) return pos;
  }
  return p < end && text[p] == ';' ? p + 1 : pos;
}

}  // namespace

namespace {

// The bytes find_placeholders looks at; every other byte is plain text.
constexpr std::array<bool, 256> kOpensPlaceholder = [] {
  std::array<bool, 256> opens{};
  for (const char c : std::string_view("%${<&]")) opens[static_cast<unsigned char>(c)] = true;
  return opens;
}();

bool may_open_placeholder(char c) { return kOpensPlaceholder[static_cast<unsigned char>(c)]; }

// The first byte from pos on, before stop, that may open a placeholder; stop when none.
std::size_t plain_text_end(std::string_view text, std::size_t pos, std::size_t stop) {
  return text::find_any_byte<'%', '$', '{', '<', '&', ']'>(text, pos, stop);  // kOpensPlaceholder's bytes
}

}  // namespace

// The closing brace matching each '{' of text[begin, end) (as
// matching_brace finds it), all found in one pass when first asked: searching
// from each '{' made a run of them ("{{{{…") quadratic.
class BraceMatches {
 public:
  BraceMatches(std::string_view text, std::size_t begin, std::size_t end) : text_(text), begin_(begin), end_(end) {}
  std::size_t close_of(std::size_t open) {
    if (!built_) build();
    const auto it = std::lower_bound(opens_.begin(), opens_.end(), open,
                                     [](const std::pair<std::size_t, std::size_t>& o, std::size_t at) { return o.first < at; });
    return it != opens_.end() && it->first == open ? it->second : std::string_view::npos;
  }

 private:
  void build() {
    built_ = true;
    std::vector<std::size_t> unclosed;  // indices into opens_
    for (std::size_t i = begin_; i < end_; ++i) {
      if (text_[i] == '{') {
        unclosed.push_back(opens_.size());
        opens_.emplace_back(i, std::string_view::npos);
      } else if (text_[i] == '}' && !unclosed.empty()) {
        opens_[unclosed.back()].second = i;
        unclosed.pop_back();
      }
    }
  }
  std::string_view text_;
  std::size_t begin_, end_;
  bool built_ = false;
  std::vector<std::pair<std::size_t, std::size_t>> opens_;  // each '{' and its match, in order
};

// text.find(needle, from) for a from that only rises: the last answer serves
// while it lies at or after from (none then: none now).
class RisingFind {
 public:
  RisingFind(std::string_view text, std::string_view needle) : text_(text), needle_(needle) {}
  std::size_t operator()(std::size_t from) {
    if (!asked_ || from < from_ || (at_ != std::string_view::npos && at_ < from)) {
      at_ = text_.find(needle_, from);
      from_ = from;
      asked_ = true;
    }
    return at_;
  }

 private:
  std::string_view text_, needle_;
  bool asked_ = false;
  std::size_t from_ = 0, at_ = std::string_view::npos;
};

std::vector<Placeholder> find_placeholders(std::string_view text, Span span) {
  std::vector<Placeholder> found;
  const std::size_t end = std::min(span.end, text.size());
  // A URL is a run of URL bytes: one starting in the span starts after the
  // last other byte before it, so the scan need not begin at the start of the
  // text (from there, a check of each sentence was quadratic in the text).
  // The walk back is bounded too, for text that is one long run of such bytes.
  constexpr std::size_t kLongestUrl = 8192;
  std::size_t from = std::min(span.begin, end);
  const std::size_t limit = from > kLongestUrl ? from - kLongestUrl : 0;
  while (from > limit && is_url_byte(static_cast<unsigned char>(text[from - 1]))) --from;
  std::vector<Span> urls;
  for (const Span url : find_urls(text.substr(from, end - from)))
    if (url.begin + from >= span.begin) urls.push_back({url.begin + from, url.end + from});
  std::size_t next_url = 0;
  BraceMatches braces(text, std::min(span.begin, end), end);
  RisingFind next_close(text, "}"), next_double_close(text, "}}");
  for (std::size_t pos = span.begin; pos < end;) {
    while (next_url < urls.size() && urls[next_url].end <= pos) ++next_url;
    if (next_url < urls.size() && urls[next_url].begin == pos) {
      const Span url = urls[next_url];
      found.push_back({PlaceholderKind::url, url, std::string(text.substr(url.begin, url.end - url.begin))});
      pos = url.end;
      continue;
    }
    const char c = text[pos];
    if (!may_open_placeholder(c)) {
      // Skip to the next byte that may open one, or the next URL's start (or
      // the end of one the scan is inside, to look again from there).
      std::size_t stop = end;
      if (next_url < urls.size()) stop = urls[next_url].begin > pos ? urls[next_url].begin : urls[next_url].end;
      pos = plain_text_end(text, pos + 1, stop);
      continue;
    }
    std::string key;
    std::size_t after = pos;
    PlaceholderKind kind = PlaceholderKind::brace;
    if (c == '%') {
      if (pos + 1 < end && text[pos + 1] == '{') {
        const std::size_t close = next_close(pos + 2);
        if (close != std::string_view::npos && close < end && is_name(text.substr(pos + 2, close - pos - 2))) {
          key = std::string(text.substr(pos, close + 1 - pos));
          after = close + 1;
        }
      } else {
        after = read_printf(text, pos, end, key);
        kind = PlaceholderKind::printf;
      }
    } else if (c == '$' && pos + 1 < end && text[pos + 1] == '{') {
      const std::size_t close = next_close(pos + 2);
      if (close != std::string_view::npos && close < end && is_name(trim(text.substr(pos + 2, close - pos - 2)))) {
        key = "${" + std::string(trim(text.substr(pos + 2, close - pos - 2))) + "}";
        after = close + 1;
      }
    } else if (c == '{') {
      if (pos + 1 < end && text[pos + 1] == '{') {
        const std::size_t close = next_double_close(pos + 2);
        const std::string_view name = close == std::string_view::npos ? std::string_view() : trim(text.substr(pos + 2, close - pos - 2));
        if (close != std::string_view::npos && close + 2 <= end && is_name(name)) {
          key = "{{" + std::string(name) + "}}";
          after = close + 2;
        }
      }
      if (after == pos) {
        const std::size_t close = braces.close_of(pos);
        if (close != std::string_view::npos && classify_braces(text, pos, close, kind, key)) after = close + 1;
      }
    } else if (c == '<') {
      after = read_tag(text, pos, end, key);
      kind = PlaceholderKind::tag;
    } else if (c == '&') {
      after = read_entity(text, pos, end);
      kind = PlaceholderKind::entity;
      if (after > pos) key = std::string(text.substr(pos, after - pos));
    } else if (c == ']' && pos + 1 < end && text[pos + 1] == '(') {
      const std::size_t close = text.find(')', pos + 2);
      if (close != std::string_view::npos && close < end && text.substr(pos + 2, close - pos - 2).find_first_of(" \n") == std::string_view::npos &&
          close > pos + 2) {
        kind = PlaceholderKind::url;
        key = std::string(text.substr(pos + 2, close - pos - 2));
        found.push_back({kind, {pos + 2, close}, key});
        pos = close + 1;
        continue;
      }
    }
    if (after > pos) {
      found.push_back({kind, {pos, after}, std::move(key)});
      pos = after;
    } else {
      ++pos;
    }
  }
  return found;
}

bool parse_icu_argument(std::string_view text, Span span, IcuArgument& out) {
  if (span.empty() || text[span.begin] != '{' || text[span.end - 1] != '}') return false;
  const std::string_view inside = text.substr(span.begin + 1, span.end - span.begin - 2);
  const std::size_t first = inside.find(',');
  if (first == std::string_view::npos) return false;
  const std::size_t second = inside.find(',', first + 1);
  if (second == std::string_view::npos) return false;
  out.name = std::string(trim(inside.substr(0, first)));
  out.type = std::string(trim(inside.substr(first + 1, second - first - 1)));
  out.branches.clear();
  std::size_t pos = span.begin + 1 + second + 1;
  const std::size_t end = span.end - 1;
  while (pos < end) {
    while (pos < end && is_space(text[pos])) ++pos;
    if (pos >= end) break;
    const std::size_t selector_begin = pos;
    while (pos < end && text[pos] != '{' && !is_space(text[pos])) ++pos;
    const std::string selector(text.substr(selector_begin, pos - selector_begin));
    if (selector.rfind("offset:", 0) == 0) continue;  // "offset:1" precedes the branches
    while (pos < end && is_space(text[pos])) ++pos;
    if (pos >= end || text[pos] != '{') return false;
    const std::size_t close = matching_brace(text, pos, end);
    if (close == std::string_view::npos) return false;
    out.branches.push_back({selector, {pos + 1, close}});
    pos = close + 1;
  }
  return !out.branches.empty();
}

}  // namespace tc
