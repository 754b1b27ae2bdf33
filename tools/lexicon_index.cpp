// Build step: turns the shipped lexicon (data/cedict/cedict.tsv) into the
// compact binary index transcheck maps at start-up, with the pinyin of every
// Han character as ICU reads it (so the aligner needs no ICU Han-Latin
// transliterator, whose rules take about 0.1 s to compile).
//   lexicon_index INPUT.tsv OUTPUT.idx
#include <filesystem>
#include <iostream>
#include <string>
#include <utility>
#include <vector>

#include "align/lexicon.h"
#include "align/pinyin.h"
#include "core/error.h"
#include "text/han.h"
#include "write_atomically.h"

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: lexicon_index INPUT.tsv OUTPUT.idx\n";
    return 2;
  }
  namespace fs = std::filesystem;
  try {
    const tc::Lexicon lexicon = tc::load_lexicon(argv[1]);
    const tc::HanPinyin han_pinyin;
    std::vector<std::pair<char32_t, std::string>> pinyin;
    for (char32_t cp = 0; cp <= 0x10FFFF; ++cp)
      if (tc::is_han(cp))
        if (std::string syllable = han_pinyin.of(cp); !syllable.empty()) pinyin.emplace_back(cp, std::move(syllable));
    if (pinyin.empty()) {
      std::cerr << "lexicon_index: ICU gave no pinyin (Han-Latin transliterator missing)\n";
      return 1;
    }
    // Written beside the target and renamed: an interrupted build leaves no half index.
    const fs::path output = argv[2];
    const bool written = tc::tools::write_atomically("lexicon_index", output, std::ios::binary, [&](std::ostream& out) {
      lexicon.write_index(out, pinyin);
      return true;
    });
    if (!written) return 1;
    std::cout << "lexicon_index: " << lexicon.size() << " headwords, " << pinyin.size() << " pinyin readings -> "
              << output.string() << "\n";
  } catch (const std::exception& error) {
    std::cerr << "lexicon_index: " << error.what() << "\n";
    return 1;
  }
  return 0;
}
