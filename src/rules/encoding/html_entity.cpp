#include "rules/encoding/html_entity.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstring>
#include <optional>

#include <unicode/uchar.h>

#include "rules/code_point_events.h"
#include "rules/encoding/code_point_scan.h"
#include "rules/encoding/unusual_space.h"

namespace tc {

const RuleInfo& HtmlEntity::info() const {
  static constexpr OptionSpec kOptions[] = {
      {"allow", OptionType::list, "", "entity names to accept, e.g. `nbsp,amp` for Markdown that uses them on purpose"},
  };
  static const RuleInfo kInfo{
      "encoding/html-entity", Severity::warning, RuleScope::document, RuleLanguage::any, true,
      "HTML character references left in text (&nbsp; &amp;amp; &#8217; ...)",
      R"(## What it does
Flags HTML character references in prose: named ones such as `&nbsp;`,
`&amp;`, `&rsquo;`, decimal ones such as `&#8217;` and hexadecimal ones such
as `&#x2019;`. Escaped-twice references (`&amp;amp;`, `&amp;#8217;`) are one
finding and are decoded all the way. The fix is the decoded text (a space for
`&nbsp;` and the other space entities, which encoding/unusual-space would report).

Named references are looked up in a table of 167 HTML5 entities
that occur in ordinary text (punctuation, quotes, dashes, spaces, currency,
Latin letters with accents, Greek letters, arrows and math signs); the full
HTML5 list has over 2,000 names, mostly for mathematics, and an unknown name
is left alone. A reference needs its closing `;`, except the legacy forms
`&amp` `&lt` `&gt` `&quot` `&nbsp` when no letter or digit follows. So
"AT&T", "R&D", "Q&A", a lone "&" and "&" before an ordinary word are not
flagged. Numeric references 128–159 decode as Windows-1252, as browsers do
(`&#146;` is "’"). Code and raw HTML in Markdown are not checked.

## Why it matters
The references show up literally ("don&rsquo;t", "Tom &amp; Jerry") when
text scraped from a web page or exported from a CMS is escaped once too
often, or pasted into a format that does not decode them.

## Example
`Patients&rsquo; records` is flagged at column 9 with the fix "’";
`Smith &amp;amp; Wesson` at column 7 with the fix "&".)", /*explains_its_span=*/false, /*reads_undecoded=*/false, kOptions};
  return kInfo;
}

namespace {

struct NamedEntity {
  std::string_view name;
  char32_t code_point;
};

// Common HTML5 named character references (https://html.spec.whatwg.org/entities.json), sorted by name.
constexpr std::array kEntities = std::to_array<NamedEntity>({
    {"AElig", 0xC6},    {"Aacute", 0xC1},  {"Acirc", 0xC2},   {"Agrave", 0xC0},  {"Alpha", 0x391},
    {"Aring", 0xC5},    {"Atilde", 0xC3},  {"Auml", 0xC4},    {"Beta", 0x392},   {"Ccedil", 0xC7},
    {"Dagger", 0x2021}, {"Delta", 0x394},  {"Eacute", 0xC9},  {"Ecirc", 0xCA},   {"Egrave", 0xC8},
    {"Euml", 0xCB},     {"Gamma", 0x393},  {"Iacute", 0xCD},  {"Icirc", 0xCE},   {"Iuml", 0xCF},
    {"Lambda", 0x39B},  {"Ntilde", 0xD1},  {"Oacute", 0xD3},  {"Ocirc", 0xD4},   {"Ograve", 0xD2},
    {"Omega", 0x3A9},   {"Oslash", 0xD8},  {"Otilde", 0xD5},  {"Ouml", 0xD6},    {"Phi", 0x3A6},
    {"Pi", 0x3A0},      {"Prime", 0x2033}, {"Psi", 0x3A8},    {"Sigma", 0x3A3},  {"Theta", 0x398},
    {"Uacute", 0xDA},   {"Ucirc", 0xDB},   {"Ugrave", 0xD9},  {"Uuml", 0xDC},    {"Yacute", 0xDD},
    {"aacute", 0xE1},   {"acirc", 0xE2},   {"acute", 0xB4},   {"aelig", 0xE6},   {"agrave", 0xE0},
    {"alpha", 0x3B1},   {"amp", 0x26},     {"apos", 0x27},    {"aring", 0xE5},   {"asymp", 0x2248},
    {"atilde", 0xE3},   {"auml", 0xE4},    {"bdquo", 0x201E}, {"beta", 0x3B2},   {"brvbar", 0xA6},
    {"bull", 0x2022},   {"ccedil", 0xE7},  {"cedil", 0xB8},   {"cent", 0xA2},    {"chi", 0x3C7},
    {"copy", 0xA9},     {"curren", 0xA4},  {"dagger", 0x2020}, {"darr", 0x2193}, {"deg", 0xB0},
    {"delta", 0x3B4},   {"divide", 0xF7},  {"eacute", 0xE9},  {"ecirc", 0xEA},   {"egrave", 0xE8},
    {"emsp", 0x2003},   {"ensp", 0x2002},  {"epsilon", 0x3B5}, {"eta", 0x3B7},   {"euml", 0xEB},
    {"euro", 0x20AC},   {"frac12", 0xBD},  {"frac14", 0xBC},  {"frac34", 0xBE},  {"gamma", 0x3B3},
    {"ge", 0x2265},     {"gt", 0x3E},      {"harr", 0x2194},  {"hellip", 0x2026}, {"iacute", 0xED},
    {"icirc", 0xEE},    {"iexcl", 0xA1},   {"igrave", 0xEC},  {"infin", 0x221E}, {"iota", 0x3B9},
    {"iquest", 0xBF},   {"iuml", 0xEF},    {"kappa", 0x3BA},  {"lambda", 0x3BB}, {"laquo", 0xAB},
    {"larr", 0x2190},   {"ldquo", 0x201C}, {"le", 0x2264},    {"lrm", 0x200E},   {"lsaquo", 0x2039},
    {"lsquo", 0x2018},  {"lt", 0x3C},      {"macr", 0xAF},    {"mdash", 0x2014}, {"micro", 0xB5},
    {"middot", 0xB7},   {"minus", 0x2212}, {"mu", 0x3BC},     {"nbsp", 0xA0},    {"ndash", 0x2013},
    {"ne", 0x2260},     {"not", 0xAC},     {"ntilde", 0xF1},  {"nu", 0x3BD},     {"oacute", 0xF3},
    {"ocirc", 0xF4},    {"ograve", 0xF2},  {"omega", 0x3C9},  {"ordf", 0xAA},    {"ordm", 0xBA},
    {"oslash", 0xF8},   {"otilde", 0xF5},  {"ouml", 0xF6},    {"para", 0xB6},    {"permil", 0x2030},
    {"phi", 0x3C6},     {"pi", 0x3C0},     {"plusmn", 0xB1},  {"pound", 0xA3},   {"prime", 0x2032},
    {"psi", 0x3C8},     {"quot", 0x22},    {"raquo", 0xBB},   {"rarr", 0x2192},  {"rdquo", 0x201D},
    {"reg", 0xAE},      {"rho", 0x3C1},    {"rlm", 0x200F},   {"rsaquo", 0x203A}, {"rsquo", 0x2019},
    {"sbquo", 0x201A},  {"sect", 0xA7},    {"shy", 0xAD},     {"sigma", 0x3C3},  {"sup1", 0xB9},
    {"sup2", 0xB2},     {"sup3", 0xB3},    {"szlig", 0xDF},   {"tau", 0x3C4},    {"theta", 0x3B8},
    {"thinsp", 0x2009}, {"times", 0xD7},   {"trade", 0x2122}, {"uacute", 0xFA},  {"uarr", 0x2191},
    {"ucirc", 0xFB},    {"ugrave", 0xF9},  {"uml", 0xA8},     {"upsilon", 0x3C5}, {"uuml", 0xFC},
    {"xi", 0x3BE},      {"yacute", 0xFD},  {"yen", 0xA5},     {"yuml", 0xFF},    {"zeta", 0x3B6},
    {"zwj", 0x200D},    {"zwnj", 0x200C},
});

// HTML5 decodes numeric references 0x80-0x9F as Windows-1252 (0 = undefined there, keep as is).
constexpr std::array<char32_t, 32> kWindows1252{
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

bool is_ascii_alnum(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

std::optional<char32_t> lookup(std::string_view name) {
  const auto it = std::lower_bound(kEntities.begin(), kEntities.end(), name,
                                   [](const NamedEntity& e, std::string_view n) { return e.name < n; });
  if (it == kEntities.end() || it->name != name) return std::nullopt;
  return it->code_point;
}

struct Reference {
  std::size_t end = 0;           // just past the reference
  std::string name;              // "rsquo", "#8217", "#x2019"
  std::optional<char32_t> value; // nullopt for a numeric reference to nothing valid
};

// Parses the reference whose '&' is at text[amp].
std::optional<Reference> parse_reference(std::string_view text, std::size_t amp) {
  std::size_t i = amp + 1;
  if (i < text.size() && text[i] == '#') {
    ++i;
    const bool hex = i < text.size() && (text[i] == 'x' || text[i] == 'X');
    if (hex) ++i;
    const std::size_t digits = i;
    unsigned long value = 0;
    while (i < text.size() && i - digits < 8 &&
           (hex ? std::isxdigit(static_cast<unsigned char>(text[i])) : std::isdigit(static_cast<unsigned char>(text[i])))) {
      value = value * (hex ? 16 : 10) + static_cast<unsigned long>(std::isdigit(static_cast<unsigned char>(text[i]))
                                                                         ? text[i] - '0'
                                                                         : (text[i] | 0x20) - 'a' + 10);
      ++i;
    }
    if (i == digits || i >= text.size() || text[i] != ';') return std::nullopt;
    Reference ref{i + 1, std::string(text.substr(amp + 1, i - amp - 1)), std::nullopt};
    char32_t cp = static_cast<char32_t>(value);
    if (cp >= 0x80 && cp <= 0x9F && kWindows1252[cp - 0x80] != 0) cp = kWindows1252[cp - 0x80];
    if (cp != 0 && cp <= 0x10FFFF && !(cp >= 0xD800 && cp <= 0xDFFF)) ref.value = cp;
    return ref;
  }
  const std::size_t name_begin = i;
  while (i < text.size() && i - name_begin < 10 && is_ascii_alnum(text[i])) ++i;
  const std::string_view name = text.substr(name_begin, i - name_begin);
  const auto value = lookup(name);
  if (!value) return std::nullopt;
  if (i < text.size() && text[i] == ';') return Reference{i + 1, std::string(name), value};
  // Legacy references without ';', which browsers still decode.
  static constexpr std::array<std::string_view, 5> kLegacy{"amp", "gt", "lt", "nbsp", "quot"};
  if (std::find(kLegacy.begin(), kLegacy.end(), name) == kLegacy.end()) return std::nullopt;
  if (i < text.size() && is_ascii_alnum(text[i])) return std::nullopt;
  return Reference{i, std::string(name), value};
}

}  // namespace

void HtmlEntity::check(const CheckContext& context, FindingSink& out) const {
  const Document& doc = context.doc;
  const std::string_view prose = doc.prose();
  const std::vector<std::string> allowed = context.options.list("encoding/html-entity.allow");
  EventWalk walk(context, code_point_class::kAmpersand, /*prose_only=*/true);
  std::size_t pos = 0;
  while (const text::ClassEvent* event = walk.next(pos)) {
    pos = event->begin;
    auto ref = parse_reference(prose, pos);
    const bool markdown_escaped = pos > 0 && prose[pos - 1] == '\\' && doc.format.backslash_escapes;  // "\&amp;" is meant literally
    if (!ref || markdown_escaped || std::find(allowed.begin(), allowed.end(), ref->name) != allowed.end()) {
      ++pos;
      continue;
    }
    // "&amp;amp;" and "&amp;#8217;": the text was escaped more than once; decode every layer.
    std::size_t end = ref->end;
    std::optional<char32_t> value = ref->value;
    int layers = 1;
    while (value == U'&' && ref->name == "amp") {
      // The decoded '&' and the text after it form the next layer; parse_reference
      // never reads the '&' itself, so point it at the ';' that ended this layer.
      ref = parse_reference(prose, end - 1);
      if (!ref) break;
      end = ref->end;
      value = ref->value;
      ++layers;
    }
    const std::string written(doc.text.substr(pos, end - pos));
    std::string message = "HTML entity '" + written + "' in text";
    if (layers > 1) message += " (escaped " + std::to_string(layers) + " times)";
    Finding f = make_finding(doc, {pos, end}, message);
    if (value) {
      // &nbsp; decoded is a no-break space, which encoding/unusual-space
      // would report in turn: the fix writes the space it would ask for.
      const bool unusual_space = is_unusual_space(*value) && !(doc.lang == Lang::zh && *value == 0x3000);
      f.fix = unusual_space ? std::string(" ") : utf8::encode(*value);
      const bool visible = u_isgraph(static_cast<UChar32>(*value));
      f.message += "; it stands for " + (visible ? "'" + f.fix->replacement() + "'" : encoding::describe_code_point(*value));
    }
    out.push_back(std::move(f));
    pos = end;
  }
}

}  // namespace tc
