// Mojibake from the Chinese side. The text is cut into stretches of non-ASCII
// characters; inside a stretch each detector re-encodes characters with a
// table lookup (GBK, Big5 or Windows-1252 codes) and tests whether the bytes
// decode strictly in the other encoding to more plausible text. "Plausible"
// leans on character frequency: garble is dominated by characters outside
// GB2312 level 1 (the 3755 common characters) while the recovered text is
// dominated by common characters and typographic punctuation.
#include <unicode/uchar.h>

#include <algorithm>
#include <cctype>

#include "core/utf8.h"
#include "rules/encoding/mojibake_scan.h"
#include "rules/encoding/mojibake_tables.h"

namespace tc::mojibake {
namespace {

constexpr char32_t kReplacement = 0xFFFD;

struct StretchChar {
  std::size_t begin = 0;
  std::size_t end = 0;
  char32_t cp = 0;
  std::uint16_t gbk = 0;
};

bool is_typographic_punctuation(char32_t cp) {
  return (cp >= 0x2010 && cp <= 0x2027) || (cp >= 0x2030 && cp <= 0x205E) || (cp >= 0x3000 && cp <= 0x303F) ||
         (cp >= 0xFF01 && cp <= 0xFF5E);
}

bool is_kana(char32_t cp) { return cp >= 0x3040 && cp <= 0x30FF; }
bool is_greek(char32_t cp) { return cp >= 0x370 && cp <= 0x3FF; }
bool is_cyrillic(char32_t cp) { return cp >= 0x400 && cp <= 0x4FF; }
// Characters of GBK's symbol rows that Chinese prose does not mix into a
// run of Han characters: kana, Greek, Cyrillic, pinyin and bopomofo letters,
// box drawing, vertical forms, private use (GBK's user-defined area).
bool is_foreign_in_chinese(char32_t cp) {
  return is_kana(cp) || is_greek(cp) || is_cyrillic(cp) || (cp >= 0x80 && cp <= 0x24F) ||
         (cp >= 0x2160 && cp <= 0x217F) || (cp >= 0x2460 && cp <= 0x24FF) || (cp >= 0x2500 && cp <= 0x257F) ||
         (cp >= 0x3100 && cp <= 0x312F) || (cp >= 0xE000 && cp <= 0xF8FF) || (cp >= 0xFE30 && cp <= 0xFE4F);
}

bool same_foreign_script(char32_t a, char32_t b) {
  return (is_kana(a) && is_kana(b)) || (is_greek(a) && is_greek(b)) || (is_cyrillic(a) && is_cyrillic(b));
}

// Characters a recovered span may contain besides ASCII.
bool plausible_recovered(char32_t cp) {
  if (is_han(cp)) return is_gb2312(cp) || big5_code(cp) != 0;
  if (is_typographic_punctuation(cp) || is_kana(cp)) return true;
  if (cp == 0x20AC || (cp >= 0x2100 && cp <= 0x22FF) || (cp >= 0x2460 && cp <= 0x27BF)) return true;
  return cp >= 0xAC00 && cp <= 0xD7A3;  // Hangul
}

struct Stats {
  std::size_t han = 0;
  std::size_t common_han = 0;
  std::size_t punctuation = 0;
};

// Counts the recovered text; false when it holds something implausible.
bool recovered_stats(std::string_view text, Stats& stats) {
  for (std::size_t pos = 0; pos < text.size();) {
    const char32_t cp = utf8::next(text, pos);
    if (cp < 0x80) continue;
    if (cp == utf8::kInvalid || !plausible_recovered(cp)) return false;
    if (is_han(cp)) {
      ++stats.han;
      if (is_common_han(cp)) ++stats.common_han;
    } else if (is_typographic_punctuation(cp)) {
      ++stats.punctuation;
    }
  }
  return true;
}

// Bytes that belong to well-formed multi-byte UTF-8 sequences. About a fifth
// of GB2312 pairs are well-formed two-byte UTF-8 by chance.
std::size_t utf8_share(std::string_view bytes) {
  std::size_t covered = 0;
  for (std::size_t i = 0; i < bytes.size();) {
    const auto lead = static_cast<unsigned char>(bytes[i]);
    const int length = utf8_sequence_length(lead);
    bool ok = length >= 2 && i + static_cast<std::size_t>(length) <= bytes.size();
    for (int j = 1; ok && j < length; ++j) {
      const auto b = static_cast<unsigned char>(bytes[i + j]);
      ok = j == 1 ? utf8_second_byte_ok(lead, b) : is_continuation(b);
    }
    if (ok) {
      covered += static_cast<std::size_t>(length);
      i += static_cast<std::size_t>(length);
    } else {
      ++i;
    }
  }
  return covered;
}

// GB2312 level 1 or its punctuation rows (A1, A3): what real Simplified
// Chinese is mostly made of.
bool is_level1_or_punctuation(std::uint16_t gbk) {
  const unsigned lead = gbk >> 8, trail = gbk & 0xFF;
  if (trail < 0xA1 || trail == 0xFF) return false;
  return (lead >= 0xB0 && lead <= 0xD7 && gbk <= 0xD7F9) || lead == 0xA1 || lead == 0xA3;
}

bool is_ascii_alnum(char32_t cp) { return cp < 0x80 && std::isalnum(static_cast<int>(cp)); }

// Cheap necessary conditions of the detectors, counted over a stretch.
struct Gates {
  std::size_t length = 0;
  std::size_t rare = 0;       // outside GB2312 level 1 and its punctuation rows
  std::size_t utf8_lead = 0;  // GBK lead byte E2-EF: where UTF-8-read-as-GBK garble starts
  std::size_t foreign = 0;    // kana, Greek, Cyrillic, ... (Big5 read as GBK)
  std::size_t latin1 = 0;     // Latin-1 characters (GBK read as Windows-1252)
  bool fill = false;          // 烫, 屯 or 锟
  bool any() const {
    return fill || utf8_lead > 0 || (foreign > 0 && length >= 4) || (rare >= 2 && length >= 6) || latin1 >= 4;
  }
};

class CjkScanner {
 public:
  explicit CjkScanner(std::string_view text) : text_(text) {}

