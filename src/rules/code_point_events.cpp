#include "rules/code_point_events.h"
#include "core/lockstep.h"
#include "core/slack.h"
#include "core/span.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <string>

#include "core/utf8.h"
#include "rules/code_point_class_table.h"
#include "rules/encoding/bidi_control.h"
#include "rules/encoding/control_character.h"
#include "rules/encoding/mojibake_scan.h"
#include "rules/encoding/not_nfc.h"
#include "rules/encoding/private_use.h"
#include "rules/encoding/replacement_character.h"
#include "rules/encoding/unassigned.h"
#include "rules/encoding/unusual_space.h"
#include "rules/encoding/zero_width.h"
#include "rules/script/ascii_punctuation_in_chinese.h"
#include "rules/script/chinese_variants.h"
#include "rules/script/confusable.h"
#include "rules/script/script_chars.h"

namespace tc {
namespace {

namespace cls = code_point_class;

// Documents shorter than this are scanned with the class table alone: the
// bits of their kind cost some tens of microseconds to build.
constexpr std::size_t kWantedBitsFrom = 1 << 14;

// The first bytes of the characters that mark the event before them
// kBeforeNonImage: ASCII but the space and '?', and the lead bytes E3-E9.
constexpr std::array<bool, 256> kNonImageLeadBytes = [] {
  std::array<bool, 256> bytes{};
  for (unsigned b = 0; b < 0x80; ++b) bytes[b] = b != ' ' && b != '?';
  for (unsigned b = 0xE3; b <= 0xE9; ++b) bytes[b] = true;
  return bytes;
}();

}  // namespace

// Each rule file owns its predicate.
std::uint32_t code_point_classes(char32_t cp) {
  std::uint32_t classes = 0;
  if (is_replacement_character(cp)) classes |= cls::kReplacement;
  if (is_control_character(cp)) classes |= cls::kControl;
  if (is_invisible_character(cp)) classes |= cls::kInvisible;
  if (is_bidi_control_character(cp)) classes |= cls::kBidi;
  if (is_private_use_character(cp)) classes |= cls::kPrivateUse;
  if (is_unassigned_code_point(cp)) classes |= cls::kUnassigned;
  if (is_unusual_space(cp)) classes |= cls::kUnusualSpace;
  if (may_change_under_nfc(cp)) classes |= cls::kNfcTrigger;
  if (cp == '&') classes |= cls::kAmpersand;
  if (cp == '\\') classes |= cls::kBackslash;
  if (may_start_confusable(cp)) classes |= cls::kGreekCyrillic;
  if (script::is_cjk_letter(cp)) classes |= cls::kCjkLetter;
  if (script::is_fullwidth_in_english(cp)) classes |= cls::kFullwidth;
  if (is_ascii_clause_mark(cp)) classes |= cls::kClauseMark;
  // Beyond the BMP the Traditional verdict needs ICU: every Han character
  // is a candidate there, and the rule decides (they are rare).
  if (cp >= 0x10000 && is_han_or_ideographic_mark(cp)) classes |= cls::kTraditional;
  if (mojibake::may_start_latin_mojibake(cp)) classes |= cls::kLatinImage;
  if (cp >= 0xE2 && cp <= 0xEF) classes |= cls::kLatinLeadImage;
  if (mojibake::may_open_cjk_gate(cp)) classes |= cls::kCjkGate;
  if (mojibake::is_cjk_odd(cp)) classes |= cls::kCjkOdd;
  if (mojibake::is_cjk_loud(cp)) classes |= cls::kCjkLoud;
  if (mojibake::is_cjk_utf8_start(cp)) classes |= cls::kCjkUtf8Start;
  return classes;
}

std::vector<CodePointRange> traditional_ranges_in_bmp() {
  std::vector<CodePointRange> ranges;
  script::ChineseVariants to_simplified(script::ChineseTarget::simplified);
  for (char32_t cp = 0x3000; cp < 0x10000; ++cp) {
    if (!is_han_or_ideographic_mark(cp) || !to_simplified.is_foreign(cp)) continue;
    if (!ranges.empty() && ranges.back().end == cp)
      ++ranges.back().end;
    else
      ranges.push_back({cp, cp + 1});
  }
  return ranges;
}

namespace {

std::uint32_t classes_beyond_bmp(char32_t cp) { return code_point_classes(cp); }

std::vector<std::uint32_t> build_table() {
  std::vector<std::uint32_t> table(0x10000);
  for (char32_t cp = 0; cp < 0x10000; ++cp) table[cp] = code_point_classes(cp);
  return table;
}

// The build's table (compile-time data: nothing to fill at run time), or,
// in the build step itself, one computed once per process; read-only.
const std::uint32_t* base_table() {
  if (const std::uint32_t* prebuilt = prebuilt_code_point_classes()) return prebuilt;
  static const std::vector<std::uint32_t> kTable = build_table();
  return kTable.data();
}

// The base table with the Traditional characters of the BMP marked, for
// Chinese documents only: written at compile time from the ranges the build
// wrote (asking about every Han character took some 10M instructions, and
// copying the base table and marking the ranges 1.4M, on the first Chinese
// document of a run).
const std::uint32_t* chinese_table() {
  if (const std::uint32_t* prebuilt = prebuilt_chinese_code_point_classes()) return prebuilt;
  static const std::vector<std::uint32_t> kTable = [] {
    std::vector<std::uint32_t> table(base_table(), base_table() + 0x10000);
    for (const CodePointRange& range : traditional_ranges_in_bmp())
      for (std::uint32_t cp = range.first; cp < range.end; ++cp) table[cp] |= cls::kTraditional;
    return table;
  }();
  return kTable.data();
}

// The class table a scan for `wanted` reads: the Chinese one when the
// Traditional characters are wanted.
text::ClassTable class_table_for(std::uint32_t wanted) {
  return {(wanted & cls::kTraditional) ? chinese_table() : base_table(), classes_beyond_bmp, cls::kInvalid,
          cls::kBeforeNonImage, kNonImageLeadBytes.data()};
}

// The classes worth collecting in doc: those of the rules that can apply to it.
std::uint32_t wanted_classes(const Document& doc) {
  std::uint32_t wanted = cls::kInvalid | cls::kReplacement | cls::kControl | cls::kInvisible | cls::kBidi |
                         cls::kPrivateUse | cls::kUnassigned | cls::kUnusualSpace | cls::kNfcTrigger |
                         cls::kAmpersand | cls::kBackslash | cls::kGreekCyrillic | cls::kLatinImage |
                         cls::kCjkGate | cls::kCjkOdd;
  if (doc.lang == Lang::en) wanted |= cls::kCjkLetter | cls::kFullwidth;
  if (doc.lang == Lang::zh) {
    wanted |= cls::kClauseMark;
    if (doc.chinese_script != ChineseScript::traditional) wanted |= cls::kTraditional;
  }
  return wanted;
}

// The wanted bits of each kind of document (wanted_classes has one set per
// kind), built once per process the first time a document of that kind is
// long enough to use them; read-only afterwards.
const text::WantedBits* document_wanted_bits(const Document& doc, const text::ClassTable& classes, std::uint32_t wanted) {
  if (doc.text.size() < kWantedBitsFrom) return nullptr;
  auto build = [&] { return text::wanted_bits(classes, wanted); };
  if (doc.lang == Lang::en) {
    static const text::WantedBits kEnglish = build();
    return &kEnglish;
  }
  if (doc.lang == Lang::zh && (wanted & cls::kTraditional)) {
    static const text::WantedBits kSimplified = build();
    return &kSimplified;
  }
  if (doc.lang == Lang::zh) {
    static const text::WantedBits kTraditional = build();
    return &kTraditional;
  }
  static const text::WantedBits kOther = build();
  return &kOther;
}

void mark_if_masked(const Document& doc, text::ClassEvent& event) {
  for (std::size_t i = event.begin; i < event.end(); ++i)
    if (doc.is_masked(i)) {
      event.classes |= cls::kNotProse;
      return;
    }
}

// Whether a sequence of text may straddle at: only when a continuation byte
// follows a non-ASCII one (ASCII is never part of a sequence).
bool inside_code_point(std::string_view text, std::size_t at) {
  return at > 0 && at < text.size() && (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80 &&
         static_cast<unsigned char>(text[at - 1]) >= 0x80;
}

// The events of a document with masks, reading each byte once: prose()
// between the runs of mask bytes (there it is the text), the text inside
// them. Text and prose differ only inside those runs, so this finds what a
// scan of the text finds, provided no code point straddles a run's edge
// (false then, with events half made: the caller scans the text instead).
// Scanning the text and then looking up every event in prose read both
// whole, one cache line of prose for each event of a Chinese book.
bool scan_prose_and_masks(const Document& doc, const text::ClassScanner& scanner, std::vector<text::ClassEvent>& events) {
  const std::string_view text = doc.text;
  const std::string_view prose = doc.prose();
  const std::size_t size = text.size();
  for (std::size_t pos = 0; pos < size;) {
    const void* found = std::memchr(prose.data() + pos, kMaskByte, size - pos);
    const std::size_t run = found ? static_cast<std::size_t>(static_cast<const char*>(found) - prose.data()) : size;
    scanner.scan(prose, pos, run, events);
    if (run == size) break;
    std::size_t end = run;
    while (end < size && prose[end] == kMaskByte) ++end;
    if (inside_code_point(text, run) || inside_code_point(text, end)) return false;
    const std::size_t first = events.size();
    scanner.scan(text, run, end, events);
    for (std::size_t k = first; k < events.size(); ++k) mark_if_masked(doc, events[k]);
    pos = end;
  }
  return true;
}

// Documents at least this long have their events counted in a few samples
// first (kSamples windows of kSampleBytes, spread over the text), and room
// reserved at the samples' density: a file of mojibake or control
// characters has an event every two or three bytes, and growing the list by
// doubling (then giving back the slack) held up to twice the events.
constexpr std::size_t kSampledFrom = 1 << 18;
constexpr std::size_t kSamples = 4;
constexpr std::size_t kSampleBytes = 1 << 14;

// Room for the events of text: an event every 64 bytes, more than a Chinese
// book has (one every hundred), or more where the samples found more. Pages
// never written to cost no memory.
std::size_t events_to_reserve(std::string_view text, const text::ClassScanner& scanner) {
  const std::size_t floor = text.size() / 64 + 16;
  if (text.size() < kSampledFrom) return floor;
  auto code_point_start = [&](std::size_t pos) {
    while (pos < text.size() && (static_cast<unsigned char>(text[pos]) & 0xC0) == 0x80) ++pos;
    return pos;
  };
  std::vector<text::ClassEvent> sample;
  sample.reserve(kSampleBytes);
  std::size_t events = 0, sampled = 0;
  for (std::size_t k = 0; k < kSamples; ++k) {
    const std::size_t begin = code_point_start(text.size() / kSamples * k);
    const std::size_t end = code_point_start(std::min(text.size(), begin + kSampleBytes));
    sample.clear();
    scanner.scan(text, begin, end, sample);
    events += sample.size();
    sampled += end - begin;
  }
  if (sampled == 0) return floor;
  // An eighth more than the samples' density, for a text less even than they are.
  const std::size_t estimate = events * text.size() / sampled;
  return std::max(floor, estimate + estimate / 8 + 16);
}

std::vector<text::ClassEvent> scan_document(const Document& doc) {
  const std::uint32_t wanted = wanted_classes(doc);
  const text::ClassTable classes = class_table_for(wanted);
  const text::WantedBits* bits = document_wanted_bits(doc, classes, wanted);
  std::vector<text::ClassEvent> events;
  const text::ClassScanner scanner(classes, wanted, bits);
  const std::size_t reserved = events_to_reserve(doc.text, scanner);
  events.reserve(reserved);
  if (doc.masked.empty() || !scan_prose_and_masks(doc, scanner, events)) {
    events.clear();
    // Scanning the text, the byte after an event may be masked in prose: no
    // event is marked kBeforeNonImage then.
    text::ClassTable text_classes = classes;
    if (!doc.masked.empty()) text_classes.next_byte_mark = 0;
    text::scan_classes(doc.text, text_classes, wanted, events, bits);
    // Masked bytes differ between text and prose: such a code point is not
    // prose. (is_masked reads the text only where prose has the mask byte: one
    // cache miss an event rather than two.)
    if (!doc.masked.empty())
      for (text::ClassEvent& event : events) mark_if_masked(doc, event);
  }
  // The events live as long as the job: when they outgrew the room (a file of
  // mojibake or control characters has an event every two bytes), what
  // doubling left unused is given back.
  if (events.capacity() > reserved) give_back_slack(events);
  return events;
}

// The runs of mask bytes in a document's prose (each as long as it goes),
// listed once for DocumentScan when there are few of them, so that each
// stretch it scans finds them in the list instead of reading the prose for
// them again (a second pass over the whole text: some 3M instructions on 20 MB
// of Chinese with 5,600 runs of page furniture).
struct MaskRuns {
  // At most one run per this many bytes of text is listed (1/8 byte of list
  // per byte of text at most); a document with more is read as before.
  static constexpr std::size_t kBytesPerRun = 64;
  std::vector<Span32> runs;
  bool listed = false;           // false: too many runs, stretches look in the prose
  bool cut_code_points = false;  // some run begins or ends inside a code point of the text
};

// Finds the runs, and whether some run of mask bytes in doc's prose begins
// or ends inside a code point of its text (scan_prose_and_masks gives up on
// such a document).
MaskRuns find_mask_runs(const Document& doc) {
  MaskRuns found;
  const std::string_view text = doc.text;
  const std::string_view prose = doc.prose();
  const std::size_t size = text.size();
  const std::size_t most = size / MaskRuns::kBytesPerRun + 1;
  found.listed = size <= UINT32_MAX;
  for (std::size_t pos = 0; pos < size;) {
    const void* hit = std::memchr(prose.data() + pos, kMaskByte, size - pos);
    if (!hit) break;
    const std::size_t run = static_cast<std::size_t>(static_cast<const char*>(hit) - prose.data());
    std::size_t end = run;
    while (end < size && prose[end] == kMaskByte) ++end;
    if (inside_code_point(text, run) || inside_code_point(text, end)) {
      found.cut_code_points = true;
      found.listed = false;
      break;  // the text is scanned whole then: no list is read
    }
    if (found.listed && found.runs.size() < most) {
      found.runs.push_back(Span32(Span{run, end}));
    } else if (found.listed) {
      found.listed = false;
      found.runs = {};
    }
    pos = end;
  }
  return found;
}

}  // namespace

// A list of plain values whose room is not written to before they are (a
// std::vector's resize writes zeros first, push_back checks the room for
// each value): the store's lists of events.
template <class T>
class PlainList {
 public:
  std::size_t size() const { return size_; }
  std::size_t capacity() const { return capacity_; }
  const T* data() const { return data_.get(); }
  void clear() { size_ = 0; }
  // Room for n values in all, the ones held kept.
  void reserve(std::size_t n) {
    if (n > capacity_) move_to(n);
  }
  // The place of n more values, made room for by doubling if need be; they
  // count once written and added().
  T* room_for(std::size_t n) {
    if (size_ + n > capacity_) move_to(std::max(size_ + n, 2 * capacity_));
    return data_.get() + size_;
  }
  void added(std::size_t n) { size_ += n; }
  // What doubling left unused given back, as give_back_slack does.
  void give_back_slack() {
    if (capacity_ - size_ > size_ / 4) move_to(size_);
  }

