#pragma once
// UTF-8 validation at memory speed: utf8::first_invalid (core/utf8.h) runs
// one of these paths, the best the machine has, chosen once at run time.
// Every path returns the same offset for every input; tests and benchmarks
// force each one through first_invalid_by.
#include <cstddef>
#include <string_view>

namespace tc::utf8 {

enum class ValidationPath {
  scalar,  // eight ASCII bytes at a time, otherwise one code point at a time
  ssse3,   // 64 bytes at a time, four 16-byte registers
  avx2,    // 64 bytes at a time, two 32-byte registers
};

// Whether this machine can run the path (scalar always).
bool path_available(ValidationPath path);

// The path first_invalid uses here.
ValidationPath best_validation_path();

// "scalar", "ssse3", "avx2".
const char* path_name(ValidationPath path);

// utf8::first_invalid through the given path (the scalar one if the machine lacks it).
std::size_t first_invalid_by(std::string_view text, ValidationPath path);

}  // namespace tc::utf8
