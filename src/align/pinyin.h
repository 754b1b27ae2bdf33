#pragma once
// Pinyin of single Han characters through ICU's Han-Latin transliterator
// (toneless, lower-case ASCII letters only). Creating the transliterator
// compiles ICU's rules (about 0.1 s), so the lexicon index carries a table
// made with this at build time and the aligner uses it; this is the
// fallback when the index is absent, and the index builder's source.
#include <unicode/utypes.h>

#include <memory>
#include <string>

U_NAMESPACE_BEGIN
class Transliterator;
U_NAMESPACE_END

namespace tc {

class HanPinyin {
 public:
  HanPinyin();
  ~HanPinyin();
  HanPinyin(const HanPinyin&) = delete;
  HanPinyin& operator=(const HanPinyin&) = delete;
  // The syllable of `han` ("zhong"); empty when ICU knows no reading or is unavailable.
  std::string of(char32_t han) const;

 private:
  std::unique_ptr<icu::Transliterator> han_latin_;
};

}  // namespace tc
