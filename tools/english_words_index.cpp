// Build-time tool: the English words of simple shapes Hunspell accepts, as a sorted
// index the typography rules map at run time, so that most runs never load
// Hunspell (about 60 ms of start-up).
//
//   english_words_index AFF GENERAL_DIC MEDICAL_DIC GENERAL_FORMS MEDICAL_FORMS OUT
//
// The forms files are unmunch's expansion of each dictionary (every stem with
// every affix it allows). Only forms of the shapes the index decides are kept
// (EnglishWordIndex::covers: letters in any case, or a-z letters then
// letters and digits), each with its capitalised form and in capitals, and only those Hunspell itself accepts,
// checked here with the same two dictionaries the rules load. unmunch's
// expansion is complete for such words (en_US compounds only words that begin
// with a digit, and has no KEEPCASE; a word in mixed case is looked up as it
// is), and tests/rules/english_word_index_test.cpp
// checks the index against Hunspell on many words and non-words. The header records
// each dictionary's size and modification time: a run whose dictionaries
// differ ignores the index.
#include <hunspell/hunspell.hxx>

#include <algorithm>
#include <cstdint>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "rules/typography/english_words.h"
#include "write_atomically.h"

namespace {

using tc::typography::EnglishWordIndex;

void put_u64(std::ostream& out, std::uint64_t value) { out.write(reinterpret_cast<const char*>(&value), sizeof value); }
void put_u32(std::ostream& out, std::uint32_t value) { out.write(reinterpret_cast<const char*>(&value), sizeof value); }

}  // namespace

int main(int argc, char** argv) {
  if (argc != 7) {
    std::cerr << "usage: english_words_index AFF GENERAL_DIC MEDICAL_DIC GENERAL_FORMS MEDICAL_FORMS OUT\n";
    return 2;
  }
  Hunspell general(argv[1], argv[2]);
  Hunspell medical(argv[1], argv[3]);
  std::vector<std::string> words;
  for (const char* forms_path : {argv[4], argv[5]}) {
    std::ifstream forms(forms_path);
    if (!forms) {
      std::cerr << "english_words_index: cannot read " << forms_path << "\n";
      return 2;
    }
    for (std::string line; std::getline(forms, line);) {
      const std::size_t end = line.find_first_of("/\t ");
      std::string word = line.substr(0, end);
      if (word.empty()) continue;
      // Hunspell accepts a lowercase word capitalised as well, and a word in
      // capitals when it knows it in any of those cases: every such form goes
      // in (Hunspell's own verdict below keeps the ones it accepts).
      if (word[0] >= 'a' && word[0] <= 'z') {
        std::string capitalised = word;
        capitalised[0] = static_cast<char>(capitalised[0] - 'a' + 'A');
        if (EnglishWordIndex::covers(capitalised)) words.push_back(std::move(capitalised));
      }
      std::string capitals = word;
      for (char& c : capitals)
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
      if (capitals != word && EnglishWordIndex::covers(capitals)) words.push_back(std::move(capitals));
      if (EnglishWordIndex::covers(word)) words.push_back(std::move(word));
    }
  }
  std::sort(words.begin(), words.end());
  words.erase(std::unique(words.begin(), words.end()), words.end());
  std::vector<std::string> accepted;
  for (std::string& word : words)
    if (general.spell(word) || medical.spell(word)) accepted.push_back(std::move(word));

  const auto general_stamp = EnglishWordIndex::stamp_of(argv[2]);
  const auto medical_stamp = EnglishWordIndex::stamp_of(argv[3]);
  if (!general_stamp || !medical_stamp) {
    std::cerr << "english_words_index: cannot stat the dictionaries\n";
    return 2;
  }
  // Written beside the target and renamed: a transcheck that has the old
  // index mapped while the build runs keeps reading it whole (rewritten in
  // place, its pages changed or vanished under it: SIGBUS).
  const bool written = tc::tools::write_atomically("english_words_index", argv[6], std::ios::binary, [&](std::ostream& out) {
    out.write(EnglishWordIndex::kMagic.data(), static_cast<std::streamsize>(EnglishWordIndex::kMagic.size()));
    for (const auto& stamp : {*general_stamp, *medical_stamp}) {
      put_u64(out, stamp.size);
      put_u64(out, stamp.mtime);
    }
    put_u32(out, static_cast<std::uint32_t>(accepted.size()));
    std::uint32_t offset = 0;
    for (const std::string& word : accepted) {
      put_u32(out, offset);
      offset += static_cast<std::uint32_t>(word.size());
    }
    put_u32(out, offset);
    for (const std::string& word : accepted) out.write(word.data(), static_cast<std::streamsize>(word.size()));
    return true;
  });
  if (!written) return 2;
  std::cout << "english_words_index: " << accepted.size() << " of " << words.size() << " forms -> " << argv[6] << "\n";
  return 0;
}
