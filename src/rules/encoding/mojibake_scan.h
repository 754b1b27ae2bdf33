#pragma once
// Structural mojibake detection (no lists of fixed strings): a span is
// mojibake when the bytes its characters have in a legacy code page form
// well-formed text in another encoding, and the result is more plausible
// than the span as written. Pure functions over a string, so the rules and
// the unit tests share them.
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tc::mojibake {

// What a lossy hit lost, held apart from the hit: most hits lose nothing,
// and a file of mojibake has a hit every few bytes.
struct Loss {
  // The part that could be recovered ("\uFFFD" where a character was lost).
  std::optional<std::string> partial;
  std::string lost;  // what was lost when it is more than a byte ("2 bytes")
};

struct Hit {
  std::size_t begin = 0;  // byte offsets into the scanned text
  std::size_t end = 0;
  // e.g. "UTF-8 read as Windows-1252"; always text of static storage, not a
  // string per hit (a file of mojibake has a hit every few bytes).
  std::string_view how;
  std::optional<std::string> recovered;  // the original text, when it round-trips
  bool lossy = false;     // a byte was replaced by '?', U+FFFD or a space
  std::unique_ptr<Loss> loss;  // when lossy, what is known of the loss; may be null
  // The loss, made when first written.
  Loss& loss_detail() {
    if (!loss) loss = std::make_unique<Loss>();
    return *loss;
  }
};

// UTF-8 read as a single-byte page (Windows-1252/1250/1251/1257,
// ISO-8859-2, MacRoman, IBM437), including double and triple encoding, and
// C1 controls left by reading Windows-1252 text as ISO-8859-1. Bytes equal
// to kMaskByte (0x1A) are treated as non-prose separators.
// candidates: the starts of the code points to look at, in order, when a
// shared scan found them (those may_start_latin_mojibake accepts, ill-formed
// bytes aside); null: every code point is looked at.
std::vector<Hit> find_latin_mojibake(std::string_view text, const std::vector<std::size_t>* candidates = nullptr);

// The same candidates read from a shared scan as they are needed, not
// copied into a list first (in a file of mojibake every other character is
// one). next(pos): the first start at or after pos, or text.size() when
// there is none; the positions asked for never go back until restart().
class StartCursor {
 public:
  virtual ~StartCursor() = default;
  virtual std::size_t next(std::size_t pos) = 0;
  virtual void restart() = 0;
  // What the cursor may pass over unasked from the next call of next() on,
  // as the caller's state allows: the starts before a character that can
  // stand for no byte (ASCII but the space and '?', U+3000-U+9FFF), where no
  // sequence starts, unless they are C1 controls; or, while no run of
  // dropped C1 bytes is open, every start but a lead image U+00E2-U+00EF.
  // A cursor that cannot tell (a list) passes none.
  enum class Passable : std::uint8_t { none, before_non_image, non_leads };
  virtual void pass_by(Passable passable) { (void)passable; }
  // Says that the caller reads every start in turn from here on (each
  // next(pos) from the end of the start returned last, to the end) and then
  // restart()s to read them again passing by `again`: a cursor whose
  // restart would scan the text again (a shared scan held a window at a
  // time) keeps what that second reading stops at as it goes, and reads
  // that instead. A cursor that restarts cheaply (a list) keeps nothing.
  virtual void keep_for_restart(Passable again) { (void)again; }
  // The code point at the start next() returned last and where it ends,
  // when the cursor knows them (a shared scan does), so that a pass need not
  // read the text there; false: the caller decodes it.
  virtual bool known_code_point(char32_t& cp, std::size_t& end) const {
    (void)cp;
    (void)end;
    return false;
  }
  // What a shared scan marked the start next() returned last with, for
  // find_cjk_mojibake (whose cursor then also gives the starts of the
  // characters is_cjk_odd accepts): kMarksKnown and the others that apply;
  // 0 when the cursor cannot tell (a list: every start is a loud gate).
  static constexpr std::uint8_t kMarksKnown = 1, kMarkGate = 2, kMarkOdd = 4, kMarkLoud = 8, kMarkUtf8Start = 16;
  virtual std::uint8_t cjk_marks() const { return 0; }
};
// Starts given as a list.
class ListCursor final : public StartCursor {
 public:
  ListCursor(const std::vector<std::size_t>& starts, std::size_t end) : starts_(starts), end_(end) {}
  std::size_t next(std::size_t pos) override {
    while (index_ < starts_.size() && starts_[index_] < pos) ++index_;
    return index_ < starts_.size() ? starts_[index_] : end_;
  }
  void restart() override { index_ = 0; }

 private:
  const std::vector<std::size_t>& starts_;
  std::size_t end_;
  std::size_t index_ = 0;
};

std::vector<Hit> find_latin_mojibake(std::string_view text, StartCursor& candidates);
// The same hits handed to emit one at a time, in the same order, not
// collected in a vector first: in a file of mojibake the vector held a hit
// of some 90 bytes every few bytes, beside the scan's own list of them.
void for_each_latin_mojibake(std::string_view text, StartCursor& candidates, const std::function<void(Hit&&)>& emit);

// Non-ASCII code points outside U+3000-U+EFFF and U+FF00-U+FFBF: the only
// ones that have an image in a single-byte page.
bool may_start_latin_mojibake(char32_t cp);

// Applies find_latin_mojibake's recoverable hits to text until nothing
// changes (at most a few rounds, for double encoding).
std::string recover_latin_layers(std::string text);

// Mojibake from the Chinese side: UTF-8 read as GBK (also with the byte
// after a bad lead swallowed: "鈥?"), GBK read as Latin-1, Big5 and GBK
// read as each other, and the fill patterns 锟斤拷 / 烫烫烫 / 屯屯屯.
// gates: the starts of the characters may_open_cjk_gate accepts and of
// ill-formed sequences, in order, when a shared scan found them; only the
// stretches of Chinese that hold one or touch a '?' are read. Null: every
// stretch is read.
std::vector<Hit> find_cjk_mojibake(std::string_view text, const std::vector<std::size_t>* gates = nullptr);
// The same with the gates read from a shared scan as they are needed (next()
// gives text.size() past the last), not listed first: in a file of Latin-1
// text every character is one.
std::vector<Hit> find_cjk_mojibake(std::string_view text, StartCursor& gates);

// Characters that may make a stretch of Chinese worth a closer look: outside
// GB2312 level 1 and its punctuation rows, Latin-1, the fill and BOM images
// 烫 屯 锟 锘, and the ASCII '?' (问句码 in the stretches beside it).
bool may_open_cjk_gate(char32_t cp);

// Characters that may be odd inside Chinese (rare Han, symbols that are not
// typographic punctuation, kana, letters of other scripts): those the
// misread detectors of find_cjk_mojibake weigh. Some open no gate (the
// symbols of GB2312's punctuation rows: ※, №, →).
bool is_cjk_odd(char32_t cp);
// Gate and odd characters that may make a stretch of Chinese mojibake on
// their own or beside one other such character: all but the rare Han
// characters (and odd symbols) that weigh 2 in the misread detectors and
// are no plain Simplified character read as Big5. A stretch whose only
// gates and odd characters are quiet ones, and that has at most one odd
// character, no '?' beside it and no character is_cjk_utf8_start accepts
// before one whose GBK code continues a sequence, holds no mojibake
// find_cjk_mojibake reports, and is not read.
bool is_cjk_loud(char32_t cp);
// Characters whose GBK code may start UTF-8 (lead E2-EF, trail 80-BF):
// where UTF-8 read as GBK may start.
bool is_cjk_utf8_start(char32_t cp);

// Hit::how of GBK bytes read as Windows-1252 ("ÖÐÎÄ").
inline constexpr std::string_view kGbkReadAsWindows1252 = "GBK read as Windows-1252";

// The finding message for a hit; written is the span as it stands in the text.
std::string message_for(const Hit& hit, std::string_view written);

}  // namespace tc::mojibake
