#pragma once
// The code points the encoding/ and script/ rules look at, found in one pass
// over a document (text/class_scan) and shared by every rule of the job:
// each rule subscribes to its classes and walks their events instead of
// scanning the whole text itself. A class is a superset of what its rule
// reports; the rule's own file still decides each case.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <vector>

#include "core/rule.h"
#include "text/class_scan.h"

namespace tc::code_point_class {

inline constexpr std::uint32_t kInvalid = 1u << 0;          // ill-formed UTF-8 (encoding/invalid-utf8)
inline constexpr std::uint32_t kReplacement = 1u << 1;      // U+FFFD, U+FFFC
inline constexpr std::uint32_t kControl = 1u << 2;          // encoding/control-character
inline constexpr std::uint32_t kInvisible = 1u << 3;        // encoding/zero-width
inline constexpr std::uint32_t kBidi = 1u << 4;             // encoding/bidi-control
inline constexpr std::uint32_t kPrivateUse = 1u << 5;       // encoding/private-use
inline constexpr std::uint32_t kUnassigned = 1u << 6;       // encoding/unassigned
inline constexpr std::uint32_t kUnusualSpace = 1u << 7;     // encoding/unusual-space
inline constexpr std::uint32_t kNfcTrigger = 1u << 8;       // encoding/not-nfc
inline constexpr std::uint32_t kAmpersand = 1u << 9;        // encoding/html-entity
inline constexpr std::uint32_t kBackslash = 1u << 10;       // encoding/escape-sequence
inline constexpr std::uint32_t kGreekCyrillic = 1u << 11;   // script/confusable (U+0340-U+053F)
inline constexpr std::uint32_t kCjkLetter = 1u << 12;       // script/han-in-english (English documents)
inline constexpr std::uint32_t kFullwidth = 1u << 13;       // script/fullwidth-in-english (English documents)
inline constexpr std::uint32_t kClauseMark = 1u << 14;      // script/ascii-punctuation-in-chinese (Chinese documents)
inline constexpr std::uint32_t kTraditional = 1u << 15;     // script/traditional-in-simplified (Chinese documents)
inline constexpr std::uint32_t kLatinImage = 1u << 16;      // encoding/mojibake: may be a single-byte page's image
inline constexpr std::uint32_t kCjkGate = 1u << 17;         // encoding/mojibake-cjk: may open a gate of its scan
inline constexpr std::uint32_t kCjkOdd = 1u << 18;          // encoding/mojibake-cjk: may be odd inside Chinese
// Not a class of its own: set on the kCjkGate and kCjkOdd code points that
// make their stretch worth reading (mojibake::is_cjk_loud).
inline constexpr std::uint32_t kCjkLoud = 1u << 19;
// Not a class of its own: set on the code points mojibake::is_cjk_utf8_start accepts.
inline constexpr std::uint32_t kCjkUtf8Start = 1u << 20;
// Not a class of its own: set on U+00E2-U+00EF (kLatinImage), the images of
// the lead bytes E2-EF, the only characters encoding/mojibake's search for
// dropped C1 bytes stops at while it has no run open.
inline constexpr std::uint32_t kLatinLeadImage = 1u << 21;
// Not a class of code points: set on an event whose bytes are masked in Document::prose().
inline constexpr std::uint32_t kNotProse = 1u << 31;
// Not a class of code points: set on an event of prose whose next character
// in prose can stand for no byte of a code page (encoding/mojibake): ASCII
// but the space and '?' (stand-ins for a lost byte), or U+3000-U+9FFF (lead
// byte E3-E9), which no single-byte page has. Found from the next byte while
// the scan had it at hand; an event without it may be followed by anything.
inline constexpr std::uint32_t kBeforeNonImage = 1u << 30;
// The bits above that are no class of their own.
inline constexpr std::uint32_t kMarks = kCjkLoud | kCjkUtf8Start | kLatinLeadImage | kNotProse | kBeforeNonImage;

}  // namespace tc::code_point_class

