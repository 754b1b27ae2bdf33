// Mojibake from the Chinese side. The text is cut into stretches of non-ASCII
// characters; inside a stretch each detector re-encodes characters with a
// table lookup (GBK, Big5 or Windows-1252 codes) and tests whether the bytes
// decode strictly in the other encoding to more plausible text. "Plausible"
// leans on character frequency: garble is dominated by characters outside
// GB2312 level 1 (the 3755 common characters) while the recovered text is
// dominated by common characters and typographic punctuation.
#include <unicode/uchar.h>

#include <algorithm>
#include <array>
#include <bit>
#include <cctype>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <new>
#include <type_traits>

#include "core/utf8.h"
#include "rules/encoding/mojibake_cjk.h"
#include "rules/encoding/mojibake_scan.h"
#include "rules/encoding/mojibake_tables.h"

namespace tc::mojibake {
namespace {

constexpr char32_t kReplacement = 0xFFFD;

// 16 bytes: every character of a stretch with a gate is one, with its GBK
// code (0 where it has none). No member initializers: a run of them is
// written in place (Stretch::room).
using StretchChar = text::CodedChar;

// The characters of a stretch, in a buffer kept from stretch to stretch
// whose room is not cleared when it grows: a fifth of literary Chinese lies
// in stretches with a gate, and each character is written once.
class Stretch {
 public:
  std::size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  void clear() { size_ = 0; }
  StretchChar& operator[](std::size_t i) { return data_[i]; }
  const StretchChar& operator[](std::size_t i) const { return data_[i]; }
  const StretchChar& front() const { return data_[0]; }
  const StretchChar& back() const { return data_[size_ - 1]; }
  const StretchChar* begin() const { return data_.get(); }
  const StretchChar* end() const { return data_.get() + size_; }
  void push_back(const StretchChar& c) {
    *room(1) = c;
    ++size_;
  }
  // Room for count more characters at the end, to be written by the
  // caller, who then says how many it added.
  StretchChar* room(std::size_t count) {
    if (size_ + count > capacity_) {
      const std::size_t capacity = std::max(size_ + count, 2 * capacity_);
      auto larger = std::make_unique_for_overwrite<StretchChar[]>(capacity);
      std::copy(data_.get(), data_.get() + size_, larger.get());
      data_ = std::move(larger);
      capacity_ = capacity;
    }
    return data_.get() + size_;
  }
  void added(std::size_t count) { size_ += count; }

