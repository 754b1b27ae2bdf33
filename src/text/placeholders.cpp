#include "text/placeholders.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <functional>

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
// find(c, from): text.find(c, from) for ')' and '>'.
template <class Find>
std::size_t read_printf(std::string_view text, std::size_t pos, std::size_t end, Find&& find, std::string& key) {
  std::size_t p = pos + 1;
  if (p >= end) return pos;
  if (text[p] == '%') {
    key = "%%";
    return p + 1;
  }
  key.assign(1, '%');
  if (text[p] == '(') {  // Python: %(name)s
    const std::size_t close = find(')', p);
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
    const std::size_t close = find('>', p);
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

std::string_view trim(std::string_view s) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

bool is_name(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), is_name_char);
}

// The keys of "${ name }" and "{{ name }}" from what their braces enclose:
// the name without its spaces. (The scan makes them; placeholder_key makes
// them again for a long one.)
std::string dollar_brace_key(std::string_view inside) { return "${" + std::string(trim(inside)) + "}"; }
std::string double_brace_key(std::string_view inside) { return "{{" + std::string(trim(inside)) + "}}"; }

// The brace group text[open..close]: a placeholder's kind and key, or false.
// comma_after(i): the first ',' at or after i (text.find). Reads the name and
// type and what follows them only, never the whole group: nested groups
// ("{{{…}}}", "{a:{a:…}}") made reading each one whole quadratic.
template <class CommaAfter>
bool classify_braces(std::string_view text, std::size_t open, std::size_t close, CommaAfter&& comma_after,
                     PlaceholderKind& kind, std::string& key) {
  auto skip_spaces = [&](std::size_t i) {
    while (i < close && is_space(text[i])) ++i;
    return i;
  };
  const std::size_t name_begin = skip_spaces(open + 1);
  std::size_t name_end = name_begin;
  while (name_end < close && is_name_char(text[name_end])) ++name_end;
  const std::string_view name = text.substr(name_begin, name_end - name_begin);
  const std::size_t after = skip_spaces(name_end);
  if (name.empty()) return false;
  if (after == close || ((text[after] == '!' || text[after] == ':') && after == name_end && comma_after(after) >= close)) {
    // {name}, {0}, Python {name!r:>10} (no comma anywhere in it)
    kind = PlaceholderKind::brace;
    key.assign(1, '{').append(name).push_back('}');
    return true;
  }
  if (text[after] != ',') return false;
  // {name, type} and {name, type, ...}: the type is the word between the
  // first comma and the second (or the end).
  constexpr std::size_t kLongestType = 13;  // "selectordinal"
  const std::size_t type_begin = skip_spaces(after + 1);
  std::size_t type_end = type_begin;
  while (type_end < close && !is_space(text[type_end]) && text[type_end] != ',' && type_end - type_begin <= kLongestType) ++type_end;
  const std::size_t rest = skip_spaces(type_end);
  if (rest != close && text[rest] != ',') return false;
  const std::string_view type = text.substr(type_begin, type_end - type_begin);
  if (type == "plural" || type == "select" || type == "selectordinal") {
    kind = PlaceholderKind::icu;
    key.assign(1, '{').append(name).append(1, ',').append(type).push_back('}');
    return true;
  }
  if (type == "number" || type == "date" || type == "time" || type == "spellout" || type == "ordinal" || type == "duration") {
    kind = PlaceholderKind::brace;
    key.assign(1, '{').append(name).push_back('}');
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

// The closing brace matching each '{' of text[begin, end) (the first '}'
// where the depth counted from it returns to zero), all found in one pass
// when first asked: searching from each '{' made a run of them ("{{{{…")
// quadratic.
class BraceMatches {
 public:
  BraceMatches(std::string_view text, std::size_t begin, std::size_t end) : text_(text), begin_(begin), end_(end) {}
  std::size_t close_of(std::size_t open) {
    if (open < begin_ || open >= end_ || text_[open] != '{') return std::string_view::npos;
    if (!built_) build();
    const std::uint32_t close = closes_[rank_of(open)];
    return close == kUnclosed ? std::string_view::npos : close;
  }

 private:
  // "{{{{…" holds a '{' in every byte: each has its match's 32-bit offset,
  // found by its rank among the '{' (from a count for each block of bytes
  // and the '{' before it in its block), not a list of (open, close) pairs.
  static constexpr std::uint32_t kUnclosed = UINT32_MAX;
  static constexpr std::size_t kBlockBytes = 64;

  std::size_t rank_of(std::size_t open) const {
    const std::size_t block = (open - begin_) / kBlockBytes;
    const std::size_t block_begin = begin_ + block * kBlockBytes;
    return ranks_before_block_[block] +
           static_cast<std::size_t>(std::count(text_.begin() + block_begin, text_.begin() + open, '{'));
  }

  void build() {
    built_ = true;
    ranks_before_block_.reserve((end_ - begin_) / kBlockBytes + 1);
    std::uint32_t opens = 0;
    for (std::size_t block = begin_; block < end_; block += kBlockBytes) {
      ranks_before_block_.push_back(opens);
      opens = narrow_offset(opens + static_cast<std::size_t>(std::count(text_.begin() + block,
                                                                           text_.begin() + std::min(end_, block + kBlockBytes), '{')));
    }
    closes_.assign(opens, kUnclosed);
    // The unclosed '{' are a stack threaded through their entries: until its
    // match is found, an entry holds the rank of the unclosed one before it
    // (a separate stack took 4 bytes more for each '{' of a run).
    std::uint32_t innermost = kUnclosed;
    std::uint32_t rank = 0;
    for (std::size_t i = begin_; i < end_; ++i) {
      if (text_[i] == '{') {
        closes_[rank] = innermost;
        innermost = rank++;
      } else if (text_[i] == '}' && innermost != kUnclosed) {
        const std::uint32_t outer = closes_[innermost];
        closes_[innermost] = narrow_offset(i);
        innermost = outer;
      }
    }
    while (innermost != kUnclosed) {
      const std::uint32_t outer = closes_[innermost];
      closes_[innermost] = kUnclosed;
      innermost = outer;
    }
  }
  std::string_view text_;
  std::size_t begin_, end_;
  bool built_ = false;
  std::vector<std::uint32_t> ranks_before_block_;  // the '{' before each block of kBlockBytes
  std::vector<std::uint32_t> closes_;              // each '{'s match, by rank; kUnclosed: none
};

// text.find(needle, from) for any from in [begin, end]: the needle's
// occurrences that start in text[begin, end) are listed once, when first asked
// (searching again from each position, as scans of nested spans do, was
// quadratic).
class NextFind {
 public:
  NextFind(std::string_view text, std::string_view needle, std::size_t begin, std::size_t end)
      : text_(text), needle_(needle), begin_(begin), end_(end) {}
  std::size_t operator()(std::size_t from) {
    if (from < begin_ || from > end_) return text_.find(needle_, from);
    if (!built_) build();
    const auto it = std::lower_bound(at_.begin(), at_.end(), from);
    if (it != at_.end()) return static_cast<std::size_t>(*it);
    if (!after_found_) {
      after_ = text_.find(needle_, end_);
      after_found_ = true;
    }
    return after_;
  }

 private:
  void build() {
    built_ = true;
    for (std::size_t at = text_.find(needle_, begin_); at != std::string_view::npos && at < end_; at = text_.find(needle_, at + 1))
      at_.push_back(narrow_offset(at));
  }
  std::string_view text_, needle_;
  std::size_t begin_, end_;
  bool built_ = false, after_found_ = false;
  std::vector<std::uint32_t> at_;  // 32-bit offsets: a run of the needle holds one for every byte
  std::size_t after_ = std::string_view::npos;  // the first at or after end, when asked
};

constexpr std::size_t kLongestUrl = 8192;

// What scanning a span for placeholders looks up, found once for the span and
// shared by the scans of the spans inside it (the branches of nested ICU
// arguments), so that nesting does not rescan what it nests.
class PlaceholderScan {
 public:
  PlaceholderScan(std::string_view text, std::size_t begin, std::size_t end)
      : braces(text, begin, end), next_close(text, "}", begin, end), next_double_close(text, "}}", begin, end),
        next_comma(text, ",", begin, end), next_paren(text, ")", begin, end), next_angle(text, ">", begin, end),
        next_space(text, " ", begin, end), next_newline(text, "\n", begin, end), text_(text), begin_(begin > kLongestUrl ? begin - kLongestUrl : 0), end_(end) {}

  // False when no URL can start in text[from, end) (within the span, or up to
  // kLongestUrl before it): no "://" or "www." lies wholly in it, so
  // find_urls finds none there.
  bool may_hold_url(std::size_t from, std::size_t end) {
    if (from < begin_ || end > end_) return true;
    if (!markers_built_) {
      markers_built_ = true;
      for (const std::string_view marker : {std::string_view("://"), std::string_view("www.")})
        for (std::size_t at = text_.find(marker, begin_); at != std::string_view::npos && at < end_; at = text_.find(marker, at + 1))
          markers_.emplace_back(at, at + marker.size());
      std::sort(markers_.begin(), markers_.end());
    }
    for (auto it = std::lower_bound(markers_.begin(), markers_.end(), std::pair<std::size_t, std::size_t>(from, 0));
         it != markers_.end() && it->first < end; ++it)
      if (it->second <= end) return true;
    return false;
  }

  BraceMatches braces;
  // The next '}', "}}", ',', ')', '>', ' ' and line break: searched from each
  // opener of a run of them ("](](](…", "%(%(…") they were quadratic.
  NextFind next_close, next_double_close, next_comma, next_paren, next_angle, next_space, next_newline;

 private:
  std::string_view text_;
  std::size_t begin_, end_;
  bool markers_built_ = false;
  std::vector<std::pair<std::size_t, std::size_t>> markers_;  // [start, end) of each "://" and "www.", by start
};

static_assert(sizeof(Placeholder) == 24, "a unit of placeholders holds one for every few bytes of its text");

// A placeholder whose key the scan read as key.
Placeholder make_placeholder(std::string_view text, PlaceholderKind kind, Span span, std::string_view key) {
  Placeholder p;
  p.span = span;
  p.kind = kind;
  if (key == text.substr(span.begin, span.size())) {
    p.key_form = Placeholder::kKeyIsText;
  } else if (key.size() <= Placeholder::kInlineKeyBytes) {
    p.key_form = static_cast<std::uint8_t>(key.size());
    std::copy(key.begin(), key.end(), p.inline_key.begin());
  } else {
    p.key_form = Placeholder::kKeyIsRead;
  }
  return p;
}

// find_placeholders on text[span], with what scan has found already. nested:
// span lies inside the span scan was made for (a branch of an ICU argument).
std::vector<Placeholder> find_placeholders_in(std::string_view text, Span span, PlaceholderScan& scan, bool nested) {
  std::vector<Placeholder> found;
  const std::size_t end = std::min(span.end, text.size());
  // A URL is a run of URL bytes: one starting in the span starts after the
  // last other byte before it, so the scan need not begin at the start of the
  // text (from there, a check of each sentence was quadratic in the text).
  // The walk back is bounded too, for text that is one long run of such bytes.
  std::size_t from = std::min(span.begin, end);
  const std::size_t limit = from > kLongestUrl ? from - kLongestUrl : 0;
  std::vector<Span> urls;
  if (!nested || scan.may_hold_url(limit, end)) {
    while (from > limit && is_url_byte(static_cast<unsigned char>(text[from - 1]))) --from;
    for (const Span url : find_urls(text.substr(from, end - from)))
      if (url.begin + from >= span.begin) urls.push_back({url.begin + from, url.end + from});
  }
  std::size_t next_url = 0;
  BraceMatches& braces = scan.braces;
  NextFind& next_close = scan.next_close;
  NextFind& next_double_close = scan.next_double_close;
  for (std::size_t pos = span.begin; pos < end;) {
    while (next_url < urls.size() && urls[next_url].end <= pos) ++next_url;
    if (next_url < urls.size() && urls[next_url].begin == pos) {
      const Span url = urls[next_url];
      found.push_back(make_placeholder(text, PlaceholderKind::url, url, text.substr(url.begin, url.end - url.begin)));
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
        after = read_printf(text, pos, end, [&](char c, std::size_t at) { return c == ')' ? scan.next_paren(at) : scan.next_angle(at); },
                            key);
        kind = PlaceholderKind::printf;
      }
    } else if (c == '$' && pos + 1 < end && text[pos + 1] == '{') {
      const std::size_t close = next_close(pos + 2);
      if (close != std::string_view::npos && close < end && is_name(trim(text.substr(pos + 2, close - pos - 2)))) {
        key = dollar_brace_key(text.substr(pos + 2, close - pos - 2));
        after = close + 1;
      }
    } else if (c == '{') {
      if (pos + 1 < end && text[pos + 1] == '{') {
        const std::size_t close = next_double_close(pos + 2);
        const std::string_view name = close == std::string_view::npos ? std::string_view() : trim(text.substr(pos + 2, close - pos - 2));
        if (close != std::string_view::npos && close + 2 <= end && is_name(name)) {
          key = double_brace_key(name);
          after = close + 2;
        }
      }
      if (after == pos) {
        // A match past the span (found for a wider one) is none within it.
        const std::size_t close = braces.close_of(pos);
        if (close != std::string_view::npos && close < end && classify_braces(text, pos, close, scan.next_comma, kind, key))
          after = close + 1;
      }
    } else if (c == '<') {
      after = read_tag(text, pos, end, key);
      kind = PlaceholderKind::tag;
    } else if (c == '&') {
      after = read_entity(text, pos, end);
      kind = PlaceholderKind::entity;
      if (after > pos) key = std::string(text.substr(pos, after - pos));
    } else if (c == ']' && pos + 1 < end && text[pos + 1] == '(') {
      const std::size_t close = scan.next_paren(pos + 2);
      if (close != std::string_view::npos && close < end && std::min(scan.next_space(pos + 2), scan.next_newline(pos + 2)) >= close &&
          close > pos + 2) {
        kind = PlaceholderKind::url;
        found.push_back(make_placeholder(text, kind, {pos + 2, close}, text.substr(pos + 2, close - pos - 2)));
        pos = close + 1;
        continue;
      }
    }
    if (after > pos) {
      found.push_back(make_placeholder(text, kind, {pos, after}, key));
      pos = after;
    } else {
      ++pos;
    }
  }
  return found;
}

// parse_icu_argument with the brace matches of a span that holds this one.
bool parse_icu_argument_in(std::string_view text, Span span, BraceMatches& braces, IcuArgument& out) {
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
    // The stack's match of this '{' is where the depth counted from it returns
    // to zero; past the argument's own '}' it has none inside.
    const std::size_t close = braces.close_of(pos);
    if (close == std::string_view::npos || close >= end) return false;
    out.branches.push_back({selector, {pos + 1, close}});
    pos = close + 1;
  }
  return !out.branches.empty();
}

