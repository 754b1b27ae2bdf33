#pragma once
// The discourse connective a sentence opens with ("But ...", 但是……; "When
// ...", 当……时). A translator keeps a connective that opens a sentence at the
// start of its translation far more often than anywhere else: it ties the
// sentence to the one before, and moving it inside a sentence would tie
// another pair. Where both sides' next sentences open with connectives of the
// same meaning, a bead most likely ends there: the edge sentence before them
// belongs with the sentences before, the one opening with the connective
// with those after (a short sentence with few words the lexicon knows is
// otherwise placed by its length alone).
//
// A sentence's connective is a set of meanings (a few bits: 于是 is "then"
// and "so"); two sentences match when their sets share one. Words that only
// begin with a connective's characters (当初 "at first", 但愿 "if only", 若干
// "several") are none.
#include <cstdint>
#include <string_view>
#include <vector>

#include "core/alignment.h"

namespace tc {

inline constexpr std::uint16_t kConnectiveContrast = 1;      // but, yet, however / 但是, 可是, 然而, 不过, 却
inline constexpr std::uint16_t kConnectiveConsequence = 2;   // so, therefore, thus / 所以, 因此, 于是, 那么
inline constexpr std::uint16_t kConnectiveThen = 4;          // then, later, afterwards / 然后, 后来, 接着, 于是, 那么
inline constexpr std::uint16_t kConnectiveWhen = 8;          // when / 当, 等到
inline constexpr std::uint16_t kConnectiveIf = 16;           // if / 如果, 要是, 假如, 若
inline constexpr std::uint16_t kConnectiveBecause = 32;      // because, since / 因为, 由于, 既然
inline constexpr std::uint16_t kConnectiveAlthough = 64;     // although, though / 虽然, 尽管
inline constexpr std::uint16_t kConnectiveMaybe = 128;       // maybe, perhaps / 也许, 或许
inline constexpr std::uint16_t kConnectiveSuddenly = 256;    // suddenly / 忽然, 突然
inline constexpr std::uint16_t kConnectiveInFact = 512;      // in fact, actually / 其实, 事实上
inline constexpr std::uint16_t kConnectiveOfCourse = 1024;   // of course, naturally / 当然
inline constexpr std::uint16_t kConnectiveAtThat = 2048;     // at that moment, just then / 这时, 那时, 此时
inline constexpr std::uint16_t kConnectiveFinally = 4096;    // finally, at last, in the end / 最后, 终于
inline constexpr std::uint16_t kConnectiveNow = 8192;        // now / 现在, 如今

// The meanings of the connective the sentence at `span` opens with (after
// spaces, quotation marks, brackets and dashes), 0: none. Chinese reads the
// first characters, English the first words (any case).
std::uint16_t chinese_connective(std::string_view text, Span span);
std::uint16_t english_connective(std::string_view text, Span span);

// Each sentence's connective (for the sentences of one side).
struct Connectives {
  std::vector<std::uint16_t> zh, en;
  // Whether Chinese sentence i and English sentence j open with connectives of a shared meaning.
  bool match(std::size_t i, std::size_t j) const { return i < zh.size() && j < en.size() && (zh[i] & en[j]) != 0; }
};

// Each side's connectives; none at all (both lists empty) when a side opens
// no sentence with one, since then none can match.
Connectives find_connectives(std::string_view zh_text, const std::vector<Sentence>& zh_sentences, std::string_view en_text,
                             const std::vector<Sentence>& en_sentences);

}  // namespace tc