 private:
  std::unique_ptr<StretchChar[]> data_;
  std::size_t size_ = 0;
  std::size_t capacity_ = 0;
};

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

// Small kana follow only a kana of the i-row (ゃゅょ) or any kana (ぁぃぅぇぉっ);
// ゐゑゎ are archaic. Japanese writes neither otherwise.
bool is_small_kana(char32_t cp) {
  switch (cp) {
    case U'ぁ': case U'ぃ': case U'ぅ': case U'ぇ': case U'ぉ': case U'っ': case U'ゃ': case U'ゅ': case U'ょ':
    case U'ゎ': case U'ァ': case U'ィ': case U'ゥ': case U'ェ': case U'ォ': case U'ッ': case U'ャ': case U'ュ':
    case U'ョ': case U'ヮ': case U'ヵ': case U'ヶ':
      return true;
    default:
      return false;
  }
}
bool takes_small_y(char32_t cp) {
  static const std::u32string kIRow = U"きぎしじちぢにひびぴみりキギシジチヂニヒビピミリ";
  return kIRow.find(cp) != std::u32string::npos;
}
bool impossible_kana(char32_t cp, char32_t previous) {
  if (cp == U'ゐ' || cp == U'ゑ' || cp == U'ヰ' || cp == U'ヱ' || cp == U'ゎ' || cp == U'ヮ') return true;
  if (!is_small_kana(cp)) return false;
  if (!is_kana(previous)) return true;
  const bool y = cp == U'ゃ' || cp == U'ゅ' || cp == U'ょ' || cp == U'ャ' || cp == U'ュ' || cp == U'ョ';
  return y && !takes_small_y(previous);
}

// How odd a character is inside Chinese or Japanese prose: 0 for common
// characters and punctuation, 1 for kana, more for rare characters, kana
// Japanese never writes there, letters of other scripts, private use.
int written_oddity(char32_t cp, char32_t previous) {
  if (is_han(cp)) return is_common_han(cp) ? 0 : (is_gb2312(cp) || big5_code(cp) != 0) ? 2 : 3;
  if (is_typographic_punctuation(cp)) return 0;
  if (is_kana(cp)) return impossible_kana(cp, previous) ? 3 : 1;
  if (cp >= 0xE000 && cp <= 0xF8FF) return 5;
  if (is_foreign_in_chinese(cp)) return 3;
  return 2;
}

// How odd a character of a recovered original is; -1 where it cannot be
// (no character, half-width katakana, private use, control).
int recovered_oddity(char32_t cp, bool kana_expected) {
  if (cp < 0x80) return -1;
  // Japanese: the JIS level 1 kanji (Shift-JIS 889F-9872) are the common ones.
  if (kana_expected && is_han(cp) && shift_jis_code(cp) >= 0x889F && shift_jis_code(cp) <= 0x9872) return 0;
  if (is_han(cp)) return is_common_han(cp) ? 0 : (is_gb2312(cp) || big5_code(cp) != 0) ? 2 : 3;
  if (is_typographic_punctuation(cp)) return 0;
  if (is_kana(cp)) return kana_expected ? 0 : 2;
  if ((cp >= 0xFF61 && cp <= 0xFF9F) || (cp >= 0xE000 && cp <= 0xF8FF)) return -1;
  return 3;
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
  std::size_t hangul = 0;
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
    } else if (cp >= 0xAC00 && cp <= 0xD7A3) {
      ++stats.hangul;
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

// Whether written_oddity may rate cp 2 or more (gbk: its GBK code). GB2312
// level 1 is common Han (0); otherwise rare Han, and anything but
// typographic punctuation, may be (kana only in some places: counted too).
bool may_be_odd(char32_t cp, std::uint16_t gbk) {
  if (gbk >= 0xB0A1 && gbk <= 0xD7F9 && (gbk & 0xFF) >= 0xA1) return false;
  return is_han(cp) ? !is_common_han(cp) : !is_typographic_punctuation(cp);
}

// One double-byte code page read as another: the bytes the wrong decoder
// saw are the written characters' codes in its page (GBK or Big5), and
// they decode in the original page to the text that was meant.
struct Misread {
  const char* how;                            // "Big5 read as GBK"
  const char* how_supplement;                 // when a code needs the supplement: "Big5-HKSCS read as GBK"
  std::uint16_t (*written_code)(char32_t);    // code in the page the text was read in
  char16_t (*original_char)(std::uint16_t);   // that code in the page it was written in
  bool (*needs_supplement)(char32_t written, std::uint16_t code);
  bool kana_expected;                          // Shift-JIS: the original is Japanese
  // When set, a run of five or more whose original Han characters all pass
  // it needs only one odd written character: GB2312 level 1 for GBK read as
  // Big5, whose garble is made of Big5's common rows and looks plain.
  bool (*plain_original)(char32_t);
  std::size_t index;  // in kMisreads
};

// The Big5 code, or the Hong Kong supplement's when Big5 has none.
std::uint16_t big5_or_hkscs_code(char32_t cp) {
  const std::uint16_t code = big5_code(cp);
  return code != 0 ? code : big5_hkscs_code(cp);
}
bool big5_supplement_only(char32_t, std::uint16_t code) { return big5_char(code) == 0; }
bool hkscs_only(char32_t written, std::uint16_t) { return big5_code(written) == 0; }
bool never(char32_t, std::uint16_t) { return false; }

constexpr std::size_t kMisreadCount = 3;
const Misread kMisreads[kMisreadCount] = {
    {"Shift-JIS read as GBK", "Shift-JIS read as GBK", gbk_code, shift_jis_char, never, true, nullptr, 0},
    {"Big5 read as GBK", "Big5-HKSCS read as GBK", gbk_code, big5_hkscs_char, big5_supplement_only, false, nullptr, 1},
    {"GBK read as Big5", "GBK read as Big5-HKSCS", big5_or_hkscs_code, gbk_char, hkscs_only, false, is_gb2312_level1,
     2},
};

// What a misread makes of a written character: the oddity of the character
// meant (-1: the misread cannot have written it) and what kind it is.
struct MeantFacts {
  static constexpr std::uint8_t kKana = 1, kHan = 2, kPlain = 4;
  std::int8_t oddity = -1;
  std::uint8_t kind = 0;
};

MeantFacts meant_facts_of(const Misread& misread, char32_t written) {
  MeantFacts facts;
  const std::uint16_t code = misread.written_code(written);
  if (code == 0) return facts;
  const char32_t meant = misread.original_char(code);
  facts.oddity = static_cast<std::int8_t>(recovered_oddity(meant, misread.kana_expected));
  if (is_kana(meant)) facts.kind |= MeantFacts::kKana;
  if (is_han(meant)) facts.kind |= MeantFacts::kHan;
  if (misread.plain_original && misread.plain_original(meant)) facts.kind |= MeantFacts::kPlain;
  return facts;
}

// A GBK code whose lead byte leads a three-byte UTF-8 sequence from U+2000
// up (E2-EF): where UTF-8-read-as-GBK garble starts. It can start there only
// when the trail byte may follow in UTF-8 (80-BF); otherwise the decoding
// stops at once, unless a byte is missing (U+FFFD, or a '?' after the stretch).
bool is_utf8_lead_code(std::uint16_t code) { return (code >> 8) >= 0xE2 && (code >> 8) <= 0xEF; }
bool is_utf8_start_code(std::uint16_t code) {
  return is_utf8_lead_code(code) && (code & 0xFF) >= 0x80 && (code & 0xFF) <= 0xBF;
}

// The facts the detectors ask about each character of a stretch with a gate,
// for U+2000-U+FFFF (the ideographs, the bulk of every stretch, and the
// punctuation between them) but kana, whose oddity depends on the character
// before, and U+FFFD, a lost byte: by the same functions the other
// characters go through.
struct CharFacts {
  static constexpr char32_t kFirst = 0x2000, kLast = 0xFFFF;
  static constexpr std::uint8_t kMayBeOdd = 1, kLevel1OrPunctuation = 2, kUtf8Lead = 4, kUtf8Start = 8, kForeign = 16;
  static constexpr std::uint8_t kKnown = 0x80;  // computed (CharFactsTable)
  static constexpr std::uint8_t kAbsent = 0x40;  // kana or U+FFFD: not in the table
  std::uint8_t flags = 0;
  std::uint8_t written_oddity = 0;
  MeantFacts meant[kMisreadCount];
};

CharFacts char_facts_of(char32_t cp) {
  CharFacts facts;
  facts.flags = CharFacts::kKnown;
  if (is_kana(cp) || cp == kReplacement) {
    facts.flags |= CharFacts::kAbsent;
    return facts;
  }
  const std::uint16_t code = gbk_code(cp);
  if (may_be_odd(cp, code)) facts.flags |= CharFacts::kMayBeOdd;
  if (is_level1_or_punctuation(code)) facts.flags |= CharFacts::kLevel1OrPunctuation;
  if (is_utf8_lead_code(code)) facts.flags |= CharFacts::kUtf8Lead;
  if (is_utf8_start_code(code)) facts.flags |= CharFacts::kUtf8Start;
  if (is_foreign_in_chinese(cp)) facts.flags |= CharFacts::kForeign;
  facts.written_oddity = static_cast<std::uint8_t>(written_oddity(cp, 0));
  for (const Misread& misread : kMisreads) facts.meant[misread.index] = meant_facts_of(misread, cp);
  return facts;
}

// A scan's own facts of the characters it meets, each computed the first
// time: a book has some thousands of distinct ideographs, and computing all
// 20,992 up front cost ~15M instructions on the first Chinese text of a run;
// its punctuation, asked about around every odd character, cost ~6M on 20 MB
// when computed at each ask.
class CharFactsTable {
 public:
  bool empty() const { return !entries_; }
  // All zero (nothing known yet). calloc hands over pages the system
  // zeroed, touched only where a character is met (a book meets some
  // thousands of the 57,344); clearing the 448 KB one entry at a time took
  // 0.4M instructions a document and pushed the text out of the cache.
  void build() {
    static_assert(std::is_trivially_destructible_v<CharFacts> && std::is_aggregate_v<CharFacts>);
    entries_.reset(static_cast<CharFacts*>(std::calloc(kCount, sizeof(CharFacts))));
    if (!entries_) throw std::bad_alloc();
  }
  // Null before build() and outside the table's characters (the caller asks the functions).
  const CharFacts* find(char32_t cp) {
    if (cp - CharFacts::kFirst > CharFacts::kLast - CharFacts::kFirst || !entries_) return nullptr;
    CharFacts& facts = entries_[cp - CharFacts::kFirst];
    if (!(facts.flags & CharFacts::kKnown)) [[unlikely]]
      facts = char_facts_of(cp);
    return (facts.flags & CharFacts::kAbsent) ? nullptr : &facts;
  }

 private:
  static constexpr std::size_t kCount = CharFacts::kLast - CharFacts::kFirst + 1;
  struct Free {
    void operator()(CharFacts* entries) const { std::free(entries); }
  };
  std::unique_ptr<CharFacts[], Free> entries_;
};

bool is_ascii_alnum(char32_t cp) { return cp < 0x80 && std::isalnum(static_cast<int>(cp)); }

// Cheap necessary conditions of the detectors, counted over a stretch.
struct Gates {
  std::size_t length = 0;
  std::size_t rare = 0;       // outside GB2312 level 1 and its punctuation rows
  std::size_t utf8_lead = 0;  // GBK lead byte E2-EF: where UTF-8-read-as-GBK garble starts
  bool replacement = false;    // U+FFFD: a byte the GBK decoder could not read
  std::size_t foreign = 0;    // kana, Greek, Cyrillic, ... (Big5 read as GBK)
  std::size_t latin1 = 0;     // Latin-1 characters (GBK read as Windows-1252)
  bool fill = false;          // 烫, 屯 or 锟
  bool question_after = false;  // an ASCII '?' right after the stretch
  bool question_before = false;  // an ASCII '?' right before it
  bool bom_image = false;       // 锘: the first two bytes of a UTF-8 BOM as GBK
  bool any() const {
    return fill || utf8_lead > 0 || rare > 0 || latin1 >= 2 || question_after || question_before || bom_image;
  }
};

// Cursor: StartCursor, or a final cursor whose calls (one or two for every
// gate and odd character of the text) are then neither virtual nor out of line.
template <typename Cursor>
class CjkScanner {
 public:
  // The facts table (its entries computed as they are met) is made once a
  // text has had 4,096 characters in stretches with a gate, so a short
  // article or a start-up goes without. After 32,768 (as before) the
  // Chinese of the benchmark (20 MB) computed the misreads' facts of ~16,600
  // characters of its first stretches one by one (3.7M instructions).
  static constexpr std::size_t kFactsTableAfter = 1 << 12;

  // A stretch is read at most this many characters at a time: its buffers
  // take some 40 bytes a character, and a file of one line of non-ASCII
  // text is one stretch. Real text has an ASCII byte (a newline) far sooner.
  static constexpr std::size_t kMaxStretch = 1 << 16;
  // The pieces of a longer stretch overlap by kPieceOverlap characters, and
  // a piece keeps only the hits that start before the last
  // kPieceOverlap / 2 characters of it; the next piece keeps those that
  // start there or later. So a hit (with the context its detector reads, a
  // run of characters around it) of up to kPieceOverlap / 2 characters is
  // seen whole by the piece that keeps it, and found once, whatever the
  // split. Pieces that did not overlap lost, cut or doubled a hit across
  // their edge. A longer hit that runs to a piece's end without recovered
  // text (a fill pattern) is continued by the next piece's hit of the same
  // kind from its start.
  static constexpr std::size_t kPieceOverlap = 1024;
  static_assert(kPieceOverlap < kMaxStretch / 2);

  // gates: null reads every stretch.
  CjkScanner(std::string_view text, Cursor* gates) : text_(text), gates_(gates) {}

  std::vector<Hit> run() {
    const std::size_t size = text_.size();
    if (!gates_) {
      for (std::size_t pos = skip_ascii(text_, 0); pos < size; pos = skip_ascii(text_, read_until_)) read_stretch(pos);
    } else {
      // Only the stretches a gate opens are read: those holding a gate
      // character, and those beside a '?' (问句码). Real Chinese rarely has one.
      const auto* p = reinterpret_cast<const unsigned char*>(text_.data());
      gates_->restart();
      // Gates before the stretches read are passed over.
      for (std::size_t gate = gates_->next(read_until_); gate < size;) {
        const std::uint8_t marks = gates_->cjk_marks();
        if ((marks & StartCursor::kMarksKnown) && !(marks & StartCursor::kMarkGate)) {
          // An odd character that opens no gate: remembered for the
          // stretch of a gate after it.
          if (marks & StartCursor::kMarkLoud) loud_before_ = gate;
          odd_before_[2] = odd_before_[1];
          odd_before_[1] = odd_before_[0];
          odd_before_[0] = gate;
          gate = gates_->next(gate + 1);
          continue;
        }
        // A stretch longer than a read is read piece by piece up to the
        // piece that holds the gate (or ends at the '?').
        if (p[gate] != '?') {
          if (read_until_ <= gate && (marks & StartCursor::kMarksKnown) && !(marks & StartCursor::kMarkLoud) &&
              next_piece_ == kNoPiece) {
            std::size_t next = gate;
            if (quiet_stretch(gate, marks, next)) {
              gate = next;
              continue;
            }
          }
          while (read_until_ <= gate) read_stretch(stretch_begin(gate));
        } else {
          while (gate > read_until_ && p[gate - 1] >= 0x80) read_stretch(stretch_begin(gate - 1));
          if (gate + 1 < size && p[gate + 1] >= 0x80) read_stretch(gate + 1);
        }
        gate = gates_->next(std::max(read_until_, gate + 1));
      }
    }
    end_paragraph(size);
    // Earlier detectors win where spans overlap.
    std::stable_sort(hits_.begin(), hits_.end(), [](const Hit& a, const Hit& b) { return a.begin < b.begin; });
    std::vector<Hit> kept;
    for (Hit& hit : hits_)
      if (kept.empty() || hit.begin >= kept.back().end) kept.push_back(std::move(hit));
    return kept;
  }

 private:
  // The start of the stretch that holds pos (not before the stretches read).
  std::size_t stretch_begin(std::size_t pos) const { return text::non_ascii_start(text_, pos, read_until_); }

  // Whether the stretch that holds gate, a quiet gate (is_cjk_loud) of the
  // shared scan with marks, is quiet: it holds no loud character, at most
  // one odd one, no '?' stands beside it, and it is read whole (not in
  // pieces). Then it holds no mojibake (is_cjk_loud says why) and is passed
  // over as read. next: where the cursor is after the characters of the
  // stretch were looked at (the start next() returned last).
  bool quiet_stretch(std::size_t gate, std::uint8_t marks, std::size_t& next) {
    const std::size_t size = text_.size();
    const std::size_t end = text::find_ascii(text_, gate);
    if (end < size && text_[end] == '?') return false;
    // Where the stretch begins matters only when an odd or loud character
    // was met since the stretches read (is it in this stretch?), or when the
    // stretch may be long: most quiet stretches are neither, and going back
    // for their start cost ~1.6M instructions on 20 MB of Chinese. Without
    // it, no '?' stands before the stretch either: a '?' is a gate, and the
    // stretch after one is read when the '?' is met (read_until_ passes it).
    auto met_since_read = [&](std::size_t at) { return at != kNoPiece && at >= read_until_; };
    const bool needs_begin = end - read_until_ >= kMaxStretch || met_since_read(loud_before_) ||
                             met_since_read(odd_before_[0]) || met_since_read(odd_before_[1]) ||
                             met_since_read(odd_before_[2]);
    const std::size_t begin = needs_begin ? stretch_begin(gate) : read_until_;
    if (end - begin >= kMaxStretch) return false;  // no more characters than bytes: never cut
    if (needs_begin && begin > 0 && text_[begin - 1] == '?') return false;
    if (loud_before_ != kNoPiece && loud_before_ >= begin) return false;
    // The starts of its odd characters, in order (at most two are let through).
    std::size_t odd_at[2] = {kNoPiece, kNoPiece};
    std::size_t odd = 0;
    auto count_odd = [&](std::size_t at) {
      if (odd < 2) odd_at[odd] = at;
      return ++odd <= 2;
    };
    // (A third one before, in the stretch: too many.)
    if (odd_before_[2] != kNoPiece && odd_before_[2] >= begin) return false;
    for (std::size_t i = 2; i-- > 0;)
      if (odd_before_[i] != kNoPiece && odd_before_[i] >= begin) count_odd(odd_before_[i]);
    if ((marks & StartCursor::kMarkOdd) && !count_odd(gate)) return false;
    if ((marks & StartCursor::kMarkUtf8Start) && utf8_may_start_at(gate, end)) return false;
    for (next = gates_->next(gate + 1); next < end; next = gates_->next(next + 1)) {
      const std::uint8_t after = gates_->cjk_marks();
      if ((after & StartCursor::kMarkLoud) || !(after & StartCursor::kMarksKnown)) return false;
      if ((after & StartCursor::kMarkOdd) && !count_odd(next)) return false;
      if ((after & StartCursor::kMarkUtf8Start) && utf8_may_start_at(next, end)) return false;
    }
    if (odd == 2 && !quiet_pair_apart(odd_at[0], odd_at[1])) return false;
    read_until_ = end;
    return true;
  }

  // Whether two quiet odd characters of a stretch that holds no other odd
  // or loud character, starting at first < second, stand too far apart to
  // share a run the misreads accept. A quiet odd character weighs 2 in
  // accept_misread's written oddity and every other character of such a
  // stretch 0 (may_be_odd is false just where written_oddity is 0), so a run
  // holding one of them sums 2 and is rejected (it needs 3, and the runs of
  // five plain originals of GBK read as Big5 hold no quiet character: see
  // is_cjk_loud); a run holding both sums 4 and needs length / 2 <= 4: at
  // most 9 characters, the two at most 8 apart. So with 9 or more characters
  // from the first to the second (at most 4 bytes each) no run is accepted.
  bool quiet_pair_apart(std::size_t first, std::size_t second) const {
    constexpr std::size_t kApart = 9;
    if (second - first >= 4 * kApart) return true;
    std::size_t characters = 0;
    for (std::size_t i = first; i < second; ++i) characters += (static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80;
    return characters >= kApart;
  }

  // utf8_sequence_may_start's test of the character at pos (whose GBK code
  // may start UTF-8) in a stretch that ends at end: whether the next
  // character's GBK lead byte continues a well-formed sequence to a
  // character recovered text may hold. Without one such start in a stretch
  // (and without a lost byte or a '?' after it) UTF-8 read as GBK is not
  // looked for there.
  bool utf8_may_start_at(std::size_t pos, std::size_t end) const {
    const char32_t cp = next_char(text_, pos);
    if (pos >= end || cp >= 0x10000) return false;
    const char32_t following = next_char(text_, pos);
    const unsigned next_lead = (following < 0x10000 ? gbk_codes_[following] : 0u) >> 8;
    if (next_lead < 0x80 || next_lead > 0xBF) return false;
    const std::uint16_t code = gbk_codes_[cp];
    const auto lead = static_cast<unsigned char>(code >> 8), trail = static_cast<unsigned char>(code & 0xFF);
    if (!utf8_second_byte_ok(lead, trail)) return false;
    return plausible_recovered(((lead & 0x0Fu) << 12) | ((trail & 0x3Fu) << 6) | (next_lead & 0x3Fu));
  }

  // Reads the stretch of non-ASCII characters that starts at begin: builds
  // it, counts its gates and runs the detectors they open.
  void read_stretch(std::size_t begin) {
    const std::size_t size = text_.size();
    // The next piece of a stretch cut short: its first characters were the
    // end of the piece before.
    const bool continued = begin == next_piece_;
    next_piece_ = kNoPiece;
    continued_hit_ = continued ? open_hit_ : kNoHit;
    open_hit_ = kNoHit;
    // A paragraph with 问句码 candidates ends before this stretch: they are settled first.
    if (!question_candidates_.empty() && begin > paragraph_end_) end_paragraph(begin);
    if (facts_table_.empty() && characters_read_ >= kFactsTableAfter) facts_table_.build();
    const std::uint16_t* gbk_codes = gbk_codes_;
    // The characters that add to a stretch's gates more than their length.
    const text::WantedBits& unsettled = gbk_unsettled_bits();
    std::size_t pos = begin;
    Gates gates;
    stretch_.clear();
    odd_.clear();
    utf8_starts_.clear();
    fills_.clear();
    // What the character at index adds to the gates, when its GBK code is
    // not a plain level-1 one (plain_level1_code: most of every stretch,
    // which adds nothing but its length).
    auto count_gates = [&](std::size_t index) {
      const char32_t cp = stretch_[index].cp;
      const std::uint16_t code = code_of(index);
      stretch_[index].code = code;
      // GB2312 level 1 (most of every stretch): common, not odd, no gate of
      // its own but the fill images; decided from the code, so that the
      // character costs one look-up (the facts table misses the cache).
      if (is_level1_code(code)) {
        if (cp == U'烫' || cp == U'屯' || cp == U'锟') add_fill(gates, index);
        if (cp == U'锘') gates.bom_image = true;
        return;
      }
      if (const CharFacts* facts = facts_table_.find(cp)) {
        // The same verdicts as below, from the table (which holds neither Latin-1 nor U+FFFD).
        if (facts->flags & CharFacts::kMayBeOdd) odd_.push_back(index);
        if (cp == U'烫' || cp == U'屯' || cp == U'锟') add_fill(gates, index);
        if (cp == U'锘') gates.bom_image = true;
        if (facts->flags & CharFacts::kLevel1OrPunctuation) return;
        ++gates.rare;
        if (facts->flags & CharFacts::kUtf8Lead) ++gates.utf8_lead;
        if (facts->flags & CharFacts::kUtf8Start) utf8_starts_.push_back(index);
        if (facts->flags & CharFacts::kForeign) ++gates.foreign;
        return;
      }
      if (cp == U'烫' || cp == U'屯' || cp == U'锟') add_fill(gates, index);
      if (cp == U'锘') gates.bom_image = true;
      if (cp < 0x100) ++gates.latin1;
      if (cp == kReplacement) gates.replacement = true;
      // Level 1 is common Han; the punctuation rows hold symbols too (°, ×, №).
      if (may_be_odd(cp, code)) odd_.push_back(index);
      if (is_level1_or_punctuation(code)) return;
      ++gates.rare;
      if (is_utf8_lead_code(code)) ++gates.utf8_lead;
      if (is_utf8_start_code(code)) utf8_starts_.push_back(index);
      if (is_foreign_in_chinese(cp)) ++gates.foreign;
    };
    // Runs of three-byte characters (nearly all of Chinese) are decoded
    // up to 64 at a time with their GBK codes and written in place; a plain
    // level-1 character needs nothing more. Any other character is read
    // one by one.
    constexpr std::size_t kRun = 64;  // one bit each in others
    while (pos < size && static_cast<unsigned char>(text_[pos]) >= 0x80 && stretch_.size() < kMaxStretch) {
      std::uint64_t others = 0;  // the characters the loop does not settle
      const std::size_t first = stretch_.size();
      // Without their codes: a plain level-1 character needs none, and the
      // others' are looked up (count_gates, code_of): reading the 128 KB table
      // for every character missed the first-level cache.
      if (const std::size_t count =
              text::decode_three_byte_chars(text_, pos, stretch_.room(kRun), kRun, nullptr, unsettled, others)) {
        stretch_.added(count);
        for (; others != 0; others &= others - 1) count_gates(first + static_cast<std::size_t>(std::countr_zero(others)));
        pos += 3 * count;
        continue;
      }
      const std::size_t at = pos;
      const char32_t cp = next_char(text_, pos);
      stretch_.push_back(StretchChar{at, cp, cp < 0x10000 ? gbk_codes[cp] : std::uint16_t{0}, static_cast<std::uint8_t>(pos - at)});
      count_gates(stretch_.size() - 1);
    }
    gates.length = stretch_.size();
    // The hits this piece keeps (see kPieceOverlap), as byte offsets.
    const std::size_t n = stretch_.size();
    const bool cut = pos < size && static_cast<unsigned char>(text_[pos]) >= 0x80;
    keep_from_ = continued ? stretch_[kPieceOverlap / 2].begin : 0;
    keep_before_ = cut ? stretch_[n - kPieceOverlap / 2].begin : kNoPiece;
    piece_end_ = cut ? pos : kNoPiece;
    if (cut) {
      // The next piece starts kPieceOverlap characters before this one ends.
      next_piece_ = stretch_[n - kPieceOverlap].begin;
      pos = next_piece_;
    }
    read_until_ = pos;
    characters_read_ += stretch_.size();
    gates.question_after = pos < size && text_[pos] == '?';
    gates.question_before = begin > 0 && text_[begin - 1] == '?';
    if (gates.any()) scan_stretch(gates);
  }

  // A fill image (烫, 屯, 锟) at index of stretch_.
  void add_fill(Gates& gates, std::size_t index) {
    gates.fill = true;
    fills_.push_back(index);
  }

  void scan_stretch(const Gates& gates) {
    const std::size_t first_hit = hits_.size();
    if (gates.fill) find_fill_patterns();
    // A span starts at a character with a UTF-8 lead byte whose trail byte
    // continues it, or one whose sequence a lost byte cut short.
    if (gates.utf8_lead > 0 && (gates.replacement || utf8_sequence_may_start() ||
                                (gates.question_after && is_utf8_lead_code(code_of(stretch_.size() - 1)))))
      find_utf8_read_as_gbk();
    if (gates.rare >= 1 && gates.length >= 2 && !odd_.empty()) {
      weigh_odd_characters();
      for (const Misread& misread : kMisreads) find_misread(misread);
    }
    if (gates.latin1 >= 2) find_gbk_read_as_latin();
    if (gates.bom_image) find_bom_read_as_gbk();
    if (gates.question_after) find_question_mark_loss();
    if (gates.question_before) find_question_mark_before();
    // Nearly every stretch read: nothing found, nothing to settle.
    if (hits_.size() == first_hit) return;
    // Within one stretch keep the first detector's hit where two overlap.
    std::vector<Hit> local(std::make_move_iterator(hits_.begin() + static_cast<std::ptrdiff_t>(first_hit)),
                           std::make_move_iterator(hits_.end()));
    hits_.resize(first_hit);
    std::vector<Hit> kept;
    for (Hit& hit : local) {
      const bool overlaps = std::any_of(kept.begin(), kept.end(),
                                        [&](const Hit& h) { return hit.begin < h.end && h.begin < hit.end; });
      if (!overlaps) kept.push_back(std::move(hit));
    }
    // Then only the hits of this piece's share (the whole stretch unless it
    // is read in pieces), chosen after the overlaps are settled, as a whole
    // stretch would settle them.
    const std::size_t open = continued_hit_;
    for (Hit& hit : kept) {
      if (hit.begin >= keep_before_) continue;  // the next piece's
      if (hit.begin < keep_from_) {
        // The piece before's, unless it continues a hit that ran to that piece's end.
        if (open != kNoHit && continues_open_hit(hits_[open], hit)) {
          hits_[open].end = hit.end;
          if (hit.end == piece_end_) open_hit_ = open;
        }
        continue;
      }
      if (hit.end == piece_end_ && !hit.recovered) open_hit_ = hits_.size();
      hits_.push_back(std::move(hit));
    }
  }

  // Whether hit, found at the start of a piece, is the rest of open, a hit
  // of the piece before that ran to its end: the same kind, no recovered
  // text to join, reaching past open's end from inside it.
  static bool continues_open_hit(const Hit& open, const Hit& hit) {
    return open.how == hit.how && !hit.recovered && !open.recovered && open.lossy == hit.lossy && !hit.loss &&
           hit.begin <= open.end && hit.end > open.end;
  }

  // Whether some character whose GBK bytes may start a UTF-8 sequence (lead
  // E2-EF, trail 80-BF) is followed by one whose first GBK byte continues
  // it (80-BF). Without one, and without a lost byte (U+FFFD, or a '?'
  // after a last character with a lead E2-EF, the one sequence that can
  // be cut short), find_utf8_read_as_gbk decodes no sequence from any
  // start and finds nothing: a rare character before a common one is most
  // often no such start, and the stretch's bytes need not be built.
  // Nor without a start whose sequence (its lead and trail and the next
  // lead) is well formed and decodes to a character recovered text may
  // hold: the decoding from there stops at once, before the end of a
  // character, and no span is found. (A rare character of GB2312 level 2,
  // rows E2-EF, before a common one of rows B0-BF: on the published
  // Chinese of mac-dev and vis-dev some 4,000 of the 39,000 stretches read
  // in 20 MB were decoded so, for 7M instructions and no hit; a few
  // hundred still are, beside a '?'.)
  bool utf8_sequence_may_start() const {
    for (const std::size_t k : utf8_starts_) {
      if (k + 1 >= stretch_.size()) continue;
      const unsigned next_lead = code_of(k + 1) >> 8;
      if (next_lead < 0x80 || next_lead > 0xBF) continue;
      const std::uint16_t code = code_of(k);
      const auto lead = static_cast<unsigned char>(code >> 8), trail = static_cast<unsigned char>(code & 0xFF);
      if (!utf8_second_byte_ok(lead, trail)) continue;
      const char32_t first = ((lead & 0x0Fu) << 12) | ((trail & 0x3Fu) << 6) | (next_lead & 0x3Fu);
      if (plausible_recovered(first)) return true;
    }
    return false;
  }

  // 问句码 candidates of a paragraph (text between blank lines) are kept
  // only when none of its runs has an odd number of bytes. Candidates are
  // rare, so the runs of their paragraph are counted only when there are some.
  static bool blank_line_between(const unsigned char* p, std::size_t first_newline, std::size_t end) {
    std::size_t next = first_newline + 1;
    while (next < end && (p[next] == ' ' || p[next] == '\t' || p[next] == '\r')) ++next;
    return next < end && p[next] == '\n';
  }

  // Where the paragraph that holds pos begins: after the last blank line before it.
  std::size_t paragraph_begin(std::size_t pos) const {
    const auto* p = reinterpret_cast<const unsigned char*>(text_.data());
    for (std::size_t at = pos; at > 0;) {
      const auto* newline = static_cast<const unsigned char*>(memrchr(p, '\n', at));
      if (!newline) return 0;
      std::size_t before = static_cast<std::size_t>(newline - p);
      at = before;
      while (before > 0 && (p[before - 1] == ' ' || p[before - 1] == '\t' || p[before - 1] == '\r')) --before;
      if (before > 0 && p[before - 1] == '\n') return at + 1;
    }
    return 0;
  }

  // Where the paragraph that holds pos ends: at the first blank line after it.
  std::size_t paragraph_end(std::size_t pos) const {
    const auto* p = reinterpret_cast<const unsigned char*>(text_.data());
    const std::size_t size = text_.size();
    for (std::size_t at = pos; at < size;) {
      const auto* newline = static_cast<const unsigned char*>(std::memchr(p + at, '\n', size - at));
      if (!newline) return size;
      const auto first = static_cast<std::size_t>(newline - p);
      if (blank_line_between(p, first, size)) return first;
      at = first + 1;
    }
    return size;
  }

  void add_question_candidate(Hit hit, std::size_t stretch_begin, std::size_t stretch_end) {
    if (question_candidates_.empty()) {
      paragraph_begin_ = paragraph_begin(stretch_begin);
      paragraph_end_ = paragraph_end(stretch_end);
    }
    question_candidates_.push_back(std::move(hit));
  }

  // Settles the pending candidates (before the stretch at next, or at the end).
  void end_paragraph(std::size_t) {
    if (question_candidates_.empty()) return;
    if (!paragraph_has_odd_run())
      for (Hit& hit : question_candidates_) hits_.push_back(std::move(hit));
    question_candidates_.clear();
  }

  // A run with an odd number of bytes that is not followed by '?' (that one lost its last byte).
  bool paragraph_has_odd_run() const {
    const std::size_t size = text_.size();
    for (std::size_t pos = skip_ascii(text_, paragraph_begin_); pos < paragraph_end_;) {
      const std::size_t end = skip_non_ascii(text_, pos);
      if ((end - pos) % 2 == 1 && !(end < size && text_[end] == '?')) return true;
      pos = skip_ascii(text_, end);
    }
    return false;
  }

  // A question word (吗呢么吧啊嘛呀谁哪几什怎何否啥咋岂难, and in Traditional
  // characters 嗎麼麽誰幾豈難): asked of every character of a stretch before a '?'.
  static bool asks(char32_t cp) {
    switch (cp) {
      case U'吗': case U'呢': case U'么': case U'吧': case U'啊': case U'嘛': case U'呀': case U'谁': case U'哪':
      case U'几': case U'什': case U'怎': case U'何': case U'否': case U'啥': case U'咋': case U'岂': case U'难':
      case U'嗎': case U'麼': case U'麽': case U'誰': case U'幾': case U'豈': case U'難':
        return true;
      default:
        return false;
    }
  }

  // 问句码: UTF-8 read as GBK, saved and read back as UTF-8. A run with an odd
  // number of bytes left its last byte unpaired; the GBK decoder wrote '?'
  // for it, and reading back dropped the broken character before the '?'.
  // The run before the '?' is intact Chinese with an even number of bytes and
  // no question word ("请及时就?" for "请及时就医").
  void find_question_mark_loss() {
    const std::size_t n = stretch_.size();
    const std::size_t mark = stretch_.back().end();
    // "传播?径", "流??": the loss is inside a run, so the '?' is glued to
    // more Chinese or to another '?'; no parity then.
    const bool glued = mark + 1 < text_.size() &&
                       (text_[mark + 1] == '?' || static_cast<unsigned char>(text_[mark + 1]) >= 0xE3);
    if (n < (glued ? 1 : 2) || (!glued && (mark - stretch_.front().begin) % 2 != 0)) return;
    if (!is_han(stretch_.back().cp)) return;
    std::size_t han = 0;
    // From the end: a question word (or an A-not-A) mostly stands just
    // before the '?', and any character that rules the run out ends the
    // walk wherever it is met.
    for (std::size_t i = n; i-- > 0;) {
      const char32_t cp = stretch_[i].cp;
      if (asks(cp)) return;
      if (i + 2 < n && (stretch_[i + 1].cp == U'不' || stretch_[i + 1].cp == U'没') && stretch_[i + 2].cp == cp) return;
      if (is_han(cp)) ++han;
      else if (!is_typographic_punctuation(cp)) return;
    }
    if (han * 4 < n * 3) return;
    Hit hit = question_mark_hit(mark, std::string(text_.substr(stretch_.front().begin, mark - stretch_.front().begin)) +
                                          "\uFFFD");
    if (glued)
      hits_.push_back(std::move(hit));
    else
      add_question_candidate(std::move(hit), stretch_.front().begin, stretch_.back().end());
  }

  // "File: ?后山上看": the first character of a run lost, the '?' glued to
  // the run and standing after ASCII that is not itself a '?'.
  void find_question_mark_before() {
    const std::size_t mark = stretch_.front().begin - 1;
    if (mark > 0 && (static_cast<unsigned char>(text_[mark - 1]) >= 0x80 || text_[mark - 1] == '?' ||
                     std::isalnum(static_cast<unsigned char>(text_[mark - 1]))))
      return;
    if (!is_han(stretch_.front().cp) || stretch_.size() < 2) return;
    for (const StretchChar& c : stretch_)
      if (asks(c.cp)) return;
    hits_.push_back(question_mark_hit(mark, "\uFFFD" + std::string(text_.substr(mark + 1, stretch_.back().end() - mark - 1))));
  }

  static Hit question_mark_hit(std::size_t mark, std::string partial) {
    Hit hit;
    hit.begin = mark;
    hit.end = mark + 1;
    hit.how = "UTF-8 read as GBK, saved and read back as UTF-8 (问句码: a \"?\" stands for a lost character)";
    hit.lossy = true;
    hit.loss_detail().lost = "one character";
    hit.loss_detail().partial = std::move(partial);
    return hit;
  }

  // A UTF-8 byte order mark (EF BB BF) read as GBK at the start of a line:
  // "锘" (EF BB) and then BF paired with the next byte ("锘縤d" for "id"), or
  // "锘?" where the decoder could not pair it.
  void find_bom_read_as_gbk() {
    if (stretch_.front().cp != U'锘') return;
    const std::size_t begin = stretch_.front().begin;
    if (begin != 0 && text_[begin - 1] != '\n') return;
    if (stretch_.size() >= 2 && (code_of(1) >> 8) == 0xBF) {
      const unsigned trail = code_of(1) & 0xFF;
      if (trail < 0x80) {
        add(0, 2, "a UTF-8 byte order mark (EF BB BF) read as GBK", std::string(1, static_cast<char>(trail)));
        return;
      }
    }
    if (stretch_.size() == 2 && stretch_[1].cp == kReplacement) {
      add(0, 2, "a UTF-8 byte order mark (EF BB BF) read as GBK", std::string());
      return;
    }
    if (stretch_.size() == 1 && after_stretch() == '?') {
      add(0, 1, "a UTF-8 byte order mark (EF BB BF) read as GBK", std::string(), true, 1);
      hits_.back().recovered = std::string();
      hits_.back().loss_detail().lost = "the byte after the mark";
    }
  }

  // The GBK code of the character at index of the stretch (0 where it has
  // none). The stretch is decoded without its codes; count_gates writes
  // those of the characters it looks at, write_codes all of them.
  std::uint16_t code_of(std::size_t index) const {
    const char32_t cp = stretch_[index].cp;
    return cp < 0x10000 ? gbk_codes_[cp] : std::uint16_t{0};
  }
  void write_codes() {
    for (std::size_t i = 0; i < stretch_.size(); ++i) stretch_[i].code = code_of(i);
  }

  char32_t after_stretch() const {
    const std::size_t end = stretch_.back().end();
    return end < text_.size() ? static_cast<unsigned char>(text_[end]) : 0;
  }
  char32_t before(std::size_t index) const {
    std::size_t pos = stretch_[index].begin;
    if (pos == 0) return 0;
    return utf8::previous(text_, pos);
  }

  // how: text of static storage (Hit::how).
  void add(std::size_t first, std::size_t end_index, std::string_view how, std::optional<std::string> recovered,
           bool lossy = false, std::size_t extra_bytes = 0) {
    Hit hit;
    hit.begin = stretch_[first].begin;
    hit.end = stretch_[end_index - 1].end() + extra_bytes;
    hit.how = how;
    hit.recovered = std::move(recovered);
    hit.lossy = lossy;
    hits_.push_back(std::move(hit));
  }

  // 锟斤拷 (two U+FFFD, EF BF BD EF BF BD, read as GBK) in any rotation, and
  // runs of at least three 烫 (0xCC fill) or 屯 (0xCD fill): uninitialised
  // memory of MSVC debug builds. A single 烫 or 屯 is an ordinary word.
  // Each run is found from a fill character in it (fills_), not by reading
  // the whole stretch: a paragraph of a novel that mentions 烫 once is
  // thousands of characters.
  void find_fill_patterns() {
    const std::size_t n = stretch_.size();
    auto of_kind = [](char32_t cp, char32_t kind) {
      return kind == U'锟' ? cp == U'锟' || cp == U'斤' || cp == U'拷' : cp == kind;
    };
    std::size_t done = 0;  // the runs before this index are judged
    for (const std::size_t fill : fills_) {
      if (fill < done) continue;
      const char32_t kind = stretch_[fill].cp;
      std::size_t i = fill;
      while (i > done && of_kind(stretch_[i - 1].cp, kind)) --i;
      std::size_t j = fill + 1;
      while (j < n && of_kind(stretch_[j].cp, kind)) ++j;
      done = j;
      if (kind != U'锟') {
        if (j - i >= 3)
          add(i, j,
              kind == U'烫' ? "fill pattern \"烫烫烫\": uninitialised memory (0xCC bytes of an MSVC debug build) shown as "
                              "GBK; the text is lost"
                            : "fill pattern \"屯屯屯\": uninitialised memory (0xCD bytes of an MSVC debug build) shown as "
                              "GBK; the text is lost",
              std::nullopt);
        continue;
      }
      std::u32string run;
      for (std::size_t k = i; k < j; ++k) run.push_back(stretch_[k].cp);
      const bool has_pattern = run.find(U"锟斤拷") != std::u32string::npos ||
                               run.find(U"斤拷锟") != std::u32string::npos ||
                               run.find(U"拷锟斤") != std::u32string::npos;
      if (has_pattern)
        add(i, j, "fill pattern \"锟斤拷\": U+FFFD replacement characters (EF BF BD) shown as GBK; the text is lost",
            std::nullopt);
    }
  }

  static constexpr std::uint16_t kWildcard = 0x100;  // a byte the decoder wrote as U+FFFD
  static constexpr std::uint16_t kBreak = 0x200;     // a character with no GBK bytes

  // The bytes the GBK decoder saw for the stretch. U+FFFD stands for one
  // byte it could not read (Python's behaviour), so it is a wildcard.
  // Written by index into vectors sized for two bytes a character, then cut
  // to length: this runs over every stretch with a rare character.
  void build_gbk_bytes() {
    const std::size_t n = stretch_.size();
    write_codes();
    bytes_.resize(2 * n);
    char_at_byte_.resize(2 * n + 1);
    first_byte_.resize(n);
    std::size_t size = 0;
    for (std::size_t i = 0; i < n; ++i) {
      first_byte_[i] = size;
      char_at_byte_[size] = static_cast<std::int32_t>(i);
      const std::uint16_t code = stretch_[i].code;
      if (code != 0) {
        bytes_[size] = code >> 8;
        bytes_[size + 1] = code & 0xFF;
        char_at_byte_[size + 1] = -1;
        size += 2;
      } else {
        bytes_[size++] = stretch_[i].cp == kReplacement ? kWildcard : kBreak;
      }
    }
    char_at_byte_[size] = static_cast<std::int32_t>(n);
    bytes_.resize(size);
    char_at_byte_.resize(size + 1);
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
      const unsigned lead_byte = stretch_[k].code >> 8;
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
          // A character no recovered text may hold ends the span here, so
          // a long run of such sequences (锟斤拷 is U+FFFD twice) is not
          // decoded again from every start: linear time.
          char sequence[4];
          for (int j = 0; j < length && j < 4; ++j) sequence[j] = static_cast<char>(bytes_[i + j]);
          std::size_t at = 0;
          const char32_t cp = utf8::next(std::string_view(sequence, static_cast<std::size_t>(length)), at);
          if (cp >= 0x80 && !plausible_recovered(cp)) break;
          decoded.append(sequence, static_cast<std::size_t>(length));
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
        // One character alone before the '?' ("鏄?" for "是"): a rare
        // character whose GBK lead is the lead of a UTF-8 ideograph.
        const bool lone = k == 0 && n == 1 && lone_ideograph_lead(k);
        if (lone || accept_utf8_gbk(k, n - k, decoded, true, punctuation || lost_punctuation)) {
          add(k, n, "UTF-8 read as GBK", std::nullopt, true, 1);
          if (!decoded.empty()) hits_.back().loss_detail().partial = decoded + "\uFFFD";
          break;
        }
      }
      // The same with Python's decoder, which writes U+FFFD: "鏄�".
      if (k == 0 && n == 2 && stretch_[1].cp == kReplacement && lone_ideograph_lead(k)) {
        add(k, n, "UTF-8 read as GBK", std::nullopt, true);
        hits_.back().loss_detail().partial = "\uFFFD";
        break;
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

  // A rare character whose GBK lead byte is the lead of a UTF-8 ideograph.
  bool lone_ideograph_lead(std::size_t index) const {
    const unsigned lead = code_of(index) >> 8;
    return lead >= 0xE4 && lead <= 0xE9 && is_han(stretch_[index].cp) && !is_common_han(stretch_[index].cp);
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
    // Korean garble recovers to Hangul, Chinese garble to Han: both at once is
    // common Traditional text that happens to decode (必須為即 as 횞鼴).
    if (stats.han > 0 && stats.hangul > 0) return false;
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

  // The most each odd character can add to accept_misread's written
  // oddity (written_oddity; 3 for a kana, whose oddity depends on the
  // character before it), summed from each to the last. The other
  // characters of a stretch add nothing: GB2312 level 1 and common Han,
  // typographic punctuation (may_be_odd is false just where
  // written_oddity is 0).
  void weigh_odd_characters() {
    odd_weight_left_.assign(odd_.size() + 1, 0);
    for (std::size_t i = odd_.size(); i-- > 0;) {
      const char32_t cp = stretch_[odd_[i]].cp;
      const CharFacts* facts = facts_table_.find(cp);
      const int weight = is_kana(cp) ? 3 : facts ? facts->written_oddity : written_oddity(cp, 0);
      odd_weight_left_[i] = odd_weight_left_[i + 1] + static_cast<std::size_t>(weight);
    }
  }

  // Each run of characters the misreading maps is weighed: the written text
  // must be odd as Chinese (rare characters, kana that Japanese never writes
  // so, private use, Greek or box drawing inside Chinese) and the original
  // plain (common characters and punctuation), by a clear margin.
  // The runs of characters that the misread maps to plausible originals are
  // judged one by one; only a run holding a character that may be odd can
  // be accepted (accept_misread needs a strong sign), so only those runs are
  // looked at, found from their odd characters (odd_: indices in stretch_).
  void find_misread(const Misread& misread) {
    const std::size_t n = stretch_.size();
    auto continues = [&](std::size_t i) { return meant_facts(misread, stretch_[i].cp).oddity >= 0; };
    std::size_t judged = 0;  // runs before this index are done
    for (std::size_t next_odd = 0; next_odd < odd_.size(); ++next_odd) {
      const std::size_t odd = odd_[next_odd];
      if (odd < judged || !continues(odd)) continue;
      // Only odd characters add to written_oddity's sum, which
      // accept_misread needs to reach half the run's length unless the
      // misread has a plain_original rule or the run is two characters. So a
      // run longer than twice the most the odd characters left in the
      // stretch can add (odd_weight_left_) is rejected, wherever it ends: the
      // walk stops there (another odd character of the same run finds the
      // same run and the same verdict). A rare ideograph adds 2 or 3: the
      // walks of a stretch with one stop after 5 or 7 characters, where a
      // bound of 5 an odd character stopped them after 11.
      const bool bounded = !misread.plain_original;
      const std::size_t longest = 2 * odd_weight_left_[next_odd] + 1;
      std::size_t k = odd;
      std::size_t j = odd + 1;
      bool too_long = false;
      while (!too_long && k > judged && continues(k - 1)) {
        --k;
        too_long = bounded && j - k > longest;
      }
      while (!too_long && j < n && continues(j)) {
        ++j;
        too_long = bounded && j - k > longest;
      }
      if (too_long) continue;
      judged = j;
      std::size_t odd_in_run = 1;
      while (next_odd + odd_in_run < odd_.size() && odd_[next_odd + odd_in_run] < j) ++odd_in_run;
      const std::size_t length = j - k;
      if (!misread.plain_original && length >= 3 && 5 * odd_in_run < std::max<std::size_t>(3, length / 2)) continue;
      if (length >= 2 && accept_misread(misread, k, j)) {
        std::string recovered;
        bool supplement = false;
        for (std::size_t i = k; i < j; ++i) {
          const std::uint16_t code = misread.written_code(stretch_[i].cp);
          supplement = supplement || misread.needs_supplement(stretch_[i].cp, code);
          utf8::append(recovered, misread.original_char(code));
        }
        add(k, j, supplement ? misread.how_supplement : misread.how, std::move(recovered));
      }
    }
  }

  MeantFacts meant_facts(const Misread& misread, char32_t written) const {
    const CharFacts* facts = facts_table_.find(written);
    return facts ? facts->meant[misread.index] : meant_facts_of(misread, written);
  }

  bool accept_misread(const Misread& misread, std::size_t from, std::size_t to) const {
    int written = 0, original = 0, kana = 0, strong = 0, han = 0, written_kana = 0, impossible = 0;
    int words = 0;  // letters of alphabets and box drawing
    int meant_han = 0, meant_plain = 0;
    for (std::size_t i = from; i < to; ++i) {
      const char32_t cp = stretch_[i].cp;
      const char32_t previous = i > from ? stretch_[i - 1].cp : 0;
      const CharFacts* facts = facts_table_.find(cp);
      const int odd = facts ? facts->written_oddity : written_oddity(cp, previous);
      // A rare character doubled is a word (囡囡, 佼佼, 冉冉), not twice the oddity.
      written += cp == previous ? 0 : odd;
      if (odd >= 2) ++strong;
      if (is_han(cp)) ++han;
      if (is_kana(cp)) ++written_kana;
      if (odd >= 3 && !is_han(cp)) ++impossible;
      if (is_greek(cp) || is_cyrillic(cp) || (cp >= 0x2500 && cp <= 0x257F) || (cp >= 0x80 && cp <= 0x24F)) ++words;
      const MeantFacts meant = meant_facts(misread, cp);
      original += meant.oddity;
      if (meant.kind & MeantFacts::kKana) ++kana;
      if (meant.kind & MeantFacts::kHan) {
        ++meant_han;
        if (meant.kind & MeantFacts::kPlain) ++meant_plain;
      }
    }
    const int length = static_cast<int>(to - from);
    if (misread.kana_expected && kana == 0) return false;
    // The written run is Chinese-looking: Greek, Cyrillic, box drawing or
    // pinyin letters on their own are words and line art, not garble.
    if (words * 2 >= length || (han == 0 && written_kana == 0)) return false;
    if (strong == 0 || original * 3 > length) return false;
    // Two characters need every sign: nothing odd in the original, a kana
    // Japanese never writes so or a private-use character ("いゅ" for "中文"),
    // and not one character doubled ("佼佼").
    if (length == 2)
      return original == 0 && impossible >= 1 && stretch_[from].cp != stretch_[from + 1].cp;
    if (length >= 5 && meant_han >= 4 && meant_plain == meant_han) return true;
    return written - 2 * original >= std::max(3, length / 2);
  }

  bool hits_added_since(std::size_t first_char) const {
    return !hits_.empty() && hits_.back().begin >= stretch_[first_char].begin;
  }

  // A fragment of one or two GBK characters read as Windows-1252, standing
  // alone between ASCII: full-width digits and letters ("£±" for "１"),
  // Chinese punctuation ("¡°" for "“"), circled numbers ("¢Ù" for "①"). The
  // first byte of these rows is a symbol in Windows-1252 (¡ ¢ £), never the
  // start of a word, and the second must not be a letter's usual neighbour.
  void find_short_gbk_latin(const std::string& bytes) {
    const char32_t before_fragment = before(0), after_fragment = after_stretch();
    if ((before_fragment < 0x80 && std::isalpha(static_cast<int>(before_fragment))) ||
        (after_fragment < 0x80 && std::isalpha(static_cast<int>(after_fragment))))
      return;
    auto recovered = decode_strict(bytes, "GBK");
    if (!recovered) return;
    for (std::size_t pos = 0, i = 0; pos < recovered->size(); i += 2) {
      const char32_t cp = utf8::next(*recovered, pos);
      const auto lead = static_cast<unsigned char>(bytes[i]);
      const bool row = lead == 0xA1 || lead == 0xA2 || lead == 0xA3;
      const bool symbol = (cp >= 0xFF01 && cp <= 0xFF5E) || (cp >= 0x3001 && cp <= 0x3011) ||
                          (cp >= 0x2018 && cp <= 0x201D) || (cp >= 0x2460 && cp <= 0x249B) || cp == 0x2026;
      if (!row || !symbol) return;
      if (lead == 0xA1 && bytes[i + 1] == '\xBF') return;  // "¡¿": Spanish
    }
    add(0, stretch_.size(), kGbkReadAsWindows1252, std::move(*recovered));
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
          add(k + align, k + align + pairs * 2, kGbkReadAsWindows1252, std::move(*recovered));
          break;
        }
      }
      if (k == 0 && j == n && n % 2 == 0 && n <= 6 && !hits_added_since(k)) find_short_gbk_latin(bytes);
      k = j > k ? j : k + 1;
    }
  }

  std::string_view text_;
  const std::uint16_t* gbk_codes_ = gbk_code_table();  // 0x10000 codes (and one more)
  Cursor* gates_;  // starts of the gate characters, or null: every stretch is read
  std::size_t read_until_ = 0;  // stretches before it are read
  // Pieces of a stretch longer than kMaxStretch (see kPieceOverlap).
  static constexpr std::size_t kNoPiece = static_cast<std::size_t>(-1);
  static constexpr std::size_t kNoHit = static_cast<std::size_t>(-1);
  std::size_t next_piece_ = kNoPiece;  // where the next piece of a cut stretch starts
  std::size_t keep_from_ = 0;          // the current piece keeps the hits starting in [keep_from_, keep_before_)
  std::size_t keep_before_ = kNoPiece;
  std::size_t piece_end_ = kNoPiece;  // the current piece's end when the stretch goes on past it
  std::size_t open_hit_ = kNoHit;     // index in hits_ of a hit that runs to the current piece's end
  std::size_t continued_hit_ = kNoHit;  // open_hit_ of the piece before the current one
  // The starts of the last three odd characters that open no gate, and of the
  // last loud one, outside the stretches read (kNoPiece: none).
  std::size_t odd_before_[3] = {kNoPiece, kNoPiece, kNoPiece};
  std::size_t loud_before_ = kNoPiece;
  Stretch stretch_;
  std::vector<std::size_t> odd_;  // indices of stretch_ that may be odd (may_be_odd)
  // Indices of stretch_ holding 烫, 屯 or 锟, in order: each fill pattern
  // holds one (a rotation of 锟斤拷 holds 锟).
  std::vector<std::size_t> fills_;
  std::vector<std::size_t> utf8_starts_;  // indices of stretch_ whose GBK code may start UTF-8 (is_utf8_start_code)
  // odd_weight_left_[i]: the most odd_[i..] add to accept_misread's written
  // oddity (weigh_odd_characters).
  std::vector<std::size_t> odd_weight_left_;
  mutable CharFactsTable facts_table_;  // made after kFactsTableAfter characters read
  std::size_t characters_read_ = 0;      // in the stretches read so far
  std::vector<std::uint16_t> bytes_;        // see build_gbk_bytes
  std::vector<std::int32_t> char_at_byte_;  // character starting at each byte, or -1
  std::vector<std::size_t> first_byte_;     // first byte of each character
  std::vector<Hit> hits_;
  std::vector<Hit> question_candidates_;  // 问句码 hits of the current paragraph
  std::size_t paragraph_begin_ = 0;  // the paragraph of the pending candidates
  std::size_t paragraph_end_ = 0;
};

}  // namespace

std::vector<Hit> find_cjk_mojibake(std::string_view text, const std::vector<std::size_t>* gates) {
  if (!gates) return CjkScanner<StartCursor>(text, nullptr).run();
  ListCursor cursor(*gates, text.size());
  return CjkScanner<ListCursor>(text, &cursor).run();
}

std::vector<Hit> find_cjk_mojibake(std::string_view text, StartCursor& gates) {
  return CjkScanner<StartCursor>(text, &gates).run();
}

std::vector<Hit> find_cjk_mojibake(std::string_view text, EventStarts& gates) {
  return CjkScanner<EventStarts>(text, &gates).run();
}

bool may_open_cjk_gate(char32_t cp) {
  if (cp < 0x80) return cp == '?';
  if (cp < 0x100 || cp == U'烫' || cp == U'屯' || cp == U'锟' || cp == U'锘') return true;
  return !is_level1_or_punctuation(cp < 0x10000 ? gbk_code(cp) : 0);
}

bool is_cjk_odd(char32_t cp) { return cp >= 0x80 && may_be_odd(cp, cp < 0x10000 ? gbk_code(cp) : 0); }

bool is_cjk_utf8_start(char32_t cp) { return cp < 0x10000 && is_utf8_start_code(gbk_code(cp)); }

bool is_cjk_loud(char32_t cp) {
  const bool odd = is_cjk_odd(cp);
  if (!odd && !may_open_cjk_gate(cp)) return false;
  // '?', Latin-1 (GBK read as Windows-1252), beyond the BMP, the fill and
  // byte order mark images, a lost byte, kana (whose oddity depends on the
  // character before).
  if (cp < 0x100 || cp >= 0x10000 || cp == U'烫' || cp == U'屯' || cp == U'锟' || cp == U'锘' || cp == kReplacement ||
      is_kana(cp))
    return true;
  if (!odd) return false;
  // Alone, an odd character of weight 2 makes no run the misreads accept
  // (written_oddity - 2 * original must reach 3), but for GBK read as Big5,
  // whose runs of five plain originals need one odd character only: unless
  // it ends every such run (no Big5 code, or read as GBK no character
  // recovered text may hold) or is read as a Han character that is not plain.
  if (written_oddity(cp, 0) != 2) return true;
  const MeantFacts meant = meant_facts_of(kMisreads[2], cp);
  return meant.oddity >= 0 && !((meant.kind & MeantFacts::kHan) && !(meant.kind & MeantFacts::kPlain));
}

std::string message_for(const Hit& hit, std::string_view written) {
  // Appended into one string sized up front: a hit can span megabytes, and each
  // `a + b` temporary would hold another copy of it.
  const std::string_view how = hit.how;
  std::string message;
  if (hit.recovered) {
    message.reserve(24 + how.size() + written.size() + hit.recovered->size());
    message.append("mojibake: ").append(how).append(" (\"").append(written);
    if (hit.recovered->empty())
      message.append("\" is to be removed)");
    else
      message.append("\" was \"").append(*hit.recovered).append("\")");
    return message;
  }
  message.append("mojibake: ").append(how);
  if (hit.lossy) {
    const std::string_view lost = hit.loss ? std::string_view(hit.loss->lost) : std::string_view();
    const bool several = !lost.empty() && lost[0] >= '2' && lost[0] <= '9';
    message.append("; ").append(lost.empty() ? std::string_view("a byte") : lost).append(several ? " were" : " was");
    message.append(" lost, so the text cannot be recovered exactly");
    if (hit.loss && hit.loss->partial)
      message.append("; recovered as far as possible: \"").append(*hit.loss->partial).append("\"");
  }
  return message;
}

}  // namespace tc::mojibake
