#include "formats/reader.h"

#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>

#include <fcntl.h>
#include <poll.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <memory>
#include <sstream>
#include <vector>

#include "core/settings.h"
#include "core/utf8.h"
#include "text/alternatives.h"
#include "text/ascii.h"

namespace tc {
namespace {

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

bool is_utf8_name(std::string_view name) {
  const std::string n = to_lower_ascii(name);
  return n == "utf-8" || n == "utf8";
}

// Strict conversion: returns nullopt and the failing offset when a byte sequence is invalid.
// With reject_private_use, output in the Private Use Area (where ICU's tables
// put unassigned legacy byte pairs) also counts as a failure: detection must
// not call such text a clean decode.
// With map, records the byte each code point of the result came from.
std::optional<std::string> try_convert(std::string_view bytes, const char* encoding, std::size_t* bad_offset,
                                       bool reject_private_use = false, SourceMap* map = nullptr) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UConverter, decltype(&ucnv_close)> converter(ucnv_open(encoding, &status), ucnv_close);
  if (U_FAILURE(status)) return std::nullopt;
  ucnv_setToUCallBack(converter.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
  std::u16string utf16(bytes.size() * 2 + 16, u'\0');
  const char* source = bytes.data();
  UChar* target = reinterpret_cast<UChar*>(utf16.data());
  // ICU's offsets array gives, for every UTF-16 unit, the source byte it came from.
  std::vector<int32_t> offsets(map ? utf16.size() : 0);
  ucnv_toUnicode(converter.get(), &target, target + utf16.size(), &source, bytes.data() + bytes.size(),
                 map ? offsets.data() : nullptr, true, &status);
  if (U_FAILURE(status)) {
    if (bad_offset) {
      // The converter stops after the bad sequence; report where it started.
      char errors[32];
      int8_t length = sizeof errors;
      UErrorCode s2 = U_ZERO_ERROR;
      ucnv_getInvalidChars(converter.get(), errors, &length, &s2);
      const std::size_t consumed = static_cast<std::size_t>(source - bytes.data());
      *bad_offset = consumed >= static_cast<std::size_t>(length) ? consumed - static_cast<std::size_t>(length) : 0;
    }
    return std::nullopt;
  }
  utf16.resize(static_cast<std::size_t>(target - reinterpret_cast<UChar*>(utf16.data())));
  std::string out;
  out.reserve(utf16.size() * 3);
  std::size_t i = 0;
  while (i < utf16.size()) {
    if (map && offsets[i] >= 0) map->add(out.size(), static_cast<std::size_t>(offsets[i]));
    char32_t c = utf16[i++];
    if (c >= 0xD800 && c <= 0xDBFF && i < utf16.size() && utf16[i] >= 0xDC00 && utf16[i] <= 0xDFFF) {
      c = 0x10000 + ((c - 0xD800) << 10) + (utf16[i++] - 0xDC00);
    }
    if (reject_private_use && ((c >= 0xE000 && c <= 0xF8FF) || c >= 0xF0000)) return std::nullopt;
    utf8::append(out, c);
  }
  if (map) map->add(out.size(), bytes.size());
  return out;
}

// True when every NUL byte of sample sits where the wide encoding puts the
// high bytes of ASCII: at offset % unit in `positions` (a bit set).
bool nuls_only_at(std::string_view sample, std::size_t unit, unsigned positions) {
  for (std::size_t i = 0; i < sample.size(); ++i)
    if (sample[i] == '\0' && !(positions >> (i % unit) & 1u)) return false;
  return true;
}

// Text in UTF-16 or UTF-32 without a byte-order mark: its NULs fall only on
// the high bytes of code units, and a strict decode of the start of the file
// is plain text (no NUL, no C0 control but tab and line breaks, nothing
// private or unpaired). UTF-32 comes first: its ASCII also decodes as UTF-16.
std::optional<std::string> detect_wide_unicode(std::string_view bytes) {
  const std::string_view sample = bytes.substr(0, std::min<std::size_t>(bytes.size(), 1 << 16) & ~std::size_t{3});
  if (sample.empty()) return std::nullopt;
  struct Wide {
    const char* name;
    std::size_t unit;
    unsigned nul_positions;
  };
  for (const Wide wide : {Wide{"UTF-32LE", 4, 0b1110}, Wide{"UTF-32BE", 4, 0b0111}, Wide{"UTF-16LE", 2, 0b10},
                          Wide{"UTF-16BE", 2, 0b01}}) {
    if (!nuls_only_at(sample, wide.unit, wide.nul_positions)) continue;
    const char* name = wide.name;
    const auto text = try_convert(sample, name, nullptr, true);
    if (!text) continue;
    const bool plain = std::none_of(text->begin(), text->end(), [](char c) {
      const auto byte = static_cast<unsigned char>(c);
      return byte < 0x20 && byte != '\t' && byte != '\n' && byte != '\r' && byte != '\f';
    });
    if (plain) return std::string(name);
  }
  return std::nullopt;
}

}  // namespace

namespace {

std::string size_text(std::size_t bytes) {
  if (bytes % (std::size_t{1} << 30) == 0) return std::to_string(bytes >> 30) + " GiB";
  if (bytes % (std::size_t{1} << 20) == 0) return std::to_string(bytes >> 20) + " MiB";
  if (bytes % (std::size_t{1} << 10) == 0) return std::to_string(bytes >> 10) + " KiB";
  return std::to_string(bytes) + " bytes";
}

[[noreturn]] void throw_too_large(const std::string& path, const ReadLimits& limits) {
  throw InputError(path, "larger than the input limit of " + size_text(limits.max_bytes) +
                             " (--max-input-size); not checked");
}

// Waits for the first byte (or end) of a pipe: a FIFO that nobody opens for
// writing would otherwise block forever.
void wait_for_writer(int fd, const std::string& path, int wait_ms) {
  pollfd entry{fd, POLLIN, 0};
  for (;;) {
    const int ready = ::poll(&entry, 1, wait_ms);
    if (ready > 0) return;
    if (ready == 0)
      throw InputError(path, "named pipe: nothing was written to it within " + std::to_string(wait_ms / 1000) +
                                 " s; not checked");
    if (errno != EINTR) throw InputError(path, std::string("cannot read: ") + std::strerror(errno));
  }
}

}  // namespace

std::size_t parse_input_size(std::string_view text) {
  std::size_t digits = 0;
  while (digits < text.size() && text[digits] >= '0' && text[digits] <= '9') ++digits;
  const std::string_view unit = text.substr(digits);
  unsigned shift = 0;
  if (unit == "K" || unit == "k" || unit == "KiB") shift = 10;
  else if (unit == "M" || unit == "m" || unit == "MiB") shift = 20;
  else if (unit == "G" || unit == "g" || unit == "GiB") shift = 30;
  else if (!unit.empty()) digits = 0;
  if (digits == 0 || digits > 12)
    throw ConfigError("--max-input-size: '" + std::string(text) + "' is not a size (bytes, or with K, M or G)");
  const std::size_t value = std::stoull(std::string(text.substr(0, digits))) << shift;
  if (value == 0 || value > kHardMaxInputSize)
    throw ConfigError("--max-input-size: " + std::string(text) + " is outside 1 byte to 2 GiB - 1 (" +
                      std::to_string(kHardMaxInputSize) + " bytes)");
  return value;
}

std::string read_stream_bytes(int fd, const std::string& name, const ReadLimits& limits, std::size_t expected_size) {
  std::string bytes;
  // The file's size, when known, is reserved at once: grown by doubling, the
  // buffer would end up to twice the file and is kept as long as the document.
  if (expected_size > 0 && expected_size < limits.max_bytes) bytes.reserve(expected_size);
  char buffer[1 << 16];
  for (;;) {
    const ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n == 0) break;
    if (n < 0) {
      if (errno == EINTR) continue;
      throw InputError(name, "read error at byte offset " + std::to_string(bytes.size()) + ": " + std::strerror(errno));
    }
    if (bytes.size() + static_cast<std::size_t>(n) > limits.max_bytes) throw_too_large(name, limits);
    bytes.append(buffer, static_cast<std::size_t>(n));
  }
  // A stream of unknown size: give back what doubling left unused.
  if (bytes.capacity() - bytes.size() > bytes.size() / 8 && bytes.size() > (std::size_t{1} << 16)) bytes.shrink_to_fit();
  return bytes;
}

