#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "align/lexicon.h"
#include "align/pinyin.h"
#include "core/error.h"

namespace tc {
namespace {

namespace fs = std::filesystem;

// A scratch directory removed when the test ends.
struct Scratch {
  fs::path dir = fs::temp_directory_path() / ("transcheck-lexicon-index-" + std::to_string(::getpid()));
  Scratch() { fs::create_directories(dir); }
  ~Scratch() { fs::remove_all(dir); }
  fs::path write(const std::string& name, const std::string& text) const {
    std::ofstream(dir / name, std::ios::binary) << text;
    return dir / name;
  }
};

std::vector<WordId> ids_of(Lexicon::Translations translations) { return {translations.begin(), translations.end()}; }

TEST(LexiconIndex, AnswersEveryLookupAsTheTableItWasBuiltFrom) {
  const Scratch scratch;
  // A headword on two lines (发 for 發 and for 髮) keeps both gloss lists, in order.
  const auto table = scratch.write("lexicon.tsv",
                                   "中国\t中國\tchina\n医生\t醫生\tdoctor physician\n发\t發\tsend out\n"
                                   "发\t髮\thair\n化疗\t化療\tchemotherapy\n");
  const Lexicon parsed = load_lexicon(table.string());
  {
    std::ofstream out(scratch.dir / "lexicon.idx", std::ios::binary);
    parsed.write_index(out, {{U'中', "zhong"}, {U'医', "yi"}, {U'国', "guo"}});
  }
  const Lexicon mapped = Lexicon::map_index((scratch.dir / "lexicon.idx").string());
  EXPECT_EQ(mapped.size(), parsed.size());
  EXPECT_EQ(mapped.max_headword_bytes(), parsed.max_headword_bytes());
  for (const char* headword : {"中国", "中國", "医生", "醫生", "发", "發", "髮", "化疗", "化療"}) {
    ASSERT_TRUE(mapped.find(headword)) << headword;
    EXPECT_EQ(ids_of(mapped.find(headword)), ids_of(parsed.find(headword))) << headword;
  }
  EXPECT_EQ(ids_of(mapped.find("发")).size(), 3u);  // send, out, hair
  EXPECT_EQ(ids_of(mapped.find("醫生")), (std::vector<WordId>{english_word_id("doctor"), english_word_id("physician")}));
  for (const char* unknown : {"", "中", "国", "医生们", "doctor"}) EXPECT_FALSE(mapped.find(unknown)) << unknown;
  EXPECT_EQ(mapped.pinyin(U'中'), std::optional<std::string_view>("zhong"));
  EXPECT_EQ(mapped.pinyin(U'国'), std::optional<std::string_view>("guo"));
  EXPECT_EQ(mapped.pinyin(U'生'), std::optional<std::string_view>(""));  // indexed, no reading recorded
  EXPECT_FALSE(parsed.pinyin(U'中'));  // a parsed table has no pinyin: the caller asks ICU
  EXPECT_THROW(const_cast<Lexicon&>(mapped).add("新", {1}), std::logic_error);
}

TEST(LexiconIndex, TellsWhereNoLongerHeadwordCanStart) {
  // The aligner tries ever longer texts at each character and stops where
  // the index says no headword goes on: never at a headword's own prefix.
  const Scratch scratch;
  const auto table = scratch.write("lexicon.tsv", "中国\t中國\tchina\n中国人\t中國人\tchinese\n医生\t醫生\tdoctor\n");
  const Lexicon parsed = load_lexicon(table.string());
  {
    std::ofstream out(scratch.dir / "lexicon.idx", std::ios::binary);
    parsed.write_index(out, {});
  }
  const Lexicon mapped = Lexicon::map_index((scratch.dir / "lexicon.idx").string());
  for (const char* prefix : {"", "中", "中国", "中國", "医", "醫"}) EXPECT_TRUE(mapped.may_continue(word_id(prefix))) << prefix;
  // Texts no headword starts with (the filter may pass a few; these it turns away).
  for (const char* text : {"国", "中国人", "医生", "生", "人", "化"}) EXPECT_FALSE(mapped.may_continue(word_id(text))) << text;
  EXPECT_TRUE(parsed.may_continue(word_id("化")));  // a parsed table cannot tell: never stops a caller
}

TEST(LexiconIndex, AFileThatIsNoIndexIsRefusedWithItsName) {
  const Scratch scratch;
  for (const std::string& bytes : {std::string(), std::string("中国\t中國\tchina\n"), std::string(48, '\0')}) {
    const auto path = scratch.write("bad.idx", bytes);
    try {
      Lexicon::map_index(path.string());
      ADD_FAILURE() << "accepted " << bytes.size() << " bytes";
    } catch (const InputError& error) {
      EXPECT_NE(std::string(error.what()).find("bad.idx"), std::string::npos);
    }
  }
  // A real index cut short.
  const auto table = scratch.write("lexicon.tsv", "中国\t中國\tchina\n");
  std::ostringstream whole;
  load_lexicon(table.string()).write_index(whole, {});
  const auto cut = scratch.write("cut.idx", whole.str().substr(0, whole.str().size() / 2));
  EXPECT_THROW(Lexicon::map_index(cut.string()), InputError);
}

TEST(LexiconIndex, TheBuiltIndexCarriesICUsPinyin) {
  // The build's index is what default_lexicon() maps; its table holds what ICU says.
  const Lexicon& lexicon = default_lexicon();
  ASSERT_FALSE(lexicon.empty());
  const auto syllable = lexicon.pinyin(U'张');
  ASSERT_TRUE(syllable) << "the build's cedict.idx should be found before the TSV";
  EXPECT_EQ(std::string(*syllable), HanPinyin().of(U'张'));
  EXPECT_EQ(std::string(*syllable), "zhang");
  EXPECT_TRUE(lexicon.find("化疗"));
}

// The shipped lexicon (tools/build_cedict.mjs): an entry that is only a
// variant takes the glosses of the entries it is a variant of, through a
// chain of variants too (一古脑儿 -> 一股脑儿 -> 一股脑; 亽 -> 亼 -> 集), never
// those of an unrelated entry.
TEST(ShippedLexicon, AVariantHasTheGlossesOfWhatItIsAVariantOf) {
  const Lexicon& lexicon = default_lexicon();
  ASSERT_FALSE(lexicon.empty());
  for (const auto& [variant, standard] : {std::pair{"一古脑儿", "一股脑儿"}, {"浑球儿", "浑球"}, {"亼", "集"}, {"渔钩儿", "渔钩"}}) {
    ASSERT_TRUE(lexicon.find(standard)) << standard;
    ASSERT_TRUE(lexicon.find(variant)) << variant;
    const std::vector<WordId> of_variant = ids_of(lexicon.find(variant));
    for (const WordId id : ids_of(lexicon.find(standard)))
      EXPECT_NE(std::find(of_variant.begin(), of_variant.end(), id), of_variant.end()) << variant << " lacks a gloss of " << standard;
  }
  const std::vector<WordId> of_old_variant = ids_of(lexicon.find("亽"));
  EXPECT_NE(std::find(of_old_variant.begin(), of_old_variant.end(), english_word_id("gather")), of_old_variant.end());
  const std::vector<WordId> of_na = ids_of(lexicon.find("那"));  // once given 'undiscriminating', another entry's
  EXPECT_EQ(std::find(of_na.begin(), of_na.end(), english_word_id("undiscriminating")), of_na.end());
}

// Notes are not glosses: "Taiwan pr. [xia4hai2]", "Japanese variant of 兩",
// "Taiwan equivalent: 三號電池" gave 下颏 (chin) "taiwan", 両 only "japanese"
// and 五号电池 "equivalent"; a variant so noted has the glosses of what it is a variant of.
TEST(ShippedLexicon, NotesOnPronunciationVariantsAndEquivalentsAreNoGlosses) {
  const Lexicon& lexicon = default_lexicon();
  ASSERT_FALSE(lexicon.empty());
  auto has = [&](const char* headword, const char* word) {
    const std::vector<WordId> ids = ids_of(lexicon.find(headword));
    return std::find(ids.begin(), ids.end(), english_word_id(word)) != ids.end();
  };
  EXPECT_TRUE(has("下颏", "chin"));
  EXPECT_FALSE(has("下颏", "taiwan"));
  EXPECT_FALSE(has("五号电池", "equivalent"));
  EXPECT_FALSE(has("両", "japanese"));
  EXPECT_TRUE(has("両", "tael"));
  EXPECT_TRUE(has("䟖", "toe"));
  EXPECT_FALSE(has("䟖", "erroneous"));
  EXPECT_FALSE(has("垃", "taiwan"));  // 'used in 垃圾' and a Taiwan reading: nothing of its own
}

}  // namespace
}  // namespace tc
