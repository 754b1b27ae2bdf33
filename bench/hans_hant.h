#pragma once
// ICU's Simplified->Traditional transliteration, for the benches that check
// that a text turned Traditional is read as its Simplified original is.
#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <memory>
#include <string>

namespace bench {

// ICU's Hans-Hant (its rules compile in about 0.1 s: make it once); null when ICU lacks it.
inline std::unique_ptr<icu::Transliterator> hans_hant_transliterator() {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::Transliterator> made(icu::Transliterator::createInstance("Hans-Hant", UTRANS_FORWARD, status));
  return U_SUCCESS(status) ? std::move(made) : nullptr;
}

inline std::string to_traditional(const icu::Transliterator& hans_hant, const std::string& text) {
  icu::UnicodeString converted = icu::UnicodeString::fromUTF8(text);
  hans_hant.transliterate(converted);
  std::string out;
  converted.toUTF8String(out);
  return out;
}

}  // namespace bench
