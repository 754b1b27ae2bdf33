#pragma once
// A reader turns a file's decoded text into the layout of a Document: its
// blocks and which bytes are prose. One reader per format, each in its own
// file, all listed in formats/registry.cpp: a new format is one reader file
// plus one line there.
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "core/bitext.h"
#include "core/document.h"
#include "core/format.h"
#include "formats/mapped_text.h"

namespace tc {

struct Layout {
  std::vector<Block> blocks;
  // Same length as the text, non-prose bytes replaced by kMaskByte; empty
  // when all of the text is prose.
  std::string masked;
};

// One side of a bilingual file: the units' texts, unescaped and joined with
// a blank line between units, each mapped back to the reader's input.
struct BitextSide {
  MappedText text;
  std::vector<Block> blocks;  // one paragraph per unit text
};

// What a bilingual reader gives: both sides and the units pairing them.
// Offsets in units' file_offset and in the anchors are bytes of the input.
struct BitextLayout {
  BitextSide source;
  BitextSide target;
  std::vector<BitextUnit> units;
  // Languages as the file declares them ("en-US", "zh_CN"); empty when it does not.
  std::string source_language;
  std::string target_language;
};

// A file a reader cannot read (a broken escape, a truncated entry, an
// entity declaration), at a byte of its input. The loader names the file,
// line and column.
class FormatError : public std::runtime_error {
 public:
  FormatError(std::size_t offset, const std::string& reason) : std::runtime_error(reason), offset_(offset) {}
  std::size_t offset() const { return offset_; }

 private:
  std::size_t offset_;
};

// A string of a file whose messages are paired across two files by key
// (i18n JSON): its key path and its text mapped back to its file.
struct KeyedString {
  std::string key;
  MappedText text;
  std::size_t offset = 0;  // the value's opening quote in the file
};

struct FormatReader {
  Format format;
  std::vector<std::string_view> extensions;  // lower case, without the dot: "md"
  Layout (*read)(std::string_view text) = nullptr;
  // Bilingual formats (format.bilingual): both sides and their units. Throws FormatError.
  BitextLayout (*read_bitext)(std::string_view text) = nullptr;
  // Formats whose source and translation are two files paired by key
  // (i18n JSON): the strings of one file. Throws FormatError.
  std::vector<KeyedString> (*read_keyed)(std::string_view text) = nullptr;
};

using ReaderList = std::vector<FormatReader>;

// Every reader, plain text first. The one place that lists the formats.
ReaderList all_format_readers();

// The reader whose extensions hold the path's (compared without case); the
// first reader (plain text) when none does.
const FormatReader& reader_for_path(const ReaderList& readers, std::string_view path);

}  // namespace tc

namespace tc {

// Adds a unit to a bilingual layout: its source and target strings go on
// their sides, each a paragraph of its own, a blank line from the next.
// unit's spans are set here.
void add_bitext_unit(BitextLayout& layout, const MappedText& source, const MappedText& target, BitextUnit unit);

// Source and target message files as one bilingual layout: a unit per source
// key, with the target's value for the same key (empty when it has none).
// i18next plural keys pair across languages with fewer forms: "item_one" in
// English takes the Chinese "item_other" when "item_one" is absent, and
// "item_plural" (i18next v3) takes "item".
BitextLayout pair_keyed_strings(const std::vector<KeyedString>& source, const std::vector<KeyedString>& target);

}  // namespace tc
