#pragma once
#include <functional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace tc::app {

// Writes a report through `write`:
// - to stdout when path is empty, "-" or "/dev/stdout";
// - otherwise atomically: a temporary file beside the real target (a symlink
//   is followed, so the link stays and its file is updated), then rename, so
//   an existing file is never left half written. The target's mode (and,
//   where permitted, its owner) is kept.
// Refuses, with InputError, a target that is one of `inputs` or is not a
// regular file (device, FIFO, socket): the report must never destroy what
// the user owns. Every write error, stdout included, is an InputError that
// carries the system's reason ("No space left on device").
void write_output(const std::string& path, const std::vector<std::string>& inputs,
                  const std::function<void(std::ostream&)>& write);

// Replaces the file at path (a symlink is followed) with what `write`
// writes: a temporary file beside it, then rename, keeping the file's mode
// and, where permitted, its owner. Errors are InputErrors saying they could
// not write `what` ("the report", "the fixed file") and why.
void replace_file(const std::string& path, const std::string& what, const std::function<void(std::ostream&)>& write);

// For the lifetime of this object std::cout writes straight to file
// descriptor 1 and remembers the first write error, so output cut off by a
// full disk or a closed stream is never taken for success. main holds one.
class StdoutCapture {
 public:
  StdoutCapture();
  ~StdoutCapture();
  StdoutCapture(const StdoutCapture&) = delete;
  StdoutCapture& operator=(const StdoutCapture&) = delete;
  // Flushes; on a write error returns false with the system's reason.
  bool flush(std::string& reason);

 private:
  std::streambuf* previous_;
};

// Prints "transcheck: error: MESSAGE" on stderr. File names and cell
// contents inside the message never reach the terminal raw: controls, bidi
// marks and ill-formed bytes are shown escaped, as in reports.
void print_error(std::string_view message);

// True when stdout is a terminal (for colour).
bool stdout_is_terminal();

}  // namespace tc::app
