#include "core/bitext.h"

#include <cctype>

namespace tc {

bool notes_keep_source(const BitextUnit& unit) {
  static constexpr std::string_view kAsks[] = {"do not translate", "don't translate", "dont translate",
                                               "not to be translated", "should not be translated",
                                               "must not be translated", "keep in english", "leave untranslated",
                                               "dnt"};
  for (const std::string& note : unit.notes) {
    std::string lower;
    for (const char c : note) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    for (const std::string_view ask : kAsks) {
      for (std::size_t at = lower.find(ask); at != std::string::npos; at = lower.find(ask, at + 1)) {
        // Whole words: "DNT" is not the end of "indent".
        const bool starts = at == 0 || !std::isalpha(static_cast<unsigned char>(lower[at - 1]));
        const std::size_t end = at + ask.size();
        const bool ends = end >= lower.size() || !std::isalpha(static_cast<unsigned char>(lower[end]));
        if (starts && ends) return true;
      }
    }
  }
  return false;
}

}  // namespace tc
