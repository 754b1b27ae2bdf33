#include "align/align.h"

#include <gtest/gtest.h>

#include "align/coarse.h"
#include "align/lexicon.h"
#include "glossary/glossary.h"
#include "support/test_support.h"

namespace tc::test {
namespace {

// Beads as "[i,j]:[k]" strings, like the gold files.
std::vector<std::string> beads_of(const std::string& zh, const std::string& en, bool segmented = true) {
  const Document source = make_doc(zh, Lang::zh, "a.zh.txt");
  const Document target = make_doc(en, Lang::en, "a.en.txt");
  AlignOptions options;
  options.segmented = segmented;
  return bead_strings(align_documents(source, target, options));
}

using Beads = std::vector<std::string>;

TEST(Align, LexiconIsFound) { EXPECT_FALSE(default_lexicon().empty()) << "data/cedict/cedict.tsv should be found"; }

TEST(Align, OneToOne) {
  EXPECT_EQ(beads_of("我喜欢苹果。\n医生在医院工作。\n天气很冷。\n",
                     "I like apples.\nThe doctor works in the hospital.\nThe weather is cold.\n"),
            (Beads{"[0]:[0]", "[1]:[1]", "[2]:[2]"}));
}

TEST(Align, SplitIntoTwoEnglishSentences) {
  EXPECT_EQ(beads_of("我喜欢苹果。\n医生在医院工作，每天晚上回家吃饭。\n天气很冷。\n",
                     "I like apples.\nThe doctor works in the hospital.\nEvery evening he goes home to eat.\n"
                     "The weather is cold.\n"),
            (Beads{"[0]:[0]", "[1]:[1,2]", "[2]:[3]"}));
}

TEST(Align, MergeOfTwoChineseSentences) {
  EXPECT_EQ(beads_of("我喜欢苹果。\n医生在医院工作。\n他每天晚上回家吃饭。\n天气很冷。\n",
                     "I like apples.\nThe doctor works in the hospital and goes home to eat every evening.\n"
                     "The weather is cold.\n"),
            (Beads{"[0]:[0]", "[1,2]:[1]", "[3]:[2]"}));
}

// The Chinese segmenter splits a list at ；, the English one keeps "a; b; c" as
// one sentence: six clauses join the one English sentence.
TEST(Align, ClausesSplitAtSemicolonsJoinOneEnglishSentence) {
  EXPECT_EQ(beads_of("接种疫苗可以降低重症风险。高危人群包括：老年人；孕妇；慢性病患者；肥胖者；吸烟者；以及医护人员。"
                     "天气很冷，请多穿衣服。\n",
                     "Vaccination lowers the risk of severe illness. Those most at risk: the elderly; expectant mothers; "
                     "the chronically unwell; the heavy; those who light up; and carers. The weather is "
                     "cold, so please dress warmly.\n",
                     false),
            (Beads{"[0]:[0]", "[1,2,3,4,5,6]:[1]", "[7]:[2]"}));
}

TEST(Align, Omission) {
  EXPECT_EQ(beads_of("我喜欢苹果。\n医生在医院工作。\n学生们在图书馆读书。\n天气很冷。\n",
                     "I like apples.\nThe doctor works in the hospital.\nThe weather is cold.\n"),
            (Beads{"[0]:[0]", "[1]:[1]", "[2]:[]", "[3]:[2]"}));
}

// A free translation that leaves out a passage of four sentences: they are
// one gap, each sentence a bead without counterpart, where separate skips at
// full cost let the sentences at the gap's edges join their neighbours.
TEST(Align, ADroppedPassageIsOneGap) {
  EXPECT_EQ(beads_of("那年冬天，父亲带我去镇上赶集。\n天还没亮，我们就出发了。\n路上结了冰，牛车走得很慢。\n父亲一句话也不说，只是抽烟。\n"
                     "镇口有一座石桥，桥下的河水早已冻住。\n几个孩子在冰面上追着一条黄狗跑。\n卖糖葫芦的老人蹲在桥头，嘴里哼着小曲。\n"
                     "远处的山上盖着厚厚的雪，看上去像一群睡着的羊。\n到了集上，父亲把两袋麦子卖给了一个胖商人。\n"
                     "他用卖麦子的钱给我买了一双新棉鞋。\n我穿着新鞋，在雪地里走来走去，舍不得弄脏。\n回家的路上，父亲终于笑了。\n"
                     "他说明年春天要给我买一头小牛。\n我靠在他的背上，很快就睡着了。\n",
                     "That winter my father took me to the market in town.\nWe set out before dawn.\n"
                     "The road was icy, and the ox cart crawled along.\nFather said nothing the whole way; he just smoked.\n"
                     "At the market he sold two sacks of wheat to a fat merchant.\n"
                     "With the money he bought me a new pair of padded cotton shoes.\n"
                     "I walked around in the snow in my new shoes, afraid to get them dirty.\nOn the way home, Father finally smiled.\n"
                     "Next spring, he said, he would buy me a calf.\nI leaned against his back and was soon asleep.\n"),
            (Beads{"[0]:[0]", "[1]:[1]", "[2]:[2]", "[3]:[3]", "[4]:[]", "[5]:[]", "[6]:[]", "[7]:[]", "[8]:[4]", "[9]:[5]",
                   "[10]:[6]", "[11]:[7]", "[12]:[8]", "[13]:[9]"}));
}

TEST(Align, AdditionOfBoilerplate) {
  EXPECT_EQ(beads_of("我喜欢苹果。\n医生在医院工作。\n天气很冷。\n",
                     "I like apples.\nThe doctor works in the hospital.\nThe weather is cold.\n"
                     "Leave a Reply. Your email address will not be published. Required fields are marked.\n"),
            (Beads{"[0]:[0]", "[1]:[1]", "[2]:[2]", "[]:[3]"}));
}

TEST(Align, OmissionNextToAnAddition) {
  // A closely translated text: the one pair sharing no evidence is a dropped
  // sentence and an added one, not a translation.
  EXPECT_EQ(beads_of("我喜欢苹果。\n医生在医院工作。\n学生们在图书馆读书。\n天气很冷。\n",
                     "I like apples.\nThe doctor works in the hospital.\nSubscribe to our newsletter for weekly offers.\n"
                     "The weather is cold.\n"),
            (Beads{"[0]:[0]", "[1]:[1]", "[2]:[]", "[]:[2]", "[3]:[3]"}));
}

TEST(Align, FreeTranslationKeepsPairsWithoutSharedWords) {
  // A lexicon that knows none of these words: every pair shares nothing. When
  // most pairs do, they are loose renderings, not omissions next to additions.
  Lexicon lexicon;
  lexicon.add("苹果", {word_id(english_stem("apple"))});
  const Document source = make_doc("他一阵晕眩，动弹不得。\n她心里七上八下。\n老头儿火冒三丈。\n孩子们乐开了花。\n", Lang::zh, "a.zh.txt");
  const Document target = make_doc(
      "Everything went black, he could not move a muscle.\nShe was all of a flutter.\n"
      "The old fellow blew his top.\nThe youngsters were over the moon.\n",
      Lang::en, "a.en.txt");
  AlignOptions options;
  options.segmented = true;
  options.lexicon = &lexicon;
  const Alignment alignment = align_documents(source, target, options);
  ASSERT_EQ(alignment.beads.size(), 4u);
  for (std::size_t k = 0; k < 4; ++k) {
    EXPECT_EQ(alignment.beads[k].source, std::vector<std::size_t>{k});
    EXPECT_EQ(alignment.beads[k].target, std::vector<std::size_t>{k});
  }
}

// Without shared words the lengths fit a shift as well: the short English
// question (the end of the first Chinese sentence) would join the narration
// after it. Speech on one side is speech on the other.
TEST(Align, SpeechPairsWithSpeech) {
  Lexicon empty;
  const Document source =
      make_doc("老王坐在桌子旁边，看着窗外的大雨，问道：“还下吗？”\n他的儿子摇摇头，放下手里的书，走到窗前看了很久。\n", Lang::zh, "a.zh.txt");
  const Document target = make_doc("Old Wang sat at the table by the window, watching the heavy rain pour down outside.\n'Still raining, son?'\n"
                                   "His son shook his head and went to the window.\n",
                                   Lang::en, "a.en.txt");
  AlignOptions options;
  options.segmented = true;
  options.lexicon = &empty;
  auto targets = [&](const AlignOptions& o) {
    std::vector<std::vector<std::size_t>> out;
    for (const auto& bead : align_documents(source, target, o).beads) out.push_back(bead.target.indices());
    return out;
  };
  using Targets = std::vector<std::vector<std::size_t>>;
  EXPECT_EQ(targets(options), (Targets{{0, 1}, {2}}));
  options.weights.quote_presence = 0;
  EXPECT_EQ(targets(options), (Targets{{0}, {1, 2}}));
}

TEST(Align, NamesAndNumbersAnchor) {
  EXPECT_EQ(beads_of("张明辉今年四十岁。\n他有三个孩子。\n", "Zhang Minghui is 40 this year.\nHe has three children.\n"),
            (Beads{"[0]:[0]", "[1]:[1]"}));
}

TEST(Align, EnglishSourceChineseTarget) {
  const Document source = make_doc("I like apples. The doctor works in the hospital. It is cold.", Lang::en, "a.en.txt");
  const Document target = make_doc("我喜欢苹果。医生在医院工作。天气很冷。", Lang::zh, "a.zh.txt");
  const Alignment alignment = align_documents(source, target, {});
  ASSERT_EQ(alignment.beads.size(), 3u);
  EXPECT_EQ(alignment.beads[1].source, (std::vector<std::size_t>{1}));
  EXPECT_EQ(alignment.beads[1].target, (std::vector<std::size_t>{1}));
}

TEST(Align, EmptyDocuments) {
  EXPECT_EQ(beads_of("", ""), (Beads{}));
  EXPECT_EQ(beads_of("我喜欢苹果。\n", ""), (Beads{"[0]:[]"}));
}

TEST(Align, WithoutLexiconStillAlignsByLength) {
  Lexicon empty;
  const Document source = make_doc("短。\n这是一个比较长的句子，里面有很多很多的字。\n", Lang::zh);
  const Document target =
      make_doc("Short.\nThis is a rather long sentence, with many many words and characters in it.\n", Lang::en);
  AlignOptions options;
  options.segmented = true;
  options.lexicon = &empty;
  const Alignment alignment = align_documents(source, target, options);
  ASSERT_EQ(alignment.beads.size(), 2u);
  EXPECT_EQ(alignment.beads[0].target, (std::vector<std::size_t>{0}));
}

TEST(Align, LongDocumentUsesBandAndStaysMonotone) {
  std::string zh, en;
  for (int k = 0; k < 1500; ++k) {
    zh += k % 2 ? "医生在医院工作。\n" : "我喜欢苹果。\n";
    en += k % 2 ? "The doctor works in the hospital.\n" : "I like apples.\n";
  }
  const Document source = make_doc(zh, Lang::zh);
  const Document target = make_doc(en, Lang::en);
  AlignOptions options;
  options.segmented = true;
  options.band = 20;
  const Alignment alignment = align_documents(source, target, options);
  std::size_t ones = 0, next_source = 0, next_target = 0;
  for (const auto& bead : alignment.beads) {
    for (auto s : bead.source) EXPECT_EQ(s, next_source++);
    for (auto t : bead.target) EXPECT_EQ(t, next_target++);
    ones += bead.source.size() == 1 && bead.target.size() == 1;
  }
  EXPECT_EQ(next_source, 1500u);
  EXPECT_EQ(next_target, 1500u);
  EXPECT_GE(ones, 1490u);
}

}  // namespace
}  // namespace tc::test