  std::vector<Hit> run() {
    const std::uint16_t* gbk_codes = gbk_code_table();
    std::size_t pos = 0;
    const std::size_t size = text_.size();
    while (pos < size) {
      pos = skip_ascii(text_, pos);  // ASCII fast path
      if (pos >= size) break;
      // First pass: classify without storing. Real Chinese rarely passes
      // any gate, and then the stretch is never built.
      const std::size_t begin = pos;
      Gates gates;
      while (pos < size && static_cast<unsigned char>(text_[pos]) >= 0x80) {
        const char32_t cp = next_char(text_, pos);
        const std::uint16_t code = cp < 0x10000 ? gbk_codes[cp] : 0;
        ++gates.length;
        if (cp == U'烫' || cp == U'屯' || cp == U'锟') gates.fill = true;
        if (is_level1_or_punctuation(code)) continue;
        ++gates.rare;
        if ((code >> 8) >= 0xE2 && (code >> 8) <= 0xEF) ++gates.utf8_lead;
        if (is_foreign_in_chinese(cp)) ++gates.foreign;
        if (cp < 0x100) ++gates.latin1;
      }
      if (!gates.any()) continue;
      stretch_.clear();
      for (std::size_t at = begin; at < pos;) {
        StretchChar c;
        c.begin = at;
        c.cp = next_char(text_, at);
        c.end = at;
        if (c.cp < 0x10000) c.gbk = gbk_codes[c.cp];
        stretch_.push_back(c);
      }
      scan_stretch(gates);
    }
    // Earlier detectors win where spans overlap.
    std::stable_sort(hits_.begin(), hits_.end(), [](const Hit& a, const Hit& b) { return a.begin < b.begin; });
    std::vector<Hit> kept;
    for (Hit& hit : hits_)
      if (kept.empty() || hit.begin >= kept.back().end) kept.push_back(std::move(hit));
    return kept;
  }

