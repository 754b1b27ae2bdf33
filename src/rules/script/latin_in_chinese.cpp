#include "rules/script/latin_in_chinese.h"

#include <algorithm>
#include <array>

#include "core/utf8.h"
#include "rules/script/script_chars.h"

namespace tc {
namespace {

constexpr std::string_view kAllowOption = "script/latin-in-chinese.allow";

// Abbreviations and units that Chinese medical and science writing keeps in
// Latin letters. Sorted, for binary search.
constexpr auto kAllowed = std::to_array<std::string_view>({
    "ACE", "ADC", "ADHD", "ADP", "AFP", "AI", "AIDS", "ALK", "ALT", "AMP", "APP", "AST", "ATP", "B", "BCR",
    "BMD", "BMI", "BRAF", "BRCA", "Bq", "CA", "CAR-T", "CCU", "CD", "CDC", "CEA", "CKD", "COPD", "COVID",
    "COVID-19", "CRP", "CT", "CTLA-4", "Cell", "DC", "DFS", "DNA", "Da", "ECG", "EEG", "EGFR", "EKG", "ELISA",
    "ESR", "FDA", "GFR", "GMP", "Gy", "HBV", "HCV", "HDL", "HER", "HIV", "HLA", "HPV", "Hz", "ICI", "ICU", "IFN",
    "IL", "IU", "IgA", "IgE", "IgG", "IgM", "KRAS", "L", "LDL", "MERS", "MHC", "MRI", "NEJM", "NIH", "NK", "NKT",
    "NMPA", "NSCLC", "OK", "ORR", "OS", "PARP", "PCR", "PD", "PD-1", "PD-L1", "PDF", "PET", "PET-CT", "PFS",
    "PSA", "RCT", "RNA", "RT-PCR", "SARS", "SARS-CoV-2", "SCI", "SPECT", "T", "TCM", "TCR", "TNF", "TNF-α", "Th",
    "Treg", "U", "VEGF", "WHO", "X", "cDNA", "cal", "cm", "ctDNA", "dL", "dl", "g", "h", "kDa", "kcal", "kg", "km",
    "lncRNA", "m", "mL", "mRNA", "mSv", "mg", "miRNA", "min", "ml", "mm", "mmHg", "mmol", "mol", "ms", "ng", "nm",
    "pH", "pg", "qPCR", "rRNA", "s", "siRNA", "tRNA", "ug", "µg", "µl", "µm", "µmol", "μg", "μl", "μm", "μmol",
});

static_assert(std::is_sorted(kAllowed.begin(), kAllowed.end()), "kAllowed must stay sorted for binary_search");

bool is_token_byte(unsigned char b) { return script::is_ascii_letter(static_cast<char>(b)) || script::is_ascii_digit(static_cast<char>(b)); }

// Greek letters and the micro sign, as in TNF-α or μg.
bool is_greek_or_micro(char32_t cp) { return cp == 0xB5 || (cp >= 0x3B1 && cp <= 0x3C9); }

bool is_roman_numeral(std::string_view word) {
  return std::all_of(word.begin(), word.end(), [](char c) { return c == 'I' || c == 'V' || c == 'X'; });
}

class Allowlist {
 public:
  explicit Allowlist(std::vector<std::string> extra) : extra_(std::move(extra)) {}

  bool allows(std::string_view token) const {
    if (allows_part(token)) return true;
    // PD-L1 and IL-6 style compounds: each hyphen-separated part is allowed.
    std::size_t start = 0;
    while (true) {
      const std::size_t hyphen = token.find('-', start);
      const std::string_view part = token.substr(start, hyphen == std::string_view::npos ? hyphen : hyphen - start);
      if (!allows_part(part)) return false;
      if (hyphen == std::string_view::npos) return true;
      start = hyphen + 1;
    }
  }

 private:
  bool allows_part(std::string_view part) const {
    if (part.empty()) return true;
    if (std::binary_search(kAllowed.begin(), kAllowed.end(), part)) return true;
    if (std::find(extra_.begin(), extra_.end(), part) != extra_.end()) return true;
    // Gene, protein and strain names: letters with digits (p53, CD8, H1N1, BRCA1).
    if (std::any_of(part.begin(), part.end(), [](char c) { return script::is_ascii_digit(c); })) return true;
    // Single letters (A型, T细胞, 维生素C), Roman numerals (II型) and Greek letters.
    if (utf8::count(part) == 1) return true;
    if (is_roman_numeral(part)) return true;
    std::size_t pos = 0;
    while (pos < part.size())
      if (!is_greek_or_micro(utf8::next(part, pos))) return false;
    return true;
  }

