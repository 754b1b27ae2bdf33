#include "rules/alignment/pair_text.h"

#include "core/utf8.h"
#include "text/han.h"

namespace tc::alignment_rules {

std::optional<Pair> pair_of(const CheckContext& context) {
  if (!context.alignment || !context.source || !context.target) return std::nullopt;
  return Pair{*context.alignment, *context.source, *context.target};
}

Span side_span(const std::vector<Sentence>& sentences, const std::vector<std::size_t>& ids) {
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

Span nearest_other_side(const Alignment& alignment, std::size_t bead_index, bool other_is_target) {
  const auto& sentences = other_is_target ? alignment.target_sentences : alignment.source_sentences;
  auto side = [&](const Bead& bead) -> const std::vector<std::size_t>& { return other_is_target ? bead.target : bead.source; };
  for (std::size_t k = bead_index; k-- > 0;)
    if (!side(alignment.beads[k]).empty()) return sentences[side(alignment.beads[k]).back()].span;
  for (std::size_t k = bead_index + 1; k < alignment.beads.size(); ++k)
    if (!side(alignment.beads[k]).empty()) return sentences[side(alignment.beads[k]).front()].span;
  return {};
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
