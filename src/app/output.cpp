#include "app/output.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <random>
#include <streambuf>

#include "formats/reader.h"
#include "report/excerpt.h"

namespace tc::app {
namespace {

namespace fs = std::filesystem;

// A stream buffer over a file descriptor that remembers the first write
// error's errno, so the report can say why it could not be written.
class FdBuffer : public std::streambuf {
 public:
  explicit FdBuffer(int fd) : fd_(fd) { setp(buffer_, buffer_ + sizeof buffer_); }
  ~FdBuffer() override { sync(); }
  int error() const { return error_; }

 protected:
  int_type overflow(int_type ch) override {
    if (sync() != 0) return traits_type::eof();
    if (!traits_type::eq_int_type(ch, traits_type::eof())) {
      *pptr() = traits_type::to_char_type(ch);
      pbump(1);
    }
    return traits_type::not_eof(ch);
  }
  int sync() override {
    const char* data = pbase();
    std::size_t left = static_cast<std::size_t>(pptr() - pbase());
    while (left > 0 && error_ == 0) {
      const ssize_t n = ::write(fd_, data, left);
      if (n < 0) {
        if (errno == EINTR) continue;
        error_ = errno;
      } else {
        data += n;
        left -= static_cast<std::size_t>(n);
      }
    }
    setp(buffer_, buffer_ + sizeof buffer_);
    return error_ == 0 ? 0 : -1;
  }

 private:
  int fd_;
  int error_ = 0;
  char buffer_[1 << 16];
};

// Writes through `write` into fd; returns 0 or the errno of the first failure.
int write_to_fd(int fd, const std::function<void(std::ostream&)>& write) {
  FdBuffer buffer(fd);
  std::ostream out(&buffer);
  write(out);
  out.flush();
  return buffer.error();
}

// The temporary file being written, so a signal handler can remove it. A
// signal handler can reach nothing else, hence this one piece of static state.
char pending_temporary[4096];

extern "C" void remove_temporary_and_reraise(int signal_number) {
  if (pending_temporary[0] != '\0') ::unlink(pending_temporary);
  std::signal(signal_number, SIG_DFL);
  std::raise(signal_number);
}

// Installs the handler for the signals that end a run while a temporary
// exists, and restores the previous ones when done.
class TemporaryGuard {
 public:
  explicit TemporaryGuard(const std::string& path) {
    if (path.size() >= sizeof pending_temporary) return;
    std::memcpy(pending_temporary, path.c_str(), path.size() + 1);
    for (std::size_t k = 0; k < std::size(kSignals); ++k) {
      struct sigaction action {};
      action.sa_handler = remove_temporary_and_reraise;
      sigemptyset(&action.sa_mask);
      sigaction(kSignals[k], &action, &previous_[k]);
    }
    installed_ = true;
  }
  ~TemporaryGuard() {
    if (!installed_) return;
    for (std::size_t k = 0; k < std::size(kSignals); ++k) sigaction(kSignals[k], &previous_[k], nullptr);
    pending_temporary[0] = '\0';
  }

 private:
  static constexpr int kSignals[] = {SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGPIPE};
  struct sigaction previous_[std::size(kSignals)] {};
  bool installed_ = false;
};

// The first error writing to stdout, 0 when none (or stdout is not captured).
int stdout_write_error() {
  const auto* buffer = dynamic_cast<const FdBuffer*>(std::cout.rdbuf());
  return buffer ? buffer->error() : 0;
}

bool is_stdout_name(const std::string& path) { return path.empty() || path == "-" || path == "/dev/stdout"; }

std::string reason_of(int error) { return std::strerror(error); }

// Refuses a target that would destroy something: an input, a device, a FIFO.
void verify_target(const std::string& path, const std::vector<std::string>& inputs, const struct stat& target) {
  if (S_ISDIR(target.st_mode)) throw InputError(path, "is a directory; cannot write the report there");
  if (!S_ISREG(target.st_mode))
    throw InputError(path,
                     "is not a regular file (a device, FIFO or socket); the report is only written to regular files "
                     "(use -o - for standard output)");
  for (const auto& input : inputs) {
    // "-" is standard input, which may be redirected from the target itself.
    struct stat seen {};
    if ((input == "-" ? ::fstat(STDIN_FILENO, &seen) : ::stat(input.c_str(), &seen)) != 0) continue;
    if (seen.st_dev == target.st_dev && seen.st_ino == target.st_ino)
      throw InputError(path, "is one of the inputs (" + (input == "-" ? std::string("standard input") : input) +
                                 "); refusing to overwrite it with the report");
  }
}

}  // namespace

StdoutCapture::StdoutCapture() : previous_(std::cout.rdbuf(new FdBuffer(STDOUT_FILENO))) {}

StdoutCapture::~StdoutCapture() {
  std::cout.flush();
  delete std::cout.rdbuf(previous_);
}

bool StdoutCapture::flush(std::string& reason) {
  std::cout.flush();
  const int error = stdout_write_error();
  if (error == 0 && !std::cout.fail()) return true;
  reason = error != 0 ? reason_of(error) : "write error";
  return false;
}

void write_output(const std::string& path, const std::vector<std::string>& inputs,
                  const std::function<void(std::ostream&)>& write) {
  if (is_stdout_name(path)) {
    write(std::cout);
    std::cout.flush();
    if (const int error = stdout_write_error())
      throw InputError("standard output", "cannot write the report: " + reason_of(error));
    return;
  }
  struct stat existing {};
  if (::stat(path.c_str(), &existing) == 0) verify_target(path, inputs, existing);
  replace_file(path, "the report", write);
}

void replace_file(const std::string& path, const std::string& what, const std::function<void(std::ostream&)>& write) {
  const std::string cannot_write = "cannot write " + what + ": ";
  // Follow a symlink: the link stays and the file it names is updated.
  std::error_code ec;
  fs::path target = fs::weakly_canonical(fs::path(path), ec);
  if (ec) target = path;
  struct stat existing {};
  const bool exists = ::stat(target.c_str(), &existing) == 0;

  std::random_device random;
  const fs::path temporary = target.parent_path() / (".transcheck-" + std::to_string(::getpid()) + "-" +
                                                     std::to_string(random()) + ".tmp");
  TemporaryGuard guard(temporary.string());
  const int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
  if (fd < 0) throw InputError(path, cannot_write + reason_of(errno));
  auto fail = [&](int error) {
    ::close(fd);
    ::unlink(temporary.c_str());
    throw InputError(path, cannot_write + reason_of(error));
  };
  if (exists) {
    // Keep the file's mode and, where the system lets us, its owner.
    if (::fchmod(fd, existing.st_mode & 07777) != 0) fail(errno);
    if (::fchown(fd, existing.st_uid, existing.st_gid) != 0) { /* not permitted: keep ours */ }
  }
  if (const int error = write_to_fd(fd, write)) fail(error);
  if (::fsync(fd) != 0 && errno != EINVAL) fail(errno);
  if (::close(fd) != 0) {
    const int error = errno;
    ::unlink(temporary.c_str());
    throw InputError(path, cannot_write + reason_of(error));
  }
  if (::rename(temporary.c_str(), target.c_str()) != 0) {
    const int error = errno;
    ::unlink(temporary.c_str());
    throw InputError(path, "cannot replace the file: " + reason_of(error));
  }
}

bool stdout_is_terminal() { return isatty(STDOUT_FILENO) != 0; }

void print_error(std::string_view message) { std::cerr << "transcheck: error: " << printable(message) << '\n'; }

}  // namespace tc::app