namespace tc::test {
namespace {

// The beads of a two-line pair whose first lines are a Chinese name and
// "Spikevax", with the glossary rows given (zh, en; none: no glossary).
Alignment align_spikevax(const std::string& name, const std::vector<std::pair<std::string, std::string>>& rows) {
  Glossary glossary;
  for (const auto& [zh, en] : rows) {
    GlossaryEntry entry;
    entry.zh = {zh};
    entry.en = en;
    glossary.entries.push_back(entry);
  }
  const Document source = make_doc(name + "。\n天气很冷，我们都待在家里，哪儿也没有去。\n", Lang::zh);
  const Document target = make_doc("Spikevax.\nIt was cold, so we all stayed at home and went nowhere.\n", Lang::en);
  AlignOptions options;
  options.segmented = true;
  if (!rows.empty()) options.glossary = &glossary;
  return align_documents(source, target, options);
}

TEST(Align, GlossaryTermsAnchorPairs) {
  // Without the glossary nothing links 莫德纳 to "Spikevax"; with it the pairs are 1-1.
  const Alignment alignment = align_spikevax("莫德纳", {{"莫德纳", "Spikevax"}});
  ASSERT_EQ(alignment.beads.size(), 2u);
  EXPECT_GT(alignment.beads[0].score, 0.5);
}

// The glossary's Simplified terms anchor Traditional text too (莫德纳 for
// 莫德納), and a term listed in Traditional anchors as written.
TEST(Align, GlossaryTermsAnchorTraditionalText) {
  const double unanchored = align_spikevax("莫德納", {}).beads.at(0).score;
  for (const char* term : {"莫德纳", "莫德納"}) {
    const Alignment alignment = align_spikevax("莫德納", {{term, "Spikevax"}});
    ASSERT_EQ(alignment.beads.size(), 2u) << term;
    EXPECT_GT(alignment.beads[0].score, 0.5) << term;
    EXPECT_GT(alignment.beads[0].score, unanchored + 0.2) << term;
  }
}

// A term longer than the lexicon's longest looked-up word (8 characters) is
// looked up as far as some glossary term goes on, and anchors as well (the
// second row shares a prefix with it and stops earlier).
TEST(Align, LongGlossaryTermsAnchorPairs) {
  const std::string name = "莫德纳新冠肺炎二价加强针疫苗";
  const double unanchored = align_spikevax(name, {}).beads.at(0).score;
  const Alignment alignment = align_spikevax(name, {{name, "Spikevax"}, {"莫德纳新冠肺炎二价", "bivalent"}});
  ASSERT_EQ(alignment.beads.size(), 2u);
  EXPECT_GT(alignment.beads[0].score, 0.5);
  EXPECT_GT(alignment.beads[0].score, unanchored + 0.2);
}

}  // namespace
}  // namespace tc::test

