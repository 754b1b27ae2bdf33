#include "align/features.h"
#include "align/first_not_below.h"
#include "align/radix_sort.h"
#include "core/flat_map.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <limits>
#include <tuple>
#include <memory>
#include <stdexcept>

#include "text/numbers.h"
#include "core/utf8.h"
#include "align/pinyin.h"
#include "glossary/glossary.h"
#include "text/ascii.h"
#include "text/chinese_fold.h"
#include "text/han.h"

namespace tc {
namespace {

WordId number_id(const NumberMention& mention) {
  NumberMention plain = mention;
  plain.percent = false;  // 44.2% and "44.2 percent" and 百分之四十四点二 all meet as 44.2
  std::string key = "#";  // (appended, not "#" + ...: GCC 12 warns falsely of an overlapping copy there)
  key += format_number(plain);
  return word_id(key);
}



// Sorts a sentence's offers by id (equal ids in any order). Ids are hashes,
// spread evenly: placed by their top bits into twice as many buckets as
// there are offers (a counting sort), each is nearly in place, and a pass of
// insertions, which move little, finishes. std::sort's comparisons went
// either way at random: about 0.47M mispredicted branches on the x1 MAC-Dev
// pair's 3.5k sentences (44 offers each on average).
void sort_by_id(std::vector<std::pair<WordId, std::uint64_t>>& offers) {
  const std::size_t n = offers.size();
  constexpr std::size_t kMostCounted = 256;  // (more, a rare sentence: std::sort; fewer insertions to fear)
  if (n > kMostCounted) {
    std::sort(offers.begin(), offers.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    return;
  }
  if (n < 2) return;
  const int bucket_bits = std::bit_width(n - 1) + 1;
  const std::size_t buckets = std::size_t{1} << bucket_bits;
  const int shift = 64 - bucket_bits;
  std::array<std::uint16_t, 2 * kMostCounted + 1> start;
  std::fill_n(start.begin(), buckets + 1, std::uint16_t{0});
  for (const auto& [id, bits] : offers) ++start[(id >> shift) + 1];
  for (std::size_t b = 0; b < buckets; ++b) start[b + 1] = static_cast<std::uint16_t>(start[b + 1] + start[b]);
  std::array<WordId, kMostCounted> ids;
  std::array<std::uint64_t, kMostCounted> masks;
  for (const auto& [id, bits] : offers) {
    const std::size_t at = start[id >> shift]++;
    ids[at] = id, masks[at] = bits;
  }
  for (std::size_t k = 0; k < n; ++k) {
    std::size_t at = k;
    while (at > 0 && offers[at - 1].first > ids[k]) offers[at] = offers[at - 1], --at;
    offers[at] = {ids[k], masks[k]};
  }
}

// Sorts offers by id and merges those of one id (their token bits joined),
// keeping no spare room (unless `keep_room`).
void sort_and_merge(std::vector<std::pair<WordId, std::uint64_t>>& offers, bool keep_room = false) {
  // By id alone: the bits of one id are joined whatever their order.
  sort_by_id(offers);
  std::size_t out = 0;
  for (std::size_t k = 0; k < offers.size(); ++k) {
    if (out > 0 && offers[out - 1].first == offers[k].first) offers[out - 1].second |= offers[k].second;
    else offers[out++] = offers[k];
  }
  offers.resize(out);
  if (!keep_room) offers.shrink_to_fit();
}

struct Builder {
  explicit Builder(const Vocabulary* offer_only = nullptr, TokenArena* token_arena = nullptr)
      : offer_only(offer_only), token_arena(token_arena) {
    offers.reserve(kFirstRoom);
  }
  static constexpr std::size_t kFirstRoom = 64;  // (room for a sentence's offers: not grown from one by doubling)
  const Vocabulary* offer_only;  // see FeatureExtractor::offer_only
  TokenArena* token_arena;       // see FeatureExtractor::hold_tokens_in
  SentenceFeatures features;
  std::vector<std::pair<WordId, std::uint64_t>> offers;
  // The tokens (at most kMaxTokens: held in place, where three vectors
  // growing by doubling took a dozen allocations a sentence).
  std::array<std::uint64_t, kMaxTokens> keys;
  std::array<WordId, kMaxTokens> ids, alt_ids;
  std::size_t tokens = 0;
  std::vector<std::size_t> breaks;  // token counts at clause breaks, ascending
  bool last_clause_lost = false;     // a clause began with no room left for its tokens
  // Adds a token needing a counterpart; returns its bit (0 when full or a repeat).
  std::uint64_t token(std::uint64_t key, WordId id, WordId alt = 0) {
    for (std::size_t k = 0; k < tokens; ++k)
      if (keys[k] == key) return std::uint64_t{1} << k;
    if (tokens >= kMaxTokens) {
      if (!breaks.empty() && breaks.back() == kMaxTokens) last_clause_lost = true;
      return 0;
    }
    keys[tokens] = key;
    ids[tokens] = id;
    alt_ids[tokens] = alt;
    return std::uint64_t{1} << tokens++;
  }
  // (Inlined: most of a Chinese sentence's offers, the pinyin of its names, are dropped at once.)
  [[gnu::always_inline]] void offer(WordId id, std::uint64_t bits) {
    if (offer_only && !offer_only->may_hold(id)) return;
    offers.emplace_back(id, bits);
    if (offers.size() >= merge_at) merge();
  }
  // A sentence that repeats its words (a list of a million fives) offered
  // each mention's ids again: merged whenever they have doubled since
  // (merging is a union of bits: finish gives the same offers).
  [[gnu::noinline]] void merge() {
    sort_and_merge(offers, true);
    merge_at = 2 * offers.size() + kFirstMerge;
  }
  static constexpr std::size_t kFirstMerge = 1024;  // (beyond any real sentence's offers)
  std::size_t merge_at = kFirstMerge;
  // A clause ends here (a comma, semicolon, colon or dash).
  void clause_break() {
    if (tokens > 0 && (breaks.empty() || breaks.back() != tokens)) breaks.push_back(tokens);  // not before any token
  }
  FoundFeatures finish() {
    // (With offer_only the offers are interned as they are made, and not
    // kept: their spare room is not given back, a copy of them.)
    sort_and_merge(offers, offer_only != nullptr);
    features.tokens.assign({keys.data(), tokens}, {ids.data(), tokens}, {alt_ids.data(), tokens}, token_arena);
    // A break with no new token after it (a trailing comma) ends no clause.
    if (!breaks.empty() && breaks.back() == tokens) breaks.pop_back();
    features.set_clauses(breaks.empty() ? tokens : breaks.front(), last_clause_lost ? kMaxTokens : breaks.empty() ? 0 : breaks.back());
    return {std::move(features), std::move(offers)};
  }
};

// utf8::next with its path for the well-formed three-byte sequences (Han)
// inlined: chinese() decodes every character of every candidate headword
// (out of line, the calls were a twentieth of its time).
[[gnu::always_inline]] inline char32_t next_code_point(std::string_view text, std::size_t& pos) {
  if (pos < text.size()) {
    const auto lead = static_cast<unsigned char>(text[pos]);
    if (lead >= 0xE1 && lead <= 0xEF && lead != 0xED && utf8::three_bytes_at(text, pos)) {
      const char32_t cp = utf8::three_byte_code_point(text, pos);
      pos += 3;
      return cp;
    }
  }
  return utf8::next(text, pos);
}

// A lower-cased word's letters when it is a name's syllables joined by
// hyphens, in pinyin or in Wade-Giles ("xi-feng" -> "xifeng", "bao-yu's" ->
// "baoyu", "pao-yü" -> "paoyu", "ch'i-yao" -> "chiyao"), or one Wade-Giles
// syllable with the apostrophe of its aspirated initial ("ch'en" -> "chen");
// otherwise the word itself ("russian-style", "long-term", "o'clock", "didn't").
std::string joined_name(std::string_view lower) {
  std::string_view word = lower.ends_with("'s") ? lower.substr(0, lower.size() - 2) : lower;
  if (word.find_first_of("-'\xC3") == std::string_view::npos) return std::string(lower);
  std::string joined;
  for (std::size_t part = 0; part <= word.size();) {
    const std::size_t end = std::min(word.find('-', part), word.size());
    // ü and Ü as u (Wade-Giles writes yü, hsüeh, chüan).
    std::string letters;
    for (std::size_t k = part; k < end; ++k) {
      const bool umlaut = word[k] == '\xC3' && k + 1 < end && (word[k + 1] == '\xBC' || word[k + 1] == '\x9C');
      letters += umlaut ? 'u' : word[k];
      k += umlaut ? 1 : 0;
    }
    if (const std::size_t mark = letters.find('\''); mark != std::string::npos) {
      // An apostrophe only marks an aspirated initial: ch' k' p' t' ts' tz'.
      const std::string_view initial = std::string_view(letters).substr(0, mark);
      if (initial != "ch" && initial != "k" && initial != "p" && initial != "t" && initial != "ts" && initial != "tz") return std::string(lower);
      letters.erase(mark, 1);
      if (!is_wade_giles_syllable(letters)) return std::string(lower);
    } else if (!is_pinyin_syllable(letters) && !is_wade_giles_syllable(letters)) {
      return std::string(lower);
    }
    joined += letters;
    part = end + 1;
  }
  return joined;
}

}  // namespace

std::size_t latin_run_end(std::string_view text, std::size_t pos, std::size_t end) {
  std::size_t p = pos;
  while (p < end) {
    if (is_latin_word_byte(text[p])) ++p;
    else if ((text[p] == '-' || text[p] == '+' || text[p] == '\'') && p + 1 < end && is_latin_word_byte(text[p + 1]) && p > pos) ++p;
    else break;
  }
  return p;
}

FeatureExtractor::FeatureExtractor(const Lexicon& lexicon, const Glossary* glossary, bool sub_glosses)
    : lexicon_(lexicon), sub_glosses_(sub_glosses) {
  if (!glossary) return;
  std::size_t forms = 0;
  for (const GlossaryEntryView entry : glossary->entries) forms += entry.zh.size();
  glossary_terms_.reserve(forms, 0);  // grown by doubling, it held up to twice what it needs
  for (const GlossaryEntryView entry : glossary->entries) {
    std::vector<WordId> ids;
    auto add_words = [&](std::string_view english) {
      std::size_t pos = 0;
      while (pos < english.size()) {
        while (pos < english.size() && !is_latin_word_byte(english[pos])) ++pos;
        const std::size_t end = latin_run_end(english, pos, english.size());
        if (end > pos) {
          const std::string word(english.substr(pos, end - pos));
          if (!is_english_stopword(to_lower_ascii(word))) ids.push_back(english_word_id(word));
        }
        pos = std::max(end, pos + 1);
      }
    };
    add_words(entry.en);
    for (const std::string_view variant : entry.variants) add_words(variant);
    for (const std::string_view form : entry.zh) {
      glossary_terms_.add(form, ids, /*owned=*/false);  // the glossary outlives the extractor
      WordId prefix = kWordIdBasis;
      for (std::size_t pos = 0; pos < form.size();) {
        const std::size_t begin = pos;
        utf8::next(form, pos);
        if (pos >= form.size()) break;  // the whole form is no prefix of it
        for (std::size_t k = begin; k < pos; ++k) prefix = word_id_step(prefix, static_cast<unsigned char>(form[k]));
        bool inserted = false;
        glossary_prefixes_.insert(FlatMap::key_of(prefix), 0, inserted);
      }
    }
  }
}

FeatureExtractor::~FeatureExtractor() = default;

const FeatureExtractor::NameReading& FeatureExtractor::reading(char32_t han) {
  // (The last answers first, by the code point's low bits: a hash lookup a
  // character was most of what this cost.)
  PinyinSlot& slot = pinyin_recent_[han & (pinyin_recent_.size() - 1)];
  if (slot.reading && slot.han == han) return *slot.reading;
  auto found = pinyin_cache_.find(han);
  if (found != pinyin_cache_.end()) {
    slot = {han, &found->second};
    return found->second;
  }
  std::string syllable;
  if (const auto indexed = lexicon_.pinyin(han)) {
    syllable = *indexed;
  } else {
    // A lexicon without the index's table: ICU, created on first need.
    if (!han_pinyin_) han_pinyin_ = std::make_unique<HanPinyin>();
    syllable = han_pinyin_->of(han);
  }
  std::string wade_giles = wade_giles_of(syllable);
  if (wade_giles.empty()) wade_giles = syllable;
  const NameReading& held = pinyin_cache_.emplace(han, NameReading{std::move(syllable), std::move(wade_giles)}).first->second;
  slot = {han, &held};
  return held;
}

FoundFeatures FeatureExtractor::chinese(std::string_view text, Span span, std::vector<NumberMention>* found_numbers) {
  Builder b(offer_only_, token_arena_);
  auto numbers = find_chinese_numbers(text, span);
  if (found_numbers) found_numbers->insert(found_numbers->end(), numbers.begin(), numbers.end());
  std::erase_if(numbers, [](const NumberMention& n) { return n.rendering; });  // words here ("both", 双)
  std::size_t next_number = 0;
  std::size_t pos = span.begin;
  std::size_t code_points = 0;
  // Pinyin of the current Han run, for names: syllables with the token bit of each.
  std::vector<std::pair<const NameReading*, std::uint64_t>> syllables;
  auto flush_names = [&] {
    for (std::size_t s = 0; s < syllables.size(); ++s) {
      // salted(name, '@') of the syllables joined, one more at a time, in
      // pinyin and, where a syllable is spelled otherwise, in Wade-Giles.
      WordId name = salted({}, '@'), wade_giles_name = name;
      bool spelled_otherwise = false;
      std::size_t name_size = 0;
      std::uint64_t bits = 0;
      for (std::size_t k = s; k < std::min(syllables.size(), s + 3); ++k) {
        const NameReading& syllable = *syllables[k].first;
        for (const unsigned char c : syllable.pinyin) name = word_id_step(name, c);
        for (const unsigned char c : syllable.wade_giles) wade_giles_name = word_id_step(wade_giles_name, c);
        spelled_otherwise = spelled_otherwise || syllable.wade_giles != syllable.pinyin;
        name_size += syllable.pinyin.size();
        bits |= syllables[k].second;
        if (name_size >= 2) {
          b.offer(name, bits);
          if (spelled_otherwise) b.offer(wade_giles_name, bits);
        }
      }
    }
    syllables.clear();
  };
  // Headwords longer than 8 characters (idioms, titles) are rare in running text; not looking them up saves half the time.
  const std::size_t lexicon_bytes = std::min<std::size_t>(8 * 3, lexicon_.max_headword_bytes());
  const std::size_t max_bytes = std::max(lexicon_bytes, glossary_terms_.max_headword_bytes());
  const bool glossary = !glossary_terms_.empty();
  // The glossary's terms are mostly written in Simplified: in Traditional text
  // they are also looked up in the sentence folded to Simplified a character
  // at a time, the folded characters at the same byte offsets; empty when
  // folding changes nothing.
  const std::string folded = glossary ? folded_to_simplified(text.substr(span.begin, span.size())) : std::string();
  const std::string_view glossary_text = folded.empty() ? text : std::string_view(folded);
  const std::size_t glossary_offset = folded.empty() ? 0 : span.begin;  // glossary_text[i - glossary_offset] is text[i]'s fold
  std::vector<std::size_t> ends;  // the candidate ends of a headword at pos (one vector for the sentence)
  std::vector<WordId> hashes;     // word_id of each candidate
  std::vector<WordId> glossary_hashes;  // ... of its fold to Simplified (see folded)
  while (pos < span.end) {
    if (next_number < numbers.size() && numbers[next_number].span().begin == pos) {
      const NumberMention& number = numbers[next_number++];
      if (!number.weak) {
        const WordId id = number_id(number);
        b.offer(id, b.token(id, id));
      }
      code_points += utf8::count(text.substr(pos, number.span().end - pos));
      pos = number.span().end;
      flush_names();
      continue;
    }
    const char c = text[pos];
    if (is_latin_word_byte(c)) {
      const std::size_t end = latin_run_end(text, pos, span.end);
      const std::string_view run = text.substr(pos, end - pos);
      const WordId id = english_word_id(run);
      b.offer(id, b.token(salted(run, 'L'), id));
      code_points += 1;  // a Latin token reads like one Chinese word
      pos = end;
      flush_names();
      continue;
    }
    std::size_t after = pos;
    const char32_t cp = next_code_point(text, after);
    if (!is_han(cp)) {
      if (cp == U'，' || cp == U'；' || cp == U'：' || cp == U'—' || cp == ',' || cp == ';' || cp == ':') b.clause_break();
      if (cp != ' ' && cp != '\t' && cp != '\n' && cp != '\r' && cp != 0x3000) ++code_points;
      pos = after;
      flush_names();
      continue;
    }
    // Longest headword starting here (glossary terms first).
    std::size_t best_end = after;
    Lexicon::Translations best;
    Lexicon::Translations glossary_hit;
    // The candidate ends and their hashes (word_id) in one pass over their
    // bytes, their buckets loaded side by side before the first is probed.
    // Past the lexicon's length, only as far as some glossary term goes on
    // (probing every length up to the longest term at every start made long
    // terms quadratic).
    const std::size_t limit = std::min(span.end, pos + max_bytes);
    const std::size_t lexicon_limit = std::min(span.end, pos + lexicon_bytes);
    ends.clear();
    hashes.clear();
    if (!folded.empty()) glossary_hashes.clear();
    {
      WordId hash = kWordIdBasis, glossary_hash = kWordIdBasis;
      std::size_t hashed = pos;
      for (std::size_t p = after; p <= limit;) {
        if (folded.empty()) {
          for (; hashed < p; ++hashed) hash = word_id_step(hash, static_cast<unsigned char>(text[hashed]));
        } else {
          for (; hashed < p; ++hashed) {
            hash = word_id_step(hash, static_cast<unsigned char>(text[hashed]));
            glossary_hash = word_id_step(glossary_hash, static_cast<unsigned char>(folded[hashed - glossary_offset]));
          }
          glossary_hashes.push_back(glossary_hash);
        }
        ends.push_back(p);
        hashes.push_back(hash);
        lexicon_.prefetch(hash);
        if (p >= limit) break;
        // Longer only while some headword or term starts with the text so far.
        const bool lexicon_goes_on = p < lexicon_limit && lexicon_.may_continue(hash);
        const bool term_goes_on = glossary && (glossary_prefixes_.find(FlatMap::key_of(hash)) != FlatMap::kNoValue ||
                                               (!folded.empty() && glossary_prefixes_.find(FlatMap::key_of(glossary_hash)) != FlatMap::kNoValue));
        if (!lexicon_goes_on && !term_goes_on) break;
        std::size_t past = p;  // (one decoding: not at() and then next())
        if (!is_han(next_code_point(text, past))) break;
        p = past;
      }
    }
    for (auto it = ends.rbegin(); it != ends.rend(); ++it) {
      const std::string_view word = text.substr(pos, *it - pos);
      const std::size_t candidate = static_cast<std::size_t>(ends.rend() - it) - 1;
      const WordId hash = hashes[candidate];
      if (glossary && !glossary_hit) {
        // A term as written (the glossary may list a Traditional form), or as the Traditional text folds.
        auto hit = glossary_terms_.find(word, hash);
        if (!hit && !folded.empty()) hit = glossary_terms_.find(glossary_text.substr(pos - glossary_offset, *it - pos), glossary_hashes[candidate]);
        if (hit) {
          glossary_hit = hit;
          if (!best) best_end = *it;
        }
      }
      if (!best) {
        if (const auto hit = lexicon_.find(word, hash)) {
          best = hit;
          if (!glossary_hit || *it > best_end) best_end = *it;
        }
      }
      if (best && (!glossary || glossary_hit)) break;
    }
    const std::string_view word = text.substr(pos, best_end - pos);
    const std::uint64_t bit = b.token(salted(word, 'Z'), 0);
    if (best)
      for (WordId id : best) b.offer(id, bit);
    if (glossary_hit)
      for (WordId id : glossary_hit) b.offer(id, bit);
    // Pinyin of every character, for names; and the glosses of each
    // character of a longer word, which often carry the sense the English
    // chose (走掉 "to leave": 走 "walk, go, run").
    const bool compound = best_end - pos > 3;
    for (std::size_t p = pos; p < best_end;) {
      const std::size_t char_begin = p;
      const char32_t han = next_code_point(text, p);
      if (compound && sub_glosses_)
        if (const auto hit = lexicon_.find(text.substr(char_begin, p - char_begin)))
          for (WordId id : hit) b.offer(id, bit);
      const NameReading& syllable = reading(han);
      if (!syllable.pinyin.empty()) syllables.emplace_back(&syllable, bit);
      ++code_points;
    }
    pos = best_end;
  }
  flush_names();
  b.features.length = static_cast<float>(code_points);
  return b.finish();
}

const FeatureExtractor::EnglishWord& FeatureExtractor::english_word(std::string_view run) {
  if (const auto found = english_words_.find(run); found != english_words_.end()) return found->second;
  EnglishWord word;
  // A typographic apostrophe read as the ASCII one, as the stopwords, stems and glosses write it.
  std::string lower;
  for (std::size_t k = 0; k < run.size(); ++k) {
    const bool apostrophe = run.compare(k, 3, "\xE2\x80\x99") == 0;
    lower += apostrophe ? '\'' : to_lower_ascii(run[k]);
    k += apostrophe ? 2 : 0;
  }
  word.skipped = is_english_stopword(lower) || lower == "i";
  if (!word.skipped) {
    word.plain = word_id(english_stem(lower));
    const std::string joined = joined_name(lower);
    word.may_name = run[0] >= 'A' && run[0] <= 'Z' && lower.size() >= 2 && lower.find_first_of("0123456789") == std::string::npos;
    word.joined = joined != lower;
    word.hyphen = lower.find('-') != std::string::npos;
    if (word.may_name) word.name = salted(joined, '@');
  }
  return english_words_.emplace(std::string(run), word).first->second;
}

FoundFeatures FeatureExtractor::english(std::string_view text, Span span, std::vector<NumberMention>* found_numbers) {
  Builder b(offer_only_, token_arena_);
  auto numbers = find_english_numbers(text, span);
  if (found_numbers) found_numbers->insert(found_numbers->end(), numbers.begin(), numbers.end());
  std::erase_if(numbers, [](const NumberMention& n) { return n.rendering; });  // words here ("both", 双)
  std::size_t next_number = 0;
  std::size_t pos = span.begin;
  bool first_word = true;
  while (pos < span.end) {
    if (next_number < numbers.size() && numbers[next_number].span().begin <= pos) {
      const NumberMention& number = numbers[next_number++];
      if (number.span().begin == pos) {
        if (!number.weak) {
          const WordId id = number_id(number);
          b.offer(id, b.token(id, id));
        }
        pos = std::max(pos + 1, number.span().end);
        first_word = false;
        continue;
      }
      continue;
    }
    if (!is_latin_word_byte(text[pos])) {
      const char c = text[pos];
      // Clause breaks: , ; : an em dash (E2 80 94), and an en dash (E2 80 93)
      // after a space, as British style sets the clause dash (unspaced it joins a range).
      if (c == ',' || c == ';' || c == ':' || (c == '\xE2' && text.substr(pos, 3) == "\xE2\x80\x94") ||
          (c == '\xE2' && text.substr(pos, 3) == "\xE2\x80\x93" && pos > span.begin && text[pos - 1] == ' '))
        b.clause_break();
      ++pos;
      continue;
    }
    std::size_t end = latin_run_end(text, pos, span.end);
    // A word goes on through a typographic apostrophe before a letter, as
    // through ' (can’t, Grannie’s: english_word reads it as '), and a
    // capitalised one through ü (Wade-Giles names: Pao-yü, Hsüeh).
    const bool capitalised = text[pos] >= 'A' && text[pos] <= 'Z';
    const auto umlaut_at = [&](std::size_t at) {
      return at + 1 < span.end && text[at] == '\xC3' && (text[at + 1] == '\xBC' || text[at + 1] == '\x9C');
    };
    for (;;) {
      if (end + 3 < span.end && text.compare(end, 3, "\xE2\x80\x99") == 0 && is_latin_word_byte(text[end + 3])) {
        end = latin_run_end(text, end + 3, span.end);
      } else if (capitalised && umlaut_at(end)) {
        end = end + 2 < span.end && is_latin_word_byte(text[end + 2]) ? latin_run_end(text, end + 2, span.end) : end + 2;
      } else if (capitalised && end + 1 < span.end && (text[end] == '-' || text[end] == '\'') &&
                 (umlaut_at(end + 1) || (end >= 2 && umlaut_at(end - 2) && is_latin_word_byte(text[end + 1])))) {
        // A hyphen or an aspiration mark before ü (Ch'ü, Ssu-ü), or after it (Lü-shun, Hsü-chou).
        end = umlaut_at(end + 1) ? end + 1 : latin_run_end(text, end + 1, span.end);
      } else {
        break;
      }
    }
    const std::string_view run = text.substr(pos, end - pos);
    pos = end;
    const bool initial = first_word;
    first_word = false;
    const EnglishWord& word = english_word(run);
    if (word.skipped) continue;
    // Pinyin names may join their syllables with hyphens (Xi-feng, Bao-yu): such a
    // word is taken for a name even at a sentence's start.
    if (word.may_name && (word.joined || (!initial && !word.hyphen))) {
      // A name: matched against the pinyin of the Chinese, else as an ordinary word ("God", "Party").
      const std::uint64_t bit = b.token(word.plain, word.name, word.plain);
      b.offer(word.name, bit);
      b.offer(word.plain, bit);
    } else {
      b.offer(word.plain, b.token(word.plain, word.plain));
    }
  }
  b.features.length = static_cast<float>(utf8::count(text.substr(span.begin, span.size())));
  return b.finish();
}

void count_quotes(std::string_view text, Span span, SentenceFeatures& features) {
  int closes = 0, depth = 0, marks = 0;
  auto open = [&] { ++depth, ++marks; };
  auto close = [&] { depth > 0 ? --depth : ++closes; ++marks; };
  auto is_word = [](char32_t cp) { return cp < 0x80 ? is_latin_word_byte(static_cast<char>(cp)) : cp != utf8::kInvalid && cp >= 0xC0 && cp < 0x2000; };
  char32_t previous = ' ';
  for (std::size_t pos = span.begin; pos < span.end;) {
    const unsigned char byte = static_cast<unsigned char>(text[pos]);
    // Fast path: only ", ' and marks from U+2018 or U+300C on can be quotes.
    if (byte < 0x80 && byte != '"' && byte != '\'') {
      previous = byte, ++pos;
      continue;
    }
    // And a whole character of U+4000..U+9FFF (lead bytes E4..E9: Han, most
    // of a Chinese text), which is neither a quotation mark nor a word
    // character, nor one of the marks a quote after it looks for: it stands
    // as `previous` for any of them.
    if (byte >= 0xE4 && byte <= 0xE9 && utf8::three_bytes_at(text.substr(0, span.end), pos)) {
      previous = 0x4E00, pos += 3;
      continue;
    }
    const char32_t cp = utf8::next(text, pos);
    const char32_t following = pos < span.end ? utf8::at(text, pos) : U' ';
    // A straight quote (or ’) is a closing one before a space or the end, an
    // opening one after a space, dash or bracket; between letters ’ and ' are apostrophes.
    const bool before_space = pos >= span.end || following == ' ' || following == '\t' || following == '\n' ||
                              following == '\r' || following == 0x3000;
    const bool after_space = previous == ' ' || previous == '\t' || previous == '\n' || previous == '(' || previous == '[' ||
                             previous == 0x2014 || previous == 0x2013 || previous == 0x3000 || previous == 0xFF1A ||
                             previous == 0xFF0C || previous == ':' || pos - (cp < 0x80 ? 1 : 3) == span.begin;
    switch (cp) {
      case 0x201C: case 0x2018: case 0x300C: case 0x300E: open(); break;  // “ ‘ 「 『
      case 0x201D: case 0x300D: case 0x300F: close(); break;              // ” 」 』
      case '"': case '\'': case 0x2019:
        if (cp != '"' && is_word(previous)) {
          // After a letter: an apostrophe (it's, Whiskers' fight), unless it
          // closes a quotation opened in this sentence ('play-fighting').
          if (!is_word(following) && depth > 0) close();
          break;
        }
        if (!before_space && after_space) open();
        else close();
        break;
      default: break;
    }
    previous = cp;
  }
  features.quote_closes = static_cast<std::uint32_t>(std::min(closes, SentenceFeatures::kMostQuotes));
  features.quote_opens = static_cast<std::uint32_t>(std::min(depth, SentenceFeatures::kMostQuotes));
  features.quote_marks = static_cast<std::uint32_t>(std::min(marks, 3));
}

std::uint8_t find_ending(std::string_view text, Span span) {
  std::uint8_t quoted = 0;  // kEndingQuoted once the last mark but spaces is a closing quotation mark
  bool last_mark = true;    // nothing but spaces read yet
  std::size_t end = span.end;
  while (end > span.begin) {
    std::size_t start = end;  // moved back to the last character's first byte
    switch (utf8::previous(text, start)) {
      case '?': case 0xFF1F: return kEndingQuestion | kEndingStop | quoted;  // ? ？
      case '!': case 0xFF01: return kEndingExclaims | kEndingStop | quoted;  // ! ！
      case '.': case 0x3002: case 0xFF0E: case 0x2026:  // . 。 ． …
      case ';': case 0xFF1B:  // ; ；: a clause of prose the segmenter cut there
        return kEndingStop | quoted;
      // Spaces, closing quotation marks and brackets: look through them.
      case ' ': case '\t': case '\n': case '\r': case 0x3000:
        end = start;
        break;
      case '"': case '\'': case 0x2019: case 0x201D: case 0x300D: case 0x300F: case 0x00BB: case 0x203A:
        if (last_mark) quoted = kEndingQuoted;
        last_mark = false;
        end = start;
        break;
      case ')': case ']': case 0xFF09: case 0x3011: case 0x300B: case 0x3009:
        last_mark = false;
        end = start;
        break;
      default: return quoted;
    }
  }
  return 0;
}

void mark_speech(std::vector<SentenceFeatures>& side) {
  bool inside = false;
  for (auto& s : side) {
    s.speech = inside || s.quote_marks > 0;
    if (s.quote_opens) inside = true;
    else if (s.quote_closes) inside = false;
  }
}

namespace {

// Sorts n distinct values of [0, range), spread about evenly over it (the
// vocabulary positions of a key's partners: positions in an order of
// hashes), as sort_by_id does: by buckets, then insertions that move little.
// (std::sort's comparisons were mispredicted 0.1M times on the x1 MAC-Dev pair.)
void sort_spread(std::uint32_t* values, std::size_t n, std::uint32_t range) {
  constexpr std::size_t kMostCounted = 256;
  if (n > kMostCounted) {
    std::sort(values, values + n);
    return;
  }
  if (n < 2) return;
  const std::size_t buckets = std::size_t{1} << (std::bit_width(n - 1) + 1);
  // bucket = value * buckets / range, by a multiplication: below buckets for every value below range.
  const std::uint64_t scale = (std::uint64_t{buckets} << 32) / range;
  std::array<std::uint16_t, 2 * kMostCounted + 1> start;
  std::fill_n(start.begin(), buckets + 1, std::uint16_t{0});
  for (std::size_t k = 0; k < n; ++k) ++start[(values[k] * scale >> 32) + 1];
  for (std::size_t b = 0; b < buckets; ++b) start[b + 1] = static_cast<std::uint16_t>(start[b + 1] + start[b]);
  std::array<std::uint32_t, kMostCounted> placed;
  for (std::size_t k = 0; k < n; ++k) placed[start[values[k] * scale >> 32]++] = values[k];
  for (std::size_t k = 0; k < n; ++k) {
    std::size_t at = k;
    while (at > 0 && values[at - 1] > placed[k]) values[at] = values[at - 1], --at;
    values[at] = placed[k];
  }
}

template <class Sorted, class Value>
int count_in(const Sorted& sorted, const Value& value) {
  const auto range = std::equal_range(sorted.begin(), sorted.end(), value);
  return static_cast<int>(range.second - range.first);
}

}  // namespace

namespace {

// Sorts the run appended since `start`'s last entry, drops repeats and ends it.
void close_run(std::vector<std::uint32_t>& all, std::vector<std::uint32_t>& start) {
  const auto first = all.begin() + static_cast<std::ptrdiff_t>(start.back());
  std::sort(first, all.end());
  all.erase(std::unique(first, all.end()), all.end());
  start.push_back(static_cast<std::uint32_t>(all.size()));
}

}  // namespace

void BeadRuns::close_bead() {
  close_run(zh, zh_start);
  close_run(en, en_start);
}

Associations associate(const BeadRuns& beads, double min_dice, int min_count) {
  // Keys and ids are dense (ranks, and vocabulary positions plus one): both
  // are counted in arrays indexed by them, not by sorting lists of them.
  std::uint32_t zh_end = 0, en_end = 0;
  for (const std::uint32_t z : beads.zh) zh_end = std::max(zh_end, z + 1);
  for (const std::uint32_t e : beads.en) en_end = std::max(en_end, e + 1);
  // Beads holding each English id (an id is once in a bead's run).
  std::vector<std::uint32_t> en_beads(en_end, 0);
  for (const std::uint32_t e : beads.en) ++en_beads[e];
  // The beads holding each Chinese key, by key, then bead (a key is once in
  // a run): counted by key, then placed; key z's at [key_start[z],
  // key_start[z + 1]). Beads, 4 bytes, where (key, bead) took 16 at the
  // aligner's peak (and positions in the runs took a search for their bead).
  // Placed for a block of keys at a time, holding at most block_room beads
  // (more for a key in more beads), the runs read again for each block: all
  // placed at once, they took as much as the runs, at the aligner's peak on a
  // book. (16K beads, or an eighth of the runs on a longer text: with
  // learn_count 2, the default, any two blocks in a row hold more than the
  // room, so there are at most 17; a higher count skips the keys of fewer
  // beads at a block's end, and the bound is about twice the runs over the
  // room. Either way reading the runs again for each stays linear.)
  std::vector<std::uint32_t> key_start(std::size_t{zh_end} + 1, 0);
  for (const std::uint32_t z : beads.zh) ++key_start[z + 1];
  for (std::size_t z = 0; z < zh_end; ++z) key_start[z + 1] += key_start[z];
  const std::size_t block_room = std::max<std::size_t>(16 * 1024, beads.zh.size() / 8);
  std::vector<std::uint32_t> zh_order;  // the block's beads, from key_start[block_first] on
  std::vector<std::uint32_t> next(key_start.begin(), key_start.end() - 1);  // where each key's next bead is placed
  std::uint32_t block_first = 0, block_end = 0;  // the keys placed
  Associations out;
  std::vector<std::uint32_t> together(en_end, 0);  // beads holding the current key and each id (0 between keys)
  std::vector<std::uint32_t> partners(std::size_t{en_end} + 1, 0);  // the ids seen with the current key, each once (and one more written)
  for (std::uint32_t z = 0; z < zh_end; ++z) {
    const int z_count = static_cast<int>(key_start[z + 1] - key_start[z]);
    if (z_count == 0 || z_count < min_count) continue;  // no id can be seen with it often enough (most keys)
    if (z >= block_end) {
      // The next block: keys z .. block_end - 1.
      block_first = z;
      for (block_end = z + 1; block_end < zh_end && key_start[block_end + 1] - key_start[z] <= block_room; ++block_end) {
      }
      zh_order.resize(key_start[block_end] - key_start[z]);
      for (std::size_t bead = 0; bead < beads.size(); ++bead)
        for (const std::uint32_t key : BeadRuns::run(beads.zh, beads.zh_start, bead))
          if (key - block_first < block_end - block_first) zh_order[next[key]++ - key_start[block_first]] = static_cast<std::uint32_t>(bead);
    }
    std::size_t k = key_start[z] - key_start[block_first];
    const std::size_t key_end = key_start[z + 1] - key_start[block_first];
    out.add_key(z, static_cast<std::uint32_t>(z_count));
    // Only the ids in as many beads as may make a pair with the key are
    // counted: one in id_beads beads is seen with it in at most
    // min(z_count, id_beads), and Dice grows with the count (the same test
    // as below, at that most). Those may on a range of id_beads, [fewest,
    // most]: Dice at that most grows with id_beads up to z_count, then falls.
    const auto may_pair = [&](std::uint32_t id_beads) {
      const int at_most = std::min(z_count, static_cast<int>(id_beads));
      return at_most >= min_count && Association{z, 0, at_most, z_count + static_cast<int>(id_beads)}.dice() >= min_dice;
    };
    // (Binary searches: the least that may up to z_count, the largest that may from it; none when z_count may not.)
    std::uint32_t fewest = 1, most = 0;
    if (may_pair(static_cast<std::uint32_t>(z_count))) {
      std::uint32_t low = 1, high = static_cast<std::uint32_t>(z_count);
      while (low < high) {
        const std::uint32_t middle = low + (high - low) / 2;
        if (may_pair(middle)) high = middle;
        else low = middle + 1;
      }
      fewest = low;
      low = static_cast<std::uint32_t>(z_count), high = static_cast<std::uint32_t>(beads.size());
      while (low < high) {
        const std::uint32_t middle = low + (high - low + 1) / 2;
        if (may_pair(middle)) low = middle;
        else high = middle - 1;
      }
      most = low;
    }
    // Without a branch an id (whether it is counted, and first seen, goes
    // either way at random): each id is written after the partners, which
    // grow by one where it is new. (Room for every id: each is there once.)
    std::size_t found = 0;
    const std::uint32_t span = most - fewest;  // (most < fewest: none is counted)
    for (; k < key_end; ++k)
      for (const std::uint32_t e : BeadRuns::run(beads.en, beads.en_start, zh_order[k])) {
        const bool counted = most >= fewest && en_beads[e] - fewest <= span;
        const bool first = counted & (together[e] == 0);
        together[e] += counted;
        partners[found] = e;
        found += first;
      }
    sort_spread(partners.data(), found, en_end);
    for (std::size_t p = 0; p < found; ++p) {
      const std::uint32_t e = partners[p];
      const int seen = static_cast<int>(std::exchange(together[e], 0));
      if (seen < min_count) continue;  // (most pairs)
      const Association pair{z, e, seen, z_count + static_cast<int>(en_beads[e])};
      if (pair.dice() >= min_dice) out.add_pair(e, static_cast<std::uint32_t>(seen));
    }
    out.drop_empty_key();
  }
  out.set_id_beads(std::move(en_beads));
  return out;
}

std::vector<std::pair<std::uint32_t, std::uint32_t>> link_words(const BeadRuns& beads, const Associations& associations,
                                                                 const ExplainedPairs& explained) {
  std::vector<std::pair<std::uint32_t, std::uint32_t>> links;
  std::vector<std::tuple<double, std::uint32_t, std::uint32_t>> candidates;
  std::vector<std::uint32_t> zh_linked;
  std::vector<std::uint32_t> en_linked;
  // The associations (sorted by key, then id) of each key: [first(q), first(q + 1)) for keys()[q].
  const std::vector<std::uint32_t>& keys = associations.keys();
  // The first association of [first, last) whose id is not below e.
  const auto lower_id = [&](std::size_t first, std::size_t last, std::uint32_t e) {
    return first_not_below(first, last, [&](std::size_t a) { return associations.id(a) < e; });
  };
  for (std::size_t bead = 0; bead < beads.size(); ++bead) {
    const auto en = BeadRuns::run(beads.en, beads.en_start, bead);
    candidates.clear();
    // Each key's pairs with the bead's ids: from whichever of its
    // associations and the ids are fewer (a common key, on a long text,
    // has associations with thousands of ids, a bead a dozen).
    for (const auto z : BeadRuns::run(beads.zh, beads.zh_start, bead)) {
      const std::size_t q = first_not_below(0, keys.size(), [&](std::size_t k) { return keys[k] < z; });
      if (q == keys.size() || keys[q] != z) continue;
      const std::size_t first = associations.first(q), last = associations.first(q + 1);
      if (last - first <= en.size()) {
        for (std::size_t a = first; a != last; ++a)
          if (std::binary_search(en.begin(), en.end(), associations.id(a))) candidates.emplace_back(associations.at(q, a).dice(), z, associations.id(a));
      } else {
        std::size_t a = first;
        for (const std::uint32_t e : en) {
          a = lower_id(a, last, e);
          if (a == last) break;
          if (associations.id(a) == e) candidates.emplace_back(associations.at(q, a).dice(), z, e);
        }
      }
    }
    // Strongest first (ties by the keys: the same links on every run).
    std::sort(candidates.begin(), candidates.end(), std::greater<>());
    // What the offers explain is linked already (a key stays once per id it
    // explains: it may explain as many as it links).
    zh_linked.clear();
    en_linked.clear();
    explained(bead, zh_linked, en_linked);
    for (const auto& [dice, z, e] : candidates) {
      if (std::find(en_linked.begin(), en_linked.end(), e) != en_linked.end()) continue;
      if (std::count(zh_linked.begin(), zh_linked.end(), z) >= kLinksPerChineseWord) continue;
      zh_linked.push_back(z);
      en_linked.push_back(e);
      links.emplace_back(z, e);
    }
  }
  std::sort(links.begin(), links.end());
  return links;
}

std::size_t learn_pairs(std::vector<SentenceFeatures>& zh_side, const std::vector<SentenceFeatures>& en_side,
                        const Path& path, double min_dice, int min_count, int trusted_count) {
  BeadRuns runs;
  // At most every token of each side (growing by doubling held up to twice that).
  std::size_t zh_tokens = 0, en_tokens = 0;
  for (const auto& s : zh_side) zh_tokens += s.tokens.size();
  for (const auto& s : en_side) en_tokens += s.tokens.size();
  runs.zh.reserve(zh_tokens);
  runs.en.reserve(en_tokens);
  for (auto* start : {&runs.zh_start, &runs.en_start}) start->reserve(path.size() + 1);
  std::size_t i0 = 0, j0 = 0;  // the step's first sentences
  for (const PathStep& step : path) {
    const std::size_t i1 = i0 + step.zh, j1 = j0 + step.en;
    if (step.zh > 0 && step.en > 0) {
      for (std::size_t i = i0; i < i1; ++i)
        for (const std::uint32_t rank : zh_side[i].tokens.ranks()) runs.zh.push_back(rank);
      for (std::size_t j = j0; j < j1; ++j)
        for (const std::uint32_t position : en_side[j].tokens.positions()) runs.en.push_back(position);
      runs.close_bead();
    }
    i0 = i1, j0 = j1;
  }
  // A pair seen in a few beads may be a word and its neighbour's translation
  // (a name beside "lab", a disease beside "virus"): it counts only as often
  // as competitive linking pairs the two. Pairs seen in trusted_count beads or
  // more are trusted on their Dice coefficient alone.
  Associations associations = associate(runs, min_dice, min_count);
  // The Chinese sentences of each pairing bead, found by walking the path as
  // link_words asks for the beads, in order (a table of them would add to the
  // learning's peak; a caller that skipped or went back is stopped here).
  std::size_t step = 0, step_first = 0;  // the next step, and its first Chinese sentence
  std::size_t next_bead = 0;
  const auto explained = [&](std::size_t bead, std::vector<std::uint32_t>& keys, std::vector<std::uint32_t>& ids_explained) {
    if (bead != next_bead++) throw std::logic_error("learn_pairs: link_words asked for the beads out of order");
    while (path[step].zh == 0 || path[step].en == 0) step_first += path[step++].zh;
    const std::size_t first = step_first, end = step_first + path[step].zh;
    step_first = end, ++step;
    const auto ids = BeadRuns::run(runs.en, runs.en_start, bead);  // (sorted)
    for (std::size_t i = first; i < end; ++i) {
      const auto ranks = zh_side[i].tokens.ranks();
      // (Both ascending: one walk along the ids, not a search for each offer.)
      auto id = ids.begin();
      zh_side[i].offers.for_each_position([&](std::uint32_t position, std::uint64_t bits) {
        while (id != ids.end() && *id < position + 1) ++id;
        if (id != ids.end() && *id == position + 1) {
          ids_explained.push_back(position + 1);
          for (std::uint64_t b = bits; b; b &= b - 1) keys.push_back(ranks[static_cast<std::size_t>(std::countr_zero(b))]);
        }
      });
    }
  };
  auto links = link_words(runs, associations, explained);
  runs = BeadRuns{};  // (not needed from here: freed before the learned pairs are made)
  // The learned pairs, sorted by key and id (as the associations are);
  // counted first, so that the vector is made once at its size (growing it
  // held twice its room at once, the aligner's peak on a book).
  const auto kept = [&](const Association& pair) {
    Association seen = pair;
    if (pair.together < trusted_count) seen.together = count_in(links, std::make_pair(pair.zh, pair.en));
    return seen.together >= min_count && seen.dice() >= min_dice;
  };
  const auto for_each_kept = [&](auto f) {
    for (std::size_t q = 0; q < associations.keys().size(); ++q)
      for (std::size_t k = associations.first(q); k < associations.first(q + 1); ++k)
        if (const Association pair = associations.at(q, k); kept(pair)) f(pair);
  };
  std::vector<std::pair<std::uint32_t, std::uint32_t>> learned;
  std::size_t count = 0;
  for_each_kept([&](const Association&) { ++count; });
  learned.reserve(count);
  for_each_kept([&](const Association& pair) { learned.emplace_back(pair.zh, pair.en); });
  associations = Associations();
  std::vector<std::pair<std::uint32_t, std::uint32_t>>().swap(links);
  if (learned.empty()) return 0;
  const auto by_key = [](const std::pair<std::uint32_t, std::uint32_t>& pair, std::uint32_t key) { return pair.first < key; };
  // Most keys learned nothing: a bit per key's low bits rules most of them out without a search.
  std::array<std::uint64_t, 64> maybe{};
  for (const auto& [key, id] : learned) maybe[(key >> 6) & 63] |= std::uint64_t{1} << (key & 63);
  std::vector<std::pair<std::uint32_t, std::uint64_t>> more;  // (position, bits)
  for (auto& s : zh_side) {
    more.clear();
    const auto ranks = s.tokens.ranks();
    for (std::size_t k = 0; k < ranks.size(); ++k) {
      const std::uint32_t key = ranks[k];
      if (!(maybe[(key >> 6) & 63] >> (key & 63) & 1)) continue;
      // (An id of 0, a Chinese word of a Chinese "English" side, is in no vocabulary: offered by none.)
      for (auto found = std::lower_bound(learned.begin(), learned.end(), key, by_key); found != learned.end() && found->first == key; ++found)
        if (found->second) more.emplace_back(found->second - 1, std::uint64_t{1} << k);
    }
    if (!more.empty()) s.offers.add(more);
  }
  return learned.size();
}

void Tokens::make(std::size_t size, std::uint8_t held, TokenArena* arena) {
  release();
  if (size == 0) return;
  auto* block = arena ? arena->room(block_bytes(size, held)) : new std::byte[block_bytes(size, held)]();
  block[0] = static_cast<std::byte>(size);
  block[1] = static_cast<std::byte>(held);
  word_ = reinterpret_cast<std::uintptr_t>(block) | (arena ? kPooled : 0);
}

void Tokens::assign(std::span<const std::uint64_t> keys, std::span<const WordId> ids, std::span<const WordId> alt_ids,
                    TokenArena* arena) {
  auto any = [](std::span<const WordId> list) { return std::any_of(list.begin(), list.end(), [](WordId id) { return id != 0; }); };
  const bool ids_are_keys = std::equal(ids.begin(), ids.end(), keys.begin(), keys.end());
  const auto held = static_cast<std::uint8_t>((ids_are_keys ? kIdsAreKeys : any(ids) ? kIds : 0) | (any(alt_ids) ? kAltIds : 0));
  make(keys.size(), held, arena);
  if (empty()) return;
  std::uint64_t* out = std::copy(keys.begin(), keys.end(), words());
  if (held & kIds) out = std::copy(ids.begin(), ids.end(), out);
  if (held & kAltIds) std::copy(alt_ids.begin(), alt_ids.end(), out);
}

std::uint8_t Tokens::interned_held(std::size_t size, std::span<const std::uint32_t> codes, std::span<const std::uint32_t> alt,
                                   std::span<const std::uint32_t> keys, bool rates) {
  const bool any_alt = std::any_of(alt.begin(), alt.end(), [](std::uint32_t code) { return code != 0; });
  const auto wide = [&](std::span<const std::uint32_t> list) {
    return std::any_of(list.begin(), list.begin() + static_cast<std::ptrdiff_t>(std::min(list.size(), size)),
                       [](std::uint32_t code) { return code > 0xFFFF; });
  };
  const bool narrow = !wide(codes) && !(any_alt && wide(alt)) && !wide(keys);
  return static_cast<std::uint8_t>(kInterned | (any_alt ? kAltCodes : 0) | (narrow ? kNarrow : 0) | (keys.empty() ? 0 : kKeyCodes) |
                                   (rates ? kRates : 0));
}

void Tokens::write_interned(std::byte* at, std::uint8_t held, std::span<const std::uint32_t> codes,
                            std::span<const std::uint32_t> alt, std::span<const std::uint32_t> keys) const {
  const std::size_t size = this->size();
  at[0] = static_cast<std::byte>(size);
  at[1] = static_cast<std::byte>(held);
  at[2] = at[3] = std::byte{0};
  auto* floats = reinterpret_cast<float*>(at + header_bytes(held));
  std::fill(floats, floats + rate_bytes(size, held) / sizeof(float), 0.f);
  std::byte* out = at + header_bytes(held) + rate_bytes(size, held);
  auto put = [&](std::span<const std::uint32_t> list, std::size_t array) {
    if (held & kNarrow) {
      auto* to = reinterpret_cast<std::uint16_t*>(out) + array * size;
      for (std::size_t k = 0; k < size; ++k) to[k] = static_cast<std::uint16_t>(list[k]);
    } else {
      std::copy(list.begin(), list.begin() + static_cast<std::ptrdiff_t>(size), reinterpret_cast<std::uint32_t*>(out) + array * size);
    }
  };
  put(codes, 0);
  if (held & kAltCodes) put(alt, 1);
  if (held & kKeyCodes) put(keys, (held & kAltCodes) ? 2 : 1);
}

void Tokens::intern(std::span<const std::uint32_t> codes, std::span<const std::uint32_t> alt, std::span<const std::uint32_t> keys,
                    bool rates) {
  const std::size_t size = this->size();
  Tokens interned;
  if (size) {
    const std::uint8_t held = interned_held(size, codes, alt, keys, rates);
    interned.make(size, held);
    write_interned(interned.block(), held, codes, alt, keys);
  }
  *this = std::move(interned);
}

void Tokens::intern_into(std::byte* at, std::span<const std::uint32_t> codes, std::span<const std::uint32_t> alt,
                         std::span<const std::uint32_t> keys, bool rates) {
  if (!word_) return;
  write_interned(at, interned_held(size(), codes, alt, keys, rates), codes, alt, keys);
  release();
  word_ = reinterpret_cast<std::uintptr_t>(at) | kPooled;
}

void Tokens::pool_into(std::byte* at) {
  if (!word_) return;
  std::copy(block(), block() + block_bytes(size(), held()), at);
  release();
  word_ = reinterpret_cast<std::uintptr_t>(at) | kPooled;
}

Tokens& Tokens::operator=(const Tokens& other) {
  if (this == &other) return *this;
  make(other.size(), other.held());
  if (word_) std::copy(other.block(), other.block() + block_bytes(other.size(), other.held()), block());
  return *this;
}

namespace {

// An entry for each token bit of an offer at a vocabulary position: the step
// from the previous entry's position times 64 plus the bit number, 7 bits a
// byte (most entries two bytes, a further token of one id one). Positions
// come in ascending order.
void append_offer_entries(std::vector<std::uint8_t>& bytes, std::uint32_t& previous, std::uint32_t position,
                          std::uint64_t bits) {
  for (; bits; bits &= bits - 1) {
    std::uint64_t value = std::uint64_t{position - previous} << 6 | static_cast<std::uint64_t>(std::countr_zero(bits));
    previous = position;
    for (; value >= 0x80; value >>= 7) bytes.push_back(static_cast<std::uint8_t>(value | 0x80));
    bytes.push_back(static_cast<std::uint8_t>(value));
  }
}

}  // namespace

void Offers::take_entries(const std::vector<std::uint8_t>& bytes) {
  release();
  const auto size = static_cast<std::uint32_t>(bytes.size());
  if (size == 0) return;
  if (size <= kInlineBytes) {
    word_ = kInline | std::uintptr_t{size} << 1;
    for (std::size_t k = 0; k < size; ++k) word_ |= std::uintptr_t{bytes[k]} << (8 * (k + 1));
    return;
  }
  auto* block = new std::uint8_t[kHeader + size];
  std::memcpy(block, &size, sizeof size);
  std::copy(bytes.begin(), bytes.end(), block + kHeader);
  word_ = reinterpret_cast<std::uintptr_t>(block);
}

void Offers::assign(std::span<const Offer> sorted, const Vocabulary& vocabulary) {
  std::vector<std::uint8_t> bytes;
  bytes.reserve(2 * sorted.size());  // an entry a (mostly one-token) offer, mostly two bytes: one allocation, not one per doubling
  std::uint32_t previous = 0;
  // The ids are ascending: each is looked for from where the one before was,
  // by steps doubling until past it, then by halves (most are near).
  const auto ids_end = vocabulary.ids.end();
  auto from = vocabulary.ids.begin();
  for (const auto& [id, offered] : sorted) {
    if (!vocabulary.slots.empty()) {  // (a lookup, where there are slots)
      if (const std::uint32_t found = vocabulary.find(id)) append_offer_entries(bytes, previous, found - 1, offered);
      continue;
    }
    std::ptrdiff_t reach = 1;
    while (reach < ids_end - from && from[reach - 1] < id) reach *= 2;
    from = std::lower_bound(from, from + std::min(reach, ids_end - from), id);
    if (from == ids_end || *from != id) continue;
    append_offer_entries(bytes, previous, static_cast<std::uint32_t>(from - vocabulary.ids.begin()), offered);
  }
  take_entries(bytes);
}

Offers& Offers::operator=(const Offers& other) {
  if (this == &other) return *this;
  release();
  if (!other.word_ || (other.word_ & kInline)) {
    word_ = other.word_;
    return *this;
  }
  std::uint32_t size = 0;
  std::memcpy(&size, other.block(), sizeof size);
  auto* block = new std::uint8_t[kHeader + size];
  std::copy(other.block(), other.block() + kHeader + size, block);
  word_ = reinterpret_cast<std::uintptr_t>(block);
  return *this;
}

void Offers::add(const std::vector<std::pair<std::uint32_t, std::uint64_t>>& more) {
  // The new offers by position, merged with the held ones: the entries
  // assign would make of all of them. The held entries are copied as they
  // are where neither an offer of their id is added nor one before them
  // (an entry's step is from the entry before it): the entries of a few
  // added ids, not every held one decoded and made again.
  std::vector<std::pair<std::uint32_t, std::uint64_t>> extra = more;
  std::sort(extra.begin(), extra.end());
  std::array<std::uint8_t, kInlineBytes> local;
  const std::uint8_t* entries = nullptr;
  const std::uint32_t size = view(local, entries);
  std::vector<std::uint8_t> bytes;
  bytes.reserve(size + 2 * more.size());
  std::uint32_t previous = 0;  // the position of the last entry written
  std::uint32_t held = 0;      // ... and of the last held one read
  std::size_t e = 0;
  // The added offers of the next added position (their bits together), written.
  const auto write_extra = [&] {
    const std::uint32_t position = extra[e].first;
    std::uint64_t bits = 0;
    for (; e < extra.size() && extra[e].first == position; ++e) bits |= extra[e].second;
    append_offer_entries(bytes, previous, position, bits);
  };
  for (std::size_t k = 0; k < size;) {
    const std::size_t start = k;
    const std::uint32_t before = held;
    const auto [position, bits] = run(entries, size, k, held);
    while (e < extra.size() && extra[e].first < position) write_extra();
    std::uint64_t merged = bits;
    for (; e < extra.size() && extra[e].first == position; ++e) merged |= extra[e].second;
    if (merged == bits && previous == before) {
      bytes.insert(bytes.end(), entries + start, entries + k);
      previous = position;
    } else {
      append_offer_entries(bytes, previous, position, merged);
    }
  }
  while (e < extra.size()) write_extra();
  take_entries(bytes);
}

std::uint64_t Offers::bits_at(std::uint32_t wanted) const {
  std::array<std::uint8_t, kInlineBytes> local;
  const std::uint8_t* entries = nullptr;
  const std::uint32_t size = view(local, entries);
  std::uint32_t position = 0;
  for (std::size_t k = 0; k < size;) {
    const auto [at, bits] = run(entries, size, k, position);
    if (at >= wanted) return at == wanted ? bits : 0;
  }
  return 0;
}

Vocabulary vocabulary_of(const std::vector<SentenceFeatures>& side, const FoundOffers& found_offers) {
  Vocabulary vocabulary;
  std::vector<WordId>& ids = vocabulary.ids;
  // Sorted and made distinct whenever they have doubled since: a book's
  // tokens and offers repeat a few thousand words, and listing every one
  // held several times the distinct ones.
  std::size_t distinct = 0;
  std::vector<WordId> scratch;
  auto deduplicate = [&] {
    radix_sort(ids, scratch);
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    distinct = ids.size();
  };
  auto added = [&] {
    if (ids.size() >= 2 * distinct + 4096) deduplicate();
  };
  for (const auto& s : side) {
    ids.insert(ids.end(), s.tokens.ids().begin(), s.tokens.ids().end());
    ids.insert(ids.end(), s.tokens.alt_ids().begin(), s.tokens.alt_ids().end());
    added();
  }
  for (std::size_t k = 0; k < found_offers.size(); ++k) {
    for (const auto& offer : found_offers[k]) ids.push_back(offer.first);
    added();
  }
  deduplicate();
  if (!ids.empty() && ids.front() == 0) ids.erase(ids.begin());
  ids.shrink_to_fit();
  vocabulary.filter.assign((std::size_t{1} << Vocabulary::kFilterBits) / 64, 0);
  for (const WordId id : ids) {
    const std::size_t bit = id & ((std::uint64_t{1} << Vocabulary::kFilterBits) - 1);
    vocabulary.filter[bit / 64] |= std::uint64_t{1} << (bit % 64);
  }
  vocabulary.slots.assign(std::bit_ceil(std::max<std::size_t>(2 * ids.size(), 2)), {});
  const std::size_t mask = vocabulary.slots.size() - 1;
  for (std::size_t k = 0; k < ids.size(); ++k) {
    std::size_t at = Vocabulary::slot_of(ids[k], mask);
    while (vocabulary.slots[at].position != 0) at = (at + 1) & mask;
    vocabulary.slots[at] = {ids[k], static_cast<std::uint32_t>(k + 1)};
  }
  return vocabulary;
}

void intern_side(std::vector<SentenceFeatures>& side, bool chinese, const Vocabulary& vocabulary, TokenPools& pools) {
  // Document frequency of every token key on each side: each distinct key
  // counted in a hash map as the tokens are read, then the distinct keys
  // sorted, a key's rank its place among them. (The side's keys gathered
  // and sorted took two 8-byte words a token, the aligner's peak on a file
  // of short lines, and each token's rank was searched for among them;
  // hash maps of node per key took an allocation a key.)
  // chinese: the Chinese side, whose keys become their ranks among its distinct keys
  // (what learn_pairs reads); else the ids become their vocabulary positions,
  // with the keys' ranks beside them.
  TokenTable& table = chinese ? pools.zh : pools.en;
  std::size_t tokens = 0;
  KeyIndex index_of;                   // key -> its index in `distinct` (in order of first appearance)
  std::vector<std::uint64_t> distinct;
  std::vector<int> counts;             // by index
  for (const auto& s : side) {
    tokens += s.tokens.size();
    for (const std::uint64_t key : s.tokens.keys()) {
      bool added = false;
      const std::uint32_t at = index_of.first_or_add(key, static_cast<std::uint32_t>(distinct.size()), added);
      if (added) distinct.push_back(key), counts.push_back(1);
      else ++counts[at];
    }
  }
  // The distinct keys in ascending order (with their indices), and each index's rank.
  std::vector<std::pair<std::uint64_t, std::uint32_t>> ascending(distinct.size());
  for (std::size_t k = 0; k < distinct.size(); ++k) ascending[k] = {distinct[k], static_cast<std::uint32_t>(k)};
  std::vector<std::uint64_t>().swap(distinct);
  std::sort(ascending.begin(), ascending.end());
  std::vector<std::uint32_t> rank_of(ascending.size());
  for (std::size_t rank = 0; rank < ascending.size(); ++rank) rank_of[ascending[rank].second] = static_cast<std::uint32_t>(rank);
  const double n = static_cast<double>(side.size());
  // Each key's weight, by its rank.
  table.weights.resize(ascending.size());
  for (std::size_t rank = 0; rank < ascending.size(); ++rank)
    table.weights[rank] = static_cast<float>(std::log(1.0 + n / counts[ascending[rank].second]));
  decltype(ascending)().swap(ascending);
  decltype(counts)().swap(counts);
  const auto rank_of_key = [&](std::uint64_t key) { return rank_of[index_of.find(key)]; };
  // Each sentence's tokens interned straight into the pool's last block,
  // blocks made as they fill: interned one block a sentence, then all
  // moved into one, they were held twice at once, the aligner's peak on a book.
  constexpr std::size_t kBlockBytes = 64 * 1024;
  std::byte* at = nullptr;
  std::size_t left = 0;                // room in the last block
  std::size_t tokens_left = tokens, sentences_left = side.size();
  std::array<std::uint32_t, kMaxTokens> codes{}, alt{}, ranks{};
  // A sentence interned into the same bytes as one of the last ones
  // shares its block (held by each sentence's index plus one, by the
  // bytes' hash): the English side's tokens hold no rates (they are read
  // from the table), the Chinese side's do, and share only with a
  // sentence offering the same (see share_recent_block). A file of
  // repeated short lines held a block a line.
  RecentTokenBlocks recent{};
  for (auto& s : side) {
    const std::size_t size = s.tokens.size();
    bool any_alt = false;
    for (std::size_t k = 0; k < size; ++k) {
      const std::uint32_t rank = rank_of_key(s.tokens.keys()[k]);
      if (chinese) {
        codes[k] = static_cast<std::uint32_t>(rank);
      } else {
        ranks[k] = static_cast<std::uint32_t>(rank);
        codes[k] = vocabulary.find(s.tokens.ids()[k]);
        const WordId alt_id = s.tokens.alt_ids()[k];
        alt[k] = alt_id ? vocabulary.find(alt_id) : 0;
        any_alt = any_alt || alt[k];
      }
    }
    const std::span<const std::uint32_t> these(codes.data(), size);
    const auto these_alt = any_alt ? std::span<const std::uint32_t>(alt.data(), size) : std::span<const std::uint32_t>();
    const auto these_keys = chinese ? std::span<const std::uint32_t>() : std::span<const std::uint32_t>(ranks.data(), size);
    const std::size_t room = Tokens::interned_bytes(size, these, these_alt, these_keys, chinese);
    if (room > left) {
      // (The rest of the side as it mostly interns: 6 bytes a token, 4 a sentence.)
      left = std::max(room, std::min(kBlockBytes, 6 * tokens_left + 4 * sentences_left));
      pools.blocks.push_back(std::make_unique<std::byte[]>(left));
      at = pools.blocks.back().get();
    }
    s.tokens.intern_into(at, these, these_alt, these_keys, chinese);
    tokens_left -= size, --sentences_left;
    if (size > 0 && share_recent_block(side, static_cast<std::size_t>(&s - side.data()), recent))
      continue;  // (its room is written over by the next sentence's)
    at += room, left -= room;
  }
}

void rate_tokens(std::vector<SentenceFeatures>& zh_side, const std::vector<SentenceFeatures>& en_side,
                 std::size_t vocabulary_size, TokenTable& en_table) {
  // Chance that a random sentence of the other side covers a token, per unit of its length.
  // Sentences of each side offering each id, by the id's position in the vocabulary.
  auto mean_length = [](const std::vector<SentenceFeatures>& side) {
    double total_length = 0;
    for (const auto& s : side) total_length += s.length;
    return std::max(1.0, total_length / std::max<double>(1, static_cast<double>(side.size())));
  };
  auto rate_of = [](double p, double mean) { return static_cast<float>(-std::log(1 - std::min(p, 0.95)) / mean); };
  // The Chinese tokens first: each by the shares of the English sentences
  // offering the ids it offers. Their offers are read once, and counted for
  // the English tokens' rates on the way (they were read twice).
  // (An id's counts and share in one record: a Chinese sentence's offers
  // read them at random positions, a cache miss each where they were three.)
  struct IdCounts {
    double share = 0;     // of the English sentences offering the id
    int en_offered = 0;   // English sentences offering it
    int zh_offered = 0;   // Chinese ones
  };
  std::vector<IdCounts> counts(vocabulary_size);
  for (const auto& s : en_side) s.offers.for_each_position([&](std::uint32_t position, std::uint64_t) { ++counts[position].en_offered; });
  {
    const double n = std::max<double>(1, static_cast<double>(en_side.size()));
    const double mean = mean_length(en_side);
    // (Each id's share divided once, not at each of its offers.)
    for (IdCounts& id : counts) id.share = id.en_offered / n;
    std::vector<double> offered_share;  // by token: the shares of the ids it offers, summed by ascending id
    for (auto& s : zh_side) {
      const std::span<float> rates = s.tokens.rates();
      offered_share.assign(rates.size(), 0.0);
      s.offers.for_each_position([&](std::uint32_t position, std::uint64_t bits) {
        IdCounts& id = counts[position];
        ++id.zh_offered;
        if (id.en_offered)
          for (; bits; bits &= bits - 1) offered_share[static_cast<std::size_t>(std::countr_zero(bits))] += id.share;
      });
      for (std::size_t k = 0; k < rates.size(); ++k) rates[k] = rate_of(offered_share[k], mean);
    }
  }
  // An English token's rate is its id's (the same for every sentence
  // needing it): by its position plus one (0: in no vocabulary).
  const double n = std::max<double>(1, static_cast<double>(zh_side.size()));
  const double mean = mean_length(zh_side);
  en_table.rates.assign(counts.size() + 1, rate_of(0, mean));
  for (std::size_t position = 0; position < counts.size(); ++position)
    if (counts[position].zh_offered) en_table.rates[position + 1] = rate_of(counts[position].zh_offered / n, mean);
}

}  // namespace tc
