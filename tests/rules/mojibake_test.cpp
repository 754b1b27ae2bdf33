// Unit tests of the mojibake scans and tables: fixes (which the fixtures do
// not show), the frequency tables, and the structural decisions.
#include <gtest/gtest.h>

#include <cstring>
#include <random>

#include "rules/encoding/mojibake_scan.h"
#include "rules/encoding/mojibake_tables.h"
#include "core/utf8.h"
#include "support/test_support.h"

namespace tc::test {
namespace {

using mojibake::find_cjk_mojibake;
using mojibake::find_latin_mojibake;

std::vector<std::string> fixes(const std::string& rule, const std::string& text) {
  std::vector<std::string> out;
  for (const Finding& f : findings_of(rule, make_doc(unescape(text), Lang::en)))
    out.push_back(fix_replacement(f).value_or("<no fix>"));
  return out;
}

TEST(MojibakeTables, CodePagesComeFromIcu) {
  EXPECT_EQ(mojibake::gbk_code(U'中'), 0xD6D0);
  EXPECT_EQ(mojibake::gbk_char(0xD6D0), u'中');
  EXPECT_EQ(mojibake::big5_code(U'中'), 0xA4A4);
  EXPECT_EQ(mojibake::gbk_code(U'A'), 0);
  const auto* codes = mojibake::single_byte_codes(U'é');
  ASSERT_NE(codes, nullptr);
  EXPECT_EQ((*codes)[static_cast<std::size_t>(mojibake::SingleByte::windows1252)], 0xE9);
  EXPECT_EQ((*codes)[static_cast<std::size_t>(mojibake::SingleByte::mac_roman)], 0x8E);
  EXPECT_EQ(mojibake::single_byte_codes(U'中'), nullptr);
}

// The Latin-side scan passes over a character followed by a lead byte
// E3-E9 without looking it up: no single-byte page has U+3000-U+9FFF.
// The unsettled bits are written at compile time a quarter of the BMP at a
// time: each code point's bit must be where a scan looks it up.
TEST(MojibakeTables, UnsettledBitsMarkAllButPlainLevel1AndChinesePunctuation) {
  const auto& bits = mojibake::gbk_unsettled_bits();
  std::size_t differing = 0, settled = 0;
  for (char32_t cp = 0; cp < 0x10000; ++cp) {
    const std::uint16_t code = mojibake::gbk_code(cp);
    const bool expected = !mojibake::plain_level1_code(code) &&
                          !(mojibake::is_level1_or_punctuation(code) && mojibake::is_typographic_punctuation(cp));
    const bool bit = (bits[cp / 64] >> (cp % 64)) & 1;
    settled += !expected;
    if (bit != expected && ++differing <= 10) ADD_FAILURE() << "U+" << std::hex << static_cast<std::uint32_t>(cp);
  }
  EXPECT_EQ(differing, 0u);
  EXPECT_GT(settled, 3000u);  // GB2312 level 1: 3,755 characters
  EXPECT_FALSE((bits[U'的' / 64] >> (U'的' % 64)) & 1);
  EXPECT_TRUE((bits[U'烫' / 64] >> (U'烫' % 64)) & 1);  // a fill image opens a gate
}

TEST(MojibakeTables, NoSingleBytePageHasCjk) {
  for (char32_t cp = 0x3000; cp <= 0x9FFF; ++cp) EXPECT_EQ(mojibake::single_byte_codes(cp), nullptr) << utf8::code_point_name(cp);
}

TEST(MojibakeTables, Gb2312LevelsSeparateCommonFromRareCharacters) {
  EXPECT_TRUE(mojibake::is_gb2312_level1(U'的'));
  EXPECT_TRUE(mojibake::is_gb2312_level1(U'烫'));
  EXPECT_FALSE(mojibake::is_gb2312_level1(U'锟'));  // level 2
  EXPECT_TRUE(mojibake::is_gb2312(U'锟'));
  EXPECT_FALSE(mojibake::is_gb2312(U'鈥'));  // GBK extension: the E2 80 of UTF-8 punctuation
  EXPECT_TRUE(mojibake::is_big5_level1(U'醫'));
  EXPECT_FALSE(mojibake::is_gb2312(U'醫'));
}

// Big5 level 1 is the 5,401 characters of codes A440-C67E, whichever other
// code a character also has (十 and 卅 are also at A2CC and A2CE).
TEST(MojibakeTables, Big5Level1IsEveryCharacterOfItsCodes) {
  std::size_t codes = 0, missing = 0;
  for (unsigned lead = 0xA4; lead <= 0xC6; ++lead)
    for (unsigned trail = 0x40; trail <= 0xFE; ++trail) {
      if ((trail > 0x7E && trail < 0xA1) || (lead == 0xC6 && trail > 0x7E)) continue;
      const char16_t cp = mojibake::big5_char(static_cast<std::uint16_t>(lead << 8 | trail));
      ASSERT_NE(cp, 0) << std::hex << (lead << 8 | trail);
      ++codes;
      if (!mojibake::is_big5_level1(cp) && ++missing <= 10) ADD_FAILURE() << utf8::code_point_name(cp);
    }
  EXPECT_EQ(codes, 5401u);
  EXPECT_EQ(missing, 0u);
  std::size_t level1 = 0;
  for (char32_t cp = 0; cp < 0x10000; ++cp) level1 += mojibake::is_big5_level1(cp);
  EXPECT_EQ(level1, 5401u);
  EXPECT_TRUE(mojibake::is_big5_level1(U'卅'));
  EXPECT_FALSE(mojibake::is_big5_level1(U'锟'));
}

TEST(MojibakeTables, Utf8StructureChecks) {
  EXPECT_EQ(mojibake::utf8_sequence_length(0xC3), 2);
  EXPECT_EQ(mojibake::utf8_sequence_length(0xE2), 3);
  EXPECT_EQ(mojibake::utf8_sequence_length(0xF0), 4);
  EXPECT_EQ(mojibake::utf8_sequence_length(0xC0), 0);
  EXPECT_FALSE(mojibake::utf8_second_byte_ok(0xE0, 0x80));  // overlong
  EXPECT_FALSE(mojibake::utf8_second_byte_ok(0xED, 0xA0));  // surrogate
  EXPECT_TRUE(mojibake::utf8_second_byte_ok(0xE2, 0x80));
}

TEST(MojibakeLatin, FixIsTheRecoveredText) {
  EXPECT_EQ(fixes("encoding/mojibake", "cafÃ© and donâ€™t"), (std::vector<std::string>{"é", "’"}));
  EXPECT_EQ(fixes("encoding/mojibake", "ç®€ä½“ä¸\\u{AD}æ–‡"), (std::vector<std::string>{"简体中文"}));
  EXPECT_EQ(fixes("encoding/mojibake", "вЂ™ and wei√ü"), (std::vector<std::string>{"’", "ß"}));
}

TEST(MojibakeLatin, DoubleAndTripleEncodingIsUndoneInOneFix) {
  EXPECT_EQ(fixes("encoding/mojibake", "cafÃƒÂ©"), (std::vector<std::string>{"é"}));
  EXPECT_EQ(mojibake::recover_latin_layers("doesnÃƒÂ¢Ã¢â€šÂ¬Ã¢â€žÂ¢t"), "doesn’t");
  EXPECT_EQ(mojibake::recover_latin_layers("plain café"), "plain café");
}

TEST(MojibakeLatin, LostBytesGiveNoFix) {
  // One finding: candidates inside one word are reported together.
  EXPECT_EQ(fixes("encoding/mojibake", "â€œbb+â€? x"), (std::vector<std::string>{"<no fix>"}));
  EXPECT_EQ(fixes("encoding/mojibake", "â€œbb+ â€? x"), (std::vector<std::string>{"“", "<no fix>"}));
  EXPECT_EQ(fixes("encoding/mojibake", "voilÃ le"), (std::vector<std::string>{"<no fix>"}));
}

TEST(MojibakeLatin, LegitimatePairsThatFormUtf8AreNotFlagged) {
  // Each of these is a lead character followed by a continuation character.
  for (const char* text : {"JOSÉ’s", "10 Å—", "“×”", "5×£35", "AMANHÃ É", "l’été", "её»", "сказали…»", "он…»", "√π", "SÉ¡"})
    EXPECT_TRUE(find_latin_mojibake(text).empty()) << text;
}

TEST(MojibakeLatin, AWeakPairIsConfirmedOnlyOnALineThatHasGarble) {
  // "Å—" alone is no garble; on a line where "Ã©" fires it is. Line 2 (same
  // paragraph) has none that fires: its pairs stay unreported, whatever the
  // line before decided.
  const auto hits = find_latin_mojibake("cafÃ© 10 Å— x 10 Å— y\n10 Å— z 10 Å— w\ncafÃ© 10 Å— v\n");
  std::vector<std::size_t> begins;
  for (const auto& hit : hits) begins.push_back(hit.begin);
  // Line 3 starts at byte 52 ("Ã©" is 4 bytes, "Å—" 5).
  EXPECT_EQ(begins, (std::vector<std::size_t>{3, 11, 22, 55, 63}));
}

// The rule's search for dropped C1 bytes skips the blocks of the shared
// scan's events that hold no lead image (U+00E2-U+00EF) while no run is
// open: a contraction's bare "â" after hundreds of curly quotes (many
// blocks of events) is found where it is, as in a short text.
TEST(MojibakeLatin, DroppedC1BytesAfterManyBlocksOfEventsAreFound) {
  const std::string quotes = "“中”—";  // three events of the shared scan
  for (const std::size_t repeats : {0, 100, 1000}) {
    std::string text;
    for (std::size_t i = 0; i < repeats; ++i) text += quotes;
    const std::size_t contraction = text.size() + 3;  // the "â" of "donât" (E2 80 99 with 80 99 dropped)
    text += "donât ";
    for (std::size_t i = 0; i < repeats; ++i) text += quotes;
    std::vector<std::size_t> begins;
    for (const Finding& f : findings_of("encoding/mojibake", make_doc(text, Lang::en))) begins.push_back(f.span.begin);
    EXPECT_EQ(begins, (std::vector<std::size_t>{contraction})) << repeats;
  }
}

TEST(MojibakeLatin, ByteOrderMarksAreRemovedFromTheFix) {
  // Each "ï»¿" is a byte order mark read as Windows-1252: the fix drops them
  // all, however many, and keeps the text between them.
  const auto hits = find_latin_mojibake("x ï»¿ï»¿ï»¿cafÃ©ï»¿ï»¿ y");
  ASSERT_EQ(hits.size(), 1u);
  ASSERT_TRUE(hits[0].recovered.has_value());
  EXPECT_EQ(*hits[0].recovered, "café");
  std::string run;
  for (int i = 0; i < 1000; ++i) run += "ï»¿";
  const auto long_run = find_latin_mojibake("x " + run + " y");
  ASSERT_EQ(long_run.size(), 1u);
  ASSERT_TRUE(long_run[0].recovered.has_value());
  EXPECT_EQ(*long_run[0].recovered, "");
}

TEST(MojibakeLatin, HitSpansAreByteOffsets) {
  const auto hits = find_latin_mojibake("caf\xC3\x83\xC2\xA9!");  // "cafÃ©!"
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0].begin, 3u);
  EXPECT_EQ(hits[0].end, 7u);
  EXPECT_EQ(hits[0].how, "UTF-8 read as Windows-1252");
}

