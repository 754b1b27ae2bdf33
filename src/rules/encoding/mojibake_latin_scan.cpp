// UTF-8 read as a single-byte code page. Every character of such mojibake
// is the code-page image of one byte of a UTF-8 sequence, so a candidate is a
// run of characters whose bytes form a lead byte followed by the right number
// of continuation bytes. Legitimate text produces such runs too ("É’",
// "Å—", "×”"), so each candidate is scored on what it decodes to and on its
// neighbours; only candidates (and word-internal groups of them) with enough
// evidence are reported.
#include <unicode/uchar.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>
#include <memory>

#include "core/document.h"
#include "core/slack.h"
#include "core/utf8.h"
#include "rules/encoding/mojibake_scan.h"
#include "rules/encoding/mojibake_tables.h"

namespace tc::mojibake {
namespace {

constexpr char32_t kReplacement = 0xFFFD;
constexpr char32_t kByteOrderMark = 0xFEFF;
constexpr int kReject = -100;
constexpr int kFireScore = 2;  // evidence a candidate needs to be reported

// The two to four bytes of one UTF-8 sequence, held in place: a file of
// mojibake has a candidate every few bytes, and a string each cost a
// quarter more memory than all the rest of them.
class SequenceBytes {
 public:
  void push_back(char byte) { bytes_[size_++] = byte; }  // at most 4: a UTF-8 sequence's length
  std::size_t size() const { return size_; }
  char operator[](std::size_t i) const { return bytes_[i]; }
  std::string_view view() const { return {bytes_.data(), size_}; }

 private:
  std::array<char, 4> bytes_{};
  std::uint8_t size_ = 0;
};

// A candidate as match_page reads it. Fields ordered widest first, so that
// it packs into 48 bytes.
struct Match {
  std::size_t begin = 0;
  std::size_t end = 0;
  char32_t lead = 0;        // the first character as written
  char32_t last = 0;        // the last character as written
  char32_t decoded = 0;     // what the bytes decode to (0 when a byte is unknown)
  int score = kReject;
  SequenceBytes bytes;      // the UTF-8 bytes the characters stand for
  std::uint8_t length = 0;  // UTF-8 sequence length (2-4)
  SingleByte page = SingleByte::windows1252;
  std::uint8_t pages = 0;   // bit per page in which the characters form this sequence
  bool unknown_byte = false;  // a continuation was replaced by '?' or U+FFFD
  bool space_for_nbsp = false;  // a continuation 0xA0 was turned into a space
  bool has_c1 = false;      // a continuation is a C1 control (ISO-8859-x decoding)
};
static_assert(sizeof(Match) <= 48);

// A candidate as the scan keeps it until its group is judged: 12 bytes, a
// quarter of a Match (a file of mojibake has a candidate every few bytes, and
// all of them are held until the groups are confirmed). What the grouping,
// the confirming and the hits read of it; the characters' bytes, when none is
// unknown, are those of the code point they decode to. Its offset is 32-bit:
// scan_hits looks at no text of 4 GiB or more (no input limit lets one in).
class Candidate {
 public:
  Candidate() = default;
  explicit Candidate(const Match& m)
      : begin(static_cast<std::uint32_t>(m.begin)),
        decoded(m.decoded),
        marks_(static_cast<std::uint8_t>(m.end - m.begin)),  // at most 12: a lead and three continuations of 3 bytes
        score(static_cast<std::int8_t>(m.score)),
        pages(m.pages),
        bits_(static_cast<std::uint8_t>(static_cast<unsigned>(m.page) | (m.unknown_byte ? kUnknownByte : 0u) |
                                        (m.space_for_nbsp ? kSpaceForNbsp : 0u) | (m.has_c1 ? kHasC1 : 0u))) {}
  std::size_t end() const { return std::size_t{begin} + (marks_ & kSizeMask); }
  SingleByte page() const { return static_cast<SingleByte>(bits_ & kPageMask); }
  bool unknown_byte() const { return (bits_ & kUnknownByte) != 0; }
  bool space_for_nbsp() const { return (bits_ & kSpaceForNbsp) != 0; }
  bool has_c1() const { return (bits_ & kHasC1) != 0; }
  // Marks of the group the candidate is in (the groups are not listed: a
  // file of mojibake has one every few bytes): set on its first candidate,
  // whether the group fires and whether it is lossy; on its best, that it is.
  bool starts_group() const { return (marks_ & kStartsGroup) != 0; }
  bool group_fires() const { return (marks_ & kFires) != 0; }
  bool group_lossy() const { return (marks_ & kLossy) != 0; }
  bool best_of_group() const { return (marks_ & kBest) != 0; }
  void start_group(bool fires, bool lossy) {
    marks_ = static_cast<std::uint8_t>((marks_ & ~(kFires | kLossy)) | kStartsGroup | (fires ? kFires : 0u) | (lossy ? kLossy : 0u));
  }
  void set_group_fires(bool fires) { marks_ = static_cast<std::uint8_t>(fires ? marks_ | kFires : marks_ & ~kFires); }
  void mark_best() { marks_ = static_cast<std::uint8_t>(marks_ | kBest); }
  // The same characters read again (in another page), keeping the group's marks.
  void reread(const Match& m) {
    const unsigned marks = marks_ & ~kSizeMask;
    *this = Candidate(m);
    marks_ = static_cast<std::uint8_t>(marks_ | marks);
  }
  // The UTF-8 bytes the characters stand for; only when no byte is unknown.
  void append_bytes(std::string& out) const { utf8::append(out, decoded); }
  std::size_t bytes_size() const { return decoded < 0x80 ? 1 : decoded < 0x800 ? 2 : decoded < 0x10000 ? 3 : 4; }

  std::uint32_t begin = 0;
  char32_t decoded = 0;  // what the bytes decode to (0 when a byte is unknown)

 private:
  static constexpr unsigned kPageMask = 7, kUnknownByte = 8, kSpaceForNbsp = 16, kHasC1 = 32;
  static constexpr unsigned kSizeMask = 15, kStartsGroup = 16, kFires = 32, kLossy = 64, kBest = 128;
  static_assert(kSingleByteCount <= kPageMask + 1);
  std::uint8_t marks_ = 0;  // end - begin (at most four characters of three bytes), and the group's marks

 public:
  std::int8_t score = 0;   // a Match's score: kReject up to a few points
  std::uint8_t pages = 0;  // bit per page in which the characters form this sequence

