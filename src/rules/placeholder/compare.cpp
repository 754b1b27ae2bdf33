#include "rules/placeholder/compare.h"

#include <algorithm>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <utility>

namespace tc {

namespace {

std::string_view tag_name(std::string_view key) {
  key.remove_prefix(key.size() > 1 && key[1] == '/' ? 2 : 1);
  return key.substr(0, key.find_first_of("#/>"));
}

// A lost element is one finding: its closing tag goes when its opening tag is
// in the same list. list: indices into placeholders, found in text.
void drop_closing_of_listed_openings(std::string_view text, const std::vector<Placeholder>& placeholders,
                                     std::vector<std::uint32_t>& list) {
  std::map<std::string, int, std::less<>> openings;
  std::string scratch;
  for (const std::uint32_t index : list) {
    const Placeholder& p = placeholders[index];
    if (p.kind != PlaceholderKind::tag) continue;
    const std::string_view key = placeholder_key(text, p, scratch);
    if (key.size() > 1 && key[1] != '/' && key[key.size() - 2] != '/') ++openings[std::string(tag_name(key))];
  }
  // Compacted in place: a second list of every placeholder doubled the peak.
  std::size_t kept = 0;
  for (std::size_t i = 0; i < list.size(); ++i) {
    const Placeholder& p = placeholders[list[i]];
    if (p.kind == PlaceholderKind::tag) {
      const std::string_view key = placeholder_key(text, p, scratch);
      if (key.size() > 1 && key[1] == '/') {
        auto it = openings.find(tag_name(key));
        if (it != openings.end() && it->second > 0) {
          --it->second;
          continue;
        }
      }
    }
    list[kept] = list[i];
    ++kept;
  }
  list.erase(list.begin() + static_cast<std::ptrdiff_t>(kept), list.end());
}

}  // namespace

PlaceholderDifference compare_placeholders(const Document& source, const std::vector<Placeholder>& in_source,
                                           const Document& target, const std::vector<Placeholder>& in_target,
                                           const std::function<bool(const Placeholder&)>& keep) {
  // A target placeholder matches the first unmatched source one of its key.
  // The kept source placeholders are ordered by key, each key's run in the
  // text's order, and the run's first place counts those matched: a cursor
  // per key, not an erase from the list's front (quadratic when a unit
  // repeats one placeholder: 256 KB of "%1$s" took 2.9 s), and 8 bytes a
  // placeholder, not a map node and a copy (a unit of distinct placeholders
  // took 25 bytes a byte of text).
  std::vector<std::uint32_t> by_key;
  for (std::size_t i = 0; i < in_source.size(); ++i)
    if (keep(in_source[i]) && source.is_masked(in_source[i].span.begin)) by_key.push_back(static_cast<std::uint32_t>(i));
  // Keys read again from the text (long ones, not the placeholder's own
  // text) are read once here, not at each comparison of the sort and search.
  std::vector<std::string> read_keys;
  std::vector<std::uint32_t> read_key_of;  // by index into in_source; empty when no key is read again
  for (const std::uint32_t i : by_key) {
    if (in_source[i].key_form != Placeholder::kKeyIsRead) continue;
    if (read_key_of.empty()) read_key_of.assign(in_source.size(), 0);
    read_key_of[i] = static_cast<std::uint32_t>(read_keys.size());
    read_keys.push_back(placeholder_key(source.text, in_source[i]));
  }
  std::string scratch_a, scratch_b;
  const auto source_key = [&](std::uint32_t i, std::string& scratch) {
    if (in_source[i].key_form != Placeholder::kKeyIsRead) return placeholder_key(source.text, in_source[i], scratch);
    return std::string_view(read_keys[read_key_of[i]]);
  };
  std::stable_sort(by_key.begin(), by_key.end(),
                   [&](std::uint32_t a, std::uint32_t b) { return source_key(a, scratch_a) < source_key(b, scratch_b); });
  std::vector<std::uint32_t> matched(by_key.size(), 0);
  PlaceholderDifference difference;
  std::string target_scratch;
  for (const Placeholder& p : in_target) {
    if (!keep(p) || !target.is_masked(p.span.begin)) continue;
    const std::string_view key = placeholder_key(target.text, p, target_scratch);
    const auto first = std::lower_bound(by_key.begin(), by_key.end(), key,
                                        [&](std::uint32_t i, std::string_view k) { return source_key(i, scratch_a) < k; });
    const auto last = std::upper_bound(first, by_key.end(), key,
                                       [&](std::string_view k, std::uint32_t i) { return k < source_key(i, scratch_a); });
    if (first == last || matched[first - by_key.begin()] == last - first) {
      difference.extra.push_back(static_cast<std::uint32_t>(&p - in_target.data()));
    } else {
      ++matched[first - by_key.begin()];
    }
  }
  for (std::size_t start = 0; start < by_key.size();) {
    std::size_t end = start + 1;
    const std::string_view start_key = source_key(by_key[start], scratch_b);
    while (end < by_key.size() && source_key(by_key[end], scratch_a) == start_key) ++end;
    for (std::size_t i = start + matched[start]; i < end; ++i) difference.missing.push_back(by_key[i]);
    start = end;
  }
  std::sort(difference.missing.begin(), difference.missing.end());  // the list is in text order
  drop_closing_of_listed_openings(source.text, in_source, difference.missing);
  drop_closing_of_listed_openings(target.text, in_target, difference.extra);
  return difference;
}

namespace {

std::vector<PairPlaceholders> find_pair_placeholders(const CheckContext& context) {
  std::vector<PairPlaceholders> found;
  for (const UnitPair& pair : unit_pairs(context))
    found.push_back({pair, find_placeholders(context.source->text, pair.source), find_placeholders(context.target->text, pair.target)});
  return found;
}

}  // namespace

PlaceholderDifference compare_placeholders(const Document& source, const Document& target, const PairPlaceholders& found,
                                           const std::function<bool(const Placeholder&)>& keep) {
  return compare_placeholders(source, found.source, target, found.target, keep);
}

const std::vector<PairPlaceholders>& pair_placeholders(const CheckContext& context,
                                                       std::vector<PairPlaceholders>& storage) {
  if (context.memo)
    return context.memo->get<std::vector<PairPlaceholders>>("placeholder/pair-placeholders",
                                                            [&] { return find_pair_placeholders(context); });
  storage = find_pair_placeholders(context);
  return storage;
}

void report_placeholder_difference(const Rule& rule, const CheckContext& context, const PairPlaceholders& found,
                                   const PlaceholderDifference& difference, std::string_view what,
                                   FindingSink& out) {
  const Span source_span = found.pair.source;
  const Span target_span = found.pair.target;
  const Document& source = *context.source;
  const Document& target = *context.target;
  auto quoted = [](std::string_view text) { return std::string(1, '"').append(text).append(1, '"'); };
  for (const std::uint32_t index : difference.missing) {
    const Placeholder& p = found.source[index];
    // Past the rule's limit a finding is only counted: its message and the
    // excerpt of the source were made for each of a unit's placeholders.
    if (!out.keeps(&target)) {
      out.omit(&target, target_span, rule.info().default_severity);
      continue;
    }
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
  for (const std::uint32_t index : difference.extra) {
    const Placeholder& p = found.target[index];
    if (!out.keeps(&target)) {
      out.omit(&target, p.span, rule.info().default_severity);
      continue;
    }
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