  std::vector<std::string> extra_;
};

}  // namespace

const RuleInfo& LatinInChinese::info() const {
  static constexpr OptionSpec kOptions[] = {
      {"allow", OptionType::list, "", "more words to accept, e.g. `Lancet,JAMA`"},
  };
  static const RuleInfo kInfo{
      "script/latin-in-chinese", Severity::info, RuleScope::document, RuleLanguage::zh, false,
      "Latin words in Chinese text",
      R"doc(## What it does
Flags words in Latin letters inside Chinese text, such as an English phrase
the translator forgot to translate. Neighbouring words separated by spaces
are one finding.

These stay unflagged:
- common abbreviations and units: DNA, RNA, mRNA, CT, MRI, PET-CT, NK, PD-1,
  PD-L1, CAR-T, IL-6, TNF-α, HIV, HPV, COVID-19, SARS-CoV-2, WHO, mg, kg, ml,
  mL, cm, mm, μg, IU, pH, ATP, ICU and more (run `transcheck explain` and
  see the source for the full list);
- gene-like names, i.e. letters with digits: p53, CD8, BRCA1, H1N1;
- single letters (T细胞, A型血, 维生素C), Roman numerals (II型) and Greek letters;
- words with accented letters: Pinyin with tone marks (Zhōngguó) and
  loanwords such as café are deliberate, not forgotten English;
- compounds whose hyphen-separated parts are all allowed.

Off by default: Chinese technical writing legitimately uses many Latin terms.

## Why it matters
An English word in a Chinese translation is often a term the translator did
not know or skipped. Reviewing them catches untranslated fragments.

## Example
`运动可以增强immune system的功能` is flagged at "immune system".)doc", /*explains_its_span=*/false, /*reads_undecoded=*/false, kOptions};
  return kInfo;
}

void LatinInChinese::check(const CheckContext& context, FindingSink& out) const {
  const std::string_view text = context.doc.prose();
  const Allowlist allowlist(context.options.list(kAllowOption));
  std::optional<Span> phrase;  // disallowed words not yet reported
  auto flush = [&] {
    if (!phrase) return;
    const std::string_view words = std::string_view(context.doc.text).substr(phrase->begin, phrase->size());
    out.push_back(make_finding(context.doc, *phrase, "Latin \"" + script::excerpt(words, 40) + "\" in Chinese text"));
    phrase.reset();
  };
  std::size_t pos = 0;
  while (pos < text.size()) {
    const auto byte = static_cast<unsigned char>(text[pos]);
    if (!is_token_byte(byte)) {
      // Spaces join words into one phrase; anything else ends it.
      if (byte != ' ') flush();
      ++pos;
      continue;
    }
    // A token: ASCII letters and digits, Greek letters and µ, joined by inner hyphens.
    const std::size_t begin = pos;
    bool has_letter = false;
    bool has_accent = false;  // Pinyin with tone marks (Zhōngguó), café: deliberate, not leftovers
    while (pos < text.size()) {
      const auto b = static_cast<unsigned char>(text[pos]);
      if (is_token_byte(b)) {
        has_letter |= script::is_ascii_letter(static_cast<char>(b));
        ++pos;
      } else if (b == '-' && pos + 1 < text.size() && pos > begin &&
                 (is_token_byte(static_cast<unsigned char>(text[pos + 1])) ||
                  is_greek_or_micro(utf8::at(text, pos + 1)))) {
        ++pos;
      } else if (b >= 0x80) {
        std::size_t probe = pos;
        const char32_t cp = utf8::next(text, probe);
        if (script::is_latin_letter(cp)) has_accent = true;
        else if (!is_greek_or_micro(cp)) break;
        pos = probe;
      } else {
        break;
      }
    }
    // A token glued to a preceding µ or Greek letter (μg) starts there.
    std::size_t token_begin = begin;
    if (token_begin > 0) {
      std::size_t probe = token_begin;
      const char32_t before = utf8::previous(text, probe);
      if (is_greek_or_micro(before)) token_begin = probe;
      else if (before >= 0x80 && script::is_latin_letter(before)) has_accent = true;  // Ōmura
    }
    const std::string_view token = text.substr(token_begin, pos - token_begin);
    if (!has_letter || has_accent || allowlist.allows(token)) {
      flush();
      continue;
    }
    if (phrase && phrase->end + 1 == token_begin && text[phrase->end] == ' ') phrase->end = pos;
    else {
      flush();
      phrase = Span{token_begin, pos};
    }
  }
  flush();
}

}  // namespace tc