 private:
  std::uint8_t bits_ = 0;  // the page, unknown byte, space for NBSP, C1
};
static_assert(sizeof(Candidate) == 12);

// A list kept in chunks of about 4 KiB. A file of mojibake has a candidate
// every few bytes: a vector grown by doubling holds up to twice them, and
// three times while it moves. This one allocates nothing while empty (the
// scan runs again on every recovered span), never moves what it holds, and
// gives chunks back from the front while it is read in order.
template <typename T>
class ChunkedList {
 public:
  static constexpr std::size_t kChunk = sizeof(T) >= 4096 ? 1 : 4096 / sizeof(T);
  ChunkedList() = default;
  ChunkedList(const ChunkedList&) = delete;
  ChunkedList& operator=(const ChunkedList&) = delete;
  ChunkedList(ChunkedList&& other) noexcept { take(other); }
  ChunkedList& operator=(ChunkedList&& other) noexcept {
    if (this != &other) {
      clear();
      take(other);
    }
    return *this;
  }
  ~ChunkedList() { clear(); }

  void push_back(T value) {
    if (size_ == chunks_.size() * kChunk) chunks_.push_back(std::allocator<T>().allocate(kChunk));  // uninitialized
    std::construct_at(chunks_[size_ / kChunk] + size_ % kChunk, std::move(value));
    ++size_;
  }
  T& operator[](std::size_t i) { return chunks_[i / kChunk][i % kChunk]; }
  const T& operator[](std::size_t i) const { return chunks_[i / kChunk][i % kChunk]; }
  std::size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  // Gives back the chunks that hold only elements before index i (not to be read again).
  void release_before(std::size_t i) {
    for (; (released_ + 1) * kChunk <= i && released_ < chunks_.size(); ++released_) release(released_);
  }
  void clear() {
    for (; released_ < chunks_.size(); ++released_) release(released_);
    std::vector<T*>().swap(chunks_);
    size_ = released_ = 0;
  }

