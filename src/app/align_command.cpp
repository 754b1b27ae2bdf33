// `transcheck align SOURCE TARGET`: the sentence alignment of a translation
// pair, side by side (text), as JSON, TSV, or beads ([i,j]:[k], 0-based).
#include <unicode/uchar.h>

#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

#include "align/align.h"
#include "app/cli_options.h"
#include "app/commands.h"
#include "app/output.h"
#include "core/utf8.h"
#include "engine/session.h"
#include "report/location.h"

namespace tc::app {
namespace {

struct AlignArgs {
  std::string source;
  std::string target;
  std::string source_lang = "zh";
  std::string target_lang = "en";
  std::string format = "text";
  std::string encoding;
  std::string output;
  bool segmented = false;
  std::vector<std::string> glossaries;
};

std::string sentence_text(const Document& doc, const Sentence& sentence) {
  return doc.text.substr(sentence.span.begin, sentence.span.size());
}

// The sentence text on one line: line breaks and tabs become spaces.
std::string one_line(std::string text) {
  for (char& c : text)
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  return text;
}

std::string bead_type(const Bead& bead) {
  return std::to_string(bead.source.size()) + "-" + std::to_string(bead.target.size());
}

std::string joined(const Document& doc, const std::vector<Sentence>& sentences, const std::vector<std::size_t>& ids) {
  std::string out;
  for (auto id : ids) {
    if (!out.empty()) out += ' ';
    out += one_line(sentence_text(doc, sentences[id]));
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
  out << source.path << std::string(static_cast<std::size_t>(std::max(1, kColumn - static_cast<int>(utf8::count(source.path)))), ' ')
      << " | " << target.path << "\n";
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
                              const std::vector<std::size_t>& ids, Locator& locator) {
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
  // Ill-formed bytes in the input must not make the dump throw.
  out << root.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
}

void print_tsv(std::ostream& out, const Document& source, const Document& target, const Alignment& alignment) {
  for (const auto& bead : alignment.beads)
    out << joined(source, alignment.source_sentences, bead.source) << "\t"
        << joined(target, alignment.target_sentences, bead.target) << "\n";
}

void print_beads(std::ostream& out, const Alignment& alignment) {
  auto list = [](const std::vector<std::size_t>& ids) {
    std::string s = "[";
    for (std::size_t k = 0; k < ids.size(); ++k) s += (k ? "," : "") + std::to_string(ids[k]);
    return s + "]";
  };
  for (const auto& bead : alignment.beads) out << list(bead.source) << ":" << list(bead.target) << "\n";
}

int run_align(const AlignArgs& args) {
  if (args.format != "text" && args.format != "json" && args.format != "tsv" && args.format != "beads")
    throw CLI::ValidationError("--format", "must be one of text, json, tsv, beads");
  RunConfig config;
  config.source_language = parse_language_option(args.source_lang, "--source-lang");
  config.target_language = parse_language_option(args.target_lang, "--target-lang");
  if (!args.encoding.empty()) config.encoding = args.encoding;
  config.glossaries = args.glossaries;
  config.segmented = args.segmented;
  const CheckSession session(std::move(config));
  const JobResult result = session.align({Job::Kind::pair, {args.source, args.target}});
  if (result.error) {
    std::cerr << "transcheck: error: " << result.error->message << '\n';
    return 2;
  }
  const Document& source = result.documents[0];
  const Document& target = result.documents[1];
  const Alignment& alignment = *result.alignment;
  std::vector<std::string> inputs = {args.source, args.target};
  inputs.insert(inputs.end(), args.glossaries.begin(), args.glossaries.end());
  write_output(args.output, inputs, [&](std::ostream& out) {
    if (args.format == "json") print_json(out, source, target, alignment);
    else if (args.format == "tsv") print_tsv(out, source, target, alignment);
    else if (args.format == "beads") print_beads(out, alignment);
    else print_text(out, source, target, alignment);
  });
  return 0;
}

}  // namespace

void add_align_command(CLI::App& app, ExitStatus& status) {
  auto args = std::make_shared<AlignArgs>();
  auto* command = app.add_subcommand("align", "Align a source document with its translation, sentence by sentence");
  command->add_option("source", args->source, "Source document")->required();
  command->add_option("target", args->target, "Translated document")->required();
  command->add_option("--source-lang", args->source_lang, "Source language: zh, zh-Hans, zh-Hant, en (default zh)");
  command->add_option("--target-lang", args->target_lang, "Target language: zh, zh-Hans, zh-Hant, en (default en)");
  command->add_option("--format", args->format, "Output format: text (side by side), json, tsv, beads");
  command->add_option("-o,--output", args->output, "Write the alignment to this file (replaced atomically)");
  command->add_option("--encoding", args->encoding, "Decode input from this encoding (gb18030, gbk, big5, utf-16, ...)");
  command->add_flag("--segmented", args->segmented, "The inputs hold one sentence per line: do not split further");
  command->add_option("--glossary", args->glossaries, "Terminology glossary whose term pairs guide the alignment; repeatable");
  command->callback([args, &status] { status.code = run_align(*args); });
}

}  // namespace tc::app
