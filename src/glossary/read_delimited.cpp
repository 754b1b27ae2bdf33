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
// Read one at a time: a large glossary's records, each a vector of cells,
// were held all at once beside the entries made from them.
class RecordReader {
 public:
  RecordReader(std::string_view text, char delimiter, std::vector<GlossaryProblem>& problems)
      : text_(text), delimiter_(delimiter), problems_(&problems) {
    if (text_.substr(0, 3) == "\xEF\xBB\xBF") pos_ = 3;
  }
  // The next record; false at the end or after a problem that ends the reading.
  bool next(Record& out) {
    if (stopped_) return false;
    skip_blank_and_comment_lines();
    if (pos_ >= text_.size()) return false;
    out.line = line_;
    out.cells.clear();
    bool bad = false;  // a problem was reported for this record already
    while (true) {
      if (!read_cell(out, bad)) return false;
      if (pos_ < text_.size() && text_[pos_] == delimiter_) {
        ++pos_;
        continue;
      }
      if (pos_ < text_.size()) ++pos_;  // the newline
      ++line_;
      return true;
    }
  }

  // How many records are left: read ahead without keeping their cells or
  // problems (blank, comment and quoted lines are no records, so a count of
  // lines can be many times too high).
  std::size_t records_left() const {
    std::vector<GlossaryProblem> ignored;
    RecordReader ahead(*this);
    ahead.problems_ = &ignored;
    ahead.count_only_ = true;
    std::size_t count = 0;
    Record record;
    while (ahead.next(record)) ++count;
    return count;
  }

 private:
  // Passes over blank lines and lines starting with #.
  void skip_blank_and_comment_lines() {
    while (pos_ < text_.size()) {
      std::size_t eol = text_.find('\n', pos_);
      if (eol == std::string_view::npos) eol = text_.size();
      const std::string_view whole = trim(text_.substr(pos_, eol - pos_));
      if (!whole.empty() && whole.front() != '#') return;
      pos_ = eol + 1;
      ++line_;
    }
  }

  // Reads the cell at pos_ into out (unless counting only), up to the
  // delimiter or line end after it; false after a problem that ends the reading.
  bool read_cell(Record& out, bool& bad) {
    const std::string_view text = text_;
    std::string cell;
    // Leading spaces before a quote are allowed.
    std::size_t p = pos_;
    while (p < text.size() && (text[p] == ' ' || (text[p] == '\t' && delimiter_ != '\t'))) ++p;
    if (p < text.size() && text[p] == '"') {
      const std::size_t quote_line = line_;
      pos_ = p + 1;
      bool closed = false;
      while (pos_ < text.size()) {
        const char c = text[pos_];
        if (c == '"') {
          if (pos_ + 1 < text.size() && text[pos_ + 1] == '"') {
            if (!count_only_) cell += '"';
            pos_ += 2;
            continue;
          }
          closed = true;
          ++pos_;
          break;
        }
        if (c == '\n') ++line_;
        if (!count_only_) cell += c;
        ++pos_;
      }
      if (!closed) {
        problems_->push_back({quote_line, "unterminated quote", true});
        stopped_ = true;
        return false;
      }
      std::size_t q = pos_;
      while (q < text.size() && (text[q] == ' ' || text[q] == '\r' || (text[q] == '\t' && delimiter_ != '\t'))) ++q;
      if (q < text.size() && text[q] != delimiter_ && text[q] != '\n') {
        problems_->push_back({line_, "unexpected text after a closing quote (write a quote inside a quoted cell as \"\")", true});
        bad = true;
        while (q < text.size() && text[q] != delimiter_ && text[q] != '\n') ++q;
      }
      pos_ = q;
    } else {
      std::size_t q = pos_;
      while (q < text.size() && text[q] != delimiter_ && text[q] != '\n') ++q;
      const std::string_view raw = text.substr(pos_, q - pos_);
      if (delimiter_ == ',' && raw.find('"') != std::string_view::npos && !bad) {
        problems_->push_back({line_, "quote inside an unquoted cell (quote the whole cell and double the quote)", true});
        bad = true;
      }
      if (!count_only_) cell.assign(raw);
      pos_ = q;
    }
    if (!count_only_) out.cells.emplace_back(trim(cell));
    return true;
  }

