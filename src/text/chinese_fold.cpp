#include "text/chinese_fold.h"

#include <unicode/normalizer2.h>
#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cstdint>
#include <iterator>
#include <utility>

#include "core/utf8.h"
#include "text/ascii.h"
#include "text/han.h"

namespace tc {

namespace {

// {code point, Simplified form} for every code point ICU's Hant-Hans
// changes, ascending; 0 as the form: not a single code point.
constexpr std::pair<char32_t, char32_t> kHantHans[] = {
#include "text/hant_hans_table.inc"
};

// Code points ICU's Hans-Hant changes, ascending.
constexpr char32_t kHansHantChanged[] = {
#include "text/hans_hant_changed.inc"
};

// Code points that start a word Hant-Hans converts otherwise than its
// characters one by one (計畫 -> 计划, 顯著 -> 显著), ascending.
constexpr char32_t kHantHansWordStarts[] = {
#include "text/hant_hans_contexts.inc"
};

// A bit for each BMP code point kHantHans changes: most characters of a
// Simplified text are passed over by one look-up, not a binary search.
struct HantHansChangedBits {
  std::uint64_t bits[0x10000 / 64] = {};
  constexpr HantHansChangedBits() {
    for (const auto& entry : kHantHans)
      if (entry.first < 0x10000) bits[entry.first / 64] |= std::uint64_t{1} << (entry.first % 64);
  }
  constexpr bool may_change(char32_t cp) const { return cp >= 0x10000 || (bits[cp / 64] >> (cp % 64) & 1) != 0; }
};
constexpr HantHansChangedBits kHantHansChanged;

bool starts_hant_hans_word(char32_t cp) {
  return std::binary_search(std::begin(kHantHansWordStarts), std::end(kHantHansWordStarts), cp);
}

}  // namespace

char32_t hant_hans(char32_t cp) {
  if (!kHantHansChanged.may_change(cp)) return cp;
  const auto* found = std::lower_bound(std::begin(kHantHans), std::end(kHantHans), cp,
                                       [](const auto& entry, char32_t key) { return entry.first < key; });
  return found == std::end(kHantHans) || found->first != cp ? cp : found->second;
}

std::string folded_to_simplified(std::string_view text) {
  std::string folded;
  for (std::size_t pos = 0; pos < text.size();) {
    const std::size_t begin = pos;
    const char32_t cp = utf8::next(text, pos);
    const char32_t simplified = hant_hans(cp);
    if (simplified == 0 || simplified == cp) continue;
    std::string bytes;
    utf8::append(bytes, simplified);
    if (bytes.size() != pos - begin) continue;
    if (folded.empty()) folded.assign(text);
    folded.replace(begin, bytes.size(), bytes);
  }
  return folded;
}

TraditionalToSimplified::TraditionalToSimplified() {
  table_.resize(kTableLast - kTableFirst + 1);
  for (char32_t cp = kTableFirst; cp <= kTableLast; ++cp) table_[cp - kTableFirst] = cp;
  for (const auto& [cp, simplified] : kHantHans)
    if (cp >= kTableFirst && cp <= kTableLast) table_[cp - kTableFirst] = simplified;
}

bool hans_hant_changes(char32_t cp) { return std::binary_search(std::begin(kHansHantChanged), std::end(kHansHantChanged), cp); }

bool hant_hans_by_characters(icu::UnicodeString& text) {
  icu::UnicodeString mapped;
  for (int32_t i = 0; i < text.length();) {
    const UChar32 c = text.char32At(i);
    i += U16_LENGTH(c);
    const char32_t simplified = hant_hans(static_cast<char32_t>(c));
    if (simplified == 0) return false;
    mapped.append(static_cast<UChar32>(simplified));
  }
  text = mapped;
  return true;
}

bool hant_hans_by_table(icu::UnicodeString& text) {
  for (int32_t i = 0; i < text.length();) {
    const UChar32 c = text.char32At(i);
    i += U16_LENGTH(c);
    if (starts_hant_hans_word(static_cast<char32_t>(c))) return false;
  }
  return hant_hans_by_characters(text);
}

void TraditionalToSimplified::transliterate(icu::UnicodeString& text) const {
  if (hant_hans_by_table(text)) return;
  std::call_once(created_, [this] {
    UErrorCode status = U_ZERO_ERROR;
    transliterator_.reset(icu::Transliterator::createInstance("Hant-Hans", UTRANS_FORWARD, status));
    if (U_FAILURE(status)) transliterator_.reset();
  });
  if (transliterator_) transliterator_->transliterate(text);
}

TraditionalToSimplified::~TraditionalToSimplified() = default;

ChineseFolder::ChineseFolder(const TraditionalToSimplified* to_simplified)
    : to_simplified_(to_simplified && to_simplified->available() ? to_simplified : nullptr) {
  UErrorCode status = U_ZERO_ERROR;
  nfkc_ = icu::Normalizer2::getNFKCInstance(status);
  if (U_FAILURE(status)) nfkc_ = nullptr;
}

void ChineseFolder::fold(char32_t cp, std::u32string& out) {
  if (cp < 0x80) {  // ASCII fast path
    out += to_lower_ascii(cp);
    return;
  }
  if (cp >= 0xFF01 && cp <= 0xFF5E) {  // full-width ASCII
    fold(cp - 0xFEE0, out);
    return;
  }
  if (cp == 0x3000) {
    out += U' ';
    return;
  }
  if (cp == utf8::kInvalid) {
    out += U'\uFFFD';
    return;
  }
  // Compatibility ideographs take the slow path: NFKC maps them to the unified ones.
  if (is_han(cp) && !is_compatibility_ideograph(cp)) {
    if (!to_simplified_) {
      out += cp;
      return;
    }
    const char32_t simplified = to_simplified_->simplified(cp);
    if (simplified != 0) {
      out += simplified;
      return;
    }
  }
  const auto cached = cache_.find(cp);
  if (cached != cache_.end()) {
    out += cached->second;
    return;
  }
  std::u32string folded = slow_fold(cp);
  out += folded;
  cache_.emplace(cp, std::move(folded));
}

std::u32string ChineseFolder::slow_fold(char32_t cp) const {
  icu::UnicodeString text(static_cast<UChar32>(cp));
  if (nfkc_ && !nfkc_->isInert(static_cast<UChar32>(cp))) {
    UErrorCode status = U_ZERO_ERROR;
    icu::UnicodeString normalized = nfkc_->normalize(text, status);
    if (U_SUCCESS(status)) text = normalized;
  }
  if (to_simplified_) to_simplified_->transliterate(text);
  std::u32string out;
  for (int32_t i = 0; i < text.length();) {
    const UChar32 c = text.char32At(i);
    out += to_lower_ascii(static_cast<char32_t>(c));
    i += U16_LENGTH(c);
  }
  return out;
}

}  // namespace tc
