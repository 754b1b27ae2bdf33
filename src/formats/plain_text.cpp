#include "formats/plain_text.h"

#include <algorithm>
#include <cctype>
#include <cstring>

namespace tc {
namespace {

bool is_blank(std::string_view line) {
  for (char c : line)
    if (c != ' ' && c != '\t' && c != '\r' && c != '\n') return false;
  return true;
}

bool is_url_byte(unsigned char c) {
  return c > 0x20 && c < 0x7F && c != '<' && c != '>' && c != '"' && c != '`';
}

}  // namespace

std::vector<Block> plain_text_blocks(std::string_view text) {
  std::vector<Block> blocks;
  std::size_t block_start = std::string_view::npos;
  std::size_t block_end = 0;
  auto close = [&] {
    if (block_start == std::string_view::npos) return;
    Block block;
    block.kind = BlockKind::paragraph;
    block.span = {block_start, block_end};
    std::size_t b = block_start;
    std::size_t e = block_end;
    while (b < e && (text[b] == ' ' || text[b] == '\t')) ++b;
    while (e > b && (text[e - 1] == ' ' || text[e - 1] == '\t' || text[e - 1] == '\r' || text[e - 1] == '\n')) --e;
    block.content = {b, e};
    blocks.push_back(block);
    block_start = std::string_view::npos;
  };
  for_each_line(text, [&](const Line& line) {
    if (is_blank(text.substr(line.begin, line.end - line.begin))) {
      close();
    } else {
      if (block_start == std::string_view::npos) block_start = line.begin;
      block_end = line.end;
    }
  });
  close();
  return blocks;
}

FormatReader plain_text_reader() {
  FormatReader reader;
  reader.format.name = "text";
  reader.extensions = {"txt", "text"};
  reader.read = [](std::string_view text) { return Layout{plain_text_blocks(text), {}}; };
  return reader;
}

bool mask_urls(std::string_view text, std::string& masked) {
  bool any = false;
  auto mask = [&](std::size_t b, std::size_t e) {
    if (masked.empty()) masked.assign(text);
    for (std::size_t i = b; i < e; ++i)
      if (masked[i] != '\n' && masked[i] != '\r') masked[i] = kMaskByte;
    any = true;
  };
  std::size_t pos = 0;
  // The next "www." at or after pos, searched again only once pos passes it:
  // searching from every colon would make long texts quadratic.
  std::size_t next_www = text.find("www.");
  while (pos < text.size()) {
    const char* hit = static_cast<const char*>(std::memchr(text.data() + pos, ':', text.size() - pos));
    const char* www = nullptr;
    // Look for "://" schemes and "www." hosts; both are rare in prose, so scan
    // for their distinctive byte first.
    std::size_t candidate = hit ? static_cast<std::size_t>(hit - text.data()) : text.size();
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
    // Trailing sentence punctuation and an unmatched closing bracket belong to the prose.
    while (end > begin) {
      const char c = text[end - 1];
      if (c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?' || c == '\'') {
        --end;
      } else if (c == ')') {
        const std::string_view url = text.substr(begin, end - begin);
        const auto opens = std::count(url.begin(), url.end(), '(');
        const auto closes = std::count(url.begin(), url.end(), ')');
        if (closes > opens) --end; else break;
      } else {
        break;
      }
    }
    mask(begin, end);
    pos = std::max(end, candidate + 1);
  }
  // E-mail addresses: local@domain.tld
  pos = 0;
  while ((pos = text.find('@', pos)) != std::string_view::npos) {
    std::size_t b = pos;
    while (b > 0 && (std::isalnum(static_cast<unsigned char>(text[b - 1])) || std::strchr("._%+-", text[b - 1]))) --b;
    std::size_t e = pos + 1;
    while (e < text.size() && (std::isalnum(static_cast<unsigned char>(text[e])) || text[e] == '.' || text[e] == '-')) ++e;
    while (e > pos + 1 && text[e - 1] == '.') --e;
    const std::string_view domain = text.substr(pos + 1, e - pos - 1);
    if (b < pos && domain.find('.') != std::string_view::npos) mask(b, e);
    pos = e;
  }
  return any;
}

}  // namespace tc
