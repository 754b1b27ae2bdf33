#include "rules/typography/doubled_character.h"

#include <algorithm>
#include <array>

#include <unicode/brkiter.h>
#include <unicode/unistr.h>

#include <memory>

#include "core/utf8.h"
#include "rules/typography/text.h"
#include "text/chinese_fold.h"

namespace tc {
namespace {

using namespace typography;

// Function characters that Chinese never reduplicates: "的的", "在在" are slips.
// (Open-class characters reduplicate freely - 看看, 慢慢, 哈哈, 冉冉, 袅袅 - so
// flagging every doubled character not on an allowlist is noise on real text.)
// The lists here are Simplified: a Traditional character is looked up as its
// Simplified form (這 as 这, simplified_character).
constexpr std::u32string_view kNeverDoubled = U"的在是和与及或把被从对于以将而并其该但因所为向由很最更已之者们吗这那就也都还有";

// Reduplications that stay legal whatever the lists above say (the usual
// allowlist; kept so that adding a character to kNeverDoubled cannot break them).
constexpr std::u32string_view kReduplications[] = {
    U"常常", U"慢慢", U"人人", U"天天", U"刚刚", U"渐渐", U"往往", U"谢谢", U"看看", U"妈妈", U"爸爸",
    U"哥哥", U"姐姐", U"弟弟", U"妹妹", U"星星", U"宝宝", U"悄悄", U"明明", U"仅仅", U"稍稍", U"默默",
    U"纷纷", U"偏偏", U"处处", U"时时", U"层层", U"个个", U"条条", U"年年", U"家家"};

// Two-character words that are doubled on purpose (verbs "研究研究", adjectives
// "雪白雪白", onomatopoeia "哗啦哗啦").
constexpr std::u32string_view kDoubledWords[] = {
    U"研究", U"考虑", U"休息", U"商量", U"讨论", U"学习", U"打扫", U"活动", U"锻炼", U"练习",
    U"整理", U"收拾", U"打听", U"琢磨", U"比划", U"溜达", U"热闹", U"暖和", U"高兴", U"凉快",
    U"轻松", U"放松", U"介绍", U"准备", U"检查", U"雪白", U"通红", U"冰凉", U"笔直", U"漆黑",
    U"哗啦", U"叮当", U"扑通", U"咕噜", U"滴答", U"嘀嗒", U"咕咚", U"轰隆", U"咔嚓", U"乒乓"};

struct Han {
  char32_t cp;
  std::size_t begin;
  std::size_t end;
};

// How far the scan of a run looks from a character: back (AABB, ABABAB and
// the segmentation's window) and ahead. A run this long is scanned before it ends.
constexpr std::size_t kRunLookbehind = 3;
constexpr std::size_t kRunLookahead = 6;
constexpr std::size_t kRunScanAt = 4096;

bool contains(std::u32string_view set, char32_t cp) { return set.find(cp) != std::u32string_view::npos; }

// Last characters of nouns (患者, 医生, 病毒, 疫苗...). A doubled two-character
// word is flagged only when it ends in one: verbs (走动走动) and onomatopoeia
// (咯当咯当, 哈达哈达) reduplicate freely, nouns do not.
constexpr std::u32string_view kNounEndings =
    U"者人员生师家士性物品剂药病症率度量素质体法院部国市省区局厂校机器苗毒菌胞液血瘤癌炎疗果据题统况案式型类件术";

// ICU's dictionary word segmentation, created on the first doubled character of a check.
class ChineseWords {
 public:
  // True when the first copy of a doubled character ends a longer word, so
  // the two copies belong to different words (现在|在, 研究所|所长, 目的|的).
  // ICU's dictionary also holds pronoun + particle pairs (我的, 他在) that are
  // not words in this sense; they do not count.
  bool legitimate(std::string_view prose, const std::vector<Han>& run, std::size_t first) {
    if (!iterator_) {
      UErrorCode status = U_ZERO_ERROR;
      iterator_.reset(icu::BreakIterator::createWordInstance(icu::Locale::getChinese(), status));
      if (U_FAILURE(status)) iterator_.reset();
      if (!iterator_) return true;  // no segmentation, no finding
    }
    const std::size_t from = first >= 3 ? first - 3 : 0;
    const std::size_t to = std::min(run.size(), first + 5);
    const std::string_view window = prose.substr(run[from].begin, run[to - 1].end - run[from].begin);
    const icu::UnicodeString text =
        icu::UnicodeString::fromUTF8(icu::StringPiece(window.data(), static_cast<int32_t>(window.size())));
    iterator_->setText(text);
    int32_t first_at = 0;
    for (std::size_t k = from; k < first; ++k) first_at += run[k].cp > 0xFFFF ? 2 : 1;
    if (first_at == 0 || iterator_->isBoundary(first_at)) return false;
    const int32_t word_start = iterator_->preceding(first_at);
    const char32_t word_first = text.char32At(word_start);
    return !contains(U"我你他她它您咱谁", word_first);
  }

