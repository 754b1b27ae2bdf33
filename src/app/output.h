#pragma once
#include <functional>
#include <ostream>
#include <string>

namespace tc::app {

// Writes through `write` to stdout, or to path atomically (temporary file in
// the same directory, then rename), so an existing file is never left half
// written. Throws InputError when the file cannot be written.
void write_output(const std::string& path, const std::function<void(std::ostream&)>& write);

// True when stdout is a terminal (for colour).
bool stdout_is_terminal();

}  // namespace tc::app
