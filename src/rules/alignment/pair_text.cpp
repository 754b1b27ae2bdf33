#include "rules/alignment/pair_text.h"

#include "core/utf8.h"
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
