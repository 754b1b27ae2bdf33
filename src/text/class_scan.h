#pragma once
// One pass over a text that decodes each code point once, classifies it with
// a table and reports the code points of the classes a caller wants. Runs of
// ASCII that hold none of the wanted bytes are skipped with SIMD (AVX2 or
// SSE2, chosen at run time, with a portable fallback), so English text costs
// little more than reading it; multi-byte code points cost one table look-up.
// The classes themselves are the caller's: this layer only knows bits.
#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>
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
  // Added to the classes of an event whose next byte b in the scanned text
  // has marking_next_bytes[b] set (256 entries), so that a rule can judge
  // what follows a code point ("a curly quote before Han") without reading
  // the text there again; 0 or null: no event is marked.
  std::uint32_t next_byte_mark = 0;
  const bool* marking_next_bytes = nullptr;
};

// One bit per BMP code point: set when its classes meet a wanted set
// (wanted_bits). 8 KB, so the runs of three-byte code points (Chinese text)
// are tested against the first-level cache instead of the 256 KB table.
using WantedBits = std::array<std::uint64_t, 0x10000 / 64>;
WantedBits wanted_bits(const ClassTable& table, std::uint32_t wanted);

// Sets at least this large are worth a WantedBits of their own when the
// caller has none (building one reads the whole table).
inline constexpr std::size_t kWantedBitsAfter = 1 << 18;

// Appends to events, in text order, every code point whose classes meet wanted.
// bits: wanted_bits(table, wanted), or null (then a text of kWantedBitsAfter
// bytes or more builds them, a shorter one reads the table).
void scan_classes(std::string_view text, const ClassTable& table, std::uint32_t wanted, std::vector<ClassEvent>& events,
                  const WantedBits* bits = nullptr);

// A scan prepared once (the stop bytes of the wanted classes, the
// instruction set) and run over pieces of a text in order: a document whose
// prose is masked in places reads its prose, and its text only where masked.
class ClassScanner {
 public:
  // bits: as for scan_classes, but never built here (null: the table is read);
  // instruction_set: empty for the best available one.
  ClassScanner(const ClassTable& table, std::uint32_t wanted, const WantedBits* bits,
               std::string_view instruction_set = {});
  ~ClassScanner();
  ClassScanner(const ClassScanner&) = delete;
  ClassScanner& operator=(const ClassScanner&) = delete;
  // Appends the events of text[begin, end) with their offsets in text, as
  // scan_classes reports them when begin and end are not inside a code point
  // (neither text[begin] nor text[end] is a continuation byte).
  void scan(std::string_view text, std::size_t begin, std::size_t end, std::vector<ClassEvent>& events) const;

 private:
  struct Prepared;
  std::unique_ptr<Prepared> prepared_;
};

// A decoded character: where it is, its code point, and its code in a
// 16-bit table (mojibake-cjk reads GBK codes). 16 bytes and no member
// initializers: runs of them are written in place.
struct CodedChar {
  std::size_t begin;
  char32_t cp;
  std::uint16_t code;
  std::uint8_t length;  // bytes
  std::size_t end() const { return begin + length; }
};
static_assert(sizeof(CodedChar) == 16);

// Decodes the plain three-byte code points (leads E1-EC, EE, EF: U+1000-U+CFFF
// and U+E000-U+FFFF, where Chinese text lives) that follow each other from
// pos, at most max of them (at most 64), into out, each with
// codes[cp] (a table of 0x10000 codes and one more, so that a 32-bit load
// at any code point stays inside it); returns how many (3 bytes each). Bit
// i of marked is set when marking has the code point of out[i]. out must
// have room for max characters: with AVX2 up to 7 past the last one
// decoded are written too. codes may be null: every code is 0 then, and no
// table is read (a caller that needs a few codes looks them up itself).
std::size_t decode_three_byte_chars(std::string_view text, std::size_t pos, CodedChar* out, std::size_t max,
                                    const std::uint16_t* codes, const WantedBits& marking, std::uint64_t& marked);
// The same with a given one of available_instruction_sets() (tests).
std::size_t decode_three_byte_chars(std::string_view text, std::size_t pos, CodedChar* out, std::size_t max,
                                    const std::uint16_t* codes, const WantedBits& marking, std::uint64_t& marked,
                                    std::string_view instruction_set);

// The first offset from pos whose byte is non-ASCII, or text.size();
// find_ascii the first ASCII one. 16 bytes at a time.
std::size_t find_non_ascii(std::string_view text, std::size_t pos);
std::size_t find_ascii(std::string_view text, std::size_t pos);
// The first offset in [pos, end) whose byte may lead a code point of
// U+0080-U+2FFF or U+F000 and up (C2-E2, EF, F0-F4), or end: where a
// character a single-byte page has an image of may start; the others
// (ASCII, continuation bytes, the leads of U+3000-U+EFFF, bytes that start
// nothing) are passed 16 at a time.
std::size_t find_image_lead(std::string_view text, std::size_t pos, std::size_t end);
// The start of the non-ASCII bytes that end at pos, not before floor
// (floor <= pos): the offset after the last ASCII byte of [floor, pos), or floor.
std::size_t non_ascii_start(std::string_view text, std::size_t pos, std::size_t floor);

// The instruction set scan_classes uses on this machine: "avx2", "sse2" or "portable".
std::string_view scan_instruction_set();

// The instruction sets this machine can run scan_classes with, best last.
std::vector<std::string_view> available_instruction_sets();

// scan_classes with a given one of them (tests and benchmarks compare them).
void scan_classes(std::string_view text, const ClassTable& table, std::uint32_t wanted, std::vector<ClassEvent>& events,
                  std::string_view instruction_set, const WantedBits* bits = nullptr);

}  // namespace tc::text