 private:
  void move_to(std::size_t capacity) {
    std::unique_ptr<T[]> moved(capacity ? new T[capacity] : nullptr);  // not written: pages stay untouched
    if (size_) std::memcpy(moved.get(), data_.get(), size_ * sizeof(T));
    data_ = std::move(moved);
    capacity_ = capacity;
  }
  std::unique_ptr<T[]> data_;
  std::size_t size_ = 0;
  std::size_t capacity_ = 0;
};

// How a long document's events are found a stretch at a time: what
// scan_document chooses for the whole, prepared once for the job's store and
// for any walk that scans on its own.
class DocumentScan {
 public:
  explicit DocumentScan(const Document& doc)
      : doc_(doc),
        wanted_(wanted_classes(doc)),
        classes_(class_table_for(wanted_)),
        bits_(document_wanted_bits(doc, classes_, wanted_)),
        mask_runs_(doc.masked.empty() ? nullptr : std::make_shared<const MaskRuns>(find_mask_runs(doc))),
        text_only_(mask_runs_ && mask_runs_->cut_code_points),
        scanner_(text_only_ ? unmarked(classes_) : classes_, wanted_, bits_) {}
  // The same scan for one walk of some classes: only their events (the walk
  // reads no other), with wanted bits of their own. An English text, whose
  // ASCII holds most of the classes' stop bytes, is then skipped over but
  // for its few non-ASCII characters when a walk that starts over reads it again.
  DocumentScan(const DocumentScan& whole, std::uint32_t classes)
      : doc_(whole.doc_),
        wanted_(whole.wanted_ & classes),
        classes_(whole.classes_),
        own_bits_(std::make_unique<text::WantedBits>(text::wanted_bits(classes_, wanted_))),
        bits_(own_bits_.get()),
        mask_runs_(whole.mask_runs_),
        text_only_(whole.text_only_),
        scanner_(text_only_ ? unmarked(classes_) : classes_, wanted_, bits_) {}