 private:
  void release(std::size_t chunk) {
    const std::size_t first = chunk * kChunk;
    std::destroy_n(chunks_[chunk], std::min(kChunk, size_ - first));
    std::allocator<T>().deallocate(chunks_[chunk], kChunk);
    chunks_[chunk] = nullptr;
  }
  void take(ChunkedList& other) {
    chunks_ = std::move(other.chunks_);
    size_ = other.size_;
    released_ = other.released_;
    other.chunks_.clear();
    other.size_ = other.released_ = 0;
  }
  std::vector<T*> chunks_;
  std::size_t size_ = 0;
  std::size_t released_ = 0;  // chunks given back, from the front
};

bool is_lower(char32_t cp) { return u_islower(static_cast<UChar32>(cp)); }
bool is_upper(char32_t cp) { return u_isupper(static_cast<UChar32>(cp)); }
bool is_letter(char32_t cp) { return u_isalpha(static_cast<UChar32>(cp)); }
bool is_space(char32_t cp) { return u_isUWhiteSpace(static_cast<UChar32>(cp)); }

// Symbols such as "√", "≈", "◊" (MacRoman leads) and the florin "ƒ".
bool is_symbol_like(char32_t cp) {
  if (cp == 0x0192) return true;
  const int8_t type = u_charType(static_cast<UChar32>(cp));
  return type == U_MATH_SYMBOL || type == U_OTHER_SYMBOL || type == U_CURRENCY_SYMBOL;
}

bool is_box_drawing(char32_t cp) { return cp >= 0x2500 && cp <= 0x259F; }

// What a two-byte sequence may decode to in text worth recovering: Latin-1
// symbols and letters of the scripts whose UTF-8 is two bytes long. IPA,
// Armenian and combining marks are left out: legitimate pairs such as "É’"
// (U+0252) or "’é" in MacRoman (U+054E) decode there.
bool plausible_two_byte(char32_t cp) {
  if (cp >= 0xA0 && cp <= 0xBF) return true;
  if (cp >= 0xC0 && cp <= 0x24F) return cp != 0xD7 && cp != 0xF7;
  if (cp >= 0x386 && cp <= 0x3CE) return true;
  if (cp >= 0x400 && cp <= 0x45F) return true;
  if (cp == 0x490 || cp == 0x491) return true;
  if (cp >= 0x5D0 && cp <= 0x5EA) return true;
  if (cp >= 0x620 && cp <= 0x64A) return true;
  if (cp >= 0x660 && cp <= 0x669) return true;
  return false;
}

// What a three- or four-byte sequence may decode to: the blocks text that
// goes through UTF-8 mojibake really holds (Indic, Thai, Vietnamese, Greek
// extended, punctuation and symbols, CJK, Hangul, full-width forms, emoji).
bool plausible_long(char32_t cp) {
  const bool in_block = (cp >= 0x900 && cp <= 0xEFF) || (cp >= 0x10A0 && cp <= 0x11FF) ||
                        (cp >= 0x1780 && cp <= 0x17FF) || (cp >= 0x1E00 && cp <= 0x2BFF) ||
                        (cp >= 0x2E80 && cp <= 0x2FDF) || (cp >= 0x3000 && cp <= 0x9FFF) ||
                        (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
                        (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFFEF) || cp == 0xFFFD ||
                        (cp >= 0x1F000 && cp <= 0x1FAFF) || (cp >= 0x20000 && cp <= 0x3134F);
  return in_block && u_isdefined(static_cast<UChar32>(cp));
}

// A continuation byte 80-9F that is a character of Windows-1252 (not a C1 control).
bool has_1252_symbol(const Match& c) {
  for (std::size_t i = 1; i < c.bytes.size(); ++i) {
    const auto b = static_cast<unsigned char>(c.bytes[i]);
    if (b >= 0x80 && b <= 0x9F) return true;
  }
  return false;
}

char32_t decode_bytes(std::string_view bytes) {
  std::size_t pos = 0;
  const char32_t cp = utf8::next(bytes, pos);
  return pos == bytes.size() ? cp : utf8::kInvalid;
}

// Matches the UTF-8 sequence whose lead byte is the character at
// [begin, after_lead) in page; nullopt when the following characters are
// not its continuation bytes.
std::optional<Match> match_page(std::string_view text, std::size_t begin, std::size_t after_lead, char32_t lead,
                                    SingleByte page, unsigned char lead_byte) {
  const int length = utf8_sequence_length(lead_byte);
  if (length < 2) return std::nullopt;
  const auto page_index = static_cast<std::size_t>(page);
  // A page whose NBSP is not 0xA0 cannot have turned 0xA0 into a space.
  const auto* nbsp = single_byte_codes(0xA0);
  const bool nbsp_is_a0 = nbsp && (*nbsp)[page_index] == 0xA0;
  Match c;
  c.begin = begin;
  c.page = page;
  c.length = static_cast<std::uint8_t>(length);
  c.lead = lead;
  c.bytes.push_back(static_cast<char>(lead_byte));
  std::size_t pos = after_lead;
  int real_continuations = 0;
  bool box_continuation = false;
  for (int i = 1; i < length; ++i) {
    // "â€" + a dropped byte: the third byte of a General Punctuation
    // character (E2 80 xx) that Windows-1252/1251 had no character for.
    const bool punctuation_prefix = i == 2 && length == 3 && lead_byte == 0xE2 &&
                                    static_cast<unsigned char>(c.bytes[1]) == 0x80 &&
                                    (page == SingleByte::windows1252 || page == SingleByte::windows1251);
    const std::size_t before_char = pos;
    if (pos >= text.size()) {
      if (!punctuation_prefix) return std::nullopt;
      c.unknown_byte = true;
      break;
    }
    const char32_t cp = utf8::next(text, pos);
    if (cp == utf8::kInvalid) return std::nullopt;
    const auto* codes = single_byte_codes(cp);
    const unsigned char byte = codes ? (*codes)[page_index] : 0;
    const bool fits = byte != 0 && (i == 1 ? utf8_second_byte_ok(lead_byte, byte) : is_continuation(byte));
    if (punctuation_prefix && !fits && cp != '?' && cp != kReplacement) {
      pos = before_char;
      c.unknown_byte = true;
      break;
    }
    if (fits) {
      box_continuation = box_continuation || is_box_drawing(cp);
      c.bytes.push_back(static_cast<char>(byte));
      if (cp >= 0x80 && cp <= 0x9F) c.has_c1 = true;
      ++real_continuations;
    } else if (cp == ' ' && nbsp_is_a0 && (i > 1 || utf8_second_byte_ok(lead_byte, 0xA0))) {
      c.bytes.push_back('\xA0');
      c.space_for_nbsp = true;
    } else if ((cp == kReplacement || (cp == '?' && length >= 3)) && !c.unknown_byte) {
      c.bytes.push_back('?');
      c.unknown_byte = true;
    } else {
      return std::nullopt;
    }
    c.last = cp;
  }
  if (c.unknown_byte && real_continuations == 0) return std::nullopt;
  // IBM437 box drawing ("┬┐") is real in diagrams; as mojibake ("┬┐que" for
  // "¿que") it runs into a word.
  // Line art ("├┤a┼┐") has a single letter between boxes; a word follows mojibake.
  if (page == SingleByte::ibm437 && box_continuation) {
    std::size_t next = pos;
    if (next >= text.size() || !is_letter(utf8::next(text, next))) return std::nullopt;
    if (next >= text.size() || !is_letter(utf8::at(text, next))) return std::nullopt;
  }
  c.end = pos;
  if (!c.unknown_byte) {
    c.decoded = decode_bytes(c.bytes.view());
    if (c.decoded == utf8::kInvalid) return std::nullopt;
  }
  return c;
}

// Evidence that a candidate is mojibake; kReject when it cannot be.
bool is_cyrillic_letter(char32_t cp) { return cp >= 0x400 && cp <= 0x4FF && is_letter(cp); }

int score(const Match& c, char32_t before, char32_t after) {
  // Cyrillic letters inside a Cyrillic word, camel-cased Serbian
  // ("ЈованЂурић") included, are words: Windows-1251 mojibake of Cyrillic
  // starts with Р or С, that of punctuation carries symbols ("вЂ™").
  if (c.page == SingleByte::windows1251 && is_cyrillic_letter(before) && is_cyrillic_letter(after) &&
      is_cyrillic_letter(c.lead) && is_cyrillic_letter(c.last))
    return 0;
  int s = 0;
  if (c.length >= 3) {
    if (c.decoded == kByteOrderMark) return 4;  // "ï»¿" before a column name
    if (!c.unknown_byte && !plausible_long(c.decoded)) return kReject;
    // Russian "её»" and French "parlé\u0085 " are the bytes of rare
    // ideographs: no evidence at all.
    if (c.decoded != 0 && is_han(c.decoded) && !is_common_han(c.decoded)) return 0;
    // One isolated ideograph, kana or Hangul syllable is weak evidence:
    // Russian "и…»" is the bytes of 腻, "н…»" those of a Hangul syllable.
    // CJK mojibake comes in runs ("ç®€ä½“ä¸­æ–‡"), which touching candidates reward.
    const bool cjk = (c.decoded >= 0x3040 && c.decoded <= 0x9FFF) || (c.decoded >= 0xAC00 && c.decoded <= 0xD7A3);
    // Unless Windows-1252 gave a continuation byte one of its own symbols
    // ("æ˜Ž" for 明): legitimate text does not put "˜" or "Ž" after "æ".
    // A plain space read as the 0xA0 of an ideograph is a word space between
    // Cyrillic or Greek words ("ић и Ј") far more often than garble.
    if (cjk && c.space_for_nbsp) return 0;
    if (cjk) return c.page == SingleByte::windows1252 && !c.has_c1 && is_common_han(c.decoded) && has_1252_symbol(c) ? 2 : 1;
    s = c.unknown_byte || c.space_for_nbsp ? 2 : 3;
  } else {
    if (c.unknown_byte) return 0;  // "Ñ�": counts only next to other candidates
    // A C1 control: a layer of double encoding ("Â\u009d" in "Ã¢â‚¬Â\u009d").
    if (c.decoded >= 0x80 && c.decoded <= 0x9F) return c.has_c1 ? 2 : 0;
    if (!plausible_two_byte(c.decoded)) return kReject;
    // U+00C2 and U+00C3 are the Windows-1252 images of the lead bytes of
    // every Latin-1 character, and are almost never followed by a
    // continuation character in real text.
    const bool strong_lead = (c.lead == 0xC2 || c.lead == 0xC3) &&
                             (c.page == SingleByte::windows1252 || c.page == SingleByte::windows1250 ||
                              c.page == SingleByte::iso8859_2);
    if (strong_lead)
      s = c.space_for_nbsp ? 1 : 2;
    else if (c.space_for_nbsp || c.decoded < 0xC0)
      s = 0;
    else
      s = 1;
  }
  if (c.has_c1) s += 2;
  // Box drawing glued to a word (match_page only keeps those): "┬┐que".
  if (c.page == SingleByte::ibm437 && is_box_drawing(c.last)) s += 1;
  // An upper-case letter or a symbol glued to the end of a lower-case word.
  if (is_lower(before) && (is_upper(c.lead) || is_symbol_like(c.lead))) s += 1;
  // A symbol glued to the start of a lower-case word.
  if (!is_letter(c.last) && c.last != ' ' && is_lower(after)) s += 1;
  return s;
}

char32_t char_before(std::string_view text, std::size_t pos) {
  if (pos == 0) return 0;
  const char32_t cp = utf8::previous(text, pos);
  return cp == utf8::kInvalid ? 0 : cp;
}

char32_t char_at(std::string_view text, std::size_t pos) {
  if (pos >= text.size()) return 0;
  const char32_t cp = utf8::at(text, pos);
  return cp == utf8::kInvalid ? 0 : cp;
}

// Whether the character at pos may stand for the first continuation byte
// of a sequence whose lead is the character before it, in some page where
// that one is a lead byte (lead_codes: its bytes in each page): match_page's
// test of that byte, so that a character no page reads on from ("……",
// "——", "”，" in Chinese text: MacRoman's lead images before no
// continuation) costs no match of every page. A character with a fitting
// image in the page, or a stand-in for a byte: U+FFFD, a '?' in a sequence
// of three bytes or more, a space for an NBSP of 0xA0.
bool may_continue_sequence(std::string_view text, std::size_t pos,
                           const std::array<std::uint8_t, kSingleByteCount>& lead_codes) {
  if (pos >= text.size()) return false;
  const char32_t cp = next_char(text, pos);
  if (cp == utf8::kInvalid) return false;
  if (cp == kReplacement) return true;
  const auto* codes = single_byte_codes(cp);
  const auto* nbsp = cp == ' ' ? single_byte_codes(0xA0) : nullptr;
  for (std::size_t page = 0; page < kSingleByteCount; ++page) {
    const unsigned char lead = lead_codes[page];
    if (lead < 0xC2 || lead > 0xF4) continue;
    const unsigned char byte = codes ? (*codes)[page] : 0;
    if (byte != 0 && utf8_second_byte_ok(lead, byte)) return true;
    if (cp == '?' && utf8_sequence_length(lead) >= 3) return true;
    if (nbsp && (*nbsp)[page] == 0xA0 && utf8_second_byte_ok(lead, 0xA0)) return true;
  }
  return false;
}

// The best-scoring candidate starting with the character at [begin, after).
std::optional<Match> best_candidate(std::string_view text, std::size_t begin, std::size_t after, char32_t cp,
                                    const std::array<std::uint8_t, kSingleByteCount>& codes) {
  std::optional<Match> best;
  std::uint8_t pages = 0;
  std::size_t best_end = 0;
  for (std::size_t page = 0; page < kSingleByteCount; ++page) {
    const unsigned char byte = codes[page];
    if (byte < 0xC2 || byte > 0xF4) continue;
    auto c = match_page(text, begin, after, cp, static_cast<SingleByte>(page), byte);
    if (!c) continue;
    c->score = score(*c, char_before(text, begin), char_at(text, c->end));
    if (c->score == kReject) continue;
    if (!best || c->score > best->score || (c->score == best->score && c->length > best->length)) {
      best = std::move(c);
      best_end = best->end;
    }
  }
  if (!best) return best;
  // The other pages that read the same characters as a sequence (Ä is C4 in
  // Windows-1252, 1250 and 1257): the line's other mojibake may name one.
  for (std::size_t page = 0; page < kSingleByteCount; ++page) {
    const unsigned char byte = codes[page];
    if (byte < 0xC2 || byte > 0xF4) continue;
    if (page == static_cast<std::size_t>(best->page)) {
      pages |= static_cast<std::uint8_t>(1u << page);
      continue;
    }
    auto c = match_page(text, begin, after, cp, static_cast<SingleByte>(page), byte);
    if (c && c->end == best_end) pages |= static_cast<std::uint8_t>(1u << page);
  }
  best->pages = pages;
  return best;
}

bool gap_joins(std::string_view text, std::size_t from, std::size_t to) {
  if (to - from > 32) return false;
  for (std::size_t pos = from; pos < to;) {
    const char32_t cp = utf8::next(text, pos);
    if (cp == utf8::kInvalid || is_space(cp) || cp == static_cast<unsigned char>(kMaskByte)) return false;
  }
  return true;
}

// Candidates inside one word, reported together: what is known of a group
// while it is looked at (the candidates keep its marks between the passes).
struct Group {
  std::uint32_t first = 0, last = 0, best = 0;  // indexes into the candidates (each is two bytes or more)
  int score = kReject;
  bool lossy = false;
  bool fires = false;
};

// The score, best candidate and lossiness of the candidates g.first to g.last.
void summarize(std::string_view text, const ChunkedList<Candidate>& candidates, Group& g) {
  g.best = g.first;
  g.score = kReject;
  g.lossy = false;
  for (std::uint32_t i = g.first; i <= g.last; ++i) {
    // Candidates that touch each other ("РґРѕ", "×‘×”") support each other.
    const bool touches = (i > g.first && candidates[i - 1].end() == candidates[i].begin) ||
                         (i < g.last && candidates[i].end() == candidates[i + 1].begin);
    const int s = candidates[i].score + (touches ? 1 : 0);
    if (s > g.score) {
      g.score = s;
      g.best = i;
    }
    // A space standing for 0xA0 may also have been the word space ("voilÃ le").
    g.lossy = g.lossy || candidates[i].unknown_byte() || candidates[i].space_for_nbsp();
    // A non-ASCII character between candidates may be garble left unread.
    if (i > g.first)
      for (std::size_t gap = candidates[i - 1].end(); gap < candidates[i].begin; ++gap)
        g.lossy = g.lossy || static_cast<unsigned char>(text[gap]) >= 0x80;
  }
}

// The group that starts at candidate first, from its candidates' marks
// (its score is not known from them: summarize() works it out).
Group group_at(const ChunkedList<Candidate>& candidates, std::uint32_t first) {
  Group g;
  g.first = g.last = g.best = first;
  while (g.last + 1 < candidates.size() && !candidates[g.last + 1].starts_group()) ++g.last;
  for (std::uint32_t i = first; i <= g.last; ++i)
    if (candidates[i].best_of_group()) g.best = i;
  g.lossy = candidates[first].group_lossy();
  g.fires = candidates[first].group_fires();
  return g;
}

// What a weak candidate may decode to when the line already has mojibake:
// Latin letters, Latin-1 symbols ("В«" for "«"), and Cyrillic for Windows-1251.
bool confirmable(const Candidate& c) {
  if (c.decoded >= 0xA0 && c.decoded <= 0x24F) return c.decoded != 0xD7 && c.decoded != 0xF7;
  return c.page() == SingleByte::windows1251 && c.decoded >= 0x400 && c.decoded <= 0x45F;
}

// A paragraph with confirmed mojibake in a page was wholly read in that
// page, so weak groups of the same page in it ("В« Voilà" next to
// "bibliothГЁque") are mojibake too. On the confirmed group's own line any
// weak group counts; on another line of the paragraph only one that is
// already suspect and decodes to a Latin-1 letter or symbol: a file of
// unrelated lines (a list, a table) is one paragraph, and "Å—" or "Ä£" on
// one line is not garble because another line has some.
bool confirmable_elsewhere(const Candidate& c) {
  if (c.decoded >= 0xA0 && c.decoded <= 0xFF) return c.decoded != 0xD7 && c.decoded != 0xF7;
  return c.page() == SingleByte::windows1251 && c.decoded >= 0x400 && c.decoded <= 0x45F;
}

void confirm_by_line(std::string_view text, ChunkedList<Candidate>& candidates) {
  // The bounds of the paragraph (text between blank lines) holding a position.
  std::pair<std::size_t, std::size_t> last_paragraph{1, 0};  // empty: nothing found yet
  auto paragraph_of = [&](std::size_t pos) {
    // Groups come in text order: most share the paragraph found last.
    if (pos >= last_paragraph.first && pos < last_paragraph.second) return last_paragraph;
    std::size_t start = pos;
    while (start > 0) {
      const std::size_t newline = text.rfind('\n', start - 1);
      if (newline == std::string_view::npos) {
        start = 0;
        break;
      }
      const std::size_t before = text.find_last_not_of(" \t\r", newline == 0 ? 0 : newline - 1);
      if (newline == 0 || (before != std::string_view::npos && text[before] == '\n')) {
        start = newline + 1;
        break;
      }
      start = newline;
    }
    std::size_t end = pos;
    while (true) {
      const std::size_t newline = text.find('\n', end);
      if (newline == std::string_view::npos) {
        end = text.size();
        break;
      }
      const std::size_t after = text.find_first_not_of(" \t\r", newline + 1);
      if (after == std::string_view::npos || text[after] == '\n') {
        end = newline;
        break;
      }
      end = newline + 1;
    }
    last_paragraph = {start, end};
    return last_paragraph;
  };
  std::vector<std::pair<std::pair<std::size_t, std::size_t>, std::uint8_t>> confirmed;  // line, pages
  std::vector<std::size_t> firing;  // where the confirmed groups begin, ascending
  for (std::uint32_t k = 0; k < candidates.size();) {
    const Group g = group_at(candidates, k);
    k = g.last + 1;
    if (!g.fires) continue;
    firing.push_back(candidates[g.first].begin);
    const auto line = paragraph_of(candidates[g.first].begin);
    std::uint8_t pages = 0;
    for (std::size_t i = g.first; i <= g.last; ++i) pages |= static_cast<std::uint8_t>(1u << static_cast<unsigned>(candidates[i].page()));
    if (!confirmed.empty() && confirmed.back().first == line)
      confirmed.back().second |= pages;
    else
      confirmed.push_back({line, pages});
  }
  if (confirmed.empty()) return;
  // The line found last and its answer: groups come in text order, and on
  // one long line searching for its ends again for each group was quadratic
  // (a 256 KB line of weak groups took over a second).
  std::size_t line_start = 1, line_end = 0;  // empty: nothing found yet
  bool line_fires = false;
  auto on_a_firing_line = [&](std::size_t pos) {
    if (pos >= line_start && pos < line_end) return line_fires;
    const std::size_t newline_before = pos == 0 ? std::string_view::npos : text.rfind('\n', pos - 1);
    line_start = newline_before == std::string_view::npos ? 0 : newline_before + 1;
    const std::size_t newline_after = text.find('\n', pos);
    line_end = newline_after == std::string_view::npos ? text.size() : newline_after;
    const auto it = std::lower_bound(firing.begin(), firing.end(), line_start);
    line_fires = it != firing.end() && *it < line_end;
    return line_fires;
  };
  std::size_t next_line = 0;
  for (std::uint32_t k = 0; k < candidates.size();) {
    Group g = group_at(candidates, k);
    k = g.last + 1;
    if (g.fires) continue;
    summarize(text, candidates, g);  // its candidates are as they were made: only a group's own are read again below
    if (g.score < 0) continue;
    const std::size_t at = candidates[g.first].begin;
    while (next_line < confirmed.size() && confirmed[next_line].first.second < at) ++next_line;
    if (next_line == confirmed.size()) break;
    const auto& line = confirmed[next_line].first;
    const auto& pages = confirmed[next_line].second;
    if (at < line.first) continue;
    const bool same_line = on_a_firing_line(at);
    if (!same_line && g.score < 1) continue;
    bool all = true;
    for (std::size_t i = g.first; i <= g.last && all; ++i) {
      Candidate& c = candidates[i];
      const std::uint8_t shared = c.pages & pages;
      if (shared == 0) {
        all = false;
        break;
      }
      if ((shared & (1u << static_cast<unsigned>(c.page()))) == 0) {
        // Read the characters in the line's page instead.
        for (unsigned page = 0; page < kSingleByteCount; ++page) {
          if ((shared & (1u << page)) == 0) continue;
          std::size_t after = c.begin;
          const char32_t lead = utf8::next(text, after);
          const auto* codes = single_byte_codes(lead);
          auto again = codes ? match_page(text, c.begin, after, lead, static_cast<SingleByte>(page), (*codes)[page])
                             : std::nullopt;
          if (again) {
            again->score = c.score;
            again->pages = c.pages;
            c.reread(*again);
          }
          break;
        }
      }
      all = c.unknown_byte() || (same_line ? confirmable(c) : confirmable_elsewhere(c));
    }
    candidates[g.first].set_group_fires(all);
  }
}

std::string_view describe(const Candidate& c) {
  // Made once: Hit::how points into it.
  static const auto kNames = [] {
    std::array<std::array<std::string, 2>, kSingleByteCount> names;  // [page]: read as it, its BOM read as it
    for (std::size_t page = 0; page < kSingleByteCount; ++page) {
      const std::string name(display_name(static_cast<SingleByte>(page)));
      names[page] = {"UTF-8 read as " + name, "a UTF-8 byte order mark (EF BB BF) read as " + name};
    }
    return names;
  }();
  const auto& names = kNames[static_cast<std::size_t>(c.page())];
  if (c.decoded == kByteOrderMark) return names[1];
  if (c.has_c1() && c.page() == SingleByte::windows1252) return "UTF-8 read as ISO-8859-1";
  return names[0];
}

// A C1 control standing alone: Windows-1252 text read as ISO-8859-1.
std::optional<Hit> c1_hit(std::string_view text, std::size_t begin, std::size_t end) {
  const char32_t cp = utf8::at(text, begin);
  const char raw = static_cast<char>(cp);
  auto decoded = decode_strict(std::string_view(&raw, 1), "windows-1252");
  if (!decoded || utf8::count(*decoded) != 1) return std::nullopt;
  const char32_t meaning = utf8::at(*decoded, 0);
  if (meaning < 0xA0) return std::nullopt;
  Hit hit;
  hit.begin = begin;
  hit.end = end;
  hit.how = "Windows-1252 read as ISO-8859-1";
  hit.recovered = *decoded;
  return hit;
}

// The byte a character of the Latin-1 / Windows-1252 range stands for, or
// -1. C1 controls stand for themselves.
int latin1_byte(char32_t cp) {
  if (cp >= 0x80 && cp <= 0xFF) return static_cast<int>(cp);
  const auto* codes = single_byte_codes(cp);
  const unsigned char byte = codes ? (*codes)[static_cast<std::size_t>(SingleByte::windows1252)] : 0;
  return byte >= 0x80 && byte <= 0x9F ? byte : -1;
}

// UTF-8 read as ISO-8859-1 and the C1 controls (bytes 80-9F, a third of
// the continuation bytes) then dropped or not shown: Chinese turns into
// three-byte lead images (ä å æ ç è é) each followed by fewer than two
// continuation images ("å®æ¤…"), and English apostrophes into a bare "â"
// ("donât"). What remains complete is recovered; the rest is said to be lost.
struct DroppedRun {
  std::size_t begin = 0, end = 0;
  int leads = 0, continuations = 0, missing = 0, characters = 0;
  std::string partial;
};

void finish_dropped(std::string_view text, DroppedRun& run, ChunkedList<Hit>& out) {
  if (run.leads >= 2 && run.missing >= 1 && run.continuations >= 1) {
    Hit hit;
    hit.begin = run.begin;
    hit.end = run.end;
    hit.how = "UTF-8 read as ISO-8859-1 with the C1 control bytes dropped";
    hit.lossy = true;
    hit.loss_detail().lost = std::to_string(run.missing) + (run.missing == 1 ? " byte" : " bytes");
    // Worth showing only when some character came through whole.
    if (run.partial.find_first_not_of("\xEF\xBF\xBD") != std::string::npos) hit.loss_detail().partial = run.partial;
    out.push_back(std::move(hit));
  }
  (void)text;
  run = DroppedRun{};
}

// Walks the code points a scan looks at: the given starts (a shared scan's
// candidates, in order), or else every non-ASCII code point outside U+3000-
// U+EFFF and U+FF00-U+FFBF, which are in no single-byte page and only end a
// run: Chinese text is made of them.
class Visit {
 public:
  // Each visit reads the starts from their beginning.
  Visit(std::string_view text, StartCursor* starts) : text_(text), starts_(starts) {
    if (starts_) starts_->restart();
  }
  // What the starts may pass over from now on (StartCursor::pass_by).
  void pass_by(StartCursor::Passable passable) {
    if (starts_) starts_->pass_by(passable);
  }
  // The code point at the start next() returned, read from the text unless
  // the starts know it; pos moves past it.
  char32_t code_point(std::size_t& pos) const {
    char32_t cp = 0;
    std::size_t end = 0;
    if (starts_ && starts_->known_code_point(cp, end)) {
      pos = end;
      return cp;
    }
    return next_char(text_, pos);
  }
  // The first code point to look at from pos, or text.size().
  std::size_t next(std::size_t pos) {
    if (starts_) return std::min(starts_->next(pos), text_.size());
    const std::size_t size = text_.size();
    while ((pos = skip_ascii(text_, pos)) < size) {
      if (!is_chinese_or_fullwidth(pos)) return pos;
      pos += 3;
    }
    return size;
  }

 private:
  bool is_chinese_or_fullwidth(std::size_t pos) const {
    const auto lead = static_cast<unsigned char>(text_[pos]);
    return pos + 2 < text_.size() && is_continuation(static_cast<unsigned char>(text_[pos + 1])) &&
           is_continuation(static_cast<unsigned char>(text_[pos + 2])) &&
           ((lead >= 0xE3 && lead <= 0xEE) ||
            (lead == 0xEF && static_cast<unsigned char>(text_[pos + 1]) >= 0xBC &&
             static_cast<unsigned char>(text_[pos + 1]) <= 0xBE));
  }

  std::string_view text_;
  StartCursor* starts_;
};

// The runs of dropped C1 bytes and the bare "â" of contractions, as hits, in
// the order they are found.
ChunkedList<Hit> find_dropped_c1(std::string_view text, StartCursor* starts) {
  ChunkedList<Hit> found;
  DroppedRun run;
  std::string sequence;  // bytes of the sequence being read
  int expected = 0;      // continuation bytes the current lead wants
  auto close_sequence = [&]() {
    if (sequence.empty()) return;
    if (expected > 0) {
      run.missing += expected;
      run.partial += "\uFFFD";
    } else {
      std::size_t at = 0;
      const char32_t cp = utf8::next(sequence, at);
      if (cp == utf8::kInvalid || at != sequence.size()) run.partial += "\uFFFD";
      else run.partial += sequence;
    }
    ++run.characters;
    sequence.clear();
    expected = 0;
  };
  // Characters the visit passes over (CJK, full-width forms, ASCII) are no
  // Latin-1 image: the next character visited does not start where the run
  // ended, which ends the run as they would.
  Visit visit(text, starts);
  for (std::size_t pos = 0;;) {
    // With no run open, only a lead image (U+00E2-U+00EF: the bytes E2-EF)
    // does anything: the others (the curly quotes and dashes of Chinese
    // text) are passed over, by the starts when they can.
    const bool run_open = run.characters > 0 || !sequence.empty();
    visit.pass_by(run_open ? StartCursor::Passable::none : StartCursor::Passable::non_leads);
    if ((pos = visit.next(pos)) >= text.size()) break;
    const std::size_t begin = pos;
    const char32_t cp = visit.code_point(pos);
    if (!run_open && (cp < 0xE2 || cp > 0xEF)) continue;
    // English: "donât", "Itâs", "weâre": a bare â for E2 80 99 inside a
    // contraction.
    if (cp == 0xE2) {
      const char32_t before = char_before(text, begin);
      std::size_t word_end = pos;
      while (word_end < text.size() && std::isalpha(static_cast<unsigned char>(text[word_end]))) ++word_end;
      const std::string_view tail = text.substr(pos, word_end - pos);
      const bool contraction = tail == "s" || tail == "d" || tail == "m" || tail == "ll" || tail == "re" ||
                               tail == "ve" || (tail == "t" && before == 'n');
      if (before < 0x80 && std::islower(static_cast<int>(before)) && contraction) {
        Hit hit;
        hit.begin = begin;
        hit.end = pos;
        hit.how = "UTF-8 read as ISO-8859-1 with the C1 control bytes dropped (\"’\" is E2 80 99)";
        hit.lossy = true;
        hit.loss_detail().lost = "2 bytes";
        hit.loss_detail().partial = "’";
        found.push_back(std::move(hit));
        continue;
      }
    }
    const int byte = latin1_byte(cp);
    const bool active = run.characters > 0 || !sequence.empty();
    if (active && (byte < 0 || begin != run.end)) {
      close_sequence();
      finish_dropped(text, run, found);
    }
    if (byte < 0) continue;
    const auto b = static_cast<unsigned char>(byte);
    const bool lead = b >= 0xE2 && b <= 0xEF;
    if (lead) {
      close_sequence();
      if (run.characters == 0) run.begin = begin;
      ++run.leads;
      sequence.push_back(static_cast<char>(b));
      expected = 2;
      run.end = pos;
    } else if (is_continuation(b) && expected > 0) {
      sequence.push_back(static_cast<char>(b));
      ++run.continuations;
      --expected;
      run.end = pos;
    } else if (run.characters > 0 || !sequence.empty()) {
      // Not part of a sequence: the run ends before this character.
      close_sequence();
      finish_dropped(text, run, found);
    }
  }
  close_sequence();
  finish_dropped(text, run, found);
  return found;
}

// Merges find_dropped_c1's hits (found) into the others (hits).
void add_dropped_c1(ChunkedList<Hit>& found, ChunkedList<Hit>& hits) {
  if (found.empty()) return;
  // A run replaces the ordinary hits inside it (parts of it that happened to
  // be complete sequences, C1 controls); an ordinary hit that reaches out of
  // a run wins, and then the hits inside the run stay. Both lists are in text
  // order and each is free of overlaps (scan() keeps hits so): one pass.
  ChunkedList<Hit> kept;  // hits is given back from the front as it grows
  std::vector<Hit> inside_run;  // hits inside found[next], until the run is kept or dropped
  std::size_t next = 0;
  for (std::size_t h = 0; h < hits.size(); ++h) {
    hits.release_before(h);
    Hit& hit = hits[h];
    bool inside = false;
    while (next < found.size()) {
      Hit& run = found[next];
      if (run.end <= hit.begin) {  // the run is passed: it replaces the hits inside it
        kept.push_back(std::move(run));
        ++next;
        inside_run.clear();
        continue;
      }
      if (hit.end <= run.begin) break;  // the hit is before the run
      inside = run.begin <= hit.begin && hit.end <= run.end;
      if (inside) break;
      // The hit reaches out of the run (maybe into the next one): the run is dropped.
      for (Hit& held : inside_run) kept.push_back(std::move(held));
      inside_run.clear();
      ++next;
    }
    if (inside)
      inside_run.push_back(std::move(hit));
    else
      kept.push_back(std::move(hit));
  }
  while (next < found.size()) kept.push_back(std::move(found[next++]));
  hits = std::move(kept);
}

// Removes every byte order mark (EF BB BF), also one that removing another
// brings together, in one pass: erasing them one by one moved the rest of
// the string each time (a run of "ï»¿" took a second for 1 MB).
void remove_byte_order_marks(std::string& s) {
  std::size_t out = 0;
  for (const char byte : s) {
    s[out++] = byte;
    if (out >= 3 && s.compare(out - 3, 3, "\xEF\xBB\xBF") == 0) out -= 3;
  }
  if (out == s.size()) return;
  s.resize(out);
  // The fix keeps the string for the whole run: a run of marks left it empty
  // in the room of all of them.
  give_back_slack(s);
}

// Hands the hits of text to emit in text order, giving their chunks back as it goes.
void emit_each(ChunkedList<Hit>& hits, const std::function<void(Hit&&)>& emit) {
  for (std::size_t h = 0; h < hits.size(); ++h) {
    hits.release_before(h);
    emit(std::move(hits[h]));
  }
  hits.clear();
}

// Where the C1 controls of a text start (a C1 control is two bytes, C2
// 80-9F), read back in text order. A list of 32-bit offsets while it is
// short; once it would take more room than a bit for every byte of the text
// (a file of C1 controls has one every few bytes), that bit set instead.
class ControlPlaces {
 public:
  explicit ControlPlaces(std::size_t text_size) : text_size_(text_size) {}
  void add(std::size_t at) {
    if (bits_.empty()) {
      list_.push_back(static_cast<std::uint32_t>(at));
      if (list_.size() >= 1024 && list_.size() >= text_size_ / 32) to_bits();
    } else {
      bits_[at / 64] |= std::uint64_t{1} << (at % 64);
    }
  }
  // Ends adding; reading starts at the first place.
  void seal() {
    if (bits_.empty()) {
      std::sort(list_.begin(), list_.end());
      next_ = 0;
    } else {
      next_ = find_bit(0);
    }
  }
  bool done() const { return bits_.empty() ? next_ >= list_.size() : next_ >= text_size_; }
  std::size_t peek() const { return bits_.empty() ? list_[next_] : next_; }
  void advance() { next_ = bits_.empty() ? next_ + 1 : find_bit(next_ + 1); }

 private:
  void to_bits() {
    bits_.assign(text_size_ / 64 + 1, 0);
    for (const std::uint32_t at : list_) bits_[at / 64] |= std::uint64_t{1} << (at % 64);
    std::vector<std::uint32_t>().swap(list_);
  }
  // The first set bit at from or after, or text_size_.
  std::size_t find_bit(std::size_t from) const {
    for (std::size_t word = from / 64; word < bits_.size(); ++word) {
      std::uint64_t w = bits_[word];
      if (word == from / 64) w &= ~std::uint64_t{0} << (from % 64);
      if (w) return std::min(text_size_, word * 64 + static_cast<std::size_t>(__builtin_ctzll(w)));
    }
    return text_size_;
  }
  std::size_t text_size_;
  std::vector<std::uint32_t> list_;
  std::vector<std::uint64_t> bits_;
  std::size_t next_ = 0;  // an index of list_, or a bit
};

// Hands the hits of text to emit, in text order.
void scan_hits(std::string_view text, bool with_c1, StartCursor* starts, const std::function<void(Hit&&)>& emit) {
  // Candidates and controls keep 32-bit offsets; the input limit (under 2
  // GiB) lets no larger text in.
  if (text.size() > UINT32_MAX) return;
  // The dropped C1 bytes are looked for first: where there are none (the
  // usual case) the hits go to emit as they are made instead of into a list
  // (a file of mojibake has a hit every few bytes, most of them past what is
  // reported).
  ChunkedList<Hit> dropped;
  if (with_c1) {
    // The second visit below reads the starts again: what it stops at is
    // kept by the first (a long document's walk would scan it again).
    if (starts) starts->keep_for_restart(StartCursor::Passable::before_non_image);
    dropped = find_dropped_c1(text, starts);
  }
  ChunkedList<Candidate> candidates;
  ControlPlaces c1_controls(text.size());
  const std::uint8_t* lead_mask = single_byte_lead_mask();
  std::size_t pos = 0;
  Visit visit(text, starts);
  // A candidate before a character that stands for no byte starts nothing
  // (may_continue_sequence) unless it is a C1 control, listed below.
  visit.pass_by(StartCursor::Passable::before_non_image);
  while ((pos = visit.next(pos)) < text.size()) {
    const std::size_t begin = pos;
    const char32_t cp = visit.code_point(pos);
    if (cp == utf8::kInvalid) continue;
    if (cp >= 0x80 && cp <= 0x9F) c1_controls.add(begin);
    // A character before CJK (lead byte E3-E9: U+3000-U+9FFF, in no
    // single-byte page) has nothing to continue it (may_continue_sequence):
    // most candidates in Chinese text are curly quotes and dashes before Han.
    if (pos < text.size() && static_cast<unsigned char>(text[pos]) >= 0xE3 && static_cast<unsigned char>(text[pos]) <= 0xE9)
      continue;
    // Only a character that is a lead byte in some page can start mojibake.
    if (cp < kLeadMaskLimit && lead_mask[cp - 0x80] == 0) continue;
    const auto* codes = single_byte_codes(cp);
    if (!codes || !may_continue_sequence(text, pos, *codes)) continue;
    if (auto c = best_candidate(text, begin, pos, cp, *codes)) {
      if (c->has_c1)  // C1 controls inside a candidate that may not fire
        for (std::size_t q = pos; q + 1 < c->end; ++q)
          if (text[q] == '\xC2' && static_cast<unsigned char>(text[q + 1]) <= 0x9F)
            c1_controls.add(q);
      pos = c->end;
      candidates.push_back(Candidate(*c));
      continue;
    }
  }

  // Each group is marked on its candidates; only those that fire or may be
  // confirmed (score 0 and up) can become hits.
  for (std::uint32_t first = 0; first < candidates.size();) {
    Group g;
    g.first = g.last = first;
    while (g.last + 1 < candidates.size() && gap_joins(text, candidates[g.last].end(), candidates[g.last + 1].begin)) ++g.last;
    summarize(text, candidates, g);
    candidates[first].start_group(g.score >= kFireScore, g.lossy);
    candidates[g.best].mark_best();
    first = g.last + 1;
  }
  confirm_by_line(text, candidates);
  // Where the dropped C1 bytes gave no hits (the usual case) the hits go to
  // emit as they are made, with the lone C1 controls' hits merged in as they
  // come (hits and controls are both in text order: so is what is merged);
  // else they are listed first, and the runs merged into the list.
  const bool merged_later = with_c1 && !dropped.empty();
  c1_controls.seal();
  // Emits the controls' hits that come before hit (all the rest when null),
  // as the merge below does: a control inside the hit has none.
  auto emit_controls_before = [&](const Hit* hit) {
    if (!with_c1) return;
    for (; !c1_controls.done() && (!hit || hit->end >= c1_controls.peek() + 2); c1_controls.advance()) {
      const std::size_t begin = c1_controls.peek();
      const bool inside = hit && hit->begin <= begin && begin + 2 <= hit->end;
      if (!inside)
        if (auto c1 = c1_hit(text, begin, begin + 2)) emit(std::move(*c1));
    }
  };

  // The hits are made as the candidates they come from are given back.
  ChunkedList<Hit> hits;
  for (std::uint32_t k = 0; k < candidates.size();) {
    const Group g = group_at(candidates, k);
    k = g.last + 1;
    if (g.fires) {
      Hit hit;
      hit.begin = candidates[g.first].begin;
      hit.end = candidates[g.last].end();
      hit.how = describe(candidates[g.best]);
      hit.lossy = g.lossy;
      if (!g.lossy) {
        std::string recovered;
        std::size_t size = 0;  // sized first: a group may span a long run of touching candidates
        for (std::size_t i = g.first; i <= g.last; ++i)
          size += (i > g.first ? candidates[i].begin - candidates[i - 1].end() : 0) + candidates[i].bytes_size();
        recovered.reserve(size);
        for (std::size_t i = g.first; i <= g.last; ++i) {
          if (i > g.first) recovered.append(text.substr(candidates[i - 1].end(), candidates[i].begin - candidates[i - 1].end()));
          candidates[i].append_bytes(recovered);
        }
        hit.recovered = recover_latin_layers(std::move(recovered));
        // A byte order mark is removed, not kept as an invisible character.
        remove_byte_order_marks(*hit.recovered);
      }
      if (merged_later) {
        hits.push_back(std::move(hit));
      } else {
        emit_controls_before(&hit);
        emit(std::move(hit));
      }
    }
    candidates.release_before(g.last + 1);
  }
  candidates.clear();
  if (!merged_later) {
    emit_controls_before(nullptr);
    return;
  }
  {
    // Hits and controls are both in text order (controls found inside a
    // candidate may come late): one pass with a moving index, not a search
    // of every hit for every control. The controls' hits are merged in text
    // order, which add_dropped_c1 needs: a control inside a run of lead and
    // continuation images is part of the run.
    ChunkedList<Hit> merged;  // hits is given back from the front as it grows
    std::size_t next_hit = 0;
    auto take_hit = [&]() {
      hits.release_before(next_hit);
      merged.push_back(std::move(hits[next_hit++]));
    };
    for (; !c1_controls.done(); c1_controls.advance()) {  // sealed and not yet read: emit_controls_before is not used here
      const std::size_t begin = c1_controls.peek();
      const std::size_t end = begin + 2;
      // A hit is whole characters: one that ends before end ends at begin or before.
      while (next_hit < hits.size() && hits[next_hit].end < end) take_hit();
      const bool inside = next_hit < hits.size() && hits[next_hit].begin <= begin && end <= hits[next_hit].end;
      if (!inside)
        if (auto hit = c1_hit(text, begin, end)) merged.push_back(std::move(*hit));
    }
    while (next_hit < hits.size()) take_hit();
    hits = std::move(merged);
    c1_controls = ControlPlaces(0);  // given back
    add_dropped_c1(dropped, hits);
  }
  {
    bool in_order = true;
    for (std::size_t h = 1; h < hits.size() && in_order; ++h) in_order = !(hits[h].begin < hits[h - 1].begin);
    if (!in_order) {
      std::vector<Hit> sorted;
      sorted.reserve(hits.size());
      for (std::size_t h = 0; h < hits.size(); ++h) sorted.push_back(std::move(hits[h]));
      hits.clear();
      std::sort(sorted.begin(), sorted.end(), [](const Hit& a, const Hit& b) { return a.begin < b.begin; });
      for (Hit& hit : sorted) hits.push_back(std::move(hit));
    }
  }
  emit_each(hits, emit);
}

std::vector<Hit> scan(std::string_view text, bool with_c1, StartCursor* starts) {
  std::vector<Hit> out;
  scan_hits(text, with_c1, starts, [&](Hit&& hit) { out.push_back(std::move(hit)); });
  return out;
}

}  // namespace

std::vector<Hit> find_latin_mojibake(std::string_view text, const std::vector<std::size_t>* candidates) {
  if (!candidates) return scan(text, true, nullptr);
  ListCursor cursor(*candidates, text.size());
  return scan(text, true, &cursor);
}

std::vector<Hit> find_latin_mojibake(std::string_view text, StartCursor& candidates) {
  return scan(text, true, &candidates);
}

void for_each_latin_mojibake(std::string_view text, StartCursor& candidates, const std::function<void(Hit&&)>& emit) {
  scan_hits(text, true, &candidates, emit);
}

bool may_start_latin_mojibake(char32_t cp) {
  return cp >= 0x80 && !(cp >= 0x3000 && cp <= 0xEFFF) && !(cp >= 0xFF00 && cp <= 0xFFBF);
}

std::string recover_latin_layers(std::string text) {
  // Double and triple encoding: the recovered text is mojibake again. scan()
  // recovers each hit through this function, so one pass recurses through
  // the layers; every layer is shorter than the one it came from.
  const std::vector<Hit> hits = scan(text, false, nullptr);
  std::string out;
  std::size_t copied = 0;
  for (const Hit& hit : hits) {
    if (!hit.recovered) continue;
    out.append(text, copied, hit.begin - copied);
    out += *hit.recovered;
    copied = hit.end;
  }
  if (copied == 0) return text;
  out.append(text, copied);
  return out;
}

}  // namespace tc::mojibake