// Calls mask for the '#' in text[span].
void mask_hashes(std::string_view text, Span span, const std::function<void(Span)>& mask) {
  const std::string_view within = text.substr(0, span.end);
  for (std::size_t i = within.find('#', span.begin); i != std::string_view::npos; i = within.find('#', i + 1)) mask(Span{i, i + 1});
}

}  // namespace

std::string_view placeholder_key(std::string_view text, const Placeholder& p, std::string& scratch) {
  if (p.key_form == Placeholder::kKeyIsText) return text.substr(p.span.begin, p.span.size());
  if (p.key_form != Placeholder::kKeyIsRead) return std::string_view(p.inline_key.data(), p.key_form);
  // Read as find_placeholders_in read it: every byte the readers look at lies
  // in the span, so bounding them by its end changes nothing.
  scratch.clear();
  const std::size_t begin = p.span.begin;
  const std::size_t end = p.span.end;
  const auto find = [&](char c, std::size_t from) { return text.find(c, from); };
  if (p.kind == PlaceholderKind::printf) {
    read_printf(text, begin, end, find, scratch);
  } else if (p.kind == PlaceholderKind::tag) {
    read_tag(text, begin, end, scratch);
  } else if (text[begin] == '$') {
    scratch = dollar_brace_key(text.substr(begin + 2, end - begin - 3));
  } else if (text.substr(begin, 2) == "{{") {
    scratch = double_brace_key(text.substr(begin + 2, end - begin - 4));
  } else if (text[begin] == '{') {
    PlaceholderKind kind = p.kind;
    classify_braces(text, begin, end - 1, [&](std::size_t from) { return text.find(',', from); }, kind, scratch);
  } else {
    scratch = std::string(text.substr(begin, end - begin));  // entities, URLs and %{name} are their text
  }
  return scratch;
}