  std::size_t size() const { return doc_.text.size(); }
  // Room for all the document's events (events_to_reserve).
  std::size_t events_to_reserve() const { return tc::events_to_reserve(doc_.text, scanner_); }

  // The end of a stretch from from (the start of a code point) about bytes
  // long: the start of a code point, as scan_document reads the text. A byte
  // that is no continuation byte starts one; and three continuation bytes in
  // a row end whatever sequence they are in (none is longer than four bytes).
  std::size_t cut(std::size_t from, std::size_t bytes) const {
    const std::string_view text = doc_.text;
    std::size_t to = std::min(text.size(), from + std::max<std::size_t>(bytes, 1));
    for (int k = 0; k < 3 && to < text.size() && (static_cast<unsigned char>(text[to]) & 0xC0) == 0x80; ++k) ++to;
    return to;
  }

  // Appends the events of [from, to) (each the start of a code point, as
  // cut() gives them) exactly as scan_document finds them there.
  void scan(std::size_t from, std::size_t to, std::vector<text::ClassEvent>& events) const {
    const std::string_view text = doc_.text;
    const std::size_t first = events.size();
    if (doc_.masked.empty()) {
      scanner_.scan(text, from, to, events);
      mark_cut(text, to, first, events);
      return;
    }
    if (text_only_) {  // no event is marked by its next byte
      scanner_.scan(text, from, to, events);
      for (std::size_t k = first; k < events.size(); ++k) mark_if_masked(doc_, events[k]);
      return;
    }
    // As scan_prose_and_masks: prose between the runs of mask bytes, the
    // text inside them; the stretch may end inside either.
    const std::string_view prose = doc_.prose();
    // The listed runs that end after from, in order.
    const std::vector<Span32>* listed = mask_runs_->listed ? &mask_runs_->runs : nullptr;
    std::size_t next_run = 0;
    if (listed)
      next_run = static_cast<std::size_t>(
          std::partition_point(listed->begin(), listed->end(), [&](const Span32& r) { return r.end <= from; }) -
          listed->begin());
    for (std::size_t pos = from; pos < to;) {
      std::size_t run = to;
      if (!listed) {
        const void* found = std::memchr(prose.data() + pos, kMaskByte, to - pos);
        if (found) run = static_cast<std::size_t>(static_cast<const char*>(found) - prose.data());
      } else if (next_run < listed->size()) {
        run = std::min<std::size_t>(to, std::max<std::size_t>(pos, (*listed)[next_run].begin));
      }
      if (run > pos) {
        const std::size_t before = events.size();
        scanner_.scan(prose, pos, run, events);
        // The prose goes on past to: its next byte marks as a scan of it would.
        if (run == to && to < prose.size() && prose[to] != kMaskByte) mark_cut(prose, to, before, events);
      }
      if (run == to) break;
      std::size_t end = run;
      if (listed) {
        end = std::min<std::size_t>(to, (*listed)[next_run].end);
        if (end == (*listed)[next_run].end) ++next_run;
      } else {
        while (end < to && prose[end] == kMaskByte) ++end;
      }
      const std::size_t before = events.size();
      scanner_.scan(text, run, end, events);
      for (std::size_t k = before; k < events.size(); ++k) mark_if_masked(doc_, events[k]);
      // The run of mask bytes goes on past to: the text's next byte marks.
      if (end == to && to < prose.size() && prose[to] == kMaskByte) mark_cut(text, to, before, events);
      pos = end;
    }
  }

