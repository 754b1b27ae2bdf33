#include "engine/suppression.h"

#include <algorithm>

#include "engine/run_config.h"
#include "rules/registry.h"

namespace tc {
namespace {

bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

std::string_view trimmed(std::string_view text) {
  while (!text.empty() && is_blank(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_blank(text.back())) text.remove_suffix(1);
  return text;
}

// "RULE, RULE" or "RULE RULE" into names.
std::vector<std::string> rule_names(std::string_view text) {
  std::vector<std::string> names;
  std::string current;
  for (char c : text) {
    if (c == ',' || is_blank(c)) {
      if (!current.empty()) names.push_back(std::move(current));
      current.clear();
    } else {
      current += c;
    }
  }
  if (!current.empty()) names.push_back(std::move(current));
  return names;
}

bool names_known_rule(const RuleList& rules, std::string_view name) {
  return name == "all" || find_rule(rules, name) != nullptr || is_family(rules, name);
}

struct Directive {
  std::string_view verb;
  std::string_view arguments;
};

// "transcheck-VERB RULES -- reason" inside a comment, or nothing.
std::optional<Directive> parse_directive(std::string_view body) {
  constexpr std::string_view kPrefix = "transcheck-";
  body = trimmed(body);
  if (body.substr(0, kPrefix.size()) != kPrefix) return std::nullopt;
  body.remove_prefix(kPrefix.size());
  std::size_t verb_end = 0;
  while (verb_end < body.size() && !is_blank(body[verb_end])) ++verb_end;
  Directive directive{body.substr(0, verb_end), body.substr(verb_end)};
  // The reason follows " -- " (or a "--" right at the start of the arguments).
  const std::string_view args = directive.arguments;
  std::size_t reason = args.find(" --");
  if (reason != std::string_view::npos) directive.arguments = args.substr(0, reason);
  return directive;
}

bool starts_line(std::string_view text, std::size_t pos) {
  while (pos > 0 && (text[pos - 1] == ' ' || text[pos - 1] == '\t')) --pos;
  return pos == 0 || text[pos - 1] == '\n' || text[pos - 1] == '\r';
}

bool in_code_block(const Document& doc, std::size_t offset) {
  return std::any_of(doc.blocks.begin(), doc.blocks.end(), [&](const Block& block) {
    return block.kind == BlockKind::code && offset >= block.span().begin && offset < block.span().end;
  });
}

std::size_t line_end(const Document& doc, std::size_t line) { return doc.lines.line_span(line, doc.text).end; }

}  // namespace

std::vector<Suppression> find_suppressions(const Document& doc, const RuleList& rules) {
  std::vector<Suppression> found;
  const CommentSyntax syntax = doc.format.comment;
  if (syntax.open.empty()) return found;
  const std::string_view text = doc.text;
  std::vector<std::size_t> open_ranges;  // indices into found of disables without their enable yet
  for (std::size_t pos = text.find(syntax.open); pos != std::string_view::npos; pos = text.find(syntax.open, pos)) {
    const std::size_t body_begin = pos + syntax.open.size();
    const std::size_t close = text.find(syntax.close, body_begin);
    if (close == std::string_view::npos) break;
    const Span comment{pos, close + syntax.close.size()};
    pos = comment.end;
    // A directive is markup on a line of its own; one shown in prose, in
    // inline code or in a code block is an example.
    if (!starts_line(text, comment.begin) || !doc.is_masked(comment.begin) || in_code_block(doc, comment.begin)) continue;
    const auto directive = parse_directive(text.substr(body_begin, close - body_begin));
    if (!directive) continue;
    Suppression s;
    s.document = &doc;
    s.comment = comment;
    s.rules = rule_names(directive->arguments);
    for (const std::string& name : s.rules)
      if (!names_known_rule(rules, name)) s.unknown.push_back(name);
    const std::size_t comment_end_line = doc.lines.line_of(comment.end == 0 ? 0 : comment.end - 1);
    if (directive->verb == "disable-next-line") {
      s.kind = Suppression::Kind::next_line;
      const std::size_t next = comment_end_line + 1;
      if (next >= doc.lines.line_count()) s.covered = {text.size(), text.size()};
      else s.covered = {doc.lines.start(next), line_end(doc, next)};
    } else if (directive->verb == "disable-file") {
      s.kind = Suppression::Kind::file;
      s.covered = {0, text.size()};
    } else if (directive->verb == "disable") {
      s.kind = Suppression::Kind::range;
      s.covered = {comment.end, text.size()};
      open_ranges.push_back(found.size());
    } else if (directive->verb == "enable") {
      // Closes the latest open range for each rule it names (all of them when it names none).
      const std::vector<std::string> names = rule_names(directive->arguments);
      for (auto it = open_ranges.begin(); it != open_ranges.end();) {
        Suppression& range = found[*it];
        const bool closes = names.empty() || range.rules.empty() ||
                            std::any_of(names.begin(), names.end(), [&](const std::string& name) {
                              return std::find(range.rules.begin(), range.rules.end(), name) != range.rules.end();
                            });
        if (closes) {
          range.covered.end = comment.begin;
          it = open_ranges.erase(it);
        } else {
          ++it;
        }
      }
      continue;
    } else {
      continue;  // an unknown verb is not a directive of ours
    }
    found.push_back(std::move(s));
  }
  return found;
}

std::size_t apply_suppressions(std::vector<Finding>& findings, std::vector<Suppression>& suppressions) {
  if (suppressions.empty()) return 0;
  const std::size_t before = findings.size();
  std::erase_if(findings, [&](const Finding& f) {
    bool suppressed = false;
    for (Suppression& s : suppressions) {
      if (s.document != f.document) continue;
      const bool names_it = s.rules.empty() || std::any_of(s.rules.begin(), s.rules.end(), [&](const std::string& name) {
                              return names_rule(name, f.rule);
                            });
      if (!names_it) continue;
      if (f.counts_omitted()) {
        // The left-out findings are anywhere in the file: only a file-wide
        // suppression covers them all. Any other of the rule may have
        // silenced one of them, so it is not reported as unused.
        s.used = true;
        suppressed = suppressed || s.kind == Suppression::Kind::file;
        continue;
      }
      const bool inside =
          s.kind == Suppression::Kind::file || (f.span.begin >= s.covered.begin && f.span.begin < s.covered.end);
      if (!inside) continue;
      s.used = true;  // every suppression that covers it counts as used
      suppressed = true;
    }
    return suppressed;
  });
  return before - findings.size();
}

std::vector<Finding> unused_suppression_findings(const std::vector<Suppression>& suppressions) {
  std::vector<Finding> out;
  for (const Suppression& s : suppressions) {
    if (s.used && s.unknown.empty()) continue;
    Finding f;
    f.rule = kUnusedSuppressionRule;
    f.severity = Severity::info;
    f.document = s.document;
    f.span = s.comment;
    if (!s.unknown.empty()) {
      std::string names;
      for (const std::string& name : s.unknown) names += (names.empty() ? "'" : ", '") + name + "'";
      f.message = "suppression names no known rule or family: " + names + " (see `transcheck rules`)";
    } else {
      f.message = "suppression silences nothing here; remove it";
    }
    out.push_back(std::move(f));
  }
  return out;
}

}  // namespace tc
