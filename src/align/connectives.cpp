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

std::uint16_t chinese_connective(std::string_view text, Span span) {
  const std::size_t at = first_word(text, span);
  const std::string_view start = text.substr(at, span.end - at);
  // Words that begin with a connective's characters but are none.
  static constexpr std::array<std::string_view, 8> kNotConnectives = {"但愿", "却说", "当初", "当时", "当年", "当下", "当即", "若干"};
  for (const std::string_view word : kNotConnectives)
    if (start.starts_with(word)) return 0;
  // (A word before any word it begins: 当然 before 当.)
  static constexpr std::array<std::pair<std::string_view, std::uint16_t>, 41> kConnectives = {{
      {"但", kConnectiveContrast},        {"可是", kConnectiveContrast},      {"然而", kConnectiveContrast},
      {"不过", kConnectiveContrast},      {"却", kConnectiveContrast},        {"所以", kConnectiveConsequence},
      {"因此", kConnectiveConsequence},   {"因而", kConnectiveConsequence},   {"于是", kConnectiveConsequence | kConnectiveThen},
      {"那么", kConnectiveConsequence | kConnectiveThen},                     {"然后", kConnectiveThen},
      {"随后", kConnectiveThen},          {"后来", kConnectiveThen},          {"接着", kConnectiveThen},
      {"当然", kConnectiveOfCourse},      {"当", kConnectiveWhen},            {"等到", kConnectiveWhen},
      {"如果", kConnectiveIf},            {"要是", kConnectiveIf},            {"假如", kConnectiveIf},
      {"倘若", kConnectiveIf},            {"若", kConnectiveIf},              {"因为", kConnectiveBecause},
      {"由于", kConnectiveBecause},       {"既然", kConnectiveBecause},       {"虽然", kConnectiveAlthough},
      {"尽管", kConnectiveAlthough},      {"虽", kConnectiveAlthough},        {"也许", kConnectiveMaybe},
      {"或许", kConnectiveMaybe},         {"忽然", kConnectiveSuddenly},      {"突然", kConnectiveSuddenly},
      {"其实", kConnectiveInFact},        {"事实上", kConnectiveInFact},      {"这时", kConnectiveAtThat},
      {"那时", kConnectiveAtThat},        {"此时", kConnectiveAtThat},        {"最后", kConnectiveFinally},
      {"终于", kConnectiveFinally},       {"现在", kConnectiveNow},           {"如今", kConnectiveNow},
  }};
  for (const auto& [word, meanings] : kConnectives)
    if (start.starts_with(word)) return meanings;
  return 0;
}

std::uint16_t english_connective(std::string_view text, Span span) {
  // The first four words, lower case, one space apart ("all of a sudden").
  std::string words;
  std::size_t pos = first_word(text, span);
  for (int count = 0; count < 4 && pos < span.end; ++count) {
    const std::size_t begin = pos;
    // (Letters and digits, joined by a hyphen or an apostrophe: "fact-finding" is no "fact".)
    auto word_byte = [&](std::size_t k) { return k < span.end && is_ascii_alnum(static_cast<unsigned char>(text[k])); };
    while (word_byte(pos) || (pos > begin && (text[pos] == '-' || text[pos] == '\'') && word_byte(pos + 1))) ++pos;
    if (pos == begin || pos - begin > 10) break;  // (no connective's word has more than 10 letters)
    if (!words.empty()) words += ' ';
    words += to_lower_ascii(text.substr(begin, pos - begin));
    if (pos >= span.end || text[pos] != ' ') break;  // a comma or a mark ends the words read
    ++pos;
  }
  static constexpr std::array<std::pair<std::string_view, std::uint16_t>, 33> kConnectives = {{
      {"but", kConnectiveContrast},          {"yet", kConnectiveContrast},          {"however", kConnectiveContrast},
      {"so", kConnectiveConsequence},        {"therefore", kConnectiveConsequence}, {"thus", kConnectiveConsequence},
      {"hence", kConnectiveConsequence},     {"then", kConnectiveThen},             {"afterwards", kConnectiveThen},
      {"later", kConnectiveThen},            {"when", kConnectiveWhen},             {"if", kConnectiveIf},
      {"because", kConnectiveBecause},       {"since", kConnectiveBecause},         {"although", kConnectiveAlthough},
      {"though", kConnectiveAlthough},       {"maybe", kConnectiveMaybe},           {"perhaps", kConnectiveMaybe},
      {"suddenly", kConnectiveSuddenly},     {"all of a sudden", kConnectiveSuddenly}, {"in fact", kConnectiveInFact},
      {"actually", kConnectiveInFact},       {"of course", kConnectiveOfCourse},    {"naturally", kConnectiveOfCourse},
      {"at that moment", kConnectiveAtThat}, {"at that time", kConnectiveAtThat},   {"at this point", kConnectiveAtThat},
      {"just then", kConnectiveAtThat},      {"finally", kConnectiveFinally},       {"at last", kConnectiveFinally},
      {"in the end", kConnectiveFinally},    {"eventually", kConnectiveFinally},    {"now", kConnectiveNow},
  }};
  // A connective is the first words read up to a word's end: "so" opens "so be it", not "sometimes".
  for (const auto& [connective, meanings] : kConnectives)
    if (words.starts_with(connective) && (words.size() == connective.size() || words[connective.size()] == ' ')) return meanings;
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