 private:
  void scan_stretch(const Gates& gates) {
    const std::size_t first_hit = hits_.size();
    if (gates.fill) find_fill_patterns();
    if (gates.utf8_lead > 0) find_utf8_read_as_gbk();
    if (gates.foreign > 0 && gates.length >= 4) find_big5_read_as_gbk();
    if (gates.rare >= 2 && gates.length >= 6) find_gbk_read_as_big5();
    if (gates.latin1 >= 4) find_gbk_read_as_latin();
    // Within one stretch keep the first detector's hit where two overlap.
    std::vector<Hit> local(std::make_move_iterator(hits_.begin() + static_cast<std::ptrdiff_t>(first_hit)),
                           std::make_move_iterator(hits_.end()));
    hits_.resize(first_hit);
    for (Hit& hit : local) {
      const bool overlaps = std::any_of(hits_.begin() + static_cast<std::ptrdiff_t>(first_hit), hits_.end(),
                                        [&](const Hit& h) { return hit.begin < h.end && h.begin < hit.end; });
      if (!overlaps) hits_.push_back(std::move(hit));
    }
  }

  char32_t after_stretch() const {
    const std::size_t end = stretch_.back().end;
    return end < text_.size() ? static_cast<unsigned char>(text_[end]) : 0;
  }
  char32_t before(std::size_t index) const {
    std::size_t pos = stretch_[index].begin;
    if (pos == 0) return 0;
    return utf8::previous(text_, pos);
  }

  void add(std::size_t first, std::size_t end_index, std::string how, std::optional<std::string> recovered,
           bool lossy = false, std::size_t extra_bytes = 0) {
    Hit hit;
    hit.begin = stretch_[first].begin;
    hit.end = stretch_[end_index - 1].end + extra_bytes;
    hit.how = std::move(how);
    hit.recovered = std::move(recovered);
    hit.lossy = lossy;
    hits_.push_back(std::move(hit));
  }

  // 锟斤拷 (two U+FFFD, EF BF BD EF BF BD, read as GBK) in any rotation, and
  // runs of at least three 烫 (0xCC fill) or 屯 (0xCD fill): uninitialised
  // memory of MSVC debug builds. A single 烫 or 屯 is an ordinary word.
  void find_fill_patterns() {
    const std::size_t n = stretch_.size();
    for (std::size_t i = 0; i < n;) {
      const char32_t cp = stretch_[i].cp;
      if (cp == U'烫' || cp == U'屯') {
        std::size_t j = i;
        while (j < n && stretch_[j].cp == cp) ++j;
        if (j - i >= 3)
          add(i, j,
              std::string("fill pattern \"") + (cp == U'烫' ? "烫烫烫" : "屯屯屯") + "\": uninitialised memory (" +
                  (cp == U'烫' ? "0xCC" : "0xCD") + " bytes of an MSVC debug build) shown as GBK; the text is lost",
              std::nullopt);
        i = j;
        continue;
      }
      if (cp == U'锟' || cp == U'斤' || cp == U'拷') {
        std::size_t j = i;
        std::u32string run;
        while (j < n && (stretch_[j].cp == U'锟' || stretch_[j].cp == U'斤' || stretch_[j].cp == U'拷'))
          run.push_back(stretch_[j++].cp);
        const bool has_pattern = run.find(U"锟斤拷") != std::u32string::npos ||
                                 run.find(U"斤拷锟") != std::u32string::npos ||
                                 run.find(U"拷锟斤") != std::u32string::npos;
        if (has_pattern)
          add(i, j,
              "fill pattern \"锟斤拷\": U+FFFD replacement characters (EF BF BD) shown as GBK; the text is lost",
              std::nullopt);
        i = j;
        continue;
      }
      ++i;
    }
  }

  static constexpr std::uint16_t kWildcard = 0x100;  // a byte the decoder wrote as U+FFFD
  static constexpr std::uint16_t kBreak = 0x200;     // a character with no GBK bytes

  // The bytes the GBK decoder saw for the stretch. U+FFFD stands for one
  // byte it could not read (Python's behaviour), so it is a wildcard.
  void build_gbk_bytes() {
    bytes_.clear();
    char_at_byte_.clear();
    first_byte_.clear();
    for (std::size_t i = 0; i < stretch_.size(); ++i) {
      first_byte_.push_back(bytes_.size());
      char_at_byte_.push_back(static_cast<std::int32_t>(i));
      const std::uint16_t code = stretch_[i].gbk;
      if (code != 0) {
        bytes_.push_back(code >> 8);
        bytes_.push_back(code & 0xFF);
        char_at_byte_.push_back(-1);
      } else {
        bytes_.push_back(stretch_[i].cp == kReplacement ? kWildcard : kBreak);
      }
    }
    char_at_byte_.push_back(static_cast<std::int32_t>(stretch_.size()));
  }