  std::string_view text_;
  char delimiter_;
  std::vector<GlossaryProblem>* problems_;
  std::size_t pos_ = 0;
  std::size_t line_ = 1;
  bool stopped_ = false;
  bool count_only_ = false;  // cells are not kept (records_left)
};

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
  const auto origin_file = std::make_shared<const std::string>(file.path);  // shared by its entries
  std::string normalized;
  if (text.find('\r') != std::string_view::npos) {
    normalized = with_lone_crs_as_newlines(text);
    text = normalized;
  }
  RecordReader reader(text, delimiter, file.problems);
  Record header;
  if (!reader.next(header)) {
    if (file.problems.empty()) file.problems.push_back({0, "no header row (expected zh, en, variants, forbidden, note)", true});
    return;
  }
  // The records' own problems come first, the entries' after them (a load
  // stops at the first fatal one), as when all records were read first.
  std::vector<GlossaryProblem> entry_problems;
  Record record;
  auto header_problem = [&](GlossaryProblem problem) {
    while (reader.next(record)) {
    }
    file.problems.push_back(std::move(problem));
  };
  static const std::array<std::string_view, kColumnCount> kNames{"zh", "en", "variants", "forbidden", "note", "case"};
  std::array<int, kColumnCount> column{};
  column.fill(-1);
  for (std::size_t i = 0; i < header.cells.size(); ++i) {
    const std::string name = to_lower_ascii(header.cells[i]);
    const auto it = std::find(kNames.begin(), kNames.end(), name);
    if (it == kNames.end()) {
      header_problem({header.line, "unknown column '" + header.cells[i] + "' (expected zh, en, variants, forbidden, note, case)", true});
      return;
    }
    const auto index = static_cast<std::size_t>(it - kNames.begin());
    if (column[index] >= 0) {
      header_problem({header.line, "column '" + name + "' appears twice in the header", true});
      return;
    }
    column[index] = static_cast<int>(i);
  }
  if (column[kEn] < 0 || column[kZh] < 0) {
    header_problem({header.line, "the header row must name the columns zh and en", true});
    return;
  }
  // At most an entry a record: sized at once (a glossary entry is a few
  // hundred bytes, and doubling held up to twice them). Counted, not taken
  // from the lines: a file of blank lines would have asked for gigabytes.
  // Entries handed on as they are read are not kept: nothing to size.
  if (!file.take) {
    const std::size_t most = reader.records_left();
    file.entries.reserve(file.entries.size() + most);
    file.lines.reserve(file.lines.size() + most);
  }
  while (reader.next(record)) {
    // Trailing empty cells (spreadsheet exports) are harmless; text beyond the header is not.
    const bool extra_text = std::any_of(record.cells.begin() + static_cast<std::ptrdiff_t>(std::min(record.cells.size(), header.cells.size())),
                                        record.cells.end(), [](const std::string& c) { return !c.empty(); });
    if (extra_text) {
      entry_problems.push_back({record.line,
                               std::to_string(record.cells.size()) + " cells but the header has " +
                                   std::to_string(header.cells.size()) + " (a stray delimiter?)",
                               true});
      continue;
    }
    auto cell_view = [&](Column c) -> std::string_view {
      const int i = column[c];
      return i >= 0 && static_cast<std::size_t>(i) < record.cells.size() ? std::string_view(record.cells[static_cast<std::size_t>(i)])
                                                                          : std::string_view();
    };
    auto cell = [&](Column c) { return std::string(cell_view(c)); };
    const std::string case_value = to_lower_ascii(cell(kCase));
    if (!case_value.empty() && case_value != "sensitive" && case_value != "insensitive") {
      entry_problems.push_back({record.line, "case must be 'sensitive', 'insensitive' or empty, not '" + cell(kCase) + "'", true});
      continue;
    }
    // A crowded cell is refused before it is split: its items are never made.
    static const std::array<Column, 3> kListColumns{kZh, kVariants, kForbidden};
    bool crowded = false;
    for (Column c : kListColumns) crowded |= file.refuse_crowded_cell(cell_view(c), kNames[c], record.line);
    if (crowded) continue;
    file.take_entry(make_entry(split_items(cell_view(kZh)), cell(kEn), split_items(cell_view(kVariants)),
                               split_items(cell_view(kForbidden)), cell(kNote), case_value == "sensitive", origin_file,
                               record.line),
                    record.line);
    // Empty-item problems are found here, where the raw cells are at hand.
    for (Column c : kListColumns)
      if (has_empty_item(cell_view(c)))
        entry_problems.push_back(
            {record.line, "empty item in the '" + std::string(kNames[c]) + "' cell ('" + cell(c) + "')", false});
  }
  file.problems.insert(file.problems.end(), std::make_move_iterator(entry_problems.begin()),
                       std::make_move_iterator(entry_problems.end()));
}}  // namespace tc::glossary_reader
