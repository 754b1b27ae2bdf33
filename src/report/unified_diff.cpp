#include "report/unified_diff.h"

#include <algorithm>
#include <sstream>
#include <string>

#include "report/excerpt.h"

namespace tc {
namespace {

constexpr std::size_t kContext = 3;

// Consecutive lines [first, last] of the original and the edits inside them.
struct Change {
  std::size_t first = 0;
  std::size_t last = 0;
  std::vector<const FileEdit*> edits;
};

std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  std::size_t start = 0;
  while (start < text.size()) {
    const std::size_t newline = text.find('\n', start);
    const std::size_t end = newline == std::string_view::npos ? text.size() : newline + 1;
    lines.push_back(text.substr(start, end - start));
    start = end;
  }
  return lines;
}

// A line of the file as the diff shows it: nothing from the file reaches a
// terminal raw (controls, bidi marks and ill-formed bytes are shown as in
// reports, a CR inside the line as <U+000D>); tabs and the line's own end
// (LF or CRLF) stay.
void write_line(std::ostream& out, char prefix, std::string_view line) {
  const bool newline = !line.empty() && line.back() == '\n';
  std::string_view body = line.substr(0, line.size() - (newline ? 1 : 0));
  const bool crlf = newline && !body.empty() && body.back() == '\r';
  if (crlf) body.remove_suffix(1);
  out << prefix;
  for (std::size_t from = 0;;) {
    const std::size_t stop = body.find_first_of("\t\r", from);
    out << printable(body.substr(from, stop == std::string_view::npos ? std::string_view::npos : stop - from));
    if (stop == std::string_view::npos) break;
    out << (body[stop] == '\t' ? "\t" : "<U+000D>");
    from = stop + 1;
  }
  if (crlf) out << '\r';
  if (newline) out << '\n';
  else out << "\n\\ No newline at end of file\n";
}

}  // namespace

void write_unified_diff(std::ostream& out, std::string_view path, std::string_view original,
                        const std::vector<FileEdit>& edits) {
  if (edits.empty()) return;
  std::vector<std::string_view> lines = split_lines(original);
  if (lines.empty()) lines.push_back(original.substr(0, 0));
  std::vector<std::size_t> starts;
  for (const auto line : lines) starts.push_back(static_cast<std::size_t>(line.data() - original.data()));
  const auto line_of = [&](std::size_t offset) {
    return static_cast<std::size_t>(std::upper_bound(starts.begin(), starts.end(), offset) - starts.begin()) - 1;
  };

  // Edits on the same or touching lines make one change.
  std::vector<Change> changes;
  for (const FileEdit& edit : edits) {
    const std::size_t first = line_of(edit.begin);
    const std::size_t last = std::max(first, line_of(edit.end > edit.begin ? edit.end - 1 : edit.begin));
    if (!changes.empty() && first <= changes.back().last) {
      changes.back().last = std::max(changes.back().last, last);
      changes.back().edits.push_back(&edit);
    } else {
      changes.push_back({first, last, {&edit}});
    }
  }

  out << "--- " << path << "\n+++ " << path << '\n';
  long shift = 0;  // lines the hunks so far added (or removed)
  for (std::size_t c = 0; c < changes.size();) {
    // Changes closer than twice the context share a hunk.
    std::size_t end = c + 1;
    while (end < changes.size() && changes[end].first <= changes[end - 1].last + 2 * kContext + 1) ++end;
    const std::size_t first = changes[c].first >= kContext ? changes[c].first - kContext : 0;
    const std::size_t last = std::min(lines.size() - 1, changes[end - 1].last + kContext);

    std::size_t old_count = 0;
    std::size_t new_count = 0;
    std::ostringstream hunk;
    std::size_t line = first;
    for (std::size_t k = c; k < end; ++k) {
      for (; line < changes[k].first; ++line, ++old_count, ++new_count) write_line(hunk, ' ', lines[line]);
      const std::size_t from = starts[changes[k].first];
      const std::size_t to = starts[changes[k].last] + lines[changes[k].last].size();
      std::string replaced;
      std::size_t copied = from;
      for (const FileEdit* edit : changes[k].edits) {
        replaced.append(original.substr(copied, edit->begin - copied));
        replaced += edit->bytes;
        copied = edit->end;
      }
      replaced.append(original.substr(copied, to - copied));
      for (; line <= changes[k].last; ++line, ++old_count) write_line(hunk, '-', lines[line]);
      for (const auto added : split_lines(replaced)) {
        write_line(hunk, '+', added);
        ++new_count;
      }
    }
    for (; line <= last; ++line, ++old_count, ++new_count) write_line(hunk, ' ', lines[line]);
    const long new_start = static_cast<long>(first) + 1 + shift;
    out << "@@ -" << first + 1 << ',' << old_count << " +" << (new_count == 0 ? new_start - 1 : new_start) << ','
        << new_count << " @@\n"
        << hunk.str();
    shift += static_cast<long>(new_count) - static_cast<long>(old_count);
    c = end;
  }
}

}  // namespace tc
