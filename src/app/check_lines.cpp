#include "app/check_lines.h"

#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <string>
#include <thread>
#include <vector>

#include "app/output.h"
#include "report/printers.h"

namespace tc::app {
namespace {

// Lines from a file descriptor through a fixed buffer. A line longer than
// the limit is not kept: it is marked too long and the rest skipped.
class LineReader {
 public:
  LineReader(int fd, std::size_t limit) : fd_(fd), limit_(limit) {}

  // False at the end of the input (a last line without a line break counts).
  bool next(std::string& line, bool& too_long) {
    line.clear();
    too_long = false;
    bool any = false;
    while (true) {
      if (begin_ == end_ && !fill()) return any;
      any = true;
      const char* newline = static_cast<const char*>(std::memchr(buffer_ + begin_, '\n', end_ - begin_));
      const std::size_t stop = newline ? static_cast<std::size_t>(newline - buffer_) : end_;
      if (!too_long) {
        if (line.size() + (stop - begin_) > limit_) {
          too_long = true;
          line.clear();
        } else {
          line.append(buffer_ + begin_, stop - begin_);
        }
      }
      begin_ = newline ? stop + 1 : stop;
      if (newline) return true;
    }
  }
  // The read error that ended the input, if one did.
  const std::string& error() const { return error_; }

 private:
  bool fill() {
    while (true) {
      const ssize_t got = ::read(fd_, buffer_, sizeof buffer_);
      if (got < 0 && errno == EINTR) continue;
      if (got < 0) error_ = std::strerror(errno);
      begin_ = 0;
      end_ = got > 0 ? static_cast<std::size_t>(got) : 0;
      return got > 0;
    }
  }

  int fd_;
  std::size_t limit_;
  char buffer_[1 << 16];
  std::size_t begin_ = 0;
  std::size_t end_ = 0;
  std::string error_;
};

struct InputLine {
  std::size_t number = 0;
  std::string text;
  bool too_long = false;
};

struct LineOutcome {
  std::string record;  // the output line
  std::string error;   // empty: the line was a pair
  bool failing = false;
};

LineOutcome check_line(const CheckSession& session, const InputLine& input, PairLinesFormat format,
                       std::size_t limit) {
  LineOutcome outcome;
  if (input.too_long) {
    outcome.error = "longer than the --max-input-size limit of " + std::to_string(limit) + " bytes";
  } else {
    try {
      LinePair pair = parse_pair_line(input.text, format);
      const JobResult result = session.run_texts("source", std::move(pair.source), "target", std::move(pair.target));
      if (result.error) {
        outcome.error = result.error->message;
      } else {
        const auto& fail_on = session.config().fail_on;
        for (const Finding& f : result.findings)
          outcome.failing |= fail_on && static_cast<int>(f.severity) >= static_cast<int>(*fail_on);
        outcome.record = pair_line_json(input.number, pair.id_json, &result);
        return outcome;
      }
      outcome.record = pair_line_json(input.number, pair.id_json, nullptr, outcome.error);
      return outcome;
    } catch (const PairLineError& error) {
      outcome.error = error.what();
    }
  }
  outcome.record = pair_line_json(input.number, {}, nullptr, outcome.error);
  return outcome;
}

}  // namespace

int check_pair_lines(const CheckSession& session, int in, std::ostream& out, const PairLinesOptions& options) {
  LineReader reader(in, options.max_line_bytes);
  std::optional<PairLinesFormat> format = options.format;
  const unsigned threads = std::max(1u, options.threads);
  const std::size_t batch_lines = std::max<std::size_t>(1, options.batch_lines_per_thread * threads);
  std::size_t line_number = 0;
  bool bad_line = false;
  bool failing = false;
  bool more = true;
  std::vector<InputLine> batch;
  std::vector<LineOutcome> outcomes;
  while (more) {
    // A batch: up to batch_lines lines or batch_bytes bytes.
    batch.clear();
    std::size_t bytes = 0;
    while (batch.size() < batch_lines && bytes < options.batch_bytes) {
      InputLine line;
      if (!reader.next(line.text, line.too_long)) {
        more = false;
        break;
      }
      line.number = ++line_number;
      if (!format && !line.too_long && !line.text.empty()) format = detect_pair_lines_format(line.text);
      bytes += line.text.size();
      batch.push_back(std::move(line));
    }
    outcomes.assign(batch.size(), LineOutcome());
    // Lines before the first non-empty one are errors whatever the format.
    const PairLinesFormat batch_format = format.value_or(PairLinesFormat::tsv);
    std::atomic<std::size_t> next{0};
    auto work = [&] {
      for (std::size_t i = next++; i < batch.size(); i = next++)
        outcomes[i] = check_line(session, batch[i], batch_format, options.max_line_bytes);
    };
    std::vector<std::thread> helpers;
    for (unsigned t = 1; t < threads && t < batch.size(); ++t) helpers.emplace_back(work);
    work();
    for (std::thread& helper : helpers) helper.join();
    for (std::size_t i = 0; i < batch.size(); ++i) {
      if (!outcomes[i].error.empty()) {
        print_error("<stdin>:" + std::to_string(batch[i].number) + ": " + outcomes[i].error);
        bad_line = true;
      }
      failing |= outcomes[i].failing;
      out << outcomes[i].record << '\n';
    }
    out.flush();  // a pipeline downstream sees each batch as soon as it is checked
  }
  if (!reader.error().empty()) {
    print_error("<stdin>: " + reader.error());
    return 2;
  }
  return bad_line ? 2 : failing ? 1 : 0;
}

}  // namespace tc::app