 private:
  static text::ClassTable unmarked(text::ClassTable table) {
    table.next_byte_mark = 0;
    return table;
  }
  // A scan of piece up to to marks no event by the byte at to (it is not
  // in what was scanned); a scan of more would, when the piece goes on.
  void mark_cut(std::string_view piece, std::size_t to, std::size_t first, std::vector<text::ClassEvent>& events) const {
    if (events.size() == first || to >= piece.size()) return;
    text::ClassEvent& last = events.back();
    if (last.end() == to && classes_.marking_next_bytes[static_cast<unsigned char>(piece[to])])
      last.classes |= classes_.next_byte_mark;
  }

  const Document& doc_;
  std::uint32_t wanted_;
  text::ClassTable classes_;
  std::unique_ptr<text::WantedBits> own_bits_;
  const text::WantedBits* bits_;
  std::shared_ptr<const MaskRuns> mask_runs_;  // null: nothing is masked
  bool text_only_;
  text::ClassScanner scanner_;
};

// The events a walk reads: the whole document's (scanned at once), or a
// window of them at a time, for the job's walks in lockstep or for one walk
// alone.
class EventStore final : public Advancing {
 public:
  // The whole document, scanned now: at once when it is short, else a
  // chunk at a time (each chunk's events packed as soon as they are found,
  // so that the document's are never all held as ClassEvents too).
  explicit EventStore(const Document& doc) {
    if (doc.text.size() <= kScannedAtOnce) {
      const std::vector<text::ClassEvent> events = scan_document(doc);
      reserve(events.size());
      append(events);
    } else {
      const DocumentScan scan(doc);
      const std::size_t reserved = scan.events_to_reserve();
      reserve(reserved);
      for (std::size_t from = 0; from < scan.size();) {
        const std::size_t to = scan.cut(from, kScannedAtOnce);
        scanned_.clear();
        scan.scan(from, to, scanned_);
        append(scanned_);
        from = to;
      }
      std::vector<text::ClassEvent>().swap(scanned_);
      // A file of mojibake or control characters has more events than the
      // estimate: what doubling left unused is given back.
      if (classes_.capacity() > reserved) {
        classes_.give_back_slack();
        places_.give_back_slack();
      }
    }
    scanned_to_ = doc.text.size();
    add_block_classes(0);
  }
  // From from on (the start of a code point), a chunk at a time, up to a
  // window of events; alone: for one walk, a window of one chunk.
  EventStore(std::shared_ptr<const DocumentScan> scan, const EventWindowing& windowing, std::size_t from, bool alone)
      : scan_(std::move(scan)),
        windowing_(windowing),
        alone_(alone),
        window_begin_(from),
        scanned_to_(from) {
    const std::size_t chunk = std::max<std::size_t>(windowing_.chunk_bytes, 1);
    const std::size_t floor = windowing_.bytes_per_event ? scan_->size() / windowing_.bytes_per_event : 0;
    budget_ = alone_ ? 1 : std::max<std::size_t>({windowing_.window_events, floor, 1});
    // A window never holds more than its budget and a chunk's worth (an
    // event has a byte at least; cut() may take a chunk up to three
    // continuation bytes further, each a stray byte's event): its events stay
    // where they are while it lasts.
    const std::size_t most = std::min(budget_ + chunk + 3, scan_->size() - from + 1);
    reserve(most);
    block_classes_.reserve(most / EventWalk::kEventBlock + 1);
  }

