#include "rules/placeholder/compare.h"

#include <algorithm>
#include <map>

namespace tc {

namespace {

std::string_view tag_name(std::string_view key) {
  key.remove_prefix(key.size() > 1 && key[1] == '/' ? 2 : 1);
  return key.substr(0, key.find_first_of("#/>"));
}

// A lost element is one finding: its closing tag goes when its opening tag is
// in the same list.
void drop_closing_of_listed_openings(std::vector<Placeholder>& list) {
  std::map<std::string_view, int> openings;
  for (const Placeholder& p : list)
    if (p.kind == PlaceholderKind::tag && p.key.size() > 1 && p.key[1] != '/' && p.key[p.key.size() - 2] != '/') ++openings[tag_name(p.key)];
  std::vector<Placeholder> kept;
  for (Placeholder& p : list) {
    if (p.kind == PlaceholderKind::tag && p.key.size() > 1 && p.key[1] == '/') {
      auto it = openings.find(tag_name(p.key));
      if (it != openings.end() && it->second > 0) {
        --it->second;
        continue;
      }
    }
    kept.push_back(std::move(p));
  }
  list = std::move(kept);
}

}  // namespace

namespace {

PlaceholderDifference compare_found(const Document& source, const std::vector<Placeholder>& in_source,
                                    const Document& target, const std::vector<Placeholder>& in_target,
                                    const std::function<bool(const Placeholder&)>& keep) {
  // A target placeholder matches the first unmatched source one of its key:
  // a cursor per key, not an erase from the list's front (quadratic when a
  // unit repeats one placeholder: 256 KB of "%1$s" took 2.9 s).
  struct SourceOfKey {
    std::vector<Placeholder> found;
    std::size_t matched = 0;
  };
  std::map<std::string, SourceOfKey> source_left;
  for (const Placeholder& p : in_source)
    if (keep(p) && source.is_masked(p.span.begin)) source_left[p.key].found.push_back(p);
  PlaceholderDifference difference;
  for (const Placeholder& p : in_target) {
    if (!keep(p) || !target.is_masked(p.span.begin)) continue;
    auto it = source_left.find(p.key);
    if (it == source_left.end() || it->second.matched == it->second.found.size()) {
      difference.extra.push_back(p);
    } else {
      ++it->second.matched;
    }
  }
  for (auto& [key, left] : source_left)
    for (std::size_t i = left.matched; i < left.found.size(); ++i) difference.missing.push_back(std::move(left.found[i]));
  std::sort(difference.missing.begin(), difference.missing.end(),
            [](const Placeholder& a, const Placeholder& b) { return a.span.begin < b.span.begin; });
  drop_closing_of_listed_openings(difference.missing);
  drop_closing_of_listed_openings(difference.extra);
  return difference;
}

std::vector<PairPlaceholders> find_pair_placeholders(const CheckContext& context) {
  std::vector<PairPlaceholders> found;
  for (const UnitPair& pair : unit_pairs(context))
    found.push_back({pair, find_placeholders(context.source->text, pair.source), find_placeholders(context.target->text, pair.target)});
  return found;
}

}  // namespace

PlaceholderDifference compare_placeholders(const Document& source, Span source_span, const Document& target,
                                           Span target_span, const std::function<bool(const Placeholder&)>& keep) {
  return compare_found(source, find_placeholders(source.text, source_span), target,
                       find_placeholders(target.text, target_span), keep);
}

PlaceholderDifference compare_placeholders(const Document& source, const Document& target, const PairPlaceholders& found,
                                           const std::function<bool(const Placeholder&)>& keep) {
  return compare_found(source, found.source, target, found.target, keep);
}

const std::vector<PairPlaceholders>& pair_placeholders(const CheckContext& context,
                                                       std::vector<PairPlaceholders>& storage) {
  if (context.memo)
    return context.memo->get<std::vector<PairPlaceholders>>("placeholder/pair-placeholders",
                                                            [&] { return find_pair_placeholders(context); });
  storage = find_pair_placeholders(context);
  return storage;
}

void report_placeholder_difference(const Rule& rule, const CheckContext& context, Span source_span, Span target_span,
                                   const PlaceholderDifference& difference, std::string_view what,
                                   FindingSink& out) {
  const Document& source = *context.source;
  const Document& target = *context.target;
  auto quoted = [](std::string_view text) { return std::string(1, '"').append(text).append(1, '"'); };
  for (const Placeholder& p : difference.missing) {
    const std::string shown = source.text.substr(p.span.begin, p.span.end - p.span.begin);
    Finding f;
    f.rule = std::string(rule.info().id);
    f.severity = rule.info().default_severity;
    f.document = &target;
    f.span = target_span;
    f.message = std::string(what) + " " + quoted(shown) + " of the source is missing from the translation";
    f.counterpart = Counterpart{&source, p.span, clip_quoted(std::string_view(source.text).substr(source_span.begin, source_span.end - source_span.begin))};
    out.push_back(std::move(f));
  }
  for (const Placeholder& p : difference.extra) {
    const std::string shown = target.text.substr(p.span.begin, p.span.end - p.span.begin);
    Finding f;
    f.rule = std::string(rule.info().id);
    f.severity = rule.info().default_severity;
    f.document = &target;
    f.span = p.span;
    f.message = std::string(what) + " " + quoted(shown) + " in the translation is not in the source";
    f.counterpart = Counterpart{&source, source_span, clip_quoted(std::string_view(source.text).substr(source_span.begin, source_span.end - source_span.begin))};
    out.push_back(std::move(f));
  }
}

}  // namespace tc
