#include "align/speakers.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <optional>
#include <string>
#include <string_view>

#include "core/utf8.h"
#include "text/ascii.h"
#include "text/han.h"

namespace tc {
namespace {

bool is_space(char32_t cp) { return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == 0x3000; }

// Calls visit(stretch) on the stretches of a sentence outside quotation
// marks (the marks left out), in order, until it returns false; `inside`:
// the sentence starts inside a quotation opened before.
// Quotation marks are told as count_quotes tells them: straight quotes and ’
// open after a space and close before one, and between letters ’ and ' are
// apostrophes. An opening mark while inside a quotation, at the sentence's
// start, opens the next paragraph of the same speech.
// (Stretches are cut at spaces and Chinese punctuation, which no word
// crosses: a reader of the first words stops the walk soon.)
template <class Visit>
void for_each_outside_quotes(std::string_view text, Span span, bool inside, Visit visit) {
  bool going = true;  // visit asked for more
  auto is_word = [](char32_t cp) {
    return cp < 0x80 ? is_latin_word_byte(static_cast<char>(cp)) : cp != utf8::kInvalid && cp >= 0xC0 && cp < 0x2000;
  };
  int depth = inside ? 1 : 0;
  bool at_start = true;  // nothing but spaces read yet
  std::size_t stretch = span.begin;  // where the current stretch outside began (when depth is 0)
  char32_t previous = ' ';
  auto open = [&](std::size_t mark) {
    if (depth == 0 && mark > stretch) going = visit(Span{stretch, mark});
    if (!(at_start && depth > 0)) ++depth;
  };
  auto close = [&](std::size_t mark, std::size_t after) {
    if (depth > 0) --depth;
    else if (mark > stretch) going = visit(Span{stretch, mark});  // (a mark closing nothing: not part of a word)
    stretch = after;
  };
  // A space or a Chinese punctuation mark at [mark, after) ends the stretch outside.
  auto separate = [&](std::size_t mark, std::size_t after) {
    if (depth > 0) return;
    if (mark > stretch) going = visit(Span{stretch, mark});
    stretch = after;
  };
  for (std::size_t pos = span.begin; pos < span.end && going;) {
    const std::size_t mark = pos;
    const unsigned char byte = static_cast<unsigned char>(text[pos]);
    if (byte < 0x80 && byte != '"' && byte != '\'') {
      previous = byte, ++pos;
      if (is_space(byte)) separate(mark, pos);
      else at_start = false;
      continue;
    }
    const char32_t cp = utf8::next(text, pos);
    switch (cp) {
      case 0x201C: case 0x2018: case 0x300C: case 0x300E: case 0x201D: case 0x300D: case 0x300F: case '"': case '\'':
      case 0x2019:
        break;  // a quotation mark: below
      case 0x3000: case 0xFF0C: case 0x3002: case 0x3001: case 0xFF1B: case 0xFF1A: case 0xFF01: case 0xFF1F:
        separate(mark, pos);  // (a full-width space, ， 。 、 ； ： ！ ？)
        [[fallthrough]];
      default:
        if (!is_space(cp)) at_start = false;
        previous = cp;
        continue;
    }
    const char32_t following = pos < span.end ? utf8::at(text, pos) : U' ';
    const bool before_space = pos >= span.end || is_space(following);
    const bool after_space = is_space(previous) || previous == '(' || previous == '[' || previous == 0x2014 ||
                             previous == 0x2013 || previous == 0xFF1A || previous == 0xFF0C || previous == ':' ||
                             mark == span.begin;
    switch (cp) {
      case 0x201C: case 0x2018: case 0x300C: case 0x300E: open(mark); break;  // “ ‘ 「 『
      case 0x201D: case 0x300D: case 0x300F: close(mark, pos); break;         // ” 」 』
      case '"': case '\'': case 0x2019:
        if (cp != '"' && is_word(previous)) {
          if (!is_word(following) && depth > 0) close(mark, pos);
          break;
        }
        if (!before_space && after_space) open(mark);
        else close(mark, pos);
        break;
      default: break;
    }
    if (!is_space(cp)) at_start = false;
    previous = cp;
  }
  if (going && depth == 0 && span.end > stretch) visit(Span{stretch, span.end});
}

// Whether each sentence of a side starts inside a quotation (as mark_speech reads the quote counts).
std::vector<bool> starts_inside(const std::vector<SentenceFeatures>& side) {
  std::vector<bool> out(side.size(), false);
  bool inside = false;
  for (std::size_t k = 0; k < side.size(); ++k) {
    out[k] = inside;
    if (side[k].quote_opens) inside = true;
    else if (side[k].quote_closes) inside = false;
  }
  return out;
}

// Personal pronouns: a sentence whose lead reaches one tells no name there
// (he, she: someone named before), so its lead ends before it.
bool is_english_pronoun(std::string_view lower) {
  using namespace std::string_view_literals;
  static constexpr std::array kPronouns{"he"sv, "she"sv, "it"sv, "they"sv, "i"sv, "we"sv, "you"sv, "him"sv,
                                        "her"sv, "them"sv, "his"sv, "its"sv, "their"sv, "me"sv, "us"sv, "my"sv,
                                        "our"sv, "your"sv, "himself"sv, "herself"sv, "themselves"sv, "one"sv};
  return lower.size() <= 10 && std::find(kPronouns.begin(), kPronouns.end(), lower) != kPronouns.end();
}
// A Chinese token starting with a personal pronoun's character (他, 她们, 你们 ...).
bool is_chinese_pronoun(char32_t first) {
  for (char32_t p : {U'他', U'她', U'它', U'我', U'你', U'您', U'咱', U'俺'})
    if (first == p) return true;
  return false;
}


}  // namespace

std::vector<std::uint64_t> chinese_leads(std::string_view text, const std::vector<Sentence>& sentences,
                                         const std::vector<SentenceFeatures>& side) {
  std::vector<std::uint64_t> out(sentences.size(), 0);
  const std::vector<bool> inside = starts_inside(side);
  for (std::size_t s = 0; s < sentences.size(); ++s) {
    const auto keys = side[s].tokens.keys();
    // A bit per value of the keys' low 7 bits: most runs that are no token are told by it.
    std::array<std::uint64_t, 2> filter{};
    for (const std::uint64_t key : keys) filter[key >> 6 & 1] |= std::uint64_t{1} << (key & 63);
    auto bit_of = [&](WordId key) -> std::uint64_t {
      if (!(filter[key >> 6 & 1] >> (key & 63) & 1)) return 0;
      for (std::size_t k = 0; k < keys.size(); ++k)
        if (keys[k] == key) return std::uint64_t{1} << k;
      return 0;
    };
    std::size_t found = 0;
    for_each_outside_quotes(text, sentences[s].span, inside[s], [&](const Span stretch) {
      for (std::size_t pos = stretch.begin; pos < stretch.end && found < kLeadWords;) {
        if (is_latin_word_byte(text[pos])) {
          const std::size_t end = latin_run_end(text, pos, stretch.end);
          if (const std::uint64_t bit = bit_of(salted(text.substr(pos, end - pos), 'L'))) out[s] |= bit, ++found;
          pos = end;
          continue;
        }
        std::size_t after = pos;
        const char32_t first = utf8::next(text, after);
        if (!is_han(first)) {
          pos = after;
          continue;
        }
        if (is_chinese_pronoun(first)) {
          found = kLeadWords;
          break;
        }
        // The token starting here: the longest run of Han characters (up to
        // eight, as the extractor looks words up) that is one of the
        // sentence's tokens (their keys hashed as salted(run, 'Z'), a byte at a time).
        WordId hash = salted({}, 'Z');
        std::size_t end = pos, token_end = 0;
        std::uint64_t token_bit = 0;
        for (int chars = 0; chars < 8 && end < stretch.end; ++chars) {
          std::size_t next = end;
          if (!is_han(utf8::next(text, next)) || next > stretch.end) break;
          for (; end < next; ++end) hash = word_id_step(hash, static_cast<unsigned char>(text[end]));
          if (const std::uint64_t bit = bit_of(hash)) token_bit = bit, token_end = end;
        }
        if (token_bit) out[s] |= token_bit, ++found, pos = token_end;
        else pos = after;
      }
      return found < kLeadWords;
    });
  }
  return out;
}

EnglishLeads english_leads(std::string_view text, const std::vector<Sentence>& sentences,
                           const std::vector<SentenceFeatures>& side, const Vocabulary& vocabulary) {
  EnglishLeads out;
  // (start is made at the first lead found: a side without any is returned
  // as none, without 4 bytes a sentence held beside the sentences' tokens.)
  const std::vector<bool> inside = starts_inside(side);
  for (std::size_t s = 0; s < sentences.size(); ++s) {
    const std::size_t first = out.positions.size();
    const auto keys = side[s].tokens.keys();
    const auto ids = side[s].tokens.ids();
    std::size_t found = 0;
    auto add = [&](WordId id) {
      if (const std::uint32_t position = vocabulary.find(id)) out.positions.push_back(position - 1);
    };
    for_each_outside_quotes(text, sentences[s].span, inside[s], [&](const Span stretch) {
      for (std::size_t pos = stretch.begin; pos < stretch.end && found < kLeadWords;) {
        if (!is_latin_word_byte(text[pos])) {
          ++pos;
          continue;
        }
        const std::size_t end = latin_run_end(text, pos, stretch.end);
        const bool capitalised = text[pos] >= 'A' && text[pos] <= 'Z';
        const std::string lower = to_lower_ascii(text.substr(pos, end - pos));
        pos = end;
        if (is_english_pronoun(lower)) {
          found = kLeadWords;
          break;
        }
        if (std::any_of(lower.begin(), lower.end(), [](char c) { return c >= '0' && c <= '9'; }) || is_english_stopword(lower))
          continue;
        ++found;
        if (!capitalised) continue;
        // A name: the name form of a capitalised word used as a name
        // elsewhere (in the vocabulary: a name opening a sentence is read as
        // a plain word), or that the extractor gave a hyphenated pinyin name
        // ("Xi-feng": the token's id); with the plain word, as pairs are
        // learned with either.
        WordId name = salted(lower, '@');
        std::optional<WordId> plain;
        if (lower.find('-') != std::string::npos) {
          plain = word_id(english_stem(lower));
          for (std::size_t k = 0; k < keys.size(); ++k)
            if (keys[k] == *plain && ids[k] != *plain && ids[k] != 0) name = ids[k];
        }
        if (vocabulary.find(name)) {
          add(name);
          add(plain ? *plain : word_id(english_stem(lower)));
        }
      }
      return found < kLeadWords;
    });
    std::sort(out.positions.begin() + static_cast<std::ptrdiff_t>(first), out.positions.end());
    out.positions.erase(std::unique(out.positions.begin() + static_cast<std::ptrdiff_t>(first), out.positions.end()),
                        out.positions.end());
    if (out.positions.empty()) continue;
    if (out.start.size() == 1) {
      out.start.reserve(sentences.size() + 1);
      out.start.resize(s + 1, 0);
    }
    out.start.push_back(static_cast<std::uint32_t>(out.positions.size()));
  }
  if (out.positions.empty()) return EnglishLeads{};
  return out;
}

Speakers::Speakers(const std::vector<SentenceFeatures>& zh, const std::vector<std::uint64_t>& zh_leads, EnglishLeads en_leads)
    : zh_count_(zh.size()), en_(std::move(en_leads)) {
  // No English lead (en_.start too short for any sentence): nothing matches.
  if (en_.positions.empty()) return;
  // Only positions some English sentence leads with are worth keeping.
  std::vector<bool> leading;
  for (const std::uint32_t position : en_.positions) {
    if (position >= leading.size()) leading.resize(position + 1, false);
    leading[position] = true;
  }
  zh_start_.reserve(zh.size() + 1);
  for (std::size_t i = 0; i < zh.size(); ++i) {
    const std::uint64_t lead = i < zh_leads.size() ? zh_leads[i] : 0;
    if (lead)
      zh[i].offers.for_each_position([&](std::uint32_t position, std::uint64_t bits) {
        if ((bits & lead) && position < leading.size() && leading[position]) zh_positions_.push_back(position);
      });
    zh_start_.push_back(static_cast<std::uint32_t>(zh_positions_.size()));
  }
}

bool Speakers::match(std::size_t i, std::size_t j) const {
  if (i >= zh_count_ || j + 1 >= en_.start.size()) return false;
  const std::uint32_t* zh_begin = zh_positions_.data() + zh_start_[i];
  const std::uint32_t* zh_end = zh_positions_.data() + zh_start_[i + 1];
  if (zh_begin == zh_end) return false;
  for (const std::uint32_t position : en_.of(j))
    if (std::binary_search(zh_begin, zh_end, position)) return true;
  return false;
}

LeadFit Speakers::fit(const Path& zh_en_path) const {
  LeadFit fit;
  bool before = false;  // a pairing bead was seen
  std::size_t before_zh = 0, before_en = 0;  // ... and the first sentences of the last
  double crossed = 0;
  std::size_t neighbours = 0;  // pairs of consecutive pairing beads
  std::size_t i = 0, j = 0;  // the step's first sentences
  for (const PathStep& step : zh_en_path) {
    const std::size_t zh_first = i, en_first = j;
    i += step.zh, j += step.en;
    if (step.zh == 0 || step.en == 0) continue;
    ++fit.beads;
    if (match(zh_first, en_first)) ++fit.alike;
    if (before) {
      crossed += (match(before_zh, en_first) ? 0.5 : 0.0) + (match(zh_first, before_en) ? 0.5 : 0.0);
      ++neighbours;
    }
    before = true, before_zh = zh_first, before_en = en_first;
  }
  // Scaled to every bead (the first has one neighbour less).
  fit.neighbours = neighbours ? crossed * static_cast<double>(fit.beads) / static_cast<double>(neighbours) : 0.0;
  return fit;
}

double Speakers::fit_weight(const Path& zh_en_path, double weight) {
  const LeadFit f = fit(zh_en_path);
  weight_ = 0.f;
  if (weight != 0 && f.alike >= kMinBeads)
    weight_ = static_cast<float>(weight * std::max(0.0, std::log(static_cast<double>(f.alike) / std::max(f.neighbours, 0.5))));
  return weight_;
}

}  // namespace tc