  std::size_t size() const { return classes_.size(); }
  const std::uint32_t* event_classes() const { return classes_.data(); }
  const std::uint64_t* event_places() const { return places_.data(); }
  std::size_t event_begin(std::size_t index) const { return packed_event::begin(places_.data()[index]); }
  const std::vector<std::uint32_t>& block_classes() const { return block_classes_; }
  std::size_t generation() const { return generation_; }
  std::size_t window_begin() const { return window_begin_; }
  std::size_t scanned_to() const { return scanned_to_; }
  const std::shared_ptr<const DocumentScan>& scan() const { return scan_; }
  bool alone() const { return alone_; }
  const EventWindowing& windowing() const { return windowing_; }
  // Whether the window may be given to later text: a sample of the text
  // (events_to_reserve) finds more events than a window holds. Sampled
  // once, when first asked.
  bool may_move() {
    if (!scan_) return false;
    if (alone_) return true;
    if (!sampled_) {
      sampled_ = true;
      may_move_ = window_begin_ != 0 || scan_->events_to_reserve() > budget_;
    }
    return may_move_;
  }

  void add(EventWalk* walk) { walks_.push_back(walk); }
  void remove(EventWalk* walk) {
    const auto it = std::find(walks_.begin(), walks_.end(), walk);
    if (it != walks_.end()) walks_.erase(it);
  }