// UTF-8 read as ISO-8859-1 with some C1 controls kept and others dropped:
// "æ\u0087å\u0085" is 文 (E6 96 87) and 椅 (E6 A4 85) each short of a byte. The
// run of lead and continuation images is one finding; its two C1 controls,
// which alone would be Windows-1252 text read as ISO-8859-1 ("‡", "…"), are
// part of it, whatever fires elsewhere on the line.
TEST(MojibakeLatin, ADroppedC1RunReplacesTheControlsInsideIt) {
  const std::string run = "We see \xC3\xA6\xC2\x87\xC3\xA5\xC2\x85 here";  // the run is bytes 7-15
  for (const std::string& tail : {std::string("."), std::string(", and the caf\xC3\x83\xC2\xA9 too.")}) {
    const auto hits = find_latin_mojibake(run + tail);
    std::vector<std::tuple<std::size_t, std::size_t, bool>> got;
    for (const auto& hit : hits) got.emplace_back(hit.begin, hit.end, hit.lossy);
    auto expected = std::vector<std::tuple<std::size_t, std::size_t, bool>>{{7, 15, true}};
    if (tail.size() > 1) expected.emplace_back(33, 37, false);  // "Ã©" after "the caf"
    EXPECT_EQ(got, expected) << tail;
    EXPECT_EQ(hits[0].how, "UTF-8 read as ISO-8859-1 with the C1 control bytes dropped");
  }
  // The rule reports the same: the run (no fix) and "Ã©".
  EXPECT_EQ(fixes("encoding/mojibake", run + ", and the caf\xC3\x83\xC2\xA9 too."),
            (std::vector<std::string>{"<no fix>", "é"}));
}

