#pragma once
// Text that readers of escaped formats (PO, XML, JSON) build from pieces of
// their input, remembering where each piece came from: a decoded "\n" is one
// byte of text for two bytes of input, "&amp;" one for five.
#include <cstddef>
#include <string>
#include <string_view>

#include "core/source.h"

namespace tc {

struct MappedText {
  std::string text;
  SourceMap map;  // text offsets to input offsets

  // Appends bytes that stand for the input from input_offset on (copied
  // bytes, or one decoded escape).
  void append(std::string_view bytes, std::size_t input_offset) {
    if (bytes.empty()) return;
    map.add(text.size(), input_offset);
    text += bytes;
  }
  // Where an empty text stands in the input (an empty msgstr), so a
  // finding about it has a place.
  void start_at(std::size_t input_offset) {
    if (text.empty()) map.add(0, input_offset);
  }
  // Appends another mapped text (a unit's string onto its side).
  void append(const MappedText& other) {
    map.append(other.map, text.size());
    text += other.text;
  }
};

}  // namespace tc
