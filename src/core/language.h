#pragma once
#include <optional>
#include <string_view>

namespace tc {

enum class Lang { unknown, zh, en };

// Which Chinese script a document is expected to use.
enum class ChineseScript { unspecified, simplified, traditional };

struct LanguageTag {
  Lang lang = Lang::unknown;
  ChineseScript chinese_script = ChineseScript::unspecified;
};

// Accepts zh, zh-Hans, zh-CN, zh-Hant, zh-TW, zh-HK, en, en-US, en-GB (case-insensitive).
std::optional<LanguageTag> parse_language(std::string_view text);
std::string_view to_string(Lang lang);

struct ScriptCounts {
  std::size_t han = 0;      // Han, Bopomofo and CJK punctuation letters
  std::size_t latin = 0;    // Latin letters
  std::size_t other = 0;    // letters of other scripts
};

ScriptCounts count_scripts(std::string_view text);

// The language whose script dominates the letters of text, or unknown when
// there are too few letters to tell.
Lang dominant_language(std::string_view text);

}  // namespace tc
