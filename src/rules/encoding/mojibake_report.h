#pragma once
// Shared reporting of the two mojibake rules: one finding per hit, with the
// recovered text as the fix when there is one.
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
      : walk_(context, classes, /*prose_only=*/true), end_(context.doc.prose().size()) {}
  // Inlined where the cursor's type is known (find_cjk_mojibake's scanner
  // asks for each of the ~57,000 gates of 20 MB of Chinese: a call and its
  // set-up each time).
  [[gnu::always_inline]] std::size_t next(std::size_t pos) override {
    const text::ClassEvent* event =
        passable_ == Passable::none ? walk_.next(pos)
                                   : walk_.next_unless(pos, [this](const text::ClassEvent& e) { return passes_by(e); });
    if (!event) return end_;
    last_ = event;
    return event->begin;
  }
  void restart() override {
    walk_.restart();
    last_ = nullptr;
    passable_ = Passable::none;
    walk_.stop_only_in(0);
  }
  void pass_by(Passable passable) override {
    passable_ = passable;
    // Every event but a lead image U+00E2-U+00EF is passed by then (passes_by).
    walk_.stop_only_in(passable == Passable::non_leads ? code_point_class::kLatinLeadImage : 0);
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

 private:
  // Most candidates of Chinese text are curly quotes and dashes before Han
  // or a line end; looking at each read the text again, a cache miss each.
  bool passes_by(const text::ClassEvent& event) const {
    const char32_t cp = event.cp;
    switch (passable_) {
      case Passable::none: return false;
      case Passable::before_non_image:
        return (event.classes & code_point_class::kBeforeNonImage) != 0 && !(cp >= 0x80 && cp <= 0x9F);
      case Passable::non_leads: return !(cp >= 0xE2 && cp <= 0xEF);
    }
    return false;
  }

  EventWalk walk_;
  std::size_t end_;
  const text::ClassEvent* last_ = nullptr;  // the start returned last
  Passable passable_ = Passable::none;
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