  static bool is_punctuation_lead(unsigned lead, unsigned second) {
    return (lead == 0xE2 && second == 0x80) || (lead == 0xE3 && second == 0x80) ||
           (lead == 0xEF && (second == 0xBC || second == 0xBD));
  }

  // UTF-8 read as GBK: the GBK bytes of a span are well-formed UTF-8.
  void find_utf8_read_as_gbk() {
    build_gbk_bytes();
    const std::size_t n = stretch_.size();
    const std::size_t total = bytes_.size();
    for (std::size_t k = 0; k < n;) {
      // Recovered text must be punctuation, CJK or other three-byte UTF-8
      // from U+2000 up, so the span starts with a GBK lead byte E2-EF.
      const unsigned lead_byte = stretch_[k].gbk >> 8;
      if (lead_byte < 0xE2 || lead_byte > 0xEF) {
        ++k;
        continue;
      }
      std::size_t i = first_byte_[k];
      std::string decoded;
      bool lossy = false, lost_punctuation = false;
      std::size_t boundary_char = k, decoded_at_boundary = 0;
      bool lossy_at_boundary = false, lost_punctuation_at_boundary = false;
      bool incomplete_at_end = false;
      while (i < total) {
        const std::uint16_t lead = bytes_[i];
        if (lead > 0xFF) break;
        const int length = utf8_sequence_length(static_cast<unsigned char>(lead));
        if (length == 0) break;
        if (i + length > total) {
          incomplete_at_end = true;
          break;
        }
        bool ok = true, wildcard = false;
        for (int j = 1; j < length && ok; ++j) {
          const std::uint16_t b = bytes_[i + j];
          if (b == kWildcard) {
            wildcard = true;
            continue;
          }
          ok = b <= 0xFF && (j == 1 ? utf8_second_byte_ok(static_cast<unsigned char>(lead), static_cast<unsigned char>(b))
                                    : is_continuation(static_cast<unsigned char>(b)));
        }
        if (!ok) break;
        if (wildcard) {
          lossy = true;
          lost_punctuation = lost_punctuation || (length == 3 && is_punctuation_lead(lead, bytes_[i + 1]));
        } else {
          for (int j = 0; j < length; ++j) decoded.push_back(static_cast<char>(bytes_[i + j]));
        }
        i += length;
        if (char_at_byte_[i] >= 0) {
          boundary_char = static_cast<std::size_t>(char_at_byte_[i]);
          decoded_at_boundary = decoded.size();
          lossy_at_boundary = lossy;
          lost_punctuation_at_boundary = lost_punctuation;
        }
      }
      if (incomplete_at_end && after_stretch() == '?') {
        // "60鈥?5%": the decoder lost a byte, wrote '?' and swallowed the next.
        const unsigned second = i + 1 < total ? bytes_[i + 1] : 0;
        const bool punctuation = is_punctuation_lead(bytes_[i], second);
        if (accept_utf8_gbk(k, n - k, decoded, true, punctuation || lost_punctuation)) {
          add(k, n, "UTF-8 read as GBK", std::nullopt, true, 1);
          break;
        }
      }
      const std::size_t chars = boundary_char - k;
      const std::string_view recovered = std::string_view(decoded).substr(0, decoded_at_boundary);
      if (chars > 0 && accept_utf8_gbk(k, chars, recovered, lossy_at_boundary, lost_punctuation_at_boundary)) {
        if (lossy_at_boundary)
          add(k, boundary_char, "UTF-8 read as GBK", std::nullopt, true);
        else
          add(k, boundary_char, "UTF-8 read as GBK", std::string(recovered));
        k = boundary_char;
        continue;
      }
      ++k;
    }
  }

  std::size_t rare_in_garble(std::size_t from, std::size_t count) const {
    std::size_t rare = 0;
    for (std::size_t i = from; i < from + count; ++i)
      if (!is_gb2312_level1(stretch_[i].cp)) ++rare;
    return rare;
  }

  bool glued_to_ascii(std::size_t from, std::size_t count) const {
    const std::size_t last = from + count - 1;
    const char32_t after = last + 1 < stretch_.size() ? 0 : after_stretch();
    return is_ascii_alnum(before(from)) || is_ascii_alnum(after);
  }

