#include "rules/encoding/escape_sequence.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <cctype>
#include <array>
#include <cstring>
#include <optional>

#include "rules/code_point_events.h"
#include "rules/encoding/code_point_scan.h"

namespace tc {

const RuleInfo& EscapeSequence::info() const {
  static const RuleInfo kInfo{
      "encoding/escape-sequence", Severity::warning, RuleScope::document, RuleLanguage::any, true,
      "Literal escape sequences left in prose (\\u2019, \\n, \\\", \\xE2\\x80\\x99 ...)",
      R"(## What it does
Flags backslash escapes that a program should have decoded but printed
instead:
- `\uXXXX` (a UTF-16 pair `\uD83D\uDE00` is one finding), `\u{XXXX}` and
  `\UXXXXXXXX`; the fix is the character;
- runs of byte escapes `\xHH`; the fix is the decoded text when the bytes are
  valid UTF-8 (`\xE2\x80\x99` is "’");
- `\n`, `\r`, `\t` (`\r\n` and runs such as `\n\n` are one finding); no fix,
  because whether a line break or a space was meant depends on the document;
- `\"`, `\'` and `\/` (JSON's escaped slash, as in `http:\/\/`) in plain
  text, with the character as the fix. In Markdown a backslash before
  punctuation is a legitimate escape and is not flagged.

Not flagged: anything in code (Markdown code spans and blocks), doubled
backslashes (`\\n`), Windows paths (a token with a drive letter `C:\`, a
leading `\\`, `.\` or `..\`, or a backslash before a letter that is not an
escape letter, as in `C:\new\test` or `docs\Users\notes`) and LaTeX commands
such as `\nu`, `\theta`, `\times`, `\rho`, `\right`. A lone relative path
such as `dir\new` cannot be told from an escape and is flagged.

## Why it matters
These leftovers come from JSON or CSV exports, from translation memories and
from string literals copied out of code. Readers see `don\u2019t` or a stray
`\n` in the middle of a sentence.

## Example
`Patients don\u2019t need it.\nCall us.` has two findings: column 13 with
the fix "’", and column 29 ("literal \n in text") without a fix.

## Options
None.)"};
  return kInfo;
}

namespace {

bool is_hex(char c) { return std::isxdigit(static_cast<unsigned char>(c)) != 0; }
bool is_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

std::optional<char32_t> hex_value(std::string_view text, std::size_t pos, std::size_t digits) {
  if (pos + digits > text.size()) return std::nullopt;
  char32_t value = 0;
  for (std::size_t i = pos; i < pos + digits; ++i) {
    if (!is_hex(text[i])) return std::nullopt;
    value = value * 16 + static_cast<char32_t>(std::isdigit(static_cast<unsigned char>(text[i])) ? text[i] - '0'
                                                                                            : (text[i] | 0x20) - 'a' + 10);
  }
  return value;
}

struct Escape {
  std::size_t end = 0;
  std::optional<std::string> decoded;  // the fix, when unambiguous
  bool line_break = false;             // \n, \r or \t
};

bool valid_scalar(char32_t cp) { return cp <= 0x10FFFF && !(cp >= 0xD800 && cp <= 0xDFFF); }

// \uXXXX (with a following low surrogate when XXXX is a high one), \u{X...}, \UXXXXXXXX.
std::optional<Escape> unicode_escape(std::string_view text, std::size_t pos) {
  const char kind = text[pos + 1];
  if (kind == 'U') {
    const auto cp = hex_value(text, pos + 2, 8);
    if (!cp) return std::nullopt;
    Escape e{pos + 10, std::nullopt, false};
    if (valid_scalar(*cp)) e.decoded = utf8::encode(*cp);
    return e;
  }
  if (pos + 2 < text.size() && text[pos + 2] == '{') {
    const std::size_t close = text.find('}', pos + 3);
    if (close == std::string_view::npos || close == pos + 3 || close > pos + 9) return std::nullopt;
    const auto cp = hex_value(text, pos + 3, close - pos - 3);
    if (!cp) return std::nullopt;
    Escape e{close + 1, std::nullopt, false};
    if (valid_scalar(*cp)) e.decoded = utf8::encode(*cp);
    return e;
  }
  const auto unit = hex_value(text, pos + 2, 4);
  if (!unit) return std::nullopt;
  Escape e{pos + 6, std::nullopt, false};
  if (*unit >= 0xD800 && *unit <= 0xDBFF && text.compare(pos + 6, 2, "\\u") == 0) {
    const auto low = hex_value(text, pos + 8, 4);
    if (low && *low >= 0xDC00 && *low <= 0xDFFF) {
      e.end = pos + 12;
      e.decoded = utf8::encode(0x10000 + ((*unit - 0xD800) << 10) + (*low - 0xDC00));
      return e;
    }
  }
  if (valid_scalar(*unit)) e.decoded = utf8::encode(*unit);
  return e;
}

// A run of \xHH byte escapes; the fix when the bytes are well-formed UTF-8 text.
std::optional<Escape> byte_escapes(std::string_view text, std::size_t pos) {
  std::string bytes;
  std::size_t end = pos;
  while (text.compare(end, 2, "\\x") == 0) {
    const auto byte = hex_value(text, end + 2, 2);
    if (!byte) break;
    bytes += static_cast<char>(*byte);
    end += 4;
  }
  if (bytes.empty()) return std::nullopt;
  Escape e{end, std::nullopt, false};
  bool printable = utf8::is_valid(bytes);
  for (char c : bytes) printable = printable && static_cast<unsigned char>(c) >= 0x20 && c != 0x7F;
  if (printable) e.decoded = bytes;
  return e;
}

// LaTeX commands that start like an escape (\n, \t, \r, \u, \x); a prose
// formula may hold them.
bool is_latex_command(std::string_view word) {
  static constexpr std::array<std::string_view, 34> kCommands{
      "nabla", "ne",   "neg",   "neq",      "newline", "ni",      "not",        "nu",       "nearrow",
      "tau",   "text", "textbf", "textit",  "textrm",  "theta",   "tilde",      "times",    "to",
      "top",   "triangle", "rangle", "rceil", "rfloor", "rho",    "right",      "rightarrow", "rm",
      "underline", "uparrow", "upsilon", "xi",  "textsuperscript", "textsubscript", "tfrac"};
  return std::find(kCommands.begin(), kCommands.end(), word) != kCommands.end();
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// True when the whitespace-delimited token around pos looks like a Windows path.
bool in_windows_path(std::string_view text, std::size_t pos) {
  std::size_t begin = pos;
  while (begin > 0 && !is_space(text[begin - 1])) --begin;
  std::size_t end = pos;
  while (end < text.size() && !is_space(text[end])) ++end;
  const std::string_view token = text.substr(begin, end - begin);
  for (std::size_t i = 0; i + 2 < token.size(); ++i)  // drive letter, possibly after a quote or bracket
    if (is_letter(token[i]) && token[i + 1] == ':' && token[i + 2] == '\\' && (i == 0 || !is_letter(token[i - 1])))
      return true;
  if (token.starts_with("\\\\") || token.starts_with(".\\") || token.starts_with("..\\") || token.starts_with("~\\") ||
      token.starts_with("%"))
    return true;
  // A path segment after a backslash that no escape letter starts: docs\Users\notes.
  for (std::size_t i = 0; i + 1 < token.size(); ++i) {
    if (token[i] != '\\' || !is_letter(token[i + 1])) continue;
    const char letter = token[i + 1];
    const bool escape = letter == 'n' || letter == 'r' || letter == 't' ||
                        (letter == 'u' && (hex_value(token, i + 2, 4) || token.substr(i + 2, 1) == "{")) ||
                        (letter == 'U' && hex_value(token, i + 2, 8)) || (letter == 'x' && hex_value(token, i + 2, 2));
    if (!escape) return true;
  }
  return false;
}

std::string_view control_name(char c) { return c == 'n' ? "\\n" : c == 'r' ? "\\r" : "\\t"; }

}  // namespace

void EscapeSequence::check(const CheckContext& context, FindingSink& out) const {
  const Document& doc = context.doc;
  const std::string_view prose = doc.prose();
  EventWalk walk(context, code_point_class::kBackslash, /*prose_only=*/true);
  std::size_t pos = 0;
  while (const text::ClassEvent* event = walk.next(pos)) {
    pos = event->begin;
    if (pos + 1 >= prose.size()) break;  // a backslash that ends the text escapes nothing
    const char next = prose[pos + 1];
    if (next == '\\') {  // a doubled backslash is a literal backslash, not an escape
      while (pos < prose.size() && prose[pos] == '\\') ++pos;
      continue;
    }
    std::optional<Escape> escape;
    std::string message;
    if (next == 'u' || next == 'U') {
      escape = unicode_escape(prose, pos);
    } else if (next == 'x') {
      escape = byte_escapes(prose, pos);
    } else if (next == 'n' || next == 'r' || next == 't') {
      std::size_t word_end = pos + 1;
      while (word_end < prose.size() && is_letter(prose[word_end])) ++word_end;
      if (!is_latex_command(prose.substr(pos + 1, word_end - pos - 1)) && !in_windows_path(prose, pos)) {
        std::size_t end = pos;
        std::string names;
        while (end + 1 < prose.size() && prose[end] == '\\' && std::strchr("nrt", prose[end + 1]) && prose[end + 1]) {
          names += control_name(prose[end + 1]);
          end += 2;
        }
        escape = Escape{end, std::nullopt, true};
        message = "literal " + names + " in text";
      }
    } else if ((next == '"' || next == '\'' || next == '/') && !doc.format.backslash_escapes) {
      escape = Escape{pos + 2, std::string(1, next), false};
    }
    if (!escape || (!escape->line_break && in_windows_path(prose, pos) && next != '"' && next != '\'' && next != '/')) {
      pos += 1;
      continue;
    }
    const std::string written(doc.text.substr(pos, escape->end - pos));
    if (message.empty()) message = "literal escape sequence '" + written + "' in text";
    Finding f = make_finding(doc, {pos, escape->end}, std::move(message));
    if (escape->decoded) {
      f.fix = *escape->decoded;
      const char32_t first = utf8::at(*escape->decoded, 0);
      const bool single = utf8::count(*escape->decoded) == 1;
      if (!single || u_isgraph(static_cast<UChar32>(first)))
        f.message += "; it stands for '" + *escape->decoded + "'";
      else
        f.message += "; it stands for " + encoding::describe_code_point(first);
    }
    out.push_back(std::move(f));
    pos = escape->end;
  }
}

}  // namespace tc