std::string read_file_bytes(const std::string& path, const ReadLimits& limits) {
  struct stat info {};
  if (::stat(path.c_str(), &info) != 0) {
    if (errno == ENOENT) throw InputError(path, "no such file");
    throw InputError(path, std::string("cannot open: ") + std::strerror(errno));
  }
  if (S_ISDIR(info.st_mode)) throw InputError(path, "is a directory, not a file");
  if (S_ISREG(info.st_mode) && static_cast<std::uint64_t>(info.st_size) > limits.max_bytes)
    throw_too_large(path, limits);
  // POSIX reads, so that a failing read (EIO, EACCES) is an error naming the
  // reason instead of an empty document. Non-blocking open: a FIFO without a
  // writer must not hang the run.
  const bool pipe = S_ISFIFO(info.st_mode);
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | (pipe ? O_NONBLOCK : 0));
  if (fd < 0) throw InputError(path, std::string("cannot open: ") + std::strerror(errno));
  struct FdCloser {
    int fd;
    ~FdCloser() { ::close(fd); }
  } closer{fd};
  if (pipe) {
    wait_for_writer(fd, path, limits.pipe_wait_ms);
    ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) & ~O_NONBLOCK);
  }
  return read_stream_bytes(fd, path, limits, S_ISREG(info.st_mode) ? static_cast<std::size_t>(info.st_size) : 0);
}

