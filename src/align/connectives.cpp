#include "align/connectives.h"

#include <algorithm>
#include <array>
#include <string>
#include <utility>

#include "core/utf8.h"
#include "text/ascii.h"
#include "text/chinese_fold.h"
#include "text/han.h"

namespace tc {
namespace {

// Where the sentence's first letter, digit or Han character is (past
// spaces, quotation marks, brackets, dashes and ellipses), or span.end; and
// that character (0: none).
std::pair<std::size_t, char32_t> first_word(std::string_view text, Span span) {
  for (std::size_t pos = span.begin; pos < span.end;) {
    const std::size_t at = pos;
    const char32_t cp = utf8::next(text, pos);
    if (is_ascii_alnum(cp) || is_han(cp)) return {at, cp};
  }
  return {span.end, 0};
}

// The Chinese connectives (a word before any word it begins: 当然 before 当).
constexpr std::array<std::pair<std::string_view, std::uint16_t>, 41> kChineseConnectives = {{
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

// The characters the Chinese connectives begin with (and the words below
// that only look like one), ascending: most sentences begin with none, and
// are told so without comparing words.
constexpr std::array<char32_t, 34> kFirsts = {
    U'不', U'也', U'事', U'于', U'但', U'倘', U'假', U'其', U'却', U'可', U'后', U'因',
    U'如', U'尽', U'当', U'忽', U'或', U'所', U'接', U'既', U'最', U'此', U'然', U'现',
    U'由', U'突', U'等', U'终', U'若', U'虽', U'要', U'这', U'那', U'随'};

// The English connectives, lower case.
constexpr std::array<std::pair<std::string_view, std::uint16_t>, 33> kEnglishConnectives = {{
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

// The words the English connectives begin with, ascending (as above).
constexpr std::array<std::string_view, 29> kFirstWords = {
    "actually", "afterwards", "all", "although", "at", "because", "but", "eventually", "finally", "hence",
    "however", "if", "in", "just", "later", "maybe", "naturally", "now", "of", "perhaps",
    "since", "so", "suddenly", "then", "therefore", "though", "thus", "when", "yet"};

// The first character of a word of three-byte UTF-8 characters.
constexpr char32_t first_character(std::string_view word) {
  return static_cast<char32_t>((static_cast<unsigned char>(word[0]) & 0x0F) << 12 | (static_cast<unsigned char>(word[1]) & 0x3F) << 6 |
                               (static_cast<unsigned char>(word[2]) & 0x3F));
}
// The tables and their first characters and words agree.
constexpr bool firsts_agree() {
  for (std::size_t k = 1; k < kFirsts.size(); ++k)
    if (!(kFirsts[k - 1] < kFirsts[k])) return false;
  for (std::size_t k = 1; k < kFirstWords.size(); ++k)
    if (!(kFirstWords[k - 1] < kFirstWords[k])) return false;
  for (const auto& [word, meanings] : kChineseConnectives)
    if (std::find(kFirsts.begin(), kFirsts.end(), first_character(word)) == kFirsts.end()) return false;
  for (const auto& [words, meanings] : kEnglishConnectives)
    if (std::find(kFirstWords.begin(), kFirstWords.end(), words.substr(0, words.find(' '))) == kFirstWords.end()) return false;
  return true;
}
static_assert(firsts_agree());

}  // namespace

std::uint16_t chinese_connective(std::string_view text, Span span) {
  const auto [at, first] = first_word(text, span);
  // Traditional text is read in Simplified (後來 as 后来), its first four characters.
  if (!std::binary_search(kFirsts.begin(), kFirsts.end(), simplified_character(first))) return 0;
  std::string_view start = text.substr(at, span.end - at);
  std::size_t four = 0;
  for (int k = 0; k < 4 && four < start.size(); ++k) utf8::next(start, four);
  const std::string folded = folded_to_simplified(start.substr(0, four));
  if (!folded.empty()) start = folded;
  // Words that begin with a connective's characters but are none.
  static constexpr std::array<std::string_view, 8> kNotConnectives = {"但愿", "却说", "当初", "当时", "当年", "当下", "当即", "若干"};
  for (const std::string_view word : kNotConnectives)
    if (start.starts_with(word)) return 0;
  for (const auto& [word, meanings] : kChineseConnectives)
    if (start.starts_with(word)) return meanings;
  return 0;
}

std::uint16_t english_connective(std::string_view text, Span span) {
  // The first four words, lower case, one space apart ("all of a sudden"):
  // read only when the first is the first word of a connective.
  static constexpr std::size_t kLongestWord = 10;  // (no connective's word has more)
  std::array<char, 4 * (kLongestWord + 1)> buffer{};
  std::size_t size = 0;  // of the words in buffer
  std::size_t pos = first_word(text, span).first;
  for (int count = 0; count < 4 && pos < span.end; ++count) {
    const std::size_t begin = pos;
    // (Letters and digits, joined by a hyphen or an apostrophe: "fact-finding" is no "fact".)
    auto word_byte = [&](std::size_t k) { return k < span.end && is_ascii_alnum(static_cast<unsigned char>(text[k])); };
    while (word_byte(pos) || (pos > begin && (text[pos] == '-' || text[pos] == '\'') && word_byte(pos + 1))) ++pos;
    if (pos == begin || pos - begin > kLongestWord) break;
    if (size > 0) buffer[size++] = ' ';
    for (std::size_t k = begin; k < pos; ++k) buffer[size++] = to_lower_ascii(text[k]);
    if (count == 0) {
      if (!std::binary_search(kFirstWords.begin(), kFirstWords.end(), std::string_view(buffer.data(), size))) return 0;
    }
    if (pos >= span.end || text[pos] != ' ') break;  // a comma or a mark ends the words read
    ++pos;
  }
  const std::string_view words(buffer.data(), size);
  // A connective is the first words read up to a word's end: "so" opens "so be it", not "sometimes".
  for (const auto& [connective, meanings] : kEnglishConnectives)
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
  // A side without a connective: none matches, and the sides' (2 bytes a
  // sentence) need not be held through the searches.
  const auto none = [](const std::vector<std::uint16_t>& side) {
    return std::all_of(side.begin(), side.end(), [](std::uint16_t c) { return c == 0; });
  };
  if (none(out.zh) || none(out.en)) return Connectives{};
  return out;
}

}  // namespace tc
