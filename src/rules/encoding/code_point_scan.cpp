#include "rules/encoding/code_point_scan.h"

#include <unicode/uchar.h>
#include <unicode/uscript.h>

namespace tc::encoding {
namespace {

// ICU has no names for control characters; these are their standard abbreviations.
constexpr std::array<std::string_view, 32> kC0Names{
    "NUL", "SOH", "STX", "ETX", "EOT", "ENQ", "ACK", "BEL", "BS", "HT", "LF",  "VT", "FF", "CR", "SO", "SI",
    "DLE", "DC1", "DC2", "DC3", "DC4", "NAK", "SYN", "ETB", "CAN", "EM", "SUB", "ESC", "FS", "GS", "RS", "US"};
constexpr std::array<std::string_view, 32> kC1Names{
    "PAD", "HOP", "BPH", "NBH", "IND", "NEL", "SSA", "ESA", "HTS", "HTJ", "VTS", "PLD", "PLU", "RI",  "SS2", "SS3",
    "DCS", "PU1", "PU2", "STS", "CCH", "MW",  "SPA", "EPA", "SOS", "SGC", "SCI", "CSI", "ST",  "OSC", "PM",  "APC"};

}  // namespace

std::string describe_code_point(char32_t cp) {
  std::string out = utf8::code_point_name(cp);
  std::string_view abbreviation;
  if (cp < 0x20) abbreviation = kC0Names[cp];
  else if (cp == 0x7F) abbreviation = "DEL";
  else if (cp >= 0x80 && cp < 0xA0) abbreviation = kC1Names[cp - 0x80];
  if (!abbreviation.empty()) return out + ' ' + std::string(abbreviation);
  char name[128];
  UErrorCode status = U_ZERO_ERROR;
  const int32_t length = u_charName(static_cast<UChar32>(cp), U_UNICODE_CHAR_NAME, name, sizeof name, &status);
  if (U_SUCCESS(status) && length > 0) out += ' ' + std::string(name, static_cast<std::size_t>(length));
  return out;
}

std::string list_code_points(std::string_view text, std::size_t max_listed) {
  std::string out;
  std::size_t pos = 0;
  std::size_t listed = 0;
  while (pos < text.size()) {
    if (listed == max_listed) return out + " ...";
    const char32_t cp = utf8::next(text, pos);
    if (!out.empty()) out += ' ';
    out += cp == utf8::kInvalid ? std::string("(invalid)") : utf8::code_point_name(cp);
    ++listed;
  }
  return out;
}

char32_t code_point_after(std::string_view text, std::size_t pos) { return utf8::at(text, pos); }

char32_t code_point_before(std::string_view text, std::size_t pos) {
  if (pos == 0 || pos > text.size()) return utf8::kInvalid;
  return utf8::previous(text, pos);
}

bool has_script(char32_t cp, std::initializer_list<int> scripts) {
  if (cp == utf8::kInvalid) return false;
  UErrorCode status = U_ZERO_ERROR;
  const UScriptCode script = uscript_getScript(static_cast<UChar32>(cp), &status);
  if (U_FAILURE(status)) return false;
  for (int s : scripts)
    if (s == script) return true;
  return false;
}

}  // namespace tc::encoding
