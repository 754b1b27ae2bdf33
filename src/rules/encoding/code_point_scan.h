#pragma once
// Shared helpers for the encoding rules. Finding the code points a rule looks
// at is the shared scan's job (rules/code_point_events.h); these describe
// them and follow a run from one.
#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "core/document.h"
#include "core/utf8.h"

namespace tc::encoding {

// Membership of Basic Multilingual Plane code points, built once from a
// predicate (typically an ICU property), then one bit test per code point.
class BmpSet {
 public:
  template <typename Predicate>
  explicit BmpSet(Predicate&& predicate) {
    for (char32_t c = 0; c < 0x10000; ++c)
      if (predicate(c)) bits_[c >> 6] |= std::uint64_t{1} << (c & 63);
  }
  bool contains(char32_t c) const { return c < 0x10000 && ((bits_[c >> 6] >> (c & 63)) & 1) != 0; }

 private:
  std::array<std::uint64_t, 0x10000 / 64> bits_{};
};

// "U+200B ZERO WIDTH SPACE" (controls get their abbreviation: "U+0007 BEL").
std::string describe_code_point(char32_t cp);

// The code points of text as "U+0065 U+0301", at most max_listed of them.
std::string list_code_points(std::string_view text, std::size_t max_listed = 8);

// The code point that starts at pos, and the one that ends at pos (kInvalid at the edges).
char32_t code_point_after(std::string_view text, std::size_t pos);
char32_t code_point_before(std::string_view text, std::size_t pos);

// True when the ICU script of cp is one of scripts (UScriptCode values).
bool has_script(char32_t cp, std::initializer_list<int> scripts);

// End of the run of code points starting at pos that satisfy belongs(cp);
// count receives how many there were. Ill-formed bytes end a run.
template <typename Belongs>
std::size_t run_end(std::string_view text, std::size_t pos, Belongs&& belongs, std::size_t* count = nullptr) {
  std::size_t n = 0;
  while (pos < text.size()) {
    std::size_t next = pos;
    const char32_t cp = utf8::next(text, next);
    if (cp == utf8::kInvalid || !belongs(cp)) break;
    pos = next;
    ++n;
  }
  if (count) *count = n;
  return pos;
}

}  // namespace tc::encoding