  enum class Extended { more, ended, left_behind };
  // More events for walk, at the end of what the store holds: the next
  // chunk, or (the window being full) a new window, once the other walks
  // have come to its end too; left_behind: walk cannot wait for them (it has
  // no lockstep, or cannot park) and must go on alone.
  Extended extend(EventWalk& walk) {
    if (!scan_ || scanned_to_ >= scan_->size()) return Extended::ended;
    if (size() >= budget_) {
      if (alone_) {
        new_window();
      } else if (walk.lockstep_ && walk.lockstep_->park(*this)) {
        return Extended::more;  // advance() has run: a new window
      } else {
        return Extended::left_behind;
      }
    }
    const std::size_t from = scanned_to_;
    const std::size_t to = scan_->cut(from, windowing_.chunk_bytes);
    const std::size_t first = size();
    scanned_.clear();
    scan_->scan(from, to, scanned_);
    append(scanned_);
    scanned_to_ = to;
    add_block_classes(first);
    return Extended::more;
  }

  // Every task of the document has parked or finished: a walk that has not
  // come to the window's end goes on alone from where it is, and the window
  // is given to the text from where the scan is.
  void advance() override {
    const std::vector<EventWalk*> walks = walks_;
    for (EventWalk* walk : walks) {
      const std::size_t index = walk->generation_ == generation_ ? walk->index_ : 0;
      if (index < size()) walk->go_alone(event_begin(index));
    }
    new_window();
  }

