#pragma once
// One pass over a text that decodes each code point once, classifies it with
// a table and reports the code points of the classes a caller wants. Runs of
// ASCII that hold none of the wanted bytes are skipped with SIMD (AVX2 or
// SSE2, chosen at run time, with a portable fallback), so English text costs
// little more than reading it; multi-byte code points cost one table look-up.
// The classes themselves are the caller's: this layer only knows bits.
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace tc::text {

// A code point of a wanted class, or an ill-formed sequence.
// 16 bytes: the length (1 to 4) shares a word with the offset (a file of
// control characters or mojibake has an event every two bytes, kept for the
// whole job). 56 bits of offset are far above any input limit.
struct ClassEvent {
  std::size_t begin : 56 = 0;
  std::size_t length : 8 = 0;  // bytes: the code point, or the maximal ill-formed subpart
  std::uint32_t classes = 0;   // its class bits (all of them, not only the wanted ones)
  char32_t cp = 0;             // utf8::kInvalid for an ill-formed sequence
  std::size_t end() const { return begin + length; }
};
static_assert(sizeof(ClassEvent) == 16);

// Class bits of every code point. bmp has 0x10000 entries (ASCII included);
// beyond_bmp classifies U+10000 and up; invalid is given to ill-formed
// sequences (utf8::next's maximal subparts).
struct ClassTable {
  const std::uint32_t* bmp = nullptr;
  std::uint32_t (*beyond_bmp)(char32_t cp) = nullptr;
  std::uint32_t invalid = 0;
};

// Appends to events, in text order, every code point whose classes meet wanted.
void scan_classes(std::string_view text, const ClassTable& table, std::uint32_t wanted, std::vector<ClassEvent>& events);

// The first offset from pos whose byte is non-ASCII, or text.size();
// find_ascii the first ASCII one. 16 bytes at a time.
std::size_t find_non_ascii(std::string_view text, std::size_t pos);
std::size_t find_ascii(std::string_view text, std::size_t pos);

// The instruction set scan_classes uses on this machine: "avx2", "sse2" or "portable".
std::string_view scan_instruction_set();

// The instruction sets this machine can run scan_classes with, best last.
std::vector<std::string_view> available_instruction_sets();

// scan_classes with a given one of them (tests and benchmarks compare them).
void scan_classes(std::string_view text, const ClassTable& table, std::uint32_t wanted, std::vector<ClassEvent>& events,
                  std::string_view instruction_set);

}  // namespace tc::text
