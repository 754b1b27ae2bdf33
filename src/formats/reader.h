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
  // encoding (GB18030, Big5, ...): its name, or the names the detector could
  // not tell apart, for a single finding.
  std::vector<std::string> probable_encodings;
  std::size_t first_invalid_offset = std::string_view::npos;
  SourceMap source_map;  // offsets in text to offsets in the bytes
};

// How much an input may hold, and how long to wait for a named pipe's first
// byte. Offsets inside transcheck are 64-bit, but ICU's converters and
// detectors take 32-bit lengths, so nothing of 2 GiB or more is read.
inline constexpr std::size_t kDefaultMaxInputSize = std::size_t{1} << 30;       // 1 GiB
inline constexpr std::size_t kHardMaxInputSize = (std::size_t{1} << 31) - 1;  // 2 GiB - 1
struct ReadLimits {
  std::size_t max_bytes = kDefaultMaxInputSize;
  int pipe_wait_ms = 5000;  // a FIFO nobody writes to is an error, not a hang
};

// "1073741824", "64K", "512M", "1G" (binary units); throws ConfigError for
// anything else, and for sizes above kHardMaxInputSize.
std::size_t parse_input_size(std::string_view text);

// Reads a whole file; throws InputError naming the reason (strerror) for
// missing, unreadable, looping and directory paths, and for input over the
// limit. A FIFO or device named explicitly is read as a stream up to the limit.
std::string read_file_bytes(const std::string& path, const ReadLimits& limits = {});

// Reads an open descriptor (standard input) to its end, up to the limit.
// expected_size: the stream's size when known (a regular file's), reserved
// at once; 0 when unknown.
std::string read_stream_bytes(int fd, const std::string& name, const ReadLimits& limits = {}, std::size_t expected_size = 0);

// Decodes file bytes; throws InputError for binary data and unknown encodings.
DecodedText decode_bytes(const std::string& path, std::string bytes, const DecodeOptions& options);

// Guesses the legacy encoding of bytes that are not UTF-8, using ICU's
// charset detector and a strict conversion: one name, or the names it could
// not tell apart (most likely first); empty when none fits.
std::vector<std::string> detect_legacy_encodings(std::string_view bytes);

// The names for a message: "GB18030", "GB18030 or Shift_JIS", "GB18030,
// EUC-JP or EUC-KR".
std::string list_encodings(const std::vector<std::string>& names);

// The --encoding options to advise: "--encoding GB18030", or for candidates
// the detector could not tell apart each one, ending ", whichever reads
// right,".
std::string encoding_advice(const std::vector<std::string>& names);

// Why a file in a legacy encoding is refused where only UTF-8 is read:
// "is not UTF-8 (it reads as GB18030); pass --encoding GB18030 or convert
// it to UTF-8".
std::string not_utf8_reason(const std::vector<std::string>& names);

// Converts bytes in the named encoding to UTF-8 with ICU; throws InputError
// naming the byte offset of the first byte that is not valid in it.
// With map, records where each code point of the result starts in bytes.
std::string convert_to_utf8(const std::string& path, std::string_view bytes, const std::string& encoding,
                            SourceMap* map = nullptr);

}  // namespace tc