// An ordinary hit that reaches out of a dropped-C1 run wins over the run, and
// then the C1 control inside the run is reported on its own: "æ\u0087ä¸\u00AD"
// is a run (文 short of a byte, then 中), but "ä¸\u00ADxÃ©" is one word of
// mojibake that goes on past it. With a second run inside the word ("å¥½æ\u0087",
// 好 and 文 short of a byte, after "Ã©"), the word's hit reaches into both runs.
TEST(MojibakeLatin, AHitReachingOutOfDroppedC1RunsKeepsTheControlsInThem) {
  const std::string text = "We see \xC3\xA6\xC2\x87\xC3\xA4\xC2\xB8\xC2\xADx\xC3\x83\xC2\xA9 here.";
  std::vector<std::pair<std::size_t, std::size_t>> got;
  for (const auto& hit : find_latin_mojibake(text)) got.emplace_back(hit.begin, hit.end);
  EXPECT_EQ(got, (std::vector<std::pair<std::size_t, std::size_t>>{{9, 11}, {11, 22}}));
  const std::string two_runs =
      "We see \xC3\xA6\xC2\x87\xC3\xA4\xC2\xB8\xC2\xADx\xC3\x83\xC2\xA9\xC3\xA5\xC2\xA5\xC2\xBD\xC3\xA6\xC2\x87.";
  got.clear();
  for (const auto& hit : find_latin_mojibake(two_runs)) got.emplace_back(hit.begin, hit.end);
  // ‡ at 9 and 30; the word "ä¸\u00ADxÃ©å¥½" is bytes 11-28, the second run 22-32.
  EXPECT_EQ(got, (std::vector<std::pair<std::size_t, std::size_t>>{{9, 11}, {11, 28}, {30, 32}}));
}

