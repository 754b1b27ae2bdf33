#include "rules/placeholder/mismatch.h"

#include <algorithm>

#include "rules/placeholder/compare.h"
#include "rules/unit_pairs.h"

namespace tc {
namespace {

// The opener of a brace placeholder: "${", "%{", "{{" or "{".
std::string_view brace_opener(std::string_view key) {
  for (std::string_view opener : {"${", "%{", "{{"})
    if (key.starts_with(opener)) return opener;
  return key.starts_with("{") ? "{" : "";
}

// Without a declared format (a PO unit with no "c-format"/"python-format"
// flag, a document pair), "{INTEGER}" or "${VARNAME}" may be a usage line's
// metavariable that the translator rightly translated: a missing brace
// placeholder is not reported when the target holds a group of the same
// braces with words of another script inside ({整数}, ${变量名}), one for each.
void drop_translated_metavariables(std::string_view source_text, const std::vector<Placeholder>& in_source,
                                   std::string_view target_text, Span target_span, std::vector<std::uint32_t>& missing) {
  std::vector<std::size_t> translated;  // openers' offsets, each usable once
  // Searched up to the span's end only: the text is the whole side of the file.
  // The '}' after each '{' is found once for all the '{' before it, and
  // whether a group holds another script from the last such byte before it
  // (searching from each '{' of "{{{{…}}}}" was quadratic).
  const std::string_view upto_end = target_text.substr(0, target_span.end);
  std::size_t close = std::string_view::npos;
  std::size_t last_other_script = std::string_view::npos;  // the last byte >= 0x80 before close, after the first '{' before it
  for (std::size_t pos = upto_end.find('{', target_span.begin); pos != std::string_view::npos;
       pos = upto_end.find('{', pos + 1)) {
    if (close == std::string_view::npos || close < pos) {
      close = upto_end.find('}', pos);
      if (close == std::string_view::npos) break;
      last_other_script = std::string_view::npos;
      for (std::size_t i = close; i > pos + 1; --i) {
        if (static_cast<unsigned char>(target_text[i - 1]) >= 0x80) {
          last_other_script = i - 1;
          break;
        }
      }
    }
    if (last_other_script != std::string_view::npos && last_other_script > pos) translated.push_back(pos);
  }
  // Each opener takes the first unused group it fits; the groups before its
  // cursor are used or do not fit it, and stay so.
  std::vector<std::pair<std::string_view, std::size_t>> cursors;  // opener, index into translated
  std::string scratch;
  std::erase_if(missing, [&](std::uint32_t index) {
    const Placeholder& p = in_source[index];
    const std::string_view opener = brace_opener(placeholder_key(source_text, p, scratch));
    if (p.kind != PlaceholderKind::brace || opener.empty()) return false;
    auto cursor = std::find_if(cursors.begin(), cursors.end(), [&](const auto& c) { return c.first == opener; });
    if (cursor == cursors.end()) cursor = cursors.insert(cursors.end(), {opener, 0});
    for (std::size_t& k = cursor->second; k < translated.size(); ++k) {
      std::size_t& at = translated[k];
      const std::size_t begin = at + 1 - opener.size();  // where the opener would start
      if (at == std::string_view::npos || at + 1 < opener.size() || target_text.substr(begin, opener.size()) != opener) continue;
      at = std::string_view::npos;
      ++k;
      return true;
    }
    return false;
  });
}

// "%1$s" written twice prints the first argument twice (a translator's added
// line naming the program again): a repeated positional conversion is no extra.
void drop_repeated_positions(std::string_view target_text, const std::vector<Placeholder>& in_target, Span target_span,
                             std::vector<std::uint32_t>& extra) {
  std::erase_if(extra, [&](std::uint32_t index) {
    const Placeholder& p = in_target[index];
    const std::string_view written = target_text.substr(p.span.begin, p.span.size());
    if (p.kind != PlaceholderKind::printf || written.find('$') == std::string_view::npos) return false;
    const std::string_view unit = target_text.substr(target_span.begin, target_span.size());
    const std::size_t first = unit.find(written);
    return first != std::string_view::npos && target_span.begin + first != p.span.begin;
  });
}

}  // namespace

const RuleInfo& PlaceholderMismatch::info() const {
  static const RuleInfo kInfo{
      "placeholder/mismatch", Severity::error, RuleScope::pair, RuleLanguage::any, true,
      "A printf, Python or brace placeholder missing from the translation, or added to it",
      R"(## What it does
Compares the placeholders of each unit of a translation file (each aligned
sentence group of a document pair) with those of its source: printf
conversions (`%s`, `%d`, `%1$s`, `%%`, `%'.2f`), Python ones (`%(name)s`,
`{name}`, `{0}`) and brace variables (`{{name}}`, `${x}`, `%{x}`, the simple
arguments of ICU MessageFormat). The translation may reorder them (`%2$s`
counts as `%s`); each one missing from the translation or not in the source is
reported by name. `50% of` and `100%` are no placeholders. When the file
declares no format for the unit (no `c-format`, `python-format` flag), a
brace group the translator filled with translated words (`{INTEGER}` as
`{整数}`, `${VARNAME}` as `${变量名}`) is a usage line's metavariable, not a
missing placeholder. A positional conversion written twice (`%1$s` … `%1$s`)
prints one argument twice and is not an extra one.

## Why it matters
A program fills placeholders at run time: a missing or extra `%s` crashes
it or prints garbage, and a renamed `{name}` leaves a hole in the message.

## Example
Source `Deleted %d files from %s.` Target `已从 %s 删除文件。` reports that `%d` is
missing from the translation.

## Options
None.)"};
  return kInfo;
}

void PlaceholderMismatch::check(const CheckContext& context, FindingSink& out) const {
  const auto keep = [](const Placeholder& p) {
    return p.kind == PlaceholderKind::printf || p.kind == PlaceholderKind::brace;
  };
  std::vector<PairPlaceholders> storage;
  for (const PairPlaceholders& found : pair_placeholders(context, storage)) {
    const UnitPair& pair = found.pair;
    PlaceholderDifference difference = compare_placeholders(*context.source, *context.target, found, keep);
    if (!pair.unit || pair.unit->format_flags.empty())
      drop_translated_metavariables(context.source->text, found.source, context.target->text, pair.target, difference.missing);
    drop_repeated_positions(context.target->text, found.target, pair.target, difference.extra);
    report_placeholder_difference(*this, context, found, difference, "placeholder", out);
  }
}

}  // namespace tc