std::vector<std::string> detect_legacy_encodings(std::string_view bytes) {
  // ICU's detector ranks, a strict conversion confirms. Short GBK text often
  // scores as Shift_JIS, and Shift-JIS or EUC-KR bytes often decode as GBK
  // too, so a strict decode alone cannot settle it: the detector's confidence
  // does, and when two candidates are close the answer names both rather
  // than giving wrong advice.
  struct Candidate {
    std::string name;
    int confidence = 0;  // ICU's 0-100; 0 when the detector did not list it
  };
  std::vector<Candidate> ranked;
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UCharsetDetector, decltype(&ucsdet_close)> detector(ucsdet_open(&status), ucsdet_close);
  if (U_SUCCESS(status)) {
    ucsdet_setText(detector.get(), bytes.data(), static_cast<int32_t>(std::min<std::size_t>(bytes.size(), 1 << 20)),
                   &status);
    int32_t count = 0;
    const UCharsetMatch** matches = ucsdet_detectAll(detector.get(), &count, &status);
    for (int32_t i = 0; U_SUCCESS(status) && i < count; ++i) {
      UErrorCode s = U_ZERO_ERROR;
      const char* name = ucsdet_getName(matches[i], &s);
      const int32_t confidence = ucsdet_getConfidence(matches[i], &s);
      if (U_SUCCESS(s) && name) ranked.push_back({name, confidence});
    }
  }
  auto confidence_of = [&](std::string_view name) {
    for (const Candidate& c : ranked)
      if (to_lower_ascii(c.name) == to_lower_ascii(name)) return c.confidence;
    return 0;
  };
  // GB18030's four-byte sequences (characters outside GBK: emoji, rare Han)
  // decode in GB18030 only.
  const bool gbk = try_convert(bytes, "GBK", nullptr, true).has_value() ||
                   try_convert(bytes, "GB18030", nullptr, true).has_value();
  const bool big5 = try_convert(bytes, "Big5", nullptr, true).has_value();
  std::optional<Candidate> chinese;
  if (gbk && big5) {
    // Both decode: the detector's ranking between them decides.
    chinese = Candidate{"GB18030", confidence_of("GB18030")};
    for (const Candidate& c : ranked) {
      const std::string n = to_lower_ascii(c.name);
      if (n == "big5" || n == "gb18030") {
        chinese = Candidate{n == "big5" ? "Big5" : "GB18030", c.confidence};
        break;
      }
    }
  } else if (gbk) {
    chinese = Candidate{"GB18030", confidence_of("GB18030")};
  } else if (big5) {
    chinese = Candidate{"Big5", confidence_of("Big5")};
  }
  // The Japanese and Korean readings that decode to text of that language,
  // most confident first: Japanese writes kana, Korean Hangul (Chinese in GBK
  // read as EUC-JP is all kanji; Hangul read as EUC-JP too).
  std::vector<Candidate> others;
  for (const Candidate& c : ranked) {
    const std::string n = to_lower_ascii(c.name);
    const bool korean = n == "euc-kr";
    if (!korean && n != "euc-jp" && n != "shift_jis") continue;
    const auto text = try_convert(bytes, c.name.c_str(), nullptr, true);
    if (!text) continue;
    const char32_t first = korean ? 0xAC00 : 0x3041, last = korean ? 0xD7A3 : 0x30FF;  // syllables; kana
    bool written = false;
    for (std::size_t i = 0; i < text->size() && !written;) {
      const char32_t cp = utf8::next(*text, i);
      written = cp >= first && cp <= last;
    }
    if (written) others.push_back(c);
  }
  if (!chinese && others.empty()) return {};
  if (others.empty()) return {chinese->name};
  constexpr int kClearLead = 10;
  // A tie (short text scores alike everywhere) names every reading in it:
  // any one alone may be wrong advice (EUC-KR Hangul also decodes as GBK
  // and EUC-JP, with the same low score).
  auto tied_with = [&](std::vector<std::string> named, int floor) {
    for (const Candidate& c : others)
      if (c.confidence >= floor) named.push_back(c.name);
    return named;
  };
  if (!chinese || others[0].confidence >= chinese->confidence + kClearLead)
    return tied_with({}, others[0].confidence - kClearLead + 1);
  if (others[0].confidence < chinese->confidence) return {chinese->name};
  return tied_with({chinese->name}, chinese->confidence);
}

