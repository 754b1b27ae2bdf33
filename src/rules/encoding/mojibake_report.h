#pragma once
// Shared reporting of the two mojibake rules: one finding per hit, with the
// recovered text as the fix when there is one.
#include <algorithm>
#include <cstdint>
#include <string_view>
#include <vector>

#include "core/rule.h"
#include "core/utf8.h"
#include "rules/code_point_events.h"
#include "rules/encoding/mojibake_scan.h"

namespace tc {

namespace mojibake {
// A span standing exactly between quotation marks is quoted, as in a
// sentence about mojibake ("such as “Ã©” for “é”"), not garble.
inline bool is_quoted(std::string_view text, std::size_t begin, std::size_t end) {
  if (begin == 0 || end >= text.size()) return false;
  std::size_t before_pos = begin;
  const char32_t open = utf8::previous(text, before_pos);
  const char32_t close = utf8::at(text, end);
  switch (open) {
    case U'“': return close == U'”';
    case U'‘': return close == U'’';
    case U'「': return close == U'」';
    case U'『': return close == U'』';
    case U'«': return close == U'»';
    case U'"': case U'\'': case U'`': return close == open;
    default: return false;
  }
}
}  // namespace mojibake

// The starts of the shared scan's events of some classes, read as a
// mojibake scan needs them instead of listed first (in a file of mojibake
// every other character is one).
class EventStarts final : public mojibake::StartCursor {
 public:
  EventStarts(const CheckContext& context, std::uint32_t classes)
      : walk_(context, classes, /*prose_only=*/true),
        prose_(context.doc.prose()),
        end_(prose_.size()),
        reads_passed_images_((classes & code_point_class::kLatinImage) != 0),
        most_kept_(std::max<std::size_t>(kMostKeptFloor, context.doc.text.size() / kBytesPerKept)) {
    choose_reading();
  }
  // Inlined where the cursor's type is known (find_cjk_mojibake's scanner
  // asks for each of the ~57,000 gates of 20 MB of Chinese: a call and its
  // set-up each time).
  [[gnu::always_inline]] std::size_t next(std::size_t pos) override {
    const text::ClassEvent* event;
    if (reading_ == Reading::every) [[likely]]
      event = walk_.next(pos);
    else if (reading_ == Reading::passing_by)
      event = walk_.next_unless(pos, [this](const text::ClassEvent& e) { return passes_by(e); });
    else
      return next_otherwise(pos);
    if (!event) return end_;
    last_ = event;
    return event->begin;
  }
  void restart() override {
    last_ = nullptr;
    passable_ = Passable::none;
    if (mode_ == Mode::keeping && kept_all_) mode_ = Mode::replaying;
    if (mode_ == Mode::replaying) {
      kept_index_ = 0;
    } else {
      walk_.restart();
      walk_.stop_only_in(0);
      if (mode_ == Mode::keeping) start_keeping();
    }
    choose_reading();
  }
  void pass_by(Passable passable) override {
    passable_ = passable;
    // Every event but a lead image U+00E2-U+00EF is passed by then (passes_by);
    // not while keeping, which looks at every event.
    walk_.stop_only_in(passable == Passable::non_leads && mode_ == Mode::walking ? code_point_class::kLatinLeadImage : 0);
    choose_reading();
  }
  void keep_for_restart(Passable again) override {
    // The whole document's events are held, or fit in a window: restart() reads them again.
    if (!walk_.restart_may_scan() || mode_ != Mode::walking) return;
    mode_ = Mode::keeping;
    again_ = again;
    walk_.stop_only_in(0);
    start_keeping();
    choose_reading();
  }
  std::uint8_t cjk_marks() const override {
    if (!last_) return 0;
    namespace cls = code_point_class;
    const std::uint32_t classes = last_->classes;
    std::uint8_t marks = kMarksKnown;
    if (classes & (cls::kCjkGate | cls::kInvalid)) marks |= kMarkGate;
    if (classes & cls::kCjkOdd) marks |= kMarkOdd;
    if (classes & (cls::kCjkLoud | cls::kInvalid)) marks |= kMarkLoud;
    if (classes & cls::kCjkUtf8Start) marks |= kMarkUtf8Start;
    return marks;
  }
  // A prose event's bytes are prose: its code point is what decoding prose there gives.
  bool known_code_point(char32_t& cp, std::size_t& end) const override {
    if (!last_) return false;
    cp = last_->cp;
    end = last_->end();
    return true;
  }
  // Whether the starts are read again from what was kept (keep_for_restart), not from the walk.
  bool replaying() const { return mode_ == Mode::replaying; }

