#include "glossary/reader_common.h"

#include <algorithm>
#include <array>

#include "text/ascii.h"

namespace tc::glossary_reader {
namespace {


struct Record {
  std::size_t line = 0;
  std::vector<std::string> cells;
};

// RFC 4180 style records: a cell starting with a quote runs to the matching
// quote ("" is a literal quote) and may span lines. A line starting with #
// is a comment.
std::vector<Record> read_records(std::string_view text, char delimiter, std::vector<GlossaryProblem>& problems) {
  std::vector<Record> records;
  std::size_t pos = 0;
  std::size_t line = 1;
  if (text.substr(0, 3) == "\xEF\xBB\xBF") pos = 3;
  while (pos < text.size()) {
    // Comment and blank lines.
    std::size_t eol = text.find('\n', pos);
    if (eol == std::string_view::npos) eol = text.size();
    const std::string_view whole = trim(text.substr(pos, eol - pos));
    if (whole.empty() || whole.front() == '#') {
      pos = eol + 1;
      ++line;
      continue;
    }
    Record record;
    record.line = line;
    bool record_done = false;
    bool bad = false;
    while (!record_done) {
      std::string cell;
      // Leading spaces before a quote are allowed.
      std::size_t p = pos;
      while (p < text.size() && (text[p] == ' ' || (text[p] == '\t' && delimiter != '\t'))) ++p;
      if (p < text.size() && text[p] == '"') {
        const std::size_t quote_line = line;
        pos = p + 1;
        bool closed = false;
        while (pos < text.size()) {
          const char c = text[pos];
          if (c == '"') {
            if (pos + 1 < text.size() && text[pos + 1] == '"') {
              cell += '"';
              pos += 2;
              continue;
            }
            closed = true;
            ++pos;
            break;
          }
          if (c == '\n') ++line;
          cell += c;
          ++pos;
        }
        if (!closed) {
          problems.push_back({quote_line, "unterminated quote", true});
          return records;
        }
        std::size_t q = pos;
        while (q < text.size() && (text[q] == ' ' || text[q] == '\r' || (text[q] == '\t' && delimiter != '\t'))) ++q;
        if (q < text.size() && text[q] != delimiter && text[q] != '\n') {
          problems.push_back({line, "unexpected text after a closing quote (write a quote inside a quoted cell as \"\")", true});
          bad = true;
          while (q < text.size() && text[q] != delimiter && text[q] != '\n') ++q;
        }
        pos = q;
      } else {
        std::size_t q = pos;
        while (q < text.size() && text[q] != delimiter && text[q] != '\n') ++q;
        const std::string_view raw = text.substr(pos, q - pos);
        if (delimiter == ',' && raw.find('"') != std::string_view::npos && !bad) {
          problems.push_back({line, "quote inside an unquoted cell (quote the whole cell and double the quote)", true});
          bad = true;
        }
        cell.assign(raw);
        pos = q;
      }
      record.cells.emplace_back(trim(cell));
      if (pos < text.size() && text[pos] == delimiter) {
        ++pos;
      } else {
        if (pos < text.size()) ++pos;  // the newline
        ++line;
        record_done = true;
      }
    }
    records.push_back(std::move(record));
  }
  return records;
}

enum Column { kZh, kEn, kVariants, kForbidden, kNote, kCase, kColumnCount };

// A lone CR (classic Mac line end) as "\n"; CRLF stays. Same length, so
// line numbers hold.
std::string with_lone_crs_as_newlines(std::string_view text) {
  std::string out(text);
  for (std::size_t i = 0; i < out.size(); ++i)
    if (out[i] == '\r' && (i + 1 == out.size() || out[i + 1] != '\n')) out[i] = '\n';
  return out;
}

}  // namespace

void read_delimited(GlossaryFile& file, std::string_view text, char delimiter) {
  std::string normalized;
  if (text.find('\r') != std::string_view::npos) {
    normalized = with_lone_crs_as_newlines(text);
    text = normalized;
  }
  std::vector<Record> records = read_records(text, delimiter, file.problems);
  if (records.empty()) {
    if (file.problems.empty()) file.problems.push_back({0, "no header row (expected zh, en, variants, forbidden, note)", true});
    return;
  }
  static const std::array<std::string_view, kColumnCount> kNames{"zh", "en", "variants", "forbidden", "note", "case"};
  std::array<int, kColumnCount> column{};
  column.fill(-1);
  const Record& header = records.front();
  for (std::size_t i = 0; i < header.cells.size(); ++i) {
    const std::string name = to_lower_ascii(header.cells[i]);
    const auto it = std::find(kNames.begin(), kNames.end(), name);
    if (it == kNames.end()) {
      file.problems.push_back({header.line, "unknown column '" + header.cells[i] + "' (expected zh, en, variants, forbidden, note, case)", true});
      return;
    }
    const auto index = static_cast<std::size_t>(it - kNames.begin());
    if (column[index] >= 0) {
      file.problems.push_back({header.line, "column '" + name + "' appears twice in the header", true});
      return;
    }
    column[index] = static_cast<int>(i);
  }
  if (column[kEn] < 0 || column[kZh] < 0) {
    file.problems.push_back({header.line, "the header row must name the columns zh and en", true});
    return;
  }
  // At most an entry a record: sized at once (a glossary entry is a few
  // hundred bytes, and doubling held up to twice them).
  file.entries.reserve(file.entries.size() + records.size() - 1);
  file.lines.reserve(file.lines.size() + records.size() - 1);
  for (std::size_t r = 1; r < records.size(); ++r) {
    // The cells of the record before are done with (the header's are still read).
    if (r > 1) std::vector<std::string>().swap(records[r - 1].cells);
    const Record& record = records[r];
    // Trailing empty cells (spreadsheet exports) are harmless; text beyond the header is not.
    const bool extra_text = std::any_of(record.cells.begin() + static_cast<std::ptrdiff_t>(std::min(record.cells.size(), header.cells.size())),
                                        record.cells.end(), [](const std::string& c) { return !c.empty(); });
    if (extra_text) {
      file.problems.push_back({record.line,
                               std::to_string(record.cells.size()) + " cells but the header has " +
                                   std::to_string(header.cells.size()) + " (a stray delimiter?)",
                               true});
      continue;
    }
    auto cell = [&](Column c) -> std::string {
      const int i = column[c];
      return i >= 0 && static_cast<std::size_t>(i) < record.cells.size() ? record.cells[static_cast<std::size_t>(i)] : std::string();
    };
    const std::string case_value = to_lower_ascii(cell(kCase));
    if (!case_value.empty() && case_value != "sensitive" && case_value != "insensitive") {
      file.problems.push_back({record.line, "case must be 'sensitive', 'insensitive' or empty, not '" + cell(kCase) + "'", true});
      continue;
    }
    file.entries.push_back(make_entry(split_items(cell(kZh)), cell(kEn), split_items(cell(kVariants)),
                                      split_items(cell(kForbidden)), cell(kNote), case_value == "sensitive",
                                      file.path + ":" + std::to_string(record.line)));
    file.lines.push_back(record.line);
    // Empty-item problems are found here, where the raw cells are at hand.
    static const std::array<Column, 3> kListColumns{kZh, kVariants, kForbidden};
    for (Column c : kListColumns) {
      const std::string raw = cell(c);
      if (raw.empty()) continue;
      const auto items = split_items(raw);
      if (std::any_of(items.begin(), items.end(), [](const std::string& s) { return s.empty(); }))
        file.problems.push_back({record.line, "empty item in the '" + std::string(kNames[c]) + "' cell ('" + raw + "')", false});
    }
  }
}}  // namespace tc::glossary_reader
