#pragma once
// Chinese text folded for comparison, one code point at a time so every
// folded code point keeps the byte span of the code point it came from:
// NFKC, full-width ASCII to ASCII, the ideographic space to a space, ASCII
// lower case and, when asked, Traditional to Simplified.
#include <unicode/utypes.h>

#include <cstddef>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

U_NAMESPACE_BEGIN
class Normalizer2;
class Transliterator;
class UnicodeString;
U_NAMESPACE_END

namespace tc {

// ICU's Hant-Hans transliteration of one code point, from the table made
// at build time: cp itself when ICU leaves it, 0 when ICU's result is not a
// single code point.
char32_t hant_hans(char32_t cp);

// cp's Simplified form where Hant-Hans makes it a single code point, else cp
// (後 -> 后; 后 and a character Hant-Hans leaves stay): for comparing one
// character with Simplified word lists.
inline char32_t simplified_character(char32_t cp) {
  const char32_t simplified = hant_hans(cp);
  return simplified == 0 ? cp : simplified;
}

// True when ICU's Hans-Hant (Simplified->Traditional) transliteration changes
// cp alone, from a list made at build time.
bool hans_hant_changes(char32_t cp);

// Each code point of text to its Hant-Hans form from the table, whatever its
// neighbours: false, text untouched, when a form is not a single code point.
bool hant_hans_by_characters(icu::UnicodeString& text);

// text with each Traditional character replaced by its Simplified form from
// the table, a character at a time and only where the two take the same
// number of bytes, so every byte offset stays; empty when nothing changes.
std::string folded_to_simplified(std::string_view text);

// ICU's Hant-Hans of text, code point by code point from the table: false,
// text untouched, for ICU itself to do, when a code point's form is not a
// single code point or when a code point starts one of the words Hant-Hans
// converts otherwise than their characters one by one (計畫 -> 计划, not 计画).
bool hant_hans_by_table(icu::UnicodeString& text);

// ICU's Traditional->Simplified transliteration (Hant-Hans): a table made
// from ICU at build time for every code point, so folding a document is a
// lookup; ICU's transliterator itself is created (once, thread-safe) only
// for the rare text the table cannot fold alone.
class TraditionalToSimplified {
 public:
  TraditionalToSimplified();
  ~TraditionalToSimplified();
  TraditionalToSimplified(const TraditionalToSimplified&) = delete;
  TraditionalToSimplified& operator=(const TraditionalToSimplified&) = delete;

  bool available() const { return !table_.empty(); }
  // The Simplified form of a BMP Han character when it is a single code
  // point; 0 when the table does not hold it.
  char32_t simplified(char32_t cp) const {
    return cp >= kTableFirst && cp <= kTableLast && !table_.empty() ? table_[cp - kTableFirst] : 0;
  }
  // Transliterates `text` in place, as ICU's Hant-Hans does.
  void transliterate(icu::UnicodeString& text) const;

 private:
  static constexpr char32_t kTableFirst = 0x3400;
  static constexpr char32_t kTableLast = 0x9FFF;
  std::vector<char32_t> table_;
  mutable std::once_flag created_;
  mutable std::unique_ptr<icu::Transliterator> transliterator_;
};

class ChineseFolder {
 public:
  // to_simplified null: Traditional characters stay as they are.
  explicit ChineseFolder(const TraditionalToSimplified* to_simplified);

  // Appends the folded form of cp to out.
  void fold(char32_t cp, std::u32string& out);

 private:
  std::u32string slow_fold(char32_t cp) const;

  const TraditionalToSimplified* to_simplified_;
  const icu::Normalizer2* nfkc_ = nullptr;
  std::unordered_map<char32_t, std::u32string> cache_;
};

// A CJK character or symbol (anything from U+2E80 up but the full-width ASCII forms).
constexpr bool is_cjk(char32_t c) { return c >= 0x2E80 && !(c >= 0xFF01 && c <= 0xFF5E); }

// Chinese text puts spaces around Latin words or not ("胸部 X 光" and
// "胸部X光"): a space next to a CJK character does not count. Removes such
// spaces from folded; calls on_drop(i) for each removed index i and
// on_drop(npos) for each kept one, in order, so the caller can move what it
// keeps per code point along.
template <typename Drop>
void drop_spaces_next_to_cjk(std::u32string& folded, Drop&& on_drop) {
  std::size_t out = 0;
  // The end of the current run of spaces, found once per run: rescanning it
  // from every space is quadratic (a million NBSPs hung the check).
  std::size_t run_end = 0;
  bool cjk_after = false;
  for (std::size_t i = 0; i < folded.size(); ++i) {
    const char32_t c = folded[i];
    if (c == U' ') {
      const bool cjk_before = out > 0 && is_cjk(folded[out - 1]);
      if (i >= run_end) {
        run_end = i;
        while (run_end < folded.size() && folded[run_end] == U' ') ++run_end;
        cjk_after = run_end < folded.size() && is_cjk(folded[run_end]);
      }
      if (cjk_before || cjk_after) {
        on_drop(i);
        continue;
      }
    }
    on_drop(std::string::npos);
    folded[out++] = c;
  }
  folded.resize(out);
}

}  // namespace tc