 private:
  // Documents up to this long are scanned at once; longer ones this much at a time.
  static constexpr std::size_t kScannedAtOnce = 1 << 16;

  void reserve(std::size_t events) {
    classes_.reserve(events);
    places_.reserve(events);
  }
  void append(const std::vector<text::ClassEvent>& events) {
    std::uint32_t* classes = classes_.room_for(events.size());
    std::uint64_t* places = places_.room_for(events.size());
    std::size_t held = 0;
    for (const text::ClassEvent& event : events) {
      const std::uint32_t kept = held_classes(event.classes, event.cp);
      if (kept == 0) continue;
      classes[held] = kept;
      places[held] = packed_event::pack(event);
      ++held;
    }
    classes_.added(held);
    places_.added(held);
  }
  void new_window() {
    classes_.clear();
    places_.clear();
    block_classes_.clear();
    ++generation_;
    window_begin_ = scanned_to_;
  }
  void add_block_classes(std::size_t first) {
    constexpr std::size_t block = EventWalk::kEventBlock;
    block_classes_.resize((size() + block - 1) / block);
    for (std::size_t i = first; i < size(); ++i) block_classes_[i / block] |= classes_.data()[i];
  }

  std::shared_ptr<const DocumentScan> scan_;  // null: the whole document is held
  EventWindowing windowing_;
  bool alone_ = false;
  std::size_t budget_ = 0;  // events that fill a window
  bool sampled_ = false;    // may_move_ is known
  bool may_move_ = false;
  // A window's room never runs out (reserved for its budget and a chunk):
  // the lists do not move while it lasts.
  PlainList<std::uint32_t> classes_;  // each event's
  PlainList<std::uint64_t> places_;   // each event's begin, length and code point (packed_event)
  std::vector<text::ClassEvent> scanned_;  // a chunk's events as scanned, before they are packed
  std::vector<std::uint32_t> block_classes_;
  std::size_t generation_ = 0;
  std::size_t window_begin_ = 0;  // where the window's first chunk begins
  std::size_t scanned_to_ = 0;
  std::vector<EventWalk*> walks_;  // those reading the window
};

namespace {

// What a job's memo holds: the store its walks share.
struct SharedEvents {
  std::shared_ptr<EventStore> store;
};

std::shared_ptr<EventStore> make_store(const CheckContext& context) {
  const Document& doc = context.doc;
  if (context.lockstep && context.event_windowing && doc.text.size() > context.event_windowing->chunk_bytes)
    return std::make_shared<EventStore>(std::make_shared<const DocumentScan>(doc), *context.event_windowing, 0,
                                        /*alone=*/false);
  return std::make_shared<EventStore>(doc);
}

}  // namespace

EventWalk::EventWalk(const CheckContext& context, std::uint32_t classes, bool prose_only)
    : classes_(classes), prose_only_(prose_only), lockstep_(context.lockstep) {
  if (context.memo) {
    const std::string key = "code-point-events@" + std::to_string(reinterpret_cast<std::uintptr_t>(&context.doc));
    held_ = context.memo->get<SharedEvents>(key, [&] { return SharedEvents{make_store(context)}; }).store;
  } else {
    held_ = make_store(context);
  }
  store_ = held_.get();
  // A window past the start (the job's other walks are further on): this
  // one scans on its own.
  if (store_->window_begin() != 0) {
    go_alone(0);
    return;
  }
  store_->add(this);
  generation_ = store_->generation();
  see();
}

EventWalk::~EventWalk() { store_->remove(this); }

void EventWalk::see() {
  event_classes_ = store_->event_classes();
  event_places_ = store_->event_places();
  block_classes_ = store_->block_classes().data();
  size_ = store_->size();
}

bool EventWalk::more() {
  for (;;) {
    if (generation_ != store_->generation()) {
      generation_ = store_->generation();
      index_ = 0;
      see();
      return true;
    }
    if (store_->size() > size_) {
      see();
      return true;
    }
    switch (store_->extend(*this)) {
      case EventStore::Extended::more: break;
      case EventStore::Extended::ended: return false;
      case EventStore::Extended::left_behind: go_alone(store_->scanned_to()); break;
    }
  }
}

void EventWalk::go_alone(std::size_t pos) {
  // The scan of a walk alone already has only its classes.
  std::shared_ptr<const DocumentScan> scan = store_->alone() ? store_->scan()
                                                             : std::make_shared<const DocumentScan>(*store_->scan(), classes_);
  const EventWindowing windowing = store_->windowing();
  store_->remove(this);
  held_ = std::make_shared<EventStore>(std::move(scan), windowing, pos, /*alone=*/true);
  store_ = held_.get();
  store_->add(this);
  generation_ = store_->generation();
  index_ = 0;
  see();
}

void EventWalk::restart() {
  if (store_->window_begin() == 0) {
    if (generation_ != store_->generation()) generation_ = store_->generation();
    index_ = 0;
    see();
    return;
  }
  go_alone(0);
}

bool EventWalk::restart_may_scan() const { return store_->may_move(); }

bool EventWalk::scans_alone() const { return store_->alone(); }

std::vector<std::size_t> EventWalk::starts() {
  std::vector<std::size_t> out;
  for (std::size_t pos = 0; const text::ClassEvent* event = next(pos); pos = event->end()) out.push_back(event->begin);
  return out;
}

}  // namespace tc
