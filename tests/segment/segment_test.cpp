#include "segment/segment.h"

#include <gtest/gtest.h>

#include "support/test_support.h"

namespace tc::test {
namespace {

std::vector<std::string> sentences_of(const std::string& text, Lang lang, bool segmented = false,
                                      const std::string& path = "doc.txt") {
  const Document doc = make_doc(text, lang, path);
  SegmentOptions options;
  options.segmented = segmented;
  std::vector<std::string> out;
  for (const Sentence& s : segment_document(doc, options)) out.push_back(doc.text.substr(s.span.begin, s.span.size()));
  return out;
}

using Lines = std::vector<std::string>;

TEST(SegmentChinese, EndsAtSentenceMarks) {
  EXPECT_EQ(sentences_of("他来了。你呢？太好了！首先；其次。", Lang::zh),
            (Lines{"他来了。", "你呢？", "太好了！", "首先；", "其次。"}));
}

TEST(SegmentChinese, ClosingQuoteStaysWithItsSentence) {
  EXPECT_EQ(sentences_of("他说：“我们走吧。”她没有回答。", Lang::zh), (Lines{"他说：“我们走吧。”", "她没有回答。"}));
  EXPECT_EQ(sentences_of("（见上文。）下一句。", Lang::zh), (Lines{"（见上文。）", "下一句。"}));
}

TEST(SegmentChinese, AttributionAfterAQuotationStaysWithIt) {
  // “……。”她说。 is one sentence, as "“…,” she said." is in English.
  EXPECT_EQ(sentences_of("“8:02那班。”玛格丽特说。她惊讶地发现，自己在微笑。", Lang::zh),
            (Lines{"“8:02那班。”玛格丽特说。", "她惊讶地发现，自己在微笑。"}));
  EXPECT_EQ(sentences_of("“能打印出来吗？” 汪淼问。他点点头。", Lang::zh), (Lines{"“能打印出来吗？” 汪淼问。", "他点点头。"}));
  EXPECT_EQ(sentences_of("“我想试试。”晓雨说，“你呢？”", Lang::zh), (Lines{"“我想试试。”晓雨说，“你呢？”"}));
  // The same in Traditional characters.
  EXPECT_EQ(sentences_of("「8:02那班。」瑪格麗特說。她驚訝地發現，自己在微笑。", Lang::zh),
            (Lines{"「8:02那班。」瑪格麗特說。", "她驚訝地發現，自己在微笑。"}));
  EXPECT_EQ(sentences_of("「走吧。」她沒有說。", Lang::zh), (Lines{"「走吧。」", "她沒有說。"}));
  EXPECT_EQ(sentences_of("「再見。」出自那本小說。", Lang::zh), (Lines{"「再見。」", "出自那本小說。"}));
  // Not an attribution: a speaker and verb before a colon open the next quotation.
  EXPECT_EQ(sentences_of("“门已经锁了。”老王道：“我去找钥匙。”", Lang::zh), (Lines{"“门已经锁了。”", "老王道：“我去找钥匙。”"}));
  EXPECT_EQ(sentences_of("“谁在外面？”她问：“是你吗？”", Lang::zh), (Lines{"“谁在外面？”", "她问：“是你吗？”"}));
  // Not an attribution: the verb alone, a negated verb, a longer clause.
  EXPECT_EQ(sentences_of("“走吧。”说完他就走了。", Lang::zh), (Lines{"“走吧。”", "说完他就走了。"}));
  EXPECT_EQ(sentences_of("“走吧。”她没有说。", Lang::zh), (Lines{"“走吧。”", "她没有说。"}));
  EXPECT_EQ(sentences_of("“走吧。”第二天早上她在门口对所有的人说。", Lang::zh),
            (Lines{"“走吧。”", "第二天早上她在门口对所有的人说。"}));
  // Nor a word that only ends in 道, 说 or 问: 知道, 味道, 小说, 据说, 学问.
  EXPECT_EQ(sentences_of("“明天出发。”这一点谁都知道。他收拾好了行李。", Lang::zh),
            (Lines{"“明天出发。”", "这一点谁都知道。", "他收拾好了行李。"}));
  EXPECT_EQ(sentences_of("“真香。”是汤的味道。", Lang::zh), (Lines{"“真香。”", "是汤的味道。"}));
  EXPECT_EQ(sentences_of("“再见。”书里这样说。", Lang::zh), (Lines{"“再见。”书里这样说。"}));
  EXPECT_EQ(sentences_of("“再见。”出自那本小说。", Lang::zh), (Lines{"“再见。”", "出自那本小说。"}));
  EXPECT_EQ(sentences_of("“要下雨了。”据说。", Lang::zh), (Lines{"“要下雨了。”", "据说。"}));
}

TEST(SegmentChinese, DoubleEllipsisEndsSingleDoesNot) {
  EXPECT_EQ(sentences_of("他犹豫了……然后走了。", Lang::zh), (Lines{"他犹豫了……", "然后走了。"}));
  EXPECT_EQ(sentences_of("等等…再说。", Lang::zh), (Lines{"等等…再说。"}));
}

TEST(SegmentChinese, KeepsLatinExclamationInsideWords) {
  EXPECT_EQ(sentences_of("他在Yahoo!工作。很好。", Lang::zh), (Lines{"他在Yahoo!工作。", "很好。"}));
}

TEST(SegmentChinese, DecimalsAndParagraphs) {
  EXPECT_EQ(sentences_of("有效率为44.2%。\n\n第二段没有句号", Lang::zh), (Lines{"有效率为44.2%。", "第二段没有句号"}));
}

TEST(SegmentEnglish, Abbreviations) {
  EXPECT_EQ(sentences_of("Dr. Smith arrived. He was late.", Lang::en), (Lines{"Dr. Smith arrived.", "He was late."}));
  EXPECT_EQ(sentences_of("Use a buffer, e.g. Tris. It works.", Lang::en), (Lines{"Use a buffer, e.g. Tris.", "It works."}));
  EXPECT_EQ(sentences_of("Some drugs, i.e. statins, help. Others do not.", Lang::en),
            (Lines{"Some drugs, i.e. statins, help.", "Others do not."}));
  EXPECT_EQ(sentences_of("See Fig. 2 for details. Then stop.", Lang::en), (Lines{"See Fig. 2 for details.", "Then stop."}));
  EXPECT_EQ(sentences_of("As Wang et al. reported, it helps. We agree.", Lang::en),
            (Lines{"As Wang et al. reported, it helps.", "We agree."}));
  EXPECT_EQ(sentences_of("The U.S. government agreed. Fine.", Lang::en), (Lines{"The U.S. government agreed.", "Fine."}));
}

TEST(SegmentEnglish, Decimals) {
  EXPECT_EQ(sentences_of("The rate was 44.2 percent. It fell to 3.5.", Lang::en),
            (Lines{"The rate was 44.2 percent.", "It fell to 3.5."}));
}

TEST(SegmentEnglish, NumberedListMarker) {
  // The line's own number is list numbering, outside the text; a number
  // marker inside the line does not end the sentence before it.
  EXPECT_EQ(sentences_of("1. Wash your hands. 2. Wear a mask.", Lang::en), (Lines{"Wash your hands.", "2. Wear a mask."}));
  EXPECT_EQ(sentences_of("1. Wash your hands.\n2. Wear a mask.", Lang::en), (Lines{"Wash your hands.", "Wear a mask."}));
}

TEST(SegmentEnglish, Ellipsis) {
  EXPECT_EQ(sentences_of("He waited... Then he left.", Lang::en), (Lines{"He waited...", "Then he left."}));
}

TEST(SegmentEnglish, QuotesAndWrappedLines) {
  EXPECT_EQ(sentences_of("\"Go home.\" She left.\nIt was\nlate.", Lang::en),
            (Lines{"\"Go home.\"", "She left.", "It was\nlate."}));
}

TEST(SegmentEnglish, AttributionAfterAQuotedExclamationOrQuestion) {
  // ICU ends a sentence after ! or ?; a lower-case word after the quotation goes on it.
  EXPECT_EQ(sentences_of("'Stop the cart!' the driver shouted. 'Now!' He ran.", Lang::en),
            (Lines{"'Stop the cart!' the driver shouted.", "'Now!'", "He ran."}));
  EXPECT_EQ(sentences_of("\u201CAre you ready?\u201D she asked. We were.", Lang::en),
            (Lines{"\u201CAre you ready?\u201D she asked.", "We were."}));
  // Not quoted, or a capital after it: the sentence ends.
  EXPECT_EQ(sentences_of("Wait! the sign said nothing. Fine.", Lang::en), (Lines{"Wait!", "the sign said nothing.", "Fine."}));
  EXPECT_EQ(sentences_of("\"Go!\" Tom left.", Lang::en), (Lines{"\"Go!\"", "Tom left."}));
}

TEST(SegmentEnglish, MarkdownBlocks) {
  EXPECT_EQ(sentences_of("# Title\n\nFirst one. Second one.\n\n- item one\n- item two\n", Lang::en, false, "doc.md"),
            (Lines{"Title", "First one.", "Second one.", "item one", "item two"}));
}

TEST(Segmented, EveryNonEmptyLineIsOneUnit) {
  EXPECT_EQ(sentences_of("One. Two.\n\n  Three  \nFour", Lang::en, true), (Lines{"One. Two.", "Three", "Four"}));
}

}  // namespace
}  // namespace tc::test
