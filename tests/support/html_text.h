#pragma once
// The text a page shows: its tags removed and the escapes a serializer
// writes (&lt; &gt; &quot; &#39; &nbsp; &amp;) undone. Shared by the HTML
// report's unit test and its browser test.
#include <regex>
#include <string>
#include <utility>
#include <vector>

namespace tc::test {

inline std::string html_text(const std::string& html) {
  std::string text = std::regex_replace(html, std::regex("<[^>]*>"), "");
  for (const auto& [entity, character] : std::vector<std::pair<std::string, std::string>>{
           {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&#39;", "'"}, {"&nbsp;", "\u00A0"}, {"&amp;", "&"}}) {
    std::string out;
    std::size_t at = 0;
    for (std::size_t found; (found = text.find(entity, at)) != std::string::npos; at = found + entity.size())
      out += text.substr(at, found - at) + character;
    text = out + text.substr(at);
  }
  return text;
}

}  // namespace tc::test
