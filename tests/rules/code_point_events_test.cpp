// The shared scan of a document whose prose is masked in places reads the
// prose between the masks and the text inside them; its events must be those
// a scan of the whole text finds, with the masked ones marked not prose.
// Held a window at a time (a long document's rules in lockstep), the walks
// must give the same events, marks included, however the windows fall: for
// a walk that keeps up, one that stops early, one that falls behind another
// walk of its task, one that starts over, and one that starts late.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <functional>
#include <random>
#include <string>
#include <tuple>
#include <vector>

#include "core/document.h"
#include "core/lockstep.h"
#include "core/settings.h"
#include "core/utf8.h"
#include "rules/code_point_events.h"
#include "support/test_support.h"

namespace tc {
namespace {

namespace cls = code_point_class;
using test::random_mask;
using test::random_text;

constexpr std::uint32_t kWalked = cls::kInvalid | cls::kControl | cls::kAmpersand | cls::kBackslash |
                                  cls::kCjkLetter | cls::kLatinImage | cls::kCjkGate | cls::kUnusualSpace;
// The same but kLatinImage, some of whose images are not held (held_classes):
// the walks of these classes give every code point of them.
constexpr std::uint32_t kDecoded = kWalked & ~cls::kLatinImage;

// What a walk gives of an event: where it starts and ends, and its code point.
using Walked = std::tuple<std::size_t, std::size_t, char32_t>;

// The events a walk must give: a plain decode of the text, the classes of
// each code point, and for prose_only the masked code points left out.
std::vector<Walked> plain_events(const Document& doc, bool prose_only) {
  std::vector<Walked> events;
  for (std::size_t pos = 0; pos < doc.text.size();) {
    const std::size_t begin = pos;
    const char32_t cp = utf8::next(doc.text, pos);
    const std::uint32_t classes = cp == utf8::kInvalid ? cls::kInvalid : code_point_classes(cp);
    if ((classes & kDecoded) == 0) continue;
    bool masked = false;
    for (std::size_t i = begin; i < pos; ++i) masked = masked || doc.is_masked(i);
    if (prose_only && masked) continue;
    events.emplace_back(begin, pos, cp);
  }
  return events;
}

std::vector<Walked> walked_events(const Document& doc, bool prose_only) {
  const RuleOptions options;
  const CheckContext context{doc, nullptr, nullptr, nullptr, nullptr, options};
  EventWalk walk(context, kDecoded, prose_only);
  std::vector<Walked> events;
  for (std::size_t pos = 0; const text::ClassEvent* event = walk.next(pos); pos = event->end())
    events.emplace_back(event->begin, event->end(), event->cp);
  return events;
}

// Pieces of English and Chinese text, with what the walk looks for: ASCII
// marks, rare and common ideographs, Latin-1, ill-formed bytes, a literal
// mask byte (U+001A, a control character), a no-break space and the last
// code point (the largest a store packs).
const std::vector<std::string> kPieces{
    "word ", "the ", "\n", "&", "\\", "\x1A", "\x07", "caf\xC3\xA9 ", "\xC2\xA0", "\xE4\xB8\xAD\xE6\x96\x87",
    "\xE7\x90\xA6", "\xE6\xB7\xBC", "\xE3\x80\x82", "\xEF\xBC\x8C", "\xE2\x80\x9C", "\xF0\x9F\x98\x80", "\xE4\xB8",
    "\xFF", "\x80", "\xE9\x94\x9F\xE6\x96\xA4\xE6\x8B\xB7", "\xF4\x8F\xBF\xBF" /* U+10FFFF */};


void expect_walks_as_plain_decode(std::size_t pieces, int rounds, unsigned seed) {
  std::mt19937 rng(seed);
  for (int round = 0; round < rounds; ++round) {
    Document doc;
    doc.lang = Lang::en;
    doc.text = random_text(rng, pieces, kPieces);
    doc.masked = random_mask(doc.text, rng, round % 4 != 0, 5, 40);
    for (const bool prose_only : {false, true})
      ASSERT_EQ(walked_events(doc, prose_only), plain_events(doc, prose_only))
          << "round " << round << (prose_only ? " prose only" : " all");
  }
}

// Every field of an event: where, its code point and all its class bits
// (kNotProse and kBeforeNonImage included).
using FullEvent = std::tuple<std::size_t, std::size_t, char32_t, std::uint32_t>;

std::vector<FullEvent> take(EventWalk& walk, std::size_t most = SIZE_MAX) {
  std::vector<FullEvent> events;
  for (std::size_t pos = 0; events.size() < most;) {
    const text::ClassEvent* event = walk.next(pos);
    if (!event) break;
    events.emplace_back(event->begin, event->end(), event->cp, event->classes);
    pos = event->end();
  }
  return events;
}

// The walks of a job in lockstep, each kind in a task of its own.
struct LockstepWalks {
  std::vector<FullEvent> whole, early, leader, laggard, first_pass, second_pass, late;
};

// Two walks of one task: the leader takes three events for each one the laggard takes.
void walk_leader_and_laggard(EventWalk& leader, EventWalk& laggard, LockstepWalks& walks) {
  std::size_t leader_pos = 0, laggard_pos = 0;
  for (bool leader_done = false, laggard_done = false; !leader_done || !laggard_done;) {
    for (int k = 0; k < 3 && !leader_done; ++k) {
      const text::ClassEvent* event = leader.next(leader_pos);
      if (!event) leader_done = true;
      else {
        walks.leader.emplace_back(event->begin, event->end(), event->cp, event->classes);
        leader_pos = event->end();
      }
    }
    if (laggard_done) continue;
    const text::ClassEvent* event = laggard.next(laggard_pos);
    if (!event) laggard_done = true;
    else {
      walks.laggard.emplace_back(event->begin, event->end(), event->cp, event->classes);
      laggard_pos = event->end();
    }
  }
}

LockstepWalks walk_in_lockstep(const Document& doc, bool prose_only, const EventWindowing& windowing,
                               std::size_t max_threads) {
  const RuleOptions options;
  JobMemo memo;
  LockstepWalks walks;
  auto context_of = [&](Lockstep& lockstep) {
    CheckContext context{doc, nullptr, nullptr, nullptr, nullptr, options, Role::single, &memo};
    context.lockstep = &lockstep;
    context.event_windowing = &windowing;
    return context;
  };
  std::vector<std::function<void(Lockstep&)>> tasks;
  tasks.emplace_back([&](Lockstep& lockstep) {
    EventWalk walk(context_of(lockstep), kWalked, prose_only);
    walks.whole = take(walk);
  });
  tasks.emplace_back([&](Lockstep& lockstep) {
    EventWalk walk(context_of(lockstep), kWalked, prose_only);
    walks.early = take(walk, 3);
  });
  // Two walks of one task, the second falling behind the first.
  tasks.emplace_back([&](Lockstep& lockstep) {
    EventWalk leader(context_of(lockstep), kWalked, prose_only);
    EventWalk laggard(context_of(lockstep), kWalked, prose_only);
    walk_leader_and_laggard(leader, laggard, walks);
  });
  tasks.emplace_back([&](Lockstep& lockstep) {
    EventWalk walk(context_of(lockstep), kWalked, prose_only);
    walks.first_pass = take(walk);
    walk.restart();
    walks.second_pass = take(walk);
  });
  // A walk made after the windows moved on.
  tasks.emplace_back([&](Lockstep& lockstep) {
    {
      EventWalk walk(context_of(lockstep), kWalked, prose_only);
      take(walk);
    }
    EventWalk late(context_of(lockstep), kWalked, prose_only);
    walks.late = take(late);
  });
  run_in_lockstep(std::move(tasks), max_threads);
  return walks;
}

// The same walk over the whole document's events, scanned at once.
std::vector<FullEvent> walk_whole(const Document& doc, bool prose_only) {
  const RuleOptions options;
  const CheckContext context{doc, nullptr, nullptr, nullptr, nullptr, options};
  EventWalk walk(context, kWalked, prose_only);
  return take(walk);
}

void expect_windows_walk_as_the_whole(std::size_t pieces, int rounds, unsigned seed, const std::vector<std::size_t>& chunks,
                                      const std::vector<std::size_t>& windows,
                                      std::size_t max_threads = static_cast<std::size_t>(-1),
                                      std::size_t most_mask_spans = 5) {
  std::mt19937 rng(seed);
  for (int round = 0; round < rounds; ++round) {
    Document doc;
    doc.lang = round % 3 == 0 ? Lang::zh : Lang::en;
    doc.text = random_text(rng, pieces, kPieces);
    doc.masked = random_mask(doc.text, rng, round % 4 != 0, most_mask_spans, 40);
    EventWindowing windowing;
    windowing.chunk_bytes = chunks[rng() % chunks.size()];
    windowing.window_events = windows[rng() % windows.size()];
    windowing.bytes_per_event = 0;
    for (const bool prose_only : {false, true}) {
      const std::vector<FullEvent> whole = walk_whole(doc, prose_only);
      const LockstepWalks walks = walk_in_lockstep(doc, prose_only, windowing, max_threads);
      const std::string where = "round " + std::to_string(round) + ", chunk " + std::to_string(windowing.chunk_bytes) +
                                ", window " + std::to_string(windowing.window_events) +
                                (prose_only ? ", prose only" : ", all") + ", threads " + std::to_string(max_threads);
      ASSERT_EQ(walks.whole, whole) << where;
      ASSERT_EQ(walks.early, std::vector<FullEvent>(whole.begin(), whole.begin() + std::min<std::size_t>(3, whole.size())))
          << where;
      ASSERT_EQ(walks.leader, whole) << where;
      ASSERT_EQ(walks.laggard, whole) << where;
      ASSERT_EQ(walks.first_pass, whole) << where;
      ASSERT_EQ(walks.second_pass, whole) << where;
      ASSERT_EQ(walks.late, whole) << where;
    }
  }
}

TEST(CodePointEvents, WalksInLockstepOverSmallWindowsGiveTheWholeScansEvents) {
  expect_windows_walk_as_the_whole(60, 150, 5, {1, 2, 3, 5, 8, 13, 64}, {1, 2, 3, 7});
}

TEST(CodePointEvents, WalksInLockstepOverWindowsOfALongDocumentGiveTheWholeScansEvents) {
  expect_windows_walk_as_the_whole(3000, 8, 6, {64, 300, 1000}, {16, 100});
}

// Walks whose task cannot park (no thread left for it) go on alone.
TEST(CodePointEvents, WalksInLockstepWithFewThreadsGiveTheWholeScansEvents) {
  for (const std::size_t threads : {0, 1, 2, 3})
    expect_windows_walk_as_the_whole(300, 20, 7 + static_cast<unsigned>(threads), {1, 5, 64}, {2, 7}, threads);
}

// A long document's scan lists its runs of mask bytes once when there are
// few (one per 64 bytes at most) and finds each window's in the list; with
// more it looks for them in the prose of each stretch, as before.
TEST(CodePointEvents, WalksInLockstepOverADocumentWithManyMaskedRunsGiveTheWholeScansEvents) {
  expect_windows_walk_as_the_whole(300, 30, 8, {1, 5, 64}, {2, 7}, static_cast<std::size_t>(-1), 200);
}

TEST(CodePointEvents, AShortMaskedDocumentWalksAsAPlainDecodeOfItsText) {
  expect_walks_as_plain_decode(60, 1500, 3);
}

// Long enough for the wanted bits and the run loops of the scan.
TEST(CodePointEvents, ALongMaskedDocumentWalksAsAPlainDecodeOfItsText) {
  expect_walks_as_plain_decode(6000, 12, 4);
}

// Longer than the chunk a document held whole is scanned and packed by
// (64 KB), with no lockstep: the walk reads the whole document's store.
TEST(CodePointEvents, ADocumentScannedChunkByChunkWalksAsAPlainDecodeOfItsText) {
  expect_walks_as_plain_decode(40000, 4, 11);
}

// cut() takes a chunk up to three continuation bytes past chunk_bytes, each
// a stray byte's event: a window's room must hold them too, or its events
// move while the laggard walk of a task (reading behind its leader) still
// reads them where they were.
TEST(CodePointEvents, WalksInLockstepOverStrayContinuationBytesGiveTheWholeScansEvents) {
  for (const std::string& text : {std::string(300, '\x80'), std::string(150, '\x01') + std::string(150, '\x80')})
    for (const std::size_t chunk : {1, 2, 4, 8})
      for (std::size_t window = 1; window <= 12; ++window) {
        Document doc;
        doc.lang = Lang::en;
        doc.text = text;
        EventWindowing windowing;
        windowing.chunk_bytes = chunk;
        windowing.window_events = window;
        windowing.bytes_per_event = 0;
        // The leader and laggard alone, so that the leader scans each chunk.
        const RuleOptions options;
        JobMemo memo;
        LockstepWalks walks;
        std::vector<std::function<void(Lockstep&)>> tasks;
        tasks.emplace_back([&](Lockstep& lockstep) {
          CheckContext context{doc, nullptr, nullptr, nullptr, nullptr, options, Role::single, &memo};
          context.lockstep = &lockstep;
          context.event_windowing = &windowing;
          EventWalk leader(context, kWalked, false);
          EventWalk laggard(context, kWalked, false);
          walk_leader_and_laggard(leader, laggard, walks);
        });
        run_in_lockstep(std::move(tasks));
        const std::vector<FullEvent> whole = walk_whole(doc, false);
        ASSERT_EQ(walks.leader, whole) << "chunk " << chunk << ", window " << window;
        ASSERT_EQ(walks.laggard, whole) << "chunk " << chunk << ", window " << window;
      }
}

// A store packs an event's place and code point into 8 bytes: every begin a
// document can have, every length, every code point and the ill-formed one
// come back as they went in.
TEST(CodePointEvents, PackedEventsKeepPlaceLengthCodePointAndClasses) {
  for (const std::size_t begin : {std::size_t{0}, std::size_t{1} << 32, (std::size_t{1} << 39) - 1})
    for (const std::uint32_t length : {1u, 3u, 4u})
      for (const char32_t cp : {char32_t{0}, char32_t{0x80}, char32_t{0x10000}, char32_t{0xFFFFF}, char32_t{0x100000}, char32_t{0x10FFFF}, utf8::kInvalid}) {
        text::ClassEvent event;
        event.begin = begin;
        event.length = length;
        event.classes = cls::kInvalid | cls::kNotProse | cls::kBeforeNonImage;
        event.cp = cp;
        const text::ClassEvent back = packed_event::unpack(event.classes, packed_event::pack(event));
        EXPECT_EQ(back.begin, event.begin);
        EXPECT_EQ(back.length, event.length);
        EXPECT_EQ(back.cp, event.cp);
        EXPECT_EQ(back.classes, event.classes);
        EXPECT_EQ(packed_event::begin(packed_event::pack(event)), begin);
      }
}

}  // namespace
}  // namespace tc