TEST(MojibakeCjk, FixIsTheRecoveredText) {
  EXPECT_EQ(fixes("encoding/mojibake-cjk", "It doesn鈥檛 work"), (std::vector<std::string>{"’t"}));
  EXPECT_EQ(fixes("encoding/mojibake-cjk", "鐢变簬杩欎釜"), (std::vector<std::string>{"由于这个"}));
  EXPECT_EQ(fixes("encoding/mojibake-cjk", "ÖÐÎÄ"), (std::vector<std::string>{"中文"}));
  EXPECT_EQ(fixes("encoding/mojibake-cjk", "扂蠅夤舷善岈璃熬屾賸"), (std::vector<std::string>{"我们观察到事件减少了"}));
}

TEST(MojibakeCjk, LostByteAfterBadLeadIsFlaggedWithoutFix) {
  const auto hits = find_cjk_mojibake("60鈥?5%");
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0].begin, 2u);
  EXPECT_EQ(hits[0].end, 6u);  // 鈥 and the '?'
  EXPECT_TRUE(hits[0].lossy);
  EXPECT_FALSE(hits[0].recovered.has_value());
}

TEST(MojibakeCjk, FillPatternsNeedRepetition) {
  EXPECT_EQ(find_cjk_mojibake("烫烫烫").size(), 1u);
  EXPECT_TRUE(find_cjk_mojibake("烫烫").empty());
  EXPECT_TRUE(find_cjk_mojibake("烫伤").empty());
  EXPECT_EQ(find_cjk_mojibake("锟斤拷").size(), 1u);
  EXPECT_TRUE(find_cjk_mojibake("斤拷").empty());
}

// A fill pattern is found from the 烫, 屯 or 锟 in it, wherever it stands in
// a long stretch: the whole run of its kind around that character, bounded
// by its neighbours of other kinds (斤 and 拷 belong to a run of 锟 only).
TEST(MojibakeCjk, FillPatternsInsideALongStretchAreWholeRuns) {
  struct Case {
    std::u32string piece;
    std::vector<std::pair<std::size_t, std::size_t>> runs;  // characters of piece that are hits
  };
  const std::vector<Case> cases = {
      {U"烫烫烫", {{0, 3}}},
      {U"斤拷烫烫烫", {{2, 5}}},
      {U"拷锟斤拷", {{0, 4}}},
      {U"斤斤拷锟", {{0, 4}}},
      {U"烫烫锟斤拷", {{2, 5}}},
      {U"屯屯屯斤拷锟的烫烫烫烫", {{0, 3}, {3, 6}, {7, 11}}},
      {U"锟斤拷烫烫烫锟斤拷", {{0, 3}, {3, 6}, {6, 9}}},
      {U"斤拷烫烫", {}},
      {U"烫屯烫", {}},
  };
  const std::string filler = "的";  // three bytes, level 1: no gate
  for (const Case& c : cases) {
    for (const std::size_t before : {0, 1, 2000}) {
      std::string text;
      for (std::size_t i = 0; i < before; ++i) text += filler;
      std::string piece;
      for (const char32_t cp : c.piece) utf8::append(piece, cp);
      text += piece;
      for (int i = 0; i < 2000; ++i) text += filler;
      std::vector<std::pair<std::size_t, std::size_t>> expected, found;
      for (const auto& [first, end] : c.runs) expected.emplace_back(3 * (before + first), 3 * (before + end));
      for (const mojibake::Hit& hit : find_cjk_mojibake(text)) found.emplace_back(hit.begin, hit.end);
      EXPECT_EQ(found, expected) << piece << " after " << before;
    }
  }
}

// A line of non-ASCII text is read some 65,536 characters at a time (its
// buffers take tens of bytes a character): a fill pattern longer than that
// runs to the end of each piece, and the next piece's hit continues it, so
// it is one hit, whole, as in a short line.
TEST(MojibakeCjk, AFillPatternLongerThanAReadIsOneHit) {
  std::string fill;
  for (int i = 0; i < 50000; ++i) fill += "锟斤拷";  // 150,000 characters: three pieces
  for (const std::string& text : {fill, "的" + fill + "的"}) {
    const auto hits = find_cjk_mojibake(text);
    ASSERT_EQ(hits.size(), 1u);
    EXPECT_EQ(hits[0].begin, text.size() == fill.size() ? 0u : 3u);
    EXPECT_EQ(hits[0].end, text.size() == fill.size() ? fill.size() : fill.size() + 3);
  }
}

// The starts of the code points a shared scan would hand find_cjk_mojibake:
// those may_open_cjk_gate accepts and ill-formed sequences.
std::vector<std::size_t> gate_starts(std::string_view text) {
  std::vector<std::size_t> gates;
  for (std::size_t pos = 0; pos < text.size();) {
    const std::size_t begin = pos;
    const char32_t cp = utf8::next(text, pos);
    if (cp == utf8::kInvalid || mojibake::may_open_cjk_gate(cp)) gates.push_back(begin);
  }
  return gates;
}

