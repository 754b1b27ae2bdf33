#include "align/pinyin.h"

#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <array>
#include <optional>
#include <string_view>
#include <vector>

namespace tc {
namespace {

constexpr std::array<std::string_view, 23> kInitials{"zh", "ch", "sh", "b", "p", "m", "f", "d", "t", "n", "l", "g",
                                                    "k", "h", "j", "q", "x", "r", "z", "c", "s", "y", "w"};
constexpr std::array<std::string_view, 37> kFinals{
    "a",   "o",   "e",   "ai",  "ei", "ao",  "ou",   "an",  "en",   "ang", "eng",  "ong", "er",
    "i",   "ia",  "ie",  "iao", "iu", "ian", "in",   "ing", "iang", "iong", "io", "u",   "ua",
    "uo",  "uai", "ui",  "uan", "un", "uang", "ue",  "v",   "ve",   "van", "ueng"};

bool is_final(std::string_view rest) { return std::find(kFinals.begin(), kFinals.end(), rest) != kFinals.end(); }

// The initial of a pinyin syllable ("" when it has none), or nullopt when it is no syllable.
std::optional<std::string_view> initial_of(std::string_view syllable) {
  if (is_final(syllable)) return std::string_view();
  for (const std::string_view initial : kInitials)  // two-letter initials first
    if (syllable.starts_with(initial) && is_final(syllable.substr(initial.size()))) return initial;
  return std::nullopt;
}

}  // namespace

bool is_pinyin_syllable(std::string_view part) { return initial_of(part).has_value(); }

std::string wade_giles_of(std::string_view pinyin) {
  const auto initial = initial_of(pinyin);
  if (!initial) return {};
  const std::string_view i = *initial;
  // (A view, assigned literals: GCC 12 warns of a false overlap when a std::string is.)
  std::string_view f = pinyin.substr(i.size());
  // Syllables spelled whole: the "empty" vowel after retroflexes and sibilants, and y-/w- syllables.
  if (f == "i" && (i == "zh" || i == "ch" || i == "sh" || i == "r")) return std::string(i == "zh" ? "ch" : i == "r" ? "j" : i) + "ih";
  if (f == "i" && (i == "z" || i == "c" || i == "s")) return i == "s" ? "ssu" : "tzu";
  if (i == "y") {
    if (f == "i") return "i";
    if (f == "e") return "yeh";
    if (f == "ou") return "yu";
    if (f == "an") return "yen";
    if (f == "ong") return "yung";
    if (f == "ue") return "yueh";
    std::string spelled(1, 'y');
    return spelled.append(f);
  }
  if (i.empty() && f == "e") return "o";
  if (i.empty() && f == "er") return "erh";
  // Finals.
  if (f == "e" && (i == "g" || i == "k" || i == "h")) f = "o";
  else if (f == "uo" && i != "g" && i != "k" && i != "h" && i != "sh" && !i.empty()) f = "o";
  else if (f == "ong") f = "ung";
  else if (f == "iong") f = "iung";
  else if (f == "ian") f = "ien";
  else if (f == "ie") f = "ieh";
  else if (f == "ue" || f == "ve") f = "ueh";
  else if (f == "ui" && (i == "g" || i == "k")) f = "uei";
  else if (f == "er") f = "erh";
  else if (f == "v") f = "u";
  else if (f == "van") f = "uan";
  // Initials (the aspirated ones lose their apostrophe: p' -> p, ch' -> ch).
  std::string_view w = i;
  if (i == "b") w = "p";
  else if (i == "d") w = "t";
  else if (i == "g") w = "k";
  else if (i == "j" || i == "q" || i == "zh") w = "ch";
  else if (i == "x") w = "hs";
  else if (i == "r") w = "j";
  else if (i == "z" || i == "c") w = "ts";
  std::string spelled(w);
  return spelled.append(f);
}

bool is_wade_giles_syllable(std::string_view part) {
  // Every spelling wade_giles_of gives, made once (a fixed set: no state changes after).
  static const std::vector<std::string> kSpellings = [] {
    std::vector<std::string> all;
    for (const std::string_view initial : kInitials)
      for (const std::string_view final : kFinals) all.push_back(wade_giles_of(std::string(initial) + std::string(final)));
    for (const std::string_view final : kFinals) all.push_back(wade_giles_of(final));
    std::erase(all, std::string());
    std::sort(all.begin(), all.end());
    all.erase(std::unique(all.begin(), all.end()), all.end());
    return all;
  }();
  return std::binary_search(kSpellings.begin(), kSpellings.end(), part);
}

HanPinyin::HanPinyin() {
  UErrorCode status = U_ZERO_ERROR;
  han_latin_.reset(icu::Transliterator::createInstance("Han-Latin; Latin-ASCII; Lower", UTRANS_FORWARD, status));
  if (U_FAILURE(status)) han_latin_.reset();
}

HanPinyin::~HanPinyin() = default;

std::string HanPinyin::of(char32_t han) const {
  std::string syllable;
  if (!han_latin_) return syllable;
  icu::UnicodeString text(static_cast<UChar32>(han));
  han_latin_->transliterate(text);
  text.toUTF8String(syllable);
  syllable.erase(std::remove_if(syllable.begin(), syllable.end(),
                                [](char c) { return !((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')); }),
                 syllable.end());
  return syllable;
}

}  // namespace tc
