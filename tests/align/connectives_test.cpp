#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "align/align.h"
#include "align/connectives.h"
#include "support/test_support.h"

namespace tc::test {
namespace {

std::uint16_t zh_of(const std::string& text) { return chinese_connective(text, Span{0, text.size()}); }
std::uint16_t en_of(const std::string& text) { return english_connective(text, Span{0, text.size()}); }

TEST(Connectives, ChineseSentenceOpeningConnectives) {
  EXPECT_EQ(zh_of("但是他从来不觉得累。"), kConnectiveContrast);
  EXPECT_EQ(zh_of("可是你不懂。"), kConnectiveContrast);
  EXPECT_EQ(zh_of("所以我们走了。"), kConnectiveConsequence);
  EXPECT_EQ(zh_of("于是他们回家了。"), kConnectiveConsequence | kConnectiveThen);
  EXPECT_EQ(zh_of("当他走进房间的时候，灯灭了。"), kConnectiveWhen);
  EXPECT_EQ(zh_of("如果明天下雨，我们就不去。"), kConnectiveIf);
  EXPECT_EQ(zh_of("虽然很冷，他还是出去了。"), kConnectiveAlthough);
  EXPECT_EQ(zh_of("也许他明天会来。"), kConnectiveMaybe);
  EXPECT_EQ(zh_of("忽然下起雨来。"), kConnectiveSuddenly);
  EXPECT_EQ(zh_of("其实他早就知道了。"), kConnectiveInFact);
  EXPECT_EQ(zh_of("这时门开了。"), kConnectiveAtThat);
  EXPECT_EQ(zh_of("最后他们都走了。"), kConnectiveFinally);
  EXPECT_EQ(zh_of("现在我们走吧。"), kConnectiveNow);
  // 当然 is "of course", not 当 "when".
  EXPECT_EQ(zh_of("当然不会。"), kConnectiveOfCourse);
  // Past spaces, quotation marks and brackets.
  EXPECT_EQ(zh_of("“可是你不懂。”"), kConnectiveContrast);
  EXPECT_EQ(zh_of("　（后来他们搬走了。）"), kConnectiveThen);
}

TEST(Connectives, ChineseConnectivesInTraditionalCharacters) {
  EXPECT_EQ(zh_of("後來他們搬走了。"), kConnectiveThen);
  EXPECT_EQ(zh_of("然後他們回家了。"), kConnectiveThen);
  EXPECT_EQ(zh_of("雖然很冷，他還是出去了。"), kConnectiveAlthough);
  EXPECT_EQ(zh_of("於是他們回家了。"), kConnectiveConsequence | kConnectiveThen);
  EXPECT_EQ(zh_of("這時門開了。"), kConnectiveAtThat);
  EXPECT_EQ(zh_of("「當然不會。」"), kConnectiveOfCourse);
  EXPECT_EQ(zh_of("當時他還小。"), 0);
}

TEST(Connectives, ChineseWordsThatOnlyBeginLikeOne) {
  EXPECT_EQ(zh_of("但愿明天不下雨。"), 0);
  EXPECT_EQ(zh_of("若干年后，他回来了。"), 0);
  EXPECT_EQ(zh_of("当时他还小。"), 0);
  // A connective inside the sentence opens nothing.
  EXPECT_EQ(zh_of("他却笑了。"), 0);
  EXPECT_EQ(zh_of("他说：“但是我不去。”"), 0);
  EXPECT_EQ(zh_of(""), 0);
}

TEST(Connectives, EnglishSentenceOpeningConnectives) {
  EXPECT_EQ(en_of("But he never felt tired."), kConnectiveContrast);
  EXPECT_EQ(en_of("'Yet you went anyway.'"), kConnectiveContrast);
  EXPECT_EQ(en_of("However, the rain stopped."), kConnectiveContrast);
  EXPECT_EQ(en_of("So be it."), kConnectiveConsequence);
  EXPECT_EQ(en_of("THEN we left."), kConnectiveThen);
  EXPECT_EQ(en_of("When he came in, the light went out."), kConnectiveWhen);
  EXPECT_EQ(en_of("\"If it rains, we stay.\""), kConnectiveIf);
  EXPECT_EQ(en_of("Though it was cold, he went out."), kConnectiveAlthough);
  EXPECT_EQ(en_of("Perhaps he will come tomorrow."), kConnectiveMaybe);
  EXPECT_EQ(en_of("All of a sudden it began to rain."), kConnectiveSuddenly);
  EXPECT_EQ(en_of("In fact, he knew it all along."), kConnectiveInFact);
  EXPECT_EQ(en_of("'Of course not.'"), kConnectiveOfCourse);
  EXPECT_EQ(en_of("At that moment the door opened."), kConnectiveAtThat);
  EXPECT_EQ(en_of("In the end they all left."), kConnectiveFinally);
  EXPECT_EQ(en_of("Now let's go."), kConnectiveNow);
  // Words of several words, read up to a word's end and not across a comma.
  EXPECT_EQ(en_of("At that, he left."), 0);
  EXPECT_EQ(en_of("In the morning he left."), 0);
  EXPECT_EQ(en_of("In fact-finding missions, ..."), 0);
  EXPECT_EQ(en_of("Nowhere was safe."), 0);
  // A word that only begins like one, or a connective later in the sentence.
  EXPECT_EQ(en_of("Butter is expensive."), 0);
  EXPECT_EQ(en_of("Sometimes he laughs."), 0);
  EXPECT_EQ(en_of("He said so."), 0);
  EXPECT_EQ(en_of("--"), 0);
}

TEST(Connectives, ReadsOnlyTheSpanItIsGiven) {
  const std::string text = "He left. But she stayed.";
  const std::size_t second = text.find("But");
  EXPECT_EQ(english_connective(text, Span{0, second}), 0);
  EXPECT_EQ(english_connective(text, Span{second, text.size()}), kConnectiveContrast);
  // "But" cut to "Bu" is no word of the table.
  EXPECT_EQ(english_connective(text, Span{second, second + 2}), 0);
  const Connectives found = find_connectives("他来了。但是她走了。", {{Span{0, 12}, 0}, {Span{12, 30}, 0}}, text,
                                             {{Span{0, second}, 0}, {Span{second, text.size()}, 0}});
  EXPECT_EQ(found.zh, (std::vector<std::uint16_t>{0, kConnectiveContrast}));
  EXPECT_EQ(found.en, (std::vector<std::uint16_t>{0, kConnectiveContrast}));
  EXPECT_TRUE(found.match(1, 1));
  EXPECT_FALSE(found.match(0, 0));
  EXPECT_FALSE(found.match(1, 0));
  EXPECT_FALSE(found.match(2, 1));  // past the last sentence
}

TEST(Connectives, NoneAtAllWhenOneSideOpensNoSentenceWithOne) {
  const std::string text = "He left. She stayed.";
  const std::size_t second = text.find("She");
  const Connectives found = find_connectives("他来了。但是她走了。", {{Span{0, 12}, 0}, {Span{12, 30}, 0}}, text,
                                             {{Span{0, second}, 0}, {Span{second, text.size()}, 0}});
  EXPECT_TRUE(found.zh.empty());
  EXPECT_TRUE(found.en.empty());
  EXPECT_FALSE(found.match(1, 1));
}

using Targets = BeadTargets;

Targets targets_of(const std::string& zh, const std::string& en, double connectives) {
  AlignOptions options;
  options.segmented = true;
  options.weights.connectives = connectives;
  return bead_targets(zh, en, options);
}

// The second English sentence adds a remark with no word the lexicon pairs
// ("It was hard."): its length alone places it, with the longer Chinese
// sentence after it. That sentence and the English one after the remark
// open with the same connective (但是, But): the bead ends before them, and
// the remark stays with the sentence it follows.
const std::string kZh = "我喜欢苹果。\n医生在医院工作，病人很多。\n但是他从来不觉得累，每天晚上他回家和家人一起吃晚饭，然后在书房里读报纸。\n天气很冷。\n";
const std::string kEn = "I like apples.\nThe doctor works in the hospital and has many patients.\nIt was hard.\n"
                        "But he never felt tired, and every evening he went home to eat dinner with his family.\nThe weather is cold.\n";

TEST(Connectives, ABeadEndsWhereBothNextSentencesOpenWithTheSameConnective) {
  const AlignWeights defaults;
  ASSERT_GT(defaults.connectives, 0.0);
  EXPECT_EQ(targets_of(kZh, kEn, 0.0), (Targets{{0}, {1}, {2, 3}, {4}}));
  EXPECT_EQ(targets_of(kZh, kEn, defaults.connectives), (Targets{{0}, {1, 2}, {3}, {4}}));
}

// An English source with a Chinese target is aligned the same way round.
TEST(Connectives, AnEnglishSourceGetsTheSameBoundary) {
  const Document source = make_doc(kEn, Lang::en, "a.en.txt");
  const Document target = make_doc(kZh, Lang::zh, "a.zh.txt");
  AlignOptions options;
  options.segmented = true;
  Targets sources;
  for (const auto& bead : align_documents(source, target, options).beads) sources.push_back(bead.source.indices());
  EXPECT_EQ(sources, (Targets{{0}, {1, 2}, {3}, {4}}));
  options.weights.connectives = 0;
  sources.clear();
  for (const auto& bead : align_documents(source, target, options).beads) sources.push_back(bead.source.indices());
  EXPECT_EQ(sources, (Targets{{0}, {1}, {2, 3}, {4}}));
}

// Only connectives of the same meaning on both sides count.
TEST(Connectives, NoRewardWithoutAConnectiveOnBothSides) {
  const AlignWeights defaults;
  auto replaced = [](std::string text, const std::string& from, const std::string& to) {
    return text.replace(text.find(from), from.size(), to);
  };
  // The Chinese sentence opens with none.
  const std::string zh_plain = replaced(kZh, "但是他", "他");
  EXPECT_EQ(targets_of(zh_plain, kEn, defaults.connectives), (Targets{{0}, {1}, {2, 3}, {4}}));
  // The English one opens with none, or with another meaning.
  EXPECT_EQ(targets_of(kZh, replaced(kEn, "But he", "And he"), defaults.connectives), (Targets{{0}, {1}, {2, 3}, {4}}));
  EXPECT_EQ(targets_of(kZh, replaced(kEn, "But he", "Then he"), defaults.connectives), (Targets{{0}, {1}, {2, 3}, {4}}));
  // The remark opens with the connective instead: the boundary before it is rewarded, and it goes with 但是's sentence.
  EXPECT_EQ(targets_of(kZh, replaced(replaced(kEn, "But he", "He"), "It was hard.", "But it was hard."), defaults.connectives),
            (Targets{{0}, {1}, {2, 3}, {4}}));
}

}  // namespace
}  // namespace tc::test