// Pieces of Chinese prose, rare characters, garble of every kind the scan
// knows, question marks and paragraph breaks, glued at random.
std::string random_chinese_with_garble(std::mt19937& rng) {
  static const char* const kPieces[] = {
      "我们观察到", "事件减少了", "中文", "的", "是", "琦", "淼", "鳌", "癫痫", "烫", "烫烫烫", "锟斤拷", "斤拷",
      "锘", "锘縤d", "鈥檛", "鐢变簬杩欎釜", "鈥?", "いゅ弧", "爛僅笙昢惆豢", "僼傽僀儖", "ÖÐÎÄ", "£±", "¡°",
      "é", "，", "。", "“", "”", "—", "?", "??", " ", "\n", "\n\n", "\n \r\n", "a", "don", "5%", "\xE4\xB8",
      "\xFF", "\xEF\xBF\xBD", "请及时就", "吗", "是不是"};
  std::uniform_int_distribution<std::size_t> piece(0, std::size(kPieces) - 1);
  std::uniform_int_distribution<int> count(1, 60);
  std::string text;
  for (int i = count(rng); i > 0; --i) text += kPieces[piece(rng)];
  return text;
}

std::vector<std::tuple<std::size_t, std::size_t, std::string>> spans(const std::vector<mojibake::Hit>& hits) {
  std::vector<std::tuple<std::size_t, std::size_t, std::string>> out;
  for (const mojibake::Hit& hit : hits) out.emplace_back(hit.begin, hit.end, std::string(hit.how) + hit.recovered.value_or("-"));
  return out;
}

// The gated scan reads only the stretches a gate opens (and settles 问句码
// by the paragraph's runs only when there are candidates): it must find what
// reading every stretch finds.
TEST(MojibakeCjk, GatedScanFindsWhatTheFullScanFinds) {
  std::mt19937 rng(2026);
  std::size_t with_hits = 0;
  for (int round = 0; round < 3000; ++round) {
    const std::string text = random_chinese_with_garble(rng);
    const std::vector<std::size_t> gates = gate_starts(text);
    const auto full = find_cjk_mojibake(text);
    if (!full.empty()) ++with_hits;
    ASSERT_EQ(spans(find_cjk_mojibake(text, &gates)), spans(full)) << text;
  }
  EXPECT_GT(with_hits, 1000u);  // the inputs exercise the detectors
}

// The starts a shared scan hands find_cjk_mojibake with their marks: the
// gates as gate_starts has them, and the odd characters that open no gate,
// each marked as the scan's classes mark it (is_cjk_odd, is_cjk_loud).
class MarkedCursor final : public mojibake::StartCursor {
 public:
  explicit MarkedCursor(std::string_view text) : end_(text.size()) {
    for (std::size_t pos = 0; pos < text.size();) {
      const std::size_t begin = pos;
      const char32_t cp = utf8::next(text, pos);
      std::uint8_t marks = kMarksKnown;
      if (cp == utf8::kInvalid) marks |= kMarkGate | kMarkLoud;
      else {
        if (mojibake::may_open_cjk_gate(cp)) marks |= kMarkGate;
        if (mojibake::is_cjk_odd(cp)) marks |= kMarkOdd;
        if (mojibake::is_cjk_loud(cp)) marks |= kMarkLoud;
        if (mojibake::is_cjk_utf8_start(cp)) marks |= kMarkUtf8Start;
      }
      if (marks & (kMarkGate | kMarkOdd)) starts_.emplace_back(begin, marks);
    }
  }
  std::size_t next(std::size_t pos) override {
    while (index_ < starts_.size() && starts_[index_].first < pos) ++index_;
    return index_ < starts_.size() ? starts_[index_].first : end_;
  }
  void restart() override { index_ = 0; }
  std::uint8_t cjk_marks() const override { return index_ < starts_.size() ? starts_[index_].second : 0; }

 private:
  std::vector<std::pair<std::size_t, std::uint8_t>> starts_;
  std::size_t end_;
  std::size_t index_ = 0;
};

