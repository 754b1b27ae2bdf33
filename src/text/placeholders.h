#pragma once
// Placeholders and markup that a translation must carry over unchanged:
// printf and Python conversions, brace variables, ICU MessageFormat
// arguments, inline tags, character entities, URLs and Markdown link
// targets. One scanner serves the prose mask of bilingual files and the
// placeholder rules.
#include <array>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/span.h"

namespace tc {

enum class PlaceholderKind : std::uint8_t {
  printf,      // %s, %d, %1$s, %%, %(name)s, %'.2f
  brace,       // {name}, {0}, {{name}}, ${x}, %{x}, ICU simple arguments
  icu,         // {n, plural, one{…} other{…}} and select: the whole argument
  tag,         // <b>, </b>, <x id="1"/>, <g id="2">, XLIFF/TMX inline elements
  entity,      // &amp; &#169; &nbsp;
  url,         // http(s)://…, www.…, a Markdown link target "](…)"
};

// 24 bytes, not the 56 of a span and a std::string: a unit of placeholders
// holds one for every few bytes of its text. The key (what must match across
// languages: "%s" for %1$s, "<g#2>" for <g id="2">, the URL) is the
// placeholder's own text when it is written as its key, else held inline
// when short, else read again from the text (placeholder_key).
struct Placeholder {
  static constexpr std::size_t kInlineKeyBytes = 14;
  static constexpr std::uint8_t kKeyIsText = 0xFE;  // key_form: the key is text[span]
  static constexpr std::uint8_t kKeyIsRead = 0xFF;  // key_form: read again from text[span]

  Span32 span;  // bytes of the text
  PlaceholderKind kind = PlaceholderKind::brace;
  std::uint8_t key_form = kKeyIsText;  // the inline key's length, or kKeyIsText, kKeyIsRead
  std::array<char, kInlineKeyBytes> inline_key{};
};

// The placeholder p's key; text: the one find_placeholders read p from.
// scratch holds a key read again from the text (a long one that is not p's
// own text); the view lives as long as p, text and scratch.
std::string_view placeholder_key(std::string_view text, const Placeholder& p, std::string& scratch);
std::string placeholder_key(std::string_view text, const Placeholder& p);

// Every placeholder in text[span], in order. printf conversions need a
// letter right after '%' (or flags, width, a position), so "50% of" and
// "100%" are none; a brace group is a placeholder only when it holds a
// name, a number or an ICU argument.
std::vector<Placeholder> find_placeholders(std::string_view text, Span span);

// An ICU MessageFormat plural or select argument, read from its text.
struct IcuArgument {
  std::string name;  // "count"
  std::string type;  // "plural", "select", "selectordinal"
  struct Branch {
    std::string selector;  // "one", "other", "=0", "male"
    Span body;             // bytes of the text between the branch's braces
  };
  std::vector<Branch> branches;
};

// Reads the ICU argument at text[span] (a placeholder of kind icu); false
// when it is not one.
bool parse_icu_argument(std::string_view text, Span span, IcuArgument& out);

// Calls mask(span) for every byte range of text[span] that is placeholder or
// markup and not prose: whole placeholders, and of an ICU argument its head,
// selectors, braces and "#", not the branch texts. Linear in the span however
// deeply arguments nest.
void for_each_non_prose_placeholder(std::string_view text, Span span, const std::function<void(Span)>& mask);

}  // namespace tc
