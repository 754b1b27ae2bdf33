#include "text/class_scan.h"

#include <gtest/gtest.h>

#include <array>
#include <random>
#include <string>
#include <tuple>
#include <vector>

#include "core/utf8.h"

namespace tc::text {
namespace {

constexpr std::uint32_t kAmpersand = 1u << 0;
constexpr std::uint32_t kControl = 1u << 1;    // C0 but TAB, LF and CR
constexpr std::uint32_t kWide = 1u << 2;       // U+3000 and up
constexpr std::uint32_t kLatin = 1u << 3;      // U+0080-U+024F
constexpr std::uint32_t kIllFormed = 1u << 4;
constexpr std::uint32_t kBeyond = 1u << 5;     // U+10000 and up
constexpr std::uint32_t kSomeHan = 1u << 6;    // one CJK ideograph in five: wanted inside runs of ordinary ones
constexpr std::uint32_t kMarked = 1u << 7;  // not a class: the mark of an event by its next byte

// Next bytes that mark an event: a few ASCII ones and the lead bytes E3-E9.
constexpr std::array<bool, 256> kMarkingBytes = [] {
  std::array<bool, 256> bytes{};
  for (const unsigned b : {0x0Au, 0x61u, 0x26u, 0x80u}) bytes[b] = true;  // LF, 'a', '&', a continuation byte
  for (unsigned b = 0xE3; b <= 0xE9; ++b) bytes[b] = true;
  return bytes;
}();

std::uint32_t classes_of(char32_t cp) {
  std::uint32_t classes = 0;
  if (cp == '&') classes |= kAmpersand;
  if (cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r') classes |= kControl;
  if (cp >= 0x3000) classes |= kWide;
  if (cp >= 0x80 && cp <= 0x24F) classes |= kLatin;
  if (cp >= 0x10000) classes |= kBeyond;
  if (cp >= 0x4E00 && cp <= 0x9FFF && cp % 5 == 0) classes |= kSomeHan;
  return classes;
}

const ClassTable& test_table() {
  static const std::vector<std::uint32_t> kBmp = [] {
    std::vector<std::uint32_t> bmp(0x10000);
    for (char32_t cp = 0; cp < 0x10000; ++cp) bmp[cp] = classes_of(cp);
    return bmp;
  }();
  static const ClassTable kTable{kBmp.data(), [](char32_t cp) { return classes_of(cp); }, kIllFormed};
  return kTable;
}

// What the scan must report: a plain decode of every code point, and with a
// mark, that mark on the events whose next byte is one of kMarkingBytes.
std::vector<ClassEvent> plain_events(std::string_view text, std::uint32_t wanted, std::uint32_t mark = 0) {
  std::vector<ClassEvent> events;
  for (std::size_t pos = 0; pos < text.size();) {
    const std::size_t begin = pos;
    const char32_t cp = utf8::next(text, pos);
    std::uint32_t classes = cp == utf8::kInvalid ? kIllFormed : classes_of(cp);
    if ((classes & wanted) == 0) continue;
    if (pos < text.size() && kMarkingBytes[static_cast<unsigned char>(text[pos])]) classes |= mark;
    events.push_back({begin, static_cast<std::uint32_t>(pos - begin), classes, cp});
  }
  return events;
}

// Every instruction set reports, for each wanted set, what plain_events does,
// with the events marked by their next byte or not.
void expect_plain_decode_events(const std::string& text, const std::vector<std::uint32_t>& wanted_sets, int round) {
  for (const std::uint32_t wanted : wanted_sets) {
    for (const std::uint32_t mark : {0u, kMarked}) {
      const std::vector<ClassEvent> expected = plain_events(text, wanted, mark);
      ClassTable table = test_table();
      table.next_byte_mark = mark;
      table.marking_next_bytes = kMarkingBytes.data();
      // Without the wanted bits (a short text reads the table) and with them
      // (the run loops of three-byte code points).
      const WantedBits bits = wanted_bits(table, wanted);
      for (const std::string_view set : available_instruction_sets()) {
        for (const WantedBits* given : {static_cast<const WantedBits*>(nullptr), &bits}) {
          std::vector<ClassEvent> actual;
          scan_classes(text, table, wanted, actual, set, given);
          const std::string how = std::string(given ? " with bits" : " without bits") + (mark ? ", marked" : "");
          ASSERT_EQ(actual.size(), expected.size()) << set << how << " round " << round << " wanted " << wanted;
          for (std::size_t i = 0; i < actual.size(); ++i) {
            EXPECT_EQ(actual[i].begin, expected[i].begin) << set << how << " round " << round;
            EXPECT_EQ(actual[i].length, expected[i].length) << set << how << " round " << round;
            EXPECT_EQ(actual[i].cp, expected[i].cp) << set << how << " round " << round;
            EXPECT_EQ(actual[i].classes, expected[i].classes) << set << how << " round " << round;
          }
        }
      }
    }
  }
}

// Long ASCII stretches (the SIMD skips) with every kind of code point and
// ill-formed sequence between them, at every alignment.
std::string random_text(std::mt19937& rng) {
  static const std::vector<std::string> kPieces{
      "&", "\x07", "\t", "\n", "\x1B", "\x7F", "\xC3\xA9", "\xC2\x85", "\xE4\xB8\xAD", "\xE3\x80\x80",
      "\xF0\x9F\x98\x80", "\xE4", "\xE4\xB8", "\xED\xA0\x80", "\xC0\xAF", "\xFF", "\x80", "\xF4\x90\x80\x80"};
  std::string text;
  const std::size_t pieces = rng() % 12;
  for (std::size_t i = 0; i < pieces; ++i) {
    text.append(rng() % 70, static_cast<char>('a' + rng() % 26));
    text += kPieces[rng() % kPieces.size()];
  }
  text.append(rng() % 40, 'z');
  return text;
}

TEST(ClassScan, EveryInstructionSetReportsWhatAPlainDecodeFinds) {
  const std::vector<std::uint32_t> wanted_sets{kAmpersand, kControl, kWide | kLatin, kIllFormed,
                                               kAmpersand | kControl | kWide | kLatin | kIllFormed | kBeyond, kBeyond,
                                               kSomeHan | kControl};
  std::mt19937 rng(12);
  for (int round = 0; round < 2000; ++round) {
    const std::string text = random_text(rng);
    expect_plain_decode_events(text, wanted_sets, round);
  }
}

// Long runs of multi-byte code points with nothing ASCII between them (the
// three-byte run loop), broken by every other kind of sequence at every offset.
std::string random_chinese_run(std::mt19937& rng) {
  static const std::vector<std::string> kThreeByte{"\xE4\xB8\xAD", "\xE6\x96\x87", "\xE3\x80\x82", "\xEF\xBC\x8C",
                                                   "\xE1\x80\x80", "\xEC\xBF\xBF", "\xEE\x80\x80", "\xEF\xBF\xBD", "\xEF\xBF\xBF"};
  static const std::vector<std::string> kOthers{
      "a",  "\xC3\xA9", "\xE0\xA4\x85", "\xED\x9F\xBF", "\xED\xA0\x80", "\xE0\x80\x80", "\xF0\x9F\x98\x80",
      "\xE4", "\xE4\xB8", "\xE4\xB8\x41", "\x80", "\xFF", "&", "\n", "\r\n", "\n\n", "&\n", "\n&", "&&", "abc"};
  std::string text;
  const std::size_t pieces = rng() % 120;
  const unsigned breaks = 2 + rng() % 40;  // one piece in this many breaks the run
  for (std::size_t i = 0; i < pieces; ++i) {
    if (rng() % breaks == 0) text += kOthers[rng() % kOthers.size()];
    else if (rng() % 2 == 0) text += kThreeByte[rng() % kThreeByte.size()];
    else utf8::append(text, static_cast<char32_t>(0x4E00 + rng() % 0x5200));  // any ideograph
  }
  return text;
}

TEST(ClassScan, RunsOfThreeByteCodePointsAreDecodedAsAPlainDecodeDoes) {
  const std::vector<std::uint32_t> wanted_sets{kWide,     kIllFormed, kLatin | kBeyond, kSomeHan, kSomeHan | kAmpersand,
                                               kAmpersand | kControl | kWide | kLatin | kIllFormed | kBeyond};
  std::mt19937 rng(7);
  for (int round = 0; round < 3000; ++round) {
    const std::string text = random_chinese_run(rng);
    expect_plain_decode_events(text, wanted_sets, round);
  }
}

// decode_three_byte_chars: every instruction set decodes, from every offset,
// the plain three-byte code points a plain decode finds there, up to max,
// each with its place, its code from the table and its marking bit.
TEST(ClassScan, DecodesRunsOfThreeByteCodePointsAsAPlainDecodeDoes) {
  // Codes that differ from code point to code point (one more at the end, as asked).
  std::vector<std::uint16_t> codes(0x10001);
  for (std::size_t cp = 0; cp < 0x10000; ++cp) codes[cp] = static_cast<std::uint16_t>(cp * 40503u + 7);
  WantedBits marking{};
  for (char32_t cp = 0; cp < 0x10000; ++cp)
    if ((classes_of(cp) & kSomeHan) || cp % 7 == 3) marking[cp >> 6] |= std::uint64_t{1} << (cp & 63);
  std::mt19937 rng(9);
  std::size_t marked_seen = 0;
  for (int round = 0; round < 400; ++round) {
    const std::string text = random_chinese_run(rng);
    for (std::size_t pos = 0; pos <= text.size(); ++pos) {
      const std::size_t max = 1 + rng() % 64;
      std::vector<std::tuple<std::size_t, char32_t, std::uint16_t>> expected;
      std::uint64_t expected_marked = 0;
      for (std::size_t at = pos; expected.size() < max && at < text.size();) {
        const auto lead = static_cast<unsigned char>(text[at]);
        const std::size_t begin = at;
        const char32_t cp = utf8::next(text, at);
        const bool plain = at - begin == 3 && lead >= 0xE1 && lead != 0xED;
        if (cp == utf8::kInvalid || !plain) break;
        if ((marking[cp >> 6] >> (cp & 63)) & 1) expected_marked |= std::uint64_t{1} << expected.size();
        expected.emplace_back(begin, cp, codes[cp]);
      }
      marked_seen += expected_marked != 0;
      for (const std::string_view set : available_instruction_sets()) {
        std::vector<CodedChar> out(max);
        std::uint64_t marked = ~std::uint64_t{0};
        const std::size_t count = decode_three_byte_chars(text, pos, out.data(), max, codes.data(), marking, marked, set);
        ASSERT_LE(count, max);
        std::vector<std::tuple<std::size_t, char32_t, std::uint16_t>> actual;
        for (std::size_t i = 0; i < count; ++i) {
          ASSERT_EQ(out[i].length, 3u) << set;
          actual.emplace_back(out[i].begin, out[i].cp, out[i].code);
        }
        ASSERT_EQ(actual, expected) << set << " round " << round << " pos " << pos << " max " << max;
        ASSERT_EQ(marked, expected_marked) << set << " round " << round << " pos " << pos << " max " << max;
        // Without a table of codes: the same characters, every code 0.
        std::vector<CodedChar> uncoded(max);
        std::uint64_t uncoded_marked = ~std::uint64_t{0};
        ASSERT_EQ(decode_three_byte_chars(text, pos, uncoded.data(), max, nullptr, marking, uncoded_marked, set), count)
            << set;
        for (std::size_t i = 0; i < count; ++i) {
          ASSERT_EQ(uncoded[i].begin, out[i].begin) << set;
          ASSERT_EQ(uncoded[i].cp, out[i].cp) << set;
          ASSERT_EQ(uncoded[i].code, 0u) << set;
          ASSERT_EQ(uncoded[i].length, 3u) << set;
        }
        ASSERT_EQ(uncoded_marked, expected_marked) << set << " round " << round << " pos " << pos;
      }
    }
  }
  EXPECT_GT(marked_seen, 1000u);
}

TEST(ClassScan, FindsAWantedAsciiByteAfterALongRun) {
  const std::string text = std::string(100, 'x') + "&" + std::string(31, 'y') + "&";
  for (const std::string_view set : available_instruction_sets()) {
    std::vector<ClassEvent> events;
    scan_classes(text, test_table(), kAmpersand, events, set);
    ASSERT_EQ(events.size(), 2u) << set;
    EXPECT_EQ(events[0].begin, 100u) << set;
    EXPECT_EQ(events[1].begin, 132u) << set;
  }
}

// A line break, CRLF or wanted ASCII bytes between two runs of Chinese, after
// each of the first 24 characters of the run (so at every place in the SIMD
// loops' 15- and 24-byte steps and their 16- and 32-byte loads), with a
// wanted ideograph right before and right after it: every instruction set
// reports each at its exact offset, the run going on past the gap.
TEST(ClassScan, FindsWhatStandsAroundALineBreakInsideAChineseRunAtEveryOffset) {
  const std::string wanted_han = "\xE4\xB8\x82";  // U+4E02: kSomeHan
  const std::string plain_han = "\xE4\xB8\x81";   // U+4E01: not
  const WantedBits bits = wanted_bits(test_table(), kSomeHan | kAmpersand);
  std::size_t cases = 0;
  for (const std::string gap : {"\n", "\r\n", "&", "&\n", "\n&", "&&"}) {
    for (std::size_t prefix = 0; prefix < 3; ++prefix) {
      for (std::size_t before = 1; before <= 24; ++before) {
        std::string text(prefix, 'x');
        for (std::size_t i = 0; i + 1 < before; ++i) text += plain_han;
        const std::size_t first = text.size();
        text += wanted_han;
        const std::size_t gap_at = text.size();
        text += gap;
        const std::size_t second = text.size();
        text += wanted_han;
        for (std::size_t i = 0; i < 30; ++i) text += plain_han;
        std::vector<std::size_t> expected{first};
        for (std::size_t i = 0; i < gap.size(); ++i)
          if (gap[i] == '&') expected.push_back(gap_at + i);
        expected.push_back(second);
        for (const std::string_view set : available_instruction_sets()) {
          std::vector<ClassEvent> events;
          scan_classes(text, test_table(), kSomeHan | kAmpersand, events, set, &bits);
          std::vector<std::size_t> begins;
          for (const ClassEvent& event : events) begins.push_back(event.begin);
          ASSERT_EQ(begins, expected) << set << " gap " << gap.size() << " bytes, prefix " << prefix << ", after "
                                      << before << " characters";
          ++cases;
        }
      }
    }
  }
  EXPECT_GE(cases, 6u * 3 * 24);
}

// ASCII gaps of 1 to 18 bytes and some up to 80 (a number, a short Latin
// word: the AVX2 run steps over those of up to 15 inside the run, finding
// their stop bytes by nibble look-ups; longer ones go back to the caller's
// skip) with wanted bytes at their start, inside and at their end,
// after each of the first 10 characters of a Chinese run and with a wanted
// ideograph on either side: every instruction set, portable included,
// reports what a plain decode finds.
TEST(ClassScan, FindsTheWantedBytesOfAnAsciiGapInsideAChineseRunOfManyLengths) {
  const std::string wanted_han = "\xE4\xB8\x82";  // U+4E02: kSomeHan
  const std::string plain_han = "\xE4\xB8\x81";   // U+4E01: not
  const std::uint32_t wanted = kSomeHan | kAmpersand | kControl;
  const WantedBits bits = wanted_bits(test_table(), wanted);
  std::size_t cases = 0;
  std::vector<std::size_t> lengths;
  for (std::size_t length = 1; length <= 18; ++length) lengths.push_back(length);
  for (const std::size_t length : {31, 32, 33, 47, 48, 63, 64, 65, 80}) lengths.push_back(length);
  for (const std::size_t length : lengths) {
    for (const std::string_view shape : {"plain", "first", "last", "every third", "control"}) {
      std::string gap(length, 'x');
      if (shape == "first") gap.front() = '&';
      if (shape == "last") gap.back() = '&';
      if (shape == "every third")
        for (std::size_t i = 0; i < length; i += 3) gap[i] = '&';
      if (shape == "control") gap[length / 2] = '\x07';
      for (std::size_t before = 1; before <= 10; ++before) {
        std::string text;
        for (std::size_t i = 0; i + 1 < before; ++i) text += plain_han;
        text += wanted_han + gap + wanted_han;
        for (std::size_t i = 0; i < 30; ++i) text += i % 7 == 3 ? wanted_han : plain_han;
        const std::vector<ClassEvent> expected = plain_events(text, wanted);
        for (const std::string_view set : available_instruction_sets()) {
          std::vector<ClassEvent> events;
          scan_classes(text, test_table(), wanted, events, set, &bits);
          ASSERT_EQ(events.size(), expected.size()) << set << " gap " << length << " " << shape << " after " << before;
          for (std::size_t i = 0; i < events.size(); ++i) {
            EXPECT_EQ(events[i].begin, expected[i].begin) << set << " gap " << length << " " << shape;
            EXPECT_EQ(events[i].length, expected[i].length) << set << " gap " << length << " " << shape;
            EXPECT_EQ(events[i].cp, expected[i].cp) << set << " gap " << length << " " << shape;
            EXPECT_EQ(events[i].classes, expected[i].classes) << set << " gap " << length << " " << shape;
          }
          ++cases;
        }
      }
    }
  }
  EXPECT_GE(cases, 27u * 5 * 10);
}

// A ClassScanner made for the portable loops (as on a machine without SSE2)
// reports what the best one does, piece by piece.
TEST(ClassScan, AScannerForcedToThePortableLoopsReportsWhatTheBestDoes) {
  std::mt19937 rng(21);
  const std::uint32_t wanted = kSomeHan | kAmpersand | kControl | kLatin | kIllFormed | kBeyond;
  const WantedBits bits = wanted_bits(test_table(), wanted);
  const ClassScanner portable(test_table(), wanted, &bits, "portable");
  const ClassScanner best(test_table(), wanted, &bits);
  for (int round = 0; round < 300; ++round) {
    const std::string text = random_chinese_run(rng) + random_text(rng) + random_chinese_run(rng);
    std::vector<ClassEvent> from_portable, from_best;
    portable.scan(text, 0, text.size(), from_portable);
    best.scan(text, 0, text.size(), from_best);
    ASSERT_EQ(from_portable.size(), from_best.size()) << "round " << round;
    for (std::size_t i = 0; i < from_best.size(); ++i) {
      EXPECT_EQ(from_portable[i].begin, from_best[i].begin) << "round " << round;
      EXPECT_EQ(from_portable[i].cp, from_best[i].cp) << "round " << round;
      EXPECT_EQ(from_portable[i].classes, from_best[i].classes) << "round " << round;
    }
  }
}

// The last bytes of a stretch scanned by itself (fewer than a SIMD load's)
// are read by a load that ends where the stretch ends, so starts before
// where the scan is: the wanted and non-ASCII bytes there are not the
// scan's, nor is one past the stretch's end; one inside it is found at its offset.
TEST(ClassScan, FindsTheWantedByteOfAStretchsLastBytesAndNothingBeforeItsStart) {
  for (const std::string_view set : available_instruction_sets()) {
    const ClassScanner scanner(test_table(), kAmpersand | kLatin, nullptr, set);
    for (std::size_t end = 32; end <= 72; ++end) {
      for (std::size_t begin = end - 31; begin < end; ++begin) {
        std::string text(end + 4, 'x');
        text[begin - 1] = '&';
        if (begin >= 3) text.replace(begin - 3, 2, "\xC3\xA9");
        text[end] = '&';
        std::vector<ClassEvent> events;
        scanner.scan(text, begin, end, events);
        EXPECT_TRUE(events.empty()) << set << " from " << begin << " to " << end;
        for (std::size_t at = begin; at < end; ++at) {
          std::string with = text;
          with[at] = '&';
          events.clear();
          scanner.scan(with, begin, end, events);
          ASSERT_EQ(events.size(), 1u) << set << " from " << begin << " to " << end << " at " << at;
          EXPECT_EQ(events[0].begin, at) << set << " from " << begin << " to " << end;
        }
      }
    }
  }
}

TEST(ClassScan, TheDefaultIsTheBestAvailable) {
  EXPECT_EQ(scan_instruction_set(), available_instruction_sets().back());
}

}  // namespace
}  // namespace tc::text

namespace tc::text {
namespace {

TEST(ClassScan, FindsTheNextAsciiAndNonAsciiByteAtEveryAlignment) {
  std::mt19937 rng(5);
  for (int round = 0; round < 500; ++round) {
    std::string text;
    const std::size_t length = rng() % 80;
    const unsigned ascii_one_in = 2 + rng() % 30;
    for (std::size_t i = 0; i < length; ++i) text += static_cast<char>(rng() % ascii_one_in == 0 ? 'a' : 0x80 + rng() % 0x80);
    for (std::size_t pos = 0; pos <= text.size(); ++pos) {
      std::size_t ascii = pos, non_ascii = pos;
      while (ascii < text.size() && static_cast<unsigned char>(text[ascii]) >= 0x80) ++ascii;
      while (non_ascii < text.size() && static_cast<unsigned char>(text[non_ascii]) < 0x80) ++non_ascii;
      ASSERT_EQ(find_ascii(text, pos), ascii) << "round " << round << " pos " << pos;
      ASSERT_EQ(find_non_ascii(text, pos), non_ascii) << "round " << round << " pos " << pos;
      for (std::size_t floor = 0; floor <= pos; floor += 1 + floor / 4) {
        std::size_t start = pos;
        while (start > floor && static_cast<unsigned char>(text[start - 1]) >= 0x80) --start;
        ASSERT_EQ(non_ascii_start(text, pos, floor), start) << "round " << round << " pos " << pos << " floor " << floor;
      }
    }
  }
}

// Every byte value at every alignment and stopping point: the leads of
// U+0080-U+2FFF and from U+F000 on (C2-E2, EF-F4) are found, nothing else is.
TEST(ClassScan, FindsTheNextLeadOfAnImageCharacterAtEveryAlignment) {
  std::mt19937 rng(9);
  auto is_lead = [](unsigned char b) { return (b >= 0xC2 && b <= 0xE2) || (b >= 0xEF && b <= 0xF4); };
  for (int round = 0; round < 400; ++round) {
    std::string text;
    const std::size_t length = rng() % 70;
    const unsigned lead_one_in = 1 + rng() % 40;
    for (std::size_t i = 0; i < length; ++i) {
      unsigned char b = static_cast<unsigned char>(rng() % 256);
      while (is_lead(b) && rng() % lead_one_in != 0) b = static_cast<unsigned char>(rng() % 256);
      text += static_cast<char>(b);
    }
    for (std::size_t pos = 0; pos <= text.size(); ++pos)
      for (std::size_t end = pos; end <= text.size(); end += 1 + (end - pos) / 3) {
        std::size_t expected = pos;
        while (expected < end && !is_lead(static_cast<unsigned char>(text[expected]))) ++expected;
        ASSERT_EQ(find_image_lead(text, pos, end), expected) << "round " << round << " pos " << pos << " end " << end;
      }
  }
}

}  // namespace
}  // namespace tc::text