// Rare characters, with the shared scan's marks, let the gated scan pass
// over a stretch with one quiet character of weight and nothing loud
// unread: it must find what reading every stretch finds, with garble,
// symbols, kana and '?' beside and between such stretches.
TEST(MojibakeCjk, QuietStretchesPassedOverHideNoMojibake) {
  // Characters of each kind: quiet (rare Han, symbols of GB2312's punctuation
  // rows such as ℃) and loud ones.
  for (const char32_t quiet : {U'琦', U'鳌', U'癫', U'℃', U'中'}) EXPECT_FALSE(mojibake::is_cjk_loud(quiet));
  EXPECT_FALSE(mojibake::is_cjk_odd(U'中'));
  EXPECT_FALSE(mojibake::is_cjk_odd(U'琦'));  // Big5 level 1: common
  EXPECT_TRUE(mojibake::is_cjk_odd(U'鳌'));
  EXPECT_TRUE(mojibake::is_cjk_odd(U'℃'));
  EXPECT_FALSE(mojibake::may_open_cjk_gate(U'℃'));
  // 罹 (GBK EEBF) and 淼 (E5B5) may start UTF-8: looked at with the character after them.
  EXPECT_TRUE(mojibake::is_cjk_utf8_start(U'罹'));
  EXPECT_TRUE(mojibake::is_cjk_utf8_start(U'淼'));
  EXPECT_FALSE(mojibake::is_cjk_utf8_start(U'琦'));
  for (const char32_t loud : {U'锟', U'锘', U'烫', U'é', U'い', U'\uFFFD', U'?', U'α'})
    EXPECT_TRUE(mojibake::is_cjk_loud(loud)) << static_cast<unsigned>(loud);
  static const char* const kPieces[] = {
      "我们观察到", "事件减少了", "中文", "的", "是", "琦", "淼", "鳌", "癫痫", "荨", "罹", "拤", "唢", "蟆", "※", "№", "→",
      "●", "℃", "≤", "烫", "锟斤拷", "鈥檛", "鐢变簬杩欎釜", "鈥?", "いゅ弧", "爛僅笙昢惆豢", "僼傽僀儖", "ÖÐÎÄ", "¡°", "é",
      "，", "。", "“", "”", "?", " ", "\n", "\n\n", "a", "5%", "\xFF", "\xEF\xBF\xBD", "请及时就", "說明", "體",
      "淼淼", "罹患", "瞥", "镑", "秒"};
  std::mt19937 rng(1812);
  std::uniform_int_distribution<std::size_t> piece(0, std::size(kPieces) - 1);
  std::uniform_int_distribution<int> count(1, 80);
  std::size_t with_hits = 0;
  for (int round = 0; round < 4000; ++round) {
    std::string text;
    for (int i = count(rng); i > 0; --i) text += kPieces[piece(rng)];
    MarkedCursor marked(text);
    const auto full = find_cjk_mojibake(text);
    if (!full.empty()) ++with_hits;
    ASSERT_EQ(spans(find_cjk_mojibake(text, marked)), spans(full)) << text;
  }
  EXPECT_GT(with_hits, 1000u);
}

// A stretch with two quiet odd characters (and nothing loud) is passed over
// unread when they stand 9 or more characters apart (no run the misreads
// accept holds both, and one alone weighs too little): the gated scan must
// find what reading every stretch finds with the two at every distance,
// with any quiet odd characters and plain fillers, also where a pair close
// together is garble.
TEST(MojibakeCjk, StretchesWithTwoQuietOddCharactersFarApartHideNoMojibake) {
  std::vector<char32_t> quiet;
  for (char32_t cp = 0x2000; cp < 0xA000; ++cp)
    if (mojibake::is_cjk_odd(cp) && !mojibake::is_cjk_loud(cp)) quiet.push_back(cp);
  ASSERT_GT(quiet.size(), 1000u);
  // Fillers: characters that are neither gates nor odd (common Han, Chinese punctuation).
  std::vector<char32_t> plain;
  for (char32_t cp = 0x2000; cp < 0xA000; ++cp)
    if (!mojibake::is_cjk_odd(cp) && !mojibake::may_open_cjk_gate(cp)) plain.push_back(cp);
  ASSERT_GT(plain.size(), 3000u);
  std::mt19937 rng(9);
  std::uniform_int_distribution<std::size_t> pick_quiet(0, quiet.size() - 1);
  std::uniform_int_distribution<std::size_t> pick_filler(0, plain.size() - 1);
  std::uniform_int_distribution<int> outer(0, 6);
  std::size_t with_hits = 0, passed_over = 0;
  for (int round = 0; round < 40000; ++round) {
    const int apart = round % 14;
    auto fillers = [&](int n) {
      std::string s;
      for (int i = 0; i < n; ++i) utf8::append(s, plain[pick_filler(rng)]);
      return s;
    };
    std::string text = "ab " + fillers(outer(rng));
    utf8::append(text, quiet[pick_quiet(rng)]);
    text += fillers(apart - 1 < 0 ? 0 : apart - 1);
    utf8::append(text, quiet[pick_quiet(rng)]);
    text += fillers(outer(rng)) + " cd";
    MarkedCursor marked(text);
    const auto full = find_cjk_mojibake(text);
    if (!full.empty()) ++with_hits;
    if (apart >= 9) ++passed_over;
    ASSERT_EQ(spans(find_cjk_mojibake(text, marked)), spans(full)) << text;
  }
  EXPECT_GT(with_hits, 0u);  // pairs close together can be garble: the bound is needed
  EXPECT_GT(passed_over, 5000u);
}

