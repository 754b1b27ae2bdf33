#include "core/utf8_validate.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "core/utf8.h"

namespace tc::utf8 {
namespace {

constexpr std::size_t npos = std::string_view::npos;

// The reference every path is compared with, written from Unicode's Table 3-7
// (well-formed byte sequences) and nothing else: the offset of the first
// sequence that is not well-formed, counted from its lead.
std::size_t reference_first_invalid(std::string_view text) {
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size();
  std::size_t i = 0;
  while (i < n) {
    const unsigned lead = p[i];
    if (lead < 0x80) {
      ++i;
      continue;
    }
    std::size_t length = 0;
    unsigned second_min = 0x80, second_max = 0xBF;
    if (lead >= 0xC2 && lead <= 0xDF) {
      length = 2;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
      length = 3;
      if (lead == 0xE0) second_min = 0xA0;
      if (lead == 0xED) second_max = 0x9F;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
      length = 4;
      if (lead == 0xF0) second_min = 0x90;
      if (lead == 0xF4) second_max = 0x8F;
    } else {
      return i;
    }
    if (i + 1 >= n || p[i + 1] < second_min || p[i + 1] > second_max) return i;
    for (std::size_t k = 2; k < length; ++k)
      if (i + k >= n || (p[i + k] & 0xC0) != 0x80) return i;
    i += length;
  }
  return npos;
}

std::vector<ValidationPath> available_paths() {
  std::vector<ValidationPath> paths;
  for (ValidationPath path : {ValidationPath::scalar, ValidationPath::ssse3, ValidationPath::avx2})
    if (path_available(path)) paths.push_back(path);
  return paths;
}

// Checks every available path on text against the expected offset; returns
// false (after one failure message) so loops over millions of inputs stop early.
bool all_paths_agree(std::string_view text, std::size_t expected, const std::vector<ValidationPath>& paths,
                     std::string_view what) {
  for (ValidationPath path : paths) {
    const std::size_t got = first_invalid_by(text, path);
    if (got != expected) {
      std::string bytes;
      for (unsigned char c : text.substr(0, 200)) {
        char hex[4];
        std::snprintf(hex, sizeof hex, "%02X ", c);
        bytes += hex;
      }
      ADD_FAILURE() << path_name(path) << " on " << what << ": got "
                    << (got == npos ? std::string("npos") : std::to_string(got)) << ", expected "
                    << (expected == npos ? std::string("npos") : std::to_string(expected)) << " (size "
                    << text.size() << ": " << bytes << ")";
      return false;
    }
  }
  return true;
}

// Text of exactly `size` well-formed bytes: ASCII, or mostly three-byte Han
// (so the SIMD paths see non-ASCII blocks around the piece under test).
std::string filler(std::size_t size, bool han) {
  std::string text;
  if (han)
    while (text.size() + 3 <= size) text += "\xE4\xB8\xAD";
  text.append(size - text.size(), 'a');
  return text;
}

// The offsets where a short piece meets the edges the SIMD paths have: the
// 16-byte lanes, the 32-byte registers, the 64-byte blocks.
const std::vector<std::size_t> kEdgeOffsets = {0, 1, 13, 14, 15, 16, 29, 30, 31, 32, 61, 62, 63, 64};

TEST(Utf8Validate, ScalarIsAlwaysAvailableAndTheBestPathIsUsed) {
  EXPECT_TRUE(path_available(ValidationPath::scalar));
  EXPECT_TRUE(path_available(best_validation_path()));
  // The machines this runs on have SSSE3 (every x86-64 made since 2008 but a few).
#if defined(__x86_64__)
  EXPECT_TRUE(path_available(ValidationPath::ssse3));
#endif
  std::string text = filler(200, true);
  text[150] = '\xFF';
  EXPECT_EQ(first_invalid(text), 150u);
  EXPECT_EQ(first_invalid_by(text, best_validation_path()), 150u);
  EXPECT_FALSE(is_valid(text));
  EXPECT_TRUE(is_valid(filler(200, true)));
}

TEST(Utf8Validate, EveryOneAndTwoByteSequenceAtEveryOffsetOfThreeBlocks) {
  const auto paths = available_paths();
  for (bool han : {false, true}) {
    const std::string after = filler(130, han);
    std::vector<std::string> befores;
    for (std::size_t offset = 0; offset <= 130; ++offset) befores.push_back(filler(offset, han));
    std::string text;
    for (unsigned value = 0; value < 0x10000; ++value) {
      for (std::size_t length : {std::size_t{1}, std::size_t{2}}) {
        if (length == 1 && value > 0xFF) continue;
        std::string piece;
        if (length == 2) piece += static_cast<char>(value >> 8);
        piece += static_cast<char>(value & 0xFF);
        const std::size_t in_piece = reference_first_invalid(piece + after);
        const std::size_t at_end = reference_first_invalid(piece);
        for (std::size_t offset = 0; offset <= 130; ++offset) {
          // As the text's last bytes, and followed by text.
          text.assign(befores[offset]);
          text += piece;
          if (!all_paths_agree(text, at_end == npos ? npos : offset + at_end, paths, "a sequence ending the text"))
            return;
          text += after;
          if (!all_paths_agree(text, in_piece == npos ? npos : offset + in_piece, paths, "a sequence inside the text"))
            return;
        }
      }
    }
  }
}

TEST(Utf8Validate, EveryThreeByteSequenceAtTheEdgesOfLanesRegistersAndBlocks) {
  const auto paths = available_paths();
  const std::string after = filler(70, true);
  std::vector<std::string> befores;
  for (std::size_t offset : kEdgeOffsets) befores.push_back(filler(offset, true));
  std::string text;
  for (unsigned value = 0; value < 0x1000000; ++value) {
    const char piece[3] = {static_cast<char>(value >> 16), static_cast<char>(value >> 8 & 0xFF),
                           static_cast<char>(value & 0xFF)};
    const std::string_view piece_view(piece, 3);
    // A first byte below C0 is ASCII or a stray continuation byte, which the
    // two-byte test covers at every offset: here two edges suffice.
    const bool lead_first = static_cast<unsigned char>(piece[0]) >= 0xC0;
    text.assign(piece_view);
    text += after;
    const std::size_t in_piece = reference_first_invalid(text);
    for (std::size_t k = 0; k < befores.size(); ++k) {
      const std::size_t offset = kEdgeOffsets[k];
      if (!lead_first && offset != 15 && offset != 63) continue;
      text.assign(befores[k]);
      text += piece_view;
      text += after;
      if (!all_paths_agree(text, in_piece == npos ? npos : offset + in_piece, paths, "a three-byte sequence")) return;
    }
  }
}

TEST(Utf8Validate, FourByteSequencesAtEveryOffsetOfThreeBlocks) {
  const auto paths = available_paths();
  // Every lead that can start a four-byte sequence, its neighbours, and the
  // values on each side of every boundary Table 3-7 draws for the bytes after it.
  const std::vector<unsigned> leads = {0x7F, 0xC2, 0xDF, 0xE0, 0xED, 0xEF, 0xF0, 0xF1, 0xF3, 0xF4, 0xF5, 0xF7, 0xF8, 0xFF};
  const std::vector<unsigned> tails = {0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC2, 0xE0, 0xF0, 0xFF};
  for (bool han : {false, true}) {
    const std::string after = filler(70, han);
    for (unsigned lead : leads)
      for (unsigned b1 : tails)
        for (unsigned b2 : tails)
          for (unsigned b3 : tails) {
            const std::string piece = {static_cast<char>(lead), static_cast<char>(b1), static_cast<char>(b2),
                                       static_cast<char>(b3)};
            const std::size_t in_piece = reference_first_invalid(piece + after);
            for (std::size_t offset = 0; offset <= 130; offset += (han ? 1 : 3)) {
              if (!all_paths_agree(filler(offset, han) + piece + after, in_piece == npos ? npos : offset + in_piece,
                                   paths, "a four-byte sequence"))
                return;
            }
          }
  }
  // And a random sample of all four-byte values, led mostly by F0-F4.
  std::mt19937 random(20261205);
  const std::string after = filler(70, true);
  for (int k = 0; k < 300000; ++k) {
    std::uint32_t value = static_cast<std::uint32_t>(random());
    if (k % 4 != 0) value = (value & 0x00FFFFFF) | (0xF0u + value % 5) << 24;
    if (k % 2 == 0) value = (value & 0xFFC0C0C0u) | 0x00808080u;  // continuation bytes after the lead
    const std::string piece = {static_cast<char>(value >> 24), static_cast<char>(value >> 16 & 0xFF),
                               static_cast<char>(value >> 8 & 0xFF), static_cast<char>(value & 0xFF)};
    const std::size_t offset = random() % 131;
    const std::string text = filler(offset, k % 3 != 0) + piece + after;
    if (!all_paths_agree(text, reference_first_invalid(text), paths, "a random four-byte sequence")) return;
  }
}

// Real-looking mixed text: English, Chinese, accents, emoji, CJK punctuation.
std::string mixed_text(std::mt19937& random, std::size_t size) {
  const std::vector<std::string> pieces = {
      "The quick brown fox ", "jumps over the lazy dog. ", "\xE4\xB8\xAD\xE6\x96\x87\xE7\xBF\xBB\xE8\xAF\x91",
      "\xEF\xBC\x8C", "\xE3\x80\x82", "caf\xC3\xA9 ", "na\xC3\xAFve ", "\xF0\x9F\x98\x80", "\xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD",
      "\n\n", "\xE2\x80\x9C", "\xE2\x80\x9D", "\xE6\x88\x91\xE4\xBB\xAC\xE7\x9A\x84\xE6\xA3\x80\xE6\x9F\xA5",
      "\xEF\xBF\xBD", "\xF4\x8F\xBF\xBF", "\xF0\x90\x80\x80", "\xED\x9F\xBF", "\xEE\x80\x80", "\xC2\xA0",
      "\xDF\xBF", "\xE0\xA0\x80", "2026-12-05 ", "https://example.org/a?b=c "};
  std::string text;
  while (text.size() < size) text += pieces[random() % pieces.size()];
  return text;
}

TEST(Utf8Validate, RandomMutationsOfMixedText) {
  const auto paths = available_paths();
  std::mt19937 random(12);
  for (int round = 0; round < 100000; ++round) {
    std::string text = mixed_text(random, 1 + random() % 1500);
    ASSERT_EQ(reference_first_invalid(text), npos);
    const int mutations = 1 + static_cast<int>(random() % 3);
    for (int m = 0; m < mutations && !text.empty(); ++m) {
      const std::size_t at = random() % text.size();
      switch (random() % 6) {
        case 0:  // any byte
          text[at] = static_cast<char>(random());
          break;
        case 1:  // a continuation byte
          text[at] = static_cast<char>(0x80 | (random() & 0x3F));
          break;
        case 2:  // a lead byte
          text[at] = static_cast<char>(0xC0 | (random() & 0x3F));
          break;
        case 3:  // a byte lost
          text.erase(at, 1);
          break;
        case 4:  // a byte doubled
          text.insert(at, 1, text[at]);
          break;
        default:  // cut off
          text.resize(at);
          break;
      }
    }
    if (!all_paths_agree(text, reference_first_invalid(text), paths, "mutated mixed text")) return;
  }
}

TEST(Utf8Validate, EveryPrefixAndSuffixOfMixedText) {
  const auto paths = available_paths();
  std::mt19937 random(7);
  for (int round = 0; round < 20; ++round) {
    const std::string text = mixed_text(random, 400);
    for (std::size_t k = 0; k <= text.size(); ++k) {
      const std::string_view prefix = std::string_view(text).substr(0, k);
      const std::string_view suffix = std::string_view(text).substr(k);
      if (!all_paths_agree(prefix, reference_first_invalid(prefix), paths, "a truncated text")) return;
      if (!all_paths_agree(suffix, reference_first_invalid(suffix), paths, "a text starting anywhere")) return;
    }
  }
}

TEST(Utf8Validate, LongTextsWithOneErrorFarIn) {
  const auto paths = available_paths();
  std::mt19937 random(99);
  const std::string clean = mixed_text(random, 200000);
  EXPECT_TRUE(all_paths_agree(clean, npos, paths, "long clean text"));
  for (const char* bad : {"\xC0\x80", "\xED\xA0\x80", "\xF4\x90\x80\x80", "\x80", "\xE4\xB8", "\xF0\x9F\x98"})
    for (std::size_t at : {std::size_t{100000}, std::size_t{150001}, std::size_t{199999}}) {
      std::string text = clean;
      text.insert(at, bad);
      all_paths_agree(text, reference_first_invalid(text), paths, "long text with one error");
    }
}

}  // namespace
}  // namespace tc::utf8
