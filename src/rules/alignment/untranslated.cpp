#include "rules/alignment/untranslated.h"

#include <cstdlib>

#include "core/alignment.h"
#include "rules/alignment/pair_text.h"

namespace tc {

const RuleInfo& Untranslated::info() const {
  static constexpr OptionSpec kOptions[] = {
      {"min-letters", OptionType::integer, "4", "ignore sentences with fewer letters than this (names, codes, \"OK\")"},
  };
  static const RuleInfo kInfo{
      "alignment/untranslated", Severity::error, RuleScope::pair, RuleLanguage::any, true,
      "Translation sentence left in the source language",
      R"(## What it does
Reports a target sentence that is identical to the source sentence it is
aligned with, or whose letters are still mostly in the source language's
script (Chinese characters in an English translation, or an English sentence
in a Chinese translation). A Chinese character counts as three Latin letters,
so Chinese sentences that keep English terms (COVID-19, SARS-CoV-2) pass;
URLs and code do not count.

## Why it matters
Untranslated segments slip through when a CAT tool copies the source into an
empty target, or when part of a file was never sent for translation.

## Example
Source `患者出现发热。` Target `患者出现发热。` is reported.)", /*explains_its_span=*/false, /*reads_undecoded=*/false, kOptions};
  return kInfo;
}

void Untranslated::check(const CheckContext& context, std::vector<Finding>& out) const {
  const auto pair = alignment_rules::pair_of(context);
  if (!pair) return;
  // Named references, not a structured binding: clang 14 cannot capture bindings in lambdas.
  const Alignment& alignment = pair->alignment;
  const Document& source = pair->source;
  const Document& target = pair->target;
  if (source.lang == target.lang || source.lang == Lang::unknown) return;
  const auto min_letters = static_cast<std::size_t>(
      std::max<std::int64_t>(0, context.options.integer("alignment/untranslated.min-letters")));
  for (const Bead& bead : alignment.beads) {
    if (bead.source.empty() || bead.target.empty()) continue;
    const Span source_span = alignment_rules::side_span(alignment.source_sentences, bead.source);
    const std::string_view source_text(source.text.data() + source_span.begin, source_span.size());
    for (const std::size_t t : bead.target) {
      const Span span = alignment.target_sentences[t].span;
      const std::string_view text(target.text.data() + span.begin, span.size());
      // Letters of prose only (URLs and code are masked); a Han character
      // carries about as much as three Latin letters, as in dominant_language().
      const ScriptCounts counts = count_scripts(target.prose().substr(span.begin, span.size()));
      const std::size_t letters = counts.han + counts.latin + counts.other;
      if (letters < min_letters) continue;
      const double han = 3.0 * static_cast<double>(counts.han), latin = static_cast<double>(counts.latin);
      const bool in_source_script = source.lang == Lang::zh ? han > latin : latin > han;
      std::string message;
      if (source_text.find(text) != std::string_view::npos) message = "sentence is the same as the source";
      else if (in_source_script)
        message = std::string("sentence is still mostly in ") + (source.lang == Lang::zh ? "Chinese" : "English");
      else continue;
      Finding finding = make_finding(target, span, message + ": \"" + alignment_rules::quote(target, span, 40) + "\"");
      finding.counterpart = alignment_rules::counterpart(source, source_span);
      out.push_back(std::move(finding));
    }
  }
}

}  // namespace tc
