#pragma once
// Tells Traditional-only from Simplified-only Chinese characters with ICU's
// Hant-Hans / Hans-Hant transliterators, for the two script/ rules that
// check a document against its expected Chinese script.
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <unicode/uversion.h>

U_NAMESPACE_BEGIN
class Transliterator;
class UnicodeString;
U_NAMESPACE_END

namespace tc::script {

enum class ChineseTarget { simplified, traditional };

// One per check call: it caches the verdict for each distinct character.
// The verdicts come from the build's Hant-Hans table and Hans-Hant list
// (text/chinese_fold.h); ICU's transliterator, whose creation compiles its
// rules, is created only to convert a finding's text towards Traditional or
// one the Hant-Hans table cannot convert alone.
class ChineseVariants {
 public:
  // target is the script the text should be in.
  explicit ChineseVariants(ChineseTarget target);
  ~ChineseVariants();
  ChineseVariants(const ChineseVariants&) = delete;
  ChineseVariants& operator=(const ChineseVariants&) = delete;

  // True when cp is a Han character of the other script: converting it to
  // the target script changes it, and it is not also a standard character
  // of the target script (著 is Simplified too, 后 is Traditional too).
  bool is_foreign(char32_t cp) {
    // Inline fast path: a BMP character already seen.
    if (cp < 0x10000 && bmp_verdicts_[cp] != 0) return bmp_verdicts_[cp] == 2;
    return is_foreign_uncached(cp);
  }

  // text converted to the target script.
  std::string convert(std::string_view text);

  // True when converting text may have picked one of several readings
  // (发 -> 發 or 髮): the conversion is then no safe fix.
  bool is_ambiguous(std::string_view text) const;

 private:
  bool decide(char32_t cp);
  bool is_foreign_uncached(char32_t cp);
  // True when converted still holds a character of the other script.
  bool leaves_foreign(const icu::UnicodeString& converted);
  // ICU's transliterator to the target script, created on first use; null when ICU lacks it.
  const icu::Transliterator* transliterator();

  ChineseTarget target_;
  bool transliterator_created_ = false;
  std::unique_ptr<icu::Transliterator> transliterator_;
  std::vector<std::uint8_t> bmp_verdicts_ = std::vector<std::uint8_t>(0x10000);  // 0 unknown, 1 native, 2 foreign
  std::unordered_map<char32_t, bool> other_verdicts_;
};

// Runs of consecutive foreign characters in text, as byte spans.
struct ByteRun {
  std::size_t begin;
  std::size_t end;
  std::size_t characters;
};
std::vector<ByteRun> foreign_runs(std::string_view text, ChineseVariants& variants);

// Counts the Han characters of text that are foreign to variants' target.
std::size_t count_foreign(std::string_view text, ChineseVariants& variants);

}  // namespace tc::script