// A stretch longer than one read (65,536 characters) is read in pieces: a
// gate reads the pieces up to its own, also when fewer gates than pieces
// come before it (each gate read one piece, and garble past the second
// piece of a long line with two gate characters was never read).
TEST(MojibakeCjk, GatedScanReadsAGateBeyondTheFirstPiecesOfALongStretch) {
  const std::string common = [] {
    std::string s;
    for (int i = 0; i < 200000; ++i) s += "的";
    return s;
  }();
  const std::string text = common + "鈥檛";  // two gates, in the fourth piece
  const std::vector<std::size_t> gates = gate_starts(text);
  ASSERT_EQ(gates.size(), 2u);
  const auto full = find_cjk_mojibake(text);
  ASSERT_EQ(full.size(), 1u);
  EXPECT_EQ(full[0].begin, common.size());
  EXPECT_EQ(spans(find_cjk_mojibake(text, &gates)), spans(full));
  // The piece that ends at a '?' is read, not only the stretch's first.
  const std::string question = common + "鈥?5%";
  const std::vector<std::size_t> question_gates = gate_starts(question);
  ASSERT_EQ(question_gates.size(), 2u);
  const auto question_full = find_cjk_mojibake(question);
  ASSERT_EQ(question_full.size(), 1u);
  EXPECT_EQ(question_full[0].begin, common.size());
  EXPECT_EQ(spans(find_cjk_mojibake(question, &question_gates)), spans(question_full));
  // Random garble after a long stretch, gated or not, finds the same.
  std::mt19937 rng(65536);
  for (int round = 0; round < 20; ++round) {
    const std::string garbled = common + random_chinese_with_garble(rng);
    const std::vector<std::size_t> garbled_gates = gate_starts(garbled);
    ASSERT_EQ(spans(find_cjk_mojibake(garbled, &garbled_gates)), spans(find_cjk_mojibake(garbled))) << round;
  }
}

// A line longer than one read is read in pieces of 65,536 characters that
// overlap by 1,024; each piece keeps only the hits that start before the
// last 512 characters of its overlap, the next piece the others. A hit of
// each kind (UTF-8 read as GBK, a double-byte page misread, a fill run) is
// put into a long line of common characters at every offset where it
// crosses or nears a piece's edge, the overlap's start or the middle of the
// overlap: it is found exactly once, at its exact bytes, gated or not, as in
// a short line.
TEST(MojibakeCjk, AHitNearAPieceEdgeIsFoundOnceWholeWhateverTheSplit) {
  constexpr std::size_t kRead = 65536, kOverlap = 1024;
  struct Garble {
    std::string text;  // three-byte characters only, as the filler
    std::string what;  // the hit's how and recovered text in a short line
  };
  const std::string filler_char = "的";
  std::vector<Garble> garbles;
  for (const char* garble : {"鐢变簬杩欎釜", "扂蠅夤舷善岈璃熬屾賸", "烫烫烫烫烫"}) {
    const std::string alone = "的的的的" + std::string(garble) + "的的的的";
    const auto hits = find_cjk_mojibake(alone);
    ASSERT_EQ(hits.size(), 1u) << garble;
    ASSERT_EQ(hits[0].begin, 12u) << garble;
    ASSERT_EQ(hits[0].end, 12u + std::strlen(garble)) << garble;
    garbles.push_back({garble, std::string(hits[0].how) + hits[0].recovered.value_or("-")});
  }
  auto filler = [&](std::size_t chars) {
    std::string s;
    s.reserve(3 * chars);
    for (std::size_t i = 0; i < chars; ++i) s += filler_char;
    return s;
  };
  std::size_t texts = 0;
  for (const Garble& garble : garbles) {
    const std::size_t length = garble.text.size() / 3;
    // The garble's first character: around each edge that matters, the
    // first piece's end, the second's start and the first's last owned one,
    // and around the second piece's end.
    std::vector<std::size_t> starts;
    for (const std::size_t edge : {kRead, kRead - kOverlap, kRead - kOverlap / 2, 2 * kRead - kOverlap})
      for (std::size_t first = edge - length - 2; first <= edge + 2; ++first) starts.push_back(first);
    for (const std::size_t first : starts) {
      const std::string text = filler(first) + garble.text + filler(2 * kRead - first);
      const std::vector<std::size_t> gates = gate_starts(text);
      for (const bool gated : {false, true}) {
        const auto hits = gated ? find_cjk_mojibake(text, &gates) : find_cjk_mojibake(text);
        ASSERT_EQ(hits.size(), 1u) << garble.text << " at character " << first << (gated ? ", gated" : "");
        EXPECT_EQ(hits[0].begin, 3 * first) << garble.text << " at character " << first;
        EXPECT_EQ(hits[0].end, 3 * first + garble.text.size()) << garble.text << " at character " << first;
        EXPECT_EQ(std::string(hits[0].how) + hits[0].recovered.value_or("-"), garble.what) << first;
      }
      ++texts;
    }
  }
  EXPECT_GT(texts, 50u);
  // The rule, reading its gates from the document's shared scan, reports
  // one finding at the garble's bytes across the first piece's end.
  const std::string garble = "鐢变簬杩欎釜";
  for (std::size_t first = kRead - 8; first <= kRead + 2; ++first) {
    const std::string text = filler(first) + garble + filler(kRead);
    const auto found = findings_of("encoding/mojibake-cjk", make_doc(text, Lang::zh));
    ASSERT_EQ(found.size(), 1u) << first;
    EXPECT_EQ(found[0].span.begin, 3 * first);
    EXPECT_EQ(found[0].span.end, 3 * first + garble.size());
  }
}