namespace tc::test {
namespace {

TEST(Align, LopsidedPairKeepsTheOneTranslatedSentenceInPlace) {
  // Only the first sentence was translated: the length ratio of the whole pair
  // (one short English sentence for six Chinese ones) must not decide the beads.
  EXPECT_EQ(beads_of("我喜欢苹果。\n医生在医院工作。\n学生们在图书馆读书。\n天气很冷。\n孩子们在公园里玩。\n妈妈在厨房做饭。\n",
                     "I like apples.\n"),
            (Beads{"[0]:[0]", "[1]:[]", "[2]:[]", "[3]:[]", "[4]:[]", "[5]:[]"}));
}

}  // namespace
}  // namespace tc::test

namespace tc::test {
namespace {

TEST(Align, SameScriptLengthRatioIsNearOne) {
  // Two texts in one script run about as long as each other; English runs
  // longer than Chinese, and a pair outside that range is lopsided.
  std::vector<SentenceFeatures> a(3), b(3);
  for (auto& s : a) s.length = 40;
  for (auto& s : b) s.length = 40;
  EXPECT_FLOAT_EQ(pair_length_ratio(a, b, true), 1.f);
  EXPECT_FLOAT_EQ(pair_length_ratio(a, b, false), 1.5f);
  for (auto& s : b) s.length = 400;
  EXPECT_FLOAT_EQ(pair_length_ratio(a, b, true), 2.f);
  EXPECT_FLOAT_EQ(pair_length_ratio(a, b, false), 8.f);
}

TEST(Align, RepetitiveTextAgainstItselfRunsOneToOne) {
  // A text aligned against itself pairs every sentence with itself, even
  // when every other sentence is the same.
  std::string text;
  for (int k = 0; k < 400; ++k) text += "The vaccine is safe. It works well.\n";
  const Document source = make_doc(text, Lang::en, "a.en.txt");
  const Document target = make_doc(text, Lang::en, "b.en.txt");
  const Alignment alignment = align_documents(source, target, AlignOptions{});
  ASSERT_EQ(alignment.source_sentences.size(), 800u);
  ASSERT_EQ(alignment.beads.size(), 800u);
  for (std::size_t k = 0; k < alignment.beads.size(); ++k) {
    EXPECT_EQ(alignment.beads[k].source, std::vector<std::size_t>{k});
    EXPECT_EQ(alignment.beads[k].target, std::vector<std::size_t>{k});
  }
}

}  // namespace
}  // namespace tc::test