  // lossy: a byte was lost inside the span; lost_punctuation: the lost
  // byte belonged to a typographic punctuation mark (E2 80 xx and the like).
  bool accept_utf8_gbk(std::size_t from, std::size_t count, std::string_view recovered, bool lossy,
                       bool lost_punctuation) const {
    Stats stats;
    if (!recovered_stats(recovered, stats)) return false;
    if (stats.han > 0 && stats.common_han * 10 < stats.han * 7) return false;
    if (rare_in_garble(from, count) * 2 < count) return false;
    const bool punctuation = stats.punctuation > 0 || lost_punctuation;
    if (stats.han + stats.punctuation == 0 && !lost_punctuation) return false;
    if (lossy) return count >= 3 || punctuation;
    if (count >= 3) return true;
    if (count < 2) return false;
    // Two characters: only a punctuation mark ("鈥檛" for "’t") or garble
    // glued to Latin text.
    return punctuation || glued_to_ascii(from, count);
  }

  // Big5 bytes read as GBK: a span whose GBK codes decode as Big5 to common
  // Traditional characters, while the span itself mixes kana, Greek,
  // Cyrillic, private-use and rare characters.
  void find_big5_read_as_gbk() {
    const std::size_t n = stretch_.size();
    for (std::size_t k = 0; k < n;) {
      std::size_t j = k;
      while (j < n && stretch_[j].gbk != 0 && big5_char(stretch_[j].gbk) != 0) ++j;
      if (j - k >= 4 && accept_big5_gbk(k, j - k)) {
        std::string recovered;
        for (std::size_t i = k; i < j; ++i) utf8::append(recovered, big5_char(stretch_[i].gbk));
        add(k, j, "Big5 read as GBK", std::move(recovered));
      }
      k = j > k ? j : k + 1;
    }
  }

  bool accept_big5_gbk(std::size_t from, std::size_t count) const {
    std::size_t recovered_han = 0, recovered_common = 0;
    std::size_t foreign = 0;  // characters Chinese prose does not mix in
    std::size_t odd = 0;
    std::size_t han = 0;
    for (std::size_t i = from; i < from + count; ++i) {
      const char32_t cp = stretch_[i].cp;
      // Two kana, Greek or Cyrillic letters in a row: real Japanese, Greek or Russian text.
      if (i > from && same_foreign_script(cp, stretch_[i - 1].cp)) return false;
      if (is_han(cp)) ++han;
      const bool is_foreign = is_foreign_in_chinese(cp);
      if (is_foreign) ++foreign;
      if (is_foreign || !is_gb2312_level1(cp)) ++odd;
      // The recovered character has the garble's GBK code as its Big5 code.
      const std::uint16_t code = stretch_[i].gbk;
      const char32_t recovered = big5_char(code);
      if (is_han(recovered)) {
        ++recovered_han;
        if (code >= 0xA440 && code <= 0xC67E) ++recovered_common;
      } else if (!is_typographic_punctuation(recovered)) {
        return false;
      }
    }
    if (recovered_han < 3 || recovered_common * 10 < recovered_han * 8) return false;
    return foreign > 0 && han >= 2 && odd * 2 >= count;
  }

  // GBK bytes read as Big5: Traditional characters, many of them rare
  // (Big5 level 2), whose Big5 codes decode as GBK to common Simplified text.
  void find_gbk_read_as_big5() {
    const std::size_t n = stretch_.size();
    for (std::size_t k = 0; k < n;) {
      std::size_t j = k;
      while (j < n) {
        const std::uint16_t code = big5_code(stretch_[j].cp);
        if (code == 0 || gbk_char(code) == 0) break;
        ++j;
      }
      if (j - k >= 6 && accept_gbk_big5(k, j - k)) {
        std::string recovered;
        for (std::size_t i = k; i < j; ++i) utf8::append(recovered, gbk_char(big5_code(stretch_[i].cp)));
        add(k, j, "GBK read as Big5", std::move(recovered));
      }
      k = j > k ? j : k + 1;
    }
  }

