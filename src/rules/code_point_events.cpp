#include "rules/code_point_events.h"
#include "core/slack.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <string>

#include "core/utf8.h"
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
  if (mojibake::may_open_cjk_gate(cp)) classes |= cls::kCjkGate;
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
  if (const std::uint32_t* prebuilt = prebuilt_code_point_classes()) return {prebuilt, prebuilt + 0x10000};
  std::vector<std::uint32_t> table(0x10000);
  for (char32_t cp = 0; cp < 0x10000; ++cp) table[cp] = code_point_classes(cp);
  return table;
}

// Built once per process; read-only afterwards.
const std::vector<std::uint32_t>& base_table() {
  static const std::vector<std::uint32_t> kTable = build_table();
  return kTable;
}

// The base table with the Traditional characters of the BMP marked, for
// Chinese documents only, from the ranges the build wrote (asking about
// every Han character took some 10M instructions, on the first Chinese
// document of a run).
const std::vector<std::uint32_t>& chinese_table() {
  static const std::vector<std::uint32_t> kTable = [] {
    std::vector<std::uint32_t> table = base_table();
    const std::vector<CodePointRange>* prebuilt = prebuilt_traditional_ranges_in_bmp();
    const std::vector<CodePointRange> computed = prebuilt ? std::vector<CodePointRange>() : traditional_ranges_in_bmp();
    for (const CodePointRange& range : prebuilt ? *prebuilt : computed)
      for (std::uint32_t cp = range.first; cp < range.end; ++cp) table[cp] |= cls::kTraditional;
    return table;
  }();
  return kTable;
}

// The classes worth collecting in doc: those of the rules that can apply to it.
std::uint32_t wanted_classes(const Document& doc) {
  std::uint32_t wanted = cls::kInvalid | cls::kReplacement | cls::kControl | cls::kInvisible | cls::kBidi |
                         cls::kPrivateUse | cls::kUnassigned | cls::kUnusualSpace | cls::kNfcTrigger |
                         cls::kAmpersand | cls::kBackslash | cls::kGreekCyrillic | cls::kLatinImage |
                         cls::kCjkGate;
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
  // Whether a sequence of the text may straddle at: only when a continuation
  // byte follows a non-ASCII one (ASCII is never part of a sequence).
  auto inside_code_point = [&](std::size_t at) {
    return at > 0 && at < size && (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80 &&
           static_cast<unsigned char>(text[at - 1]) >= 0x80;
  };
  for (std::size_t pos = 0; pos < size;) {
    const void* found = std::memchr(prose.data() + pos, kMaskByte, size - pos);
    const std::size_t run = found ? static_cast<std::size_t>(static_cast<const char*>(found) - prose.data()) : size;
    scanner.scan(prose, pos, run, events);
    if (run == size) break;
    std::size_t end = run;
    while (end < size && prose[end] == kMaskByte) ++end;
    if (inside_code_point(run) || inside_code_point(end)) return false;
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

CodePointEvents scan_document(const Document& doc) {
  const std::uint32_t wanted = wanted_classes(doc);
  const auto& table = (wanted & cls::kTraditional) ? chinese_table() : base_table();
  const text::ClassTable classes{table.data(), classes_beyond_bmp, cls::kInvalid, cls::kBeforeNonImage,
                                 kNonImageLeadBytes.data()};
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
  CodePointEvents scanned{std::move(events), {}};
  const std::size_t block = CodePointEvents::kEventBlock;
  scanned.block_classes.resize((scanned.events.size() + block - 1) / block);
  for (std::size_t i = 0; i < scanned.events.size(); ++i) scanned.block_classes[i / block] |= scanned.events[i].classes;
  return scanned;
}

}  // namespace

EventWalk::EventWalk(const CheckContext& context, std::uint32_t classes, bool prose_only)
    : classes_(classes), prose_only_(prose_only) {
  if (context.memo) {
    const std::string key = "code-point-events@" + std::to_string(reinterpret_cast<std::uintptr_t>(&context.doc));
    events_ = &context.memo->get<CodePointEvents>(key, [&] { return scan_document(context.doc); });
  } else {
    owned_ = scan_document(context.doc);
    events_ = &owned_;
  }
}

std::vector<std::size_t> EventWalk::starts() {
  std::vector<std::size_t> out;
  for (std::size_t pos = 0; const text::ClassEvent* event = next(pos); pos = event->end()) out.push_back(event->begin);
  return out;
}

}  // namespace tc
