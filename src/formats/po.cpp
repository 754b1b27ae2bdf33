#include "formats/po.h"

#include <functional>
#include <map>
#include <optional>

#include "core/line_index.h"
#include "text/byte_skip.h"

// Written here rather than with libgettextpo: that library hands back
// message strings already unescaped and knows no position of a message in
// the PO file (only the "#:" references into program sources), and every
// finding must point at its character in the file.

namespace tc {
namespace {

std::string escape_po(std::string_view text) {
  std::string out;
  for (const char c : text) {
    switch (c) {
      case '\\': out += "\\\\"; break;
      case '"': out += "\\\""; break;
      case '\n': out += "\\n"; break;
      case '\t': out += "\\t"; break;
      case '\r': out += "\\r"; break;
      default: out += c;
    }
  }
  return out;
}

bool is_space(char c) { return c == ' ' || c == '\t'; }
bool is_octal(char c) { return c >= '0' && c <= '7'; }
int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Decodes the C string that opens at input[quote] (a '"') and ends before
// line_end, appending it to out. Returns the offset after the closing quote.
std::size_t decode_string(std::string_view input, std::size_t quote, std::size_t line_end, MappedText& out) {
  out.start_at(quote + 1);
  std::size_t pos = quote + 1;
  std::size_t run = pos;  // start of the bytes copied as they are
  auto flush = [&](std::size_t end) {
    out.append(input.substr(run, end - run), run);
  };
  while (pos < line_end) {
    pos = text::find_any_byte<'"', '\\'>(input, pos, line_end);  // plain bytes are copied as a run
    if (pos >= line_end) break;
    const char c = input[pos];
    if (c == '"') {
      flush(pos);
      return pos + 1;
    }
    if (c != '\\') {
      ++pos;
      continue;
    }
    flush(pos);
    const std::size_t escape = pos;
    if (pos + 1 >= line_end) throw FormatError(escape, "a backslash ends the line inside a string");
    const char e = input[pos + 1];
    pos += 2;
    std::string decoded;
    switch (e) {
      case 'n': decoded = "\n"; break;
      case 't': decoded = "\t"; break;
      case 'r': decoded = "\r"; break;
      case 'a': decoded = "\a"; break;
      case 'b': decoded = "\b"; break;
      case 'f': decoded = "\f"; break;
      case 'v': decoded = "\v"; break;
      case '\\': case '"': case '\'': case '?': decoded = std::string(1, e); break;
      case 'x': {
        int value = 0;
        std::size_t digits = 0;
        while (pos < line_end && hex_value(input[pos]) >= 0 && digits < 2) value = value * 16 + hex_value(input[pos++]), ++digits;
        if (digits == 0) throw FormatError(escape, "\\x without hexadecimal digits");
        decoded = std::string(1, static_cast<char>(value));
        break;
      }
      default:
        if (is_octal(e)) {
          int value = e - '0';
          for (int digits = 1; digits < 3 && pos < line_end && is_octal(input[pos]); ++digits) value = value * 8 + (input[pos++] - '0');
          if (value > 0xFF) throw FormatError(escape, "octal escape above \\377");
          decoded = std::string(1, static_cast<char>(value));
        } else {
          throw FormatError(escape, std::string("unknown escape \\") + e + " in a string");
        }
    }
    out.append(decoded, escape);
    run = pos;
  }
  throw FormatError(quote, "string is not closed on its line");
}

struct Entry {
  std::size_t offset = 0;  // first byte of the entry's first line
  bool obsolete = false;
  std::vector<std::string> flags;
  std::string notes;  // "#." comments for translators, lines joined by spaces
  std::optional<MappedText> context;
  std::optional<MappedText> msgid;
  std::optional<MappedText> msgid_plural;
  std::map<int, MappedText> msgstr;  // -1: plain msgstr
  std::size_t msgstr_offset = 0;
  bool has_lines = false;  // comments count: they open the entry