  bool accept_gbk_big5(std::size_t from, std::size_t count) const {
    std::size_t han = 0, level1 = 0, rare = 0;
    for (std::size_t i = from; i < from + count; ++i) {
      // The recovered character has the garble's Big5 code as its GBK code.
      const std::uint16_t code = big5_code(stretch_[i].cp);
      const char32_t recovered = gbk_char(code);
      const bool gb2312 = (code >> 8) >= 0xA1 && (code >> 8) <= 0xF7 && (code & 0xFF) >= 0xA1;
      if (is_han(recovered) && gb2312) {
        ++han;
        if (is_level1_or_punctuation(code)) ++level1;
      } else if (!is_typographic_punctuation(recovered)) {
        return false;
      }
      if (code >= 0xC940) ++rare;  // Big5 level 2: rare Traditional characters
    }
    if (han < 4 || level1 * 100 < han * 85) return false;
    return rare * 10 >= count * 3;
  }

  // GBK text read as Windows-1252 is mostly letters (the lead bytes of the
  // common characters, C0-D7, are À-×) and varied.
  bool looks_like_latin_garble(std::size_t from, std::size_t to) const {
    std::size_t letters = 0;
    std::u32string distinct;
    for (std::size_t i = from; i < to; ++i) {
      const char32_t cp = stretch_[i].cp;
      if (u_isalpha(static_cast<UChar32>(cp))) ++letters;
      if (distinct.find(cp) == std::u32string::npos) distinct.push_back(cp);
    }
    return distinct.size() >= 3 && letters * 5 >= (to - from) * 2;
  }

  // GBK bytes read as Latin-1 / Windows-1252: "ÖÐÎÄ" for 中文.
  void find_gbk_read_as_latin() {
    const std::size_t n = stretch_.size();
    const auto page = static_cast<std::size_t>(SingleByte::windows1252);
    for (std::size_t k = 0; k < n;) {
      std::string bytes;
      std::size_t j = k;
      while (j < n) {
        const auto* codes = single_byte_codes(stretch_[j].cp);
        const unsigned char byte = codes ? (*codes)[page] : 0;
        if (byte < 0x81 || byte == 0xFF) break;
        bytes.push_back(static_cast<char>(byte));
        ++j;
      }
      // Bytes that are mostly well-formed UTF-8 are the Latin-side mojibake of
      // UTF-8 ("Ð¾Ð½Ð¸" for "они"); rows of one symbol ("····", "»»»»") are
      // typography.
      if (j - k >= 4 && utf8_share(bytes) * 2 < bytes.size() && looks_like_latin_garble(k, j)) {
        for (std::size_t align = 0; align < 2; ++align) {
          const std::size_t pairs = (j - k - align) / 2;
          if (pairs < 2) continue;
          auto recovered = decode_strict(std::string_view(bytes).substr(align, pairs * 2), "GBK");
          if (!recovered) continue;
          Stats stats;
          std::size_t level1 = 0;
          bool all_gb2312 = true;
          for (std::size_t pos = 0; pos < recovered->size();) {
            const char32_t cp = utf8::next(*recovered, pos);
            all_gb2312 = all_gb2312 && is_gb2312(cp) && (is_han(cp) || is_typographic_punctuation(cp));
            if (is_han(cp)) ++stats.han;
            if (is_gb2312_level1(cp)) ++level1;
          }
          if (!all_gb2312 || stats.han < 2 || level1 * 4 < stats.han * 3) continue;
          add(k + align, k + align + pairs * 2, "GBK read as Windows-1252", std::move(*recovered));
          break;
        }
      }
      k = j > k ? j : k + 1;
    }
  }

  std::string_view text_;
  std::vector<StretchChar> stretch_;
  std::vector<std::uint16_t> bytes_;        // see build_gbk_bytes
  std::vector<std::int32_t> char_at_byte_;  // character starting at each byte, or -1
  std::vector<std::size_t> first_byte_;     // first byte of each character
  std::vector<Hit> hits_;
};

}  // namespace

std::vector<Hit> find_cjk_mojibake(std::string_view text) { return CjkScanner(text).run(); }

std::string message_for(const Hit& hit, std::string_view written) {
  std::string message = "mojibake: " + hit.how;
  if (hit.recovered)
    message += " (\"" + std::string(written) + "\" was \"" + *hit.recovered + "\")";
  else if (hit.lossy)
    message += "; a byte was lost, so the text cannot be recovered exactly";
  return message;
}

}  // namespace tc::mojibake