std::string placeholder_key(std::string_view text, const Placeholder& p) {
  std::string scratch;
  const std::string_view key = placeholder_key(text, p, scratch);
  return key.data() == scratch.data() ? std::move(scratch) : std::string(key);
}

std::vector<Placeholder> find_placeholders(std::string_view text, Span span) {
  const std::size_t end = std::min(span.end, text.size());
  PlaceholderScan scan(text, std::min(span.begin, end), end);
  return find_placeholders_in(text, span, scan, false);
}

bool parse_icu_argument(std::string_view text, Span span, IcuArgument& out) {
  if (span.empty() || span.end > text.size()) return false;
  BraceMatches braces(text, span.begin, span.end);
  return parse_icu_argument_in(text, span, braces, out);
}

void for_each_non_prose_placeholder(std::string_view text, Span span, const std::function<void(Span)>& mask) {
  const std::size_t end = std::min(span.end, text.size());
  PlaceholderScan scan(text, std::min(span.begin, end), end);
  // The placeholders still to mask, the next last. Each ICU argument's
  // branches are scanned once, with the brace matches, closing braces and
  // URL markers of the whole span: nested arguments cost their own bytes
  // only, and depth takes no stack.
  std::vector<Placeholder> pending = find_placeholders_in(text, span, scan, false);
  std::reverse(pending.begin(), pending.end());
  std::vector<Placeholder> inside;
  while (!pending.empty()) {
    const Placeholder placeholder = std::move(pending.back());
    pending.pop_back();
    IcuArgument argument;
    if (placeholder.kind != PlaceholderKind::icu || !parse_icu_argument_in(text, placeholder.span, scan.braces, argument)) {
      mask(placeholder.span);
      continue;
    }
    inside.clear();
    std::size_t from = placeholder.span.begin;
    for (const IcuArgument::Branch& branch : argument.branches) {
      mask(Span{from, branch.body.begin});
      // The '#' of the branch's own text; those inside its placeholders are
      // masked with them.
      std::vector<Placeholder> found = find_placeholders_in(text, branch.body, scan, true);
      std::size_t at = branch.body.begin;
      for (const Placeholder& p : found) {
        mask_hashes(text, Span{at, p.span.begin}, mask);
        at = std::max<std::size_t>(at, p.span.end);
      }
      mask_hashes(text, Span{at, branch.body.end}, mask);
      for (Placeholder& p : found) inside.push_back(std::move(p));
      from = branch.body.end;
    }
    mask(Span{from, placeholder.span.end});
    for (auto it = inside.rbegin(); it != inside.rend(); ++it) pending.push_back(std::move(*it));
  }
}

}  // namespace tc
