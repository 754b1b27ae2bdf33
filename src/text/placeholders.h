#pragma once
// Placeholders and markup that a translation must carry over unchanged:
// printf and Python conversions, brace variables, ICU MessageFormat
// arguments, inline tags, character entities, URLs and Markdown link
// targets. One scanner serves the prose mask of bilingual files and the
// placeholder rules.
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/span.h"

namespace tc {

enum class PlaceholderKind {
  printf,      // %s, %d, %1$s, %%, %(name)s, %'.2f
  brace,       // {name}, {0}, {{name}}, ${x}, %{x}, ICU simple arguments
  icu,         // {n, plural, one{…} other{…}} and select: the whole argument
  tag,         // <b>, </b>, <x id="1"/>, <g id="2">, XLIFF/TMX inline elements
  entity,      // &amp; &#169; &nbsp;
  url,         // http(s)://…, www.…, a Markdown link target "](…)"
};

struct Placeholder {
  PlaceholderKind kind;
  Span span;        // bytes of the text
  std::string key;  // what must match across languages: "%s" for %1$s, "<g#2>" for <g id="2">, the URL
};

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
