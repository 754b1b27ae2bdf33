#include "align/connectives.h"

#include <array>
#include <utility>

#include "core/utf8.h"
#include "text/ascii.h"
#include "text/han.h"

namespace tc {
namespace {

// Where the sentence's first letter, digit or Han character is (past
// spaces, quotation marks, brackets, dashes and ellipses), or span.end.
std::size_t first_word(std::string_view text, Span span) {
  for (std::size_t pos = span.begin; pos < span.end;) {
    const std::size_t at = pos;
    const char32_t cp = utf8::next(text, pos);
    if (is_ascii_alnum(cp) || is_han(cp)) return at;
  }
  return span.end;
}

}  // namespace

std::uint8_t chinese_connective(std::string_view text, Span span) {
  const std::size_t at = first_word(text, span);
  const std::string_view start = text.substr(at, span.end - at);
  // Words that begin with a connective's characters but are none.
  static constexpr std::array<std::string_view, 9> kNotConnectives = {"但愿", "却说", "当然", "当初", "当时", "当年", "当下", "当即", "若干"};
  for (const std::string_view word : kNotConnectives)
    if (start.starts_with(word)) return 0;
  static constexpr std::array<std::pair<std::string_view, std::uint8_t>, 25> kConnectives = {{
      {"但", kConnectiveContrast},       {"可是", kConnectiveContrast},     {"然而", kConnectiveContrast},
      {"不过", kConnectiveContrast},     {"却", kConnectiveContrast},       {"所以", kConnectiveConsequence},
      {"因此", kConnectiveConsequence},  {"因而", kConnectiveConsequence},  {"于是", kConnectiveConsequence | kConnectiveThen},
      {"然后", kConnectiveThen},         {"随后", kConnectiveThen},         {"后来", kConnectiveThen},
      {"接着", kConnectiveThen},         {"当", kConnectiveWhen},           {"等到", kConnectiveWhen},
      {"如果", kConnectiveIf},           {"要是", kConnectiveIf},           {"假如", kConnectiveIf},
      {"倘若", kConnectiveIf},           {"若", kConnectiveIf},             {"因为", kConnectiveBecause},
      {"由于", kConnectiveBecause},      {"虽然", kConnectiveAlthough},     {"尽管", kConnectiveAlthough},
      {"虽", kConnectiveAlthough},
  }};
  for (const auto& [word, meanings] : kConnectives)
    if (start.starts_with(word)) return meanings;
  return 0;
}

std::uint8_t english_connective(std::string_view text, Span span) {
  const std::size_t at = first_word(text, span);
  std::size_t end = at;
  while (end < span.end && is_ascii_alnum(static_cast<unsigned char>(text[end]))) ++end;
  // (The longest connective has 10 letters.)
  if (end - at > 10) return 0;
  const std::string word = to_lower_ascii(text.substr(at, end - at));
  static constexpr std::array<std::pair<std::string_view, std::uint8_t>, 15> kConnectives = {{
      {"but", kConnectiveContrast},       {"yet", kConnectiveContrast},          {"however", kConnectiveContrast},
      {"so", kConnectiveConsequence},     {"therefore", kConnectiveConsequence}, {"thus", kConnectiveConsequence},
      {"hence", kConnectiveConsequence},  {"then", kConnectiveThen},             {"afterwards", kConnectiveThen},
      {"later", kConnectiveThen},         {"when", kConnectiveWhen},             {"if", kConnectiveIf},
      {"because", kConnectiveBecause},    {"although", kConnectiveAlthough},     {"though", kConnectiveAlthough},
  }};
  for (const auto& [connective, meanings] : kConnectives)
    if (word == connective) return meanings;
  return 0;
}

Connectives find_connectives(std::string_view zh_text, const std::vector<Sentence>& zh_sentences, std::string_view en_text,
                             const std::vector<Sentence>& en_sentences) {
  Connectives out;
  out.zh.reserve(zh_sentences.size());
  out.en.reserve(en_sentences.size());
  for (const Sentence& sentence : zh_sentences) out.zh.push_back(chinese_connective(zh_text, sentence.span));
  for (const Sentence& sentence : en_sentences) out.en.push_back(english_connective(en_text, sentence.span));
  return out;
}

}  // namespace tc
