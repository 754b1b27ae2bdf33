#pragma once
// UTF-8 helpers over ICU's U8_* macros. Text inside transcheck is UTF-8 that
// may contain invalid sequences (they are findings, not errors), so every
// decoder here reports them instead of replacing them.
#include <cstddef>
#include <string>
#include <string_view>

namespace tc::utf8 {

// Returned by next() for an ill-formed sequence (a maximal subpart is skipped).
inline constexpr char32_t kInvalid = 0xFFFFFFFFu;

// Decodes the code point at text[pos] and advances pos past it.
char32_t next(std::string_view text, std::size_t& pos);

// Decodes the code point that ends just before text[pos] and moves pos back to its start.
char32_t previous(std::string_view text, std::size_t& pos);

// The code point at pos, without advancing (kInvalid past the end or when ill-formed).
char32_t at(std::string_view text, std::size_t pos);

// Number of code points in text; each ill-formed subpart counts as one.
std::size_t count(std::string_view text);

void append(std::string& out, char32_t cp);
std::string encode(char32_t cp);

// True when the whole text is well-formed UTF-8.
bool is_valid(std::string_view text);

// Byte offset of the first byte that is not part of a well-formed sequence, or npos.
std::size_t first_invalid(std::string_view text);

// "U+00E9" style name for messages.
std::string code_point_name(char32_t cp);

}  // namespace tc::utf8
