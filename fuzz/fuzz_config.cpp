// The project configuration file (transcheck.toml).
#include <cstddef>
#include <cstdint>
#include <exception>
#include <string_view>

#include "project/config.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  try {
    (void)tc::parse_project_config(text, "transcheck.toml");
  } catch (const std::exception&) {
    // Invalid configurations are errors with a position; that is the point.
  }
  return 0;
}