namespace tc {

// The classes every rule's own predicate gives cp (computed, slow: a build
// step writes them for the BMP, tools/code_point_class_table.cpp).
std::uint32_t code_point_classes(char32_t cp);

// The classes of U+0000-U+FFFF as the build wrote them (rules/code_point_class_table.cpp,
// from code_point_classes), or null in the build step itself, which has none yet.
const std::uint32_t* prebuilt_code_point_classes();

// Code points first to end - 1.
struct CodePointRange {
  std::uint32_t first;
  std::uint32_t end;
  friend bool operator==(const CodePointRange&, const CodePointRange&) = default;
};

// The Traditional-only characters of the BMP that a Chinese document's
// scan marks kTraditional (Han characters and ideographic marks that
// script::ChineseVariants calls foreign to Simplified), as ascending
// ranges. Computed: a few milliseconds of table look-ups and ICU.
std::vector<CodePointRange> traditional_ranges_in_bmp();

// The same as the build wrote them (rules/code_point_class_table.cpp), or
// null in the build step itself.
const std::vector<CodePointRange>* prebuilt_traditional_ranges_in_bmp();

class EventStore;  // code_point_events.cpp

// The classes an event is held with (none: it is not held). A kLatinImage
// character before one that stands for no byte (kBeforeNonImage) is held
// without that class unless it is a C1 control or a lead image
// (kLatinLeadImage): encoding/mojibake, the class's only reader, passes
// over such a character except while a run of dropped C1 bytes is open, and
// then reads the text for it (EventStarts, rules/encoding/mojibake_report.h).
// They are the curly quotes, dashes and ellipses before Han, nearly half the
// events of Chinese text: held, 20 MB of it kept 87,000 more events (1 MB,
// each page a fault on a first check) and every walk passed over them.
inline std::uint32_t held_classes(std::uint32_t classes, char32_t cp) {
  namespace cls = code_point_class;
  constexpr std::uint32_t kPassable = cls::kLatinImage | cls::kBeforeNonImage;
  if ((classes & (kPassable | cls::kLatinLeadImage)) != kPassable || (cp >= 0x80 && cp <= 0x9F)) return classes;
  classes &= ~cls::kLatinImage;
  return (classes & ~cls::kMarks) != 0 ? classes : 0;
}

// How a store holds an event: its classes in one list, and its place and
// code point packed into 8 bytes in another (begin: 39 bits, length: 3, code
// point: the top 22, all ones for utf8::kInvalid), 12 bytes an event instead
// of a ClassEvent's 16. A Chinese book has an event every hundred bytes, all
// held while its rules run: each page first written to costs a fault (some
// microseconds), and a walk testing its classes reads fewer cache lines.
namespace packed_event {
inline constexpr unsigned kLengthShift = 39;
inline constexpr unsigned kCodePointShift = 42;
inline constexpr std::uint64_t kBeginMask = (std::uint64_t{1} << kLengthShift) - 1;

// event.cp is at most U+10FFFF (below 2^21: bit 21 of the field clear) or
// utf8::kInvalid (-1 as a signed number): shifted as signed, the code point
// comes back from one arithmetic shift, kInvalid included. Texts are
// shorter than 2^39 bytes (the input limit is 2 GiB) and lengths at most 4.
inline std::uint64_t pack(const text::ClassEvent& event) {
  const auto code = static_cast<std::uint64_t>(static_cast<std::int64_t>(static_cast<std::int32_t>(event.cp)))
                    << kCodePointShift;
  return static_cast<std::uint64_t>(event.begin) | static_cast<std::uint64_t>(event.length) << kLengthShift | code;
}
inline std::size_t begin(std::uint64_t packed) { return static_cast<std::size_t>(packed & kBeginMask); }
inline text::ClassEvent unpack(std::uint32_t classes, std::uint64_t packed) {
  text::ClassEvent event;
  event.begin = packed & kBeginMask;
  event.length = (packed >> kLengthShift) & 7;
  event.classes = classes;
  event.cp = static_cast<char32_t>(static_cast<std::uint32_t>(static_cast<std::int64_t>(packed) >> kCodePointShift));
  return event;
}
}  // namespace packed_event

// Walks the events of some classes of the context's document, in text order.
// The first walk of a job scans the document; the others reuse the scan.
// When the context has a lockstep (a long document), the scan is made and
// held a window at a time: a walk that reaches the end of a full window
// waits there until every rule of the document has parked or finished, then
// the window is given to the next stretch of text. A walk that cannot follow
// (it fell behind, or starts over) scans on its own from where it is, also a
// window at a time. Either way it gives the events a scan of the whole
// document gives.
class EventWalk {
 public:
  // prose_only: skip code points that are masked in Document::prose().
  EventWalk(const CheckContext& context, std::uint32_t classes, bool prose_only);
  ~EventWalk();
  EventWalk(const EventWalk&) = delete;
  EventWalk& operator=(const EventWalk&) = delete;
  // The first event at or after pos of the walk's classes, or nullptr; valid
  // until the next call of this walk. Positions asked for never go back.
  const text::ClassEvent* next(std::size_t pos) {
    return next_unless(pos, [](const text::ClassEvent&) { return false; });
  }
  // The same, passing over (and past) the events for which passes(event)
  // is true, in one loop: a mojibake scan passes over most of its candidates
  // in Chinese text, and asking next() again for each cost a call and its
  // set-up each time.
  template <typename Passes>
  const text::ClassEvent* next_unless(std::size_t pos, Passes&& passes) {
    for (;;) {
      constexpr std::size_t block = kEventBlock;
      // An event of prose_only's walk must not be masked: one test of its classes.
      const std::uint32_t excluded = prose_only_ ? code_point_class::kNotProse : 0;
      std::size_t index = index_;
      const std::uint32_t block_needs = stops_in_ ? stops_in_ : classes_;
      while (index < size_) {
        // A block none of whose events is of the walk's classes is skipped
        // whole (the last one may grow: only what it has so far), and so is
        // one none of whose events can stop the walk (stop_only_in).
        if (index % block == 0 && (block_classes_[index / block] & block_needs) == 0) {
          index = std::min(index + block, size_);
          continue;
        }
        const std::size_t block_end = std::min(size_, (index / block + 1) * block);
        for (; index < block_end; ++index) {
          const std::uint32_t classes = event_classes_[index];
          if ((classes & classes_) == 0 || (classes & excluded) != 0) continue;
          const std::uint64_t packed = event_places_[index];
          if (packed_event::begin(packed) < pos) continue;
          const text::ClassEvent event = packed_event::unpack(classes, packed);
          if (passes(event)) {
            pos = event.end();
            continue;
          }
          index_ = index;
          current_ = event;
          return &current_;
        }
      }
      index_ = index;
      if (!more()) return nullptr;
    }
  }
  // From now on the caller passes over every event that has none of
  // classes (its passes() says so), until this is called again; 0: any
  // event may stop it. Blocks of events without them are then skipped
  // whole: with Chinese, nearly every block has a curly quote for
  // encoding/mojibake, few a lead image.
  void stop_only_in(std::uint32_t classes) { stops_in_ = classes; }
  // The starts of all the walk's events not visited yet.
  std::vector<std::size_t> starts();
  // Back to the first event, for another walk over the same classes.
  void restart();
  // Whether restart() is likely to scan the document again on its own: the
  // events are held a window at a time (a long document's walks in
  // lockstep) and a sample of the text finds more than a window holds.
  bool restart_may_scan() const;
  // Whether this walk scans on its own (it fell behind, or started over).
  bool scans_alone() const;

