// encoding/mojibake reads the Latin images of a document through EventStarts
// (rules/encoding/mojibake_report.h). The events do not hold the images
// before a character that stands for no byte (held_classes), which every
// reading passes by but one with nothing passed by: that reading must still
// give every image of the prose, read from the text, and a first reading that
// keeps for a second (keep_for_restart) must give that second reading the
// starts it would get from the walk, without scanning the document again.
#include <gtest/gtest.h>

#include <functional>
#include <random>
#include <string>
#include <vector>

#include "core/document.h"
#include "core/lockstep.h"
#include "core/settings.h"
#include "core/utf8.h"
#include "rules/code_point_events.h"
#include "rules/encoding/mojibake_report.h"
#include "rules/encoding/mojibake_scan.h"
#include "support/test_support.h"

namespace tc {
namespace {

namespace cls = code_point_class;
using Passable = mojibake::StartCursor::Passable;
using test::random_mask;
using test::random_text;

struct Start {
  std::size_t begin = 0, end = 0;
  char32_t cp = 0;
  friend bool operator==(const Start&, const Start&) = default;
};

std::ostream& operator<<(std::ostream& os, const Start& s) {
  return os << "[" << s.begin << ", " << s.end << ") U+" << std::hex << static_cast<std::uint32_t>(s.cp) << std::dec;
}

// Every start, each asked for from the end of the one before, as the mojibake scans ask.
std::vector<Start> read_all(EventStarts& starts, Passable passable, std::size_t size) {
  starts.pass_by(passable);
  std::vector<Start> out;
  for (std::size_t pos = 0;;) {
    const std::size_t at = starts.next(pos);
    if (at >= size) break;
    Start start;
    start.begin = at;
    EXPECT_TRUE(starts.known_code_point(start.cp, start.end));
    out.push_back(start);
    pos = start.end;
  }
  return out;
}

// The Latin images of the prose: a plain decode of the text, masked code points left out.
std::vector<Start> plain_images(const Document& doc) {
  std::vector<Start> out;
  for (std::size_t pos = 0; pos < doc.text.size();) {
    const std::size_t begin = pos;
    const char32_t cp = utf8::next(doc.text, pos);
    if (cp == utf8::kInvalid || !mojibake::may_start_latin_mojibake(cp)) continue;
    bool masked = false;
    for (std::size_t i = begin; i < pos; ++i) masked = masked || doc.is_masked(i);
    if (!masked) out.push_back({begin, pos, cp});
  }
  return out;
}

TEST(EventStarts, AnImageBeforeANonImageIsNotHeldButAReadingPassingByNothingGetsIt) {
  // “ before Han, ” before a letter: not held; é (a lead image) and the C1
  // control U+0081 before a letter, and — before a space: held.
  const std::string text = "x\xE2\x80\x9C\xE4\xB8\xAD\xE2\x80\x9Dy \xC3\xA9t \xC2\x81z \xE2\x80\x94 end";
  const Document doc = test::make_doc(text, Lang::en);
  const RuleOptions options;
  const CheckContext context{doc, nullptr, nullptr, nullptr, nullptr, options};
  EventWalk walk(context, cls::kLatinImage, /*prose_only=*/true);
  std::vector<std::size_t> held;
  for (std::size_t pos = 0; const text::ClassEvent* event = walk.next(pos); pos = event->end()) held.push_back(event->begin);
  const std::size_t e_acute = text.find("\xC3\xA9"), c1 = text.find("\xC2\x81"), dash = text.find("\xE2\x80\x94");
  EXPECT_EQ(held, (std::vector<std::size_t>{e_acute, c1, dash}));

  EventStarts starts(context, cls::kLatinImage);
  EXPECT_EQ(read_all(starts, Passable::none, text.size()), plain_images(doc));
  starts.restart();
  const std::vector<Start> stopped = read_all(starts, Passable::before_non_image, text.size());
  EXPECT_EQ(stopped, (std::vector<Start>{{c1, c1 + 2, 0x81}, {dash, dash + 3, 0x2014}}));
}

// Pieces of text with what the starts look for (Latin images, dashes, C1 bytes, Han, ill-formed bytes, the mask byte).
const std::vector<std::string> kPieces{
    "a", "word ", " ", "?", "\n", "\xE2\x80\x9C", "\xE2\x80\x9D", "\xE2\x80\x94", "\xE2\x80\xA6", "\xC2\x81",
    "\xC3\xA2", "\xC3\xA9", "\xC3\x83", "\xC2\xA9", "\xE4\xB8\xAD", "\xE3\x80\x82", "\xEF\xBC\x8C", "\xE4\xB8",
    "\xFF", "\x1A", "\xF0\x9F\x98\x80"};


// What the readings give: passing by nothing, then (restarted) as encoding/mojibake's second visit.
struct Readings {
  std::vector<Start> nothing_passed, second;
  bool replayed = false;
};

Readings read_twice(const CheckContext& context, std::size_t size) {
  EventStarts starts(context, cls::kLatinImage);
  starts.keep_for_restart(Passable::before_non_image);
  starts.restart();
  Readings readings;
  readings.nothing_passed = read_all(starts, Passable::none, size);
  starts.restart();
  readings.second = read_all(starts, Passable::before_non_image, size);
  readings.replayed = starts.replaying();
  return readings;
}

TEST(EventStarts, ReadingsOverWindowsGiveEveryImageAndTheSecondReadingReadsWhatTheFirstKept) {
  std::mt19937 rng(17);
  for (int round = 0; round < 120; ++round) {
    Document doc;
    doc.lang = round % 2 ? Lang::zh : Lang::en;
    doc.text = random_text(rng, 40 + rng() % 200, kPieces);
    doc.masked = random_mask(doc.text, rng, round % 3 != 0, 5, 30);
    const RuleOptions options;
    const CheckContext whole{doc, nullptr, nullptr, nullptr, nullptr, options};
    const Readings expected = read_twice(whole, doc.text.size());
    ASSERT_EQ(expected.nothing_passed, plain_images(doc)) << "round " << round;
    EXPECT_FALSE(expected.replayed);  // the whole document's events are held: nothing to keep

    EventWindowing windowing;
    windowing.chunk_bytes = 1 + rng() % 24;
    windowing.window_events = 1 + rng() % 6;
    windowing.bytes_per_event = 0;
    Readings windowed;
    JobMemo memo;
    std::vector<std::function<void(Lockstep&)>> tasks;
    tasks.emplace_back([&](Lockstep& lockstep) {
      CheckContext context{doc, nullptr, nullptr, nullptr, nullptr, options, Role::single, &memo};
      context.lockstep = &lockstep;
      context.event_windowing = &windowing;
      windowed = read_twice(context, doc.text.size());
    });
    run_in_lockstep(std::move(tasks));
    const std::string where = "round " + std::to_string(round) + ", chunk " + std::to_string(windowing.chunk_bytes) +
                              ", window " + std::to_string(windowing.window_events);
    ASSERT_EQ(windowed.nothing_passed, expected.nothing_passed) << where;
    ASSERT_EQ(windowed.second, expected.second) << where;
    EXPECT_TRUE(windowed.replayed) << where;
  }
}

}  // namespace
}  // namespace tc
