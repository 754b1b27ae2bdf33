#pragma once
// Translation pairs one per line, for `transcheck check --lines` (corpus
// pipelines): JSON Lines ({"id": ..., "source": ..., "target": ...}) or TSV
// (source<TAB>target, or id<TAB>source<TAB>target).
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace tc {

enum class PairLinesFormat { jsonl, tsv };

// JSON Lines when the line's first non-blank character is '{', else TSV.
PairLinesFormat detect_pair_lines_format(std::string_view first_line);
// "auto", "jsonl", "tsv"; nullopt for auto, throws std::invalid_argument for another name.
std::optional<PairLinesFormat> parse_pair_lines_format(std::string_view name);

struct LinePair {
  // The line's id as JSON text ("17", "\"seg-17\""); empty when the line has none.
  std::string id_json;
  std::string source;
  std::string target;
};

// A line that is not a pair: what is wrong with it (no line number; the caller adds it).
class PairLineError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// One line without its line break (a trailing CR is dropped). TSV fields are
// taken as they are (no unescaping). Throws PairLineError.
LinePair parse_pair_line(std::string_view line, PairLinesFormat format);

}  // namespace tc
