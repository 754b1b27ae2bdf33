#include "rules/encoding/mojibake_tables.h"

#include <unicode/ucnv.h>
#include <unicode/uchar.h>

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <vector>

#include "core/utf8.h"
#include "rules/encoding/strict_converter.h"

namespace tc::mojibake {
namespace {

// What ICU decodes each byte 0x80-0xFF of the single-byte pages and each
// double-byte code of the CJK pages to, written at build time
// (tools/code_page_tables.cpp): asking ICU for them here took 50M instructions
// of every run that reads Chinese.
#include "rules/code_page_tables.inc"

// Code points below this bound are kept in a flat array; the few above it
// that single-byte pages hold (MacRoman's fi/fl ligatures, the Apple logo)
// go to a short sorted list.
constexpr char32_t kFlatLimit = kLeadMaskLimit;

struct SingleByteTables {
  std::vector<std::array<std::uint8_t, kSingleByteCount>> flat;  // index cp - 0x80
  std::vector<std::pair<char32_t, std::array<std::uint8_t, kSingleByteCount>>> high;
  std::vector<bool> present;  // index cp - 0x80: some page maps cp
  std::vector<std::uint8_t> lead;  // index cp - 0x80: some page gives cp a UTF-8 lead byte
  char32_t high_min = 0x110000;  // smallest code point in high

