#include "glossary/glossary.h"

#include <algorithm>
#include <limits>
#include <stdexcept>


namespace tc {

std::string GlossaryEntry::origin() const {
  return (origin_file ? *origin_file : std::string()) + ":" + std::to_string(origin_line);
}

std::vector<std::string> GlossaryEntry::accepted() const {
  std::vector<std::string> all;
  all.reserve(variants.size() + 1);
  if (!en.empty()) all.push_back(en);
  all.insert(all.end(), variants.begin(), variants.end());
  return all;
}

std::vector<std::string> FormList::strings() const { return std::vector<std::string>(begin(), end()); }

bool operator==(const FormList& list, const std::vector<std::string>& strings) {
  return std::equal(list.begin(), list.end(), strings.begin(), strings.end());
}

std::string GlossaryEntryView::origin() const {
  return std::string(origin_file) + ":" + std::to_string(origin_line);
}

// ---- GlossaryEntries ----------------------------------------------------------

GlossaryEntries::GlossaryEntries(const std::vector<GlossaryEntry>& entries) {
  records_.reserve(entries.size());
  for (const GlossaryEntry& entry : entries) push_back(entry);
}

GlossaryEntryView GlossaryEntries::operator[](std::size_t index) const {
  const Record& record = records_[index];
  const char* text = text_.data();
  const std::uint32_t* zh = bounds_.data() + record.first_form;
  const std::uint32_t* en = zh + record.zh_count;
  const std::uint32_t* variants = en + 1;
  const std::uint32_t* forbidden = variants + record.variant_count;
  const std::uint32_t* note = forbidden + record.forbidden_count;
  GlossaryEntryView view;
  view.zh = FormList(text, zh, record.zh_count);
  view.en = std::string_view(text + en[0], en[1] - en[0]);
  view.variants = FormList(text, variants, record.variant_count);
  view.forbidden = FormList(text, forbidden, record.forbidden_count);
  if (record.has_note) view.note = std::string_view(text + note[0], note[1] - note[0]);
  view.case_sensitive = record.case_sensitive != 0;
  view.origin_file = files_[record.origin_file];
  view.origin_line = record.origin_line;
  view.accepted = view.en.empty() ? view.variants : FormList(text, en, record.variant_count + std::size_t{1});
  return view;
}

void GlossaryEntries::add_form(std::string_view form) {
  if (form.size() > std::numeric_limits<std::uint32_t>::max() - text_.size())
    throw std::length_error("glossary text over 4 GiB");
  text_.append(form);
  bounds_.push_back(static_cast<std::uint32_t>(text_.size()));
}

void GlossaryEntries::push_back(const GlossaryEntry& entry) {
  constexpr std::size_t kMost = std::numeric_limits<std::uint32_t>::max();
  if (entry.origin_line > kMost) throw std::length_error("glossary line number over 4 billion");
  const std::string_view file = entry.origin_file ? std::string_view(*entry.origin_file) : std::string_view();
  // A file's entries come together: the last file is nearly always theirs.
  if (files_.empty() || files_.back() != file) {
    if (files_.size() >= (std::size_t{1} << 30)) throw std::length_error("glossary from over a billion files");
    files_.emplace_back(file);
  }
  const std::size_t forms = bounds_.size() - 1;
  const std::size_t text = text_.size();
  try {
    for (const std::string& form : entry.zh) add_form(form);
    add_form(entry.en);
    for (const std::string& form : entry.variants) add_form(form);
    for (const std::string& form : entry.forbidden) add_form(form);
    if (!entry.note.empty()) add_form(entry.note);
    if (bounds_.size() - 1 > kMost) throw std::length_error("glossary of over 4 billion forms");
    Record record;
    record.first_form = static_cast<std::uint32_t>(forms);
    record.zh_count = static_cast<std::uint32_t>(entry.zh.size());
    record.variant_count = static_cast<std::uint32_t>(entry.variants.size());
    record.forbidden_count = static_cast<std::uint32_t>(entry.forbidden.size());
    record.origin_line = static_cast<std::uint32_t>(entry.origin_line);
    record.origin_file = static_cast<std::uint32_t>(files_.size() - 1);
    record.case_sensitive = entry.case_sensitive ? 1 : 0;
    record.has_note = entry.note.empty() ? 0 : 1;
    records_.push_back(record);
  } catch (...) {  // as it was before
    text_.resize(text);
    bounds_.resize(forms + 1);
    throw;
  }
}

void GlossaryEntries::remove(const std::vector<bool>& removed) {
  // Each kept entry's forms and text move towards the front, over those of
  // the removed ones: nothing is read after it is overwritten.
  std::size_t kept = 0;
  std::size_t form_to = 0;
  std::size_t text_to = 0;
  for (std::size_t i = 0; i < records_.size(); ++i) {
    if (i < removed.size() && removed[i]) continue;
    Record record = records_[i];
    const std::size_t count = form_count(record);
    const std::size_t form_from = record.first_form;
    const std::size_t text_begin = bounds_[form_from];
    const std::size_t text_end = bounds_[form_from + count];
    const std::size_t shift = text_begin - text_to;
    if (shift > 0) std::copy(text_.begin() + static_cast<std::ptrdiff_t>(text_begin),
                             text_.begin() + static_cast<std::ptrdiff_t>(text_end),
                             text_.begin() + static_cast<std::ptrdiff_t>(text_to));
    for (std::size_t k = 0; k < count; ++k)
      bounds_[form_to + k] = static_cast<std::uint32_t>(bounds_[form_from + k] - shift);
    bounds_[form_to + count] = static_cast<std::uint32_t>(text_end - shift);
    record.first_form = static_cast<std::uint32_t>(form_to);
    records_[kept++] = record;
    form_to += count;
    text_to += text_end - text_begin;
  }
  records_.resize(kept);
  bounds_.resize(form_to + 1);
  text_.resize(text_to);
}

void GlossaryEntries::shrink_to_fit() {
  text_.shrink_to_fit();
  bounds_.shrink_to_fit();
  records_.shrink_to_fit();
  files_.shrink_to_fit();
}

// ---- GlossaryWords -------------------------------------------------------------

GlossaryWords::GlossaryWords(const GlossaryEntries& entries) {
  const auto is_letter = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
  std::string word;
  const auto add_words = [&](std::string_view rendering) {
    for (std::size_t pos = 0; pos < rendering.size();) {
      if (!is_letter(rendering[pos])) {
        ++pos;
        continue;
      }
      word.clear();
      for (; pos < rendering.size() && is_letter(rendering[pos]); ++pos)
        word += rendering[pos] <= 'Z' ? static_cast<char>(rendering[pos] - 'A' + 'a') : rendering[pos];
      if (words_.find(std::string_view(word)) == words_.end()) words_.insert(word);
    }
  };
  for (const GlossaryEntryView entry : entries) {
    add_words(entry.en);
    for (const std::string_view variant : entry.variants) add_words(variant);
  }
}

}  // namespace tc
