// The shared scan of a document whose prose is masked in places reads the
// prose between the masks and the text inside them; its events must be those
// a scan of the whole text finds, with the masked ones marked not prose.
#include <gtest/gtest.h>

#include <random>
#include <string>
#include <tuple>
#include <vector>

#include "core/document.h"
#include "core/settings.h"
#include "core/utf8.h"
#include "rules/code_point_events.h"

namespace tc {
namespace {

namespace cls = code_point_class;

constexpr std::uint32_t kWalked = cls::kInvalid | cls::kControl | cls::kAmpersand | cls::kBackslash |
                                  cls::kCjkLetter | cls::kLatinImage | cls::kCjkGate | cls::kUnusualSpace;

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
    if ((classes & kWalked) == 0) continue;
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
  EventWalk walk(context, kWalked, prose_only);
  std::vector<Walked> events;
  for (std::size_t pos = 0; const text::ClassEvent* event = walk.next(pos); pos = event->end())
    events.emplace_back(event->begin, event->end(), event->cp);
  return events;
}

// Pieces of English and Chinese text, with what the walk looks for: ASCII
// marks, rare and common ideographs, Latin-1, ill-formed bytes, a literal
// mask byte (U+001A, a control character) and a no-break space.
std::string random_text(std::mt19937& rng, std::size_t pieces) {
  static const std::vector<std::string> kPieces{
      "word ", "the ", "\n", "&", "\\", "\x1A", "\x07", "caf\xC3\xA9 ", "\xC2\xA0", "\xE4\xB8\xAD\xE6\x96\x87",
      "\xE7\x90\xA6", "\xE6\xB7\xBC", "\xE3\x80\x82", "\xEF\xBC\x8C", "\xE2\x80\x9C", "\xF0\x9F\x98\x80", "\xE4\xB8",
      "\xFF", "\x80", "\xE9\x94\x9F\xE6\x96\xA4\xE6\x8B\xB7"};
  std::string text;
  for (std::size_t i = 0; i < pieces; ++i) text += kPieces[rng() % kPieces.size()];
  return text;
}

// Masks some spans of the text: whole code points, or (misaligned) from a
// byte inside one, which the scan must notice and handle as before.
std::string random_mask(const std::string& text, std::mt19937& rng, bool aligned) {
  std::string masked = text;
  const std::size_t spans = rng() % 6;
  for (std::size_t s = 0; s < spans && !text.empty(); ++s) {
    std::size_t begin = rng() % text.size();
    std::size_t end = std::min(text.size(), begin + 1 + rng() % 40);
    if (aligned) {
      while (begin > 0 && (static_cast<unsigned char>(text[begin]) & 0xC0) == 0x80) --begin;
      while (end < text.size() && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) ++end;
    }
    for (std::size_t i = begin; i < end; ++i) masked[i] = kMaskByte;
  }
  return masked == text ? std::string() : masked;
}

void expect_walks_as_plain_decode(std::size_t pieces, int rounds, unsigned seed) {
  std::mt19937 rng(seed);
  for (int round = 0; round < rounds; ++round) {
    Document doc;
    doc.lang = Lang::en;
    doc.text = random_text(rng, pieces);
    doc.masked = random_mask(doc.text, rng, round % 4 != 0);
    for (const bool prose_only : {false, true})
      ASSERT_EQ(walked_events(doc, prose_only), plain_events(doc, prose_only))
          << "round " << round << (prose_only ? " prose only" : " all");
  }
}

TEST(CodePointEvents, AShortMaskedDocumentWalksAsAPlainDecodeOfItsText) {
  expect_walks_as_plain_decode(60, 1500, 3);
}

// Long enough for the wanted bits and the run loops of the scan.
TEST(CodePointEvents, ALongMaskedDocumentWalksAsAPlainDecodeOfItsText) {
  expect_walks_as_plain_decode(6000, 12, 4);
}

}  // namespace
}  // namespace tc