  bool empty() const { return !context && !msgid && msgstr.empty(); }
};

std::vector<std::string> split_flags(std::string_view text) {
  std::vector<std::string> flags;
  std::string current;
  for (const char c : text) {
    if (c == ',') {
      if (!current.empty()) flags.push_back(current);
      current.clear();
    } else if (!is_space(c) && c != '\r') {
      current += c;
    }
  }
  if (!current.empty()) flags.push_back(current);
  return flags;
}

// The value of "Name: value" in the header text, empty when absent.
std::string header_field(std::string_view header, std::string_view name) {
  std::string found;
  for_each_line(header, [&](const Line& line) {
    const std::string_view text = header.substr(line.begin, line.end - line.begin);
    if (found.empty() && text.size() > name.size() && text.substr(0, name.size()) == name && text[name.size()] == ':') {
      std::size_t begin = name.size() + 1;
      while (begin < text.size() && is_space(text[begin])) ++begin;
      found = std::string(text.substr(begin));
    }
  });
  return found;
}

int plural_form_count(std::string_view plural_forms) {
  const std::size_t at = plural_forms.find("nplurals=");
  if (at == std::string_view::npos) return 2;
  int count = 0;
  for (std::size_t pos = at + 9; pos < plural_forms.size() && plural_forms[pos] >= '0' && plural_forms[pos] <= '9'; ++pos)
    count = count * 10 + (plural_forms[pos] - '0');
  return count > 0 ? count : 2;
}

// Hands each entry to a consumer as soon as it is complete, so that one
// entry's strings are freed before the next is read (the file is never held
// as a list of entries).
class PoParser {
 public:
  using Consumer = std::function<void(const Entry&)>;
  PoParser(std::string_view input, Consumer consume) : input_(input), consume_(std::move(consume)) {}

  void parse() {
    for_each_line(input_, [&](const Line& line) { read_line(line); });
    finish_entry();
  }

 private:
  void finish_entry() {
    if (current_.empty()) {
      current_ = Entry{};
      return;
    }
    if (!current_.msgid) throw FormatError(current_.offset, "entry has no msgid");
    if (current_.msgstr.empty()) throw FormatError(current_.offset, "entry has no msgstr (is the file cut short?)");
    if (current_.msgid_plural && current_.msgstr.count(-1))
      throw FormatError(current_.msgstr_offset, "msgid_plural needs msgstr[n], not msgstr");
    consume_(current_);
    current_ = Entry{};
    string_ = nullptr;
  }

  void begin_line_of_entry(std::size_t line_begin, bool starts_entry) {
    if (starts_entry && !current_.msgstr.empty()) finish_entry();
    if (!current_.has_lines) current_.offset = line_begin;
    current_.has_lines = true;
  }

  void read_line(const Line& line) {
    std::size_t pos = line.begin;
    const std::size_t end = line.end;
    while (pos < end && is_space(input_[pos])) ++pos;
    if (pos == end) return;
    bool obsolete = false;
    if (input_.compare(pos, 2, "#~") == 0) {
      obsolete = true;
      pos += 2;
      while (pos < end && is_space(input_[pos])) ++pos;
      if (pos == end) return;
      if (input_[pos] == '|') return;  // a previous string of an obsolete entry
    } else if (input_[pos] == '#') {
      begin_line_of_entry(line.begin, true);
      if (pos + 1 < end && input_[pos + 1] == ',') {
        for (std::string& flag : split_flags(input_.substr(pos + 2, end - pos - 2))) current_.flags.push_back(std::move(flag));
      } else if (pos + 1 < end && input_[pos + 1] == '.') {
        if (!current_.notes.empty()) current_.notes += ' ';
        current_.notes.append(input_.substr(pos + 2, end - pos - 2));
      }
      string_ = nullptr;
      return;
    }
    if (input_[pos] == '"') {
      if (!string_) throw FormatError(pos, "a string without msgid or msgstr before it");
      finish_string(pos, end, *string_);
      return;
    }
    std::size_t word_end = pos;
    while (word_end < end && !is_space(input_[word_end]) && input_[word_end] != '"') ++word_end;
    const std::string_view keyword = input_.substr(pos, word_end - pos);
    // After a msgstr, msgctxt or msgid opens the next entry.
    begin_line_of_entry(line.begin, keyword == "msgctxt" || keyword == "msgid");
    if (obsolete) current_.obsolete = true;
    MappedText* target = nullptr;
    if (keyword == "msgctxt") {
      target = &current_.context.emplace();
    } else if (keyword == "msgid") {
      if (current_.msgid) throw FormatError(pos, "second msgid in one entry");
      target = &current_.msgid.emplace();
    } else if (keyword == "msgid_plural") {
      if (!current_.msgid) throw FormatError(pos, "msgid_plural before msgid");
      target = &current_.msgid_plural.emplace();
    } else if (keyword == "msgstr" || keyword.substr(0, 7) == "msgstr[") {
      if (!current_.msgid) throw FormatError(pos, "msgstr before msgid");
      int index = -1;
      if (keyword.size() > 6) {
        if (keyword.back() != ']' || keyword.size() < 9) throw FormatError(pos, "malformed plural index in " + std::string(keyword));
        index = 0;
        for (std::size_t i = 7; i + 1 < keyword.size(); ++i) {
          if (keyword[i] < '0' || keyword[i] > '9' || index > 1000) throw FormatError(pos, "malformed plural index in " + std::string(keyword));
          index = index * 10 + (keyword[i] - '0');
        }
      }
      if (current_.msgstr.count(index)) throw FormatError(pos, "second " + std::string(keyword) + " in one entry");
      if (current_.msgstr.empty()) current_.msgstr_offset = pos;
      target = &current_.msgstr[index];
    } else {
      throw FormatError(pos, "expected msgid, msgstr, msgctxt, a comment or a string, found \"" +
                                 std::string(keyword.substr(0, 20)) + "\"");
    }
    std::size_t quote = word_end;
    while (quote < end && is_space(input_[quote])) ++quote;
    if (quote == end || input_[quote] != '"') throw FormatError(quote, "expected a string after " + std::string(keyword));
    string_ = target;
    finish_string(quote, end, *target);
  }

