#include <map>

#include "formats/format_reader.h"

namespace tc {
namespace {

// The value of a key with an i18next plural suffix in a language with fewer
// forms: the same key with "_other" ("item_one" -> "item_other"), or
// without "_plural" ("item_plural" -> "item").
std::vector<std::string> plural_fallbacks(const std::string& key) {
  static constexpr std::string_view kSuffixes[] = {"_zero", "_one", "_two", "_few", "_many"};
  for (const std::string_view suffix : kSuffixes)
    if (key.size() > suffix.size() && key.compare(key.size() - suffix.size(), suffix.size(), suffix) == 0)
      return {key.substr(0, key.size() - suffix.size()) + "_other", key.substr(0, key.size() - suffix.size())};
  if (key.size() > 7 && key.compare(key.size() - 7, 7, "_plural") == 0) return {key.substr(0, key.size() - 7)};
  return {};
}

}  // namespace

BitextLayout pair_keyed_strings(const std::vector<KeyedString>& source, const std::vector<KeyedString>& target) {
  std::map<std::string_view, const KeyedString*> by_key;
  for (const KeyedString& entry : target) by_key.emplace(entry.key, &entry);
  std::map<std::string_view, bool> source_keys;
  for (const KeyedString& entry : source) source_keys.emplace(entry.key, true);
  BitextLayout layout;
  for (const KeyedString& entry : source) {
    const KeyedString* translation = nullptr;
    if (const auto it = by_key.find(entry.key); it != by_key.end()) translation = it->second;
    if (!translation) {
      for (const std::string& fallback : plural_fallbacks(entry.key)) {
        const auto it = by_key.find(fallback);
        // "item" is the fallback only when the source has no "item" of its own.
        if (it != by_key.end() && (fallback.size() > 6 && fallback.compare(fallback.size() - 6, 6, "_other") == 0 ? true : !source_keys.count(fallback))) {
          translation = it->second;
          break;
        }
      }
    }
    BitextUnit unit;
    unit.id = entry.key;
    unit.context = entry.key;
    unit.file_offset = entry.offset;
    MappedText target_text;
    if (translation) {
      target_text = translation->text;
    } else {
      target_text.start_at(0);  // no place in the target file: its start
      unit.state = UnitState::needs_translation;
    }
    add_bitext_unit(layout, entry.text, target_text, std::move(unit));
  }
  return layout;
}

}  // namespace tc
