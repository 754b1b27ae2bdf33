#include "rules/placeholder/link_target.h"

#include <algorithm>
#include <functional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/utf8.h"
#include "rules/placeholder/compare.h"
#include "rules/unit_pairs.h"
#include "text/ascii.h"
#include "text/han.h"

namespace tc {

const RuleInfo& PlaceholderLinkTarget::info() const {
  static const RuleInfo kInfo{
      "placeholder/link-target", Severity::warning, RuleScope::pair, RuleLanguage::any, true,
      "A URL or Markdown link target missing from the translation, or changed",
      R"(## What it does
Compares the URLs (`https://…`, `www.…`) and Markdown link targets
(`[text](target)`) of each unit of a translation file, or of each aligned
sentence group of a document pair, with those of its source. A URL missing
from the translation, or one that is not in the source, is reported by name.
In a document pair (an article and its translation) a link that the other
document holds elsewhere, for instance in a running header, is not reported,
and a URL broken after a slash by PDF extraction (`www.fda.gov/ vaccines`)
matches the whole one. A link to a heading of the same page whose
translation links to the same heading of the translated page
(`#connect-for-the-first-time` against `#首次连接`) is the same link, its
heading translated: when both pages have as many headings, the k-th of one
is taken as the k-th of the other, and a link to any other heading is
reported. A link localised to the translation's language
(`https://help.example.com/zh/security` against `…/en/security`, or against
`…/security`) is the same link; one to another page is reported.

## Why it matters
A link that changed on the way through translation leads readers to the wrong
page or to none; a dropped one loses the reference.

## Example
Source `See [the guide](https://example.org/guide).` Target
`见[指南](https://example.org/guid)。` reports the changed target.

## Options
None.)"};
  return kInfo;
}

namespace {

bool is_url(const Placeholder& p) { return p.kind == PlaceholderKind::url; }

// The URLs anywhere in a document's non-prose text.
std::set<std::string, std::less<>> urls_in(const Document& doc) {
  std::set<std::string, std::less<>> urls;
  for (const Placeholder& p : find_placeholders(doc.text, {0, doc.text.size()}))
    if (is_url(p) && doc.is_masked(p.span.begin)) urls.insert(placeholder_key(doc.text, p));
  return urls;
}

// "www.fda.gov/" against "www.fda.gov/vaccines": PDF extraction breaks a long
// URL after a slash, leaving its head as the URL.
bool cut_after_slash(std::string_view a, std::string_view b) {
  if (a.size() > b.size()) std::swap(a, b);
  return !a.empty() && a.back() == '/' && b.starts_with(a);
}

// In a document pair (not a translation file's units) a URL may sit in
// another sentence group than its counterpart: a running header set apart
// as furniture, sentences split differently. A link there is missing or
// extra only when the other document holds it nowhere, and a URL cut after
// a slash matches the one it begins.
void drop_moved_and_cut(const Document& source, const Document& target, const PairPlaceholders& found,
                        PlaceholderDifference& difference, const std::set<std::string, std::less<>>& source_urls,
                        const std::set<std::string, std::less<>>& target_urls) {
  std::vector<std::uint32_t> missing, extra;
  std::vector<bool> extra_matched(difference.extra.size(), false);
  std::string scratch, extra_scratch;
  const auto extra_key = [&](std::size_t i) { return placeholder_key(target.text, found.target[difference.extra[i]], extra_scratch); };
  for (const std::uint32_t index : difference.missing) {
    const std::string_view key = placeholder_key(source.text, found.source[index], scratch);
    bool matched = target_urls.count(key) > 0;
    for (std::size_t i = 0; !matched && i < difference.extra.size(); ++i)
      if (!extra_matched[i] && cut_after_slash(key, extra_key(i))) matched = extra_matched[i] = true;
    if (!matched) missing.push_back(index);
  }
  for (std::size_t i = 0; i < difference.extra.size(); ++i)
    if (!extra_matched[i] && source_urls.count(extra_key(i)) == 0) extra.push_back(difference.extra[i]);
  difference.missing = std::move(missing);
  difference.extra = std::move(extra);
}

// The anchor a Markdown renderer gives a heading (GitHub's rule): letters
// and digits lower-cased, spaces as hyphens, hyphens and underscores kept,
// other punctuation dropped. "Connect for the first time" ->
// "connect-for-the-first-time", 首次连接 -> 首次连接.
std::string heading_anchor(std::string_view heading) {
  std::string anchor;
  std::size_t pos = 0;
  while (pos < heading.size()) {
    const std::size_t start = pos;
    const char32_t cp = utf8::next(heading, pos);
    if (cp < 0x80) {
      const char c = static_cast<char>(cp);
      if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || c == '-' || c == '_') anchor += c;
      else if (c >= 'A' && c <= 'Z') anchor += static_cast<char>(c - 'A' + 'a');
      else if (c == ' ') anchor += '-';
    } else if (is_han(cp) || (cp >= 0xC0 && cp <= 0x24F && cp != 0xD7 && cp != 0xF7)) {
      anchor.append(heading.substr(start, pos - start));
    }
  }
  return anchor;
}

// The anchors of a document's headings in order, each with a leading '#'.
std::vector<std::string> heading_anchors(const Document& doc) {
  std::vector<std::string> anchors;
  for (const Block& block : doc.blocks)
    if (block.kind == BlockKind::heading) {
      std::string anchor(1, '#');
      anchor += heading_anchor(std::string_view(doc.text).substr(block.content().begin, block.content().size()));
      anchors.push_back(std::move(anchor));
    }
  return anchors;
}

// "%E9%A6%96" -> the bytes it stands for; other text as it is.
std::string percent_decoded(std::string_view text) {
  std::string out;
  auto hex = [](char c) { return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1; };
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '%' && i + 2 < text.size() && hex(text[i + 1]) >= 0 && hex(text[i + 2]) >= 0) {
      out += static_cast<char>(hex(text[i + 1]) * 16 + hex(text[i + 2]));
      i += 2;
    } else {
      out += text[i];
    }
  }
  return out;
}

