#include "rules/script/chinese_variants.h"

#include <unicode/translit.h>
#include <unicode/unistr.h>

#include "core/utf8.h"
#include "text/chinese_fold.h"
#include "rules/script/script_chars.h"

namespace tc::script {
namespace {

// Characters Hant-Hans converts that are standard Simplified characters as
// well (通用规范汉字表): 乾坤, 著名, 慰藉, 瞭望, 俱乐部, 姊妹, 摔跤, 二噁英.
constexpr std::u32string_view kAlsoSimplified = U"乾著藉瞭俱姊跤囍氹噁夥";

// Characters Hans-Hant converts that are standard Traditional characters as
// well, with their own meaning: 皇后, 干戈, 云, 范 (surname), 宿舍, 占卜, ...;
// and 彷 (彷彿, 彷徨) and 泄 (排泄), which ICU's own word rules write in
// Traditional text (仿佛 -> 彷彿) though it turns them alone into 徬 and 洩.
constexpr std::u32string_view kAlsoTraditional =
    U"后干云范征丑斗几朴仆价采舍占于杰夸尸党腊蜡注淀涂凄据喂挽杆板洒烟术丰并扑挂杠呆借彷泄";

// Simplified characters that stand for several Traditional ones, so Hans-Hant
// has to guess: 发 (發/髮), 干 (乾/幹), 后 (後/后), 台 (臺/檯/颱), ...
constexpr std::u32string_view kOneToMany =
    U"发干后里面台只系历钟复余松范制征准冲谷丑斗才几划卷尽当汇获蒙板签坛脏叶借困采吊致注涂苏郁御恶胡须饥纤参咸尝团姜荡累了";

bool contains(std::u32string_view set, char32_t cp) { return set.find(cp) != std::u32string_view::npos; }

}  // namespace

ChineseVariants::ChineseVariants(ChineseTarget target) : target_(target) {}

ChineseVariants::~ChineseVariants() = default;

const icu::Transliterator* ChineseVariants::transliterator() {
  if (!transliterator_created_) {
    transliterator_created_ = true;
    UErrorCode status = U_ZERO_ERROR;
    transliterator_.reset(icu::Transliterator::createInstance(
        target_ == ChineseTarget::simplified ? "Hant-Hans" : "Hans-Hant", UTRANS_FORWARD, status));
    if (U_FAILURE(status)) transliterator_.reset();
  }
  return transliterator_.get();
}

bool ChineseVariants::decide(char32_t cp) {
  if (contains(target_ == ChineseTarget::simplified ? kAlsoSimplified : kAlsoTraditional, cp)) return false;
  return target_ == ChineseTarget::simplified ? hant_hans(cp) != cp : hans_hant_changes(cp);
}

bool ChineseVariants::is_foreign_uncached(char32_t cp) {
  if (cp >= 0x10000) {
    if (!is_han_or_ideographic_mark(cp)) return false;
    const auto [it, inserted] = other_verdicts_.try_emplace(cp, false);
    if (inserted) it->second = decide(cp);
    return it->second;
  }
  const bool foreign = is_han_or_ideographic_mark(cp) && decide(cp);
  bmp_verdicts_[cp] = foreign ? 2 : 1;
  return foreign;
}

std::string ChineseVariants::convert(std::string_view text) {
  icu::UnicodeString converted = icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  if (target_ != ChineseTarget::simplified || !hant_hans_by_table(converted)) {
    const icu::Transliterator* to_target = transliterator();
    if (!to_target) return std::string(text);
    icu::UnicodeString by_icu = converted;
    to_target->transliterate(by_icu);
    // A few of ICU's word rules leave a Traditional character (內裡 -> 內里,
    // 銀髮 -> 銀发): the characters one by one then, as the table has them.
    if (target_ != ChineseTarget::simplified || !leaves_foreign(by_icu) || !hant_hans_by_characters(converted))
      converted = by_icu;
  }
  std::string out;
  converted.toUTF8String(out);
  return out;
}

bool ChineseVariants::leaves_foreign(const icu::UnicodeString& converted) {
  for (int32_t i = 0; i < converted.length();) {
    const UChar32 c = converted.char32At(i);
    i += U16_LENGTH(c);
    if (is_foreign(static_cast<char32_t>(c))) return true;
  }
  return false;
}

bool ChineseVariants::is_ambiguous(std::string_view text) const {
  if (target_ == ChineseTarget::simplified) return false;  // many-to-one: always safe
  std::size_t pos = 0;
  while (pos < text.size())
    if (contains(kOneToMany, utf8::next(text, pos))) return true;
  return false;
}

std::size_t count_foreign(std::string_view text, ChineseVariants& variants) {
  std::size_t count = 0;
  std::size_t pos = 0;
  std::size_t start = 0;
  char32_t cp = 0;
  while (next_wide(text, pos, start, cp))
    if (variants.is_foreign(cp)) ++count;
  return count;
}

std::vector<ByteRun> foreign_runs(std::string_view text, ChineseVariants& variants) {
  std::vector<ByteRun> runs;
  std::size_t pos = 0;
  std::size_t start = 0;
  char32_t cp = 0;
  while (next_wide(text, pos, start, cp)) {
    if (!variants.is_foreign(cp)) continue;
    if (!runs.empty() && runs.back().end == start) {
      runs.back().end = pos;
      ++runs.back().characters;
    } else {
      runs.push_back({start, pos, 1});
    }
  }
  return runs;
}

}  // namespace tc::script