 private:
  std::unique_ptr<icu::BreakIterator> iterator_;
};

}  // namespace

const RuleInfo& DoubledCharacter::info() const {
  static constexpr OptionSpec kOptions[] = {
      {"allow", OptionType::list, "", "doublings to accept, e.g. `在在`"},
  };
  static const RuleInfo kInfo{
      "typography/doubled-character", Severity::warning, RuleScope::document, RuleLanguage::zh, true,
      "A Chinese character or word written twice by mistake (的的, 患者患者)",
      R"doc(## What it does
Flags two kinds of accidental doubling in Chinese text:

- a two-character noun written twice, ABAB ("患者患者"). Only words whose
  last character is a common noun ending (者, 人, 员, 生, 师, 病, 药, 毒...) are
  checked: verbs (走动走动, 研究研究), adjectives (雪白雪白) and onomatopoeia
  (哗啦哗啦, 咯当咯当) reduplicate on purpose, and 一X一X (一个一个) is fine;
- a single function character written twice ("的的", "在在", "从从"), from a
  list of particles, prepositions and conjunctions that never reduplicate,
  unless ICU's dictionary segmentation puts the first copy at the end of a
  longer word: in "现在在哪儿" (现在|在), "目的的" and "研究所所长" the copies
  belong to different words and nothing is flagged.

Reduplication is productive in Chinese (常常, 慢慢, 人人, 看看, 哈哈, 冉冉,
袅袅...), so a doubled content character is not flagged: a list of allowed
doublings cannot be complete, and real text would be full of false alarms.
AABB forms (的的确确, 是是非非, 高高兴兴) and runs of three or more (是是是)
are deliberate and not flagged, and an allowlist of common reduplications
(常常, 慢慢, 人人, 天天, 刚刚, 渐渐, 往往, 谢谢, 看看, 个个...) is always
accepted, whatever the lists above hold. The fix removes the second copy.

## Why it matters
Doubling slips survive proofreading because the eye skips the repeat; in
machine-assisted translation they appear where segments were joined.

## Example
`患者患者需要休息` is flagged at `患者患者`, fix `患者`; `我的的书` at `的的`,
fix `的`.)doc", /*explains_its_span=*/false, /*reads_undecoded=*/false, kOptions};
  return kInfo;
}

void DoubledCharacter::check(const CheckContext& context, FindingSink& out) const {
  const std::string_view prose = context.doc.prose();
  const std::vector<std::string> allowed = context.options.list("typography/doubled-character.allow");
  ChineseWords segmentation;
  // Runs of consecutive Han characters. A character is judged by the three
  // before it and the five after it, so a long run is scanned as it grows
  // and only that much of what was scanned is kept (a file of one line of
  // Chinese held 24 bytes a character, more while the vector doubled).
  std::vector<Han> run;
  std::size_t resume = 0;  // the index of run the scan goes on from
  auto is_allowed = [&](std::size_t begin, std::size_t end) {
    const std::string_view text = prose.substr(begin, end - begin);
    return std::find(allowed.begin(), allowed.end(), text) != allowed.end();
  };
  // whole: the run has ended; else the characters with five after them are scanned.
  auto scan_run = [&](bool whole) {
    const std::size_t n = run.size();
    auto at = [&](std::ptrdiff_t i) -> char32_t {
      return i >= 0 && static_cast<std::size_t>(i) < n ? run[static_cast<std::size_t>(i)].cp : 0;
    };
    const std::size_t limit = whole ? n : n - kRunLookahead;
    std::size_t i = resume;
    for (; i + 1 < n && i < limit; ++i) {
      const auto k = static_cast<std::ptrdiff_t>(i);
      const char32_t a = at(k);
      const char32_t b = at(k + 1);
      if (a == b) {
        if (at(k - 1) == a || at(k + 2) == a) continue;  // 是是是: deliberate
        const bool aabb = (at(k + 2) != 0 && at(k + 2) == at(k + 3)) || (at(k - 2) != 0 && at(k - 2) == at(k - 1));
        const std::u32string pair{simplified_character(a), simplified_character(b)};
        const bool listed = std::find(std::begin(kReduplications), std::end(kReduplications), pair) != std::end(kReduplications);
        if (aabb || listed || !contains(kNeverDoubled, simplified_character(a)) || is_allowed(run[i].begin, run[i + 1].end)) continue;
        if (segmentation.legitimate(prose, run, i)) continue;
        Finding finding = make_finding(context.doc, {run[i].begin, run[i + 1].end},
                                       "doubled character \"" + std::string(prose.substr(run[i].begin, run[i + 1].end - run[i].begin)) + "\"");
        finding.fix = std::string(prose.substr(run[i].begin, run[i].end - run[i].begin));
        out.push_back(std::move(finding));
        continue;
      }
      if (i + 3 >= n || at(k + 2) != a || at(k + 3) != b) continue;
      if ((at(k - 2) == a && at(k - 1) == b) || (at(k + 4) == a && at(k + 5) == b)) continue;  // ABABAB: deliberate
      const std::u32string word{simplified_character(a), simplified_character(b)};
      if (a == U'一' || !contains(kNounEndings, word[1]) ||
          std::find(std::begin(kDoubledWords), std::end(kDoubledWords), word) != std::end(kDoubledWords))
        continue;
      if (is_allowed(run[i].begin, run[i + 3].end)) continue;
      const std::string once(prose.substr(run[i].begin, run[i + 1].end - run[i].begin));
      Finding finding = make_finding(context.doc, {run[i].begin, run[i + 3].end}, "doubled word \"" + once + once + "\"");
      finding.fix = once;
      out.push_back(std::move(finding));
      i += 3;
    }
    if (whole) {
      run.clear();
      resume = 0;
      return;
    }
    // The scanned characters but the three before the next one are done with.
    const std::size_t drop = i - kRunLookbehind;
    run.erase(run.begin(), run.begin() + static_cast<std::ptrdiff_t>(drop));
    resume = i - drop;
  };
  std::size_t pos = 0;
  while (pos < prose.size()) {
    if (!is_non_ascii(prose[pos])) {
      if (!run.empty()) scan_run(true);
      ++pos;
      continue;
    }
    const std::size_t begin = pos;
    const char32_t cp = utf8::next(prose, pos);
    if (is_han(cp)) {
      run.push_back({cp, begin, pos});
      if (run.size() == kRunScanAt) scan_run(false);
    } else if (!run.empty()) {
      scan_run(true);
    }
  }
  if (!run.empty()) scan_run(true);
}

}  // namespace tc
