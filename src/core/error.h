#pragma once
// The error that stops one input from being checked: a missing, unreadable,
// binary or malformed file. It names the file; the CLI prints it and exits 2.
// Problems inside a readable file are findings, not errors.
#include <stdexcept>
#include <string>

namespace tc {

class InputError : public std::runtime_error {
 public:
  InputError(std::string path, const std::string& reason)
      : std::runtime_error(path + ": " + reason), path_(std::move(path)) {}
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

}  // namespace tc
