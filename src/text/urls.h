#pragma once
// URLs in text: a scheme ("https://", "ftp://") or a "www." host, up to the
// first byte no URL holds, without trailing sentence punctuation or an
// unmatched closing bracket.
#include <string_view>
#include <vector>

#include "core/span.h"

namespace tc {

bool is_url_byte(unsigned char c);

std::vector<Span> find_urls(std::string_view text);

}  // namespace tc
