#pragma once
// Pinyin of single Han characters through ICU's Han-Latin transliterator
// (toneless, lower-case ASCII letters only). Creating the transliterator
// compiles ICU's rules (about 0.1 s), so the lexicon index carries a table
// made with this at build time and the aligner uses it; this is the
// fallback when the index is absent, and the index builder's source.
#include <unicode/utypes.h>

#include <memory>
#include <string>
#include <string_view>

U_NAMESPACE_BEGIN
class Transliterator;
U_NAMESPACE_END

namespace tc {

// Whether `part` is spelled like one toneless pinyin syllable: an optional
// initial and a final ("feng", "yu", "zhuang"; not "term", "up", "dose").
bool is_pinyin_syllable(std::string_view part);

// The Wade-Giles spelling of a toneless pinyin syllable, as translations of
// the last century and of Taiwan spell names ("xi" -> "hsi", "zhou" ->
// "chou", "qing" -> "ching", "zi" -> "tzu"), without the aspiration
// apostrophes and the umlaut, which English texts often leave out and which
// the name matching drops on both sides ("q" -> "ch'" -> "ch"; "xue" ->
// "hsüeh" -> "hsueh"). Empty when `pinyin` is no syllable.
std::string wade_giles_of(std::string_view pinyin);

// Whether `part` (lower case, apostrophes and umlauts dropped) is spelled
// like one Wade-Giles syllable ("hsi", "chih", "tzu"; not "term").
bool is_wade_giles_syllable(std::string_view part);

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
