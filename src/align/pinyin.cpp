#include "align/pinyin.h"

#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <algorithm>

namespace tc {

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