std::string list_encodings(const std::vector<std::string>& names) {
  return alternatives(names, [](const std::string& name) { return name; });
}

std::string encoding_advice(const std::vector<std::string>& names) {
  const std::string options = alternatives(names, [](const std::string& name) { return "--encoding " + name; });
  return names.size() < 2 ? options : options + ", whichever reads right,";
}

std::string not_utf8_reason(const std::vector<std::string>& names) {
  return "is not UTF-8 (it reads as " + list_encodings(names) + "); pass " + encoding_advice(names) +
         " or convert it to UTF-8";
}

std::string convert_to_utf8(const std::string& path, std::string_view bytes, const std::string& encoding,
                            SourceMap* map) {
  UErrorCode status = U_ZERO_ERROR;
  UConverter* probe = ucnv_open(encoding.c_str(), &status);
  if (U_FAILURE(status)) throw InputError(path, "unknown encoding '" + encoding + "' (try gb18030, gbk, big5, utf-16)");
  ucnv_close(probe);
  std::size_t bad = 0;
  auto text = try_convert(bytes, encoding.c_str(), &bad, false, map);
  if (!text) throw InputError(path, "byte offset " + std::to_string(bad) + ": not valid " + encoding);
  return *text;
}

DecodedText decode_bytes(const std::string& path, std::string bytes, const DecodeOptions& options) {
  DecodedText result;
  if (options.encoding && !is_utf8_name(*options.encoding)) {
    result.encoding = *options.encoding;
    result.text = convert_to_utf8(path, bytes, *options.encoding, &result.source_map);
    if (result.text.compare(0, kUtf8Bom.size(), kUtf8Bom) == 0) {
      result.text.erase(0, kUtf8Bom.size());
      result.source_map = result.source_map.without_prefix(kUtf8Bom.size());
      result.bom_bytes = 1;  // not a byte count of the original here, only a marker
    }
    return result;
  }
  const std::string_view head = std::string_view(bytes).substr(0, 4);
  if (head == std::string_view("\xFF\xFE\0\0", 4) || head == std::string_view("\0\0\xFE\xFF", 4))
    throw InputError(path, std::string("file is UTF-32") + (head[0] == '\xFF' ? "LE" : "BE") +
                               " (byte-order mark at byte 0); convert it to UTF-8 or pass --encoding utf-32");
  if (bytes.size() >= 2 && ((bytes[0] == '\xFF' && bytes[1] == '\xFE') || (bytes[0] == '\xFE' && bytes[1] == '\xFF')))
    throw InputError(path, "file is UTF-16 (byte-order mark at byte 0); convert it to UTF-8 or pass --encoding utf-16");
  if (const void* nul = std::memchr(bytes.data(), '\0', bytes.size())) {
    if (const auto wide = detect_wide_unicode(bytes))
      throw InputError(path, "file is " + *wide + " without a byte-order mark; convert it to UTF-8 or pass --encoding " +
                                 to_lower_ascii(*wide));
    const auto offset = static_cast<std::size_t>(static_cast<const char*>(nul) - bytes.data());
    throw InputError(path, "binary file (NUL byte at byte offset " + std::to_string(offset) + "); not checked");
  }
  if (bytes.compare(0, kUtf8Bom.size(), kUtf8Bom) == 0) {
    bytes.erase(0, kUtf8Bom.size());
    result.bom_bytes = kUtf8Bom.size();
  }
  result.source_map = SourceMap::shifted(result.bom_bytes);
  result.first_invalid_offset = utf8::first_invalid(bytes);
  if (result.first_invalid_offset != std::string_view::npos) {
    // Many ill-formed sequences mean a legacy encoding rather than a few damaged bytes.
    std::size_t invalid = 0;
    std::size_t non_ascii = 0;
    std::size_t pos = 0;
    while (pos < bytes.size()) {
      if (static_cast<unsigned char>(bytes[pos]) < 0x80) {
        ++pos;
        continue;
      }
      ++non_ascii;
      if (utf8::next(bytes, pos) == utf8::kInvalid) ++invalid;
    }
    if (invalid >= 4 && invalid * 4 >= non_ascii) result.probable_encodings = detect_legacy_encodings(bytes);
  }
  result.text = std::move(bytes);
  return result;
}

}  // namespace tc