namespace tc::test {
namespace {

// Pairs of a statement and a question in `places` places, then a question
// whose speech the English sets apart, with a word ("son") of the sentence after.
std::pair<std::string, std::string> questions_then_rain(std::size_t places, const char* after_question = "") {
  static const char* zh_places[] = {"北京", "上海", "广州", "南京", "天津", "西安", "杭州", "成都", "武汉", "重庆", "长沙", "昆明"};
  static const char* en_places[] = {"Beijing", "Shanghai", "Guangzhou", "Nanjing", "Tianjin", "Xi'an",
                                    "Hangzhou", "Chengdu", "Wuhan", "Chongqing", "Changsha", "Kunming"};
  std::string zh, en;
  for (std::size_t k = 0; k < places; ++k) {
    zh += std::string("他昨天在") + zh_places[k] + "买了一本书。\n你们明天去" + zh_places[k] + "吗？\n";
    en += std::string("He bought a book in ") + en_places[k] + " yesterday.\nAre you going to " + en_places[k] + " tomorrow?\n";
  }
  zh += "老王坐在桌子旁边，看着窗外的大雨，问道：“还下吗？”\n他的儿子摇摇头，放下手里的书，走到窗前看了很久。\n";
  en += std::string("Old Wang sat at the table by the window, watching the heavy rain pour down outside.\n'Still raining, son?'\n") +
        after_question + "His son shook his head and went to the window.\n";
  return {zh, en};
}

// The last two beads, as "[i]:[j,k]".
std::vector<std::string> last_beads(const std::pair<std::string, std::string>& pair, double endings) {
  const Document source = make_doc(pair.first, Lang::zh, "a.zh.txt");
  const Document target = make_doc(pair.second, Lang::en, "a.en.txt");
  AlignOptions options;
  options.segmented = true;
  options.weights.endings = endings;
  // Without the quotation marks' evidence, which would tell the same.
  options.weights.quotes = 0;
  options.weights.quote_presence = 0;
  return bead_strings(align_documents(source, target, options), 2);
}

TEST(Align, AQuestionOnBothSidesEndsABead) {
  // Twelve questions asked alike on both sides: the translation keeps its
  // questions, and the question ends the bead on both sides.
  const auto pair = questions_then_rain(12);
  EXPECT_EQ(last_beads(pair, AlignWeights{}.endings), (std::vector<std::string>{"[24]:[24,25]", "[25]:[26]"}));
  // Without the reward, "son" pulls the question to the next sentence.
  EXPECT_EQ(last_beads(pair, 0.0), (std::vector<std::string>{"[24]:[24]", "[25]:[25,26]"}));
}

TEST(Align, AQuestionGoingOnInLowerCaseEndsNothing) {
  // "'Still raining, son?' / he asked." split after the question: the
  // question ends no sentence (its reward would end the bead before "he
  // asked.", [24]:[24,25] then [25]:[26,27]), and stays with its speaker.
  const auto pair = questions_then_rain(12, "he asked.\n");
  EXPECT_EQ(last_beads(pair, AlignWeights{}.endings), (std::vector<std::string>{"[24]:[24,25,26]", "[25]:[27]"}));
}

// The mentions handed to AlignOptions::numbers are each sentence's as the
// number finders give them over its span (alignment/number-mismatch reads
// them instead of looking again), on an en->zh pair too (the sides swapped).
TEST(Align, HandsEachSentencesNumberMentionsBack) {
  const Document zh = make_doc("他买了3个苹果。\n天气很冷。\n百分之五十的人来了，共二十人。\n", Lang::zh, "a.zh.txt");
  const Document en = make_doc("He bought 3 apples.\nIt is cold.\nHalf of them, 20 people, came; 50% said so.\n", Lang::en,
                               "a.en.txt");
  for (const bool english_first : {false, true}) {
    const Document& source = english_first ? en : zh;
    const Document& target = english_first ? zh : en;
    AlignmentNumbers numbers;
    AlignOptions options;
    options.segmented = true;
    options.numbers = &numbers;
    const Alignment alignment = align_documents(source, target, options);
    auto expect_side = [](const Document& doc, const std::vector<Sentence>& sentences, const SentenceNumbers& found) {
      ASSERT_EQ(found.sentences(), sentences.size());
      std::size_t total = 0;
      for (std::size_t k = 0; k < sentences.size(); ++k) {
        const auto expected = doc.lang == Lang::zh ? find_chinese_numbers(doc.text, sentences[k].span)
                                                   : find_english_numbers(doc.text, sentences[k].span);
        const auto got = found.of(k);
        ASSERT_EQ(got.size(), expected.size()) << doc.text.substr(sentences[k].span.begin, sentences[k].span.size());
        for (std::size_t m = 0; m < got.size(); ++m) {
          EXPECT_EQ(got[m].span().begin, expected[m].span().begin);
          EXPECT_EQ(got[m].span().end, expected[m].span().end);
          EXPECT_EQ(format_number(got[m]), format_number(expected[m]));
        }
        total += got.size();
      }
      EXPECT_GE(total, 3u);
    };
    expect_side(source, alignment.source_sentences, numbers.source);
    expect_side(target, alignment.target_sentences, numbers.target);
  }
}

}  // namespace
}  // namespace tc::test
