#pragma once
// FNV-1a, 64 bits, over fields: stable across runs and builds (fingerprints
// are stored in baselines), and cheap for short keys.
#include <cstdint>
#include <string_view>

namespace tc {

struct Fnv1a {
  std::uint64_t hash = 14695981039346656037ull;
  void add(std::string_view text) {
    for (char c : text) add_byte(c);
    end_field();
  }
  // add() a byte at a time: the bytes of a field, then end_field().
  void add_byte(char c) { hash = (hash ^ static_cast<unsigned char>(c)) * 1099511628211ull; }
  void end_field() { hash = (hash ^ 0xFFu) * 1099511628211ull; }  // field separator: "ab"+"c" differs from "a"+"bc"
  void add_number(std::uint64_t number) {
    for (int i = 0; i < 8; ++i) hash = (hash ^ ((number >> (8 * i)) & 0xFFu)) * 1099511628211ull;
  }
};

}  // namespace tc
