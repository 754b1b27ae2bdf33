#include "core/language.h"

#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstring>
#include <string>

#include "core/byte_lanes.h"
#include "core/utf8.h"

namespace tc {

std::optional<LanguageTag> parse_language(std::string_view text) {
  std::string lower(text);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  std::replace(lower.begin(), lower.end(), '_', '-');
  if (lower == "en" || lower.rfind("en-", 0) == 0) return LanguageTag{Lang::en, ChineseScript::unspecified};
  if (lower == "zh" || lower == "zh-cn" || lower == "zh-sg") return LanguageTag{Lang::zh, ChineseScript::unspecified};
  if (lower == "zh-hans") return LanguageTag{Lang::zh, ChineseScript::simplified};
  if (lower == "zh-hant" || lower == "zh-tw" || lower == "zh-hk" || lower == "zh-mo")
    return LanguageTag{Lang::zh, ChineseScript::traditional};
  return std::nullopt;
}

std::string_view to_string(Lang lang) {
  switch (lang) {
    case Lang::zh: return "zh";
    case Lang::en: return "en";
    case Lang::unknown: return "unknown";
  }
  return "unknown";
}

ScriptCounts count_scripts(std::string_view text) {
  ScriptCounts counts;
  std::size_t pos = 0;
  while (pos < text.size()) {
    // Eight ASCII bytes at a time: a byte is a letter when, ORed with 0x20,
    // it lies in 'a'..'z' (the test below, on each byte of the word at once).
    if (text.size() - pos >= 8) {
      std::uint64_t word = 0;
      std::memcpy(&word, text.data() + pos, sizeof word);
      if ((word & kHighBits) == 0) {
        const std::uint64_t folded = word | 0x2020202020202020ULL;
        const std::uint64_t from_a = folded + 0x1F1F1F1F1F1F1F1FULL;     // high bit: byte >= 'a'
        const std::uint64_t after_z = folded + 0x0505050505050505ULL;    // high bit: byte > 'z'
        counts.latin += static_cast<std::size_t>(count_high_bits(from_a & ~after_z & kHighBits));
        pos += 8;
        continue;
      }
    }
    const auto byte = static_cast<unsigned char>(text[pos]);
    if (byte < 0x80) {
      if (static_cast<unsigned char>((byte | 0x20) - 'a') < 26) ++counts.latin;
      ++pos;
      continue;
    }
    const char32_t cp = utf8::next(text, pos);
    // The common cases without an ICU look-up: CJK ideographs and CJK punctuation.
    if ((cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF)) {
      ++counts.han;
      continue;
    }
    if ((cp >= 0x3000 && cp <= 0x303F) || (cp >= 0xFF00 && cp <= 0xFF0F) || (cp >= 0x2000 && cp <= 0x206F)) continue;
    if (cp == utf8::kInvalid || !u_isalpha(static_cast<UChar32>(cp))) continue;
    UErrorCode status = U_ZERO_ERROR;
    const UScriptCode script = uscript_getScript(static_cast<UChar32>(cp), &status);
    if (script == USCRIPT_HAN || script == USCRIPT_BOPOMOFO) {
      ++counts.han;
    } else if (script == USCRIPT_LATIN) {
      ++counts.latin;
    } else {
      ++counts.other;
    }
  }
  return counts;
}

namespace {

// Long texts are judged on evenly spread samples: the dominant script does not
// need every character, and this keeps loading a 100 MB file cheap.
ScriptCounts sample_scripts(std::string_view text) {
  constexpr std::size_t kWhole = 256 * 1024;
  constexpr std::size_t kWindows = 64;
  constexpr std::size_t kWindow = 4096;
  if (text.size() <= kWhole) return count_scripts(text);
  ScriptCounts total;
  const std::size_t stride = (text.size() - kWindow) / (kWindows - 1);
  for (std::size_t w = 0; w < kWindows; ++w) {
    std::size_t begin = w * stride;
    while (begin < text.size() && (static_cast<unsigned char>(text[begin]) & 0xC0) == 0x80) ++begin;
    const ScriptCounts counts = count_scripts(text.substr(begin, kWindow));
    total.han += counts.han;
    total.latin += counts.latin;
    total.other += counts.other;
  }
  return total;
}

}  // namespace

Lang dominant_language(std::string_view text) {
  const ScriptCounts counts = sample_scripts(text);
  // A Han character carries roughly as much text as a 3-4 letter word, so
  // weigh it accordingly before comparing.
  const double han_weight = static_cast<double>(counts.han) * 3.0;
  const double latin_weight = static_cast<double>(counts.latin);
  if (han_weight + latin_weight < 3.0) return Lang::unknown;
  return han_weight >= latin_weight ? Lang::zh : Lang::en;
}

}  // namespace tc
