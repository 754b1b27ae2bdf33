#include "rules/placeholder/icu_message.h"

#include <algorithm>

#include "rules/placeholder/compare.h"
#include "rules/unit_pairs.h"

namespace tc {

const RuleInfo& PlaceholderIcuMessage::info() const {
  static const RuleInfo kInfo{
      "placeholder/icu-message", Severity::error, RuleScope::pair, RuleLanguage::any, true,
      "An ICU MessageFormat plural or select argument whose branches do not match the source",
      R"(## What it does
Reads the ICU MessageFormat arguments of each unit, `{n, plural, one{…}
other{…}}`, `selectordinal` and `select`, and checks each one against the
source's: the argument must be there with the same name and type; the
translation must have an `other` branch; an English translation must keep
every branch of the source, while Chinese, which has one plural form, needs
only `other` (explicit `=0` branches are kept when given); and each branch of
the translation must carry the placeholders (and `#`) of the source branch it
translates (the same selector, else `other`).

## Why it matters
A plural argument without `other` fails to format at run time; a branch that
lost `{name}` or `#` prints the wrong message for some counts only, which
testing seldom catches.

## Example
Source `{count, plural, one{# file} other{# files}}` Target
`{count, plural, other{文件}}` reports that `#` is missing from the
`other` branch.

## Options
None.)"};
  return kInfo;
}

namespace {

// The ICU arguments among a piece's placeholders (found by find_placeholders).
std::vector<IcuArgument> icu_arguments(std::string_view text, const std::vector<Placeholder>& placeholders,
                                       std::vector<Span>* spans) {
  std::vector<IcuArgument> arguments;
  for (const Placeholder& p : placeholders) {
    IcuArgument argument;
    if (p.kind == PlaceholderKind::icu && parse_icu_argument(text, p.span, argument)) {
      arguments.push_back(std::move(argument));
      if (spans) spans->push_back(p.span);
    }
  }
  return arguments;
}

const IcuArgument::Branch* branch_named(const IcuArgument& argument, std::string_view selector) {
  for (const IcuArgument::Branch& branch : argument.branches)
    if (branch.selector == selector) return &branch;
  return nullptr;
}

std::size_t count_hashes(std::string_view text, Span span) {
  return static_cast<std::size_t>(std::count(text.begin() + span.begin, text.begin() + span.end, '#'));
}

}  // namespace

void PlaceholderIcuMessage::check(const CheckContext& context, FindingSink& out) const {
  const std::string_view source = context.source->text;
  const std::string_view target = context.target->text;
  const bool chinese_target = context.target->lang == Lang::zh;
  auto report = [&](Span span, Span source_span, std::string message) {
    // Past the rule's limit a finding is only counted: no excerpt is made.
    if (!out.keeps(context.target)) {
      out.omit(context.target, span, info().default_severity);
      return;
    }
    Finding f = make_finding(*context.target, span, std::move(message));
    f.counterpart = Counterpart{context.source, source_span, clip_quoted(source.substr(source_span.begin, source_span.end - source_span.begin))};
    out.push_back(std::move(f));
  };
  std::vector<PairPlaceholders> storage;
  for (const PairPlaceholders& found : pair_placeholders(context, storage)) {
    const UnitPair& pair = found.pair;
    std::vector<Span> source_spans;
    std::vector<Span> target_spans;
    const std::vector<IcuArgument> source_arguments = icu_arguments(source, found.source, &source_spans);
    const std::vector<IcuArgument> target_arguments = icu_arguments(target, found.target, &target_spans);
    for (std::size_t i = 0; i < source_arguments.size(); ++i) {
      const IcuArgument& s = source_arguments[i];
      const auto match = std::find_if(target_arguments.begin(), target_arguments.end(), [&](const IcuArgument& t) {
        return t.name == s.name && t.type == s.type;
      });
      if (match == target_arguments.end()) {
        report(pair.target, source_spans[i], "ICU " + s.type + " argument {" + s.name + "} of the source is missing from the translation");
        continue;
      }
      const IcuArgument& t = *match;
      const Span t_span = target_spans[static_cast<std::size_t>(match - target_arguments.begin())];
      if (!branch_named(t, "other")) report(t_span, source_spans[i], "ICU " + t.type + " argument {" + t.name + "} has no \"other\" branch");
      if (!chinese_target || s.type == "select") {
        for (const IcuArgument::Branch& branch : s.branches)
          if (!branch_named(t, branch.selector))
            report(t_span, source_spans[i], "branch \"" + branch.selector + "\" of {" + s.name + "} is missing from the translation");
      }
      for (const IcuArgument::Branch& branch : t.branches) {
        const IcuArgument::Branch* counterpart = branch_named(s, branch.selector);
        if (!counterpart) counterpart = branch_named(s, "other");
        if (!counterpart) continue;
        const std::vector<Placeholder> in_source = find_placeholders(source, counterpart->body);
        const std::vector<Placeholder> in_target = find_placeholders(target, branch.body);
        const PlaceholderDifference difference = compare_placeholders(*context.source, in_source, *context.target, in_target,
                                                                      [](const Placeholder&) { return true; });
        for (const std::uint32_t index : difference.missing) {
          const Placeholder& p = in_source[index];
          report(branch.body, counterpart->body, "placeholder \"" + std::string(source.substr(p.span.begin, p.span.end - p.span.begin)) +
                                                      "\" is missing from branch \"" + branch.selector + "\" of {" + t.name + "}");
        }
        for (const std::uint32_t index : difference.extra) {
          const Placeholder& p = in_target[index];
          report(p.span, counterpart->body, "placeholder \"" + std::string(target.substr(p.span.begin, p.span.end - p.span.begin)) +
                                                 "\" in branch \"" + branch.selector + "\" of {" + t.name + "} is not in the source");
        }
        if (s.type != "select" && count_hashes(source, counterpart->body) > 0 && count_hashes(target, branch.body) == 0 &&
            branch.selector.rfind('=', 0) != 0)
          report(branch.body, counterpart->body, "placeholder \"#\" is missing from branch \"" + branch.selector + "\" of {" + t.name + "}");
      }
    }
  }
}

}  // namespace tc
