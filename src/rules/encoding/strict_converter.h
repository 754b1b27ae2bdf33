#pragma once
// A strict ICU converter (it stops at an illegal or unmapped sequence), and
// the code point one short byte sequence decodes to. Shared by the mojibake
// tables and the build step that writes their code-page tables
// (tools/code_page_tables.cpp), so both decode the same way.
#include <unicode/ucnv.h>
#include <unicode/utf16.h>

#include <memory>

namespace tc::mojibake {

struct ConverterCloser {
  void operator()(UConverter* c) const { ucnv_close(c); }
};
using ConverterPtr = std::unique_ptr<UConverter, ConverterCloser>;

inline ConverterPtr open_strict(const char* name) {
  UErrorCode status = U_ZERO_ERROR;
  ConverterPtr converter(ucnv_open(name, &status));
  if (U_FAILURE(status)) return nullptr;
  ucnv_setToUCallBack(converter.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
  ucnv_setFromUCallBack(converter.get(), UCNV_FROM_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
  return U_SUCCESS(status) ? std::move(converter) : nullptr;
}

// Decodes bytes to one code point with a strict converter; 0 when unmapped.
inline char32_t decode_one(UConverter* converter, const char* bytes, int length) {
  UChar buffer[4];
  UErrorCode status = U_ZERO_ERROR;
  ucnv_reset(converter);
  const int32_t n = ucnv_toUChars(converter, buffer, 4, bytes, length, &status);
  if (U_FAILURE(status) || n <= 0) return 0;
  UChar32 cp;
  int32_t i = 0;
  U16_NEXT(buffer, i, n, cp);
  return i == n ? static_cast<char32_t>(cp) : 0;
}

// The double-byte codes the tables cover, in the order they are written:
// leads 0x81-0xFE, trails 0x40-0xFE without 0x7F.
inline constexpr unsigned kFirstLead = 0x81, kLastLead = 0xFE, kFirstTrail = 0x40, kLastTrail = 0xFE;
inline constexpr std::size_t kTrailsPerLead = kLastTrail - kFirstTrail;  // 0x7F skipped
inline constexpr std::size_t kDoubleByteCodes = (kLastLead - kFirstLead + 1) * kTrailsPerLead;

}  // namespace tc::mojibake
