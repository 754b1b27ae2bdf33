#pragma once
// A reader turns a file's decoded text into the layout of a Document: its
// blocks and which bytes are prose. One reader per format, each in its own
// file, all listed in formats/registry.cpp: a new format is one reader file
// plus one line there.
#include <string>
#include <string_view>
#include <vector>

#include "core/document.h"
#include "core/format.h"

namespace tc {

struct Layout {
  std::vector<Block> blocks;
  // Same length as the text, non-prose bytes replaced by kMaskByte; empty
  // when all of the text is prose.
  std::string masked;
};

struct FormatReader {
  Format format;
  std::vector<std::string_view> extensions;  // lower case, without the dot: "md"
  Layout (*read)(std::string_view text) = nullptr;
};

using ReaderList = std::vector<FormatReader>;

// Every reader, plain text first. The one place that lists the formats.
ReaderList all_format_readers();

// The reader whose extensions hold the path's (compared without case); the
// first reader (plain text) when none does.
const FormatReader& reader_for_path(const ReaderList& readers, std::string_view path);

}  // namespace tc
