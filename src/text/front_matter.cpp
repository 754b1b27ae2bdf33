#include "text/front_matter.h"

#include <cctype>

#include "core/line_index.h"

namespace tc {
namespace {


std::string_view trim_right(std::string_view line) {
  while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
  return line;
}

std::string_view trim_left(std::string_view line) {
  while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(1);
  return line;
}

// A line that opens a mapping in the block's language: `title: ...` in YAML,
// `title = ...` or `[params]` in TOML. A YAML key is one word (letters,
// digits, `_`, `-`, `.`; or quoted): a sentence with a colon is not a key.
bool looks_like_first_entry(std::string_view line, FrontMatterSyntax syntax) {
  if (syntax == FrontMatterSyntax::toml) {
    const std::string_view body = trim_left(line);
    return body.starts_with('[') || body.find('=') != std::string_view::npos;
  }
  std::size_t colon = 0;
  if (!line.empty() && (line.front() == '"' || line.front() == '\'')) {
    colon = line.find(line.front(), 1);
    if (colon == std::string_view::npos) return false;
    ++colon;
  } else {
    while (colon < line.size()) {
      const auto c = static_cast<unsigned char>(line[colon]);
      if (!(c >= 0x80 || std::isalnum(c) || c == '_' || c == '-' || c == '.')) break;
      ++colon;
    }
    if (colon == 0) return false;
  }
  return colon < line.size() && line[colon] == ':' &&
         (colon + 1 == line.size() || line[colon + 1] == ' ' || line[colon + 1] == '\t');
}

}  // namespace

std::optional<FrontMatter> find_front_matter(std::string_view text) {
  const Line first = line_starting_at(text, 0);
  const std::string_view fence = trim_right(text.substr(0, first.end));
  FrontMatter front;
  if (fence == "---") front.syntax = FrontMatterSyntax::yaml;
  else if (fence == "+++") front.syntax = FrontMatterSyntax::toml;
  else return std::nullopt;
  if (first.next == first.end) return std::nullopt;  // the fence is the whole text

  bool seen_entry = false;
  for (std::size_t begin = first.next; begin < text.size();) {
    const Line line = line_starting_at(text, begin);
    const std::string_view content = text.substr(begin, line.end - begin);
    const std::string_view closing = trim_right(content);
    const bool closes = front.syntax == FrontMatterSyntax::toml ? closing == "+++" : (closing == "---" || closing == "...");
    if (closes) {
      front.content = {first.next, begin};
      front.span = {0, line.next};
      return front;
    }
    const std::string_view body = trim_left(content);
    if (!seen_entry && !body.empty() && !body.starts_with('#')) {
      if (!looks_like_first_entry(content, front.syntax)) return std::nullopt;
      seen_entry = true;
    }
    begin = line.next;
  }
  return std::nullopt;
}

}  // namespace tc