 private:
  // walking: from the walk; keeping: from the walk, keeping what a reading
  // passing by again_ stops at; replaying: from what was kept.
  enum class Mode : std::uint8_t { walking, keeping, replaying };
  // How next() reads, chosen when the mode or passable_ changes, so that it
  // tests one thing (find_cjk_mojibake calls it for each of its gates):
  // every event of the walk, the walk's events passing by some, or otherwise
  // (next_otherwise: keeping, replaying, or Latin images read from the text).
  enum class Reading : std::uint8_t { every, passing_by, otherwise };
  void choose_reading() {
    if (mode_ != Mode::walking || (passable_ == Passable::none && reads_passed_images_))
      reading_ = Reading::otherwise;
    else
      reading_ = passable_ == Passable::none ? Reading::every : Reading::passing_by;
  }
  std::size_t next_otherwise(std::size_t pos) {
    if (mode_ == Mode::keeping) return next_keeping(pos);
    if (mode_ == Mode::replaying) return next_kept(pos);
    // Walking with nothing passed by: the images not held are read from the text.
    const text::ClassEvent* event = image_not_held_before(pos, walk_.next(pos));
    if (!event) return end_;
    last_ = event;
    return event->begin;
  }
  // At most this many events are kept (12 bytes each), or one for every
  // kBytesPerKept bytes of the text if more; past that (a file of mojibake
  // has a candidate every other character) the cursor walks again instead.
  // 20 MB of Chinese keeps some 20,000 of its 200,000 events.
  static constexpr std::size_t kMostKeptFloor = 1 << 16;
  static constexpr std::size_t kBytesPerKept = 64;

  // Most candidates of Chinese text are curly quotes and dashes before Han
  // or a line end; looking at each read the text again, a cache miss each.
  static bool passes(const text::ClassEvent& event, Passable passable) {
    const char32_t cp = event.cp;
    switch (passable) {
      case Passable::none: return false;
      case Passable::before_non_image:
        return (event.classes & code_point_class::kBeforeNonImage) != 0 && !(cp >= 0x80 && cp <= 0x9F);
      case Passable::non_leads: return !(cp >= 0xE2 && cp <= 0xEF);
    }
    return false;
  }
  bool passes_by(const text::ClassEvent& event) const { return passes(event, passable_); }

  // The first character of the Latin images in [pos, the start of event) of
  // the prose that the events do not hold (held_classes), or else event:
  // with nothing passed by, a walk of kLatinImage stops at every image.
  // Only read while a run of dropped C1 bytes is open, up to the next image
  // held: a stretch of text read at most once.
  const text::ClassEvent* image_not_held_before(std::size_t pos, const text::ClassEvent* event) {
    const std::size_t until = event ? event->begin : end_;
    for (std::size_t at = pos;;) {
      // Only a character of U+0080-U+2FFF or from U+F000 on can be an image.
      at = text::find_image_lead(prose_, at, until);
      if (at >= until) break;
      const std::size_t begin = at;
      const char32_t cp = utf8::next(prose_, at);
      if (cp == utf8::kInvalid || !mojibake::may_start_latin_mojibake(cp)) continue;
      image_event_.begin = begin;
      image_event_.length = static_cast<decltype(image_event_.length)>(at - begin);
      image_event_.cp = cp;
      image_event_.classes = code_point_class::kLatinImage | code_point_class::kBeforeNonImage;
      return &image_event_;
    }
    return event;
  }