// Takes out of `difference` each missing link that `same_link(missing,
// extra)` pairs with an extra one not paired yet, and that extra one: the
// same link, written as the translation writes it.
template <typename SameLink>
void pair_off(PlaceholderDifference& difference, SameLink same_link) {
  std::vector<bool> extra_used(difference.extra.size(), false);
  std::vector<std::uint32_t> missing;
  for (const std::uint32_t index : difference.missing) {
    bool paired = false;
    for (std::size_t e = 0; e < difference.extra.size() && !paired; ++e)
      if (!extra_used[e] && same_link(index, difference.extra[e])) extra_used[e] = paired = true;
    if (!paired) missing.push_back(index);
  }
  std::vector<std::uint32_t> extra;
  for (std::size_t e = 0; e < difference.extra.size(); ++e)
    if (!extra_used[e]) extra.push_back(difference.extra[e]);
  difference.missing = std::move(missing);
  difference.extra = std::move(extra);
}

// A link to a heading of the same page ("#connect-for-the-first-time") is
// translated with its heading: the translation's link goes to the
// translated heading (#首次连接). When both documents have as many headings,
// the k-th heading of one is the k-th of the other, and a missing link to the
// k-th source heading is the same link as an extra one to the k-th target
// heading; a link to any other heading is a wrong target and stays reported.
void drop_translated_heading_links(const Document& source, const Document& target, const PairPlaceholders& found,
                                   PlaceholderDifference& difference) {
  auto fragment = [](const Document& doc, const Placeholder& p) {
    std::string key = percent_decoded(placeholder_key(doc.text, p));
    if (key.size() < 2 || key.front() != '#') key.clear();
    return key;
  };
  const bool any_fragment =
      std::any_of(difference.missing.begin(), difference.missing.end(), [&](std::uint32_t i) { return !fragment(source, found.source[i]).empty(); }) &&
      std::any_of(difference.extra.begin(), difference.extra.end(), [&](std::uint32_t i) { return !fragment(target, found.target[i]).empty(); });
  if (!any_fragment) return;
  const std::vector<std::string> source_anchors = heading_anchors(source);
  const std::vector<std::string> target_anchors = heading_anchors(target);
  if (source_anchors.size() != target_anchors.size()) return;
  pair_off(difference, [&](std::uint32_t missing, std::uint32_t extra) {
    const std::string key = fragment(source, found.source[missing]);
    const auto heading = std::find(source_anchors.begin(), source_anchors.end(), key);
    if (key.empty() || heading == source_anchors.end()) return false;
    const std::string& counterpart = target_anchors[static_cast<std::size_t>(heading - source_anchors.begin())];
    return fragment(target, found.target[extra]) == counterpart;
  });
}

