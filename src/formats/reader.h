#pragma once
// Reading input files: the only place that touches the file system for
// documents. Errors that stop a file from being checked are InputError
// (exit code 2); problems inside a readable file are findings.
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

#include "core/document.h"
#include "core/error.h"
#include "core/source.h"

namespace tc {

struct DecodeOptions {
  std::optional<std::string> encoding;  // --encoding; nullopt means UTF-8 with detection
};

struct DecodedText {
  std::string text;             // UTF-8 (ill-formed sequences kept as they are when decoding as UTF-8)
  std::size_t bom_bytes = 0;
  std::string encoding = "UTF-8";
  // Set when the bytes are not UTF-8 but decode cleanly in a legacy
  // encoding (GB18030, Big5, ...): its name, for a single finding.
  std::optional<std::string> probable_encoding;
  std::size_t first_invalid_offset = std::string_view::npos;
  SourceMap source_map;  // offsets in text to offsets in the bytes
};

// Reads a whole file; throws InputError for missing, unreadable and directory paths.
std::string read_file_bytes(const std::string& path);

// Decodes file bytes; throws InputError for binary data and unknown encodings.
DecodedText decode_bytes(const std::string& path, std::string bytes, const DecodeOptions& options);

// Guesses a legacy Chinese encoding for bytes that are not UTF-8, using ICU's
// charset detector and a strict conversion; nullopt when none fits.
std::optional<std::string> detect_legacy_encoding(std::string_view bytes);

// Converts bytes in the named encoding to UTF-8 with ICU; throws InputError
// naming the byte offset of the first byte that is not valid in it.
// With map, records where each code point of the result starts in bytes.
std::string convert_to_utf8(const std::string& path, std::string_view bytes, const std::string& encoding,
                            SourceMap* map = nullptr);

}  // namespace tc
