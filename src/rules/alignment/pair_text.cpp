#include "rules/alignment/pair_text.h"

#include <algorithm>
#include <string>

#include "core/utf8.h"
#include "text/ascii.h"
#include "text/han.h"

namespace tc::alignment_rules {

std::optional<Pair> pair_of(const CheckContext& context) {
  if (!context.alignment || !context.source || !context.target) return std::nullopt;
  return Pair{*context.alignment, *context.source, *context.target};
}

Span side_span(const std::vector<Sentence>& sentences, const SentenceRun& ids) {
  if (ids.empty()) return {};
  return {sentences[ids.front()].span.begin, sentences[ids.back()].span.end};
}

std::string quote(const Document& doc, Span span, std::size_t max_chars) {
  std::string out;
  std::size_t pos = span.begin, count = 0;
  bool space = false;
  while (pos < span.end && pos < doc.text.size()) {
    const char32_t cp = utf8::next(doc.text, pos);
    if (cp == '\n' || cp == '\r' || cp == '\t' || cp == ' ') {
      space = !out.empty();
      continue;
    }
    if (count >= max_chars) {
      out += "…";
      break;
    }
    if (space) out += ' ', ++count, space = false;
    if (cp == utf8::kInvalid) out += "\xEF\xBF\xBD";
    else utf8::append(out, cp);
    ++count;
  }
  return out;
}

Counterpart counterpart(const Document& doc, Span span) { return {&doc, span, quote(doc, span, 200)}; }

std::vector<Span> nearest_other_sides(const Alignment& alignment, const std::vector<UnpairedRun>& runs, bool other_is_target) {
  const auto& sentences = other_is_target ? alignment.target_sentences : alignment.source_sentences;
  auto side = [&](const Bead& bead) -> const SentenceRun& { return other_is_target ? bead.target : bead.source; };
  // One pass in bead order (runs are in it): the last bead before each run
  // with text on the other side; before the first such bead, the first one.
  std::size_t first = alignment.beads.size();
  for (std::size_t k = 0; k < alignment.beads.size() && first == alignment.beads.size(); ++k)
    if (!side(alignment.beads[k]).empty()) first = k;
  std::vector<Span> near;
  near.reserve(runs.size());
  std::size_t next = 0;                               // beads before this one are seen
  std::size_t last = alignment.beads.size();          // the last seen with text on the other side
  for (const UnpairedRun& run : runs) {
    for (; next < run.bead; ++next)
      if (!side(alignment.beads[next]).empty()) last = next;
    if (last < alignment.beads.size()) near.push_back(sentences[side(alignment.beads[last]).back()].span);
    else if (first < alignment.beads.size()) near.push_back(sentences[side(alignment.beads[first]).front()].span);
    else near.push_back({});
  }
  return near;
}

std::vector<UnpairedRun> unpaired_runs(const Alignment& alignment, const Document& doc, bool target_side) {
  const auto& sentences = target_side ? alignment.target_sentences : alignment.source_sentences;
  std::vector<UnpairedRun> runs;
  std::size_t last_sentence = static_cast<std::size_t>(-1);
  for (std::size_t b = 0; b < alignment.beads.size(); ++b) {
    const Bead& bead = alignment.beads[b];
    const auto& mine = target_side ? bead.target : bead.source;
    const auto& other = target_side ? bead.source : bead.target;
    if (!other.empty()) continue;
    for (const std::size_t k : mine) {
      const Sentence& sentence = sentences[k];
      if (!has_letters(std::string_view(doc.text).substr(sentence.span.begin, sentence.span.size()))) continue;
      if (!runs.empty() && last_sentence + 1 == k && sentences[last_sentence].paragraph == sentence.paragraph)
        runs.back().span.end = sentence.span.end;
      else
        runs.push_back({sentence.span, b});
      last_sentence = k;
    }
  }
  return runs;
}

namespace {

// Each of its lines (at most kMaxTitleLines) is short and has no
// sentence-ending mark at its end: a title, a date line.
bool title_like(std::string_view text) {
  constexpr std::size_t kMaxTitleBytes = 120, kMaxTitleLines = 3;
  std::size_t lines = 0;
  while (!text.empty()) {
    const std::size_t newline = text.find('\n');
    std::string_view line = text.substr(0, newline);
    text = newline == std::string_view::npos ? std::string_view() : text.substr(newline + 1);
    while (!line.empty() && (line.back() == ' ' || line.back() == '\r')) line.remove_suffix(1);
    if (line.empty()) continue;
    if (++lines > kMaxTitleLines || line.size() > kMaxTitleBytes) return false;
    std::size_t end = line.size();
    const char32_t last = utf8::previous(line, end);
    if (last == '.' || last == '!' || last == '?' || last == U'。' || last == U'！' || last == U'？') return false;
  }
  return lines > 0;
}

// The numbers a line states, in order: its runs of ASCII digits ("Page 1 of
// 12" -> 1, 12; a run too long for a date or page counts as none) and the
// English month names as their numbers ("Revised: December 1, 2025" -> 12,
// 1, 2025, as 修订日期：2025年12月1日 states them).
std::vector<unsigned long> stated_numbers(std::string_view text) {
  static constexpr std::string_view kMonths[] = {"january", "february", "march",     "april",   "may",      "june",
                                                 "july",    "august",   "september", "october", "november", "december"};
  // Its full name or its three-letter abbreviation ("Sept" too).
  const auto month = [](std::string_view word) -> unsigned long {
    for (std::size_t m = 0; m < 12; ++m)
      if (word == kMonths[m] || word == kMonths[m].substr(0, 3) || (m == 8 && word == "sept")) return m + 1;
    return 0;
  };
  std::vector<unsigned long> numbers;
  std::size_t pos = 0;
  while (pos < text.size()) {
    const char c = text[pos];
    if (c >= '0' && c <= '9') {
      const std::size_t start = pos;
      unsigned long value = 0;
      while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') value = value * 10 + static_cast<unsigned long>(text[pos++] - '0');
      if (pos - start <= 9) numbers.push_back(value);
      continue;
    }
    if (std::isalpha(static_cast<unsigned char>(c))) {
      const std::size_t start = pos;
      while (pos < text.size() && std::isalpha(static_cast<unsigned char>(text[pos]))) ++pos;
      if (const unsigned long m = month(to_lower_ascii(text.substr(start, pos - start)))) numbers.push_back(m);
      continue;
    }
    ++pos;
  }
  return numbers;
}

// Every number of the run is among the numbers of the furniture: the run is
// that furniture kept as body text (第1页，共1页 beside "Page 1 of 1"). A run
// without numbers shares nothing: a warning line omitted at the end.
bool shares_numbers_with(std::string_view run, const std::vector<unsigned long>& furniture_numbers) {
  const std::vector<unsigned long> numbers = stated_numbers(run);
  return !numbers.empty() && std::all_of(numbers.begin(), numbers.end(), [&](unsigned long n) {
    return std::find(furniture_numbers.begin(), furniture_numbers.end(), n) != furniture_numbers.end();
  });
}

}  // namespace

namespace {

// The words of text (ASCII letters and digits), lower-cased and joined by
// single spaces, without a leading "the".
std::string name_words(std::string_view text) {
  std::string words;
  for (std::size_t pos = 0; pos < text.size();) {
    while (pos < text.size() && !is_ascii_alnum(static_cast<unsigned char>(text[pos]))) ++pos;
    const std::size_t begin = pos;
    while (pos < text.size() && is_ascii_alnum(static_cast<unsigned char>(text[pos]))) ++pos;
    if (pos == begin) break;
    const std::string word = to_lower_ascii(text.substr(begin, pos - begin));
    if (words.empty() && word == "the") continue;
    if (!words.empty()) words += ' ';
    words += word;
  }
  return words;
}

}  // namespace

std::vector<bool> kept_as_written(const Pair& pair, bool target_side, const std::vector<UnpairedRun>& runs) {
  std::vector<bool> flags(runs.size(), false);
  const Document& mine = target_side ? pair.target : pair.source;
  const Document& other = target_side ? pair.source : pair.target;
  std::vector<std::string> kept_names;
  for (const Block& block : other.blocks)
    if (block.kept == KeptKind::name) {
      const Span content = block.content().empty() ? block.span() : block.content();
      if (std::string words = name_words(std::string_view(other.text).substr(content.begin, content.size())); !words.empty())
        kept_names.push_back(std::move(words));
    }
  if (kept_names.empty()) return flags;
  for (std::size_t r = 0; r < runs.size(); ++r) {
    const std::string words = name_words(std::string_view(mine.text).substr(runs[r].span.begin, runs[r].span.size()));
    flags[r] = !words.empty() && std::find(kept_names.begin(), kept_names.end(), words) != kept_names.end();
  }
  return flags;
}

std::vector<bool> counterparts_set_apart(const Pair& pair, bool target_side, const std::vector<UnpairedRun>& runs) {
  std::vector<bool> set_apart(runs.size(), false);
  if (runs.empty()) return set_apart;
  const Document& mine = target_side ? pair.target : pair.source;
  const Document& other = target_side ? pair.source : pair.target;
  const Alignment& alignment = pair.alignment;
  // The paired text of each side: from its first paired sentence to its last.
  std::size_t first_bead = alignment.beads.size(), last_bead = 0;
  for (std::size_t b = 0; b < alignment.beads.size(); ++b) {
    const Bead& bead = alignment.beads[b];
    if (bead.source.empty() || bead.target.empty()) continue;
    if (first_bead == alignment.beads.size()) first_bead = b;
    last_bead = b;
  }
  if (first_bead == alignment.beads.size()) return set_apart;
  const auto& other_sentences = target_side ? alignment.source_sentences : alignment.target_sentences;
  auto other_ids = [&](std::size_t b) -> const SentenceRun& {
    return target_side ? alignment.beads[b].source : alignment.beads[b].target;
  };
  const std::size_t other_begin = other_sentences[other_ids(first_bead).front()].span.begin;
  const std::size_t other_end = other_sentences[other_ids(last_bead).back()].span.end;
  // A title-like run at the top edge is the header the other side set apart.
  // At the bottom edge a title-like run may as well be a warning line that
  // was dropped ("对本品过敏者禁用" beside a "Page 1 of 1" footer), so there it
  // is excused only when it repeats the footer's numbers.
  bool furniture_before = false;
  std::vector<unsigned long> numbers_after;
  bool furniture_after = false;
  for (const Block& block : other.blocks) {
    if (block.kind != BlockKind::furniture) continue;
    if (block.span().end <= other_begin) furniture_before = true;
    if (block.span().begin >= other_end) {
      furniture_after = true;
      const std::vector<unsigned long> numbers = stated_numbers(std::string_view(other.text).substr(block.span().begin, block.span().size()));
      numbers_after.insert(numbers_after.end(), numbers.begin(), numbers.end());
    }
  }
  for (std::size_t r = 0; r < runs.size(); ++r) {
    const std::string_view text = std::string_view(mine.text).substr(runs[r].span.begin, runs[r].span.size());
    if (!title_like(text)) continue;
    if (runs[r].bead < first_bead) set_apart[r] = furniture_before;
    else if (runs[r].bead > last_bead) set_apart[r] = furniture_after && shares_numbers_with(text, numbers_after);
  }
  return set_apart;
}

bool has_letters(std::string_view text) {
  std::size_t pos = 0;
  while (pos < text.size()) {
    const unsigned char c = static_cast<unsigned char>(text[pos]);
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) return true;
    if (c < 0x80) { ++pos; continue; }
    const char32_t cp = utf8::next(text, pos);
    if (is_han(cp)) return true;
    if (cp >= 0xC0 && cp < 0x2000) return true;
  }
  return false;
}

}  // namespace tc::alignment_rules