  void finish_string(std::size_t quote, std::size_t end, MappedText& out) {
    std::size_t after = decode_string(input_, quote, end, out);
    while (after < end && (is_space(input_[after]) || input_[after] == '\r')) ++after;
    if (after < end) throw FormatError(after, "text after the closing quote");
  }

  std::string_view input_;
  Consumer consume_;
  Entry current_;
  MappedText* string_ = nullptr;  // the string continuation lines extend
};

bool is_format_flag(const std::string& flag) {
  return flag.size() > 7 && flag.compare(flag.size() - 7, 7, "-format") == 0 && flag.rfind("no-", 0) != 0;
}

}  // namespace

BitextLayout read_po(std::string_view text) {
  BitextLayout layout;
  layout.source_language = "en";  // msgids are English by gettext's convention
  int plural_forms = 2;
  // Entries in file order: a header sets the plural forms of those after it.
  PoParser(text, [&](const Entry& entry) {
    if (entry.obsolete) return;
    if (!entry.context && entry.msgid->text.empty()) {
      const auto it = entry.msgstr.find(-1);
      if (it == entry.msgstr.end()) return;
      layout.target_language = header_field(it->second.text, "Language");
      plural_forms = plural_form_count(header_field(it->second.text, "Plural-Forms"));
      return;
    }
    BitextUnit unit;
    unit.file_offset = entry.offset;
    unit.id = entry.msgid->text;
    if (entry.context) unit.context = entry.context->text;
    if (!entry.notes.empty()) unit.notes.push_back(entry.notes);
    for (const std::string& flag : entry.flags) {
      if (flag == "fuzzy") unit.state = UnitState::needs_review;
      if (is_format_flag(flag)) unit.format_flags.push_back(flag);
    }
    for (const auto& [index, translation] : entry.msgstr) {
      const bool singular = index <= 0 && (index < 0 || plural_forms != 1 || !entry.msgid_plural);
      const MappedText& source = singular || !entry.msgid_plural ? *entry.msgid : *entry.msgid_plural;
      unit.plural_form = entry.msgid_plural ? index : -1;
      add_bitext_unit(layout, source, translation, unit);
    }
  }).parse();
  return layout;
}

FormatReader po_reader() {
  Format format;
  format.name = "po";
  format.bilingual = true;
  format.independent_blocks = true;
  format.comment = {"#", ""};
  format.escape = escape_po;
  return {format, {"po"}, nullptr, read_po};
}

}  // namespace tc
