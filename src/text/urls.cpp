#include "text/urls.h"

#include <algorithm>
#include <cctype>

namespace tc {

bool is_url_byte(unsigned char c) {
  return c > 0x20 && c < 0x7F && c != '<' && c != '>' && c != '"' && c != '`';
}

std::vector<Span> find_urls(std::string_view text) {
  std::vector<Span> urls;
  std::size_t pos = 0;
  // The next "www." and the next ':' at or after pos, each searched again
  // only once pos passes it: searching from every hit of the other would make
  // long texts quadratic (many hosts and no colon after them, or the reverse).
  std::size_t next_www = text.find("www.");
  std::size_t next_colon = text.find(':');
  while (pos < text.size()) {
    const char* www = nullptr;
    // Look for "://" schemes and "www." hosts; both are rare in prose, so scan
    // for their distinctive byte first.
    if (next_colon != std::string_view::npos && next_colon < pos) next_colon = text.find(':', pos);
    std::size_t candidate = next_colon != std::string_view::npos ? next_colon : text.size();
    if (next_www != std::string_view::npos && next_www < pos) next_www = text.find("www.", pos);
    const std::size_t w = next_www;
    if (w != std::string_view::npos && w < candidate) {
      www = text.data() + w;
      candidate = w;
    }
    if (candidate >= text.size()) break;
    std::size_t begin = candidate;
    bool is_url = false;
    if (www) {
      is_url = begin == 0 || !std::isalnum(static_cast<unsigned char>(text[begin - 1]));
    } else if (text.compare(candidate, 3, "://") == 0) {
      while (begin > 0 && std::isalpha(static_cast<unsigned char>(text[begin - 1]))) --begin;
      is_url = begin < candidate;
    }
    if (!is_url) {
      pos = candidate + 1;
      continue;
    }
    std::size_t end = candidate;
    while (end < text.size() && is_url_byte(static_cast<unsigned char>(text[end]))) ++end;
    // Trailing sentence punctuation and an unmatched closing bracket belong to
    // the prose. Brackets are counted once: recounting for each trailing ')'
    // makes a URL followed by thousands of them quadratic.
    const std::string_view url = text.substr(begin, end - begin);
    const auto opens = std::count(url.begin(), url.end(), '(');
    auto closes = std::count(url.begin(), url.end(), ')');
    while (end > begin) {
      const char c = text[end - 1];
      if (c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?' || c == '\'') {
        --end;
      } else if (c == ')' && closes > opens) {
        --end;
        --closes;
      } else {
        break;
      }
    }
    urls.push_back({begin, end});
    pos = std::max(end, candidate + 1);
  }
  return urls;
}

}  // namespace tc
