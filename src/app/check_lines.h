#pragma once
// `transcheck check --lines`: translation pairs streamed one per line (JSON
// Lines or TSV) on standard input, one JSON line of findings per input line
// on the output, in input order, in bounded memory.
#include <cstddef>
#include <optional>
#include <ostream>

#include "engine/session.h"
#include "formats/pair_lines.h"

namespace tc::app {

struct PairLinesOptions {
  std::optional<PairLinesFormat> format;  // nullopt: detect from the first non-empty line
  unsigned threads = 1;
  std::size_t max_line_bytes = 0;  // --max-input-size: a longer line is an error
  // Lines read and checked at a time (times the threads): memory stays
  // bounded by a batch whatever the input's length.
  std::size_t batch_lines_per_thread = 64;
  std::size_t batch_bytes = std::size_t{32} << 20;
};

// Reads pairs from file descriptor `in` until its end and writes one line per
// input line to out. A line that is not a pair is reported on stderr with
// its number and as {"line": N, "error": ...} on out, and the run goes on.
// Returns the exit code: 2 when a line was bad or the input could not be
// read, else 1 when a finding is at or above the session's fail-on, else 0.
int check_pair_lines(const CheckSession& session, int in, std::ostream& out, const PairLinesOptions& options);

}  // namespace tc::app
