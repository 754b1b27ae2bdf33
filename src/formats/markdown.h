#pragma once
// A small CommonMark-shaped block reader: enough to tell prose from code,
// headings and list items, with every position kept in the original text.
#include <string>
#include <string_view>
#include <vector>

#include "core/document.h"

namespace tc {

struct MarkdownLayout {
  std::vector<Block> blocks;
  // Same length as the text; fenced and indented code, inline code, URLs,
  // link targets, HTML comments and tags, and block markers are kMaskByte.
  std::string masked;
};

MarkdownLayout read_markdown(std::string_view text);

bool is_markdown_path(std::string_view path);

}  // namespace tc