  void start_keeping() {
    kept_places_.clear();
    kept_classes_.clear();
    kept_all_ = false;
    seen_to_ = 0;
  }
  // Keeping given up: back to walking, the kept events given back.
  void stop_keeping() {
    mode_ = Mode::walking;
    choose_reading();
    std::vector<std::uint64_t>().swap(kept_places_);
    std::vector<std::uint32_t>().swap(kept_classes_);
    pass_by(passable_);
  }
  std::size_t next_keeping(std::size_t pos) {
    // A start passed over unasked would be missing from what is kept.
    if (pos > seen_to_) {
      stop_keeping();
      return next(pos);
    }
    bool too_many = false;
    const text::ClassEvent* event = walk_.next_unless(pos, [&](const text::ClassEvent& e) {
      if (!passes(e, again_)) {
        kept_places_.push_back(packed_event::pack(e));
        kept_classes_.push_back(e.classes);
        too_many = too_many || kept_places_.size() > most_kept_;
      }
      return passes_by(e);
    });
    // What is read from the text here is passed over by any way of passing by: not kept.
    if (passable_ == Passable::none && reads_passed_images_) event = image_not_held_before(pos, event);
    if (too_many) {
      const std::size_t at = event ? event->begin : end_;
      stop_keeping();
      last_ = event;
      if (event) return at;
      return end_;
    }
    if (!event) {
      kept_all_ = true;
      last_ = nullptr;
      return end_;
    }
    seen_to_ = event->end();
    last_ = event;
    return event->begin;
  }
  std::size_t next_kept(std::size_t pos) {
    // Kept for another way of passing by: the walk reads them again.
    if (passable_ != again_) {
      stop_keeping();
      walk_.restart();
      pass_by(passable_);
      return next(pos);
    }
    while (kept_index_ < kept_places_.size() && packed_event::begin(kept_places_[kept_index_]) < pos) ++kept_index_;
    if (kept_index_ == kept_places_.size()) {
      last_ = nullptr;
      return end_;
    }
    kept_event_ = packed_event::unpack(kept_classes_[kept_index_], kept_places_[kept_index_]);
    last_ = &kept_event_;
    return kept_event_.begin;
  }

  EventWalk walk_;
  std::string_view prose_;
  std::size_t end_;
  bool reads_passed_images_;  // a walk of kLatinImage: some of its images are not held (held_classes)
  text::ClassEvent image_event_;  // one of them, read from the text
  std::size_t most_kept_;
  const text::ClassEvent* last_ = nullptr;  // the start returned last
  Passable passable_ = Passable::none;
  Mode mode_ = Mode::walking;
  Reading reading_ = Reading::every;
  Passable again_ = Passable::none;  // how the reading after restart() passes by (keeping, replaying)
  bool kept_all_ = false;            // keeping: the walk reached the end
  std::size_t seen_to_ = 0;          // keeping: the end of the start returned last
  std::vector<std::uint64_t> kept_places_;  // packed_event
  std::vector<std::uint32_t> kept_classes_;
  std::size_t kept_index_ = 0;  // replaying: the next kept event
  text::ClassEvent kept_event_;
};

class MojibakeRuleBase : public Rule {
 protected:
  void report(const Document& doc, std::vector<mojibake::Hit> hits, FindingSink& out) const {
    for (mojibake::Hit& hit : hits) report_one(doc, std::move(hit), out);
  }
  void report_one(const Document& doc, mojibake::Hit&& hit, FindingSink& out) const {
    if (mojibake::is_quoted(doc.text, hit.begin, hit.end)) return;
    const std::string_view written = std::string_view(doc.text).substr(hit.begin, hit.end - hit.begin);
    Finding finding = make_finding(doc, {hit.begin, hit.end}, mojibake::message_for(hit, written));
    // Recovered exactly: a safe fix (a BOM image's fix removes it).
    if (hit.recovered) finding.fix = Fix({Edit{kFindingSpan, std::move(*hit.recovered)}}, Applicability::safe);
    out.push_back(std::move(finding));
  }
};

}  // namespace tc