  // A document's events are held in blocks of this many, with the union of
  // each block's classes, so that a walk for rare classes skips whole blocks
  // instead of reading every event (a Chinese book has about one event every
  // hundred bytes, and some twenty rules walk them).
  static constexpr std::size_t kEventBlock = 64;

 private:
  friend class EventStore;
  // Makes more events available (those another walk scanned, the next
  // chunk, or a new window) and sees them; false at the end of the document.
  bool more();
  // Sees the store's events as they are now.
  void see();
  // Scans on its own from pos on (pos is the start of a code point).
  void go_alone(std::size_t pos);

  std::uint32_t classes_;
  std::uint32_t stops_in_ = 0;  // stop_only_in's classes, or 0
  bool prose_only_;
  Lockstep* lockstep_;
  std::shared_ptr<EventStore> held_;  // a scan of the context's memo, or the walk's own
  EventStore* store_ = nullptr;
  std::size_t generation_ = 0;  // of the store's window that index_ is in
  std::size_t index_ = 0;
  // The store's events as last seen (their storage never moves while a
  // window lasts; another walk may have added to them since): the classes
  // and the packed places of each (packed_event).
  const std::uint32_t* event_classes_ = nullptr;
  const std::uint64_t* event_places_ = nullptr;
  const std::uint32_t* block_classes_ = nullptr;
  std::size_t size_ = 0;
  text::ClassEvent current_;
};

}  // namespace tc
