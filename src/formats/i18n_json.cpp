#include "formats/i18n_json.h"

#include <nlohmann/json.hpp>

#include "core/utf8.h"

namespace tc {
namespace {

constexpr std::size_t kMaxDepth = 256;

// A pointer iterator that remembers the last byte the parser read, so the
// SAX handler knows where the string it is given ends in the input.
struct TrackingIterator {
  using iterator_category = std::input_iterator_tag;
  using value_type = char;
  using difference_type = std::ptrdiff_t;
  using pointer = const char*;
  using reference = const char&;
  const char* at = nullptr;
  const char** last_read = nullptr;
  reference operator*() const {
    *last_read = at;
    return *at;
  }
  TrackingIterator& operator++() {
    ++at;
    return *this;
  }
  TrackingIterator operator++(int) {
    TrackingIterator before = *this;
    ++at;
    return before;
  }
  bool operator==(const TrackingIterator& other) const { return at == other.at; }
  bool operator!=(const TrackingIterator& other) const { return at != other.at; }
};

int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

unsigned read_hex4(std::string_view raw, std::size_t at) {
  unsigned value = 0;
  for (std::size_t i = at; i < at + 4 && i < raw.size(); ++i) value = value * 16 + static_cast<unsigned>(std::max(hex_digit(raw[i]), 0));
  return value;
}

// The decoded value against its raw bytes raw[open + 1, close): escapes are
// where they drift.
MappedText map_string(std::string_view raw, std::size_t open, std::size_t close, const std::string& value) {
  MappedText out;
  out.start_at(open + 1);
  std::size_t r = open + 1;
  std::size_t d = 0;
  std::size_t run = 0;
  std::size_t run_raw = r;
  auto flush = [&] { out.append(std::string_view(value).substr(run, d - run), run_raw); };
  while (r < close && d < value.size()) {
    if (raw[r] != '\\') {
      ++r;
      ++d;
      continue;
    }
    flush();
    const std::size_t escape = r;
    std::size_t size = 1;
    if (raw[r + 1] == 'u') {
      char32_t code = read_hex4(raw, r + 2);
      r += 6;
      if (code >= 0xD800 && code < 0xDC00 && r + 6 <= close && raw[r] == '\\' && raw[r + 1] == 'u') {
        const char32_t low = read_hex4(raw, r + 2);
        code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
        r += 6;
      }
      std::string encoded;
      utf8::append(encoded, code);
      size = encoded.size();
    } else {
      r += 2;
    }
    size = std::min(size, value.size() - d);
    out.append(std::string_view(value).substr(d, size), escape);
    d += size;
    run = d;
    run_raw = r;
  }
  flush();
  return out;
}

class KeyCollector : public nlohmann::json_sax<nlohmann::json> {
 public:
  KeyCollector(std::string_view raw, const char** last_read) : raw_(raw), last_read_(last_read) {}

  bool null() override { return next_value(); }
  bool boolean(bool) override { return next_value(); }
  bool number_integer(number_integer_t) override { return next_value(); }
  bool number_unsigned(number_unsigned_t) override { return next_value(); }
  bool number_float(number_float_t, const string_t&) override { return next_value(); }
  bool binary(binary_t&) override { return next_value(); }
  bool string(string_t& value) override {
    const std::size_t close = static_cast<std::size_t>(*last_read_ - raw_.data());
    const std::size_t open = opening_quote(close);
    strings.push_back({path(), map_string(raw_, open, close, value), open});
    return next_value();
  }
  bool key(string_t& value) override {
    path_.back().key = value;
    return true;
  }
  bool start_object(std::size_t) override { return open(false); }
  bool end_object() override { return close(); }
  bool start_array(std::size_t) override { return open(true); }
  bool end_array() override { return close(); }
  bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception& error) override {
    std::string reason = error.what();
    // "[json.exception.parse_error.101] parse error at line 1, column 9: syntax error ..." -> the part after ": "
    const std::size_t colon = reason.find(": ");
    if (colon != std::string::npos) reason = reason.substr(colon + 2);
    throw FormatError(position > 0 ? position - 1 : 0, "malformed JSON: " + reason);
  }

  std::vector<KeyedString> strings;

 private:
  struct Level {
    bool array = false;
    std::size_t index = 0;
    std::string key;
  };

  std::size_t opening_quote(std::size_t close) const {
    for (std::size_t i = close; i-- > 0;) {
      if (raw_[i] != '"') continue;
      std::size_t backslashes = 0;
      while (i > backslashes && raw_[i - 1 - backslashes] == '\\') ++backslashes;
      if (backslashes % 2 == 0) return i;
    }
    return 0;
  }
  std::string path() const {
    std::string joined;
    for (const Level& level : path_) {
      if (!joined.empty()) joined += '.';
      joined += level.array ? std::to_string(level.index) : level.key;
    }
    return joined;
  }
  bool next_value() {
    if (!path_.empty() && path_.back().array) ++path_.back().index;
    return true;
  }
  bool open(bool array) {
    if (path_.size() >= kMaxDepth)
      throw FormatError(static_cast<std::size_t>(*last_read_ - raw_.data()), "nesting deeper than " + std::to_string(kMaxDepth) + " levels");
    path_.push_back({array, 0, {}});
    return true;
  }
  bool close() {
    path_.pop_back();
    return next_value();
  }

  std::string_view raw_;
  const char** last_read_;
  std::vector<Level> path_;
};

std::string escape_json(std::string_view text) {
  std::string out;
  for (const char c : text) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\t': out += "\\t"; break;
      case '\r': out += "\\r"; break;
      default: out += c;
    }
  }
  return out;
}

}  // namespace

std::vector<KeyedString> read_json_strings(std::string_view text) {
  const char* last_read = text.data();
  KeyCollector collector(text, &last_read);
  TrackingIterator begin{text.data(), &last_read};
  TrackingIterator end{text.data() + text.size(), &last_read};
  nlohmann::json::sax_parse(begin, end, &collector);
  return std::move(collector.strings);
}

FormatReader i18n_json_reader() {
  Format format;
  format.name = "i18n-json";
  format.independent_blocks = true;
  format.escape = escape_json;
  FormatReader reader{format, {"json"}, nullptr, nullptr, read_json_strings};
  // A message file alone: its string values are the prose, one block each.
  reader.read = [](std::string_view text) {
    Layout layout;
    layout.masked.assign(text.size(), kMaskByte);
    try {
      for (const KeyedString& entry : read_json_strings(text)) {
        const std::size_t begin = entry.offset + 1;
        std::size_t end = begin;
        while (end < text.size() && text[end] != '"') end += text[end] == '\\' ? 2 : 1;
        end = std::min(end, text.size());
        for (std::size_t i = begin; i < end; ++i) layout.masked[i] = text[i];
        Block block;
        block.set_span({begin, end});
        block.set_content({begin, end});
        layout.blocks.push_back(block);
      }
    } catch (const FormatError&) {
      layout.masked.clear();  // not JSON after all: read as plain text
    }
    for (std::size_t i = 0; i < text.size(); ++i)
      if (text[i] == '\n' && !layout.masked.empty()) layout.masked[i] = '\n';
    return layout;
  };
  return reader;
}

}  // namespace tc
