#include "glossary/reader_common.h"

#include "core/line_index.h"

namespace tc::glossary_reader {
namespace {


// Drops empty items (lint reports them) in place: the cells are the
// entry's own, so the kept items need not be copied.
std::vector<std::string> without_empty_items(std::vector<std::string> items) {
  std::erase_if(items, [](const std::string& item) { return item.empty(); });
  return items;
}

}  // namespace

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

std::size_t line_number(std::string_view text, std::size_t offset) {
  return LineIndex(text).line_of(std::min(offset, text.size())) + 1;
}

// Fills an entry from its cells.
GlossaryEntry make_entry(std::vector<std::string> zh, std::string en, std::vector<std::string> variants,
                         std::vector<std::string> forbidden, std::string note, bool case_sensitive,
                         std::shared_ptr<const std::string> file, std::size_t line) {
  GlossaryEntry entry;
  entry.zh = without_empty_items(std::move(zh));
  entry.en = std::move(en);
  entry.variants = without_empty_items(std::move(variants));
  entry.forbidden = without_empty_items(std::move(forbidden));
  entry.note = std::move(note);
  entry.case_sensitive = case_sensitive;
  entry.origin_file = std::move(file);
  entry.origin_line = line;
  return entry;
}
}  // namespace tc::glossary_reader