// A language code as sites write it in a URL's path, host or query
// (help.example.com/zh/…, zh-cn.example.com, ?lang=en), of the document's language.
bool is_language_code(std::string_view token, Lang lang) {
  static constexpr std::string_view kChinese[] = {"zh", "zh-cn", "zh_cn", "zh-hans", "zh-hans-cn", "zh-sg", "zh-tw", "zh_tw",
                                                  "zh-hk", "zh-hant", "zh-hant-tw", "cn", "chs", "cht"};
  static constexpr std::string_view kEnglish[] = {"en", "en-us", "en_us", "en-gb", "en_gb", "en-au", "en-ca", "en-in"};
  const std::string lower = to_lower_ascii(token);
  if (lang == Lang::zh) return std::find(std::begin(kChinese), std::end(kChinese), lower) != std::end(kChinese);
  if (lang == Lang::en) return std::find(std::begin(kEnglish), std::end(kEnglish), lower) != std::end(kEnglish);
  return false;
}

// The URL with its language codes of `lang` taken out, each with the '/' or
// '.' after it: help.example.com/zh/security -> help.example.com/security,
// zh.example.com/faq -> example.com/faq, ?lang=zh -> ?lang=.
// Empty when the URL holds none.
std::string without_language_codes(std::string_view url, Lang lang) {
  std::string out;
  bool removed = false;
  std::size_t begin = 0;
  while (begin <= url.size()) {
    std::size_t end = url.find_first_of("/.?&=#", begin);
    if (end == std::string_view::npos) end = url.size();
    const std::string_view token = url.substr(begin, end - begin);
    // (Not a label after a dot: example.cn is a domain.)
    const bool after_dot = begin > 0 && url[begin - 1] == '.';
    if (!token.empty() && !after_dot && is_language_code(token, lang)) {
      removed = true;
      if (end < url.size() && (url[end] == '/' || url[end] == '.')) ++end;  // the code's own separator
      else if (end < url.size()) out += url[end++];
    } else {
      out.append(url.substr(begin, end - begin));
      if (end < url.size()) out += url[end];
      ++end;
    }
    begin = end;
    if (begin == url.size()) break;
  }
  if (!removed) out.clear();
  return out;
}

// A translated page links to the translated pages of the site: the source's
// https://help.example.com/zh/security is the translation's
// https://help.example.com/en/security (or …/security with no code). A
// missing link and an extra one that are the same once each loses the
// language codes of its own document's language are one link, localised.
void drop_localised_links(const Document& source, const Document& target, const PairPlaceholders& found,
                          PlaceholderDifference& difference) {
  if (difference.missing.empty() || difference.extra.empty()) return;
  pair_off(difference, [&](std::uint32_t missing, std::uint32_t extra) {
    const std::string source_url = placeholder_key(source.text, found.source[missing]);
    const std::string source_plain = without_language_codes(source_url, source.lang);
    const std::string target_url = placeholder_key(target.text, found.target[extra]);
    const std::string target_plain = without_language_codes(target_url, target.lang);
    if (source_plain.empty() && target_plain.empty()) return false;  // no language code: a changed link
    return (source_plain.empty() ? source_url : source_plain) == (target_plain.empty() ? target_url : target_plain);
  });
}

}  // namespace

void PlaceholderLinkTarget::check(const CheckContext& context, FindingSink& out) const {
  const bool document_pair = context.units == nullptr;
  std::set<std::string, std::less<>> source_urls, target_urls;
  if (document_pair) {
    source_urls = urls_in(*context.source);
    target_urls = urls_in(*context.target);
  }
  std::vector<PairPlaceholders> storage;
  for (const PairPlaceholders& found : pair_placeholders(context, storage)) {
    PlaceholderDifference difference = compare_placeholders(*context.source, *context.target, found, is_url);
    if (document_pair) {
      drop_moved_and_cut(*context.source, *context.target, found, difference, source_urls, target_urls);
      drop_translated_heading_links(*context.source, *context.target, found, difference);
      drop_localised_links(*context.source, *context.target, found, difference);
    }
    report_placeholder_difference(*this, context, found, difference, "link", out);
  }
}

}  // namespace tc