  SingleByteTables() : flat(kFlatLimit - 0x80), present(kFlatLimit - 0x80, false), lead(kFlatLimit - 0x80, 0) {
    for (std::size_t page = 0; page < kSingleByteCount; ++page) {
      for (unsigned byte = 0x80; byte <= 0xFF; ++byte) {
        const char32_t cp = kSingleByteChars[page][byte - 0x80];
        if (cp != 0) put(cp, page, static_cast<std::uint8_t>(byte));
      }
      for (char32_t c1 = 0x80; c1 <= 0x9F; ++c1)
        if (flat[c1 - 0x80][page] == 0) put(c1, page, static_cast<std::uint8_t>(c1));
    }
    std::sort(high.begin(), high.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    if (!high.empty()) high_min = high.front().first;
  }

  void put(char32_t cp, std::size_t page, std::uint8_t byte) {
    if (cp < 0x80) return;
    if (cp < kFlatLimit) {
      if (flat[cp - 0x80][page] == 0) flat[cp - 0x80][page] = byte;
      present[cp - 0x80] = true;
      if (byte >= 0xC2 && byte <= 0xF4) lead[cp - 0x80] = 1;
      return;
    }
    auto it = std::find_if(high.begin(), high.end(), [cp](const auto& entry) { return entry.first == cp; });
    if (it == high.end()) {
      high.push_back({cp, {}});
      it = high.end() - 1;
    }
    if (it->second[page] == 0) it->second[page] = byte;
  }
};

const SingleByteTables& single_byte_tables() {
  static const SingleByteTables tables;
  return tables;
}

// Unicode <-> double-byte code tables for one CJK encoding (BMP only),
// written out at compile time: building the four at first use cost some
// 2M instructions of the first Chinese document of a process.
struct DoubleByteTable {
  // index cp; one entry more, 0, so that a 32-bit load at any code point stays inside (gbk_code_table)
  std::array<std::uint16_t, 0x10001> to_code{};
  std::array<char16_t, 0x10000> to_char{};  // index code
};

constexpr DoubleByteTable double_byte_table(const char16_t (&chars)[kDoubleByteCodes]) {
  DoubleByteTable table;
  std::size_t next = 0;
  for (unsigned lead = kFirstLead; lead <= kLastLead; ++lead) {
    for (unsigned trail = kFirstTrail; trail <= kLastTrail; ++trail) {
      if (trail == 0x7F) continue;
      const char16_t cp = chars[next++];
      if (cp == 0) continue;
      const auto code = static_cast<std::uint16_t>(lead << 8 | trail);
      table.to_char[code] = static_cast<char16_t>(cp);
      if (table.to_code[cp] == 0) table.to_code[cp] = code;
    }
  }
  return table;
}

constexpr DoubleByteTable kGbkTable = double_byte_table(kGbkChars);
constexpr DoubleByteTable kBig5Table = double_byte_table(kBig5Chars);
constexpr DoubleByteTable kBig5HkscsTable = double_byte_table(kBig5HkscsChars);
constexpr DoubleByteTable kShiftJisTable = double_byte_table(kShiftJisChars);

// gbk_unsettled_bits, a quarter of the BMP at a time: each is a constant
// expression of its own, within clang's evaluation step limit.
using UnsettledQuarter = std::array<std::uint64_t, 0x10000 / 64 / 4>;

constexpr UnsettledQuarter unsettled_quarter(std::size_t quarter) {
  UnsettledQuarter bits{};
  for (std::size_t word = 0; word < bits.size(); ++word) {
    const std::size_t first = (quarter * bits.size() + word) * 64;
    // Only a code of GB2312's rows (A1A1 and up) settles a character, and
    // most of the BMP has none: such words are unsettled whole.
    std::uint16_t highest = 0;
    for (std::size_t i = 0; i < 64; ++i) highest = std::max(highest, kGbkTable.to_code[first + i]);
    if (highest < 0xA1A1) {
      bits[word] = ~std::uint64_t{0};
      continue;
    }
    for (std::size_t i = 0; i < 64; ++i) {
      const auto cp = static_cast<char32_t>(first + i);
      const std::uint16_t code = kGbkTable.to_code[first + i];
      if (!plain_level1_code(code) && !(is_level1_or_punctuation(code) && is_typographic_punctuation(cp)))
        bits[word] |= std::uint64_t{1} << i;
    }
  }
  return bits;
}

constexpr UnsettledQuarter kUnsettled0 = unsettled_quarter(0);
constexpr UnsettledQuarter kUnsettled1 = unsettled_quarter(1);
constexpr UnsettledQuarter kUnsettled2 = unsettled_quarter(2);
constexpr UnsettledQuarter kUnsettled3 = unsettled_quarter(3);

constexpr std::array<std::uint64_t, 0x10000 / 64> join_quarters() {
  std::array<std::uint64_t, 0x10000 / 64> bits{};
  const UnsettledQuarter* quarters[] = {&kUnsettled0, &kUnsettled1, &kUnsettled2, &kUnsettled3};
  for (std::size_t quarter = 0; quarter < 4; ++quarter)
    for (std::size_t word = 0; word < quarters[quarter]->size(); ++word)
      bits[quarter * quarters[quarter]->size() + word] = (*quarters[quarter])[word];
  return bits;
}

constexpr std::array<std::uint64_t, 0x10000 / 64> kUnsettledBits = join_quarters();

// One bit per BMP character that some Big5 level-1 code (A440-C67E) decodes
// to. Not the range test of big5_code: a character with two codes keeps the
// first in to_code, and 十 and 卅 are also at A2CC and A2CE, before their
// level-1 codes A451 and A4CA.
using BmpBits = std::array<std::uint64_t, 0x10000 / 64>;

constexpr BmpBits big5_level1_bits() {
  BmpBits bits{};
  for (unsigned lead = 0xA4; lead <= 0xC6; ++lead)
    for (unsigned trail = kFirstTrail; trail <= kLastTrail; ++trail) {
      if (trail == 0x7F || (lead == 0xC6 && trail > 0x7E)) continue;
      const std::size_t index = (lead - kFirstLead) * kTrailsPerLead + (trail - kFirstTrail) - (trail > 0x7F ? 1 : 0);
      const char16_t cp = kBig5Chars[index];
      if (cp != 0) bits[cp / 64] |= std::uint64_t{1} << (cp % 64);
    }
  return bits;
}

constexpr BmpBits kBig5Level1Bits = big5_level1_bits();

const DoubleByteTable& gbk_table() { return kGbkTable; }
const DoubleByteTable& big5_table() { return kBig5Table; }
const DoubleByteTable& big5_hkscs_table() { return kBig5HkscsTable; }
const DoubleByteTable& shift_jis_table() { return kShiftJisTable; }

}  // namespace

std::string_view display_name(SingleByte page) {
  switch (page) {
    case SingleByte::windows1252: return "Windows-1252";
    case SingleByte::windows1250: return "Windows-1250";
    case SingleByte::iso8859_2: return "ISO-8859-2";
    case SingleByte::windows1251: return "Windows-1251";
    case SingleByte::windows1257: return "Windows-1257";
    case SingleByte::mac_roman: return "MacRoman";
    case SingleByte::ibm437: return "IBM437";
    case SingleByte::count: break;
  }
  return "?";
}

const std::uint8_t* single_byte_lead_mask() { return single_byte_tables().lead.data(); }

const std::array<std::uint8_t, kSingleByteCount>* single_byte_codes(char32_t cp) {
  const SingleByteTables& tables = single_byte_tables();
  if (cp < 0x80) return nullptr;
  if (cp < kFlatLimit) return tables.present[cp - 0x80] ? &tables.flat[cp - 0x80] : nullptr;
  if (cp < tables.high_min) return nullptr;  // all CJK: no single-byte page has it
  for (const auto& entry : tables.high)
    if (entry.first == cp) return &entry.second;
  return nullptr;
}

const std::uint16_t* gbk_code_table() { return gbk_table().to_code.data(); }

const text::WantedBits& gbk_unsettled_bits() { return kUnsettledBits; }

std::uint16_t gbk_code(char32_t cp) { return cp < 0x10000 ? gbk_table().to_code[cp] : 0; }
std::uint16_t big5_code(char32_t cp) { return cp < 0x10000 ? big5_table().to_code[cp] : 0; }
char16_t gbk_char(std::uint16_t code) { return gbk_table().to_char[code]; }
char16_t big5_char(std::uint16_t code) { return big5_table().to_char[code]; }
std::uint16_t big5_hkscs_code(char32_t cp) { return cp < 0x10000 ? big5_hkscs_table().to_code[cp] : 0; }
char16_t big5_hkscs_char(std::uint16_t code) { return big5_hkscs_table().to_char[code]; }
std::uint16_t shift_jis_code(char32_t cp) { return cp < 0x10000 ? shift_jis_table().to_code[cp] : 0; }
char16_t shift_jis_char(std::uint16_t code) { return shift_jis_table().to_char[code]; }

bool is_gb2312_level1(char32_t cp) {
  const std::uint16_t code = gbk_code(cp);
  return code >= 0xB0A1 && code <= 0xD7F9 && (code & 0xFF) >= 0xA1;
}

bool is_gb2312(char32_t cp) {
  const std::uint16_t code = gbk_code(cp);
  return (code >> 8) >= 0xA1 && (code >> 8) <= 0xF7 && (code & 0xFF) >= 0xA1 && (code & 0xFF) <= 0xFE;
}

bool is_big5_level1(char32_t cp) { return cp < 0x10000 && (kBig5Level1Bits[cp / 64] >> (cp % 64) & 1) != 0; }

std::optional<std::string> decode_strict(std::string_view bytes, const char* converter_name) {
  ConverterPtr converter = open_strict(converter_name);
  if (!converter) return std::nullopt;
  std::vector<UChar> buffer(bytes.size() * 2 + 4);
  UErrorCode status = U_ZERO_ERROR;
  const int32_t n = ucnv_toUChars(converter.get(), buffer.data(), static_cast<int32_t>(buffer.size()), bytes.data(),
                                  static_cast<int32_t>(bytes.size()), &status);
  if (U_FAILURE(status)) return std::nullopt;
  std::string out;
  for (int32_t i = 0; i < n;) {
    UChar32 cp;
    U16_NEXT(buffer.data(), i, n, cp);
    if (U_IS_SURROGATE(cp)) return std::nullopt;
    utf8::append(out, static_cast<char32_t>(cp));
  }
  return out;
}

int utf8_sequence_length(unsigned char lead) {
  if (lead < 0x80) return 1;
  if (lead >= 0xC2 && lead <= 0xDF) return 2;
  if (lead >= 0xE0 && lead <= 0xEF) return 3;
  if (lead >= 0xF0 && lead <= 0xF4) return 4;
  return 0;
}

bool utf8_second_byte_ok(unsigned char lead, unsigned char second) {
  switch (lead) {
    case 0xE0: return second >= 0xA0 && second <= 0xBF;
    case 0xED: return second >= 0x80 && second <= 0x9F;
    case 0xF0: return second >= 0x90 && second <= 0xBF;
    case 0xF4: return second >= 0x80 && second <= 0x8F;
    default: return is_continuation(second);
  }
}

}  // namespace tc::mojibake
