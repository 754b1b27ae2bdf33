#include "report/alignment_printers.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/utf8.h"
#include "report/excerpt.h"
#include "report/json_stream.h"
#include "report/location.h"

namespace tc {
namespace {

std::string sentence_text(const Document& doc, const Sentence& sentence) {
  return doc.text.substr(sentence.span.begin, sentence.span.size());
}


std::string bead_type(const Bead& bead) {
  return std::to_string(bead.source.size()) + "-" + std::to_string(bead.target.size());
}

std::string joined(const Document& doc, const std::vector<Sentence>& sentences, const SentenceRun& ids) {
  std::string out;
  for (auto id : ids) {
    if (!out.empty()) out += ' ';
    // One line, and nothing from the document reaches the terminal raw
    // (ESC, OSC, bidi controls are shown as <U+XXXX>).
    out += printable(sentence_text(doc, sentences[id]));
  }
  return out;
}

int display_width(char32_t cp) {
  if (cp == utf8::kInvalid) return 1;
  const auto width = u_getIntPropertyValue(static_cast<UChar32>(cp), UCHAR_EAST_ASIAN_WIDTH);
  return width == U_EA_WIDE || width == U_EA_FULLWIDTH ? 2 : 1;
}

// Splits text into lines of at most `columns` display columns, breaking at
// spaces when there is one, else anywhere (Chinese).
std::vector<std::string> wrap(std::string_view text, int columns) {
  std::vector<std::string> lines;
  std::string line;
  int width = 0;
  std::size_t last_space = std::string::npos;
  int width_at_space = 0;
  std::size_t pos = 0;
  while (pos < text.size()) {
    const std::size_t start = pos;
    const char32_t cp = utf8::next(text, pos);
    const int w = display_width(cp);
    if (cp == utf8::kInvalid) {
      // Ill-formed bytes are shown as U+FFFD, never written raw to a terminal.
      if (width + 1 > columns && !line.empty()) lines.push_back(line), line.clear(), width = 0, last_space = std::string::npos;
      line += "\xEF\xBF\xBD";
      width += 1;
      continue;
    }
    if (width + w > columns && !line.empty()) {
      if (last_space != std::string::npos && cp != ' ') {
        std::string rest = line.substr(last_space + 1);
        line.resize(last_space);
        lines.push_back(line);
        line = rest;
        width -= width_at_space + 1;
      } else {
        lines.push_back(line);
        line.clear();
        width = 0;
      }
      last_space = std::string::npos;
      if (cp == ' ') continue;
    }
    if (cp == ' ') last_space = line.size(), width_at_space = width;
    line.append(text.substr(start, pos - start));
    width += w;
  }
  if (!line.empty() || lines.empty()) lines.push_back(line);
  return lines;
}

void print_text(std::ostream& out, const Document& source, const Document& target, const Alignment& alignment) {
  constexpr int kColumn = 48;
  const std::string source_name = printable(source.path);
  out << source_name << std::string(static_cast<std::size_t>(std::max(1, kColumn - static_cast<int>(utf8::count(source_name)))), ' ')
      << " | " << printable(target.path) << "\n";
  for (const auto& bead : alignment.beads) {
    char score[16];
    std::snprintf(score, sizeof score, "%.2f", bead.score);
    out << "--- " << bead_type(bead) << "  score " << score << "\n";
    const auto left = wrap(joined(source, alignment.source_sentences, bead.source), kColumn);
    const auto right = wrap(joined(target, alignment.target_sentences, bead.target), kColumn);
    for (std::size_t row = 0; row < std::max(left.size(), right.size()); ++row) {
      const std::string l = row < left.size() ? left[row] : "";
      int width = 0;
      for (std::size_t p = 0; p < l.size();) width += display_width(utf8::next(l, p));
      out << l << std::string(static_cast<std::size_t>(std::max(0, kColumn - width)), ' ') << " | "
          << (row < right.size() ? right[row] : "") << "\n";
    }
  }
}

// locator is the document's own: sentences come in document order, so it
// counts columns on from the previous sentence, not from a (huge) line's start.
nlohmann::json sentences_json(const Document& doc, const std::vector<Sentence>& sentences,
                              const SentenceRun& ids, Locator& locator) {
  nlohmann::json array = nlohmann::json::array();
  for (auto id : ids) {
    const std::size_t begin = sentences[id].span.begin;
    const Position position = locator.locate(doc, {begin, begin}).start;
    array.push_back({{"index", id},
                     {"line", position.line},
                     {"column", position.column},
                     {"text", sentence_text(doc, sentences[id])}});
  }
  return array;
}

void print_json(std::ostream& out, const Document& source, const Document& target, const Alignment& alignment) {
  nlohmann::json pairs = nlohmann::json::array();
  Locator source_locator;
  Locator target_locator;
  for (const auto& bead : alignment.beads)
    pairs.push_back({{"source", sentences_json(source, alignment.source_sentences, bead.source, source_locator)},
                     {"target", sentences_json(target, alignment.target_sentences, bead.target, target_locator)},
                     {"type", bead_type(bead)},
                     {"score", std::round(bead.score * 1000) / 1000}});
  nlohmann::json root = {{"source", source.path},
                         {"target", target.path},
                         {"source_sentences", alignment.source_sentences.size()},
                         {"target_sentences", alignment.target_sentences.size()},
                         {"pairs", pairs}};
  // Ill-formed bytes in the input must not make the dump throw, and nothing
  // that steers a terminal is written raw.
  out << escape_steering_characters(root.dump(2, ' ', false, nlohmann::json::error_handler_t::replace)) << "\n";
}

void print_tsv(std::ostream& out, const Document& source, const Document& target, const Alignment& alignment) {
  for (const auto& bead : alignment.beads)
    out << joined(source, alignment.source_sentences, bead.source) << "\t"
        << joined(target, alignment.target_sentences, bead.target) << "\n";
}

void print_beads(std::ostream& out, const Alignment& alignment) {
  auto list = [](const SentenceRun& ids) {
    std::string s = "[";
    for (std::size_t k = 0; k < ids.size(); ++k) {
      if (k > 0) s += ',';
      s += std::to_string(ids[k]);
    }
    return s + "]";
  };
  for (const auto& bead : alignment.beads) out << list(bead.source) << ":" << list(bead.target) << "\n";
}

}  // namespace

bool is_alignment_format(std::string_view format) {
  return format == "text" || format == "json" || format == "tsv" || format == "beads";
}

void print_alignment(std::string_view format, std::ostream& out, const Document& source, const Document& target,
                     const Alignment& alignment) {
  if (format == "json") print_json(out, source, target, alignment);
  else if (format == "tsv") print_tsv(out, source, target, alignment);
  else if (format == "beads") print_beads(out, alignment);
  else print_text(out, source, target, alignment);
}

}  // namespace tc