// A text with many stretches to read (tens of thousands of characters)
// reads its Han characters' verdicts from a table built by the same
// functions a short text asks: its paragraphs, each alone (short), find
// what they find inside it.
TEST(MojibakeCjk, ALongTextFindsWhatItsParagraphsFindAlone) {
  std::mt19937 rng(99);
  std::vector<std::string> parts;
  std::string text;
  while (text.size() < (512u << 10)) {
    parts.push_back(random_chinese_with_garble(rng));
    text += parts.back() + "\n\n";
  }
  std::vector<std::tuple<std::size_t, std::size_t, std::string>> expected;
  std::size_t offset = 0;
  for (const std::string& part : parts) {
    const std::vector<std::size_t> gates = gate_starts(part);
    for (const auto& [begin, end, what] : spans(find_cjk_mojibake(part, &gates)))
      expected.emplace_back(offset + begin, offset + end, what);
    offset += part.size() + 2;
  }
  const std::vector<std::size_t> gates = gate_starts(text);
  const auto actual = spans(find_cjk_mojibake(text, &gates));
  ASSERT_EQ(actual.size(), expected.size());
  EXPECT_EQ(actual, expected);
  EXPECT_GT(expected.size(), 10000u);
}

// Past 4,096 characters read the scan keeps the facts of the characters it
// meets in a table (not those of Latin-1 and kana, whose verdicts it
// computes each time): a long text of paragraphs of Han, symbols, kana,
// Greek, Cyrillic and Latin-1 garble finds what each paragraph (read
// without the table) finds alone.
TEST(MojibakeCjk, TheFactsTableChangesNoHit) {
  static const char* const kPieces[] = {"いゅ弧", "僼傽僀儖", "ゐ", "ァ", "ゃ", "α", "βγ", "Ж", "─", "·", "é", "ü", "ÖÐÎÄ",
                                        "£±", "鳌", "癫痫", "荨", "中文", "的", "约翰", "，", "。", " ", "a", "\n"};
  std::mt19937 rng(31);
  std::uniform_int_distribution<std::size_t> piece(0, std::size(kPieces) - 1);
  std::uniform_int_distribution<int> count(1, 40);
  std::vector<std::string> parts;
  std::string text;
  while (text.size() < (384u << 10)) {
    std::string part;
    for (int i = count(rng); i > 0; --i) part += kPieces[piece(rng)];
    parts.push_back(part);
    text += part + "\n\n";
  }
  std::vector<std::tuple<std::size_t, std::size_t, std::string>> expected;
  std::size_t offset = 0;
  for (const std::string& part : parts) {
    for (const auto& [begin, end, what] : spans(find_cjk_mojibake(part))) expected.emplace_back(offset + begin, offset + end, what);
    offset += part.size() + 2;
  }
  EXPECT_EQ(spans(find_cjk_mojibake(text)), expected);
  EXPECT_GT(expected.size(), 1000u);
}

// 渎 is GBK E4 C2: a UTF-8 lead byte, but C2 cannot follow it, so UTF-8 read
// as GBK can start there only when a byte was lost after it (U+FFFD from
// Python's decoder, or the '?' of Windows and Java).
TEST(MojibakeCjk, ALeadWhoseTrailCannotContinueStartsGarbleOnlyWhenAByteWasLost) {
  EXPECT_TRUE(find_cjk_mojibake("Name: 渎 ok").empty());
  for (const char* text : {"Name: 渎\uFFFD ok", "Name: 渎? ok"}) {
    const auto hits = find_cjk_mojibake(unescape(text));
    ASSERT_EQ(hits.size(), 1u) << text;
    EXPECT_EQ(hits[0].begin, 6u);
    EXPECT_TRUE(hits[0].lossy);
    EXPECT_EQ(hits[0].how, "UTF-8 read as GBK");
  }
}

TEST(MojibakeCjk, RealChineseIsNotGarble) {
  for (const char* text : {"中华人民共和国的首都是北京。", "龘靐齉爩是罕见字，魑魅魍魉也是。", "锟铻是一个名字。",
                           "醫生建議病人多休息，臺灣與香港使用繁體字。", "日本語のテキストです。", "Ελληνικά κείμενο"})
    EXPECT_TRUE(find_cjk_mojibake(text).empty()) << text;
}

}  // namespace
}  // namespace tc::test
