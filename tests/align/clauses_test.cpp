#include <gtest/gtest.h>

#include <string>

#include "align/align.h"
#include "align/features.h"
#include "align/lexicon.h"
#include "support/test_support.h"

namespace tc::test {
namespace {

class Clauses : public ::testing::Test {
 protected:
  SentenceFeatures zh(const std::string& text) { return extractor.chinese(text, Span{0, text.size()}).features; }
  SentenceFeatures en(const std::string& text) { return extractor.english(text, Span{0, text.size()}).features; }
  FeatureExtractor extractor{default_lexicon(), nullptr};
};

TEST_F(Clauses, EdgeClausesAreTheTokensBeforeTheFirstBreakAndAfterTheLast) {
  // Three clauses without a repeated word: the first clause's tokens are the
  // first bits, the last clause's the last ones.
  const SentenceFeatures english = en("The doctor works in the hospital; every evening she goes home, and they eat.");
  const std::size_t head = en("The doctor works in the hospital").tokens.size();
  const std::size_t tail = en("and they eat").tokens.size();
  ASSERT_GT(head, 0u);
  ASSERT_GT(tail, 0u);
  EXPECT_TRUE(english.has_clauses());
  EXPECT_EQ(english.head_mask(), SentenceFeatures::low_token_bits(head));
  EXPECT_EQ(english.tail_mask(), SentenceFeatures::low_token_bits(english.tokens.size()) &
                                     ~SentenceFeatures::low_token_bits(english.tokens.size() - tail));
  // Chinese breaks at ，: two clauses that share no word split the tokens between them.
  const SentenceFeatures chinese = zh("医生在医院工作，每天晚上回家吃饭。");
  EXPECT_TRUE(chinese.has_clauses());
  EXPECT_EQ(chinese.head_mask(), SentenceFeatures::low_token_bits(zh("医生在医院工作").tokens.size()));
  EXPECT_EQ(chinese.head_mask() | chinese.tail_mask(), SentenceFeatures::low_token_bits(chinese.tokens.size()));
  EXPECT_EQ(chinese.head_mask() & chinese.tail_mask(), 0u);
}

TEST_F(Clauses, OneClauseIsTheWholeSentence) {
  for (const SentenceFeatures& one : {en("The doctor works in the hospital."), en("The doctor works in the hospital,"),
                                      zh("医生在医院工作。"), zh("医生在医院工作，")}) {
    EXPECT_FALSE(one.has_clauses());
    EXPECT_EQ(one.head_mask(), SentenceFeatures::low_token_bits(one.tokens.size()));
    EXPECT_EQ(one.tail_mask(), SentenceFeatures::low_token_bits(one.tokens.size()));
  }
}

// Dashes between clauses: an em dash, and an en dash set off by spaces (as
// British style sets it); an en dash inside a range joins, it does not break.
TEST_F(Clauses, ClauseDashesAreEmDashesAndSpacedEnDashes) {
  const std::size_t head = en("The doctor works in the hospital").tokens.size();
  for (const char* dash : {"\u2014", " \u2014 ", " \u2013 "}) {
    const SentenceFeatures english = en(std::string("The doctor works in the hospital") + dash + "every evening she goes home.");
    EXPECT_TRUE(english.has_clauses()) << dash;
    EXPECT_EQ(english.head_mask(), SentenceFeatures::low_token_bits(head)) << dash;
  }
  EXPECT_FALSE(en("The doctor works in the hospital wards 3\u20135 every evening.").has_clauses());
}

// Past kMaxTokens a sentence keeps no more tokens: a clause that starts
// there has none, so the last clause is empty, not the one before it.
TEST_F(Clauses, ALastClauseBeyondTheTokenLimitIsEmpty) {
  auto words = [](char first, std::size_t count) {
    std::string out;
    for (std::size_t k = 0; k < count; ++k) out += std::string(" x") + first + static_cast<char>('a' + k / 26) + static_cast<char>('a' + k % 26) + "q";
    return out;
  };
  const std::string head = "Doctors" + words('h', 9);
  const SentenceFeatures english = en(head + "," + words('m', kMaxTokens) + ", and they eat.");
  ASSERT_EQ(english.tokens.size(), kMaxTokens);
  EXPECT_TRUE(english.has_clauses());
  EXPECT_EQ(english.head_mask(), SentenceFeatures::low_token_bits(en(head).tokens.size()));
  EXPECT_EQ(english.tail_mask(), 0u);
  // A trailing comma past the limit ends no clause: the last one is the middle clause's kept tokens.
  const SentenceFeatures trailing = en(head + "," + words('m', kMaxTokens) + ",");
  EXPECT_EQ(trailing.tail_mask(), SentenceFeatures::low_token_bits(kMaxTokens) & ~SentenceFeatures::low_token_bits(en(head).tokens.size()));
}

BeadTargets targets_of(const std::string& zh, const std::string& en, double leak) {
  AlignOptions options;
  options.segmented = true;
  options.weights.leak = leak;
  return bead_targets(zh, en, options);
}

using Targets = BeadTargets;

// The translator moved the first clause of the third Chinese sentence to the
// end of the second English one. The search pairs them 1-1 + 1-1 (the lexicon
// explains each pair well enough); the crossing evidence joins them into one
// 2-2 bead when it weighs enough (here far more than the default, on a text
// of four sentences).
TEST(JoinCrossed, AClauseMovedAcrossASentenceEndJoinsTwoPairs) {
  const std::string zh = "我喜欢苹果。\n医生在医院工作。\n每天晚上他回家吃饭，然后在书房里读报纸。\n天气很冷。\n";
  const std::string en = "I like apples.\nThe doctor works in the hospital, and every evening he eats at home.\n"
                         "Afterwards he reads the newspaper in his study.\nThe weather is cold.\n";
  EXPECT_EQ(targets_of(zh, en, 0.0), (Targets{{0}, {1}, {2}, {3}}));
  EXPECT_EQ(targets_of(zh, en, 6.0), (Targets{{0}, {1, 2}, {3}}));
}

BeadTargets targets_balanced(const std::string& zh, const std::string& en, double balance) {
  AlignOptions options;
  options.segmented = true;
  options.weights.balance = balance;
  return bead_targets(zh, en, options);
}

// The same moved clause at the default crossing weight: its evidence alone
// does not join the pairs, but their lengths do. The second English sentence
// holds the moved clause (far too long for 医生在医院工作), the third lacks it
// (too short for the sentence it came from), and the two together fit the two
// Chinese sentences: the lengths balance across the boundary.
TEST(JoinCrossed, LengthsThatBalanceAcrossTheBoundaryJoinTwoPairs) {
  const std::string zh = "我喜欢苹果。\n医生在医院工作。\n每天晚上他回家吃饭，然后在书房里读报纸。\n天气很冷。\n";
  const std::string en = "I like apples.\nThe doctor works in the hospital, and every evening he eats at home.\n"
                         "Afterwards he reads the newspaper in his study.\nThe weather is cold.\n";
  EXPECT_EQ(targets_balanced(zh, en, 0.0), (Targets{{0}, {1}, {2}, {3}}));
  EXPECT_EQ(targets_balanced(zh, en, AlignWeights{}.balance), (Targets{{0}, {1, 2}, {3}}));
}

// Sentences of one clause give no crossing evidence: nothing joins, whatever its weight.
TEST(JoinCrossed, SentencesOfOneClauseStayApart) {
  EXPECT_EQ(targets_of("我喜欢苹果。\n医生在医院工作。\n天气很冷。\n",
                       "I like apples.\nThe doctor works in the hospital.\nThe weather is cold.\n", 100.0),
            (Targets{{0}, {1}, {2}}));
}

}  // namespace
}  // namespace tc::test
